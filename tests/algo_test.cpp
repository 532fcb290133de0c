// Algorithms: nodes and neighbours, paths, components, betweenness, timelines, claims.

#include <doctest/doctest.h>

#include <filesystem>

#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/json.hpp"

using namespace diplograph;

namespace {

const Graph& fixture() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "fixtures/query");
  return graph;
}

std::string text(const Path& p) {
  std::string out(p.nodes.front().id());
  for (std::size_t i = 0; i < p.edges.size(); ++i)
    out += " -" + std::string(p.edges[i].type()) + "- " + std::string(p.nodes[i + 1].id());
  return out;
}

}  // namespace

TEST_CASE("find_nodes filters on type with subtypes, properties and dates") {
  const Graph& g = fixture();
  NodeFilter f;
  f.type = "Meeting";
  CHECK(find_nodes(g, f).size() == 4);
  f.props = {{"category", Value("CONSULT")}};
  CHECK(find_nodes(g, f).size() == 3);
  f.from = Date::parse("2025-10-05");
  f.to = Date::parse("2025-10-31");
  CHECK(find_nodes(g, f).size() == 2);  // the Dushanbe meeting and the CIS summit ("2025-10")
  f.certainty = Certainty::definitely;
  REQUIRE(find_nodes(g, f).size() == 1);
  CHECK(find_nodes(g, f)[0].id() == "dushanbe-meeting");
  f.type = "Meting";
  CHECK_THROWS_WITH_AS(find_nodes(g, f), "error: unknown node type 'Meting'; did you mean 'Meeting'?", Error);
}

TEST_CASE("neighbors by edge type, direction and node type") {
  const Graph& g = fixture();
  const Node russia = g.at("russia");
  NeighborOptions o;
  o.direction = Direction::out;
  o.edge_types = {"ACTOR"};
  const auto acts = neighbors(g, russia, o);
  REQUIRE(acts.size() == 2);
  CHECK(acts[0].node.id() == "downing");
  CHECK(acts[0].outgoing);
  o.direction = Direction::in;
  o.edge_types = {"RECIPIENT"};
  CHECK(neighbors(g, russia, o).size() == 2);
  o = {};
  o.node_types = {"Person"};
  REQUIRE(neighbors(g, russia, o).size() == 1);
  CHECK(neighbors(g, russia, o)[0].node.id() == "putin");
  CHECK_FALSE(neighbors(g, russia, o)[0].outgoing);
}

TEST_CASE("shortest path searches both ways over chosen edge types") {
  const Graph& g = fixture();
  auto p = shortest_path(g, g.at("putin"), g.at("aliyev"));
  REQUIRE(p);
  CHECK(p->edges.size() == 2);
  PathOptions o;
  o.edge_types = {"SIGNATORY"};
  p = shortest_path(g, g.at("russia"), g.at("armenia"), o);
  REQUIRE(p);
  CHECK(text(*p) ==
        "russia -SIGNATORY- allied-declaration -SIGNATORY- azerbaijan -SIGNATORY- washington-declaration -SIGNATORY- "
        "armenia");
  o.direction = Direction::out;
  CHECK_FALSE(shortest_path(g, g.at("russia"), g.at("armenia"), o));
  CHECK(shortest_path(g, g.at("russia"), g.at("russia"))->nodes.size() == 1);
  o.edge_types = {"SIGNATORIES"};
  CHECK_THROWS_AS(shortest_path(g, g.at("russia"), g.at("armenia"), o), Error);
}

TEST_CASE("all shortest paths") {
  const Graph& g = fixture();
  const auto paths = all_shortest_paths(g, g.at("azerbaijan"), g.at("russia"));
  // Through the Dushanbe meeting, the CIS summit, the allied declaration, the CIS, the INSTC,
  // the downing, the raids and the arrests.
  CHECK(paths.size() == 8);
  for (const auto& p : paths) CHECK(p.edges.size() == 2);
  PathOptions o;
  o.max_paths = 2;
  CHECK(all_shortest_paths(g, g.at("azerbaijan"), g.at("russia"), o).size() == 2);
}

TEST_CASE("time-respecting paths never go back in time") {
  const Graph& g = fixture();
  PathOptions o;
  o.time_respecting = true;
  o.edge_types = {"ACTOR", "RECIPIENT", "RESPONDED_TO"};
  // Russia raided (06-27), Azerbaijan answered with arrests (06-30): forwards in time.
  auto p = shortest_path(g, g.at("russia"), g.at("arrests"), o);
  REQUIRE(p);
  CHECK(p->edges.size() == 1);  // Russia is the recipient of the arrests
  o.direction = Direction::out;
  o.edge_types = {"ACTOR", "RECIPIENT"};
  // Russia -ACTOR-> downing (2024-12-25) -RECIPIENT-> Azerbaijan -ACTOR-> arrests (2025-06-30).
  p = shortest_path(g, g.at("russia"), g.at("arrests"), o);
  REQUIRE(p);
  CHECK(text(*p) == "russia -ACTOR- downing -RECIPIENT- azerbaijan -ACTOR- arrests");
  // Azerbaijan -ACTOR-> arrests (06-30) -RECIPIENT-> Russia -ACTOR-> raids (06-27): backwards.
  CHECK_FALSE(shortest_path(g, g.at("azerbaijan"), g.at("raids"), o));
  o.time_respecting = false;
  CHECK(shortest_path(g, g.at("azerbaijan"), g.at("raids"), o));
}

TEST_CASE("time-respecting paths: a month may or may not follow a day inside it") {
  const Graph& g = fixture();
  PathOptions o;
  o.time_respecting = true;
  o.edge_types = {"PARTICIPANT"};
  // dushanbe-meeting (2025-10-09) then cis-summit ("2025-10"): possibly later, not definitely.
  auto p = shortest_path(g, g.at("dushanbe-meeting"), g.at("cis-summit"), o);
  REQUIRE(p);
  o.certainty = Certainty::definitely;
  CHECK_FALSE(shortest_path(g, g.at("dushanbe-meeting"), g.at("cis-summit"), o));
}

TEST_CASE("connected components over chosen edge types") {
  const Graph& g = fixture();
  const auto all = connected_components(g);
  CHECK(all[g.at("azerbaijan").index()] == all[g.at("georgia").index()]);
  CHECK(all[g.at("src-a").index()] != all[g.at("azerbaijan").index()]);  // citations are not edges
  const auto signed_only = connected_components(g, {"SIGNATORY"});
  CHECK(signed_only[g.at("russia").index()] == signed_only[g.at("armenia").index()]);
  CHECK(signed_only[g.at("russia").index()] != signed_only[g.at("usa").index()]);
  CHECK(signed_only[0] == 0);
}

TEST_CASE("betweenness centrality is normalised like NetworkX") {
  const Graph& g = fixture();
  // With MEMBER_OF only, the CIS is the centre of a star of four states.
  const auto c = betweenness_centrality(g, {"MEMBER_OF"});
  const double n = static_cast<double>(g.node_count());
  // A star centre lies on all 6 pairs of its 4 leaves; NetworkX divides by (n-1)(n-2)/2.
  CHECK(c[g.at("cis").index()] == doctest::Approx(6.0 / ((n - 1) * (n - 2) / 2)));
  CHECK(c[g.at("russia").index()] == 0.0);
  const auto directed = betweenness_centrality(g, {"MEMBER_OF"}, true);
  CHECK(directed[g.at("cis").index()] == 0.0);  // nothing leaves the CIS
}

TEST_CASE("timeline of a pair of actors, ordered and precision-aware") {
  const Graph& g = fixture();
  TimelineOptions o;
  o.actors = {"azerbaijan", "russia"};
  auto t = timeline(g, o);
  std::vector<std::string> got;
  for (const auto& e : t) got.push_back(e.date.to_string() + " " + std::string(e.event.id()));
  CHECK(got == std::vector<std::string>{"2024-12-25 downing", "2025-06-27 raids", "2025-06-30 arrests",
                                        "2025-10 cis-summit", "2025-10-09 dushanbe-meeting"});
  REQUIRE(t[0].plover);
  CHECK(t[0].plover->name == "ASSAULT");
  CHECK(t[0].plover->quad == QuadClass::material_conflict);
  CHECK(t[0].roles == std::vector<std::vector<std::string>>{{"RECIPIENT"}, {"ACTOR"}});
  o.from = Date::parse("2025-10-01");
  o.to = Date::parse("2025-10-15");
  CHECK(timeline(g, o).size() == 2);
  o.certainty = Certainty::definitely;
  REQUIRE(timeline(g, o).size() == 1);
  CHECK(timeline(g, o)[0].event.id() == "dushanbe-meeting");
  o.actors = {"nobody"};
  CHECK_THROWS_AS(timeline(g, o), Error);
}

TEST_CASE("claims: the sources that assert and dispute a fact") {
  const Graph& g = fixture();
  Edge triggered = g.edge(0);
  for (Edge e : g.edges())
    if (e.id() == "e-triggered-accusation") triggered = e;
  const Claims c = claims(g, triggered);
  REQUIRE(c.asserting.size() == 1);
  REQUIRE(c.disputing.size() == 1);
  CHECK(c.disputed());
  CHECK(c.asserting[0].source_id == "src-a");
  CHECK(c.asserting[0].source->label() == "Article A");
  CHECK(c.disputing[0].quote == "long-standing grievances");
  CHECK_FALSE(claims(g, g.at("downing")).disputed());
}
