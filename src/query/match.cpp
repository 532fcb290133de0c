#include "query/match.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <memory>
#include <type_traits>

#include "query/shortest.hpp"

namespace diplograph::ql {
namespace {

class Matcher {
 public:
  Matcher(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
          const std::function<bool(Row&)>& sink, const MatchPlan* where, Bulk* bulk, const V* listed)
      : patterns_(patterns),
        row_(row),
        env_(env),
        g_(env.g),
        sink_(sink),
        where_(where),
        weight_(where && where->counted() && bulk ? &bulk->rows : nullptr),
        bulk_(where && where->set_slot >= 0 ? bulk : nullptr) {
    bound_.assign(row.size(), 1);
    for (int s : fresh) bound_[static_cast<std::size_t>(s)] = 0;
    bound_before_ = bound_;
    if (listed && where && where->listed >= 0)
      list_starts(*listed, patterns.front()->nodes[static_cast<std::size_t>(where->listed)]);
  }

  bool run() {
    int errors = 0;
    if (where_)
      for (const Filter& t : where_->pushed)
        if (t.slots.empty() && !term_holds(*t.expr, errors)) return true;
    deferred_ += errors;
    if (!weight_ || !where_->summed) return solve(0);
    // MatchPlan::summed: the matches add up (emit()); one row stands for them all.
    summing_ = true;
    solve(0);
    summing_ = false;
    if (sum_ == 0) return true;
    *weight_ = sum_;
    const bool go_on = sink_(row_);
    *weight_ = 1;
    return go_on;
  }

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

  // Is node `i` of one of the types n's labels allow?
  bool of_types(const NodePattern& n, NodeIndex i) const { return n.types.empty() || n.types[g_.node(i).type_id()]; }

  // `typed`: `i` is known to be of one of n's types (it came from their node lists).
  bool node_fits(const NodePattern& n, NodeIndex i, bool typed = false) {
    if (!typed && !of_types(n, i)) return false;
    if (n.props.empty() && !n.props_param) return true;
    const Pin pin = pin_of(n);
    if (!pin.by) return props_fit(n.props, n.props_param.get(), true, i);
    // The pinned id is compared as an index (a listed start came from the list); the other
    // properties as values.
    if (!pin.listed && pin.node != i) return false;
    if (n.props.size() == 1 && !n.props_param) return true;
    return props_fit(n.props, n.props_param.get(), true, i);
  }

  bool edge_fits(const RelPattern& r, EdgeIndex i) {
    if (!r.types.empty() && !std::binary_search(r.types.begin(), r.types.end(), g_.edge(i).type_id())) return false;
    return props_fit(r.props, nullptr, false, i);
  }

  bool is_used(EdgeIndex e) const {
    return std::any_of(used_.begin(), used_.end(), [e](const Used& u) { return u.e == e; });
  }

  // ---- WHERE terms pushed into the search

  // A term that fails with an error counts in `errors` and is left to the check of the whole
  // WHERE at the end, which evaluates it in the order written.
  bool term_holds(const Expr& e, int& errors) {
    try {
      return truth(eval(e, row_, env_), env_, e.pos) == true;
    } catch (const Error& err) {
      if (err.code() == ErrorCode::limit) throw;
      ++errors;
      return true;
    }
  }

  bool holds(const Filter& term, int& errors) {
    const DirectCheck& d = term.direct;
    if (d.kind == DirectCheck::Kind::none) return term_holds(*term.expr, errors);
    const V& x = slot(d.slot);
    if (x.is_edge()) return direct_holds(d, true, x.edge());
    if (x.is_node() && d.kind == DirectCheck::Kind::time) return direct_holds(d, false, x.node());
    return term_holds(*term.expr, errors);
  }

  // DirectCheck `d` on edge (or node) `index`.
  bool direct_holds(const DirectCheck& d, bool edge, std::uint32_t index) {
    if (d.kind == DirectCheck::Kind::type) return d.types[g_.edge(index).type_id()] != 0;
    // `r.date >= a AND r.date <= b`: the second term reuses the first one's read.
    const TimeRead key{edge, index, d.field};
    if (!(key == last_time_)) {
      last_time_ = key;
      last_date_ = edge ? time_of(g_.edge(index), d.field) : time_of(g_.node(index), d.field);
    }
    const std::optional<Date>& have = last_date_;
    return have && (d.field_left ? compare_dates(d.op, *have, d.bound) : compare_dates(d.op, d.bound, *have));
  }

  // Calls `then` unless a pushed term that binding slot `s` completes is not true.
  template <class F>
  bool checked(int s, F&& then) {
    if (!where_) return then();
    int errors = 0;
    if (static_cast<std::size_t>(s) >= where_->terms_at.size()) return then();
    for (std::size_t t : where_->terms_at[static_cast<std::size_t>(s)]) {
      const Filter& term = where_->pushed[t];
      if (std::all_of(term.slots.begin(), term.slots.end(), [&](int x) { return is_bound(x); }) && !holds(term, errors))
        return true;
    }
    deferred_ += errors;
    const bool go_on = then();
    deferred_ -= errors;
    return go_on;
  }

  // A whole match: the terms that could not be pushed, or the whole WHERE after an error.
  bool emit() {
    if (where_) {
      auto holds = [&](const Expr& e) { return truth(eval(e, row_, env_), env_, e.pos) == true; };
      if (deferred_ > 0) {
        if (!holds(*where_->where)) return true;
      } else {
        for (const Expr* t : where_->residual)
          if (!holds(*t)) return true;
      }
    }
    if (summing_) {
      sum_ += *weight_;
      return true;
    }
    return sink_(row_);
  }

  // Binds node pattern `n` to node `i` (or checks it against its binding) and calls `then`.
  template <class F>
  bool with_node(const NodePattern& n, NodeIndex i, F&& then, bool typed = false) {
    env_.budget.step();
    if (is_bound(n.slot)) {
      const V& v = slot(n.slot);
      if (!v.is_node() || v.node() != i || !node_fits(n, i, typed)) return true;
      return then();
    }
    if (!node_fits(n, i, typed)) return true;
    slot(n.slot) = V(NodeRef{i});
    bound_[static_cast<std::size_t>(n.slot)] = 1;
    const bool go_on = checked(n.slot, then);
    bound_[static_cast<std::size_t>(n.slot)] = 0;
    return go_on;
  }

  // ---- candidates for the first node of a pattern

  // A node pattern pinned by `{id: x}`, x a literal, a parameter or a variable bound before
  // this MATCH: the node, found once per search.
  struct Pin {
    const NodePattern* n = nullptr;
    const Expr* by = nullptr;  // null: not pinned
    std::optional<NodeIndex> node;
    bool listed = false;  // by the UNWIND's list (MatchPlan::listed): the nodes are listed_
  };

  // MatchPlan::listed: the nodes of the list's ids, in its order, repeats kept; a non-string
  // or unknown id has none (as `{id: x}` then matches nothing).
  void list_starts(const V& value, const NodePattern& n) {
    auto add = [&](const V& id) {
      if (!id.is_string()) return;
      if (auto node = g_.find(id.s())) listed_.push_back(node->index());
    };
    if (value.is_list()) {
      env_.budget.steps(value.list().size());
      listed_.reserve(value.list().size());
      for (const V& id : value.list()) add(id);
    } else {
      add(value);
    }
    pins_.push_back(Pin{&n, n.props.front().second.get(), std::nullopt, true});
  }

  Pin pin_of(const NodePattern& n) {
    for (const Pin& p : pins_)
      if (p.n == &n) return p;
    Pin pin{&n, nullptr, std::nullopt, false};
    for (const auto& [key, expr] : n.props) {
      const bool fixed = expr->kind == Expr::Kind::literal || expr->kind == Expr::Kind::param ||
                         (expr->kind == Expr::Kind::variable && bound_before_[static_cast<std::size_t>(expr->slot)]);
      if (key != "id" || !fixed) continue;
      if (!n.id_builtin) break;
      const V v = eval(*expr, row_, env_);
      pin.by = expr.get();
      if (v.is_string())
        if (auto node = g_.find(v.s())) pin.node = node->index();
      break;
    }
    pins_.push_back(pin);
    return pin;
  }

  // A node pattern given its label (MatchPlan::named): its candidates are the name index's nodes
  // for the label, found once per search, in index order. The index folds case and marks and
  // holds aliases too, so the property or the term is still checked on each. Null: not named.
  const std::vector<NodeIndex>* named(const NodePattern& n) {
    for (const Named& k : names_)
      if (k.n == &n) return k.list < 0 ? nullptr : &lists_[static_cast<std::size_t>(k.list)];
    const Expr* x = nullptr;
    if (where_)
      for (const auto& [node, given] : where_->named)
        if (node == &n) x = given;
    int list = -1;
    if (x) {
      const V v = eval(*x, row_, env_);
      list = static_cast<int>(lists_.size());
      lists_.emplace_back();
      if (v.is_string())
        for (const Node& m : g_.find_by_name(v.s())) lists_.back().push_back(m.index());
    }
    names_.push_back(Named{&n, list});
    return named(n);
  }

  // Where pattern `p` starts: a bound node, else one pinned by id, else the least estimated
  // work (sampled only then, since a MATCH after UNWIND chooses once per row).
  std::size_t start_of(const Pattern& p) {
    // A listed start stands for an UNWIND's rows: the search must start there.
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (pin_of(p.nodes[k]).listed) return k;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (is_bound(p.nodes[k].slot)) return k;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (pin_of(p.nodes[k]).by) return k;
    std::size_t start = 0;
    double best = -1;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (const double e = estimate(p, k); best < 0 || e < best) {
        best = e;
        start = k;
      }
    return start;
  }

  // The work of starting pattern `p` at node `k`: its candidates (nodes of its types) times
  // one plus the edges its first step takes from each, sampled at up to 32 of them.
  double estimate(const Pattern& p, std::size_t k) {
    const NodePattern& n = p.nodes[k];
    if (is_bound(n.slot)) return 0;
    if (pin_of(n).by) return 1;
    std::vector<std::span<const NodeIndex>> groups;
    std::size_t count = n.types.empty() ? g_.node_count() : 0;
    if (const auto* list = named(n)) {
      groups.assign(1, *list);
      count = list->size();
    } else {
      for (TypeId t = 0; t < n.types.size(); ++t)
        if (n.types[t]) {
          groups.push_back(g_.nodes_of_type(t));
          count += groups.back().size();
        }
    }
    if (count == 0 || p.rels.empty()) return static_cast<double>(count);
    const bool right = k + 1 < p.nodes.size();
    const RelPattern& r = p.rels[right ? k : k - 1];
    const std::size_t samples = std::min<std::size_t>(32, count);
    std::size_t edges = 0;
    for (std::size_t s = 0; s < samples; ++s) {
      std::size_t at = s * count / samples;
      NodeIndex node = static_cast<NodeIndex>(at);
      for (const auto& group : groups) {
        if (at < group.size()) {
          node = group[at];
          break;
        }
        at -= group.size();
      }
      edges += degree(node, right ? r.dir : reversed(r.dir), r);
    }
    return static_cast<double>(count) * (1.0 + static_cast<double>(edges) / static_cast<double>(samples));
  }

  std::size_t degree(NodeIndex n, Dir dir, const RelPattern& r) const {
    std::size_t d = 0;
    auto add = [&](std::span<const NodeIndex> ends) { d += ends.size(); };
    if (dir != Dir::in) neighbor_spans(n, Dir::out, r, add);
    if (dir != Dir::out) neighbor_spans(n, Dir::in, r, add);
    return d;
  }

  // Calls f(node, typed) for each node `n` may start at, in index order; `typed`: the node came
  // from the node lists of n's types.
  template <class F>
  bool each_candidate(const NodePattern& n, F&& f) {
    if (is_bound(n.slot)) {
      const V& v = slot(n.slot);
      return v.is_node() ? f(v.node(), false) : true;
    }
    if (const Pin pin = pin_of(n); pin.listed) {
      for (NodeIndex i : listed_)
        if (!f(i, false)) return false;
      return true;
    } else if (pin.by) {
      return pin.node ? f(*pin.node, false) : true;
    }
    if (const auto* list = named(n)) {
      for (NodeIndex i : *list)
        if (!f(i, false)) return false;
      return true;
    }
    if (!n.types.empty()) {
      // Each type's list is in index order: one is read as it is, several are merged.
      std::span<const NodeIndex> list;
      std::vector<NodeIndex> merged;
      for (TypeId t = 0; t < n.types.size(); ++t) {
        const auto nodes = g_.nodes_of_type(t);
        if (!n.types[t] || nodes.empty()) continue;
        if (list.empty()) {
          list = nodes;
          continue;
        }
        if (merged.empty()) merged.assign(list.begin(), list.end());
        const auto mid = static_cast<std::ptrdiff_t>(merged.size());
        merged.insert(merged.end(), nodes.begin(), nodes.end());
        std::inplace_merge(merged.begin(), merged.begin() + mid, merged.end());
        list = merged;
      }
      for (NodeIndex i : list)
        if (!f(i, true)) return false;
      return true;
    }
    for (NodeIndex i = 0; i < g_.node_count(); ++i)
      if (!f(i, false)) return false;
    return true;
  }

  // ---- edges

  // The edges at `n` that a step in direction `dir` may take, with the node at their far end
  // (and whether the edge leaves `n`, to a callback that takes it).
  template <class F>
  bool each_edge(NodeIndex n, Dir dir, const RelPattern& r, F&& f) {
    // The far ends come from the neighbour arrays, parallel to the edge lists: the edge records
    // (a cache miss each on a large graph) are not read.
    auto visit = [&](std::span<const EdgeIndex> edges, std::span<const NodeIndex> ends, bool out) {
      for (std::size_t k = 0; k < edges.size(); ++k) {
        env_.budget.step();
        // A self-loop is in both lists; an undirected step takes it once.
        if (!out && dir == Dir::both && ends[k] == n) continue;
        if constexpr (std::is_invocable_v<F&, EdgeIndex, NodeIndex, bool>) {
          if (!f(edges[k], ends[k], out)) return false;
        } else if (!f(edges[k], ends[k])) {
          return false;
        }
      }
      return true;
    };
    auto side = [&](bool out) {
      if (r.types.empty())
        return out ? visit(g_.out_edges(n), g_.out_neighbors(n), true)
                   : visit(g_.in_edges(n), g_.in_neighbors(n), false);
      const auto all = out ? g_.out_edges(n) : g_.in_edges(n);
      const auto ends = out ? g_.out_neighbors(n) : g_.in_neighbors(n);
      for (TypeId t : r.types) {
        // One search for the type's slice: the neighbours' slice is at the same place.
        const auto edges = out ? g_.out_edges(n, t) : g_.in_edges(n, t);
        if (edges.empty()) continue;
        if (!visit(edges, ends.subspan(static_cast<std::size_t>(edges.data() - all.data()), edges.size()), out))
          return false;
      }
      return true;
    };
    if (dir != Dir::in && !side(true)) return false;
    if (dir != Dir::out && !side(false)) return false;
    return true;
  }

  // The far ends of the edges at `n` that a directed step may take, a span at a time (the
  // neighbour arrays alone: each_edge when the edges matter).
  template <class F>
  void neighbor_spans(NodeIndex n, Dir dir, const RelPattern& r, F&& f) const {
    const bool out = dir == Dir::out;
    if (r.types.empty()) f(out ? g_.out_neighbors(n) : g_.in_neighbors(n));
    for (TypeId t : r.types) f(out ? g_.out_neighbors(n, t) : g_.in_neighbors(n, t));
  }

  static Dir reversed(Dir d) { return d == Dir::out ? Dir::in : d == Dir::in ? Dir::out : Dir::both; }

  // ---- the search

  bool solve(std::size_t pi) {
    if (pi == patterns_.size()) return emit();
    const Pattern& p = *patterns_[pi];
    if (p.shortest != Pattern::Shortest::none) return shortest(p, pi);
    for (const auto& r : p.rels)
      if (r.impossible) return true;
    if (scans_edges(p))
      return weight_ && where_->edge_counts != MatchPlan::EdgeCounts::none ? count_edges(p, pi) : scan(p, pi);
    const std::size_t start = start_of(p);
    const NodePattern& n = p.nodes[start];
    if (summing_ && counted_whole(p, pi, start))
      return each_candidate(n, [&](NodeIndex i, bool typed) {
        env_.budget.step();
        if (node_fits(n, i, typed)) sum_ += whole_count(p, start, i);
        return true;
      });
    return each_candidate(n, [&](NodeIndex i, bool typed) {
      return with_node(
          n, i, [&] { return step(p, pi, start, start, true); }, typed);
    });
  }

  // MatchPlan::summed: is the last pattern counted whole from its start (its one hop by
  // hop_count(), its hops by tail_count()), so that each start only adds its count, nothing
  // bound? Not when a WHERE term reads the start or the whole WHERE is checked per match, nor
  // when the start's variable appears again in the pattern.
  bool counted_whole(const Pattern& p, std::size_t pi, std::size_t start) const {
    const int s = p.nodes[start].slot;
    if (pi + 1 != patterns_.size() || p.path_slot >= 0 || deferred_ > 0 || !where_->residual.empty()) return false;
    if (static_cast<std::size_t>(s) < where_->terms_at.size() && !where_->terms_at[static_cast<std::size_t>(s)].empty())
      return false;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      if (k != start && p.nodes[k].slot == s) return false;
    if (p.rels.size() == 1) {
      const bool right = start == 0;
      return counts_hop(last_hop(p, pi, start, right ? 1 : 0, right, p.rels[0]), p.rels[0]);
    }
    return start == 0 && counts_tail(p, pi, 0, 0);
  }

  // The matches of a pattern counted_whole() from node `i` at its start.
  std::int64_t whole_count(const Pattern& p, std::size_t start, NodeIndex i) {
    if (p.rels.size() > 1) return tail_count(p, 0, i);
    const RelPattern& r = p.rels[0];
    return start == 0 ? hop_count(i, r.dir, r, p.nodes[1]) : hop_count(i, reversed(r.dir), r, p.nodes[0]);
  }

  // A single relationship between two free, unconstrained ends is found by a pass over the
  // edge array (its type is read from the edge record) rather than from every node.
  bool scans_edges(const Pattern& p) {
    if (p.rels.size() != 1 || p.rels[0].var_length || is_bound(p.rels[0].slot)) return false;
    return std::all_of(p.nodes.begin(), p.nodes.end(), [&](const NodePattern& n) {
      return !is_bound(n.slot) && n.types.empty() && n.props.empty() && !n.props_param;
    });
  }

  bool scan(const Pattern& p, std::size_t pi) {
    const RelPattern& r = p.rels[0];
    std::vector<char> wanted(g_.schema().edge_types().size(), r.types.empty());
    for (TypeId t : r.types) wanted[t] = 1;
    const bool props = !r.props.empty();
    // The terms on the relationship alone that are checked on the record: first, before
    // anything is bound (checked() sees them again on the few edges that pass).
    std::vector<const DirectCheck*> first;
    if (where_)
      for (const Filter& f : where_->pushed)
        if (f.direct.kind != DirectCheck::Kind::none && f.direct.slot == r.slot && f.slots == std::vector<int>{r.slot})
          first.push_back(&f.direct);
    const auto count = static_cast<EdgeIndex>(g_.edge_count());
    for (EdgeIndex e = 0; e < count; ++e) {
      env_.budget.step();
      const Edge edge = g_.edge(e);
      if (!wanted[edge.type_id()] || (props && !edge_fits(r, e)) || is_used(e)) continue;
      if (!std::all_of(first.begin(), first.end(), [&](const DirectCheck* d) { return direct_holds(*d, true, e); }))
        continue;
      const NodeIndex from = edge.from().index(), to = edge.to().index();
      if (r.dir != Dir::in && !bind_scanned(p, pi, e, from, to)) return false;
      if (r.dir != Dir::out && !(r.dir == Dir::both && from == to) && !bind_scanned(p, pi, e, to, from)) return false;
    }
    return true;
  }

  bool bind_scanned(const Pattern& p, std::size_t pi, EdgeIndex e, NodeIndex a, NodeIndex b) {
    const int rs = p.rels[0].slot;
    slot(rs) = V(EdgeRef{e});
    bound_[static_cast<std::size_t>(rs)] = 1;
    const Edge edge = g_.edge(e);  // read by scan() just now
    used_.push_back(Used{e, edge.from().index(), edge.to().index()});
    // An anonymous end outside a named path is read by nothing: it is not bound.
    auto unread = [&](const NodePattern& n) { return n.var.empty() && p.path_slot < 0; };
    auto far_end = [&] {
      return unread(p.nodes[1]) ? finish_pattern(p, pi)
                                : with_node(p.nodes[1], b, [&] { return finish_pattern(p, pi); });
    };
    const bool go_on = checked(rs, [&] { return unread(p.nodes[0]) ? far_end() : with_node(p.nodes[0], a, far_end); });
    used_.pop_back();
    bound_[static_cast<std::size_t>(rs)] = 0;
    return go_on;
  }

  // ---- counting instead of enumerating (MatchPlan::counted)

  // Hands on one match that stands for `n`.
  bool weighted(const Pattern& p, std::size_t pi, std::int64_t n) {
    if (n <= 0) return true;
    *weight_ = n;
    const bool go_on = finish_pattern(p, pi);
    *weight_ = 1;
    return go_on;
  }

  // The lone relationship of the last pattern, from the per-type edge counts; per type, bound
  // to the type's first edge, when the projection groups by its type.
  bool count_edges(const Pattern& p, std::size_t pi) {
    const RelPattern& r = p.rels[0];
    std::vector<TypeId> types = r.types;
    if (types.empty())
      for (TypeId t = 0; t < g_.schema().edge_types().size(); ++t) types.push_back(t);
    if (where_->edge_counts == MatchPlan::EdgeCounts::total) {
      std::int64_t n = 0;
      for (TypeId t : types) n += static_cast<std::int64_t>(g_.edge_count(t));
      return weighted(p, pi, n);
    }
    const std::vector<EdgeIndex> first = first_edges(types);
    // In the order the scan meets the types, so that the groups come in the scan's order.
    std::sort(types.begin(), types.end(), [&](TypeId a, TypeId b) { return first[a] < first[b]; });
    for (TypeId t : types) {
      if (g_.edge_count(t) == 0) continue;
      slot(r.slot) = V(EdgeRef{first[t]});
      bound_[static_cast<std::size_t>(r.slot)] = 1;
      const bool go_on = weighted(p, pi, static_cast<std::int64_t>(g_.edge_count(t)));
      bound_[static_cast<std::size_t>(r.slot)] = 0;
      if (!go_on) return false;
    }
    return true;
  }

  // Per type id: the first edge of each of `types` that has one, reading the edge array only
  // until every one is found.
  std::vector<EdgeIndex> first_edges(const std::vector<TypeId>& types) {
    std::vector<EdgeIndex> first(g_.schema().edge_types().size(), static_cast<EdgeIndex>(g_.edge_count()));
    std::vector<char> wanted(first.size(), 0);
    std::size_t missing = 0;
    for (TypeId t : types)
      if (g_.edge_count(t) > 0) wanted[t] = 1, ++missing;
    for (EdgeIndex e = 0; missing > 0 && e < g_.edge_count(); ++e) {
      env_.budget.step();
      const TypeId t = g_.edge(e).type_id();
      if (wanted[t]) first[t] = e, wanted[t] = 0, --missing;
    }
    return first;
  }

  enum class Hop : std::uint8_t { other, to_first, to_last };

  // Is the step to `next` the last one of the search, to a free end of the last pattern?
  Hop last_hop(const Pattern& p, std::size_t pi, std::size_t start, std::size_t next, bool right,
               const RelPattern& r) const {
    if (!where_ || pi + 1 != patterns_.size() || is_bound(r.slot) || is_bound(p.nodes[next].slot)) return Hop::other;
    if (!right && next == 0) return Hop::to_first;
    return right && start == 0 && next + 1 == p.nodes.size() ? Hop::to_last : Hop::other;
  }

  bool counts_hop(Hop hop, const RelPattern& r) const {
    return weight_ && !r.var_length &&
           ((hop == Hop::to_first && where_->tail_first) || (hop == Hop::to_last && where_->tail_last));
  }

  // Are the last pattern's hops from node k on, going right from its first node, a tail of
  // more than one hop that is counted (MatchPlan::tail_hops)?
  bool counts_tail(const Pattern& p, std::size_t pi, std::size_t start, std::size_t k) const {
    const std::size_t hops = p.rels.size() - k;
    if (!weight_ || start != 0 || pi + 1 != patterns_.size() || hops < 2 ||
        hops > static_cast<std::size_t>(where_->tail_hops))
      return false;
    for (std::size_t j = k; j < p.rels.size(); ++j)
      if (is_bound(p.rels[j].slot) || is_bound(p.nodes[j + 1].slot)) return false;
    return true;
  }

  bool reaches_hop(Hop hop) const {
    return (hop == Hop::to_first && where_->reach_first) || (hop == Hop::to_last && where_->reach_last);
  }

  // ---- distinct ends instead of paths (MatchPlan::reach_first, reach_last)

  // Binds `there` to each node that a trail of min_hops..max_hops edges (min_hops <= 1) from
  // `from` reaches, once each, found breadth-first. `from` itself is reached with no hop when
  // min_hops is 0; else when a closed trail of at most max_hops edges passes through it.
  template <class G>
  bool reach(const RelPattern& r, NodeIndex from, Dir dir, const NodePattern& there, G&& go_on) {
    const auto max =
        static_cast<std::uint32_t>(r.max_hops < 0 ? std::numeric_limits<std::uint32_t>::max() : r.max_hops);
    std::vector<NodeIndex> reached{from};
    const bool back_too =
        dir == Dir::both ? reach_undirected(r, from, max, reached) : reach_directed(r, from, dir, max, reached);
    const bool back = r.min_hops == 0 || back_too;
    const std::span<const NodeIndex> found = std::span<const NodeIndex>(reached).subspan(back ? 0 : 1);
    // After a pushed term failed with an error, the whole WHERE is checked per row, end bound.
    if (bulk_ && there.slot == where_->set_slot && deferred_ == 0) return reached_set(found, there, go_on);
    bool go = true;
    for (std::size_t k = 0; go && k < found.size(); ++k) go = with_node(there, found[k], go_on);
    return go;
  }

  // The nodes `from` reaches within `max` directed hops, appended to `reached` in breadth-first
  // order; true when a directed cycle of at most `max` edges returns to `from`.
  bool reach_directed(const RelPattern& r, NodeIndex from, Dir dir, std::uint32_t max,
                      std::vector<NodeIndex>& reached) {
    // A stamp per node, the search's number when it reached the node: one flat array per
    // thread, cleared once every 255 searches (a MATCH after UNWIND searches once per row), a
    // byte a node so that it stays in cache.
    thread_local std::vector<std::uint8_t> stamps;
    thread_local std::uint8_t search = 0;
    if (stamps.size() != g_.node_count() || ++search == 0) {
      stamps.assign(g_.node_count(), 0);
      search = 1;
    }
    stamps[from] = search;
    bool back = false;
    std::vector<NodeIndex> frontier{from}, next;
    auto visit = [&](NodeIndex m) {
      if (stamps[m] != search) {
        stamps[m] = search;
        reached.push_back(m);
        next.push_back(m);
      } else if (m == from) {
        back = true;
      }
    };
    for (std::uint32_t depth = 0; depth < max && !frontier.empty(); ++depth) {
      for (NodeIndex n : frontier) {
        if (!used_.empty()) {
          each_edge(n, dir, r, [&](EdgeIndex e, NodeIndex m) {
            if (!is_used(e)) visit(m);
            return true;
          });
          continue;
        }
        neighbor_spans(n, dir, r, [&](std::span<const NodeIndex> ends) {
          env_.budget.steps(ends.size());
          for (NodeIndex m : ends) visit(m);
        });
      }
      frontier.swap(next);
      next.clear();
    }
    return back;
  }

  // As reach_directed, either way along the edges. The start is reached back by a self-loop
  // at it or an edge joining two branches of the search tree (first hops), whose cycle is the
  // two tree paths and the edge.
  bool reach_undirected(const RelPattern& r, NodeIndex from, std::uint32_t max, std::vector<NodeIndex>& reached) {
    constexpr std::uint32_t unseen = std::numeric_limits<std::uint32_t>::max();
    constexpr EdgeIndex no_edge = std::numeric_limits<EdgeIndex>::max();
    thread_local std::vector<Seen> seen;
    if (seen.size() != g_.node_count()) seen.assign(g_.node_count(), Seen{unseen, no_edge, no_edge});
    // Reset before the rows go on (a later MATCH may search again) or when a limit throws.
    struct Reset {
      std::vector<Seen>& seen;
      const std::vector<NodeIndex>& reached;
      ~Reset() {
        for (NodeIndex n : reached) seen[n] = Seen{unseen, no_edge, no_edge};
      }
    };
    const Reset reset{seen, reached};
    seen[from] = Seen{0, no_edge, no_edge};
    bool back = false;
    std::vector<NodeIndex> frontier{from}, next;
    for (std::uint32_t depth = 0; depth < max && !frontier.empty(); ++depth) {
      for (NodeIndex n : frontier)
        each_edge(n, Dir::both, r, [&](EdgeIndex e, NodeIndex m) {
          if (is_used(e)) return true;
          Seen& to = seen[m];
          const Seen& at = seen[n];
          if (to.depth == unseen) {
            to = Seen{depth + 1, e, n == from ? e : at.branch};
            reached.push_back(m);
            next.push_back(m);
          } else if (n == m) {
            back = back || n == from;
          } else if (e != at.tree_edge && e != to.tree_edge && at.branch != to.branch &&
                     at.depth + to.depth + 1 <= max) {
            back = true;
          }
          return true;
        });
      frontier.swap(next);
      next.clear();
    }
    return back;
  }

  // The nodes of `found` that fit `there` and pass its `there <> x` terms, handed on as one
  // row (MatchPlan::set_slot), `there` unbound.
  template <class G>
  bool reached_set(std::span<const NodeIndex> found, const NodePattern& there, G&& go_on) {
    std::vector<NodeIndex> kept;
    kept.reserve(found.size());
    for (NodeIndex n : found)
      if (of_types(there, n)) kept.push_back(n);
    for (int x : where_->set_unlike) {
      const V& v = slot(x);
      if (v.is_node()) {
        kept.erase(std::remove(kept.begin(), kept.end(), v.node()), kept.end());
        continue;
      }
      // Anything else compares alike with every node: `<>` is null for a null, true otherwise.
      if (!kept.empty() && equals(V(NodeRef{kept[0]}), v) != false) kept.clear();
    }
    if (kept.empty()) return true;
    bulk_->set = kept;
    const bool go = go_on();
    bulk_->set = {};
    return go;
  }

  // The edges a step from `here` would take (each_edge), less those the match used already.
  std::int64_t hop_count(NodeIndex here, Dir dir, const RelPattern& r, const NodePattern& there) {
    if (!there.types.empty()) {  // the far ends' types, read from the nodes, no row bound
      std::int64_t n = 0;
      auto fits = [&](NodeIndex far) { return of_types(there, far); };
      if (dir != Dir::both && used_.empty()) {
        env_.budget.step();
        neighbor_spans(here, dir, r,
                       [&](std::span<const NodeIndex> ends) { n += std::count_if(ends.begin(), ends.end(), fits); });
        return n;
      }
      each_edge(here, dir, r, [&](EdgeIndex e, NodeIndex far) {
        n += fits(far) && !is_used(e);
        return true;
      });
      return n;
    }
    env_.budget.step();
    auto n = static_cast<std::int64_t>(degree(here, dir, r));
    if (dir == Dir::both) n -= static_cast<std::int64_t>(loops_at(here, r));  // taken once, not twice
    for (const Used& u : used_) {
      const bool out = u.from == here, in = u.to == here;
      if (!(dir == Dir::out ? out : dir == Dir::in ? in : out || in)) continue;
      // Only an edge at `here` has its record read, for its type.
      if (r.types.empty() || std::binary_search(r.types.begin(), r.types.end(), g_.edge(u.e).type_id())) --n;
    }
    return n;
  }

  // The last two hops of a tail from `here`, a span of middle nodes at a time, when no edge is
  // used yet and both hops go the same way: the first hop's edge can then be taken again by the
  // second only at a self-loop (nullopt: one was met, left to the edge-by-edge count).
  std::optional<std::int64_t> two_hops(NodeIndex here, const RelPattern& r1, const NodePattern& mid,
                                       const RelPattern& r2, const NodePattern& end) {
    if (!used_.empty() || r1.dir == Dir::both || r2.dir != r1.dir) return std::nullopt;
    std::int64_t n = 0;
    bool loop = false;
    // A loop per kind of count, over locals and values only: the calls into the graph could
    // otherwise write to anything reached through a reference, which is then read again.
    auto add = [&](auto degree) {
      neighbor_spans(here, r1.dir, r1, [&n, &loop, degree, here, this](std::span<const NodeIndex> mids) {
        env_.budget.steps(mids.size());
        std::int64_t sum = 0;
        bool looped = false;
        for (const NodeIndex m : mids) {
          looped |= m == here;
          sum += degree(m);
        }
        n += sum;
        loop = loop || looped;
      });
    };
    const Graph& g = g_;
    if (!mid.types.empty() || !end.types.empty() || !r2.types.empty())
      add([&](NodeIndex m) { return of_types(mid, m) ? hop_count(m, r2.dir, r2, end) : 0; });
    else if (r2.dir == Dir::out)
      add([&g](NodeIndex m) { return static_cast<std::int64_t>(g.out_neighbors(m).size()); });
    else
      add([&g](NodeIndex m) { return static_cast<std::int64_t>(g.in_neighbors(m).size()); });
    if (loop) return std::nullopt;
    return n;
  }

  // The trails along the last pattern's hops from node k on, from `here` (node k's), which
  // nothing reads (MatchPlan::tail_hops): the last hop by hop_count(), those before it edge by
  // edge, nothing bound.
  std::int64_t tail_count(const Pattern& p, std::size_t k, NodeIndex here) {
    const RelPattern& r = p.rels[k];
    const NodePattern& there = p.nodes[k + 1];
    if (k + 2 == p.nodes.size()) return hop_count(here, r.dir, r, there);
    if (k + 3 == p.nodes.size())
      if (const auto n = two_hops(here, r, there, p.rels[k + 1], p.nodes[k + 2])) return *n;
    std::int64_t n = 0;
    each_edge(here, r.dir, r, [&](EdgeIndex e, NodeIndex far, bool out) {
      if (is_used(e) || !of_types(there, far)) return true;
      used_.push_back(out ? Used{e, here, far} : Used{e, far, here});
      n += tail_count(p, k + 1, far);
      used_.pop_back();
      return true;
    });
    return n;
  }

  std::size_t loops_at(NodeIndex n, const RelPattern& r) const {
    std::size_t k = 0;
    neighbor_spans(n, Dir::in, r, [&](std::span<const NodeIndex> ends) {
      k += static_cast<std::size_t>(std::count(ends.begin(), ends.end(), n));
    });
    return k;
  }

  // Extends pattern `p` from node `k`: rightwards to the end, then leftwards from `start`.
  // One step of a search: from node `here` along relationship `r` (in direction `dir`) to node
  // pattern `there`, the pattern's node `next`.
  struct Step {
    const RelPattern& r;
    Dir dir;
    NodeIndex here;
    const NodePattern& there;
    std::size_t next;
    Hop last;  // is it the search's last hop, to a free end
  };

  bool step(const Pattern& p, std::size_t pi, std::size_t start, std::size_t k, bool right) {
    if (right && k + 1 == p.nodes.size()) return step(p, pi, start, start, false);
    if (!right && k == 0) return finish_pattern(p, pi);
    const std::size_t next = right ? k + 1 : k - 1;
    const RelPattern& r = p.rels[right ? k : k - 1];
    const Step s{r,    right ? r.dir : reversed(r.dir),       slot(p.nodes[k].slot).node(), p.nodes[next],
                 next, last_hop(p, pi, start, next, right, r)};
    if (counts_hop(s.last, r)) return weighted(p, pi, hop_count(s.here, s.dir, r, s.there));
    if (right && counts_tail(p, pi, start, k)) return weighted(p, pi, tail_count(p, k, s.here));
    return expand(p, pi, start, right, s);
  }

  // step(), a hop taken edge by edge (or breadth-first): out of line, so that the counted
  // hops above pay for none of its state.
  [[gnu::noinline]] bool expand(const Pattern& p, std::size_t pi, std::size_t start, bool right, const Step& s) {
    const auto& [r, dir, here, there, next, last] = s;
    auto go_on = [&] { return step(p, pi, start, next, right); };
    if (reaches_hop(last)) return reach(r, here, dir, there, go_on);
    if (r.var_length) return var_length(p, r, here, dir, right, there, go_on);
    return each_edge(here, dir, r, [&](EdgeIndex e, NodeIndex far, bool out) {
      if (is_used(e)) return true;
      if (is_bound(r.slot)) {
        const V& v = slot(r.slot);
        if (!v.is_edge() || v.edge() != e) return true;
      } else if (!props_fit(r.props, nullptr, false, e)) {  // each_edge took only the pattern's types
        return true;
      }
      const bool was_bound = is_bound(r.slot);
      slot(r.slot) = V(EdgeRef{e});
      bound_[static_cast<std::size_t>(r.slot)] = 1;
      used_.push_back(out ? Used{e, here, far} : Used{e, far, here});
      const bool result =
          was_bound ? with_node(there, far, go_on) : checked(r.slot, [&] { return with_node(there, far, go_on); });
      used_.pop_back();
      bound_[static_cast<std::size_t>(r.slot)] = was_bound;
      return result;
    });
  }

  // A match enumerated edge by edge recurses once per edge: past this many it stops with an
  // error rather than run out of stack (ASan's frames, the largest, use under 3 KB a level).
  static constexpr std::size_t longest_path = 1000;

  template <class G>
  bool var_length(const Pattern& p, const RelPattern& r, NodeIndex from, Dir dir, bool right, const NodePattern& there,
                  G&& go_on) {
    // Nothing reads an anonymous relationship list outside a named path: it is not built.
    const bool listed = !r.var.empty() || p.path_slot >= 0;
    std::vector<EdgeIndex> path;
    const std::size_t mark = used_.size();
    const std::vector<std::uint8_t> dist = distances_to(there, r, dir);
    std::function<bool(NodeIndex)> extend = [&](NodeIndex at) -> bool {
      const auto depth = static_cast<std::int64_t>(path.size());
      if (depth >= r.min_hops && !listed) {
        if (!with_node(there, at, go_on)) return false;
      } else if (depth >= r.min_hops) {
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
          const bool result =
              was_bound ? with_node(there, at, go_on) : checked(r.slot, [&] { return with_node(there, at, go_on); });
          bound_[static_cast<std::size_t>(r.slot)] = was_bound;
          if (!result) return false;
        }
      }
      if (r.max_hops >= 0 && depth >= r.max_hops) return true;
      return each_edge(at, dir, r, [&](EdgeIndex e, NodeIndex far, bool out) {
        if (!dist.empty() && depth + 1 + dist[far] > r.max_hops) return true;
        if (is_used(e) || !edge_fits(r, e)) return true;
        if (used_.size() >= longest_path)
          fail(env_, r.pos, ErrorCode::limit,
               "query stopped: a path reached " + std::to_string(longest_path) +
                   " relationships; paths are enumerated one by one, so bound the variable-length pattern (e.g. "
                   "[*1..20]) or count its distinct ends (count(DISTINCT b))");
        used_.push_back(out ? Used{e, at, far} : Used{e, far, at});
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

  // When the far end of a bounded variable-length step is one known node: the hops from each
  // node to it (breadth-first, backwards, capped at max_hops + 1), so that the search drops a
  // branch that can no longer reach it in time. Empty when the end is not known.
  std::vector<std::uint8_t> distances_to(const NodePattern& there, const RelPattern& r, Dir dir) {
    std::optional<NodeIndex> target;
    if (is_bound(there.slot)) {
      if (slot(there.slot).is_node()) target = slot(there.slot).node();
    } else if (const Pin pin = pin_of(there); pin.by) {
      target = pin.node;
    }
    if (!target || r.max_hops < 0 || r.max_hops > 64) return {};
    const auto far = static_cast<std::uint8_t>(r.max_hops + 1);
    std::vector<std::uint8_t> dist(g_.node_count(), far);
    dist[*target] = 0;
    std::vector<NodeIndex> frontier{*target}, next;
    for (std::uint8_t d = 1; d < far && !frontier.empty(); ++d) {
      for (NodeIndex n : frontier)
        each_edge(n, reversed(dir), r, [&](EdgeIndex, NodeIndex m) {
          if (dist[m] == far) {
            dist[m] = d;
            next.push_back(m);
          }
          return true;
        });
      frontier.swap(next);
      next.clear();
    }
    return dist;
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
    return each_candidate(a, [&](NodeIndex from, bool a_typed) {
      return with_node(
          a, from,
          [&] {
            return each_candidate(b, [&](NodeIndex to, bool b_typed) {
              return with_node(
                  b, to, [&] { return shortest_between(p, pi, from, to); }, b_typed);
            });
          },
          a_typed);
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
  const MatchPlan* where_;
  std::int64_t* weight_;  // with a counting plan: how many matches the row handed on stands for
  Bulk* bulk_;            // with a set to hand on (MatchPlan::set_slot)
  // The last time field read by a direct check (holds()), so that a range reads it once.
  struct TimeRead {
    bool edge = false;
    std::uint32_t index = std::numeric_limits<std::uint32_t>::max();
    Field field = Field::none;
    bool operator==(const TimeRead&) const = default;
  };
  TimeRead last_time_;
  std::optional<Date> last_date_;
  // reach(): per node, its hops from the start (unseen: not reached), the edge it was reached
  // by and the first edge of its tree path (its branch).
  struct Seen {
    std::uint32_t depth;
    EdgeIndex tree_edge, branch;
  };
  // The working arrays, kept between searches on a thread (a MATCH after UNWIND searches once
  // per row): each search takes a set from the thread's free list and gives it back. Searches
  // nest (a pattern in a WHERE, a later MATCH fed by this one's rows), hence a list.
  struct Used {  // an edge the match took (relationship uniqueness), and its ends
    EdgeIndex e;
    NodeIndex from, to;
  };
  struct Named {
    const NodePattern* n;
    int list;  // in lists_, or -1: not named
  };
  struct Scratch {
    std::vector<char> bound;
    std::vector<char> bound_before;
    std::vector<Used> used;
    std::vector<Pin> pins;
    std::vector<NodeIndex> listed;
    std::vector<Named> names;
    std::deque<std::vector<NodeIndex>> lists;  // a deque: a list named() handed out stays put
  };
  class Lease {
   public:
    Lease() {
      auto& free = pool();
      if (free.empty()) {
        s_ = std::make_unique<Scratch>();
      } else {
        s_ = std::move(free.back());
        free.pop_back();
      }
    }
    ~Lease() {
      s_->used.clear();
      s_->pins.clear();
      s_->listed.clear();
      s_->names.clear();
      s_->lists.clear();
      pool().push_back(std::move(s_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Scratch& operator*() const { return *s_; }

   private:
    static std::vector<std::unique_ptr<Scratch>>& pool() {
      thread_local std::vector<std::unique_ptr<Scratch>> free;
      return free;
    }
    std::unique_ptr<Scratch> s_;
  };
  Lease lease_;
  std::vector<char>& bound_ = (*lease_).bound;
  std::vector<char>& bound_before_ = (*lease_).bound_before;  // the slots bound before this search
  std::vector<Used>& used_ = (*lease_).used;
  std::vector<Pin>& pins_ = (*lease_).pins;
  std::vector<NodeIndex>& listed_ = (*lease_).listed;  // Pin::listed: the start nodes
  std::vector<Named>& names_ = (*lease_).names;        // named(): each node pattern asked about
  std::deque<std::vector<NodeIndex>>& lists_ = (*lease_).lists;
  int deferred_ = 0;      // pushed terms that failed with an error
  bool summing_ = false;  // MatchPlan::summed: emit() adds the match's weight to sum_
  std::int64_t sum_ = 0;
};

}  // namespace

bool match_patterns(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
                    const std::function<bool(Row&)>& sink, const MatchPlan* where, Bulk* bulk, const V* listed) {
  return Matcher(patterns, fresh, row, env, sink, where, bulk, listed).run();
}

void match_pattern_expr(const Pattern& p, Row& row, Env& env, const std::function<bool(Row&)>& sink) {
  match_patterns({&p}, p.fresh, row, env, sink);
}

}  // namespace diplograph::ql
