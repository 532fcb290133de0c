#include "query/planner.hpp"

#include <algorithm>

#include "query/eval.hpp"

namespace diplograph::ql {
namespace {

// Functions whose value is not fixed by their arguments, or whose folding could build a large
// value before the run's limits apply. The compiler has lower-cased the name.
bool foldable_call(const Expr& e) {
  if (e.args.empty()) return false;
  const std::string& n = e.name;
  return n != "rand" && n != "randomuuid" && n != "timestamp" && n != "range";
}

bool folds(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::call:
      if (!foldable_call(e)) return false;
      break;
    case Expr::Kind::list:
    case Expr::Kind::neg:
    case Expr::Kind::not_:
    case Expr::Kind::binary:
    case Expr::Kind::chain:
      break;
    default:
      return false;
  }
  return std::all_of(e.args.begin(), e.args.end(),
                     [](const ExprPtr& a) { return a && a->kind == Expr::Kind::literal; });
}

// The built-in field `name` names, unless some node or edge type of the schema declares a
// property of that name (which shadows the built-in).
Field builtin_field(const Schema& schema, const std::string& name) {
  const Field f = field_named(name);
  if (f == Field::none) return f;
  for (const NodeType& t : schema.node_types())
    if (schema.node_property(t.id, name)) return Field::none;
  for (const EdgeType& t : schema.edge_types())
    if (schema.edge_property(t.id, name)) return Field::none;
  return f;
}

class Folder {
 public:
  Folder(const Schema& schema, const Text& text)
      : schema_(schema), budget_(limits_, text), env_{graph_, text, params_, budget_, nullptr} {
    const auto types = schema.node_types();
    auto builtin = [&](const char* name) {
      return std::none_of(types.begin(), types.end(),
                          [&](const NodeType& t) { return schema.node_property(t.id, name) != nullptr; });
    };
    id_builtin_ = builtin("id");
    label_builtin_ = builtin("label");
  }

  void expr(ExprPtr& e) {
    if (!e) return;
    for (auto& a : e->args) expr(a);
    if (e->pattern) pattern(*e->pattern);
    for (auto& more : e->more_patterns) pattern(*more);
    if (e->kind == Expr::Kind::property) e->field = builtin_field(schema_, e->name);
    if (!folds(*e)) return;
    try {
      Row none;
      V v = eval(*e, none, env_);
      e->kind = Expr::Kind::literal;
      e->value = std::move(v);
      e->args.clear();
    } catch (const Error&) {
      // left for the run, which reports it where it happens
    }
  }

  void pattern(Pattern& p) {
    for (auto& n : p.nodes) {
      n.id_builtin = id_builtin_;
      n.label_builtin = label_builtin_;
      for (auto& [key, value] : n.props) expr(value);
    }
    for (auto& r : p.rels)
      for (auto& [key, value] : r.props) expr(value);
    expr(p.where);
  }

  void projection(Projection& p) {
    for (auto& item : p.items) expr(item.expr);
    for (auto& s : p.order) expr(s.expr);
    expr(p.where);
  }

 private:
  const Schema& schema_;
  bool id_builtin_ = false, label_builtin_ = false;
  Graph graph_;
  ParamMap params_;
  QueryLimits limits_;
  Budget budget_;
  Env env_;
};

void slots_read(const Expr& e, std::vector<int>& out);
void patterns_read(const Expr& e, std::vector<int>& out);

void slots_read(const Pattern& p, std::vector<int>& out) {
  for (const auto& n : p.nodes) {
    out.push_back(n.slot);
    for (const auto& [key, value] : n.props) slots_read(*value, out);
    if (n.props_param) slots_read(*n.props_param, out);
  }
  for (const auto& r : p.rels) {
    out.push_back(r.slot);
    for (const auto& [key, value] : r.props) slots_read(*value, out);
  }
  if (p.where) slots_read(*p.where, out);
}

void slots_read(const Expr& e, std::vector<int>& out) {
  if (e.kind == Expr::Kind::variable) out.push_back(e.slot);
  for (const auto& a : e.args)
    if (a) slots_read(*a, out);
  patterns_read(e, out);
}

// The slots read by the patterns of a pattern expression or an EXISTS / COUNT subquery.
void patterns_read(const Expr& e, std::vector<int>& out) {
  if (e.pattern) slots_read(*e.pattern, out);
  for (const auto& more : e.more_patterns) slots_read(*more, out);
}

// The slots of a clause that are bound only at the end of a pattern, not step by step.
std::vector<int> late_slots(const Clause& c) {
  std::vector<int> late;
  for (const auto& p : c.patterns) {
    if (p.path_slot >= 0) late.push_back(p.path_slot);
    if (p.shortest != Pattern::Shortest::none)
      for (const auto& r : p.rels) late.push_back(r.slot);
  }
  return late;
}

// ---- terms checked on the record (DirectCheck)

bool is_type_of_variable(const Expr& e) {
  return e.kind == Expr::Kind::call && e.name == "type" && e.args.size() == 1 &&
         e.args[0]->kind == Expr::Kind::variable;
}

// The term reads one slot, a single relationship of the clause's patterns.
bool rel_slot(const Clause& c, const std::vector<int>& slots) {
  if (slots.size() != 1) return false;
  for (const auto& p : c.patterns)
    for (const auto& r : p.rels)
      if (r.slot == slots[0] && !r.var_length) return true;
  return false;
}

bool is_field_of_variable(const Expr& e) {
  return e.kind == Expr::Kind::property && is_time(e.field) && e.args[0]->kind == Expr::Kind::variable;
}

DirectCheck time_check(const Expr& t) {
  DirectCheck d;
  if (t.kind != Expr::Kind::binary || t.args.size() != 2) return d;
  if (t.op != Op::eq && t.op != Op::ne && t.op != Op::lt && t.op != Op::le && t.op != Op::gt && t.op != Op::ge)
    return d;
  const bool left = is_field_of_variable(*t.args[0]);
  const Expr& field = *t.args[left ? 0 : 1];
  const Expr& bound = *t.args[left ? 1 : 0];
  if (!is_field_of_variable(field) || bound.kind != Expr::Kind::literal || !bound.value.is_date()) return d;
  d.kind = DirectCheck::Kind::time;
  d.slot = field.args[0]->slot;
  d.field = field.field;
  d.op = t.op;
  d.field_left = left;
  d.bound = bound.value.date();
  return d;
}

DirectCheck type_check(const Expr& t, const Schema& schema) {
  DirectCheck d;
  if (t.kind != Expr::Kind::binary || (t.op != Op::eq && t.op != Op::in) || t.args.size() != 2) return d;
  const Expr &of = *t.args[0], &names = *t.args[1];
  if (!is_type_of_variable(of) || names.kind != Expr::Kind::literal) return d;
  std::vector<V> items;
  if (t.op == Op::eq && names.value.is_string()) items.push_back(names.value);
  if (t.op == Op::in && names.value.is_list()) items = names.value.list();
  if (items.empty() && !(t.op == Op::in && names.value.is_list())) return d;
  d.types.assign(schema.edge_types().size(), 0);
  for (const V& item : items) {
    // A null item makes a miss unknown rather than false: both fail the term.
    if (!item.is_string()) continue;
    if (const EdgeType* type = schema.find_edge_type(item.s())) d.types[type->id] = 1;
  }
  d.kind = DirectCheck::Kind::type;
  d.slot = of.args[0]->slot;
  return d;
}

std::shared_ptr<MatchPlan> split_where(const Clause& c, const Schema& schema) {
  auto plan = std::make_shared<MatchPlan>();
  if (!c.where) return plan;
  plan->where = c.where.get();
  std::vector<const Expr*> terms;
  if (c.where->kind == Expr::Kind::binary && c.where->op == Op::and_)
    for (const auto& a : c.where->args) terms.push_back(a.get());
  else
    terms.push_back(c.where.get());
  const std::vector<int> late = late_slots(c);
  for (const Expr* t : terms) {
    std::vector<int> read;
    slots_read(*t, read);
    Filter f{t, {}, {}};
    for (int s : read)
      if (std::find(c.new_slots.begin(), c.new_slots.end(), s) != c.new_slots.end()) f.slots.push_back(s);
    std::sort(f.slots.begin(), f.slots.end());
    f.slots.erase(std::unique(f.slots.begin(), f.slots.end()), f.slots.end());
    const bool at_end =
        std::any_of(f.slots.begin(), f.slots.end(), [&](int s) { return std::count(late.begin(), late.end(), s); });
    if (at_end) {
      plan->residual.push_back(t);
      continue;
    }
    f.direct = time_check(*t);
    if (f.direct.kind == DirectCheck::Kind::none && rel_slot(c, f.slots)) f.direct = type_check(*t, schema);
    plan->pushed.push_back(std::move(f));
  }
  for (std::size_t t = 0; t < plan->pushed.size(); ++t)
    for (int s : plan->pushed[t].slots) {
      const auto at = static_cast<std::size_t>(s);
      if (at >= plan->terms_at.size()) plan->terms_at.resize(at + 1);
      plan->terms_at[at].push_back(t);
    }
  return plan;
}

// ---- counting instead of enumerating (MatchPlan::tail_first, tail_last, edge_counts)

bool contains(const std::vector<int>& slots, int s) { return std::find(slots.begin(), slots.end(), s) != slots.end(); }

// count(*), or count(x) of a variable that MATCH `m` binds (never null, since `m` is not
// optional): either counts the rows.
bool counts_rows(const Expr& a, const Clause& m) {
  if (a.kind == Expr::Kind::count_star) return true;
  return a.kind == Expr::Kind::aggregate && a.name == "count" && !a.distinct && a.args.size() == 1 &&
         a.args[0]->kind == Expr::Kind::variable && contains(m.new_slots, a.args[0]->slot);
}

// The slots an expression of an aggregating projection reads outside its aggregates.
void slots_outside_aggregates(const Expr& e, std::vector<int>& out) {
  if (e.kind == Expr::Kind::aggregate || e.kind == Expr::Kind::count_star) return;
  if (e.kind == Expr::Kind::variable) out.push_back(e.slot);
  for (const auto& a : e.args)
    if (a) slots_outside_aggregates(*a, out);
  patterns_read(e, out);
}

bool is_type_of(const Expr& e, int slot) { return is_type_of_variable(e) && e.args[0]->slot == slot; }

// The slots an aggregating projection reads outside its aggregates: its grouping keys but an
// item `type(<skip>)`, its ORDER BY and its WHERE.
void slots_outside_aggregates(const Projection& p, std::vector<int>& out, int skip = -1) {
  for (const auto& item : p.items)
    if (!is_type_of(*item.expr, skip)) slots_outside_aggregates(*item.expr, out);
  for (const auto& s : p.order) slots_outside_aggregates(*s.expr, out);
  if (p.where) slots_outside_aggregates(*p.where, out);
}

// Slot `s` is new to MATCH `m` and appears once in `reads`: only where it is bound.
bool read_once(const Clause& m, const std::vector<int>& reads, int s) {
  return contains(m.new_slots, s) && std::count(reads.begin(), reads.end(), s) == 1;
}

// The WITH or RETURN right after clause k, if there is one.
const Projection* next_projection(const SingleQuery& q, std::size_t k) {
  if (k + 1 >= q.clauses.size()) return nullptr;
  const Clause& next = q.clauses[k + 1];
  return next.kind == Clause::Kind::with || next.kind == Clause::Kind::return_ ? &next.proj : nullptr;
}

// The last pattern of MATCH `m` when it is a chain of hops: no path variable, no shortestPath.
const Pattern* last_chain(const Clause& m) {
  const Pattern& last = m.patterns.back();
  return last.path_slot >= 0 || last.shortest != Pattern::Shortest::none || last.rels.empty() ? nullptr : &last;
}

// Would match.cpp find pattern `p` by a scan of the edge array (its `scans_edges`)? The ends
// and the relationship must be new to the clause and appear in no other pattern of it.
bool scanned(const Pattern& p, const std::vector<int>& reads, const Clause& m) {
  if (p.rels.size() != 1 || p.rels[0].var_length || !read_once(m, reads, p.rels[0].slot)) return false;
  return std::all_of(p.nodes.begin(), p.nodes.end(), [&](const NodePattern& n) {
    return n.labels.empty() && n.props.empty() && !n.props_param && contains(m.new_slots, n.slot);
  });
}

// Clause k is a MATCH: may it hand on rows that stand for many matches?
void plan_counting(const SingleQuery& q, std::size_t k, MatchPlan& plan) {
  const Clause& m = q.clauses[k];
  const Projection* next = next_projection(q, k);
  if (m.optional || !next || !next->aggregating || next->star) return;
  const Projection& proj = *next;
  if (!std::all_of(proj.aggregates.begin(), proj.aggregates.end(), [&](const Expr* a) { return counts_rows(*a, m); }))
    return;
  // Every slot read in the clause or by the projection outside its counts, each node and
  // relationship of the patterns counting once for itself.
  std::vector<int> reads;
  for (const auto& p : m.patterns) slots_read(p, reads);
  if (m.where) slots_read(*m.where, reads);
  const std::size_t in_clause = reads.size();
  const Pattern* chain = last_chain(m);
  const bool lone = chain && m.patterns.size() == 1 && scanned(*chain, reads, m);
  const int rel = lone ? chain->rels[0].slot : -1;
  const bool by_type = std::any_of(proj.items.begin(), proj.items.end(),
                                   [&](const ProjectionItem& item) { return is_type_of(*item.expr, rel); });
  slots_outside_aggregates(proj, reads, rel);
  plan.summed = !by_type && std::none_of(reads.begin() + static_cast<std::ptrdiff_t>(in_clause), reads.end(),
                                         [&](int s) { return contains(m.new_slots, s); });
  if (!chain) return;
  const Pattern& last = *chain;
  auto unread = [&](int s) { return read_once(m, reads, s); };
  auto free_node = [&](const NodePattern& n) {
    return n.labels.empty() && n.props.empty() && !n.props_param && unread(n.slot);
  };
  if (lone) {
    const RelPattern& r = last.rels[0];
    if (r.dir != Dir::both && r.props.empty() && unread(r.slot) && free_node(last.nodes[0]) && free_node(last.nodes[1]))
      plan.edge_counts = by_type ? MatchPlan::EdgeCounts::per_type : MatchPlan::EdgeCounts::total;
    plan.summed = plan.summed && plan.edge_counts == MatchPlan::EdgeCounts::none;  // else one row already
    return;  // a scanned pattern takes no step, so it has no last hop to count
  }
  // A tail's end may have labels: the count then checks the far ends' types.
  auto free_end = [&](const NodePattern& n) { return n.props.empty() && !n.props_param && unread(n.slot); };
  auto free_rel = [&](const RelPattern& r) { return !r.var_length && r.props.empty() && unread(r.slot); };
  plan.tail_first = free_end(last.nodes.front()) && free_rel(last.rels.front());
  plan.tail_last = free_end(last.nodes.back()) && free_rel(last.rels.back());
  if (plan.tail_last)
    for (std::size_t k = last.rels.size(); k > 0 && free_rel(last.rels[k - 1]) && free_end(last.nodes[k]); --k)
      ++plan.tail_hops;
}

// ---- distinct ends instead of paths (MatchPlan::reach_first, reach_last)

// `end <> x` or `x <> end`, two variables: x's slot, else -1.
int unlike_of(const Expr& t, int end) {
  if (t.kind != Expr::Kind::binary || t.op != Op::ne || t.args.size() != 2) return -1;
  const Expr &l = *t.args[0], &r = *t.args[1];
  if (l.kind != Expr::Kind::variable || r.kind != Expr::Kind::variable || l.slot == r.slot) return -1;
  return l.slot == end ? r.slot : r.slot == end ? l.slot : -1;
}

// May the reached nodes of `end` go on as one set (MatchPlan::set_slot)?
void plan_reach_set(const Projection& proj, int end, MatchPlan& plan) {
  if (!proj.aggregating || !std::all_of(proj.aggregates.begin(), proj.aggregates.end(), [&](const Expr* a) {
        return a->kind == Expr::Kind::aggregate && a->name == "count" && a->distinct && a->args.size() == 1 &&
               a->args[0]->kind == Expr::Kind::variable && a->args[0]->slot == end;
      }))
    return;
  std::vector<int> reads;
  slots_outside_aggregates(proj, reads);
  for (const Expr* t : plan.residual) slots_read(*t, reads);
  if (contains(reads, end)) return;
  std::vector<int> unlike;
  for (const Filter& f : plan.pushed) {
    if (!contains(f.slots, end)) continue;
    const int x = unlike_of(*f.expr, end);
    if (x < 0) return;
    unlike.push_back(x);
  }
  plan.set_slot = end;
  plan.set_unlike = std::move(unlike);
}

void plan_reach(const SingleQuery& q, std::size_t k, MatchPlan& plan) {
  const Clause& m = q.clauses[k];
  const Projection* next = next_projection(q, k);
  const Pattern* chain = last_chain(m);
  if (!next || !chain || next->star) return;
  const Projection& proj = *next;
  const Pattern& last = *chain;
  const bool distinct_rows =
      proj.aggregating ? std::all_of(proj.aggregates.begin(), proj.aggregates.end(),
                                     [](const Expr* a) { return a->kind == Expr::Kind::aggregate && a->distinct; })
                       : proj.distinct;
  if (!distinct_rows) return;
  std::vector<int> reads;
  for (const auto& p : m.patterns) slots_read(p, reads);
  auto reaches = [&](const RelPattern& r, const NodePattern& end) {
    // An end pinned by id is where the search starts, not where it ends.
    return r.var_length && r.var.empty() && r.props.empty() && r.min_hops <= 1 && end.props.empty() &&
           !end.props_param && read_once(m, reads, end.slot);
  };
  plan.reach_first = reaches(last.rels.front(), last.nodes.front());
  plan.reach_last = reaches(last.rels.back(), last.nodes.back());
  // Either end may be the one reached, as the search starts at the other (match.cpp).
  if (plan.reach_last) plan_reach_set(proj, last.nodes.back().slot, plan);
  if (plan.reach_first && plan.set_slot < 0) plan_reach_set(proj, last.nodes.front().slot, plan);
}

// ---- nodes given their label (MatchPlan::named)

void plan_named(const Clause& m, MatchPlan& plan) {
  auto fixed = [&](const Expr& x) { return known_before(x, m.new_slots); };
  auto label_of = [](const Expr& e, int slot) {
    return e.kind == Expr::Kind::property && e.field == Field::label && e.args[0]->kind == Expr::Kind::variable &&
           e.args[0]->slot == slot;
  };
  for (const auto& p : m.patterns)
    for (const auto& n : p.nodes) {
      if (!contains(m.new_slots, n.slot)) continue;
      const Expr* given = nullptr;
      for (const auto& [key, x] : n.props)
        if (key == "label" && n.label_builtin && fixed(*x)) given = x.get();
      for (const Filter& f : plan.pushed) {
        const Expr& t = *f.expr;
        if (given || f.slots != std::vector<int>{n.slot} || t.kind != Expr::Kind::binary || t.op != Op::eq) continue;
        if (label_of(*t.args[0], n.slot) && fixed(*t.args[1])) given = t.args[1].get();
        if (label_of(*t.args[1], n.slot) && fixed(*t.args[0])) given = t.args[0].get();
      }
      if (given) plan.named.emplace_back(&n, given);
    }
}

// ---- an UNWIND's list as the starts of the next MATCH (MatchPlan::listed)

// Every slot clause `c` reads (a node or relationship of its patterns counting once for itself).
void clause_reads(const Clause& c, std::vector<int>& out) {
  for (const auto& p : c.patterns) slots_read(p, out);
  for (const Expr* e : {c.where.get(), c.expr.get(), c.proj.where.get()})
    if (e) slots_read(*e, out);
  for (const auto& item : c.proj.items) slots_read(*item.expr, out);
  for (const auto& s : c.proj.order) slots_read(*s.expr, out);
  out.insert(out.end(), c.proj.star_slots.begin(), c.proj.star_slots.end());
}

void plan_listed(const SingleQuery& q, std::size_t k, MatchPlan& plan) {
  if (k == 0 || q.clauses[k - 1].kind != Clause::Kind::unwind || q.clauses[k].optional) return;
  const int x = q.clauses[k - 1].slot;
  const Clause& m = q.clauses[k];
  const Pattern& first = m.patterns.front();
  if (first.shortest != Pattern::Shortest::none ||
      !std::all_of(first.nodes.begin(), first.nodes.end(),
                   [&](const NodePattern& n) { return contains(m.new_slots, n.slot); }))
    return;
  std::vector<int> reads;
  for (std::size_t j = k; j < q.clauses.size(); ++j) clause_reads(q.clauses[j], reads);
  if (std::count(reads.begin(), reads.end(), x) != 1) return;
  for (std::size_t j = 0; j < first.nodes.size(); ++j) {
    const NodePattern& n = first.nodes[j];
    if (n.id_builtin && n.props.size() == 1 && !n.props_param && n.props[0].first == "id" &&
        n.props[0].second->kind == Expr::Kind::variable && n.props[0].second->slot == x)
      plan.listed = static_cast<int>(j);
  }
}

}  // namespace

bool known_before(const Expr& x, const std::vector<int>& fresh) {
  return x.kind == Expr::Kind::literal || x.kind == Expr::Kind::param ||
         (x.kind == Expr::Kind::variable && !contains(fresh, x.slot));
}

void plan(Statement& st, const Schema& schema, const Text& text) {
  Folder fold(schema, text);
  for (auto& q : st.parts) {
    for (auto& c : q.clauses) {
      for (auto& p : c.patterns) fold.pattern(p);
      fold.expr(c.where);
      fold.expr(c.expr);
      fold.projection(c.proj);
    }
    for (std::size_t k = 0; k < q.clauses.size(); ++k) {
      if (q.clauses[k].kind != Clause::Kind::match) continue;
      auto match_plan = split_where(q.clauses[k], schema);
      plan_counting(q, k, *match_plan);
      plan_reach(q, k, *match_plan);
      plan_listed(q, k, *match_plan);
      plan_named(q.clauses[k], *match_plan);
      q.clauses[k].plan = std::move(match_plan);
    }
  }
}

}  // namespace diplograph::ql
