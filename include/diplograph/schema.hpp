#pragma once
/// \file
/// The schema is data (graph-data/schema.json): a hierarchy of node types, edge types that say
/// which node types they connect, property specs, enum vocabularies and the PLOVER event
/// categories. Type names are interned to small integers (TypeId).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/value.hpp"

namespace diplograph {

using TypeId = std::uint16_t;

namespace detail {
struct SchemaAccess;
}  // namespace detail

/// One declared property.
struct PropertySpec {
  std::string name;
  ValueKind kind = ValueKind::string;
  bool list = false;
  bool required = false;
  std::string vocabulary;  ///< for ValueKind::enumeration
  std::string doc;
  friend bool operator==(const PropertySpec&, const PropertySpec&) = default;
};

struct NodeType {
  TypeId id = 0;
  std::string name;
  std::optional<TypeId> parent;
  bool abstract = false;
  std::string doc;
  std::vector<PropertySpec> props;  ///< declared here, not inherited ones
  friend bool operator==(const NodeType&, const NodeType&) = default;
};

enum class DateRule : std::uint8_t { optional, required };

struct EdgeType {
  TypeId id = 0;
  std::string name;
  std::vector<TypeId> from;  ///< node types allowed at the tail (with their subtypes)
  std::vector<TypeId> to;    ///< node types allowed at the head (with their subtypes)
  DateRule date = DateRule::optional;
  std::string doc;
  std::vector<PropertySpec> props;
  friend bool operator==(const EdgeType&, const EdgeType&) = default;
};

/// PLOVER's four quad classes.
enum class QuadClass : std::uint8_t { verbal_cooperation, material_cooperation, verbal_conflict, material_conflict };
/// "verbal-cooperation", ... (the schema file's spelling).
std::string_view quad_name(QuadClass q) noexcept;
/// The quad class a name spells; nullopt for an unknown name.
std::optional<QuadClass> parse_quad(std::string_view name) noexcept;

struct PloverCategory {
  std::string name;  ///< "AGREE", "ACCUSE", ...
  QuadClass quad = QuadClass::verbal_cooperation;
  double score = 0;  ///< −10 (most hostile) … +10 (most cooperative)
  std::string doc;
  friend bool operator==(const PloverCategory&, const PloverCategory&) = default;
};

struct Vocabulary {
  std::string name;
  std::vector<std::string> values;
  friend bool operator==(const Vocabulary&, const Vocabulary&) = default;
};

class Schema {
 public:
  /// The vocabulary that the PLOVER categories define.
  static constexpr std::string_view plover_vocabulary = "plover_category";

  /// Builds a schema from its parts, checking that names are unique and references resolve.
  /// Types are given by name; ids are assigned in order. Throws Error.
  struct Parts {
    std::string plover_version;
    std::vector<PloverCategory> plover;
    std::string source_type;        ///< node type whose nodes are sources; "" for none
    bool sources_required = false;  ///< every other node and edge must cite a source
    std::vector<Vocabulary> vocabularies;
    struct Node {
      std::string name, parent;
      bool abstract = false;
      std::string doc;
      std::vector<PropertySpec> props;
    };
    struct Edge {
      std::string name;
      std::vector<std::string> from, to;
      DateRule date = DateRule::optional;
      std::string doc;
      std::vector<PropertySpec> props;
    };
    std::vector<Node> node_types;
    std::vector<Edge> edge_types;
  };
  static Schema from_parts(Parts parts);

  Schema() = default;

  std::span<const NodeType> node_types() const noexcept { return node_types_; }
  std::span<const EdgeType> edge_types() const noexcept { return edge_types_; }
  /// The type with this id; throws Error(ErrorCode::schema) when the schema has none.
  const NodeType& node_type(TypeId id) const;
  const EdgeType& edge_type(TypeId id) const;
  /// Lookups by name; nullptr when unknown.
  const NodeType* find_node_type(std::string_view name) const noexcept;
  const EdgeType* find_edge_type(std::string_view name) const noexcept;
  /// Did-you-mean suggestions over all node or edge type names ("" when nothing is close).
  std::string suggest_node_type(std::string_view name) const;
  std::string suggest_edge_type(std::string_view name) const;

  /// `sub` is `super` or one of its descendants. O(depth).
  bool is_a(TypeId sub, TypeId super) const noexcept;
  /// `type` and all its descendants, in id order.
  std::vector<TypeId> subtypes(TypeId type) const;
  /// The spec of a property of a node type, declared on it or inherited; nullptr when none.
  const PropertySpec* node_property(TypeId type, std::string_view name) const noexcept;
  const PropertySpec* edge_property(TypeId type, std::string_view name) const noexcept;
  /// Every property a node type has, its own and inherited (ancestors first).
  std::vector<const PropertySpec*> node_properties(TypeId type) const;
  /// An edge of `edge` may go from a node of type `from` to one of type `to`.
  bool allows(TypeId edge, TypeId from, TypeId to) const noexcept;
  /// Where edge type `edge` is declared (the schema file's line and column), for diagnostics
  /// that cite the rule; empty for a schema built without a file. Not part of equality.
  Location declared_at(TypeId edge) const;

  std::span<const Vocabulary> vocabularies() const noexcept { return vocabularies_; }
  const Vocabulary* vocabulary(std::string_view name) const noexcept;

  const std::string& plover_version() const noexcept { return plover_version_; }
  std::span<const PloverCategory> plover_categories() const noexcept { return plover_; }
  const PloverCategory* plover(std::string_view category) const noexcept;

  /// The node type of sources, when the schema names one.
  std::optional<TypeId> source_type() const noexcept { return source_type_; }
  bool sources_required() const noexcept { return sources_required_; }

  friend bool operator==(const Schema& a, const Schema& b);

 private:
  friend struct detail::SchemaAccess;
  std::vector<NodeType> node_types_;
  std::vector<EdgeType> edge_types_;
  std::vector<Location> edge_declared_at_;
  std::vector<Vocabulary> vocabularies_;
  std::vector<PloverCategory> plover_;
  std::string plover_version_;
  std::optional<TypeId> source_type_;
  bool sources_required_ = false;
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept;
  };
  using NameIndex = std::unordered_map<std::string, TypeId, NameHash, std::equal_to<>>;
  NameIndex node_index_;
  NameIndex edge_index_;
};

}  // namespace diplograph
