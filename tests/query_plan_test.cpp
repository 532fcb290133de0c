// The streaming pipeline and the planner (issue 10): LIMIT stops the search, WHERE terms
// checked inside the search give the rows a WHERE after it gives, constants are folded.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

using namespace diplograph;

namespace {

const Graph& shipped() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_GRAPH_DIR));
  return graph;
}

std::vector<std::string> rows_of(const std::string& text, const QueryOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& row : query(shipped(), text, options).rows) {
    std::string line;
    for (const Cell& c : row) line += c.to_string() + "|";
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("LIMIT stops the search: a query over millions of paths ends after five rows") {
  QueryOptions small;
  small.limits.max_bindings = 10000;
  // 4.8 million paths match; only a pipeline that stops at the limit stays within 10,000 bindings.
  const std::string paths = "MATCH (a {id:'ramiz-mehdiyev'})-[*1..8]-(b) RETURN b.id";
  CHECK(rows_of(paths + " LIMIT 5", small).size() == 5);
  CHECK_THROWS_AS(rows_of(paths, small), Error);
  // Through WITH, UNWIND and UNION too.
  CHECK(rows_of("MATCH (a {id:'ramiz-mehdiyev'})-[*1..8]-(b) WITH b LIMIT 3 UNWIND [1, 2] AS k RETURN b.id, k", small)
            .size() == 6);
  CHECK(rows_of(paths + " LIMIT 2 UNION ALL " + paths + " LIMIT 2", small).size() == 4);
}

TEST_CASE("ORDER BY and aggregation still see every row before the limit applies") {
  const auto top = rows_of("MATCH (n:State) RETURN n.id ORDER BY n.id DESC LIMIT 2");
  const auto all = rows_of("MATCH (n:State) RETURN n.id ORDER BY n.id DESC");
  REQUIRE(all.size() > 2);
  CHECK(top == std::vector<std::string>(all.begin(), all.begin() + 2));
  CHECK(rows_of("MATCH (n:State) WITH count(n) AS c LIMIT 1 RETURN c") == rows_of("MATCH (n:State) RETURN count(n)"));
}

TEST_CASE("WHERE terms checked inside the search give the rows of a WHERE after it") {
  const std::string pattern = "MATCH (a:Actor)-[r]->(b)-[s]-(c) ";
  const std::string terms = "a.id STARTS WITH 'a' AND r.date >= date('2022') AND c.label CONTAINS 'o' AND s <> r";
  const std::string ret = " RETURN a.id, type(r), b.id, type(s), c.id ORDER BY a.id, type(r), b.id, type(s), c.id";
  const auto pushed = rows_of(pattern + "WHERE " + terms + ret);
  const auto after = rows_of(pattern + "WITH a, r, b, s, c WHERE " + terms + ret);
  CHECK(!pushed.empty());
  CHECK(pushed == after);
  // A relationship-type scan (both ends free) filters the same way.
  CHECK(rows_of("MATCH ()-[r:SIGNATORY|ACTOR]->() WHERE r.date >= date('2023') RETURN count(r)") ==
        rows_of("MATCH ()-[r:SIGNATORY|ACTOR]->() WITH r WHERE r.date >= date('2023') RETURN count(r)"));
  CHECK(rows_of("MATCH (a)-[r]-(b) RETURN count(*)") == rows_of("MATCH (a)-[r]-(b) WITH a RETURN count(a)"));
}

TEST_CASE("a term that fails with an error still fails the query, as the WHERE reads") {
  // The error is raised only on rows where the terms before it hold, as without the planner.
  CHECK(rows_of("MATCH (a)-[r]->(b) WHERE a.id = 'no-such-node' AND b.label * 2 > 1 RETURN count(*)") ==
        std::vector<std::string>{"0|"});
  CHECK_THROWS_AS(rows_of("MATCH (a)-[r]->(b) WHERE a.id = 'russia' AND b.label * 2 > 1 RETURN count(*)"), Error);
}

TEST_CASE("EXPLAIN: the plan as text, and as rows from run()") {
  const Query q = Query::compile(shipped().schema(), "  explain MATCH (n:State {id: 'russia'}) RETURN n.label");
  CHECK(q.is_explain());
  CHECK(q.explain() ==
        "Match (n:State {id})\n"
        "  start: at n (pinned by id)\n"
        "Return n.label\n");
  const QueryResult r = q.run(shipped());
  CHECK(r.columns == std::vector<std::string>{"plan"});
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[1][0].to_string() == "  start: at n (pinned by id)");
  CHECK_FALSE(Query::compile(shipped().schema(), "RETURN 1 AS explain").is_explain());
}

TEST_CASE("the fast paths give the rows of the generic ones: time fields read from the record, groups by type id") {
  // r.date is read from the edge record; r['date'] goes through the named-property lookup.
  const std::string dates = " RETURN r.date >= date('2023'), r.start, r.end, r.when, count(*) ORDER BY count(*) DESC";
  CHECK(rows_of("MATCH (a)-[r]->(b)" + dates) ==
        rows_of("MATCH (a)-[r]->(b) WITH r, r['date'] AS d, r['start'] AS s, r['end'] AS e, r['when'] AS w"
                " RETURN d >= date('2023'), s, e, w, count(*) ORDER BY count(*) DESC"));
  CHECK(rows_of("MATCH (n) RETURN n.date, n.start, n.end, count(*) ORDER BY count(*) DESC, n.date") ==
        rows_of("MATCH (n) RETURN n['date'], n['start'], n['end'], count(*) ORDER BY count(*) DESC, n['date']"));
  // So are id, type, label and modality.
  const std::string fields =
      "n.id AS i, n.type AS t, n.label AS l, n.modality AS m, r.id AS ri, r.type AS rt, "
      "r.label AS rl, r.modality AS rm ORDER BY i, rt, ri";
  const auto read = rows_of("MATCH (n)-[r]->() RETURN " + fields);
  CHECK(read.size() > 100);
  CHECK(read == rows_of("MATCH (n)-[r]->() WITH n['id'] AS i, n['type'] AS t, n['label'] AS l, n['modality'] AS m, "
                        "r['id'] AS ri, r['type'] AS rt, r['label'] AS rl, r['modality'] AS rm RETURN *"
                        " ORDER BY i, rt, ri"));
  // type(r) groups by type id; type(r) + '' by its text. Null relationships (OPTIONAL MATCH) group apart.
  const std::string optional = "MATCH (a:Actor) OPTIONAL MATCH (a)-[r:SIGNATORY]->() ";
  CHECK(rows_of("MATCH ()-[r]->() RETURN type(r), count(*) ORDER BY type(r)") ==
        rows_of("MATCH ()-[r]->() RETURN type(r) + '' AS t, count(*) ORDER BY t"));
  const auto by_id = rows_of(optional + "RETURN type(r), count(*) ORDER BY type(r)");
  CHECK(by_id.size() == 2);
  CHECK(by_id == rows_of(optional + "RETURN type(r) + '' AS t, count(*) ORDER BY t"));
}

TEST_CASE("terms checked on the record keep the evaluator's truth: date precision, either side, types") {
  // Each term alone, pushed (and checked on the record) and after a WITH (evaluated).
  const std::vector<std::string> terms{
      "r.date >= date('2022')",      "r.date <= date('2023-06')",
      "r.date < date('2022-02-24')", "r.date > date('2021')",
      "r.date = date('2022-02')",    "r.date <> date('2022-02')",
      "date('2022') <= r.date",      "date('2023-06') >= r.date",
      "date('2022') < r.start",      "r.end > date('2020')",
      "r.when >= date('2024-12')",   "a.date >= date('2022')",
      "date('2024') = b.date",       "type(r) IN ['SIGNATORY', 'ACTOR', 'NO_SUCH', null, 1]",
      "type(r) = 'MEMBER_OF'",       "type(r) IN []"};
  for (const auto& t : terms) {
    CAPTURE(t);
    const std::string pushed =
        "MATCH (a)-[r]->(b) WHERE " + t + " RETURN a.id, type(r), b.id ORDER BY a.id, type(r), b.id";
    CHECK(Query::compile(shipped().schema(), "EXPLAIN " + pushed).explain().find("on the record") != std::string::npos);
    CHECK(rows_of(pushed) == rows_of("MATCH (a)-[r]->(b) WITH a, r, b WHERE " + t +
                                     " RETURN a.id, type(r), b.id ORDER BY a.id, type(r), b.id"));
  }
  CHECK(!rows_of("MATCH (a)-[r]->(b) WHERE r.date >= date('2022') RETURN a.id").empty());
}

TEST_CASE("a node given its label starts at the name index's nodes, with the rows of a WHERE after a WITH") {
  const std::string ret = " RETURN a.id, type(r), b.id ORDER BY a.id, type(r), b.id";
  for (const std::string where :
       {"a.label = 'Russia'", "'Russia' = a.label", "a.label = 'Moscow'", "a.label = 'russia'",
        "b.label = 'Azerbaijan'", "a.label = $name", "a.label = 5", "a.label = null"}) {
    CAPTURE(where);
    QueryOptions options;
    options.params.set("name", Value(std::string("Baku")));
    const std::string match = "MATCH (a)-[r]->(b) ";
    CHECK(Query::compile(shipped().schema(), "EXPLAIN " + match + "WHERE " + where + ret).explain().find("name: ") !=
          std::string::npos);
    CHECK(rows_of(match + "WHERE " + where + ret, options) == rows_of(match + "WITH * WHERE " + where + ret, options));
  }
  CHECK(rows_of("MATCH (a {label: 'Russia'})-[r]->(b)" + ret) ==
        rows_of("MATCH (a)-[r]->(b) WITH * WHERE a.label = 'Russia'" + ret));
  CHECK(rows_of("MATCH (x {id: 'russia'}) WITH x.label AS name MATCH (a)-[r]->(b) WHERE a.label = name" + ret) ==
        rows_of("MATCH (a {id: 'russia'})-[r]->(b)" + ret));
  // 213 nodes; the name index finds one: a budget of 20 bindings is enough only from there.
  QueryOptions small;
  small.limits.max_bindings = 20;
  CHECK(rows_of("MATCH (a) WHERE a.label = 'Russia' RETURN a.id", small) == std::vector<std::string>{"russia|"});
  CHECK_THROWS_AS(rows_of("MATCH (a) WITH * WHERE a.label = 'Russia' RETURN a.id", small), Error);
}
