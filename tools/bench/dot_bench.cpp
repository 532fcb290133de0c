// diplograph-dot-bench: DOT export through cgraph (agwrite) against the streaming writer, in the
// same run, on a whole graph and on a 10k-node view; then the render time of the README diagram
// of the bundled graph. Times are best of `--runs`; memory is the peak resident size each step
// adds (Linux: VmHWM after resetting it through /proc/self/clear_refs).

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include "diplograph/dot.hpp"
#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/view.hpp"

namespace {

long rss_kb(const char* field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  return 0;
}

void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Counts what is written and drops it: the streaming writer is timed without a sink's cost.
struct CountingBuffer : std::streambuf {
  std::size_t bytes = 0;
  std::streamsize xsputn(const char*, std::streamsize n) override { return bytes += n, n; }
  int_type overflow(int_type c) override { return ++bytes, c; }
};

struct Measure {
  double seconds = 1e300;
  long peak_kb = 0;
  std::size_t bytes = 0;
};

Measure measure(int runs, const std::function<std::size_t()>& step) {
  Measure m;
  for (int i = 0; i < runs; ++i) {
    const long before = rss_kb("VmRSS:");
    reset_peak();
    const auto start = std::chrono::steady_clock::now();
    m.bytes = step();
    m.seconds = std::min(m.seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    m.peak_kb = std::max(m.peak_kb, rss_kb("VmHWM:") - before);
  }
  return m;
}

void report(const std::string& what, const Measure& m) {
  std::printf("%-44s %9.3f s %8.1f MB/s %8.1f MB peak added (%zu bytes)\n", what.c_str(), m.seconds,
              m.bytes / 1e6 / m.seconds, m.peak_kb / 1024.0, m.bytes);
}

void compare(const std::string& name, const diplograph::Graph& g, int runs) {
  std::printf("%s: %zu nodes, %zu edges\n", name.c_str(), g.node_count(), g.edge_count());
  diplograph::DotOptions o;
  o.writer = diplograph::DotWriter::streaming;
  const Measure stream = measure(runs, [&] {
    CountingBuffer counter;
    std::ostream out(&counter);
    diplograph::write_dot(g, out, o);
    return counter.bytes;
  });
  report("  streaming writer", stream);
  o.writer = diplograph::DotWriter::cgraph;
  const Measure cgraph = measure(runs, [&] { return diplograph::to_dot(g, o).size(); });
  report("  cgraph (agwrite)", cgraph);
  std::printf("  cgraph / streaming time: %.1fx\n", cgraph.seconds / stream.seconds);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"DOT export and render benchmark"};
  std::string graph_path, bundled = DIPLOGRAPH_SOURCE_GRAPH;
  int runs = 1;
  std::size_t view_nodes = 10000;
  app.add_option("graph", graph_path, "Large graph (e.g. from diplograph-generate)")->required();
  app.add_option("--bundled", bundled, "The bundled graph, for the render timing")->capture_default_str();
  app.add_option("--runs", runs, "Best of this many runs")->capture_default_str();
  app.add_option("--view-nodes", view_nodes, "Nodes in the view")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const diplograph::Graph g = diplograph::load(graph_path);
    std::vector<bool> keep(g.node_count(), false), edges(g.edge_count(), true);
    for (std::size_t i = 0; i < std::min(view_nodes, keep.size()); ++i) keep[i] = true;
    const diplograph::Graph view = g.subgraph(keep, edges);
    compare("view (first " + std::to_string(view_nodes) + " nodes)", view, runs);
    compare("whole graph", g, runs);

    const diplograph::Graph b = diplograph::load(bundled);
    diplograph::ViewOptions v;
    v.center = "az-ru-crisis";
    const diplograph::Graph readme = diplograph::view(b, v);
    std::printf("render of the README view (%zu nodes, %zu edges), dot layout:\n", readme.node_count(),
                readme.edge_count());
    diplograph::RenderOptions as_in_readme;  // tools/render-readme-diagram.sh
    as_in_readme.dot.wrap = 28;
    as_in_readme.dot.title = "The Azerbaijan–Russia crisis from December 2024: what led to it, what it consists of";
    for (auto [name, format] :
         {std::pair{"svg", diplograph::ImageFormat::svg}, std::pair{"png", diplograph::ImageFormat::png}}) {
      const Measure r = measure(runs, [&] { return diplograph::to_image(readme, as_in_readme, format).size(); });
      report(std::string("  ") + name, r);
    }
    diplograph::RenderOptions sfdp;
    sfdp.layout = diplograph::Layout::sfdp;
    const Measure whole =
        measure(runs, [&] { return diplograph::to_image(b, sfdp, diplograph::ImageFormat::svg).size(); });
    report("render of the whole bundled graph, sfdp, svg", whole);
  } catch (const diplograph::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
