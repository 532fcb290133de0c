// Single-source traversal (bfs, k_hop) and typed neighbour spans. A step reads the neighbour
// arrays (4 bytes per edge); the edge record is read only when a filter needs its type's
// subset or its dates.

#include <climits>

#include "algo/flat_map.hpp"
#include "algo/types.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/view.hpp"

namespace diplograph {
namespace {

constexpr EdgeIndex no_edge = UINT32_MAX;

template <class Fact>
bool valid(Fact fact, const std::optional<Date>& day) {
  if (!day) return true;
  const auto [begin, end] = algo::time_span(fact);
  return valid_on(begin, end, *day);
}

// Breadth-first search from `start`: the reached nodes go into `queue` with their depths, and
// reached(node, depth, parent, edge) is called for each; when it returns false the search
// stops.
template <class Reached>
void search(const Graph& g, NodeIndex start, const TraversalOptions& o, std::vector<NodeIndex>& queue,
            std::vector<std::uint32_t>& depths, Reached&& reached) {
  const std::vector<TypeId> types = algo::edge_type_ids(g.schema(), o.edge_types);
  const std::vector<bool> node_types = algo::node_type_mask(g.schema(), o.node_types);
  const std::uint32_t max_depth = o.max_depth.value_or(UINT32_MAX);
  algo::FlatMap<char>& seen = algo::scratch_map<char, 2>(g);  // slots 0 and 1 are the path searches'
  seen.try_emplace(start, 1);
  queue.assign(1, start);
  depths.assign(1, 0);
  if (!reached(start, 0, start, no_edge)) return;
  bool stopped = false;
  for (std::size_t head = 0; head < queue.size() && !stopped; ++head) {
    const NodeIndex u = queue[head];
    const std::uint32_t depth = depths[head];
    if (depth >= max_depth) continue;
    auto step = [&](EdgeIndex e, NodeIndex v) {
      if (stopped || seen.contains(v)) return;
      if (o.as_of && !valid(g.edge(e), o.as_of)) return;  // another edge may still lead there
      seen.try_emplace(v, 1);
      const Node node = g.node(v);
      if (!node_types.empty() && !node_types[node.type_id()]) return;
      if (!valid(node, o.as_of)) return;
      queue.push_back(v);
      depths.push_back(depth + 1);
      stopped = !reached(v, depth + 1, u, e);
    };
    if (types.empty() && o.direction != Direction::both) {
      // The common case, kept to two parallel arrays.
      const bool out = o.direction == Direction::out;
      const auto edges = out ? g.out_edges(u) : g.in_edges(u);
      const auto others = out ? g.out_neighbors(u) : g.in_neighbors(u);
      for (std::size_t k = 0; k < edges.size(); ++k) step(edges[k], others[k]);
    } else {
      algo::for_each_edge(g, u, o.direction, types, [&](EdgeIndex e, NodeIndex v, bool) { step(e, v); });
    }
  }
}

}  // namespace

std::span<const NodeIndex> neighbors(const Graph& graph, Node node, TypeId edge_type, Direction direction) {
  algo::check_owned(graph, node);
  if (direction == Direction::both)
    throw Error(ErrorCode::value, "neighbour spans go one way: ask for Direction::out and Direction::in in turn");
  return direction == Direction::out ? graph.out_neighbors(node.index(), edge_type)
                                     : graph.in_neighbors(node.index(), edge_type);
}

Reached bfs(const Graph& graph, Node start, const TraversalOptions& options) {
  algo::check_owned(graph, start);
  Reached out;
  search(graph, start.index(), options, out.nodes, out.depths,
         [&](NodeIndex, std::uint32_t, NodeIndex parent, EdgeIndex e) {
           out.parents.push_back(parent);
           out.edges.push_back(e);
           return true;
         });
  return out;
}

void bfs(const Graph& graph, Node start, const TraversalOptions& options,
         const std::function<bool(NodeIndex node, std::uint32_t depth, NodeIndex parent)>& visit) {
  algo::check_owned(graph, start);
  std::vector<NodeIndex> queue;
  std::vector<std::uint32_t> depths;
  search(graph, start.index(), options, queue, depths,
         [&](NodeIndex n, std::uint32_t depth, NodeIndex parent, EdgeIndex) { return visit(n, depth, parent); });
}

std::vector<Node> k_hop(const Graph& graph, Node start, std::uint32_t k, const TraversalOptions& options) {
  algo::check_owned(graph, start);
  TraversalOptions o = options;
  o.max_depth = k;
  std::vector<NodeIndex> queue;
  std::vector<std::uint32_t> depths;
  search(graph, start.index(), o, queue, depths, [](NodeIndex, std::uint32_t, NodeIndex, EdgeIndex) { return true; });
  std::vector<Node> out;
  out.reserve(queue.size() - 1);
  for (std::size_t i = 1; i < queue.size(); ++i) out.push_back(graph.node(queue[i]));
  return out;
}

}  // namespace diplograph
