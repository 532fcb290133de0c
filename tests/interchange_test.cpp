#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "diagram_graph.hpp"
#include "diplograph/atomic_file.hpp"
#include "diplograph/interchange.hpp"
#include "diplograph/json.hpp"
#include "test_support.hpp"

using namespace diplograph;

namespace {

// Compares `text` with tests/golden/<name>; DIPLOGRAPH_UPDATE_GOLDEN=1 rewrites the file.
void check_golden(const std::string& name, const std::string& text) {
  const auto file = std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "golden" / name;
  if (std::getenv("DIPLOGRAPH_UPDATE_GOLDEN")) write_file_atomically(file, text);
  CHECK(text == test::read_file(file));
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("GraphML: golden, deterministic, typed keys, one element per node and edge") {
  const Graph g = diagram_test::graph();
  const std::string text = to_graphml(g);
  CHECK(text == to_graphml(diagram_test::graph()));
  check_golden("diagram.graphml", text);
  CHECK(count(text, "<node id=") == g.node_count());
  CHECK(count(text, "<edge ") == g.edge_count());
  CHECK(text.find("attr.name=\"fatalities\" attr.type=\"long\"") != std::string::npos);
  CHECK(text.find("attr.name=\"confidence\" attr.type=\"double\"") != std::string::npos);
  CHECK(text.find("attr.name=\"binding\" attr.type=\"boolean\"") != std::string::npos);
  CHECK(text.find("attr.name=\"signed_on\" attr.type=\"string\"") != std::string::npos);
  CHECK(text.find(">[&quot;energy&quot;,&quot;transport&quot;]</data>") != std::string::npos);
  CHECK(text.find(">AT&amp;T &amp;amp; &amp;lt;</data>") != std::string::npos);
  CHECK(text.find(">line1&#10;line2</data>") != std::string::npos);
}

TEST_CASE("N-Triples: golden, deterministic, escaped literals, typed dates, PROV") {
  const Graph g = diagram_test::graph();
  const std::string text = to_ntriples(g);
  CHECK(text == to_ntriples(diagram_test::graph()));
  check_golden("diagram.nt", text);
  CHECK(count(text, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .") == g.edge_count());
  CHECK(text.find("<urn:diplograph:node:azal-downing> <urn:diplograph:vocab#date> "
                  "\"2024-12-25\"^^<http://www.w3.org/2001/XMLSchema#date> .") != std::string::npos);
  CHECK(text.find("<urn:diplograph:node:allied-declaration> <urn:diplograph:vocab#date> "
                  "\"2022-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .") != std::string::npos);
  // The days a month covers, as xsd:date bounds that SPARQL can compare.
  CHECK(text.find("<urn:diplograph:node:allied-declaration> <urn:diplograph:vocab#dateEarliest> "
                  "\"2022-02-01\"^^<http://www.w3.org/2001/XMLSchema#date> .") != std::string::npos);
  CHECK(text.find("<urn:diplograph:node:allied-declaration> <urn:diplograph:vocab#dateLatest> "
                  "\"2022-02-28\"^^<http://www.w3.org/2001/XMLSchema#date> .") != std::string::npos);
  // A node has its type and every supertype, so `?x a t:Actor` finds states without paths.
  CHECK(text.find("<urn:diplograph:node:russia> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                  "<urn:diplograph:type:State> .\n<urn:diplograph:node:russia> "
                  "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:diplograph:type:Actor> .") !=
        std::string::npos);
  CHECK(text.find("<http://www.w3.org/2000/01/rdf-schema#label> \"trailing\\\\\" .") != std::string::npos);
  CHECK(text.find("\"line1\\nline2\"") != std::string::npos);
  CHECK(text.find("<urn:diplograph:node:russia> <urn:diplograph:rel:ACTOR> <urn:diplograph:node:azal-downing> .") !=
        std::string::npos);
  CHECK(text.find("<http://www.w3.org/ns/prov#wasDerivedFrom> <urn:diplograph:node:src-a> .") != std::string::npos);
  CHECK(text.find("<urn:diplograph:vocab#stance> \"disputes\" .") != std::string::npos);
  // Every line is one triple.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() > 2);
}

TEST_CASE("PLOVER JSON lines: one event per line, by date, with roles and quad codes") {
  const Graph g = diagram_test::graph();
  const std::string text = to_plover_jsonl(g);
  check_golden("diagram.plover.jsonl", text);
  CHECK(count(text, "\n") == 3);
  const auto first = text.substr(0, text.find('\n'));
  CHECK(first ==
        "{\"id\":\"azal-downing\",\"label\":\"AZAL 8243 downing\",\"date\":\"2024-12-25\",\"event_type\":\"ASSAULT\","
        "\"mode\":null,\"contexts\":[],\"quad_code\":4,\"quad_class\":\"material-conflict\",\"score\":-9,"
        "\"actors\":[\"russia\"],\"recipients\":[\"azerbaijan\"],\"participants\":[],\"hosts\":[],\"mediators\":[],"
        "\"locations\":[],\"modality\":\"actual\",\"citations\":[{\"source\":\"src-a\",\"quote\":\"a short "
        "\\\"quote\\\"\",\"stance\":\"asserts\"},{\"source\":\"src-b\",\"quote\":\"disputed\",\"stance\":\"disputes\"}]"
        "}");
}
