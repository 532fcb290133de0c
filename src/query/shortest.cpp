#include "query/shortest.hpp"

#include "algo/shortest_paths.hpp"

namespace diplograph::ql {

std::vector<std::vector<EdgeIndex>> shortest_paths(const RelPattern& r, bool all, NodeIndex from, NodeIndex to,
                                                   Env& env, const std::function<bool(EdgeIndex)>& usable) {
  if (r.impossible) return {};
  if (from == to)
    return r.min_hops == 0 ? std::vector<std::vector<EdgeIndex>>{{}} : std::vector<std::vector<EdgeIndex>>{};
  algo::ShortestSearch search;
  search.direction = r.dir == Dir::out ? Direction::out : r.dir == Dir::in ? Direction::in : Direction::both;
  search.types = r.types;
  if (r.max_hops >= 0) search.max_hops = static_cast<std::uint32_t>(r.max_hops);
  search.max_paths = all ? SIZE_MAX : 1;
  search.usable = [&](EdgeIndex e) {
    env.budget.step();
    return usable(e);
  };
  return algo::shortest_edge_paths(env.g, from, to, search);
}

}  // namespace diplograph::ql
