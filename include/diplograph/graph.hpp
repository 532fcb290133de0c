#pragma once
/// \file
/// The graph: typed nodes and typed edges, each with its dates and its sources. A Graph is
/// immutable once built (GraphBuilder or load()), so a `const Graph` may be queried from many
/// threads at once. Node and Edge are cheap handles, valid as long as their Graph lives
/// (moving a Graph keeps them valid).

#include <cstdint>
#include <memory>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/date.hpp"
#include "diplograph/schema.hpp"
#include "diplograph/value.hpp"

namespace diplograph {

using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;

/// Whether a fact happened or is only anticipated. `actual` is the default and is not written.
enum class Modality : std::uint8_t { actual, expected, possible, hypothetical };
/// How a source relates to a fact it is cited for.
enum class Stance : std::uint8_t { asserts, disputes };
std::string_view modality_name(Modality m) noexcept;  ///< "actual", "expected", ...
std::string_view stance_name(Stance s) noexcept;      ///< "asserts", "disputes"
/// The value a name spells (as written in graph files); nullopt for an unknown name.
std::optional<Modality> parse_modality(std::string_view name) noexcept;
std::optional<Stance> parse_stance(std::string_view name) noexcept;

/// A source cited for a fact, with a short verbatim quote.
struct Citation {
  std::string source;  ///< id of a node of the schema's source type
  std::string quote;
  Stance stance = Stance::asserts;
  friend bool operator==(const Citation&, const Citation&) = default;
};

struct Property {
  std::string name;
  Value value;
  friend bool operator==(const Property&, const Property&) = default;
};

/// A node as plain data: what GraphBuilder takes and Node::data() gives back.
struct NodeData {
  std::string id;
  std::string type;
  std::string label;
  std::vector<std::string> aliases;
  std::vector<Property> props;  ///< sorted by name once in a Graph
  std::optional<Date> date, start, end;
  Modality modality = Modality::actual;
  std::vector<Citation> sources;
  friend bool operator==(const NodeData&, const NodeData&) = default;
};

/// An edge as plain data. `id` may be empty.
struct EdgeData {
  std::string id;
  std::string type;
  std::string from;
  std::string to;
  std::vector<Property> props;
  std::optional<Date> date, start, end;
  Modality modality = Modality::actual;
  std::vector<Citation> sources;
  friend bool operator==(const EdgeData&, const EdgeData&) = default;
};

class Graph;
class Node;

/// A property of a stored node or edge: its name (valid while the Graph lives) and a copy of
/// its value (the graph keeps values in a compact form of its own, not as Value objects).
struct PropertyRef {
  std::string_view name;
  Value value;
};

/// A citation of a stored node or edge: views of the graph's text, valid while the Graph lives
/// (algo.hpp's claims() gives owned copies).
struct CitationRef {
  std::string_view source;
  std::string_view quote;
  Stance stance;
};

namespace detail {
struct GraphImpl;
struct GraphAccess;
class Assembler;
}  // namespace detail

/// A node of a Graph. Cheap to copy; valid while the Graph lives.
class Node {
 public:
  NodeIndex index() const noexcept { return i_; }
  std::string_view id() const noexcept;
  TypeId type_id() const noexcept;
  std::string_view type() const noexcept;  ///< the type's name
  std::string_view label() const noexcept;
  std::vector<std::string_view> aliases() const;
  std::vector<PropertyRef> props() const;
  /// A copy of the value of a property, or nullopt when the node has none of that name.
  /// O(properties of the node).
  std::optional<Value> prop(std::string_view name) const;
  std::optional<Date> date() const noexcept;
  std::optional<Date> start() const noexcept;
  std::optional<Date> end() const noexcept;
  /// `date`, or else `start`: when the fact begins.
  std::optional<Date> when() const noexcept;
  Modality modality() const noexcept;
  std::vector<CitationRef> sources() const;
  /// The node's type is `type` or a subtype of it (false for an unknown type name).
  bool is_a(std::string_view type) const noexcept;
  /// A copy as plain data.
  NodeData data() const;

  friend bool operator==(const Node& a, const Node& b) noexcept { return a.g_ == b.g_ && a.i_ == b.i_; }

 private:
  friend class Graph;
  friend class Edge;
  Node(const detail::GraphImpl* g, NodeIndex i) : g_(g), i_(i) {}
  const detail::GraphImpl* g_;
  NodeIndex i_;
};

/// An edge of a Graph. Cheap to copy; valid while the Graph lives.
class Edge {
 public:
  EdgeIndex index() const noexcept { return i_; }
  std::string_view id() const noexcept;  ///< may be empty
  TypeId type_id() const noexcept;
  std::string_view type() const noexcept;
  Node from() const noexcept;
  Node to() const noexcept;
  std::vector<PropertyRef> props() const;
  /// As Node::prop().
  std::optional<Value> prop(std::string_view name) const;
  std::optional<Date> date() const noexcept;
  std::optional<Date> start() const noexcept;
  std::optional<Date> end() const noexcept;
  std::optional<Date> when() const noexcept;
  Modality modality() const noexcept;
  std::vector<CitationRef> sources() const;
  EdgeData data() const;

  friend bool operator==(const Edge& a, const Edge& b) noexcept { return a.g_ == b.g_ && a.i_ == b.i_; }

 private:
  friend class Graph;
  Edge(const detail::GraphImpl* g, EdgeIndex i) : g_(g), i_(i) {}
  const detail::GraphImpl* g_;
  EdgeIndex i_;
};

/// Which way to follow edges from a node.
enum class Direction : std::uint8_t { out, in, both };

class Graph {
 public:
  /// An empty graph with an empty schema.
  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  Graph(const Graph&);
  Graph& operator=(const Graph&);

  const Schema& schema() const noexcept;
  std::size_t node_count() const noexcept;
  std::size_t edge_count() const noexcept;
  /// The edges of exactly this type (0 for an unknown type). O(1).
  std::size_t edge_count(TypeId type) const noexcept;

  /// \pre i < node_count()
  Node node(NodeIndex i) const& noexcept { return Node(impl_.get(), i); }
  /// \pre i < edge_count()
  Edge edge(EdgeIndex i) const& noexcept { return Edge(impl_.get(), i); }
  /// All nodes / edges, in index order. Only on a graph that outlives the loop: the handles
  /// point into it, so `for (Node n : load(p).nodes())` does not compile (it would dangle).
  auto nodes() const& {
    return std::views::iota(NodeIndex{0}, static_cast<NodeIndex>(node_count())) |
           std::views::transform([g = impl_.get()](NodeIndex i) { return Node(g, i); });
  }
  auto edges() const& {
    return std::views::iota(EdgeIndex{0}, static_cast<EdgeIndex>(edge_count())) |
           std::views::transform([g = impl_.get()](EdgeIndex i) { return Edge(g, i); });
  }
  void nodes() const&& = delete;
  void edges() const&& = delete;
  /// Every lookup that returns handles is refused on a temporary graph likewise
  /// (`load(p).at("x")` would dangle): name the graph or view first.
  void node(NodeIndex) const&& = delete;
  void edge(EdgeIndex) const&& = delete;
  void find(std::string_view) const&& = delete;
  void at(std::string_view) const&& = delete;
  void find_by_name(std::string_view) const&& = delete;
  void search(std::string_view) const&& = delete;
  void nodes_of_type(std::string_view, bool = false) const&& = delete;
  void edges_at(Node, Direction, std::span<const std::string> = {}) const&& = delete;

  /// The node with this id. O(1).
  std::optional<Node> find(std::string_view id) const& noexcept;
  /// The node with this id; throws Error(ErrorCode::reference) with a did-you-mean otherwise.
  Node at(std::string_view id) const&;
  /// Nodes whose label or an alias equals `name` after Unicode case folding and mark
  /// stripping ("ƏLİYEV", "Əliyev" and "əliyev" meet), in index order. O(1) + results.
  std::vector<Node> find_by_name(std::string_view name) const&;
  /// Nodes whose label or alias contains the folded `text`. O(names).
  std::vector<Node> search(std::string_view text) const&;
  /// Nodes of a type, with its subtypes unless `exact`, in index order. Unknown type: empty.
  std::vector<Node> nodes_of_type(std::string_view type, bool exact = false) const&;
  /// Nodes of exactly this type, in index order. O(1).
  std::span<const NodeIndex> nodes_of_type(TypeId type) const noexcept;

  /// Edges leaving / entering a node, grouped by edge type. O(1).
  std::span<const EdgeIndex> out_edges(NodeIndex n) const noexcept;
  std::span<const EdgeIndex> in_edges(NodeIndex n) const noexcept;
  /// Only the edges of one type; touches no other edge. O(log degree).
  std::span<const EdgeIndex> out_edges(NodeIndex n, TypeId type) const noexcept;
  std::span<const EdgeIndex> in_edges(NodeIndex n, TypeId type) const noexcept;
  /// The node at the other end of each edge of out_edges(n) / in_edges(n) (with or without a
  /// type), in the same order: 4 contiguous bytes per step for hand-written traversals, no
  /// edge record read. O(1) untyped, O(log degree) typed.
  std::span<const NodeIndex> out_neighbors(NodeIndex n) const noexcept;
  std::span<const NodeIndex> in_neighbors(NodeIndex n) const noexcept;
  std::span<const NodeIndex> out_neighbors(NodeIndex n, TypeId type) const noexcept;
  std::span<const NodeIndex> in_neighbors(NodeIndex n, TypeId type) const noexcept;
  /// Edges at a node in a direction, of the given edge type names (all types when empty).
  /// Throws Error(ErrorCode::schema) for an unknown type name, Error(ErrorCode::reference)
  /// when `n` is not one of this graph's nodes.
  std::vector<Edge> edges_at(Node n, Direction dir, std::span<const std::string> types = {}) const&;

  /// The graph restricted to the kept nodes and edges (an edge is kept only when both its ends
  /// are). Sizes must equal node_count() and edge_count(). Citations keep their source ids.
  [[nodiscard]] Graph subgraph(const std::vector<bool>& keep_nodes, const std::vector<bool>& keep_edges) const;

  /// The handle is one of this graph's (not another graph's or a view's). The algorithms
  /// check it and throw Error(ErrorCode::reference) when it is not.
  bool owns(Node n) const noexcept;
  bool owns(Edge e) const noexcept;

  /// Same schema, nodes and edges (compared as data, whatever their order).
  friend bool operator==(const Graph& a, const Graph& b);

 private:
  friend class GraphBuilder;
  friend struct detail::GraphAccess;
  explicit Graph(std::unique_ptr<detail::GraphImpl> impl);
  std::unique_ptr<detail::GraphImpl> impl_;
};

/// Assembles a Graph from plain data, checking it against the schema: known types, allowed
/// edge ends, declared and well-typed properties, required dates, unique ids, edge ends and
/// sources that exist. Nothing is checked until build(), which reports every problem at once.
class GraphBuilder {
 public:
  explicit GraphBuilder(Schema schema);
  ~GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;

  void add_node(NodeData node);
  void add_edge(EdgeData edge);
  /// The graph; throws Error listing every problem (messages name the offending ids and
  /// values). The builder is empty afterwards.
  Graph build();

 private:
  std::unique_ptr<detail::Assembler> impl_;
};

}  // namespace diplograph
