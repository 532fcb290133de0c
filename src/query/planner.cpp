#include "query/planner.hpp"

#include <algorithm>

#include "query/eval.hpp"

namespace diplograph::ql {
namespace {

// Functions whose value is not fixed by their arguments, or whose folding could build a large
// value before the run's limits apply.
bool foldable_call(const Expr& e) {
  if (e.args.empty()) return false;
  std::string n = e.name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

// The built-in time field `name` names, unless some node or edge type of the schema declares a
// property of that name (which shadows the built-in).
Expr::TimeField time_field(const Schema& schema, const std::string& name) {
  using F = Expr::TimeField;
  const F f = name == "date"    ? F::date
              : name == "start" ? F::start
              : name == "end"   ? F::end
              : name == "when"  ? F::when
                                : F::none;
  if (f == F::none) return f;
  for (const NodeType& t : schema.node_types())
    if (schema.node_property(t.id, name)) return F::none;
  for (const EdgeType& t : schema.edge_types())
    if (schema.edge_property(t.id, name)) return F::none;
  return f;
}

class Folder {
 public:
  Folder(const Schema& schema, const Text& text)
      : schema_(schema), budget_(limits_, text), env_{graph_, text, params_, budget_, nullptr} {}

  void expr(ExprPtr& e) {
    if (!e) return;
    for (auto& a : e->args) expr(a);
    if (e->pattern) pattern(*e->pattern);
    if (e->kind == Expr::Kind::property) e->time_field = time_field(schema_, e->name);
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
    for (auto& n : p.nodes)
      for (auto& [key, value] : n.props) expr(value);
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
  Graph graph_;
  ParamMap params_;
  QueryLimits limits_;
  Budget budget_;
  Env env_;
};

void slots_read(const Expr& e, std::vector<int>& out);

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
  if (e.pattern) slots_read(*e.pattern, out);
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

std::shared_ptr<const MatchPlan> split_where(const Clause& c) {
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
    Filter f{t, {}};
    for (int s : read)
      if (std::find(c.new_slots.begin(), c.new_slots.end(), s) != c.new_slots.end()) f.slots.push_back(s);
    std::sort(f.slots.begin(), f.slots.end());
    f.slots.erase(std::unique(f.slots.begin(), f.slots.end()), f.slots.end());
    const bool at_end =
        std::any_of(f.slots.begin(), f.slots.end(), [&](int s) { return std::count(late.begin(), late.end(), s); });
    if (at_end)
      plan->residual.push_back(t);
    else
      plan->pushed.push_back(std::move(f));
  }
  return plan;
}

}  // namespace

void plan(Statement& st, const Schema& schema, const Text& text) {
  Folder fold(schema, text);
  for (auto& q : st.parts)
    for (auto& c : q.clauses) {
      for (auto& p : c.patterns) fold.pattern(p);
      fold.expr(c.where);
      fold.expr(c.expr);
      fold.projection(c.proj);
      if (c.kind == Clause::Kind::match) c.plan = split_where(c);
    }
}

}  // namespace diplograph::ql
