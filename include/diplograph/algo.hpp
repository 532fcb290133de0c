#pragma once
/// \file
/// Questions asked of a graph from C++: filtered node lookups, typed neighbours, paths
/// (shortest, all shortest, time-respecting), connected components and betweenness centrality,
/// timelines of what actors did, and the claims for and against a fact. Every function takes a
/// `const Graph&` and only reads it, so many threads may call them on one graph at once. To run
/// one on a filtered or dated graph, pass a view (view.hpp). A Node or Edge passed with a graph
/// must be one of that graph's (a view numbers its nodes anew): each function checks and throws
/// Error(ErrorCode::reference) otherwise.
///
/// Lifetimes. Text in results is owned (std::string: TimelineEntry::roles, Claim::source_id
/// and quote); indexes (Reached, components, centrality) are plain values. Node and Edge handles
/// in results (Path, Neighbor, k_hop, TimelineEntry::event, Claim::source, FactClaims) are
/// valid while the graph lives. That cannot be got wrong with a temporary graph: functions
/// taking no Node (find_nodes, timeline, find_claims) refuse one at compile time, and the
/// others need a Node of that same graph, which a temporary never hands out (Graph's lookups
/// are deleted on rvalues), so the call throws instead of returning handles into it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diplograph/date.hpp"
#include "diplograph/graph.hpp"

namespace diplograph {

/// A condition on a property: the node has `name` and its value equals `value`.
struct PropertyFilter {
  std::string name;
  Value value;
};

/// Which nodes find_nodes() returns.
struct NodeFilter {
  std::string type;                   ///< node type, with its subtypes; "" for any
  std::vector<PropertyFilter> props;  ///< all must hold
  /// Keep nodes whose date (or start..end) lies inside [from, to] with the given certainty;
  /// undated nodes are dropped when either bound is set.
  std::optional<Date> from, to;
  Certainty certainty = Certainty::possibly;
};

/// Nodes matching `filter`, in index order. Throws Error(ErrorCode::schema) for an unknown
/// type. Cost: the nodes of the type (all nodes when no type is given).
std::vector<Node> find_nodes(const Graph& graph, const NodeFilter& filter);
/// The handles would point into a graph gone before they are read: name the graph (or view).
std::vector<Node> find_nodes(Graph&& graph, const NodeFilter& filter) = delete;

/// Which neighbours neighbors() returns.
struct NeighborOptions {
  Direction direction = Direction::both;
  std::vector<std::string> edge_types;  ///< empty: all
  std::vector<std::string> node_types;  ///< of the neighbour, with subtypes; empty: all
  /// Keep edges whose time possibly overlaps [from, to]; undated edges are kept.
  std::optional<Date> from, to;
};

/// One step to a neighbour: the edge and the node at its other end (handles valid while the
/// graph lives).
struct Neighbor {
  Node node;
  Edge edge;
  bool outgoing;  ///< `edge` leaves the node asked about
};

/// The neighbours of `node`, one per edge (out edges first, each group by edge type). Throws
/// Error(ErrorCode::schema) for an unknown type. Cost: the edges of the chosen types at `node`.
std::vector<Neighbor> neighbors(const Graph& graph, Node node, const NeighborOptions& options = {});

/// The nodes at the other end of `node`'s edges of one type in one direction (out or in), as
/// a contiguous array of node indexes in the order of Graph::out_edges(n, type) /
/// in_edges(n, type): what a hand-written traversal reads, 4 bytes per step. Valid while the
/// graph lives. Throws Error(ErrorCode::value) for Direction::both (two arrays; call it twice),
/// Error(ErrorCode::reference) for a node of another graph. O(log degree).
std::span<const NodeIndex> neighbors(const Graph& graph, Node node, TypeId edge_type, Direction direction);

/// What a single-source traversal follows.
struct TraversalOptions {
  Direction direction = Direction::out;
  std::vector<std::string> edge_types;  ///< follow only edges of these types; empty: all
  /// Enter only nodes of these types (with subtypes); empty: all. The start is always reached.
  std::vector<std::string> node_types;
  std::optional<std::uint32_t> max_depth;  ///< hops from the start; nullopt: no limit
  /// Follow only edges, and enter only nodes, that were possibly valid on this date, as
  /// as_of() keeps them (view.hpp); undated ones always. Traversing with it gives the same
  /// nodes as traversing as_of(graph, date), without building the view.
  std::optional<Date> as_of;
};

/// The nodes a traversal reached, in the order it reached them: the start first, then by
/// depth. Parallel arrays of node and edge indexes (they do not dangle; Graph::node(i) turns
/// one into a handle).
struct Reached {
  std::vector<NodeIndex> nodes;
  std::vector<std::uint32_t> depths;  ///< hops from the start
  std::vector<NodeIndex> parents;     ///< the node each was first reached from (the start: itself)
  std::vector<EdgeIndex> edges;       ///< the edge it was reached by (the start: EdgeIndex(-1))
  std::size_t size() const noexcept { return nodes.size(); }
};

/// Breadth-first search from `start` under `options`. Throws Error(ErrorCode::schema) for an
/// unknown type name, Error(ErrorCode::reference) for a node of another graph. Cost: the edges
/// of the reached nodes; the visited set is a flat array kept per thread, so repeated
/// searches on one thread allocate only their results.
Reached bfs(const Graph& graph, Node start, const TraversalOptions& options = {});

/// The same search, calling visit(node, depth, parent) for each node as it is reached (the
/// start first, with itself as parent) instead of collecting them; when visit returns false
/// the search stops.
void bfs(const Graph& graph, Node start, const TraversalOptions& options,
         const std::function<bool(NodeIndex node, std::uint32_t depth, NodeIndex parent)>& visit);

/// The nodes within `k` hops of `start` (options.max_depth is replaced by k), without the
/// start, in BFS order. Throws as bfs().
std::vector<Node> k_hop(const Graph& graph, Node start, std::uint32_t k, const TraversalOptions& options = {});

/// A walk: nodes[0] -edges[0]- nodes[1] ... ; edges.size() == nodes.size() - 1. The handles
/// are valid while the graph lives.
struct Path {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

/// Which edges paths may use.
struct PathOptions {
  std::vector<std::string> edge_types;    ///< empty: all
  Direction direction = Direction::both;  ///< out: follow edges forwards only
  /// Each step's date must not be before the previous step's. A step's date is its edge's date
  /// (or start), else the date of the node it reaches (an event reached through an undated role
  /// edge); an undated step fits anywhere.
  bool time_respecting = false;
  /// With time_respecting: `possibly` lets a step dated "2025-10" follow one dated 2025-10-15
  /// (it may have come later); `definitely` does not.
  Certainty certainty = Certainty::possibly;
  std::size_t max_paths = 1000;  ///< all_shortest_paths() stops after this many
};

/// A shortest path (fewest edges) from `from` to `to`, or nullopt when there is none. Searches
/// from both ends at once. With time_respecting, the fewest-edge path whose dates never go
/// backwards (searched from `from` only). Throws Error(ErrorCode::schema) for an unknown type.
std::optional<Path> shortest_path(const Graph& graph, Node from, Node to, const PathOptions& options = {});

/// Every shortest path from `from` to `to` (at most options.max_paths), in a deterministic
/// order; empty when `to` cannot be reached. Ignores time_respecting.
std::vector<Path> all_shortest_paths(const Graph& graph, Node from, Node to, const PathOptions& options = {});

/// Weakly connected components over the edges of the given types (all when empty): for each
/// node index, the number of its component; components are numbered 0, 1, ... in the order of
/// their lowest node index.
std::vector<std::size_t> connected_components(const Graph& graph, const std::vector<std::string>& edge_types = {});

/// Betweenness centrality of every node (by node index), over the edges of the given types.
/// Undirected unless `directed`. Normalised to [0, 1] by the number of node pairs. Cost:
/// O(nodes × edges) (Brandes).
std::vector<double> betweenness_centrality(const Graph& graph, const std::vector<std::string>& edge_types = {},
                                           bool directed = false);

/// Which events timeline() lists.
struct TimelineOptions {
  /// Node ids (or anything Graph::at accepts): only events directly linked, by an edge of any
  /// type and direction, to every one of them. Empty: every event.
  std::vector<std::string> actors;
  std::optional<Date> from, to;  ///< the date range, inclusive
  /// `definitely`: the event's whole date lies in [from, to]; `possibly`: some day of it does
  /// (an event dated "2025-10" is possibly, not definitely, before 2025-10-15).
  Certainty certainty = Certainty::possibly;
  std::string event_type = "Event";  ///< with its subtypes
  /// Only events of these modalities (the event node's own, not its role edges'); empty: all.
  std::vector<Modality> modalities;
};

struct TimelineEntry {
  Node event;
  Date date;  ///< the event's date (or start)
  /// For each actor of the options, in order: the types of the edges linking it to the event.
  /// Owned copies: they outlive the graph.
  std::vector<std::vector<std::string>> roles;
  std::optional<PloverCategory> plover;  ///< the event's PLOVER category, when it has one
};

/// The events of `options`, ordered by date (chronologically, coarser dates first on ties),
/// then by id. Undated events are left out. Throws Error for an unknown actor or type.
std::vector<TimelineEntry> timeline(const Graph& graph, const TimelineOptions& options = {});
/// Entries hold handles into the graph: a temporary graph is refused at compile time.
std::vector<TimelineEntry> timeline(Graph&& graph, const TimelineOptions& options = {}) = delete;

/// The PLOVER category of an event: the value of its property whose vocabulary is the schema's
/// PLOVER vocabulary, looked up in the schema; nullopt when it has none.
std::optional<PloverCategory> plover_category(const Graph& graph, Node event);

/// One citation of a fact. The id and quote are owned copies that outlive the graph; the
/// handle is valid while the graph lives.
struct Claim {
  std::optional<Node> source;  ///< the Source node, when the graph has it
  std::string source_id;
  std::string quote;
};

/// The sources that assert a fact and those that dispute it, in the order they are cited.
struct Claims {
  std::vector<Claim> asserting;
  std::vector<Claim> disputing;
  bool disputed() const noexcept { return !disputing.empty(); }
};

/// The citations of one node or edge, split by stance. Cost: its citations.
Claims claims(const Graph& graph, Node fact);
Claims claims(const Graph& graph, Edge fact);

/// Which facts find_claims() lists. Every filter that is set applies.
struct ClaimFilter {
  /// Only facts that some source disputes (most are also asserted by another: contested).
  bool disputed_only = false;
  /// Only facts citing this Source id, asserting or disputing.
  std::optional<std::string> source;
  /// Only facts about this actor (a node id): the actor's own node, every edge at it, every
  /// node of `about_types` linked to it by an edge (an event it takes part in, an agreement it
  /// signed), and every edge at such a node (the other roles, causes and effects of that event).
  std::optional<std::string> actor;
  /// Node types (with subtypes) of the facts an actor takes part in. Empty: Event, Agreement and
  /// Document, those of them the schema has.
  std::vector<std::string> about_types;
};

/// A fact, node or edge, with the sources that assert and dispute it.
struct FactClaims {
  std::variant<Node, Edge> fact;
  Claims claims;
};

/// The cited facts that pass `filter`: nodes in index order, then edges in index order. Facts no
/// source cites (Source nodes among them) are left out. Throws Error(ErrorCode::reference) with a
/// did-you-mean for an unknown source or actor id or a `source` that is not a Source node, and
/// Error(ErrorCode::schema) for an unknown type in about_types. Cost: O(nodes + edges).
std::vector<FactClaims> find_claims(const Graph& graph, const ClaimFilter& filter = {});
/// Results view their graph: a temporary graph is refused at compile time.
std::vector<FactClaims> find_claims(Graph&& graph, const ClaimFilter& filter = {}) = delete;

}  // namespace diplograph
