#pragma once
// shortestPath(...) and allShortestPaths(...) in a pattern: the library's bidirectional search
// (algo/shortest_paths.hpp) over the relationship's types, direction and hop range.

#include <functional>
#include <vector>

#include "query/eval.hpp"

namespace diplograph::ql {

/// The shortest paths from `from` to `to` that relationship pattern `r` (variable length)
/// allows, each as its edges in order from `from`: one (the first by edge index) unless `all`.
/// `usable` says which edges may be taken (the pattern's property map, edges other patterns
/// of the clause hold); each edge looked at counts against the query's limits.
std::vector<std::vector<EdgeIndex>> shortest_paths(const RelPattern& r, bool all, NodeIndex from, NodeIndex to,
                                                   Env& env, const std::function<bool(EdgeIndex)>& usable);

}  // namespace diplograph::ql
