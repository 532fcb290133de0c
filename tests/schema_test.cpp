#include <doctest/doctest.h>

#include "diplograph/atomic_file.hpp"
#include "diplograph/json.hpp"
#include "diplograph/schema.hpp"
#include "schema/located_parts.hpp"
#include "test_support.hpp"

using namespace diplograph;

namespace {
const Schema& basic() {
  static const Schema s = load_schema(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic/schema.json");
  return s;
}
TypeId node(std::string_view name) { return basic().find_node_type(name)->id; }
}  // namespace

TEST_CASE("node types form a hierarchy; a supertype admits its subtypes") {
  const Schema& s = basic();
  CHECK(s.is_a(node("State"), node("Actor")));
  CHECK(s.is_a(node("Incident"), node("Event")));
  CHECK_FALSE(s.is_a(node("Actor"), node("State")));
  CHECK(s.find_node_type("Actor")->abstract);
  const auto subs = s.subtypes(node("Actor"));
  CHECK(subs == std::vector<TypeId>{node("Actor"), node("State"), node("Person")});
  const auto actor = s.find_edge_type("ACTOR")->id;
  CHECK(s.allows(actor, node("State"), node("Incident")));
  CHECK(s.allows(actor, node("Person"), node("Meeting")));
  CHECK_FALSE(s.allows(actor, node("Place"), node("Incident")));
}

TEST_CASE("a type id the schema does not have throws diplograph::Error, not std::out_of_range") {
  const Schema& s = basic();
  const auto nodes = static_cast<TypeId>(s.node_types().size());
  const auto edges = static_cast<TypeId>(s.edge_types().size());
  CHECK(s.node_type(node("State")).name == "State");
  CHECK_THROWS_WITH_AS(
      s.node_type(nodes),
      ("error: no node type with id " + std::to_string(nodes) + " (the schema has " + std::to_string(nodes) + ")")
          .c_str(),
      Error);
  CHECK_THROWS_AS(s.edge_type(edges), Error);
}

TEST_CASE("properties are inherited, and PLOVER categories carry quad class and score") {
  const Schema& s = basic();
  REQUIRE(s.node_property(node("Incident"), "category") != nullptr);
  CHECK(s.node_property(node("Incident"), "category")->required);
  CHECK(s.node_property(node("State"), "wikidata") != nullptr);
  CHECK(s.node_property(node("Place"), "wikidata") == nullptr);
  CHECK(s.plover_version() == "PLOVER 0.8 (2021-09-17)");
  REQUIRE(s.plover("ASSAULT") != nullptr);
  CHECK(s.plover("ASSAULT")->quad == QuadClass::material_conflict);
  CHECK(s.plover("ASSAULT")->score == -9.0);
  CHECK(s.vocabulary("plover_category")->values.size() == 4);
  CHECK(s.source_type() == node("Source"));
}

TEST_CASE("schema problems are all reported, each where its type is declared") {
  Schema::Parts parts;
  parts.node_types.push_back({"Actor", "", true, "", {}});
  parts.node_types.push_back({"State", "Actr", false, "", {}});
  parts.node_types.push_back({"Actor", "", false, "", {}});
  parts.edge_types.push_back({"LEADS", {"Persn"}, {"State"}, DateRule::optional, "", {}});
  const detail::PartLocations where{{{"s.json", 2, 3}, {"s.json", 3, 3}, {"s.json", 4, 3}}, {{"s.json", 6, 3}}, {}};
  CHECK_THROWS_WITH_AS(detail::SchemaAccess::from_parts(parts, where),
                       "s.json:4:3: error: node type 'Actor' is declared twice\n"
                       "s.json:3:3: error: node type 'State': unknown node type 'Actr'; did you mean 'Actor'?\n"
                       "s.json:6:3: error: edge type 'LEADS': unknown node type 'Persn'",
                       Error);
}

TEST_CASE("the bundled schema loads and saves to JSON that loads back equal") {
  const Schema s = load_schema(DIPLOGRAPH_GRAPH_DIR "/schema.json");
  CHECK(s.node_types().size() > 10);
  CHECK(s.plover_categories().size() == 16);
  const test::TempDir dir;
  write_file_atomically(dir / "schema.json", to_json(s));
  CHECK(load_schema(dir / "schema.json") == s);
}
