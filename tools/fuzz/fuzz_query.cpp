// Fuzz target: the query language, through the public API only (Query::compile and run), on
// the shipped graph, so that it stays valid while the engine behind it changes.
//
// Every query runs under limits (a deadline, rows, bindings) and must stop within its deadline
// plus a margin for the sanitizers: a run past that is a finding. The engine streams rows from
// clause to clause and counts every binding, so no input is skipped: one that outgrows the
// fuzzer's memory cap before a limit stops it is a finding too.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

namespace {

const diplograph::Graph& shipped_graph() {
  static const diplograph::Graph graph = diplograph::load(DIPLOGRAPH_FUZZ_GRAPH_DIR);
  return graph;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const diplograph::Graph& graph = shipped_graph();
  diplograph::QueryOptions options;
  options.limits.timeout = std::chrono::seconds(1);
  options.limits.max_rows = 100'000;
  options.limits.max_bindings = 1'000'000;
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto query = diplograph::Query::compile(graph.schema(), text);
    const auto result = query.run(graph, options);
    for (const auto& row : result.rows)
      if (row.size() != result.columns.size()) fuzz::finding("a row with the wrong number of cells");
    (void)diplograph::to_json(result);
  } catch (const diplograph::Error& e) {
    fuzz::check_diagnostics(e);
  }
  if (std::chrono::steady_clock::now() - started > options.limits.timeout + std::chrono::seconds(10))
    fuzz::finding("a query ran well past its deadline");
  return 0;
}
