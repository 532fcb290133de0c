#pragma once
// The type names an algorithm is given, and walking a node's edges of chosen types.

#include <string>
#include <vector>

#include "diplograph/graph.hpp"
#include "schema/type_names.hpp"

namespace diplograph::algo {

using detail::edge_type_ids;
using detail::edge_type_mask;
using detail::node_type_mask;

/// Calls f(edge index, other end, outgoing) for each edge at `n` of the types (all when empty)
/// in the direction; a self-loop is seen once.
template <class F>
void for_each_edge(const Graph& g, NodeIndex n, Direction dir, const std::vector<TypeId>& types, F&& f) {
  auto visit = [&](std::span<const EdgeIndex> edges, bool out) {
    for (EdgeIndex e : edges) {
      Edge edge = g.edge(e);
      if (!out && dir == Direction::both && edge.from().index() == edge.to().index()) continue;
      f(e, out ? edge.to().index() : edge.from().index(), out);
    }
  };
  for (bool out : {true, false}) {
    if ((out && dir == Direction::in) || (!out && dir == Direction::out)) continue;
    if (types.empty()) visit(out ? g.out_edges(n) : g.in_edges(n), out);
    for (TypeId t : types) visit(out ? g.out_edges(n, t) : g.in_edges(n, t), out);
  }
}

}  // namespace diplograph::algo
