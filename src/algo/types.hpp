#pragma once
// The type names an algorithm is given, walking a node's edges of chosen types, and the check
// that a handle belongs to the graph it is used with.

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/graph.hpp"
#include "schema/type_names.hpp"

namespace diplograph::algo {

using detail::edge_type_ids;
using detail::edge_type_mask;
using detail::node_type_mask;

/// Throws Error(ErrorCode::reference) unless `handle` (a Node or an Edge) is one of `g`'s.
template <class Handle>
void check_owned(const Graph& g, Handle handle) {
  if (g.owns(handle)) return;
  constexpr bool node = std::is_same_v<Handle, Node>;
  throw Error(ErrorCode::reference, std::string(node ? "node" : "edge") + " #" + std::to_string(handle.index()) +
                                        " belongs to another graph (a view numbers its " + (node ? "nodes" : "edges") +
                                        " anew): look it up in the graph you pass, e.g. with at(id)");
}

/// Calls f(edge index, other end, outgoing) for each edge at `n` of the types (all when empty)
/// in the direction; a self-loop is seen once. Reads the other end from the neighbour arrays,
/// not the edge records.
template <class F>
void for_each_edge(const Graph& g, NodeIndex n, Direction dir, const std::vector<TypeId>& types, F&& f) {
  auto visit = [&](std::span<const EdgeIndex> edges, std::span<const NodeIndex> others, bool out) {
    for (std::size_t k = 0; k < edges.size(); ++k) {
      if (!out && dir == Direction::both && others[k] == n) continue;
      f(edges[k], others[k], out);
    }
  };
  for (bool out : {true, false}) {
    if ((out && dir == Direction::in) || (!out && dir == Direction::out)) continue;
    if (types.empty()) visit(out ? g.out_edges(n) : g.in_edges(n), out ? g.out_neighbors(n) : g.in_neighbors(n), out);
    for (TypeId t : types)
      visit(out ? g.out_edges(n, t) : g.in_edges(n, t), out ? g.out_neighbors(n, t) : g.in_neighbors(n, t), out);
  }
}

/// When a fact holds, for date filters: [date, date], or [start, end] (either may be missing).
template <class Fact>
std::pair<std::optional<Date>, std::optional<Date>> time_span(Fact f) {
  if (auto d = f.date()) return {d, d};
  return {f.start(), f.end()};
}

}  // namespace diplograph::algo
