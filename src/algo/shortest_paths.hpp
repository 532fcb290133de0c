#pragma once
// Every shortest path between two nodes, searched from both ends at once: the routine behind
// all_shortest_paths() and the query language's shortestPath() / allShortestPaths(), which
// add a bound on hops and a filter on edges (property maps, relationship uniqueness).

#include <cstdint>
#include <functional>
#include <vector>

#include "diplograph/algo.hpp"

namespace diplograph::algo {

struct ShortestSearch {
  Direction direction = Direction::both;  ///< out: edges are followed from tail to head
  std::vector<TypeId> types;              ///< edge types to follow; empty: all
  std::uint32_t max_hops = UINT32_MAX;    ///< longer paths are not searched
  std::size_t max_paths = SIZE_MAX;       ///< 1 for one shortest path
  std::function<bool(EdgeIndex)> usable;  ///< an edge the paths may use; empty: every edge
};

/// The shortest paths from `from` to `to` (fewest edges, at most `max_hops`), each as its edges
/// in order from `from`; {{}} when from == to; empty when none. Bidirectional breadth-first
/// search that grows the smaller frontier a whole level at a time, with visited sets in flat
/// arrays kept per thread. The paths come sorted by their edge indexes (at most max_paths of
/// them, the first ones the search meets).
std::vector<std::vector<EdgeIndex>> shortest_edge_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                                        const ShortestSearch& search);

}  // namespace diplograph::algo
