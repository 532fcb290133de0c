// Fuzz target: the query language, through the public API only (Query::compile and run), on
// the shipped graph, so that it stays valid while the engine behind it changes.
//
// Every query runs under limits (a deadline, rows, bindings) and must stop within its deadline
// plus a margin for the sanitizers: a run past that is a finding. The engine builds each
// clause's rows whole, so a query can still grow memory before a limit stops it; until it
// streams, inputs that could do that under the fuzzer's memory cap are skipped: a
// variable-length pattern without an upper bound or above 2 hops, and more than three node
// patterns (each unrelated one multiplies the rows by the graph's size).

#include <cctype>
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

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Whether a `*` at `star` starts a variable length that is unbounded or longer than 2 hops.
bool long_variable_length(std::string_view q, std::size_t star) {
  std::size_t i = star + 1;
  auto skip_spaces = [&] {
    while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i]))) ++i;
  };
  auto number = [&]() -> long {
    skip_spaces();
    if (i >= q.size() || !digit(q[i])) return -1;
    long n = 0;
    for (; i < q.size() && digit(q[i]); ++i) n = n > 1000 ? 1000 : n * 10 + (q[i] - '0');
    return n;
  };
  const long low = number();
  skip_spaces();
  const bool range = q.substr(i, 2) == "..";
  if (range) i += 2;
  const long high = range ? number() : low;
  skip_spaces();
  if (i < q.size() && q[i] != ']' && q[i] != '{') return false;  // multiplication, count(*)
  return high < 0 || high > 2;
}

bool may_run_long(std::string_view q) {
  int node_patterns = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const char c = q[i];
    if (c == '*' && long_variable_length(q, i)) return true;
    // A '(' right after a name calls a function (`count(`); any other opens a node pattern or
    // a group (`MATCH (a)`).
    const char before = i > 0 ? q[i - 1] : ' ';
    if (c == '(' && !(std::isalnum(static_cast<unsigned char>(before)) || before == '_')) ++node_patterns;
  }
  return node_patterns > 3;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (may_run_long(text)) return 0;
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
