// The query language: golden files under tests/queries/ (Kùzu-style), plus the C++ API.
//
// Format of a .test file:
//   -DATASET <dir relative to tests/, or "graph-data" for the curated graph>
//   -CASE <name>
//   -STATEMENT <query; further lines that start with two spaces continue it>
//   -CHECK_ORDER            (rows must come in this order; otherwise both sides are sorted)
//   -COLUMNS a|b            (optional: the column names)
//   ---- <row count>        then one line per row, cells joined by '|'
//   ---- error              then the exact what() of the Error, to the next -CASE
// Set DIPLOGRAPH_UPDATE_GOLDEN=1 to rewrite the expected sections from the actual results.

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

namespace fs = std::filesystem;
using namespace diplograph;

namespace {

struct Case {
  std::string name, statement, columns;
  bool check_order = false;
  bool error = false;
  std::vector<std::string> expected;  // rows, or the error's lines
  std::size_t count = 0;
};

struct GoldenFile {
  std::string dataset = "fixtures/query";
  std::vector<std::string> preamble;  // comment lines before the first case
  std::vector<Case> cases;
};

GoldenFile parse_golden(const fs::path& file) {
  GoldenFile g;
  std::ifstream in(file);
  std::string line;
  Case* c = nullptr;
  bool in_expected = false;
  while (std::getline(in, line)) {
    if (line.starts_with("-DATASET ")) {
      g.dataset = line.substr(9);
    } else if (line.starts_with("-CASE ")) {
      g.cases.push_back(Case{line.substr(6), "", "", false, false, {}, 0});
      c = &g.cases.back();
      in_expected = false;
    } else if (!c) {
      if (!line.empty()) g.preamble.push_back(line);
    } else if (line.starts_with("-STATEMENT ")) {
      c->statement = line.substr(11);
    } else if (!in_expected && line.starts_with("  ")) {
      c->statement += "\n" + line.substr(2);
    } else if (line == "-CHECK_ORDER") {
      c->check_order = true;
    } else if (line.starts_with("-COLUMNS ")) {
      c->columns = line.substr(9);
    } else if (line.starts_with("---- ")) {
      in_expected = true;
      if (line == "---- error")
        c->error = true;
      else
        c->count = std::stoul(line.substr(5));
    } else if (in_expected) {
      c->expected.push_back(line);
    }
  }
  for (Case& k : g.cases)
    while (!k.expected.empty() && k.expected.back().empty()) k.expected.pop_back();
  return g;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs one case: the rows (cells joined by '|'), or the error's lines; and the column names.
struct Outcome {
  bool error = false;
  std::vector<std::string> lines;
  std::string columns;
};

Outcome run_case(const Graph& graph, const Case& c) {
  Outcome out;
  try {
    QueryResult r = query(graph, c.statement);
    out.columns = join(r.columns, "|");
    for (const auto& row : r.rows) {
      std::vector<std::string> cells;
      for (const Cell& cell : row) cells.push_back(cell.to_string());
      out.lines.push_back(join(cells, "|"));
    }
  } catch (const Error& e) {
    out.error = true;
    out.lines = split_lines(e.what());
  }
  return out;
}

void write_golden(const fs::path& file, const GoldenFile& g, const std::vector<Outcome>& outcomes) {
  std::ofstream out(file);
  for (const auto& line : g.preamble)
    if (!line.empty()) out << line << '\n';
  out << "-DATASET " << g.dataset << '\n';
  for (std::size_t i = 0; i < g.cases.size(); ++i) {
    const Case& c = g.cases[i];
    const Outcome& o = outcomes[i];
    out << "-CASE " << c.name << '\n';
    const auto statement = split_lines(c.statement);
    out << "-STATEMENT " << statement.front() << '\n';
    for (std::size_t k = 1; k < statement.size(); ++k) out << "  " << statement[k] << '\n';
    if (c.check_order) out << "-CHECK_ORDER\n";
    if (!c.columns.empty()) out << "-COLUMNS " << o.columns << '\n';
    out << (o.error ? std::string("---- error") : "---- " + std::to_string(o.lines.size())) << '\n';
    for (const auto& line : o.lines) out << line << '\n';
    if (i + 1 < g.cases.size()) out << '\n';
  }
}

fs::path dataset_path(const std::string& name) {
  return name == "graph-data" ? fs::path(DIPLOGRAPH_GRAPH_DIR) : fs::path(DIPLOGRAPH_TEST_DIR) / name;
}

const Graph& fixture() {
  static const Graph graph = load(fs::path(DIPLOGRAPH_TEST_DIR) / "fixtures/query");
  return graph;
}

}  // namespace

TEST_CASE("golden query files") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(DIPLOGRAPH_TEST_DIR) / "queries"))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  const bool update = std::getenv("DIPLOGRAPH_UPDATE_GOLDEN") != nullptr;
  std::map<std::string, Graph> graphs;
  for (const auto& file : files) {
    const GoldenFile g = parse_golden(file);
    if (!graphs.contains(g.dataset)) graphs.emplace(g.dataset, load(dataset_path(g.dataset)));
    const Graph& graph = graphs.at(g.dataset);
    std::vector<Outcome> outcomes;
    for (const Case& c : g.cases) {
      INFO(file.filename().string() << ": " << c.name << "\n" << c.statement);
      Outcome o = run_case(graph, c);
      outcomes.push_back(o);
      if (update) continue;
      CHECK(o.error == c.error);
      if (!c.columns.empty()) CHECK(o.columns == c.columns);
      if (!c.error) CHECK(o.lines.size() == c.count);
      std::vector<std::string> expected = c.expected;
      if (!c.error && !c.check_order) {
        std::sort(expected.begin(), expected.end());
        std::sort(o.lines.begin(), o.lines.end());
      }
      CHECK(join(o.lines, "\n") == join(expected, "\n"));
    }
    if (update) write_golden(file, g, outcomes);
  }
}

TEST_CASE("a compiled query runs many times and names its columns") {
  const Graph& g = fixture();
  const Query q = Query::compile(
      g.schema(),
      "MATCH (s:State {id: 'azerbaijan'})-[r:SIGNATORY]->(a) RETURN a, r, a.date AS signed ORDER BY signed");
  CHECK(q.columns() == std::vector<std::string>{"a", "r", "signed"});
  const QueryResult first = q.run(g);
  const QueryResult second = q.run(g);
  REQUIRE(first.rows.size() == 2);
  CHECK(second.rows.size() == 2);
  // A returned node or edge keeps its handle.
  REQUIRE(first.rows[0][0].node.has_value());
  CHECK(first.rows[0][0].node->id() == "allied-declaration");
  CHECK(first.rows[0][0].node->label() == "Declaration on Allied Interaction");
  REQUIRE(first.rows[0][1].edge.has_value());
  CHECK(first.rows[0][1].edge->type() == "SIGNATORY");
  CHECK(first.rows[0][2].value == Value(Date::parse("2022-02-22")));
}

TEST_CASE("query errors carry the position in the query") {
  const Graph& g = fixture();
  try {
    query(g, "MATCH (a:State)\nWHERE a.iso = 'AZE'\nRETURN a");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::query);
    CHECK(e.location() == Location{"<query>", 2, 9});
    CHECK(e.message() == "unknown property 'iso' of 'a'; did you mean 'iso3'?\n  WHERE a.iso = 'AZE'\n          ^");
  }
  try {
    query(g, "MATCH (a:State RETURN a");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::syntax);
    CHECK(e.location() == Location{"<query>", 1, 16});
  }
}

TEST_CASE("a query compiled against one graph's schema runs on a view of it") {
  const Graph& g = fixture();
  const Query q = Query::compile(g.schema(), "MATCH (e:Event) RETURN count(*)");
  CHECK(q.run(g).rows[0][0].value == Value(9));
}

namespace {
std::string error_of(const std::string& text, const QueryOptions& options = {}) {
  try {
    query(fixture(), text, options);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("deep nesting is refused, long flat chains are not (issue 13 item 2)") {
  std::string deep = "RETURN " + std::string(501, '[') + std::string(501, ']');
  CHECK(error_of(deep).starts_with("<query>:1:508: error: expression nested deeper than 500 levels"));
  std::string parens = "RETURN " + std::string(501, '(') + "1" + std::string(501, ')');
  CHECK(error_of(parens).find("nested deeper than 500 levels") != std::string::npos);
  std::string calls = "RETURN ";
  for (int i = 0; i < 501; ++i) calls += "abs(";
  CHECK(error_of(calls + "1" + std::string(501, ')')).find("nested deeper than 500 levels") != std::string::npos);
  std::string nots = "RETURN ";
  for (int i = 0; i < 20000; ++i) nots += "NOT ";
  CHECK(error_of(nots + "true").find("nested deeper than 500 levels") != std::string::npos);
  std::string ors = "RETURN false";
  for (int i = 0; i < 30000; ++i) ors += " OR false";
  const QueryResult r = query(fixture(), ors + " OR true AS x");
  CHECK(r.rows.at(0).at(0).to_string() == "true");
}

TEST_CASE("huge or tiny number literals are errors or zero, never exceptions (issue 13 item 3)") {
  CHECK(error_of("RETURN " + std::string(400, '9')).find("is too large") != std::string::npos);
  CHECK(error_of("RETURN 1e400").find("float 1e400 is too large") != std::string::npos);
  CHECK(query(fixture(), "RETURN 1e-400 AS x").rows.at(0).at(0).to_string() == "0");
}

TEST_CASE("run-time errors carry the position of the call (issue 13 item 10)") {
  CHECK(
      error_of("RETURN date('2025-' + '13') AS d").starts_with("<query>:1:8: error: date(): month 13 is out of range"));
  CHECK(error_of("RETURN 9223372036854775807 + 1").starts_with("<query>:1:28: error: integer overflow"));
}

TEST_CASE("SKIP + LIMIT cannot overflow; hop counts are range-checked (issue 13 item 11)") {
  CHECK(query(fixture(), "UNWIND [1, 2, 3] AS x RETURN x SKIP 9223372036854775807 LIMIT 9223372036854775807")
            .rows.empty());
  CHECK(query(fixture(), "UNWIND [1, 2, 3] AS x RETURN x SKIP 1 LIMIT 9223372036854775807").rows.size() == 2);
  CHECK(error_of("MATCH (a)-[*4294967297]->(b) RETURN b")
            .starts_with("<query>:1:13: error: a variable length is limited to 1000000 hops, got 4294967297"));
}

TEST_CASE("a NUL byte in a query keeps the message whole (issue 13 item 12)") {
  const std::string text = std::string("RETURN 1 ") + '\0' + " 2";
  const std::string what = error_of(text);
  CHECK(what == "<query>:1:10: error: unexpected character '\\0'\n  RETURN 1 \\0 2\n           ^");
  CHECK(std::string(what.c_str()) == what);
}

TEST_CASE("parameters from C++") {
  QueryOptions options;
  options.params.set("who", Value("russia")).set_json("ids", R"(["armenia", "georgia"])");
  const QueryResult r =
      query(fixture(), "MATCH (s:State) WHERE s.id = $who OR s.id IN $ids RETURN s.id ORDER BY s.id", options);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0][0].to_string() == "armenia");
  CHECK(error_of("RETURN $missing").starts_with("<query>:1:8: error: missing parameter $missing"));
}

TEST_CASE("limits stop runaway queries (issue 10 part 2)") {
  QueryOptions options;
  options.limits.timeout = std::chrono::milliseconds(100);
  const auto start = std::chrono::steady_clock::now();
  const std::string what = error_of("MATCH (a)-[*]-(b) RETURN count(*)", options);
  CHECK(what.find("query stopped after 100 ms (--timeout)") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  QueryOptions rows;
  rows.limits.max_rows = 2;
  CHECK(error_of("MATCH (n) RETURN n", rows).find("query stopped after 2 rows (--max-rows)") != std::string::npos);

  QueryOptions bindings;
  bindings.limits.max_bindings = 1000;
  CHECK(error_of("MATCH (a)-[*]-(b) RETURN count(*)", bindings).find("bindings") != std::string::npos);

  std::atomic<bool> cancel{false};
  QueryOptions cancelled;
  cancelled.limits.cancel = &cancel;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cancel = true;
  });
  CHECK(error_of("MATCH (a)-[*]-(b) RETURN count(*)", cancelled).find("query cancelled") != std::string::npos);
  stopper.join();
}

TEST_CASE("JSON values out: nodes with properties, paths, maps") {
  const QueryResult r =
      query(fixture(), "MATCH p = (a:Person {id: 'putin'})-[:LEADS]->(s) RETURN p, {n: s.population} AS m");
  CHECK(
      to_json(r.rows[0][0]) ==
      R"({"nodes": [{"id": "putin", "type": "Person", "label": "Vladimir Putin", "properties": {}}, )"
      R"({"id": "russia", "type": "State", "label": "Russia", "properties": {"iso3": "RUS", "population": 143000000}}], )"
      R"("relationships": [{"id": "e-leads-putin", "type": "LEADS", "from": "putin", "to": "russia", "properties": {}}]})");
  CHECK(to_json(r.rows[0][1]) == R"({"n": 143000000})");
}
