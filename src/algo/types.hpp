#pragma once
// Resolving the edge and node type names an algorithm is given.

#include <string>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph::algo {

/// The ids of the named edge types, sorted; empty for empty. Throws Error(ErrorCode::schema)
/// with a did-you-mean for an unknown name.
std::vector<TypeId> edge_type_ids(const Schema& schema, const std::vector<std::string>& names);
/// A mask by TypeId of the named node types and their subtypes; empty for empty.
std::vector<bool> node_type_mask(const Schema& schema, const std::vector<std::string>& names);
/// A mask by TypeId of the chosen edge types; all true for none chosen.
std::vector<bool> edge_type_mask(const Schema& schema, const std::vector<std::string>& names);

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
