#pragma once
// How types look: a shape and fill per node type (found by walking up the type hierarchy) and
// a colour per PLOVER quad class.

#include <optional>
#include <string_view>

#include "diplograph/graph.hpp"

namespace diplograph::dot {

struct NodeStyle {
  std::string_view key;  // the type name the style is for ("State", "Event", ...)
  std::string_view shape;
  std::string_view style;  // Graphviz style list
  std::string_view fill;
  int order = 0;  // position in the legend
};

/// The style of a node type: that of its nearest ancestor with a style of its own.
NodeStyle node_style(const Schema& schema, TypeId type);

struct EdgeStyle {
  std::string_view color;
  std::string_view style;  // "dashed" for verbal, "solid" for material
};

EdgeStyle quad_style(QuadClass quad) noexcept;
/// Colour of edges that belong to no event with a PLOVER category.
inline constexpr std::string_view plain_edge_color = "#6b6b6b";

/// The PLOVER quad class of a node: that of its category, read from the property whose spec
/// uses the schema's PLOVER vocabulary. nullopt for nodes without one.
std::optional<QuadClass> quad_of(const Node& node, const Schema& schema);

/// "verbal cooperation", ... for legends.
std::string_view quad_label(QuadClass quad) noexcept;

}  // namespace diplograph::dot
