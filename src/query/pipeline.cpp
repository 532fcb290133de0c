#include "query/pipeline.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/aggregate.hpp"
#include "query/match.hpp"

namespace diplograph::ql {
namespace {

struct RowHash {
  std::size_t operator()(const std::vector<V>& r) const {
    std::size_t h = 0;
    for (const V& v : r) h = h * 31 + hash_value(v);
    return h;
  }
};
struct RowSame {
  bool operator()(const std::vector<V>& a, const std::vector<V>& b) const {
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!same_values(a[k], b[k])) return false;
    return true;
  }
};
using RowSet = std::unordered_set<std::vector<V>, RowHash, RowSame>;

bool contains_aggregate(const Expr& e) {
  if (e.kind == Expr::Kind::aggregate || e.kind == Expr::Kind::count_star) return true;
  for (const auto& a : e.args)
    if (a && contains_aggregate(*a)) return true;
  return false;
}

// The projected values of a WITH / RETURN row, as DISTINCT and UNION compare them.
std::vector<V> projected(const Projection& p, const Row& row) {
  std::vector<V> values;
  values.reserve(p.items.size() + p.star_slots.size());
  for (const auto& item : p.items) values.push_back(row[static_cast<std::size_t>(item.slot)]);
  for (int s : p.star_slots) values.push_back(row[static_cast<std::size_t>(s)]);
  return values;
}

struct Keyed {
  Row row;
  std::vector<V> keys;  // ORDER BY keys
};

struct Group {
  Row first;
  std::vector<Accumulator> accs;
};

// The running state of one WITH / RETURN: its groups, the rows it sorts, what it has skipped
// and passed on.
struct ProjectionState {
  std::vector<std::size_t> group_keys;  // the items that group (aggregating projections)
  std::unordered_map<std::vector<V>, std::size_t, RowHash, RowSame> group_index;
  std::vector<Group> groups;
  // Grouping by `type(r)` alone: the group of each edge type id, so that no type name is built
  // and no key hashed per row (-1: none yet).
  int type_of_slot = -1;
  std::vector<std::ptrdiff_t> group_of_type;
  std::size_t last_group = static_cast<std::size_t>(-1);  // the group of the last keyed row
  std::vector<V> last_key;
  RowSet seen;  // DISTINCT
  std::vector<Keyed> sorted;
  std::int64_t skip = 0, limit = -1, skipped = 0, passed = 0;
  // A RETURN that keeps every row as it comes (no grouping, DISTINCT, ORDER BY or `*`, and no
  // UNION that drops repeats): its values go straight into the result.
  bool to_result = false;
};

class Executor {
 public:
  Executor(const detail::QueryPlan& plan, const Graph& g, const QueryOptions& options, const ParamMap& params)
      : plan_(plan),
        budget_(options.limits, plan.text),
        env_{g, plan.text, params, budget_, nullptr},
        limits_(options.limits) {}

  QueryResult run() {
    QueryResult result;
    result.columns = plan_.st.columns;
    dedupe_ = std::any_of(plan_.st.union_all.begin(), plan_.st.union_all.end(), [](bool a) { return !a; });
    result_ = &result;
    for (const auto& q : plan_.st.parts) part(q);
    return result;
  }

 private:
  void part(const SingleQuery& q) {
    query_ = &q;
    width_ = static_cast<std::size_t>(q.slot_count);
    states_.clear();
    states_.resize(q.clauses.size());
    patterns_.assign(q.clauses.size(), {});
    for (std::size_t k = 0; k < q.clauses.size(); ++k)
      for (const auto& p : q.clauses[k].patterns) patterns_[k].push_back(&p);
    for (std::size_t k = 0; k < q.clauses.size(); ++k)
      if (q.clauses[k].kind == Clause::Kind::with || q.clauses[k].kind == Clause::Kind::return_)
        prepare(q.clauses[k].proj, states_[k]);
    const Projection& last = q.clauses.back().proj;
    states_.back().to_result =
        !last.aggregating && !last.distinct && last.order.empty() && last.star_slots.empty() && !dedupe_;
    Row start(width_);
    push(0, start);
    finish(0);
  }

  // ---- the pipeline: push(k, row) hands a row to clause k and returns false when clause k
  // needs no more rows; finish(k) tells clause k its input is complete.

  bool push(std::size_t k, Row& row) {
    if (k == query_->clauses.size()) return emit_result(row);
    const Clause& c = query_->clauses[k];
    switch (c.kind) {
      case Clause::Kind::match:
        return match(k, c, row, nullptr);
      case Clause::Kind::unwind:
        return unwind(k, c, row);
      case Clause::Kind::with:
      case Clause::Kind::return_:
        return project(k, c.proj, row);
    }
    return true;
  }

  void finish(std::size_t k) {
    if (k == query_->clauses.size()) return;
    const Clause& c = query_->clauses[k];
    if (c.kind == Clause::Kind::with || c.kind == Clause::Kind::return_) flush(k, c.proj);
    finish(k + 1);
  }

  // With `listed`, the value of the UNWIND before, which hands it on whole (MatchPlan::listed).
  bool match(std::size_t k, const Clause& c, Row& row, const V* listed) {
    // What the sink reads, behind one pointer: a lambda that small is held by std::function
    // without an allocation (a MATCH after UNWIND runs once per row).
    struct Call {
      Executor& x;
      std::size_t k;
      const Clause& c;
      bool found = false, more = true;
      Bulk bulk;
    } call{*this, k, c, false, true, Bulk{}};
    match_patterns(
        patterns_[k], c.new_slots, row, env_,
        [&call](Row& r) {
          Executor& x = call.x;
          x.budget_.step();
          call.found = true;
          x.bulk_ = call.c.plan && (call.c.plan->counted() || !call.bulk.set.empty()) ? &call.bulk : nullptr;
          call.more = x.push(call.k + 1, r);
          x.bulk_ = nullptr;
          return call.more;
        },
        c.plan.get(), &call.bulk, listed);
    const bool more = call.more;
    if (call.found || !c.optional) return more;
    for (int s : c.new_slots) row[static_cast<std::size_t>(s)] = V();
    return push(k + 1, row);
  }

  bool unwind(std::size_t k, const Clause& c, Row& row) {
    const V list = eval(*c.expr, row, env_);
    if (list.is_null()) return true;
    if (const Clause* next = k + 1 < query_->clauses.size() ? &query_->clauses[k + 1] : nullptr;
        next && next->plan && next->plan->listed >= 0)
      return match(k + 1, *next, row, &list);
    if (!list.is_list()) {
      Row r = row;
      r[static_cast<std::size_t>(c.slot)] = list;
      return push(k + 1, r);
    }
    Row r;
    for (const V& x : list.list()) {
      budget_.step();
      r = row;  // the clauses after may have changed the last one's
      r[static_cast<std::size_t>(c.slot)] = x;
      if (!push(k + 1, r)) return false;
    }
    return true;
  }

  // ---- WITH / RETURN: project (or group), DISTINCT, ORDER BY, SKIP, LIMIT, WHERE

  void prepare(const Projection& p, ProjectionState& s) {
    if (p.aggregating)
      for (std::size_t k = 0; k < p.items.size(); ++k)
        if (!contains_aggregate(*p.items[k].expr)) s.group_keys.push_back(k);
    if (s.group_keys.size() == 1) {
      const Expr& key = *p.items[s.group_keys[0]].expr;
      if (key.kind == Expr::Kind::call && key.name == "type" && key.args.size() == 1 &&
          key.args[0]->kind == Expr::Kind::variable)
        s.type_of_slot = key.args[0]->slot;
    }
    s.skip = std::max<std::int64_t>(0, count_value(p.skip.get(), "SKIP"));
    s.limit = count_value(p.limit.get(), "LIMIT");
  }

  bool project(std::size_t k, const Projection& p, Row& in) {
    ProjectionState& s = states_[k];
    if (p.aggregating) {
      group(p, s, in);
      return true;
    }
    if (full(s)) return false;
    std::vector<V> values;
    values.reserve(p.items.size());
    for (const auto& item : p.items) values.push_back(eval(*item.expr, in, env_));
    if (s.to_result) {
      if (s.skipped < s.skip) {
        ++s.skipped;
        return true;
      }
      ++s.passed;
      return emit(std::move(values)) && !full(s);
    }
    Keyed o{in, {}};
    for (std::size_t j = 0; j < values.size(); ++j)
      o.row[static_cast<std::size_t>(p.items[j].slot)] = std::move(values[j]);
    sort_keys(p, o);
    return projected_row(k, p, s, std::move(o));
  }

  void group(const Projection& p, ProjectionState& s, Row& row) {
    if (s.group_keys.empty()) {  // one group: no key to build or look up per row
      if (s.groups.empty()) s.groups.push_back(fresh_group(p, row));
      add(s.groups.front(), row);
      return;
    }
    std::size_t at;
    if (const V* x = s.type_of_slot < 0 ? nullptr : &row[static_cast<std::size_t>(s.type_of_slot)]; x && x->is_edge()) {
      const TypeId t = env_.g.edge(x->edge()).type_id();
      if (t >= s.group_of_type.size()) s.group_of_type.resize(t + 1, -1);
      if (s.group_of_type[t] < 0) s.group_of_type[t] = static_cast<std::ptrdiff_t>(keyed_group(p, s, row));
      at = static_cast<std::size_t>(s.group_of_type[t]);
    } else {
      at = keyed_group(p, s, row);
    }
    add(s.groups[at], row);
  }

  // A row from a counting MATCH stands for many rows, and its aggregates only count rows; one
  // from a MATCH that reached a set, for the set's nodes, and its aggregates count them
  // distinctly (the dropped slots are not bound).
  void add(Group& g, Row& row) {
    for (auto& acc : g.accs)
      if (!bulk_)
        acc.add(row, env_);
      else if (bulk_->set.empty())
        acc.add_rows(bulk_->rows);
      else
        acc.add_nodes(bulk_->set, env_.g.node_count());
  }

  // The index of the group of `row`'s grouping keys, added if new.
  std::size_t keyed_group(const Projection& p, ProjectionState& s, Row& row) {
    std::vector<V> key;
    key.reserve(s.group_keys.size());
    for (std::size_t j : s.group_keys) key.push_back(eval(*p.items[j].expr, row, env_));
    // Rows of one group tend to come together (after UNWIND, per start node): the last group
    // is compared before the key is hashed.
    if (s.last_group < s.groups.size() && RowSame{}(key, s.last_key)) return s.last_group;
    auto [it, added] = s.group_index.try_emplace(key, s.groups.size());
    s.last_group = it->second;
    s.last_key = key;
    if (added) {
      Row first = row;
      for (std::size_t j = 0; j < s.group_keys.size(); ++j)
        first[static_cast<std::size_t>(p.items[s.group_keys[j]].slot)] = key[j];
      s.groups.push_back(fresh_group(p, std::move(first)));
    }
    return it->second;
  }

  static Group fresh_group(const Projection& p, Row row) {
    Group g{std::move(row), {}};
    for (const Expr* a : p.aggregates) g.accs.emplace_back(*a);
    return g;
  }

  void sort_keys(const Projection& p, Keyed& o) {
    for (const auto& s : p.order) o.keys.push_back(eval(*s.expr, o.row, env_));
  }

  // A projected row goes through DISTINCT, then waits for ORDER BY or goes on.
  bool projected_row(std::size_t k, const Projection& p, ProjectionState& s, Keyed&& o) {
    if (p.distinct && !s.seen.insert(projected(p, o.row)).second) return true;
    if (!p.order.empty()) {
      s.sorted.push_back(std::move(o));
      return true;
    }
    return pass_on(k, p, s, o.row);
  }

  static bool full(const ProjectionState& s) { return s.limit >= 0 && s.passed >= s.limit; }

  // SKIP, LIMIT and WITH's WHERE, then the next clause.
  bool pass_on(std::size_t k, const Projection& p, ProjectionState& s, Row& row) {
    if (s.skipped < s.skip) {
      ++s.skipped;
      return true;
    }
    if (full(s)) return false;
    ++s.passed;
    const bool kept = !p.where || truth(eval(*p.where, row, env_), env_, p.where->pos) == true;
    const bool more = !kept || push(k + 1, row);
    return more && !full(s);
  }

  void flush(std::size_t k, const Projection& p) {
    ProjectionState& s = states_[k];
    if (p.aggregating) flush_groups(k, p, s);
    if (!p.order.empty()) {
      std::stable_sort(s.sorted.begin(), s.sorted.end(), [&](const Keyed& a, const Keyed& b) {
        for (std::size_t j = 0; j < p.order.size(); ++j)
          if (int c = order_values(a.keys[j], b.keys[j]); c != 0) return p.order[j].descending ? c > 0 : c < 0;
        return false;
      });
      for (Keyed& o : s.sorted)
        if (!pass_on(k, p, s, o.row)) break;
    }
    s = ProjectionState{};
  }

  void flush_groups(std::size_t k, const Projection& p, ProjectionState& s) {
    if (s.groups.empty() && s.group_keys.empty()) s.groups.push_back(fresh_group(p, Row(width_)));
    for (Group& g : s.groups) {
      std::vector<V> aggs;
      for (const auto& acc : g.accs) aggs.push_back(acc.result(env_));
      env_.aggs = &aggs;
      Keyed o{std::move(g.first), {}};
      for (const auto& item : p.items)
        if (contains_aggregate(*item.expr)) o.row[static_cast<std::size_t>(item.slot)] = eval(*item.expr, o.row, env_);
      sort_keys(p, o);
      env_.aggs = nullptr;
      if (!projected_row(k, p, s, std::move(o))) break;
    }
  }

  std::int64_t count_value(const Expr* e, const char* what) {
    if (!e) return -1;
    Row none(width_);
    const V v = eval(*e, none, env_);
    if (!v.is_int() || v.i() < 0)
      fail(env_, e->pos, ErrorCode::syntax,
           std::string(what) + " needs a non-negative integer, got " +
               (v.is_int() ? std::to_string(v.i()) : std::string(kind_of(v))));
    return v.i();
  }

  // ---- the end of the pipeline: the RETURN's columns, deduplicated across UNION parts

  bool emit_result(const Row& row) { return emit(projected(query_->clauses.back().proj, row)); }

  bool emit(std::vector<V>&& values) {
    if (dedupe_ && !union_seen_.insert(values).second) return true;
    if (limits_.max_rows && result_->rows.size() >= limits_.max_rows)
      throw Error(ErrorCode::limit,
                  "query stopped after " + std::to_string(limits_.max_rows) +
                      " rows (--max-rows); add LIMIT or aggregate the rows",
                  Location{"<query>", 0, 0});
    std::vector<Cell> cells;
    cells.reserve(values.size());
    for (V& v : values) cells.push_back(to_cell(env_.g, std::move(v)));
    result_->rows.push_back(std::move(cells));
    return true;
  }

  const detail::QueryPlan& plan_;
  Budget budget_;
  Env env_;
  const QueryLimits& limits_;
  const SingleQuery* query_ = nullptr;
  std::size_t width_ = 0;
  std::vector<ProjectionState> states_;
  std::vector<std::vector<const Pattern*>> patterns_;  // per clause of the part
  bool dedupe_ = false;
  const Bulk* bulk_ = nullptr;  // what the row from a counting or set-reaching MATCH stands for
  RowSet union_seen_;
  QueryResult* result_ = nullptr;
};

}  // namespace

QueryResult execute(const detail::QueryPlan& plan, const Graph& g, const QueryOptions& options,
                    const ParamMap& params) {
  return Executor(plan, g, options, params).run();
}

}  // namespace diplograph::ql
