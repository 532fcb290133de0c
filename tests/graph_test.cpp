#include <doctest/doctest.h>

#include <algorithm>

#include "diplograph/json.hpp"

using namespace diplograph;

namespace {
const Graph& basic() {
  static const Graph g = load(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic");
  return g;
}
std::vector<std::string> ids(const std::vector<Node>& nodes) {
  std::vector<std::string> out;
  for (const auto& n : nodes) out.emplace_back(n.id());
  return out;
}
}  // namespace

TEST_CASE("nodes are found by id, with a did-you-mean when the id is wrong") {
  const Graph& g = basic();
  REQUIRE(g.find("russia"));
  CHECK(g.find("russia")->label() == "Russia");
  CHECK_FALSE(g.find("rusia"));
  CHECK_THROWS_WITH_AS(g.at("rusia"), "error: no node with id 'rusia'; did you mean 'russia'?", Error);
}

TEST_CASE("names are looked up folded: case, Unicode case and marks do not matter") {
  const Graph& g = basic();
  for (const char* name : {"Aliyev", "ALIYEV", "aliyev", "Əliyev", "əliyev", "ƏLİYEV", "Ilham Aliyev"})
    CHECK_MESSAGE(ids(g.find_by_name(name)) == std::vector<std::string>{"ilham-aliyev"}, name);
  CHECK(ids(g.find_by_name("россия")) == std::vector<std::string>{"russia"});
  CHECK(ids(g.find_by_name("AZƏRBAYCAN")) == std::vector<std::string>{"azerbaijan"});
  // "Baku" is both the state's alias and the city's label.
  CHECK(ids(g.find_by_name("baku")) == std::vector<std::string>{"azerbaijan", "baku"});
  CHECK(ids(g.search("AZAL")) == std::vector<std::string>{"downing"});
  CHECK(g.find_by_name("nobody").empty());
}

TEST_CASE("nodes of a type include its subtypes unless exact") {
  const Graph& g = basic();
  CHECK(ids(g.nodes_of_type("Actor")) == std::vector<std::string>{"azerbaijan", "russia", "ilham-aliyev"});
  CHECK(ids(g.nodes_of_type("Event")) == std::vector<std::string>{"downing", "crisis"});
  CHECK(g.nodes_of_type("Actor", true).empty());
  CHECK(g.nodes_of_type("Nothing").empty());
}

TEST_CASE("typed adjacency returns only edges of the asked type") {
  const Graph& g = basic();
  const Node russia = g.at("russia");
  const TypeId signatory = g.schema().find_edge_type("SIGNATORY")->id;
  const auto typed = g.out_edges(russia.index(), signatory);
  REQUIRE(typed.size() == 1);
  CHECK(g.edge(typed[0]).to().id() == "declaration");
  CHECK(g.out_edges(russia.index()).size() == 2);
  CHECK(g.in_edges(russia.index()).empty());
  const std::vector<std::string> types{"ACTOR"};
  const auto actor = g.edges_at(russia, Direction::both, types);
  REQUIRE(actor.size() == 1);
  CHECK(actor[0].to().id() == "downing");
  const std::vector<std::string> wrong{"ACTR"};
  CHECK_THROWS_WITH_AS(g.edges_at(russia, Direction::out, wrong),
                       "error: unknown edge type 'ACTR'; did you mean 'ACTOR'?", Error);
}

TEST_CASE("facts keep their dates, properties, modality and every source with its stance") {
  const Graph& g = basic();
  const Node downing = g.at("downing");
  CHECK(downing.date()->to_string() == "2024-12-25");
  CHECK(downing.prop("casualties")->as_int() == 38);
  CHECK(downing.prop("contexts")->as_list() == List{Value("military")});
  CHECK(g.at("crisis").prop("reported")->as_date() == Date::parse("2025-07"));
  CHECK(g.at("declaration").prop("score")->as_real() == 0.5);
  CHECK(downing.is_a("Event"));
  const auto triggered = g.edges_at(downing, Direction::out);
  REQUIRE(triggered.size() == 1);
  const auto sources = triggered[0].sources();
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].stance == Stance::asserts);
  CHECK(sources[1].source == "src-b");
  CHECK(sources[1].stance == Stance::disputes);
  CHECK(sources[1].quote == "a pretext");
  const auto participant = g.edges_at(g.at("crisis"), Direction::in, std::vector<std::string>{"PARTICIPANT"});
  CHECK(participant.at(0).modality() == Modality::expected);
  CHECK(g.at("crisis").date()->is_span());
}

TEST_CASE("a subgraph keeps only kept nodes and the edges between them") {
  const Graph& g = basic();
  std::vector<bool> keep(g.node_count(), true);
  keep[g.at("downing").index()] = false;
  const Graph sub = g.subgraph(keep, std::vector<bool>(g.edge_count(), true));
  CHECK(sub.node_count() == g.node_count() - 1);
  CHECK(sub.edge_count() == g.edge_count() - 2);  // ACTOR and TRIGGERED touched the downing
  CHECK(sub.find("russia")->label() == "Russia");
  CHECK(sub.find_by_name("Əliyev").size() == 1);
  const Graph copy = g;  // a deep copy, equal and independent
  CHECK(copy == g);
  CHECK_FALSE(sub == g);
}

TEST_CASE("GraphBuilder checks everything at build() and reports all problems") {
  GraphBuilder b(basic().schema());
  b.add_node({"src", "Source", "S", {}, {{"title", Value("S")}}, {}, {}, {}, Modality::actual, {}});
  b.add_node({"russia", "State", "Russia", {}, {}, {}, {}, {}, Modality::actual, {{"src", "", Stance::asserts}}});
  b.add_edge({"e-1", "LEADS", "russia", "russia", {}, {}, {}, {}, Modality::actual, {{"src", "", Stance::asserts}}});
  b.add_edge({"", "ACTOR", "russia", "moscow", {}, {}, {}, {}, Modality::actual, {{"src", "", Stance::asserts}}});
  CHECK_THROWS_WITH_AS(b.build(),
                       "error: edge 'e-1': a LEADS edge cannot go from State 'russia' to State 'russia'\n"
                       "error: edge russia -> moscow: 'to' names no node: 'moscow'",
                       Error);
  GraphBuilder ok(basic().schema());
  ok.add_node({"src", "Source", "S", {}, {{"title", Value("S")}}, {}, {}, {}, Modality::actual, {}});
  const Graph g = ok.build();
  CHECK(g.node_count() == 1);
  CHECK(g.at("src").prop("title")->as_string() == "S");
}

TEST_CASE("string values of every length read back as stored (up to 8 bytes they sit in the slot)") {
  GraphBuilder b(basic().schema());
  b.add_node({"src", "Source", "S", {}, {{"title", Value("S")}}, {}, {}, {}, Modality::actual, {}});
  const std::vector<std::string> texts{
      "", "A", "AZE", "Əliyev", "12345678", "123456789", "Azərbaycan", "Азербайджан", "a value well past eight bytes"};
  const std::vector<Citation> cited{{"src", "", Stance::asserts}};
  for (std::size_t i = 0; i < texts.size(); ++i)
    b.add_node({"s" + std::to_string(i),
                "State",
                "S",
                {},
                {{"iso3", Value(texts[i])}, {"wikidata", Value(texts[texts.size() - 1 - i])}},
                {},
                {},
                {},
                Modality::actual,
                cited});
  const Graph g = b.build();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const Node n = g.at("s" + std::to_string(i));
    CHECK(n.prop("iso3")->as_string() == texts[i]);
    CHECK(n.prop("wikidata")->as_string() == texts[texts.size() - 1 - i]);
  }
  CHECK(g.at("s3").data().props == std::vector<Property>{{"iso3", Value("Əliyev")}, {"wikidata", Value("123456789")}});
}

TEST_CASE("edge ids read back on the edges that have one, in a subgraph too") {
  GraphBuilder b(basic().schema());
  const std::vector<Citation> cited{{"src", "", Stance::asserts}};
  b.add_node({"src", "Source", "S", {}, {{"title", Value("S")}}, {}, {}, {}, Modality::actual, {}});
  b.add_node({"p", "Person", "P", {}, {}, {}, {}, {}, Modality::actual, cited});
  for (const char* id : {"a", "b", "c"}) b.add_node({id, "State", id, {}, {}, {}, {}, {}, Modality::actual, cited});
  b.add_edge({"", "LEADS", "p", "a", {}, {}, {}, {}, Modality::actual, cited});
  b.add_edge({"e-b", "LEADS", "p", "b", {}, {}, {}, {}, Modality::actual, cited});
  b.add_edge({"", "LEADS", "p", "c", {}, {}, {}, {}, Modality::actual, cited});
  const Graph g = b.build();
  auto edge_ids = [](const Graph& graph) {
    std::vector<std::string> out;
    for (Edge e : graph.edges()) out.emplace_back(e.id());
    return out;
  };
  CHECK(edge_ids(g) == std::vector<std::string>{"", "e-b", ""});
  const Graph sub = g.subgraph(std::vector<bool>(g.node_count(), true), {false, true, true});
  CHECK(edge_ids(sub) == std::vector<std::string>{"e-b", ""});
  const Graph last = g.subgraph(std::vector<bool>(g.node_count(), true), {true, false, true});
  CHECK(edge_ids(last) == std::vector<std::string>{"", ""});
}
