#include "algo/shortest_paths.hpp"

#include <algorithm>

#include "algo/flat_map.hpp"
#include "algo/types.hpp"

namespace diplograph::algo {
namespace {

struct Step {
  NodeIndex node;
  EdgeIndex edge;
};
// A node reached from one end: its distance, and every neighbour one step closer to that end
// (the first one met inline: a search for one path never needs the others, nor an allocation).
struct Reached {
  std::uint32_t depth = 0;
  Step first{};
  std::vector<Step> more;
};
using Side = FlatMap<Reached>;

Direction reversed(Direction d) {
  return d == Direction::out ? Direction::in : d == Direction::in ? Direction::out : d;
}

// Expands every node of `frontier` by one step; the new frontier is the nodes first reached.
void expand(const Graph& g, Direction dir, const ShortestSearch& s, std::uint32_t depth,
            std::vector<NodeIndex>& frontier, Side& side) {
  std::vector<NodeIndex> next;
  for (NodeIndex n : frontier)
    for_each_edge(g, n, dir, s.types, [&](EdgeIndex e, NodeIndex m, bool) {
      if (s.usable && !s.usable(e)) return;
      auto [entry, fresh] = side.try_emplace(m, Reached{depth, {n, e}, {}});
      if (fresh) {
        next.push_back(m);
      } else if (entry->depth == depth && s.max_paths > 1) {
        entry->more.push_back({n, e});
      }
    });
  frontier = std::move(next);
}

// Calls f(edges) for each way from `n` back to the end of `side` (depth 0), edges in walking
// order, until f returns false; returns false when it did.
template <class F>
bool each_way_back(const Side& side, NodeIndex n, std::vector<EdgeIndex>& edges, F&& f) {
  const Reached& r = side.at(n);
  if (r.depth == 0) return f(edges);
  auto way_through = [&](const Step& s) {
    edges.push_back(s.edge);
    const bool go_on = each_way_back(side, s.node, edges, f);
    edges.pop_back();
    return go_on;
  };
  return way_through(r.first) && std::all_of(r.more.begin(), r.more.end(), way_through);
}

}  // namespace

std::vector<std::vector<EdgeIndex>> shortest_edge_paths(const Graph& g, NodeIndex from, NodeIndex to,
                                                        const ShortestSearch& s) {
  if (from == to) return {{}};
  Side& forward = scratch_map<Reached, 0>(g);
  Side& backward = scratch_map<Reached, 1>(g);
  forward.try_emplace(from, Reached{});
  backward.try_emplace(to, Reached{});
  std::vector<NodeIndex> front{from}, back{to};
  std::uint32_t front_depth = 0, back_depth = 0;
  std::vector<std::vector<EdgeIndex>> paths;
  // After a level that meets nothing, every path is longer than both depths together.
  while (!front.empty() && !back.empty() && front_depth + back_depth < s.max_hops) {
    // Grow the smaller side: on hub-heavy graphs this keeps both searches small.
    const bool grow_front = front.size() <= back.size();
    std::vector<NodeIndex>& level = grow_front ? front : back;
    Side& mine = grow_front ? forward : backward;
    const Side& other = grow_front ? backward : forward;
    const std::uint32_t depth = grow_front ? ++front_depth : ++back_depth;
    expand(g, grow_front ? s.direction : reversed(s.direction), s, depth, level, mine);
    // Every shortest path has exactly one node in the new level, and that node is reached
    // from the other end too: the meeting nodes with the least total depth give them all, once.
    std::uint32_t best = UINT32_MAX;
    for (NodeIndex m : level)
      if (const Reached* r = other.find(m)) best = std::min(best, depth + r->depth);
    if (best == UINT32_MAX) continue;
    for (NodeIndex m : level) {
      const Reached* r = other.find(m);
      if (!r || depth + r->depth != best) continue;
      std::vector<EdgeIndex> way_out, way_in;
      each_way_back(forward, m, way_out, [&](const std::vector<EdgeIndex>& to_from) {
        return each_way_back(backward, m, way_in, [&](const std::vector<EdgeIndex>& to_end) {
          if (paths.size() >= s.max_paths) return false;
          std::vector<EdgeIndex> path(to_from.rbegin(), to_from.rend());
          path.insert(path.end(), to_end.begin(), to_end.end());
          paths.push_back(std::move(path));
          return true;
        });
      });
    }
    break;
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace diplograph::algo
