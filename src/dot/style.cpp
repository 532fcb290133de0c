#include "dot/style.hpp"

#include <array>

namespace diplograph::dot {
namespace {

// Colours from ColorBrewer's qualitative sets, light enough for black text. Families share a
// hue (organisations green, events warm) so the kind of a node reads before its exact type.
constexpr std::array<NodeStyle, 22> styles{{
    {"State", "box", "filled,bold", "#9ecae1", 0},
    {"Person", "ellipse", "filled", "#fdd0a2", 1},
    {"IntergovernmentalOrganization", "box", "filled,rounded", "#74c476", 2},
    {"GovernmentBody", "box", "filled,rounded", "#a1d99b", 3},
    {"Company", "box", "filled,rounded", "#c7e9c0", 4},
    {"Media", "note", "filled", "#e5f5e0", 5},
    {"ThinkTank", "note", "filled", "#e5f5e0", 6},
    {"Group", "box", "filled,rounded", "#d9f0d3", 7},
    {"Organization", "box", "filled,rounded", "#c7e9c0", 8},
    {"Actor", "box", "filled", "#dddddd", 9},
    {"Summit", "hexagon", "filled", "#ffed6f", 10},
    {"Visit", "hexagon", "filled", "#fff7bc", 11},
    {"Meeting", "hexagon", "filled", "#fff7bc", 12},
    {"Incident", "octagon", "filled", "#fb8072", 13},
    {"Measure", "invhouse", "filled", "#fccde5", 14},
    {"Statement", "parallelogram", "filled", "#f0f0f0", 15},
    {"Event", "hexagon", "filled", "#ffffb3", 16},
    {"Provision", "note", "filled", "#dadaeb", 17},
    {"Agreement", "folder", "filled", "#bcbddc", 18},
    {"Project", "cds", "filled", "#ccebc5", 19},
    {"Place", "oval", "filled,dashed", "#ffffff", 20},
    {"Source", "tab", "filled", "#ffffff", 21},
}};
constexpr NodeStyle fallback{"", "box", "filled", "#ffffff", 99};

}  // namespace

NodeStyle node_style(const Schema& schema, TypeId type) {
  std::optional<TypeId> t = type;
  while (t) {
    const NodeType& nt = schema.node_type(*t);
    for (const NodeStyle& s : styles)
      if (s.key == nt.name) return s;
    t = nt.parent;
  }
  NodeStyle s = fallback;
  s.key = schema.node_type(type).name;
  return s;
}

EdgeStyle quad_style(QuadClass quad) noexcept {
  switch (quad) {
    case QuadClass::verbal_cooperation:
      return {"#4daf4a", "dashed"};
    case QuadClass::material_cooperation:
      return {"#1b7837", "solid"};
    case QuadClass::verbal_conflict:
      return {"#ff7f00", "dashed"};
    case QuadClass::material_conflict:
      return {"#c51b1b", "solid"};
  }
  return {plain_edge_color, "solid"};
}

std::string_view quad_label(QuadClass quad) noexcept {
  switch (quad) {
    case QuadClass::verbal_cooperation:
      return "verbal cooperation";
    case QuadClass::material_cooperation:
      return "material cooperation";
    case QuadClass::verbal_conflict:
      return "verbal conflict";
    case QuadClass::material_conflict:
      return "material conflict";
  }
  return "";
}

std::optional<QuadClass> quad_of(const Node& node, const Schema& schema) {
  for (const PropertyRef& p : node.props()) {
    const PropertySpec* spec = schema.node_property(node.type_id(), p.name);
    if (!spec || spec->kind != ValueKind::enumeration || spec->vocabulary != Schema::plover_vocabulary ||
        !p.value.is_string())
      continue;
    if (const PloverCategory* c = schema.plover(p.value.as_string())) return c->quad;
  }
  return std::nullopt;
}

}  // namespace diplograph::dot
