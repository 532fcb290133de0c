// Counting instead of enumerating (issue 10): a MATCH whose rows only feed count(*) adds the
// size of its last hop's edge span, or the per-type edge counts, instead of a row per match.
// Each query is checked against the same query with a `WITH *` between, which counts row by row.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "diagram_graph.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

using namespace diplograph;

namespace {

const Graph& shipped() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_GRAPH_DIR));
  return graph;
}

// A builder on the shipped schema, holding the source its edges cite (src-a).
GraphBuilder shipped_schema_builder() {
  GraphBuilder b(load_schema(std::filesystem::path(DIPLOGRAPH_GRAPH_DIR) / "schema.json"));
  NodeData source = diagram_test::node("src-a", "Source", "A");
  source.props.push_back({"seed_file", Value(std::string("a.md"))});
  b.add_node(std::move(source));
  return b;
}

// A pseudo-random multigraph on the shipped schema with parallel edges and self-loops.
const Graph& generated() {
  static const Graph graph = [] {
    GraphBuilder b = shipped_schema_builder();
    auto id = [](const char* kind, unsigned k) { return kind + std::to_string(k); };
    for (unsigned k = 0; k < 20; ++k) b.add_node(diagram_test::node(id("p", k), "Person", "P"));
    for (unsigned k = 0; k < 15; ++k) b.add_node(diagram_test::node(id("s", k), "State", "S"));
    for (unsigned k = 0; k < 40; ++k) b.add_node(diagram_test::node(id("l", k), "Place", "L"));
    unsigned x = 7;
    auto next = [&x](unsigned n) {
      x = x * 1103515245u + 12345u;
      return (x >> 8) % n;
    };
    for (int k = 0; k < 200; ++k) {
      EdgeData office = diagram_test::edge("HOLDS_OFFICE", id("p", next(20)), id("s", next(15)));
      office.props.push_back({"office", Value(std::string("minister"))});
      b.add_edge(std::move(office));
    }
    for (int k = 0; k < 250; ++k) {
      const unsigned from = next(40);
      const unsigned to = next(4) == 0 ? from : next(40);  // a quarter are self-loops
      b.add_edge(diagram_test::edge(next(2) ? "PART_OF" : "LOCATED_IN", id("l", from), id("l", to)));
    }
    for (int k = 0; k < 150; ++k) b.add_edge(diagram_test::edge("LOCATED_IN", id("l", next(40)), id("s", next(15))));
    return b.build();
  }();
  return graph;
}

// Places l0 -> l1 -> ... -> l2999 (PART_OF): large enough that count(DISTINCT x) keeps its
// nodes in a table before it turns to a bitmap (past 32 nodes of 3,001).
const Graph& chain() {
  static const Graph graph = [] {
    GraphBuilder b = shipped_schema_builder();
    for (unsigned k = 0; k < 3000; ++k) b.add_node(diagram_test::node("l" + std::to_string(k), "Place", "L"));
    for (unsigned k = 0; k + 1 < 3000; ++k)
      b.add_edge(diagram_test::edge("PART_OF", "l" + std::to_string(k), "l" + std::to_string(k + 1)));
    return b.build();
  }();
  return graph;
}

std::vector<std::string> rows_of(const Graph& g, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& row : query(g, text).rows) {
    std::string line;
    for (const Cell& c : row) line += c.to_string() + "|";
    out.push_back(line);
  }
  return out;
}

std::string plan_of(const Graph& g, const std::string& text) {
  return Query::compile(g.schema(), "EXPLAIN " + text).explain();
}

// `head rest` takes the plan step EXPLAIN names `step` and gives the rows, in order, of
// `head WITH * rest`, in which the WITH * (it reads every variable) rules the step out.
std::vector<std::string> as_with_star(const Graph& g, const std::string& head, const std::string& rest,
                                      const std::string& step) {
  CAPTURE(head);
  CAPTURE(rest);
  const std::string planned = head + " " + rest, plain = head + " WITH * " + rest;
  CHECK(plan_of(g, planned).find(step) != std::string::npos);
  CHECK(plan_of(g, plain).find(step) == std::string::npos);
  const auto rows = rows_of(g, planned);
  CHECK(rows == rows_of(g, plain));
  return rows;
}

// `match` then `ret` is counted and gives the rows of the enumerating form.
void counts_as_enumerated(const Graph& g, const std::string& match, const std::string& ret) {
  CHECK(as_with_star(g, match, ret, "count: ") != std::vector<std::string>{"0|"});
}

const std::vector<std::pair<std::string, std::string>> counted_queries{
    {"MATCH ()-[r]->()", "RETURN count(*)"},
    {"MATCH (a)<-[r]-(b)", "RETURN count(r)"},
    {"MATCH ()-[r]->()", "RETURN type(r) AS t, count(*) AS n ORDER BY t"},
    {"MATCH ()-[r:LOCATED_IN|PART_OF|SIGNATORY]->()", "RETURN type(r) AS t, count(r) AS n ORDER BY n, t"},
    {"MATCH (a:Actor)-->(b)", "RETURN count(b)"},
    {"MATCH (a:State)--(b)", "RETURN count(*)"},
    {"MATCH (a:Place)--(b)", "RETURN a.id AS a, count(*) AS n ORDER BY a"},
    {"MATCH (b)<-[:LOCATED_IN|PART_OF]-(a:Place)", "RETURN count(*)"},
    {"MATCH (x)--(a:State)--(y)", "RETURN count(*)"},
    {"MATCH (a:Actor)-->()<--(c)", "RETURN count(*)"},
    {"MATCH (a:Place)-->()-->(c)", "RETURN count(*)"},
    {"MATCH (a:Place)--()--(c)", "RETURN count(*) AS n"},
    {"MATCH (a:Place)-[:PART_OF]-()-[:PART_OF|LOCATED_IN]->(c)", "RETURN count(*)"},
    {"MATCH (a:Place)-[r]->(b)-->(c)", "RETURN type(r) AS t, count(*) AS n ORDER BY t"},
    {"UNWIND ['russia', 'azerbaijan', 'l3', 's2'] AS id MATCH (a {id: id})-->()--(c)", "RETURN count(*)"},
    {"MATCH (a:State) MATCH (a)--(b)", "WITH count(*) AS n RETURN n"},
    {"MATCH (a:State)--(b:Place|Person)", "RETURN count(*)"},
    {"MATCH (a:Actor)-[:SIGNATORY|HOLDS_OFFICE]->(x:Agreement|State)", "RETURN count(x)"},
    {"MATCH (a:Place)--()-->(c:State)", "RETURN count(*)"},
    {"MATCH (a:Place)-->()--(c:Place)", "RETURN count(*)"},
    {"MATCH (a:Place)--()--()--(c)", "RETURN count(*)"},
    {"MATCH (a:Place)-->(:Place)<--()-[:PART_OF]-(c)", "RETURN count(*)"},
    {"MATCH (a:Place)-[:LOCATED_IN]-()-->(b)<--(c)", "RETURN a.id AS a, count(*) AS n ORDER BY a"},
    {"UNWIND ['l1', 'l2', 'l1', 'russia'] AS id MATCH (a {id: id})--()--(c)", "RETURN id, count(*) AS n ORDER BY id"},
    // two last hops the same way: the middle nodes' degrees (self-loops left to the edge-by-edge count)
    {"UNWIND ['l1', 'l3', 'l1', 7, null, 'nope', 'russia', 's2'] AS id MATCH (a {id: id})-->()-->(c)",
     "RETURN count(*)"},
    {"MATCH (a:Place)<--()<--(c)", "RETURN count(*)"},
    {"MATCH (a:Place)-[:PART_OF]->(:Place)-[:PART_OF|LOCATED_IN]->(c:State)", "RETURN count(*)"},
    {"UNWIND ['s1', 's2', 'l4', 'russia'] AS id MATCH (a:State {id: id})<--()<-[:HOLDS_OFFICE|LOCATED_IN]-(c)",
     "RETURN count(*)"},
};

}  // namespace

TEST_CASE("count-only MATCHes count what enumerating them counts, on the shipped graph") {
  for (const auto& [match, ret] : counted_queries)
    if (match.find("Place") == std::string::npos) counts_as_enumerated(shipped(), match, ret);
}

TEST_CASE("count-only MATCHes count what enumerating them counts, with parallel edges and self-loops") {
  REQUIRE(rows_of(generated(), "MATCH (a)-[r]->(a) RETURN count(*)") != std::vector<std::string>{"0|"});
  for (const auto& [match, ret] : counted_queries) counts_as_enumerated(generated(), match, ret);
  // An undirected self-loop is one match, as the enumerating engine has it.
  CHECK(rows_of(generated(), "MATCH (a:Place)--(b) WHERE a = b RETURN count(*)") ==
        rows_of(generated(), "MATCH (a:Place)-[r]->(a) RETURN count(*)"));
}

TEST_CASE("no counting where something reads the dropped end, and none for OPTIONAL MATCH") {
  for (const std::string q :
       {"MATCH (a {id: 'russia'})-->(b) WHERE b.id <> 'x' RETURN count(*)",
        "MATCH (a {id: 'x'})-->(b:Place {id: 'y'}) RETURN count(*)", "MATCH (a:State)-->(b) RETURN count(DISTINCT b)",
        "MATCH (a {id: 'russia'})-->(b) RETURN b.id, count(*)", "MATCH (a:State)-[r]->(b) RETURN type(r), count(*)",
        "MATCH ()-[r]-() RETURN count(*)", "MATCH ()-[r {id: 'x'}]->() RETURN count(*)",
        "MATCH p = (a:State)-->(b) RETURN count(*)", "MATCH (a:State) OPTIONAL MATCH (a)-->(b) RETURN count(b)"})
    CHECK_MESSAGE(plan_of(shipped(), q).find("count: ") == std::string::npos, q);
  CHECK(rows_of(shipped(), "MATCH (a:State) OPTIONAL MATCH (a)-[:HOLDS_OFFICE]->(b) RETURN count(b), count(*)") ==
        rows_of(shipped(), "MATCH (a:State) OPTIONAL MATCH (a)-[:HOLDS_OFFICE]->(b) WITH * RETURN count(b), count(*)"));
}

namespace {

// `match` then `ret` is answered breadth-first and gives the rows of the path-enumerating form.
void reaches_as_enumerated(const Graph& g, const std::string& match, const std::string& ret) {
  as_with_star(g, match, ret, "reach: ");
}

const char* const as_set = "reach: its nodes go on as one set";

// As reaches_as_enumerated, and the reached nodes go on as one set.
void counts_set_as_enumerated(const Graph& g, const std::string& match, const std::string& ret) {
  CAPTURE(match);
  CAPTURE(ret);
  CHECK(plan_of(g, match + " " + ret).find(as_set) != std::string::npos);
  reaches_as_enumerated(g, match, ret);
}

const std::vector<std::string> hops{"-[*1..2]-",
                                    "-[*0..3]-",
                                    "-[*..3]->",
                                    "<-[*1..3]-",
                                    "-[*1]-",
                                    "-[*0..0]-",
                                    "-[:PART_OF|LOCATED_IN|MEMBER_OF*1..3]-",
                                    "<-[:LOCATED_IN*0..2]-"};

}  // namespace

TEST_CASE("distinct ends of a variable-length pattern, found breadth-first, are those of its paths") {
  for (const std::string id : {"russia", "aliyev", "azal-8243-downing", "washington-declaration"})
    for (const auto& hop : hops) {
      const std::string match = "MATCH (a {id: '" + id + "'})" + hop + "(b)";
      reaches_as_enumerated(shipped(), match, "RETURN count(DISTINCT b)");
      reaches_as_enumerated(shipped(), match, "RETURN DISTINCT b.id AS id ORDER BY id");
    }
  reaches_as_enumerated(shipped(), "MATCH (a:State) OPTIONAL MATCH (a)-[*1..2]->(b:Agreement)",
                        "RETURN a.id AS a, count(DISTINCT b) AS n ORDER BY a");
  reaches_as_enumerated(shipped(), "MATCH (a:State)-[*1..2]->(b:Event)",
                        "RETURN a.id AS a, count(DISTINCT b) AS n, collect(DISTINCT b.id)[0] IS NULL ORDER BY a");
}

TEST_CASE("distinct ends with self-loops and parallel edges: the start is reached again only by a trail") {
  // From every place, undirected and directed: with min 1 the start is in the set only when a
  // cycle of at most k edges passes through it (a self-loop, parallel edges, a longer cycle).
  for (const auto& hop : hops)
    for (const std::string k : {"1", "2", "3"}) {
      std::string h = hop;
      if (const auto at = h.find("..3"); at != std::string::npos) h.replace(at + 2, 1, k);
      reaches_as_enumerated(
          generated(), "MATCH (a:Place)" + h + "(b)",
          "RETURN a.id AS a, count(DISTINCT b) AS n, count(DISTINCT CASE WHEN b = a THEN b END) AS back ORDER BY a");
      // After a fixed hop, whose edge the search may not take again.
      counts_set_as_enumerated(generated(), "MATCH (a:Place)-[:PART_OF]->(m)" + h + "(b)",
                               "RETURN a.id AS a, count(DISTINCT b) AS n ORDER BY a");
    }
}

TEST_CASE("no breadth-first search where paths or their number matter") {
  for (const std::string q : {"MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN count(b)",
                              "MATCH (a {id: 'russia'})-[r*1..2]-(b) RETURN count(DISTINCT b)",
                              "MATCH p = (a {id: 'russia'})-[*1..2]-(b) RETURN count(DISTINCT b)",
                              "MATCH (a {id: 'russia'})-[*2..3]-(b) RETURN count(DISTINCT b)",
                              "MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN b.id"})
    CHECK_MESSAGE(plan_of(shipped(), q).find("reach: ") == std::string::npos, q);
}

TEST_CASE("count(DISTINCT x) over nodes (kept as a table of indexes) counts what collect(DISTINCT x) keeps") {
  for (const Graph* g : {&shipped(), &generated()}) {
    const auto rows = rows_of(*g, "MATCH (a)--(b) RETURN count(DISTINCT b) AS n, size(collect(DISTINCT b)) AS m");
    REQUIRE(rows.size() == 1);
    const std::string n = rows[0].substr(0, rows[0].find('|'));
    CHECK(std::stoi(n) > 50);  // past the table's first growth (64 slots, half full)
    CHECK(rows[0] == n + "|" + n + "|");
  }
  // Nodes, other values and nulls in one aggregate.
  CHECK(rows_of(shipped(),
                "MATCH (a:State) WITH collect(a) + [1, 1, 'x', null] AS xs UNWIND xs + xs AS x "
                "RETURN count(DISTINCT x) = size(collect(DISTINCT x))") == std::vector<std::string>{"true|"});
}

TEST_CASE("count(DISTINCT b) of reached nodes takes them as one set, less those of `b <> x`") {
  for (const std::string id : {"russia", "aliyev", "azal-8243-downing"})
    for (const auto& hop : hops) {
      const std::string match = "MATCH (a {id: '" + id + "'})" + hop + "(b)";
      counts_set_as_enumerated(shipped(), match, "RETURN count(DISTINCT b)");
      counts_set_as_enumerated(shipped(), match + " WHERE b <> a",
                               "RETURN count(DISTINCT b) AS n, count(DISTINCT b) AS m");
    }
  // Several starts and repeated rows in one group: the sets are joined, not added.
  counts_set_as_enumerated(shipped(), "MATCH (a:State)-[*1..2]-(b:Event) WHERE a <> b", "RETURN count(DISTINCT b)");
  counts_set_as_enumerated(shipped(), "UNWIND ['russia', 'russia', 'armenia'] AS id MATCH (a {id: id})-[*1..2]->(b)",
                           "RETURN count(DISTINCT b) AS n");
  counts_set_as_enumerated(shipped(), "UNWIND ['russia', 'russia', 'armenia'] AS id MATCH (a {id: id})-[*1..2]->(b)",
                           "WITH id, count(DISTINCT b) AS n RETURN id, n ORDER BY id");
  for (const auto& hop : hops)
    counts_set_as_enumerated(generated(), "MATCH (a:Place)" + hop + "(b) WHERE b <> a",
                             "RETURN a.id AS a, count(DISTINCT b) AS n ORDER BY a");
  // x bound by an earlier clause: a node, null (the term is never true) or another value (always true).
  counts_set_as_enumerated(shipped(), "MATCH (x:State) MATCH (a {id: 'russia'})-[*1..2]-(b) WHERE b <> x",
                           "RETURN x.id AS x, count(DISTINCT b) AS n ORDER BY x");
  counts_set_as_enumerated(shipped(),
                           "OPTIONAL MATCH (x {id: 'nobody'}) MATCH (a {id: 'russia'})-[*1..2]-(b) WHERE x <> b",
                           "RETURN count(DISTINCT b) AS n");
  counts_set_as_enumerated(shipped(), "WITH 1 AS x MATCH (a {id: 'russia'})-[*1..2]-(b) WHERE b <> x",
                           "RETURN count(DISTINCT b) AS n");
  // A chain long enough for the count's table and its turn to a bitmap.
  for (const std::string k : {"1", "31", "32", "33", "63", "64", "65", "200"}) {
    counts_set_as_enumerated(chain(), "MATCH (a {id: 'l0'})-[*1.." + k + "]->(b)", "RETURN count(DISTINCT b)");
    counts_set_as_enumerated(chain(), "UNWIND ['l0', 'l40', 'l0'] AS id MATCH (a {id: id})-[*1.." + k + "]->(b)",
                             "RETURN count(DISTINCT b)");
  }
  CHECK(rows_of(chain(), "UNWIND ['l0', 'l40'] AS id MATCH (a {id: id})-[*1..50]->(b) RETURN count(DISTINCT b)") ==
        std::vector<std::string>{"90|"});
  // Past what enumerating paths may reach (1,000 edges), the set form still answers.
  for (const auto& [k, n] : {std::pair<std::string, std::string>{"2000", "2000|"}, {"", "2999|"}})
    CHECK(rows_of(chain(), "MATCH (a {id: 'l0'})-[*1.." + k + "]->(b) WHERE b <> a RETURN count(DISTINCT b)") ==
          std::vector<std::string>{n});
}

TEST_CASE("a path enumerated past 1,000 relationships stops with a limit error, not the stack") {
  try {
    query(chain(), "MATCH (a {id: 'l0'})-[*]->(b) RETURN count(b)");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::limit);
    CHECK(std::string(e.what()).find("a path reached 1000 relationships") != std::string::npos);
    CHECK(std::string(e.what()).find("1:21:") != std::string::npos);  // at the relationship pattern
  }
  CHECK(rows_of(chain(), "MATCH (a {id: 'l0'})-[*..999]->(b) RETURN count(b)") == std::vector<std::string>{"999|"});
}

TEST_CASE("no set where the reached node is read, or the count is not of it") {
  for (const std::string q : {"MATCH (a {id: 'russia'})-[*1..2]-(b) WHERE b.id <> 'x' RETURN count(DISTINCT b)",
                              "MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN b.label, count(DISTINCT b)",
                              "MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN count(DISTINCT b), collect(DISTINCT b)",
                              "MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN count(DISTINCT a)",
                              "MATCH (a {id: 'russia'})-[*1..2]-(b) RETURN DISTINCT b"}) {
    CHECK_MESSAGE(plan_of(shipped(), q).find(as_set) == std::string::npos, q);
    CHECK_MESSAGE(rows_of(shipped(), q).size() > 0, q);
  }
}

TEST_CASE("count(DISTINCT x) of node rows, in a table and then a bitmap, counts each node once") {
  for (const std::string n : {"1", "31", "32", "33", "63", "64", "65", "200", "3000"})
    CHECK(rows_of(chain(), "MATCH (a:Place) WITH a LIMIT " + n +
                               " UNWIND [a, null, a] AS x RETURN count(DISTINCT x), size(collect(DISTINCT x))") ==
          std::vector<std::string>{n + "|" + n + "|"});
}

TEST_CASE("a start of several types visits their nodes in index order; a lone node pattern's count is summed") {
  for (const Graph* g : {&shipped(), &generated()}) {
    std::vector<std::string> ids;
    for (const Node& n : g->nodes_of_type("Actor")) ids.push_back(std::string(n.id()) + "|");
    CHECK(ids.size() > 20);
    CHECK(rows_of(*g, "MATCH (a:Actor) RETURN a.id") == ids);
    const std::string count = "MATCH (a:Actor) RETURN count(*)";
    CHECK(plan_of(*g, count).find("sum: ") != std::string::npos);
    CHECK(rows_of(*g, count) == std::vector<std::string>{std::to_string(ids.size()) + "|"});
  }
}

namespace {

// `unwind` then `rest` takes the UNWIND's list whole and gives the rows of a row per item.
void lists_as_unwound(const Graph& g, const std::string& unwind, const std::string& rest) {
  CHECK(!as_with_star(g, unwind, rest, "list: goes on whole").empty());
}

}  // namespace

TEST_CASE("UNWIND into a MATCH pinned by its items starts at each listed node, rows in list order") {
  const std::string ids = "UNWIND ['l3', 'l1', 'l3', 7, null, 'nope', 's2'] AS id";
  for (const std::string rest : {
           "MATCH (a {id: id})-[r]->(b) RETURN a.id, type(r), b.id",
           "MATCH (b)-[r]->(a {id: id}) RETURN a.id, b.id",
           "MATCH (a:Place {id: id})-->(b), (b)-->(c:State) RETURN a.id, b.id, c.id",
           "MATCH (a {id: id})-->()-->(c) RETURN count(*)",
           "MATCH (a {id: id})-[*1..3]->(b) RETURN count(DISTINCT b)",
           "MATCH (a {id: id}) RETURN a.id LIMIT 2",
       })
    lists_as_unwound(generated(), ids, rest);
  lists_as_unwound(generated(), "UNWIND 'l3' AS id", "MATCH (a {id: id})-->(b) RETURN b.id");
  CHECK(rows_of(generated(), "UNWIND null AS id MATCH (a {id: id}) RETURN count(*)") == std::vector<std::string>{"0|"});
  // Not where the item is read again, the start is bound or optional, or other properties are asked.
  for (const std::string q : {
           "UNWIND ['l1'] AS id MATCH (a {id: id})-->(b) RETURN id, b.id",
           "UNWIND ['l1'] AS id MATCH (a {id: id})-->(b {id: id}) RETURN b.id",
           "UNWIND ['l1'] AS id OPTIONAL MATCH (a {id: id})-->(b) RETURN b.id",
           "MATCH (x:State) UNWIND ['l1'] AS id MATCH (x)-->(a {id: id}) RETURN a.id",
           "UNWIND ['l1'] AS id MATCH (a {id: id, label: 'L'}) RETURN a.id",
           "UNWIND ['l1'] AS id MATCH shortestPath((a {id: id})-[*]->(b:State)) RETURN b.id",
       })
    CHECK_MESSAGE(plan_of(generated(), q).find("list: ") == std::string::npos, q);
}

TEST_CASE("a summed count adds each start's count unbound only where nothing else reads the start") {
  for (const std::string match : {
           "MATCH (a:Place)-->(a)",                                   // the start again at the end
           "MATCH (a:Place)-->(b) WHERE a.id <> 'l1'",                // a term on the start
           "MATCH (a:Place)-->(b) WHERE a.id + b.id <> 'l1l2'",       // ... on both ends
           "MATCH (p:Person)-[:HOLDS_OFFICE]->(s:State {id: 's2'})",  // started at its right end
           "MATCH (s:State {id: 's2'})<-[:HOLDS_OFFICE]-(p)",
           "MATCH (a:Place)-->()-->(a)",
           "MATCH (x:State) MATCH (x)<-[:LOCATED_IN]-(y)",
       }) {
    CAPTURE(match);
    CHECK(plan_of(generated(), match + " RETURN count(*)").find("sum: ") != std::string::npos);
    const auto rows = rows_of(generated(), match + " RETURN count(*)");
    CHECK(rows == rows_of(generated(), match + " WITH * RETURN count(*)"));
    CHECK(rows != std::vector<std::string>{"0|"});
  }
}
