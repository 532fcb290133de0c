// diplograph-query-bench: typed-neighbour lookups, 2-hop expansions and a selective MATCH on a
// large graph, each timed against the same question answered by a plain loop over all edges,
// in one run. The indexed answers should cost what they touch; the loops cost the graph's size.
//
//   diplograph-generate --nodes 100000 --edges 1000000 -o /tmp/g1m
//   diplograph-query-bench /tmp/g1m

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

namespace dg = diplograph;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Times `f` over every sample; returns microseconds per call. `sink` keeps results alive.
template <class F>
double per_call_us(const std::vector<dg::Node>& samples, std::size_t& sink, F&& f) {
  const auto t = Clock::now();
  for (const dg::Node& n : samples) sink += f(n);
  return seconds_since(t) * 1e6 / static_cast<double>(samples.size());
}

// The edge type with the most edges: the least favourable one for the index.
dg::TypeId busiest_edge_type(const dg::Graph& g) {
  std::vector<std::size_t> counts(g.schema().edge_types().size());
  for (dg::Edge e : g.edges()) ++counts[e.type_id()];
  return static_cast<dg::TypeId>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

std::size_t two_hop_indexed(const dg::Graph& g, dg::Node n) {
  std::unordered_set<dg::NodeIndex> seen{n.index()};
  std::vector<dg::NodeIndex> first;
  auto visit = [&](dg::NodeIndex at, std::vector<dg::NodeIndex>* next) {
    for (dg::EdgeIndex e : g.out_edges(at))
      if (seen.insert(g.edge(e).to().index()).second && next) next->push_back(g.edge(e).to().index());
    for (dg::EdgeIndex e : g.in_edges(at))
      if (seen.insert(g.edge(e).from().index()).second && next) next->push_back(g.edge(e).from().index());
  };
  visit(n.index(), &first);
  for (dg::NodeIndex m : first) visit(m, nullptr);
  return seen.size() - 1;
}

std::size_t two_hop_scan(const dg::Graph& g, dg::Node n) {
  std::unordered_set<dg::NodeIndex> seen{n.index()}, first;
  for (dg::Edge e : g.edges()) {
    if (e.from() == n && seen.insert(e.to().index()).second) first.insert(e.to().index());
    if (e.to() == n && seen.insert(e.from().index()).second) first.insert(e.from().index());
  }
  for (dg::Edge e : g.edges()) {
    if (first.contains(e.from().index())) seen.insert(e.to().index());
    if (first.contains(e.to().index())) seen.insert(e.from().index());
  }
  return seen.size() - 1;
}

void row(const char* question, double indexed, double scan, double touched) {
  std::printf("| %-38s | %12.2f | %12.1f | %9.0fx | %10.1f |\n", question, indexed, scan, scan / indexed, touched);
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"Query costs on a large graph, indexed against a plain loop over all edges, in one run."};
  std::string path;
  std::size_t samples = 1000, scan_samples = 20;
  app.add_option("GRAPH", path, "Graph directory or file (e.g. made by diplograph-generate)")->required();
  app.add_option("--samples", samples, "Start nodes for the indexed questions")->capture_default_str();
  app.add_option("--scan-samples", scan_samples, "Start nodes for the loops over all edges")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto t = Clock::now();
  const dg::Graph g = dg::load(path);
  std::printf("loaded %zu nodes, %zu edges in %.2f s\n\n", g.node_count(), g.edge_count(), seconds_since(t));

  // Start nodes spread evenly over the index range, hubs and leaves alike.
  std::vector<dg::Node> starts;
  for (std::size_t i = 0; i < samples; ++i)
    starts.push_back(g.node(static_cast<dg::NodeIndex>(i * g.node_count() / samples)));
  const std::vector<dg::Node> scan_starts(
      starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(std::min(scan_samples, starts.size())));
  const dg::TypeId type = busiest_edge_type(g);
  const std::string type_name = g.schema().edge_type(type).name;

  std::size_t sink = 0, touched = 0;
  for (const auto& n : starts) touched += g.out_edges(n.index(), type).size();
  std::printf("edge type %s; %zu start nodes for the indexed answers, %zu for the loops\n\n", type_name.c_str(),
              starts.size(), scan_starts.size());
  std::printf("| %-38s | %12s | %12s | %10s | %10s |\n", "question (per start node)", "indexed us", "loop us",
              "loop/index", "results");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(40, '-').c_str(), std::string(14, '-').c_str(),
              std::string(14, '-').c_str(), std::string(12, '-').c_str(), std::string(12, '-').c_str());

  {
    const double indexed = per_call_us(starts, sink, [&](dg::Node n) { return g.out_edges(n.index(), type).size(); });
    const double scan = per_call_us(scan_starts, sink, [&](dg::Node n) {
      std::size_t count = 0;
      for (dg::Edge e : g.edges()) count += e.from() == n && e.type_id() == type;
      return count;
    });
    row(("typed neighbours (" + type_name + " out)").c_str(), indexed, scan,
        static_cast<double>(touched) / static_cast<double>(starts.size()));
  }
  {
    std::size_t found = 0;
    const double indexed = per_call_us(starts, sink, [&](dg::Node n) {
      const std::size_t k = two_hop_indexed(g, n);
      found += k;
      return k;
    });
    const double scan = per_call_us(scan_starts, sink, [&](dg::Node n) { return two_hop_scan(g, n); });
    row("2-hop expansion (all types, both ways)", indexed, scan,
        static_cast<double>(found) / static_cast<double>(starts.size()));
  }
  {
    std::size_t found = 0;
    const double indexed = per_call_us(starts, sink, [&](dg::Node n) {
      const auto r =
          dg::query(g, "MATCH (a {id: '" + std::string(n.id()) + "'})-[:" + type_name + "]->(b) RETURN b.id");
      found += r.rows.size();
      return r.rows.size();
    });
    const double scan = per_call_us(scan_starts, sink, [&](dg::Node n) {
      std::size_t count = 0;
      for (dg::Edge e : g.edges())
        if (e.type_id() == type && e.from().id() == n.id()) ++count;
      return count;
    });
    row("selective MATCH (parse + run)", indexed, scan,
        static_cast<double>(found) / static_cast<double>(starts.size()));
  }
  {
    t = Clock::now();
    const auto r = dg::query(g, "MATCH (a)-[:" + type_name + "]->(b) RETURN count(*)");
    std::printf("\nfor scale, a MATCH over every %s edge: %.1f ms (%s rows counted)\n", type_name.c_str(),
                seconds_since(t) * 1e3, r.rows[0][0].to_string().c_str());
  }
  return sink == 0 ? 1 : 0;  // keeps the work from being optimised away
} catch (const dg::Error& e) {
  std::cerr << e.what() << '\n';
  return 2;
}
