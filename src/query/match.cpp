#include "query/match.hpp"

#include <algorithm>

#include "query/shortest.hpp"

namespace diplograph::ql {
namespace {

class Matcher {
 public:
  Matcher(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
          const std::function<bool(Row&)>& sink)
      : patterns_(patterns), row_(row), env_(env), g_(env.g), sink_(sink), bound_(row.size(), 1) {
    for (int s : fresh) bound_[static_cast<std::size_t>(s)] = 0;
  }

  bool run() { return solve(0); }

 private:
  V& slot(int s) { return row_[static_cast<std::size_t>(s)]; }
  bool is_bound(int s) const { return bound_[static_cast<std::size_t>(s)] != 0; }

  // ---- element checks

  bool props_fit(const std::vector<std::pair<std::string, ExprPtr>>& props, const Expr* param, bool node,
                 std::uint32_t index) {
    for (const auto& [key, expr] : props) {
      const V want = eval(*expr, row_, env_);
      const V have = node ? node_property(g_, index, key) : edge_property(g_, index, key);
      if (equals(have, want) != true) return false;
    }
    if (param) {
      const V want = eval(*param, row_, env_);
      if (want.is_null()) return true;
      if (!want.is_map()) fail(env_, param->pos, ErrorCode::value, "type mismatch: a property map must be a Map");
      for (const auto& [key, v] : want.map()) {
        const V have = node ? node_property(g_, index, key) : edge_property(g_, index, key);
        if (equals(have, v) != true) return false;
      }
    }
    return true;
  }

  bool node_fits(const NodePattern& n, NodeIndex i) {
    if (!n.types.empty() && !n.types[g_.node(i).type_id()]) return false;
    return props_fit(n.props, n.props_param.get(), true, i);
  }

  bool edge_fits(const RelPattern& r, EdgeIndex i) {
    if (!r.types.empty() && !std::binary_search(r.types.begin(), r.types.end(), g_.edge(i).type_id())) return false;
    return props_fit(r.props, nullptr, false, i);
  }

  bool is_used(EdgeIndex e) const { return std::find(used_.begin(), used_.end(), e) != used_.end(); }

  // Binds node pattern `n` to node `i` (or checks it against its binding) and calls `then`.
  bool with_node(const NodePattern& n, NodeIndex i, const std::function<bool()>& then) {
    env_.budget.step();
    if (is_bound(n.slot)) {
      const V& v = slot(n.slot);
      if (!v.is_node() || v.node() != i || !node_fits(n, i)) return true;
      return then();
    }
    if (!node_fits(n, i)) return true;
    slot(n.slot) = V(NodeRef{i});
    bound_[static_cast<std::size_t>(n.slot)] = 1;
    const bool go_on = then();
    bound_[static_cast<std::size_t>(n.slot)] = 0;
    return go_on;
  }

  // ---- candidates for the first node of a pattern

  std::optional<std::string> pinned_id(const NodePattern& n) {
    for (const auto& [key, expr] : n.props) {
      if (key != "id" || (expr->kind != Expr::Kind::literal && expr->kind != Expr::Kind::param)) continue;
      for (const NodeType& t : g_.schema().node_types())
        if (g_.schema().node_property(t.id, "id")) return std::nullopt;  // `id` is a declared property
      const V v = eval(*expr, row_, env_);
      return v.is_string() ? v.s() : std::string("\x01not an id");
    }
    return std::nullopt;
  }

  std::size_t estimate(const NodePattern& n) {
    if (is_bound(n.slot)) return 0;
    if (pinned_id(n)) return 1;
    if (n.types.empty()) return g_.node_count() + 1;
    std::size_t count = 0;
    for (TypeId t = 0; t < n.types.size(); ++t)
      if (n.types[t]) count += g_.nodes_of_type(t).size();
    return count;
  }

  bool each_candidate(const NodePattern& n, const std::function<bool(NodeIndex)>& f) {
    if (is_bound(n.slot)) {
      const V& v = slot(n.slot);
      return v.is_node() ? f(v.node()) : true;
    }
    if (auto id = pinned_id(n)) {
      auto node = g_.find(*id);
      return node ? f(node->index()) : true;
    }
    if (!n.types.empty()) {
      std::vector<NodeIndex> all;
      for (TypeId t = 0; t < n.types.size(); ++t)
        if (n.types[t]) all.insert(all.end(), g_.nodes_of_type(t).begin(), g_.nodes_of_type(t).end());
      std::sort(all.begin(), all.end());
      for (NodeIndex i : all)
        if (!f(i)) return false;
      return true;
    }
    for (NodeIndex i = 0; i < g_.node_count(); ++i)
      if (!f(i)) return false;
    return true;
  }

  // ---- edges

  // The edges at `n` that a step in direction `dir` may take, with the node at their far end.
  template <class F>
  bool each_edge(NodeIndex n, Dir dir, const RelPattern& r, F&& f) {
    auto visit = [&](std::span<const EdgeIndex> edges, bool out) {
      for (EdgeIndex e : edges) {
        env_.budget.step();
        const Edge edge = g_.edge(e);
        // A self-loop is in both lists; an undirected step takes it once.
        if (!out && dir == Dir::both && edge.from().index() == edge.to().index()) continue;
        if (!f(e, out ? edge.to().index() : edge.from().index())) return false;
      }
      return true;
    };
    auto side = [&](bool out) {
      if (r.types.empty()) return visit(out ? g_.out_edges(n) : g_.in_edges(n), out);
      for (TypeId t : r.types)
        if (!visit(out ? g_.out_edges(n, t) : g_.in_edges(n, t), out)) return false;
      return true;
    };
    if (dir != Dir::in && !side(true)) return false;
    if (dir != Dir::out && !side(false)) return false;
    return true;
  }

  static Dir reversed(Dir d) { return d == Dir::out ? Dir::in : d == Dir::in ? Dir::out : Dir::both; }

  // ---- the search

  bool solve(std::size_t pi) {
    if (pi == patterns_.size()) return sink_(row_);
    const Pattern& p = *patterns_[pi];
    if (p.shortest != Pattern::Shortest::none) return shortest(p, pi);
    for (const auto& r : p.rels)
      if (r.impossible) return true;
    std::size_t start = 0, best = SIZE_MAX;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (const std::size_t e = estimate(p.nodes[k]); e < best) {
        best = e;
        start = k;
      }
    return each_candidate(p.nodes[start], [&](NodeIndex i) {
      return with_node(p.nodes[start], i, [&] { return step(p, pi, start, start, true); });
    });
  }

  // Extends pattern `p` from node `k`: rightwards to the end, then leftwards from `start`.
  bool step(const Pattern& p, std::size_t pi, std::size_t start, std::size_t k, bool right) {
    if (right && k + 1 == p.nodes.size()) return step(p, pi, start, start, false);
    if (!right && k == 0) return finish_pattern(p, pi);
    const std::size_t ri = right ? k : k - 1;
    const std::size_t next = right ? k + 1 : k - 1;
    const RelPattern& r = p.rels[ri];
    const Dir dir = right ? r.dir : reversed(r.dir);
    const NodeIndex here = slot(p.nodes[k].slot).node();
    const NodePattern& there = p.nodes[next];
    auto go_on = [&] { return step(p, pi, start, next, right); };
    if (r.var_length) return var_length(p, r, here, dir, right, there, go_on);
    return each_edge(here, dir, r, [&](EdgeIndex e, NodeIndex far) {
      if (is_used(e)) return true;
      if (is_bound(r.slot)) {
        const V& v = slot(r.slot);
        if (!v.is_edge() || v.edge() != e) return true;
      } else if (!edge_fits(r, e)) {
        return true;
      }
      const bool was_bound = is_bound(r.slot);
      slot(r.slot) = V(EdgeRef{e});
      bound_[static_cast<std::size_t>(r.slot)] = 1;
      used_.push_back(e);
      const bool result = with_node(there, far, go_on);
      used_.pop_back();
      bound_[static_cast<std::size_t>(r.slot)] = was_bound;
      return result;
    });
  }

  bool var_length(const Pattern& p, const RelPattern& r, NodeIndex from, Dir dir, bool right, const NodePattern& there,
                  const std::function<bool()>& go_on) {
    (void)p;
    std::vector<EdgeIndex> path;
    const std::size_t mark = used_.size();
    std::function<bool(NodeIndex)> extend = [&](NodeIndex at) -> bool {
      const auto depth = static_cast<std::int64_t>(path.size());
      if (depth >= r.min_hops) {
        // The list is in pattern order, whichever way the search walked.
        VList rels;
        if (right)
          for (EdgeIndex e : path) rels.emplace_back(EdgeRef{e});
        else
          for (auto it = path.rbegin(); it != path.rend(); ++it) rels.emplace_back(EdgeRef{*it});
        V list(std::move(rels));
        bool ok = true;
        if (is_bound(r.slot)) ok = equals(slot(r.slot), list) == true;
        if (ok) {
          const bool was_bound = is_bound(r.slot);
          slot(r.slot) = list;
          bound_[static_cast<std::size_t>(r.slot)] = 1;
          const bool result = with_node(there, at, go_on);
          bound_[static_cast<std::size_t>(r.slot)] = was_bound;
          if (!result) return false;
        }
      }
      if (r.max_hops >= 0 && depth >= r.max_hops) return true;
      return each_edge(at, dir, r, [&](EdgeIndex e, NodeIndex far) {
        if (is_used(e) || !edge_fits(r, e)) return true;
        used_.push_back(e);
        path.push_back(e);
        const bool result = extend(far);
        path.pop_back();
        used_.pop_back();
        return result;
      });
    };
    const bool result = extend(from);
    used_.resize(mark);
    return result;
  }

  bool finish_pattern(const Pattern& p, std::size_t pi) {
    if (p.path_slot < 0) return solve(pi + 1);
    PathV path;
    path.nodes.push_back(slot(p.nodes[0].slot).node());
    for (std::size_t k = 0; k < p.rels.size(); ++k) {
      const V& r = slot(p.rels[k].slot);
      if (r.is_edge()) {
        path.rels.push_back(r.edge());
        path.nodes.push_back(slot(p.nodes[k + 1].slot).node());
        continue;
      }
      for (const V& e : r.list()) {
        const Edge edge = g_.edge(e.edge());
        const NodeIndex at = path.nodes.back();
        path.rels.push_back(e.edge());
        path.nodes.push_back(edge.from().index() == at ? edge.to().index() : edge.from().index());
      }
    }
    slot(p.path_slot) = V(std::move(path));
    return solve(pi + 1);
  }

  // ---- shortestPath / allShortestPaths: the library's bidirectional search (shortest.hpp)

  bool shortest(const Pattern& p, std::size_t pi) {
    const NodePattern &a = p.nodes[0], &b = p.nodes[1];
    return each_candidate(a, [&](NodeIndex from) {
      return with_node(a, from, [&] {
        return each_candidate(
            b, [&](NodeIndex to) { return with_node(b, to, [&] { return shortest_between(p, pi, from, to); }); });
      });
    });
  }

  bool shortest_between(const Pattern& p, std::size_t pi, NodeIndex from, NodeIndex to) {
    const RelPattern& r = p.rels[0];
    const auto found = shortest_paths(r, p.shortest == Pattern::Shortest::all, from, to, env_,
                                      [&](EdgeIndex e) { return !is_used(e) && edge_fits(r, e); });
    for (const auto& edges : found) {
      VList rels;
      for (EdgeIndex e : edges) rels.emplace_back(EdgeRef{e});
      slot(r.slot) = V(std::move(rels));
      bound_[static_cast<std::size_t>(r.slot)] = 1;
      const bool go_on = finish_pattern(p, pi);
      bound_[static_cast<std::size_t>(r.slot)] = 0;
      if (!go_on) return false;
    }
    return true;
  }

  const std::vector<const Pattern*>& patterns_;
  Row& row_;
  Env& env_;
  const Graph& g_;
  const std::function<bool(Row&)>& sink_;
  std::vector<char> bound_;
  std::vector<EdgeIndex> used_;
};

}  // namespace

bool match_patterns(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
                    const std::function<bool(Row&)>& sink) {
  return Matcher(patterns, fresh, row, env, sink).run();
}

void match_pattern_expr(const Pattern& p, Row& row, Env& env, const std::function<bool(Row&)>& sink) {
  match_patterns({&p}, p.fresh, row, env, sink);
}

}  // namespace diplograph::ql
