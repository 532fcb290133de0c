// diplograph-load-bench: diplograph::load against RapidJSON alone on the same bytes, and the
// memory the loaded graph holds. Best of 3 runs each, all in one process.

#include <malloc.h>
#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <optional>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"

namespace {

namespace fs = std::filesystem;

// The data files load() reads: the file itself, or every *.json of a directory but schema.json.
std::vector<fs::path> data_files(const fs::path& path) {
  if (!fs::is_directory(path)) return {path};
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(path))
    if (entry.is_regular_file() && entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> read_all(const std::vector<fs::path>& files) {
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text(fs::file_size(f), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
      throw std::runtime_error("cannot read " + f.string());
    texts.push_back(std::move(text));
  }
  return texts;
}

// CPU seconds of the whole process, every thread.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The best of 3 runs, in wall time and in CPU time (each the best of its own), so that a run
// on a busy host still shows how much work each step is.
struct Timing {
  double wall = 1e300, cpu = 1e300;
};

Timing best_of_3(const std::function<void()>& run) {
  Timing best;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu = cpu_seconds();
    run();
    best.cpu = std::min(best.cpu, cpu_seconds() - cpu);
    best.wall = std::min(best.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

void dom_parse(const std::vector<std::string>& texts) {
  for (const auto& t : texts) {
    rapidjson::Document doc;
    doc.Parse(t.c_str(), t.size());
    if (doc.HasParseError()) throw std::runtime_error("RapidJSON DOM parse failed");
  }
}

void sax_parse(const std::vector<std::string>& texts) {
  constexpr unsigned flags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  for (const auto& t : texts) {
    rapidjson::Reader reader;
    rapidjson::StringStream in(t.c_str());
    rapidjson::BaseReaderHandler<> null_handler;
    if (!reader.Parse<flags>(in, null_handler)) throw std::runtime_error("RapidJSON SAX parse failed");
  }
}

// Resident set size in bytes, from /proc/self/statm.
std::size_t resident_bytes() {
  std::ifstream in("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  in >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// A field of /proc/self/status in bytes, e.g. "VmHWM".
std::size_t status_bytes(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stoull(line.substr(field.size() + 1)) * 1024;
  return 0;
}

void row(const char* name, Timing t, const char* note = "") {
  std::printf("  %-34s %9.3f s  %s  (CPU %.3f s)\n", name, t.wall, note, t.cpu);
}

void bench(const fs::path& path) {
  const auto files = data_files(path);

  // Memory first, in a heap that no DOM has touched yet; malloc_trim returns the loader's
  // temporary buffers to the system so that only what the graph holds stays resident.
  malloc_trim(0);
  const std::size_t before = resident_bytes();
  std::size_t graph_bytes = 0, nodes = 0, edges = 0;
  {
    const auto graph = diplograph::load(path);
    malloc_trim(0);
    graph_bytes = resident_bytes() - std::min(before, resident_bytes());
    nodes = graph.node_count();
    edges = graph.edge_count();
  }
  const std::size_t load_peak = status_bytes("VmHWM");

  std::vector<std::string> texts;
  const Timing read = best_of_3([&] { texts = read_all(files); });
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  const Timing dom = best_of_3([&] { dom_parse(texts); });
  const Timing sax = best_of_3([&] { sax_parse(texts); });
  // Destroying the previous graph is not part of loading the next one.
  Timing load;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu = cpu_seconds();
    const auto graph = diplograph::load(path);
    load.cpu = std::min(load.cpu, cpu_seconds() - cpu);
    load.wall = std::min(load.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (graph.edge_count() != edges) throw std::runtime_error("load is not repeatable");
  }
  const std::size_t final_peak = status_bytes("VmHWM");

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%s: %zu nodes, %zu edges, %.1f MB of JSON in %zu file(s) (best of 3 runs)\n", path.c_str(), nodes, edges,
              mb, files.size());
  char note[64];
  std::snprintf(note, sizeof note, "%6.0f MB/s", mb / read.wall);
  row("(a) read bytes", read, note);
  std::snprintf(note, sizeof note, "%6.0f MB/s", mb / dom.wall);
  row("(b) RapidJSON DOM parse", dom, note);
  std::snprintf(note, sizeof note, "%6.0f MB/s", mb / sax.wall);
  row("(c) RapidJSON SAX, null handler", sax, note);
  std::snprintf(note, sizeof note, "%6.0f MB/s", mb / load.wall);
  row("(d) diplograph::load", load, note);
  std::printf("  %-34s %9.2f x  (target <= 1.5)\n", "load / (read + DOM parse)", load.wall / (read.wall + dom.wall));
  std::printf("  %-34s %9.2f x\n", "load / (read + SAX)", load.wall / (read.wall + sax.wall));
  // Both threads' CPU against the one-threaded baseline: the work, whatever the host gives.
  std::printf("  %-34s %9.2f x\n", "  in CPU time, load / (read + DOM)", load.cpu / (read.cpu + dom.cpu));
  std::printf("  %-34s %9.1f MB\n", "graph resident (RSS growth)", static_cast<double>(graph_bytes) / 1e6);
  std::printf("  %-34s %9.1f B   (target <= 150)\n", "  per edge",
              edges ? static_cast<double>(graph_bytes) / static_cast<double>(edges) : 0.0);
  std::printf("  %-34s %9.1f MB\n", "peak RSS during first load (VmHWM)", static_cast<double>(load_peak) / 1e6);
  std::printf("  %-34s %9.1f MB\n", "peak RSS of the whole run (VmHWM)", static_cast<double>(final_peak) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times diplograph::load against a bare RapidJSON parse of the same bytes, and its memory"};
  std::string path;
  app.add_option("GRAPH", path, "A graph directory (schema.json + *.json) or a graph file")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    bench(path);
  } catch (const diplograph::Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
