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
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

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
