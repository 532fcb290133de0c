#pragma once
// A small graph for the diagram and interchange suites, built in code so that it can hold
// labels no sane data file would: every one of them must survive every writer verbatim.

#include <string>
#include <vector>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"

namespace diagram_test {

/// Labels that break naive DOT, SVG, GraphML or N-Triples writers.
inline const std::vector<std::string> hostile_labels{
    "back\\slash",
    "\\N and \\G and \\E",
    "trailing\\",
    "say \"hi\"",
    "a\\\"b",
    "line1\nline2",
    "<b>bold</b>",
    "AT&T &amp; &lt;",
    "Əliyev İlham",
    "Россия",
    "node",
    "-.",
    "%x %s %n",
    "\\",
    "\"",
    "-",
    "edge -> n0",
    "tab\there",
    "<html>&#60;</html>",
    "ends with newline\n",
};

inline diplograph::Schema schema() {
  using diplograph::PropertySpec;
  using diplograph::ValueKind;
  diplograph::Schema::Parts p;
  p.plover_version = "2.0";
  p.plover = {{"AGREE", diplograph::QuadClass::verbal_cooperation, 3, ""},
              {"COOPERATE", diplograph::QuadClass::material_cooperation, 6, ""},
              {"ACCUSE", diplograph::QuadClass::verbal_conflict, -4, ""},
              {"ASSAULT", diplograph::QuadClass::material_conflict, -9, ""}};
  p.source_type = "Source";
  p.vocabularies = {{"plover_category", {"AGREE", "COOPERATE", "ACCUSE", "ASSAULT"}}};
  PropertySpec category{"category", ValueKind::enumeration, false, false, "plover_category", ""};
  PropertySpec iso3{"iso3", ValueKind::string, false, false, "", ""};
  PropertySpec sectors{"sectors", ValueKind::string, true, false, "", ""};
  PropertySpec fatalities{"fatalities", ValueKind::integer, false, false, "", ""};
  PropertySpec confidence{"confidence", ValueKind::real, false, false, "", ""};
  PropertySpec binding{"binding", ValueKind::boolean, false, false, "", ""};
  PropertySpec signed_on{"signed_on", ValueKind::date, false, false, "", ""};
  auto node_type = [&](std::string name, std::string parent, bool abstract, std::vector<PropertySpec> props) {
    diplograph::Schema::Parts::Node t;
    t.name = std::move(name);
    t.parent = std::move(parent);
    t.abstract = abstract;
    t.props = std::move(props);
    p.node_types.push_back(std::move(t));
  };
  node_type("Actor", "", true, {});
  node_type("State", "Actor", false, {iso3});
  node_type("Person", "Actor", false, {});
  node_type("Organization", "Actor", false, {});
  node_type("Event", "", true, {category, fatalities, confidence});
  node_type("Meeting", "Event", false, {});
  node_type("Incident", "Event", false, {});
  node_type("Agreement", "", false, {binding, sectors, signed_on});
  node_type("Place", "", false, {});
  node_type("Source", "", false, {});
  auto edge_type = [&](std::string name, std::vector<std::string> from, std::vector<std::string> to) {
    diplograph::Schema::Parts::Edge t;
    t.name = std::move(name);
    t.from = std::move(from);
    t.to = std::move(to);
    p.edge_types.push_back(std::move(t));
  };
  edge_type("ACTOR", {"Actor"}, {"Event"});
  edge_type("RECIPIENT", {"Actor"}, {"Event"});
  edge_type("SIGNATORY", {"Actor"}, {"Agreement"});
  edge_type("LEADS", {"Person"}, {"State", "Organization"});
  edge_type("LOCATED_IN", {"Event"}, {"Place"});
  edge_type("MEMBER_OF", {"State"}, {"Organization"});
  return diplograph::Schema::from_parts(std::move(p));
}

inline diplograph::NodeData node(std::string id, std::string type, std::string label) {
  diplograph::NodeData n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.label = std::move(label);
  if (n.type != "Source") n.sources = {{"src-a", "a short \"quote\"", diplograph::Stance::asserts}};
  return n;
}

inline diplograph::EdgeData edge(std::string type, std::string from, std::string to, std::string date = "") {
  diplograph::EdgeData e;
  e.type = std::move(type);
  e.from = std::move(from);
  e.to = std::move(to);
  if (!date.empty()) e.date = diplograph::Date::parse(date);
  e.sources = {{"src-a", "", diplograph::Stance::asserts}};
  return e;
}

/// Two states, a leader, an organisation, a cooperative meeting, a hostile incident, an
/// agreement, a place, two sources, and one Person per hostile label.
inline diplograph::Graph graph() {
  using diplograph::Date;
  diplograph::GraphBuilder b(schema());
  auto src_a = node("src-a", "Source", "Article A");
  b.add_node(src_a);
  auto src_b = node("src-b", "Source", "Article B & co");
  b.add_node(src_b);
  auto aze = node("azerbaijan", "State", "Azerbaijan");
  aze.aliases = {"Baku", "Азербайджан"};
  aze.props = {{"iso3", diplograph::Value("AZE")}};
  b.add_node(aze);
  auto rus = node("russia", "State", "Russia");
  rus.props = {{"iso3", diplograph::Value("RUS")}};
  b.add_node(rus);
  b.add_node(node("aliyev", "Person", "Ilham Aliyev"));
  b.add_node(node("cis", "Organization", "CIS"));
  auto summit = node("dushanbe-meeting", "Meeting", "Dushanbe meeting");
  summit.date = Date::parse("2025-10-09");
  summit.props = {{"category", diplograph::Value("AGREE")}};
  b.add_node(summit);
  auto downing = node("azal-downing", "Incident", "AZAL 8243 downing");
  downing.date = Date::parse("2024-12-25");
  downing.props = {{"category", diplograph::Value("ASSAULT")},
                   {"fatalities", diplograph::Value(38)},
                   {"confidence", diplograph::Value(0.9)}};
  downing.sources.push_back({"src-b", "disputed", diplograph::Stance::disputes});
  b.add_node(downing);
  auto decl = node("allied-declaration", "Agreement", "Declaration on Allied Interaction");
  decl.date = Date::parse("2022-02");
  decl.props = {{"binding", diplograph::Value(true)},
                {"sectors", diplograph::Value(diplograph::List{"energy", "transport"})},
                {"signed_on", diplograph::Value(Date::parse("2022-02-22"))}};
  b.add_node(decl);
  auto planned = node("planned-visit", "Meeting", "Planned visit");
  planned.modality = diplograph::Modality::expected;
  planned.date = Date::parse("2026");
  planned.props = {{"category", diplograph::Value("COOPERATE")}};
  b.add_node(planned);
  b.add_node(node("dushanbe", "Place", "Dushanbe"));
  for (std::size_t i = 0; i < hostile_labels.size(); ++i)
    b.add_node(node("hostile-" + std::to_string(i), "Person", hostile_labels[i]));

  b.add_edge(edge("LEADS", "aliyev", "azerbaijan"));
  b.add_edge(edge("MEMBER_OF", "azerbaijan", "cis"));
  b.add_edge(edge("MEMBER_OF", "russia", "cis"));
  b.add_edge(edge("ACTOR", "aliyev", "dushanbe-meeting", "2025-10-09"));
  b.add_edge(edge("ACTOR", "russia", "dushanbe-meeting", "2025-10-09"));
  b.add_edge(edge("LOCATED_IN", "dushanbe-meeting", "dushanbe"));
  b.add_edge(edge("ACTOR", "russia", "azal-downing", "2024-12-25"));
  b.add_edge(edge("RECIPIENT", "azerbaijan", "azal-downing", "2024-12-25"));
  b.add_edge(edge("SIGNATORY", "azerbaijan", "allied-declaration", "2022-02-22"));
  b.add_edge(edge("SIGNATORY", "russia", "allied-declaration", "2022-02-22"));
  b.add_edge(edge("ACTOR", "azerbaijan", "planned-visit"));
  for (std::size_t i = 0; i < hostile_labels.size(); ++i) {
    auto e = edge("LEADS", "hostile-" + std::to_string(i), i % 2 ? "cis" : "russia");
    e.id = "hostile-edge-" + std::to_string(i);
    e.props = {};
    b.add_edge(e);
  }
  return b.build();
}

}  // namespace diagram_test
