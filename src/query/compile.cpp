// Name resolution and the checks that need no data: variables into row slots per clause scope,
// labels and relationship types into schema ids, properties against the schema, aggregates
// into their projection, and static type errors where the schema tells the types (types.hpp).

#include <algorithm>
#include <map>

#include "core/messages.hpp"
#include "query/names.hpp"
#include "query/plan.hpp"
#include "query/types.hpp"

namespace diplograph::ql {

namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class VarKind : std::uint8_t { value, node, edge, rel_list, path };

struct Var {
  std::string name;
  int slot = -1;
  VarKind kind = VarKind::value;
  Type type = Type::any;           // for values: what the projection is known to give
  std::vector<bool> node_types{};  // node: types its patterns allow (empty = any)
  std::vector<bool> edge_types{};  // edge: likewise
  bool citation = false;           // value: an element of sources(x), whose `stance` is an enum
};

using Scope = std::vector<Var>;

class Compiler {
 public:
  Compiler(const Schema& schema, const Text& text) : schema_(schema), text_(text) {}

  void run(Statement& st) {
    for (std::size_t k = 1; k < st.union_all.size(); ++k)
      if (st.union_all[k] != st.union_all[0])
        fail(st.parts[k + 1].clauses.front().pos, "UNION and UNION ALL cannot be mixed in one query",
             ErrorCode::syntax);
    for (std::size_t p = 0; p < st.parts.size(); ++p) {
      std::vector<std::string> columns = part(st.parts[p]);
      if (p == 0)
        st.columns = columns;
      else if (columns != st.columns)
        fail(st.parts[p].clauses.back().pos, "all queries of a UNION must return the same column names");
    }
    st.warnings = std::move(warnings_);
  }

 private:
  [[noreturn]] void fail(std::size_t pos, const std::string& message, ErrorCode code = ErrorCode::query) const {
    text_.fail(code, pos, message);
  }

  int new_slot() { return slots_++; }

  const Var* find(const Scope& s, const std::string& name) const {
    for (const Var& v : s)
      if (v.name == name) return &v;
    return nullptr;
  }

  std::vector<std::string> part(SingleQuery& q) {
    slots_ = 0;
    Scope scope;
    std::vector<std::string> columns;
    for (std::size_t c = 0; c < q.clauses.size(); ++c) {
      Clause& clause = q.clauses[c];
      const bool last = c + 1 == q.clauses.size();
      switch (clause.kind) {
        case Clause::Kind::match:
          match(clause, scope);
          break;
        case Clause::Kind::unwind: {
          resolve(*clause.expr, scope, Ctx::plain);
          if (find(scope, clause.alias)) fail(clause.pos, "variable '" + clause.alias + "' is already bound");
          clause.slot = new_slot();
          scope.push_back({.name = clause.alias,
                           .slot = clause.slot,
                           .kind = VarKind::value,
                           .citation = is_citations(*clause.expr)});
          break;
        }
        case Clause::Kind::with:
        case Clause::Kind::return_:
          if (clause.kind == Clause::Kind::return_ && !last)
            fail(q.clauses[c + 1].pos, "RETURN must be the last clause; use WITH to go on");
          scope = projection(clause.proj, scope, clause.kind == Clause::Kind::return_, clause.pos);
          if (clause.kind == Clause::Kind::return_)
            for (const auto& item : clause.proj.items) columns.push_back(item.name);
          if (clause.kind == Clause::Kind::return_ && clause.proj.star)
            for (int s : clause.proj.star_slots)
              for (const Var& v : scope)
                if (v.slot == s) columns.push_back(v.name);
          break;
      }
    }
    q.slot_count = slots_;
    return columns;
  }

  // ---- patterns

  std::vector<bool> node_types(const NodePattern& n) {
    std::vector<bool> mask;
    for (const auto& group : n.labels) {
      std::vector<bool> any(schema_.node_types().size(), false);
      for (const auto& [name, pos] : group) {
        const NodeType* t = schema_.find_node_type(name);
        if (!t) {
          // A likely typo is an error; any other unknown type matches nothing (open world).
          std::string best = schema_.suggest_node_type(name);
          if (!best.empty()) fail(pos, detail::unknown("node type", name, detail::did_you_mean(best)));
          continue;
        }
        for (TypeId sub : schema_.subtypes(t->id)) any[sub] = true;
      }
      if (mask.empty())
        mask = std::move(any);
      else
        for (std::size_t k = 0; k < mask.size(); ++k) mask[k] = mask[k] && any[k];
    }
    return mask;
  }

  std::vector<TypeId> edge_types(const RelPattern& r, bool& impossible) {
    std::vector<TypeId> out;
    for (const auto& [name, pos] : r.labels) {
      const EdgeType* t = schema_.find_edge_type(name);
      if (!t) {
        std::string best = schema_.suggest_edge_type(name);
        if (!best.empty()) fail(pos, detail::unknown("relationship type", name, detail::did_you_mean(best)));
        continue;
      }
      out.push_back(t->id);
    }
    if (out.empty() && !r.labels.empty()) impossible = true;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Var& bind(Scope& scope, const std::string& name, std::size_t pos, VarKind kind, std::vector<int>& fresh) {
    if (!name.empty())
      for (Var& v : scope) {
        if (v.name != name) continue;
        const bool fresh_here = std::find(fresh.begin(), fresh.end(), v.slot) != fresh.end();
        if (kind == VarKind::node && v.kind == VarKind::value && v.type != Type::any && v.type != Type::null &&
            v.type != Type::node)
          fail(pos, "'" + name + "' is a " + std::string(type_name(v.type)) + ", used here as a node");
        if (kind != VarKind::node && v.kind == VarKind::value && v.type != Type::any && v.type != Type::null &&
            v.type != Type::edge && (v.type != Type::list || kind == VarKind::edge))
          fail(pos, "'" + name + "' is a " + std::string(type_name(v.type)) + ", used here as a relationship");
        if (kind == VarKind::node && v.kind != VarKind::node && v.kind != VarKind::value)
          fail(pos, "'" + name + "' is a " + std::string(v.kind == VarKind::path ? "path" : "relationship") +
                        ", used here as a node");
        if (kind != VarKind::node && v.kind == VarKind::node)
          fail(pos, "'" + name + "' is a node, used here as a relationship");
        if (kind == VarKind::path || v.kind == VarKind::path) fail(pos, "variable '" + name + "' is already bound");
        if (kind != VarKind::node && fresh_here) fail(pos, "relationship variable '" + name + "' is already bound");
        if (kind != VarKind::node && v.kind != kind && v.kind != VarKind::value)
          fail(pos, "'" + name + "' is bound to a " +
                        std::string(v.kind == VarKind::rel_list ? "list of relationships" : "relationship") +
                        " and cannot be used as a " +
                        (kind == VarKind::rel_list ? "variable-length relationship" : "single relationship"));
        return v;
      }
    const int slot = new_slot();
    fresh.push_back(slot);
    scope.push_back({.name = name, .slot = slot, .kind = kind});
    return scope.back();
  }

  void property_keys(std::vector<std::pair<std::string, ExprPtr>>& props, const Var& var, bool node, Scope& scope) {
    for (auto& [key, value] : props) {
      resolve(*value, scope, Ctx::plain);
      EnumPtr vocabulary;
      check_property(key, value->pos, var, node, &vocabulary);
      if (vocabulary && !vocabulary->list) enum_operand(*value, vocabulary);
    }
  }

  void pattern(Pattern& p, Scope& scope, std::vector<int>& fresh) {
    for (auto& n : p.nodes) {
      n.types = node_types(n);
      n.any_label = n.labels.empty();
      Var& v = bind(scope, n.var, n.pos, VarKind::node, fresh);
      v.kind = VarKind::node;
      if (!n.types.empty()) {
        if (v.node_types.empty())
          v.node_types = n.types;
        else
          for (std::size_t k = 0; k < n.types.size(); ++k) v.node_types[k] = v.node_types[k] && n.types[k];
      }
      n.slot = v.slot;
    }
    for (auto& n : p.nodes) {
      const Var var = *std::find_if(scope.begin(), scope.end(), [&](const Var& v) { return v.slot == n.slot; });
      property_keys(n.props, var, true, scope);
      if (n.props_param) resolve(*n.props_param, scope, Ctx::plain);
    }
    for (auto& r : p.rels) {
      bool impossible = false;
      r.types = edge_types(r, impossible);
      if (impossible) r.impossible = true;
      if (r.var_length && r.max_hops >= 0 && r.max_hops < r.min_hops) r.impossible = true;
      Var& v = bind(scope, r.var, r.pos, r.var_length ? VarKind::rel_list : VarKind::edge, fresh);
      if (!r.types.empty()) {
        v.edge_types.assign(schema_.edge_types().size(), false);
        for (TypeId t : r.types) v.edge_types[t] = true;
      }
      r.slot = v.slot;
      const Var var = v;
      property_keys(r.props, var, false, scope);
    }
    for (std::size_t k = 0; k < p.rels.size(); ++k) warn_if_ruled_out(p, k, scope);
    if (p.shortest != Pattern::Shortest::none) {
      if (p.rels.size() != 1 || !p.rels[0].var_length)
        fail(p.pos, "shortestPath() needs one variable-length relationship, as in shortestPath((a)-[*]-(b))");
      if (p.rels[0].min_hops > 1) fail(p.rels[0].pos, "shortestPath() needs a minimal length of 0 or 1");
    }
    if (!p.path_var.empty()) {
      if (find(scope, p.path_var)) fail(p.pos, "variable '" + p.path_var + "' is already bound");
      p.path_slot = new_slot();
      fresh.push_back(p.path_slot);
      scope.push_back({.name = p.path_var, .slot = p.path_slot, .kind = VarKind::path});
    }
  }

  // ---- patterns the schema rules out

  // A relationship whose types the schema never allows between its ends' types matches
  // nothing. That is legal (as in Neo4j) but most likely a mistake, so the query gets a warning
  // that cites the rule. Variable-length relationships may pass through other types: not checked.
  void warn_if_ruled_out(const Pattern& p, std::size_t k, const Scope& scope) {
    const RelPattern& r = p.rels[k];
    if (r.var_length || r.types.empty() || r.impossible) return;
    const std::vector<bool>& left = var_at(scope, p.nodes[k].slot).node_types;
    const std::vector<bool>& right = var_at(scope, p.nodes[k + 1].slot).node_types;
    if (left.empty() && right.empty()) return;
    std::string rules;
    for (TypeId t : r.types) {
      const EdgeType& type = schema_.edge_type(t);
      const bool out = admits(type.from, left) && admits(type.to, right);
      const bool in = admits(type.from, right) && admits(type.to, left);
      if ((r.dir != Dir::in && out) || (r.dir != Dir::out && in)) return;
      rules += (rules.empty() ? "" : "; ") + type.name + " goes from " + type_names(type.from) + " to " +
               type_names(type.to);
      const Location at = schema_.declared_at(t);
      if (!at.file.empty())
        rules += " (" + at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ")";
    }
    const Diagnostic d = text_.warning(ErrorCode::schema, r.pos, rules + "; " + written(p, k) + " matches nothing");
    if (std::none_of(warnings_.begin(), warnings_.end(), [&](const Diagnostic& w) { return w.where == d.where; }))
      warnings_.push_back(d);
  }

  const Var& var_at(const Scope& scope, int slot) const {
    return *std::find_if(scope.begin(), scope.end(), [&](const Var& v) { return v.slot == slot; });
  }

  // Some node type a pattern node allows (all when `mask` is empty) is one of `allowed` or below.
  bool admits(const std::vector<TypeId>& allowed, const std::vector<bool>& mask) const {
    if (mask.empty()) return true;
    for (TypeId n = 0; n < mask.size(); ++n)
      if (mask[n] && std::any_of(allowed.begin(), allowed.end(), [&](TypeId a) { return schema_.is_a(n, a); }))
        return true;
    return false;
  }

  std::string type_names(const std::vector<TypeId>& types) const {
    std::string out;
    for (TypeId t : types) out += (out.empty() ? "" : "|") + schema_.node_type(t).name;
    return out;
  }

  // `(a:Agreement)-[:BROKER]->(b)`: relationship k of `p` with its two ends, as written.
  static std::string written(const Pattern& p, std::size_t k) {
    auto node = [](const NodePattern& n) {
      std::string out = "(" + n.var;
      for (const auto& group : n.labels) {
        out += ':';
        for (std::size_t i = 0; i < group.size(); ++i) out += (i ? "|" : "") + group[i].first;
      }
      return out + ")";
    };
    const RelPattern& r = p.rels[k];
    std::string rel = r.var + ":";
    for (std::size_t i = 0; i < r.labels.size(); ++i) rel += (i ? "|" : "") + r.labels[i].first;
    return node(p.nodes[k]) + (r.dir == Dir::in ? "<-[" : "-[") + rel + (r.dir == Dir::out ? "]->" : "]-") +
           node(p.nodes[k + 1]);
  }

  void match(Clause& c, Scope& scope) {
    std::vector<int> fresh;
    for (auto& p : c.patterns) pattern(p, scope, fresh);
    c.new_slots = fresh;
    if (c.where) {
      pattern_ok_ = true;
      resolve(*c.where, scope, Ctx::plain);
      types_.expect_boolean(*c.where, "WHERE");
    }
  }

  // ---- projections

  Scope projection(Projection& p, const Scope& in, bool is_return, std::size_t pos) {
    Scope out;
    if (p.star) {
      for (const Var& v : in)
        if (!v.name.empty()) {
          out.push_back(v);
          p.star_slots.push_back(v.slot);
        }
      if (out.empty() && p.items.empty())
        fail(pos, std::string(is_return ? "RETURN" : "WITH") + " * has no variables to return");
    }
    for (auto& item : p.items) {
      resolve(*item.expr, in, Ctx::projection, &p.aggregates);
      if (!is_return && !item.aliased && item.expr->kind != Expr::Kind::variable)
        fail(item.pos, "expression in WITH must be aliased (use AS)");
      for (const Var& v : out)
        if (v.name == item.name) fail(item.pos, "multiple result columns with the same name '" + item.name + "'");
      item.slot = new_slot();
      Var v{.name = item.name, .slot = item.slot, .kind = VarKind::value, .type = types_.of(*item.expr)};
      if (item.expr->kind == Expr::Kind::variable)
        if (const Var* src = find(in, item.expr->name)) {
          v.kind = src->kind;
          v.node_types = src->node_types;
          v.edge_types = src->edge_types;
          v.citation = src->citation;
        }
      out.push_back(std::move(v));
    }
    p.aggregating = !p.aggregates.empty();
    if (p.aggregating)
      for (auto& item : p.items)
        if (has_aggregate(*item.expr)) grouped_only(*item.expr, p);
    for (auto& s : p.order) sort_item(p, s, in, out);
    if (p.skip) constant(*p.skip, "SKIP");
    if (p.limit) constant(*p.limit, "LIMIT");
    if (p.where) {
      Scope visible = out;
      if (!p.aggregating && !p.distinct)
        for (const Var& v : in)
          if (!find(out, v.name)) visible.push_back(v);
      pattern_ok_ = true;
      resolve(*p.where, visible, Ctx::plain);
      types_.expect_boolean(*p.where, "WHERE");
    }
    return out;
  }

  static bool has_aggregate(const Expr& e) {
    if (e.kind == Expr::Kind::aggregate || e.kind == Expr::Kind::count_star) return true;
    for (const auto& a : e.args)
      if (a && has_aggregate(*a)) return true;
    return false;
  }

  std::string_view text_of(const Expr& e) const { return text_.view().substr(e.begin, e.end - e.begin); }

  // Beside its aggregates, an aggregating item may only use what it is grouped by: the
  // grouping items, written the same way, when they are variables or properties (Neo4j's rule:
  // `me.age + you.age + count(*)` is ambiguous even beside a column `me.age + you.age`).
  void grouped_only(const Expr& e, const Projection& p) {
    if (e.kind == Expr::Kind::aggregate || e.kind == Expr::Kind::count_star) return;
    for (const auto& item : p.items)
      if (item.expr.get() != &e && item.expr->kind != Expr::Kind::aggregate && text_of(*item.expr) == text_of(e)) {
        if (e.kind == Expr::Kind::variable || e.kind == Expr::Kind::property) return;
        fail(e.pos, "'" + std::string(text_of(e)) +
                        "' is used beside an aggregate; only a grouping key that is a variable or a property "
                        "may be, so compute it with WITH first");
      }
    if (e.kind == Expr::Kind::variable)
      fail(e.pos, "'" + e.name + "' is used beside an aggregate but is not a grouping key; return it as a column too");
    if (e.kind == Expr::Kind::list_comp || e.kind == Expr::Kind::quantifier || e.kind == Expr::Kind::reduce ||
        e.kind == Expr::Kind::pattern || e.kind == Expr::Kind::pattern_comp || e.kind == Expr::Kind::exists)
      return;
    for (const auto& a : e.args)
      if (a) grouped_only(*a, p);
  }

  void constant(Expr& e, const char* what) {
    Scope none;
    try {
      resolve(e, none, Ctx::plain);
    } catch (const Error&) {
      fail(e.pos, std::string("the expression of ") + what + " must be a constant (a number or a parameter)");
    }
    if (e.kind != Expr::Kind::literal) return;
    if (!e.value.is_int())
      fail(e.pos, std::string(what) + " needs a non-negative integer, got " + std::string(kind_of(e.value)),
           ErrorCode::syntax);
    if (e.value.i() < 0)
      fail(e.pos, std::string(what) + " needs a non-negative integer, got " + std::to_string(e.value.i()),
           ErrorCode::syntax);
  }

  // ORDER BY may repeat a projected item as written: the whole sort key, or inside a larger
  // key a variable, a property or an aggregate (`RETURN count(x) AS n ORDER BY $k + count(x)`;
  // openCypher refuses other repeated expressions there as ambiguous). That part then reads the
  // item's column, which is all that is left of it after grouping. Comprehensions and
  // subqueries bind their own variables, so the same text inside them may mean something else.
  void read_projected(ExprPtr& e, const Projection& p, const Scope& out, bool whole = true) {
    const bool aggregate_call = e->kind == Expr::Kind::call && is_aggregate_function(lower(e->name));
    const bool simple = e->kind == Expr::Kind::variable || e->kind == Expr::Kind::property ||
                        e->kind == Expr::Kind::count_star || aggregate_call;
    const std::string_view written = text_.view().substr(e->begin, e->end - e->begin);
    for (const auto& item : p.items) {
      if (!whole && !simple) break;
      const std::string_view item_text = text_.view().substr(item.expr->begin, item.expr->end - item.expr->begin);
      if (written == item_text &&
          !(e->kind == Expr::Kind::variable && find(out, e->name) && find(out, e->name)->slot != item.slot)) {
        const std::size_t begin = e->begin, end = e->end, pos = e->pos;
        e = std::make_unique<Expr>();
        e->kind = Expr::Kind::variable;
        e->name = item.name;
        e->slot = item.slot;
        e->begin = begin, e->end = end, e->pos = pos;
        return;
      }
    }
    switch (e->kind) {
      case Expr::Kind::list_comp:
      case Expr::Kind::quantifier:
      case Expr::Kind::reduce:
      case Expr::Kind::pattern:
      case Expr::Kind::pattern_comp:
      case Expr::Kind::exists:
        return;
      default:
        for (ExprPtr& a : e->args)
          if (a) read_projected(a, p, out, false);
    }
  }

  void sort_item(Projection& p, SortItem& s, const Scope& in, const Scope& out) {
    read_projected(s.expr, p, out);
    if (s.expr->kind == Expr::Kind::variable && s.expr->slot >= 0) return;
    if (p.aggregating || p.distinct) {
      // Only the projected columns exist after grouping or DISTINCT (and aggregates over groups).
      try {
        resolve(*s.expr, out, p.aggregating ? Ctx::projection : Ctx::plain, &p.aggregates);
      } catch (const Error& e) {
        if (e.code() != ErrorCode::query) throw;
        fail(s.expr->pos, std::string("with ") + (p.aggregating ? "aggregation" : "DISTINCT") +
                              ", ORDER BY can only use what " + "RETURN returns");
      }
      return;
    }
    // Otherwise both the new names and the variables before the projection are visible.
    Scope both = out;
    for (const Var& v : in)
      if (!find(out, v.name)) both.push_back(v);
    resolve(*s.expr, both, Ctx::plain);
  }

  // ---- expressions

  enum class Ctx : std::uint8_t { plain, projection, inside_aggregate };

  void resolve(Expr& e, const Scope& scope, Ctx ctx, std::vector<const Expr*>* aggs = nullptr) {
    // A pattern (a)-->(b) is a condition: only where a truth value is asked for.
    const bool pattern_ok = pattern_ok_;
    pattern_ok_ = false;
    switch (e.kind) {
      case Expr::Kind::literal:
        types_.literal(e);
        return;
      case Expr::Kind::param:
        return;
      case Expr::Kind::variable:
        return variable(e, scope);
      case Expr::Kind::property:
        resolve(*e.args[0], scope, ctx, aggs);
        return property(e, scope);
      case Expr::Kind::count_star:
        return aggregate(e, scope, ctx, aggs);
      case Expr::Kind::call:
        return call(e, scope, ctx, aggs);
      case Expr::Kind::list_comp:
      case Expr::Kind::quantifier:
      case Expr::Kind::reduce:
        return comprehension(e, scope, ctx, aggs);
      case Expr::Kind::pattern:
        if (!pattern_ok)
          fail(e.pos, "a pattern can only be used as a condition (in WHERE, NOT, AND, OR or exists())",
               ErrorCode::syntax);
        [[fallthrough]];
      case Expr::Kind::pattern_comp:
      case Expr::Kind::exists:
        return pattern_expression(e, scope, ctx, aggs);
      case Expr::Kind::map_proj:
        resolve(*e.args[0], scope, ctx, aggs);
        for (std::size_t k = 1; k < e.args.size(); ++k)
          if (e.args[k]) resolve(*e.args[k], scope, ctx, aggs);
        types_.set(e, Type::map);
        return;
      default:
        break;
    }
    const bool logic = e.kind == Expr::Kind::not_ ||
                       (e.kind == Expr::Kind::binary && (e.op == Op::and_ || e.op == Op::or_ || e.op == Op::xor_));
    for (auto& a : e.args) {
      pattern_ok_ = pattern_ok && logic;
      if (a) resolve(*a, scope, ctx, aggs);
    }
    switch (e.kind) {
      case Expr::Kind::not_:
        types_.expect_boolean(*e.args[0], "NOT");
        types_.set(e, Type::boolean);
        break;
      case Expr::Kind::is_null:
      case Expr::Kind::has_labels:
      case Expr::Kind::chain:
        types_.set(e, Type::boolean);
        break;
      case Expr::Kind::list:
        types_.set(e, Type::list);
        break;
      case Expr::Kind::map:
        types_.set(e, Type::map);
        break;
      case Expr::Kind::binary:
        binary(e);
        break;
      default:
        break;
    }
  }

  void variable(Expr& e, const Scope& scope) {
    std::vector<std::string> names;
    for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
      if (it->name.empty()) continue;
      if (it->name == e.name) {
        e.slot = it->slot;
        types_.set(e, it->kind == VarKind::node       ? Type::node
                      : it->kind == VarKind::edge     ? Type::edge
                      : it->kind == VarKind::path     ? Type::path
                      : it->kind == VarKind::rel_list ? Type::list
                                                      : it->type);
        rel_lists_[&e] = it->kind == VarKind::rel_list;
        return;
      }
      names.push_back(it->name);
    }
    fail(e.pos, "unknown variable '" + e.name + "'" + did_you_mean(e.name, names));
  }

  const Var* var_of(const Expr& object, const Scope& scope) const {
    if (object.kind != Expr::Kind::variable) return nullptr;
    for (const Var& v : scope)
      if (v.slot == object.slot) return &v;
    return nullptr;
  }

  void property(Expr& e, const Scope& scope) {
    const Expr& object = *e.args[0];
    const Type t = types_.of(object);
    if (object.kind == Expr::Kind::variable && rel_lists_[&object])
      fail(e.pos,
           "'" + object.name + "' is a variable-length relationship (a list of relationships); it has no property '" +
               e.name + "'",
           ErrorCode::value);
    if (t == Type::number || t == Type::boolean || t == Type::string || t == Type::list || t == Type::date ||
        t == Type::path)
      types_.mismatch(e.pos, "a " + std::string(type_name(t)) + " has no property '" + e.name + "'");
    const Var* var = var_of(object, scope);
    if (var && var->citation && e.name == "stance") enums_[&e] = builtin_enum("stance", schema_);
    if (t != Type::node && t != Type::edge) return;
    Var any{.name = object.name, .slot = -1, .kind = t == Type::node ? VarKind::node : VarKind::edge};
    EnumPtr vocabulary;
    types_.set(e, check_property(e.name, e.pos, var ? *var : any, t == Type::node, &vocabulary));
    if (vocabulary) enums_[&e] = vocabulary;
  }

  // sources(x) or x.sources: a list of citation maps.
  static bool is_citations(const Expr& e) {
    return (e.kind == Expr::Kind::call && e.name == "sources") ||
           (e.kind == Expr::Kind::property && e.name == "sources");
  }

  // The type of property `name` of `var`, or an error naming the closest known property. Sets
  // `*vocabulary` when every declaration of the property (or the built-in field) is one enum.
  Type check_property(const std::string& name, std::size_t pos, const Var& var, bool node, EnumPtr* vocabulary) {
    std::vector<std::string> candidates;
    std::optional<Type> found;
    bool plover = false;
    const PropertySpec* first = nullptr;
    bool one_enum = true;
    auto consider = [&](const PropertySpec& spec) {
      candidates.push_back(spec.name);
      if (spec.kind == ValueKind::enumeration && spec.vocabulary == Schema::plover_vocabulary) plover = true;
      if (spec.name != name) return;
      const Type t = spec_type(spec);
      found = !found || *found == t ? t : Type::any;
      if (!first)
        first = &spec;
      else if (spec.kind != first->kind || spec.vocabulary != first->vocabulary || spec.list != first->list)
        one_enum = false;
    };
    const std::vector<bool>& mask = node ? var.node_types : var.edge_types;
    if (node) {
      for (const NodeType& t : schema_.node_types())
        if (mask.empty() || mask[t.id])
          for (const PropertySpec* spec : schema_.node_properties(t.id)) consider(*spec);
    } else {
      for (const EdgeType& t : schema_.edge_types())
        if (mask.empty() || mask[t.id])
          for (const PropertySpec& spec : t.props) consider(spec);
    }
    if (found) {
      if (one_enum) *vocabulary = property_enum(*first, schema_);
      return *found;
    }
    for (std::string_view b : node ? node_builtins() : edge_builtins()) {
      const bool plover_only = b == "category" || b == "quad" || b == "score";
      if (plover_only && !plover) continue;
      if (b == name) {
        *vocabulary = builtin_enum(b, schema_);
        return builtin_type(b);
      }
      candidates.emplace_back(b);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // A likely typo is an error; any other unknown property is null, as in Neo4j (open world).
    std::string hint = did_you_mean(name, candidates);
    if (hint.empty()) return Type::null;
    std::string what = var.name.empty() ? (node ? "this node" : "this relationship") : "'" + var.name + "'";
    fail(pos, "unknown property '" + name + "' of " + what + hint);
  }

  void aggregate(Expr& e, const Scope& scope, Ctx ctx, std::vector<const Expr*>* aggs) {
    if (ctx == Ctx::inside_aggregate) fail(e.pos, "an aggregate function cannot contain another aggregate");
    if (ctx != Ctx::projection || !aggs)
      fail(e.pos, e.kind == Expr::Kind::count_star
                      ? "count(*) is only allowed in RETURN and WITH"
                      : e.name + "() is an aggregate function, only allowed in RETURN and WITH");
    for (auto& a : e.args) resolve(*a, scope, Ctx::inside_aggregate, aggs);
    e.kind = e.kind == Expr::Kind::count_star ? Expr::Kind::count_star : Expr::Kind::aggregate;
    e.agg = static_cast<int>(aggs->size());
    aggs->push_back(&e);
    types_.set(e, e.name == "collect" ? Type::list : e.name == "min" || e.name == "max" ? Type::any : Type::number);
    const std::size_t want = e.name == "percentilecont" || e.name == "percentiledisc" ? 2 : 1;
    if (e.kind == Expr::Kind::aggregate && e.args.size() != want)
      fail(e.pos, e.name + "() takes " + std::to_string(want) + " argument" + (want == 1 ? "" : "s") + ", got " +
                      std::to_string(e.args.size()));
  }

  void expect_arity(const Expr& e, std::size_t lo, std::size_t hi) {
    if (e.args.size() < lo || e.args.size() > hi)
      fail(e.pos, e.name + "() takes " +
                      (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) + " argument" +
                      (hi == 1 ? "" : "s") + ", got " + std::to_string(e.args.size()));
  }

  void call(Expr& e, const Scope& scope, Ctx ctx, std::vector<const Expr*>* aggs) {
    const std::string written = e.name;
    e.name = lower(e.name);
    if (is_aggregate_function(e.name)) return aggregate(e, scope, ctx, aggs);
    if (e.distinct) fail(e.pos, "DISTINCT is only allowed in aggregate functions");
    if (e.name == "rand" && ctx == Ctx::inside_aggregate)
      fail(e.pos, "rand() cannot be used inside an aggregate function (its value is not a function of the rows)");
    e.fn = scalar_function(e.name);
    if (e.fn == Fn::none) fail(e.pos, "unknown function '" + written + "'" + did_you_mean(written, function_names()));
    if (e.value.is_bool()) fail(e.pos, "only count() takes *, not " + written + "()");
    for (auto& a : e.args) {
      pattern_ok_ = e.name == "exists";
      resolve(*a, scope, ctx, aggs);
    }
    static const std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> arity = {
        {"coalesce", {1, 1000}}, {"range", {2, 3}}, {"substring", {2, 3}}, {"replace", {3, 3}},  {"split", {2, 2}},
        {"left", {2, 2}},        {"right", {2, 2}}, {"within", {3, 3}},    {"overlaps", {3, 3}}, {"atan2", {2, 2}},
        {"e", {0, 0}},           {"pi", {0, 0}},    {"rand", {0, 0}},      {"round", {1, 3}},    {"trim", {1, 1}}};
    auto it = arity.find(e.name);
    if (it != arity.end())
      expect_arity(e, it->second.first, it->second.second);
    else
      expect_arity(e, 1, 1);
    types_.call(e);
    if (e.name == "date" && e.args[0]->kind == Expr::Kind::literal && e.args[0]->value.is_string()) {
      std::string why;
      Date d;
      if (!Date::try_parse(e.args[0]->value.s(), d, &why)) fail(e.args[0]->pos, why, ErrorCode::value);
      e.kind = Expr::Kind::literal;  // parsed once, not per row
      e.value = d;
      e.args.clear();
    }
  }

  void comprehension(Expr& e, const Scope& scope, Ctx ctx, std::vector<const Expr*>* aggs) {
    Scope inner = scope;
    if (e.kind == Expr::Kind::reduce) {
      resolve(*e.args[0], scope, ctx, aggs);
      resolve(*e.args[1], scope, ctx, aggs);
      e.slot = new_slot();
      e.slot2 = new_slot();
      inner.push_back({.name = e.names[0], .slot = e.slot, .kind = VarKind::value});
      inner.push_back({.name = e.name, .slot = e.slot2, .kind = VarKind::value});
      resolve(*e.args[2], inner, ctx == Ctx::inside_aggregate ? ctx : Ctx::plain, aggs);
      return;
    }
    resolve(*e.args[0], scope, ctx, aggs);
    e.slot = new_slot();
    inner.push_back({.name = e.name,
                     .slot = e.slot,
                     .kind = VarKind::value,
                     .type = types_.element(*e.args[0]),
                     .citation = is_citations(*e.args[0])});
    for (std::size_t k = 1; k < e.args.size(); ++k) {
      pattern_ok_ = k == 1;
      if (e.args[k]) resolve(*e.args[k], inner, ctx == Ctx::inside_aggregate ? ctx : Ctx::plain, aggs);
    }
    types_.set(e, e.kind == Expr::Kind::quantifier ? Type::boolean : Type::list);
  }

  void pattern_expression(Expr& e, const Scope& scope, Ctx ctx, std::vector<const Expr*>* aggs) {
    Scope inner = scope;
    std::vector<int> fresh;
    if (e.kind == Expr::Kind::pattern) {
      std::vector<std::pair<std::string, std::size_t>> names;
      for (const auto& n : e.pattern->nodes) names.emplace_back(n.var, n.pos);
      for (const auto& r : e.pattern->rels) names.emplace_back(r.var, r.pos);
      for (const auto& [name, pos] : names)
        if (!name.empty() && !find(scope, name))
          fail(pos, "unknown variable '" + name +
                        "': a pattern used as a condition cannot introduce new variables; use EXISTS { ... }");
    }
    pattern(*e.pattern, inner, fresh);
    for (auto& more : e.more_patterns) pattern(*more, inner, fresh);
    e.pattern->fresh = fresh;
    if (e.pattern->where) {
      pattern_ok_ = true;
      resolve(*e.pattern->where, inner, Ctx::plain);
      types_.expect_boolean(*e.pattern->where, "WHERE");
    }
    for (auto& a : e.args)
      if (a) resolve(*a, inner, ctx == Ctx::inside_aggregate ? ctx : Ctx::plain, aggs);
    types_.set(e, e.kind == Expr::Kind::pattern_comp ? Type::list : e.name == "count" ? Type::number : Type::boolean);
  }

  // The operator's type (types.hpp), and an enum-valued field compared with a value.
  void binary(Expr& e) {
    types_.binary(e);
    if (e.op == Op::eq || e.op == Op::ne)
      for (int k = 0; k < 2; ++k)
        if (EnumPtr v = enum_of(*e.args[k])) enum_operand(*e.args[1 - k], v);
    if (e.op == Op::in) {
      if (EnumPtr v = enum_of(*e.args[0]); v && !v->list) enum_elements(*e.args[1], v);
      if (EnumPtr v = enum_of(*e.args[1]); v && v->list) enum_operand(*e.args[0], v, true);
    }
  }

  // ---- enum-valued fields

  EnumPtr enum_of(const Expr& e) const {
    auto it = enums_.find(&e);
    return it == enums_.end() ? nullptr : it->second;
  }

  // A value compared with an enum-valued field: a string literal it can never equal is an error,
  // a parameter is checked when the query runs. A list field is compared with lists of them,
  // unless `element` (`'military' IN e.contexts`).
  void enum_operand(Expr& value, const EnumPtr& vocabulary, bool element = false) {
    if (value.kind == Expr::Kind::param) {
      value.allowed = vocabulary;
    } else if (vocabulary->list && !element) {
      if (value.kind == Expr::Kind::list)
        for (auto& item : value.args) enum_literal(*item, *vocabulary);
    } else {
      enum_literal(value, *vocabulary);
    }
  }
  // The list an enum-valued field is looked for in (`e.modality IN ['expected', $m]`).
  void enum_elements(Expr& list, const EnumPtr& vocabulary) {
    if (list.kind == Expr::Kind::param) list.allowed = vocabulary;
    if (list.kind == Expr::Kind::list)
      for (auto& item : list.args) enum_operand(*item, vocabulary);
  }
  void enum_literal(const Expr& value, const EnumValues& vocabulary) {
    if (value.kind != Expr::Kind::literal || !value.value.is_string()) return;
    if (std::string why = outside(vocabulary, value.value.s()); !why.empty()) fail(value.pos, why);
  }

  const Schema& schema_;
  const Text& text_;
  int slots_ = 0;
  bool pattern_ok_ = false;
  Types types_{text_};
  std::map<const Expr*, bool> rel_lists_;
  std::map<const Expr*, EnumPtr> enums_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

void compile(Statement& st, const Schema& schema, const Text& text) { Compiler(schema, text).run(st); }

}  // namespace diplograph::ql

namespace diplograph {
const std::vector<Diagnostic>& Query::warnings() const noexcept { return plan_->st.warnings; }
}  // namespace diplograph
