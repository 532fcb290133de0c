// Shortest paths: bidirectional BFS (every shortest path: shortest_paths.cpp), and
// time-respecting paths. Visited sets are flat arrays kept per thread (flat_map.hpp), so a search costs what it
// touches, not the size of the graph, and a step is an array access, not a hash lookup.

#include <algorithm>
#include <climits>

#include "algo/flat_map.hpp"
#include "algo/shortest_paths.hpp"
#include "algo/types.hpp"
#include "diplograph/algo.hpp"

namespace diplograph {
namespace {

struct Parent {
  NodeIndex node;
  EdgeIndex edge;
  std::uint32_t depth;
};
using Parents = algo::FlatMap<Parent>;

Direction reversed(Direction d) {
  return d == Direction::out ? Direction::in : d == Direction::in ? Direction::out : d;
}

// Expands one BFS level of `frontier`; returns the best meeting node with the other side.
std::optional<NodeIndex> expand_level(const Graph& g, Direction dir, const std::vector<TypeId>& types,
                                      std::vector<NodeIndex>& frontier, Parents& mine, const Parents& other) {
  std::vector<NodeIndex> next;
  std::optional<NodeIndex> meet;
  std::uint32_t best = UINT32_MAX;
  for (NodeIndex n : frontier) {
    const std::uint32_t depth = mine.at(n).depth + 1;
    algo::for_each_edge(g, n, dir, types, [&](EdgeIndex e, NodeIndex m, bool) {
      if (!mine.try_emplace(m, Parent{n, e, depth}).second) return;
      next.push_back(m);
      if (const Parent* there = other.find(m); there && depth + there->depth < best) {
        best = depth + there->depth;
        meet = m;
      }
    });
  }
  frontier = std::move(next);
  return meet;
}

void walk_back(const Graph& g, const Parents& parents, NodeIndex n, std::vector<Node>& nodes,
               std::vector<Edge>& edges) {
  while (true) {
    const Parent& p = parents.at(n);
    if (p.depth == 0) return;
    edges.push_back(g.edge(p.edge));
    nodes.push_back(g.node(p.node));
    n = p.node;
  }
}

Path join(const Graph& g, const Parents& forward, const Parents& backward, NodeIndex meet) {
  Path path;
  walk_back(g, forward, meet, path.nodes, path.edges);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  path.nodes.push_back(g.node(meet));
  walk_back(g, backward, meet, path.nodes, path.edges);
  return path;
}

std::optional<Path> bidirectional(const Graph& g, Node from, Node to, const PathOptions& o,
                                  const std::vector<TypeId>& types) {
  Parents& forward = algo::scratch_map<Parent, 0>(g);
  Parents& backward = algo::scratch_map<Parent, 1>(g);
  forward.try_emplace(from.index(), Parent{from.index(), 0, 0});
  backward.try_emplace(to.index(), Parent{to.index(), 0, 0});
  std::vector<NodeIndex> front{from.index()}, back{to.index()};
  while (!front.empty() && !back.empty()) {
    // Grow the smaller side: on hub-heavy graphs this keeps both searches small.
    const bool grow_front = front.size() <= back.size();
    std::optional<NodeIndex> meet = grow_front ? expand_level(g, o.direction, types, front, forward, backward)
                                               : expand_level(g, reversed(o.direction), types, back, backward, forward);
    if (meet) return join(g, forward, backward, *meet);
  }
  return std::nullopt;
}

// The date of a step: its edge's, else that of the node it reaches.
std::optional<Date> step_date(Edge e, Node reached) {
  if (auto d = e.when()) return d;
  return reached.when();
}

std::optional<Path> time_respecting(const Graph& g, Node from, Node to, const PathOptions& o,
                                    const std::vector<TypeId>& types) {
  // Labels: (node, the time reached so far, parent label). BFS by hops keeps, per node, only
  // labels that arrive earlier than every label seen before, so the first hit has fewest hops.
  struct Label {
    NodeIndex node;
    std::int32_t time;
    std::size_t parent;
    EdgeIndex edge;
  };
  const bool possibly = o.certainty == Certainty::possibly;
  std::int32_t start = INT32_MIN;
  if (auto d = from.when()) start = possibly ? d->earliest() : d->latest();
  std::vector<Label> labels{{from.index(), start, SIZE_MAX, 0}};
  algo::FlatMap<std::int32_t>& best = algo::scratch_map<std::int32_t>(g);
  best.try_emplace(from.index(), start);
  std::size_t level_begin = 0;
  auto build = [&](std::size_t i) {
    Path p;
    for (; i != SIZE_MAX; i = labels[i].parent) {
      p.nodes.push_back(g.node(labels[i].node));
      if (labels[i].parent != SIZE_MAX) p.edges.push_back(g.edge(labels[i].edge));
    }
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.edges.begin(), p.edges.end());
    return p;
  };
  if (from == to) return build(0);
  while (level_begin < labels.size()) {
    const std::size_t level_end = labels.size();
    for (std::size_t i = level_begin; i < level_end; ++i) {
      const Label current = labels[i];
      std::optional<std::size_t> hit;
      algo::for_each_edge(g, current.node, o.direction, types, [&](EdgeIndex e, NodeIndex m, bool) {
        if (hit) return;
        std::int32_t time = current.time;
        if (auto d = step_date(g.edge(e), g.node(m))) {
          if ((possibly ? d->latest() : d->earliest()) < current.time) return;
          time = std::max(time, possibly ? d->earliest() : d->latest());
        }
        auto [earliest, fresh] = best.try_emplace(m, time);
        if (!fresh) {
          if (*earliest <= time) return;
          *earliest = time;
        }
        labels.push_back(Label{m, time, i, e});
        if (m == to.index()) hit = labels.size() - 1;
      });
      if (hit) return build(*hit);
    }
    level_begin = level_end;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Path> shortest_path(const Graph& g, Node from, Node to, const PathOptions& o) {
  algo::check_owned(g, from);
  algo::check_owned(g, to);
  const std::vector<TypeId> types = algo::edge_type_ids(g.schema(), o.edge_types);
  if (o.time_respecting) return time_respecting(g, from, to, o, types);
  if (from == to) return Path{{from}, {}};
  return bidirectional(g, from, to, o, types);
}

std::vector<Path> all_shortest_paths(const Graph& g, Node from, Node to, const PathOptions& o) {
  algo::check_owned(g, from);
  algo::check_owned(g, to);
  algo::ShortestSearch search{o.direction, algo::edge_type_ids(g.schema(), o.edge_types), UINT32_MAX, o.max_paths, {}};
  std::vector<Path> paths;
  for (const auto& edges : algo::shortest_edge_paths(g, from.index(), to.index(), search)) {
    Path p{{from}, {}};
    for (EdgeIndex e : edges) {
      const Edge edge = g.edge(e);
      p.edges.push_back(edge);
      p.nodes.push_back(edge.from().index() == p.nodes.back().index() ? edge.to() : edge.from());
    }
    paths.push_back(std::move(p));
  }
  return paths;
}

}  // namespace diplograph
