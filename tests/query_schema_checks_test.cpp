// What the schema tells a query before it runs (issue 10 item 1): enum-valued fields compared
// with values outside their vocabulary, and patterns the schema rules out.

#include <doctest/doctest.h>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

using namespace diplograph;

namespace {

const Graph& shipped() {
  static const Graph graph = load(DIPLOGRAPH_GRAPH_DIR);
  return graph;
}

std::string run_error(const std::string& text, const QueryOptions& options) {
  const Query q = Query::compile(shipped().schema(), text);  // compiles: a parameter is checked when it runs
  try {
    q.run(shipped(), options);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::query);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a parameter compared with an enum-valued field is checked when the query runs") {
  QueryOptions options;
  options.params.set("m", Value("Expected"));
  CHECK(run_error("MATCH (e:Event) WHERE e.modality = $m RETURN e.id", options) ==
        "<query>:1:36: error: unknown modality 'Expected'; did you mean 'expected'?\n"
        "  MATCH (e:Event) WHERE e.modality = $m RETURN e.id\n"
        "                                     ^");
  options.params.set_json("cs", R"(["ASSAULT", "coerce"])");
  CHECK(run_error("MATCH (e:Event) WHERE e.category IN $cs RETURN e.id", options)
            .starts_with("<query>:1:37: error: unknown category 'coerce'; did you mean 'COERCE'?"));
  // Values inside the vocabulary run as usual.
  options.params.set("m", Value("expected")).set_json("cs", R"(["ASSAULT", "COERCE"])");
  CHECK(query(shipped(), "MATCH (e:Event) WHERE e.modality = $m RETURN count(*)", options).rows.at(0).at(0).value ==
        query(shipped(), "MATCH (e:Event) WHERE e.modality = 'expected' RETURN count(*)").rows.at(0).at(0).value);
  CHECK(!query(shipped(), "MATCH (e:Event) WHERE e.category IN $cs RETURN e.id", options).rows.empty());
}

TEST_CASE("a pattern the schema rules out compiles with a warning that cites the rule") {
  const Query q = Query::compile(shipped().schema(), "MATCH (a:Agreement)-[:BROKER]->(b) RETURN count(*)");
  REQUIRE(q.warnings().size() == 1);
  const Diagnostic& w = q.warnings().front();
  CHECK(w.severity == Severity::warning);
  CHECK(w.code == ErrorCode::schema);
  CHECK(w.where == Location{"<query>", 1, 20});
  CHECK(w.message.starts_with("BROKER goes from Actor to Document ("));
  CHECK(w.message.find("schema.json:504:13); (a:Agreement)-[:BROKER]->(b) matches nothing\n") != std::string::npos);
  CHECK(q.run(shipped()).rows.at(0).at(0).value == Value(0));

  // Either direction of an undirected relationship, a later MATCH on a bound variable, and
  // every alternative type are considered.
  auto warnings = [](const char* text) { return Query::compile(shipped().schema(), text).warnings().size(); };
  CHECK(warnings("MATCH (b)-[:BROKER]->(d:Agreement) RETURN d") == 0);
  CHECK(warnings("MATCH (d:Agreement)-[:BROKER]-(b) RETURN d") == 0);
  CHECK(warnings("MATCH (d:Agreement)<-[:BROKER]-(b) RETURN d") == 0);
  CHECK(warnings("MATCH (a:Agreement) MATCH (a)-[:BROKER]->(b) RETURN b") == 1);
  CHECK(warnings("MATCH (p:Place)-[:BROKER|SIGNATORY]-(x) RETURN x") == 1);
  CHECK(warnings("MATCH (p:Place)-[:BROKER|LOCATED_IN]-(x) RETURN x") == 0);
  CHECK(warnings("MATCH (a) WHERE EXISTS { (a:Agreement)-[:BROKER]->() } RETURN a") == 1);
  // A variable-length relationship may pass through other types: no warning.
  CHECK(warnings("MATCH (a:Agreement)-[:BROKER*1..2]->(b) RETURN b") == 0);
}
