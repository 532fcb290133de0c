#include <algorithm>
#include <map>

#include "query/plan.hpp"

namespace diplograph::ql {

std::string_view type_name(Type t) noexcept {
  static constexpr std::string_view names[] = {"any",  "null", "boolean", "number",       "string",
                                               "date", "list", "node",    "relationship", "path"};
  return names[static_cast<int>(t)];
}

namespace {

constexpr std::string_view node_builtins[] = {"id",   "label", "type", "modality", "aliases",
                                              "date", "start", "end",  "when"};
constexpr std::string_view edge_builtins[] = {"id", "type", "modality", "date", "start", "end", "when"};
constexpr std::string_view plover_builtins[] = {"category", "quad", "score"};
constexpr std::string_view functions[] = {"count", "date",  "type", "id",     "label",
                                          "lower", "upper", "size", "within", "overlaps"};

Type kind_type(const PropertySpec& spec) {
  if (spec.list) return Type::list;
  switch (spec.kind) {
    case ValueKind::string:
    case ValueKind::enumeration:
      return Type::string;
    case ValueKind::integer:
    case ValueKind::real:
      return Type::number;
    case ValueKind::boolean:
      return Type::boolean;
    case ValueKind::date:
      return Type::date;
  }
  return Type::any;
}

Type builtin_type(std::string_view name) {
  if (name == "aliases") return Type::list;
  if (name == "date" || name == "start" || name == "end" || name == "when") return Type::date;
  if (name == "score") return Type::number;
  return Type::string;
}

bool comparable(Type a, Type b) {
  if (a == Type::any || b == Type::any || a == Type::null || b == Type::null) return true;
  return a == b;
}

class Checker {
 public:
  Checker(Plan& plan, const Schema& schema, const Text& text) : p_(plan), schema_(schema), text_(text) {}

  void run() {
    for (auto& pattern : p_.st.patterns) bind_pattern(pattern);
    if (p_.st.where) {
      resolve(*p_.st.where, false);
      expect_boolean(*p_.st.where, "WHERE");
      split(p_.st.where.get());
    }
    for (auto& item : p_.st.items) {
      resolve(*item.expr, true);
      p_.aggregate = p_.aggregate || item.expr->aggregate;
      const bool counts = item.expr->kind == Expr::Kind::count_star ||
                          (item.expr->kind == Expr::Kind::call && item.expr->name == "count");
      if (item.expr->aggregate && !counts) fail(item.pos, "count() must be a whole RETURN item");
      p_.columns.push_back(item.name);
    }
    for (auto& s : p_.st.order) resolve_sort(s);
  }

 private:
  [[noreturn]] void fail(std::size_t pos, const std::string& message) const {
    text_.fail(ErrorCode::query, pos, message);
  }

  int declare(const std::string& name, std::size_t pos, VarKind kind, std::vector<bool> types) {
    auto& vars = p_.st.vars;
    if (name.empty()) {
      vars.push_back({" anon" + std::to_string(vars.size()), kind, pos, std::move(types), true});
      return static_cast<int>(vars.size() - 1);
    }
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (vars[i].name != name) continue;
      if (vars[i].kind != kind || kind != VarKind::node)
        fail(pos, kind == VarKind::node           ? "'" + name + "' is a relationship, used here as a node"
                  : vars[i].kind == VarKind::node ? "'" + name + "' is a node, used here as a relationship"
                                                  : "relationship variable '" + name + "' is already bound");
      if (!types.empty()) {  // a node named twice has every label it is given
        if (vars[i].types.empty())
          vars[i].types = types;
        else
          for (std::size_t t = 0; t < types.size(); ++t) vars[i].types[t] = vars[i].types[t] && types[t];
      }
      return static_cast<int>(i);
    }
    vars.push_back({name, kind, pos, std::move(types), false});
    return static_cast<int>(vars.size() - 1);
  }

  std::vector<bool> node_types(const std::vector<std::pair<std::string, std::size_t>>& labels) {
    if (labels.empty()) return {};
    std::vector<bool> mask(schema_.node_types().size());
    for (const auto& [name, pos] : labels) {
      const NodeType* t = schema_.find_node_type(name);
      if (!t) {
        std::string best = schema_.suggest_node_type(name);
        fail(pos, "unknown node type '" + name + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?"));
      }
      for (TypeId sub : schema_.subtypes(t->id)) mask[sub] = true;
    }
    return mask;
  }

  std::vector<TypeId> edge_types(const std::vector<std::pair<std::string, std::size_t>>& labels) {
    std::vector<TypeId> out;
    for (const auto& [name, pos] : labels) {
      const EdgeType* t = schema_.find_edge_type(name);
      if (!t) {
        std::string best = schema_.suggest_edge_type(name);
        fail(pos, "unknown relationship type '" + name + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?"));
      }
      out.push_back(t->id);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // A property map {k: v} on a pattern element is the condition `var.k = v`.
  void map_conditions(int slot, std::vector<std::pair<std::string, ExprPtr>>& props, std::size_t pos) {
    for (auto& [key, value] : props) {
      auto var = std::make_unique<Expr>();
      var->kind = Expr::Kind::variable;
      var->name = p_.st.vars[slot].name;
      var->pos = var->end = pos;
      auto prop = std::make_unique<Expr>();
      prop->kind = Expr::Kind::property;
      prop->name = key;
      prop->pos = value->pos;
      prop->args.push_back(std::move(var));
      auto eq = std::make_unique<Expr>();
      eq->kind = Expr::Kind::binary;
      eq->op = Op::eq;
      eq->pos = value->pos;
      eq->args.push_back(std::move(prop));
      eq->args.push_back(std::move(value));
      p_.owned.push_back(std::move(eq));
    }
  }

  void bind_pattern(Pattern& pattern) {
    std::vector<std::size_t> first_owned;
    for (auto& n : pattern.nodes) {
      n.types = node_types(n.labels);
      n.slot = declare(n.var, n.var.empty() ? n.pos : n.var_pos, VarKind::node, n.types);
      const std::size_t before = p_.owned.size();
      map_conditions(n.slot, n.props, n.pos);
      for (std::size_t i = before; i < p_.owned.size(); ++i) resolve_owned(i);
    }
    for (auto& r : pattern.rels) {
      r.types = edge_types(r.labels);
      std::vector<bool> mask;
      if (!r.types.empty()) {
        mask.assign(schema_.edge_types().size(), false);
        for (TypeId t : r.types) mask[t] = true;
      }
      r.slot =
          declare(r.var, r.var.empty() ? r.pos : r.var_pos, r.variable_length ? VarKind::path : VarKind::edge, mask);
      if (r.variable_length && !r.props.empty())
        fail(r.pos, "a variable-length relationship cannot have a property map");
      const std::size_t before = p_.owned.size();
      map_conditions(r.slot, r.props, r.pos);
      for (std::size_t i = before; i < p_.owned.size(); ++i) resolve_owned(i);
    }
  }

  void resolve_owned(std::size_t i) {
    Expr& e = *p_.owned[i];
    // The variable was just declared; resolve by slot since anonymous names are hidden.
    Expr& var = *e.args[0]->args[0];
    for (std::size_t s = 0; s < p_.st.vars.size(); ++s)
      if (p_.st.vars[s].name == var.name) var.slot = static_cast<int>(s);
    var.type = var_type(p_.st.vars[var.slot].kind);
    resolve_property(*e.args[0]);
    resolve(*e.args[1], false);
    resolve_binary(e);
    split(&e);
  }

  static Type var_type(VarKind k) {
    return k == VarKind::node ? Type::node : k == VarKind::edge ? Type::edge : Type::path;
  }

  void resolve(Expr& e, bool in_return) {
    switch (e.kind) {
      case Expr::Kind::literal:
        e.type = e.literal.is_null()     ? Type::null
                 : e.literal.is_bool()   ? Type::boolean
                 : e.literal.is_string() ? Type::string
                 : e.literal.is_date()   ? Type::date
                 : e.literal.is_list()   ? Type::list
                                         : Type::number;
        return;
      case Expr::Kind::variable:
        return resolve_variable(e);
      case Expr::Kind::property:
        resolve(*e.args[0], in_return);
        return resolve_property(e);
      case Expr::Kind::count_star:
        if (!in_return) fail(e.pos, "count(*) is only allowed in RETURN");
        e.aggregate = true;
        e.type = Type::number;
        return;
      case Expr::Kind::call:
        return resolve_call(e, in_return);
      case Expr::Kind::not_:
        resolve(*e.args[0], in_return);
        expect_boolean(*e.args[0], "NOT");
        e.aggregate = e.args[0]->aggregate;
        e.type = Type::boolean;
        return;
      case Expr::Kind::is_null:
        resolve(*e.args[0], in_return);
        e.aggregate = e.args[0]->aggregate;
        e.type = Type::boolean;
        return;
      case Expr::Kind::list:
        for (auto& a : e.args) {
          resolve(*a, in_return);
          e.aggregate = e.aggregate || a->aggregate;
        }
        e.type = Type::list;
        return;
      case Expr::Kind::binary:
        resolve(*e.args[0], in_return);
        resolve(*e.args[1], in_return);
        e.aggregate = e.args[0]->aggregate || e.args[1]->aggregate;
        return resolve_binary(e);
    }
  }

  void resolve_variable(Expr& e) {
    std::vector<std::string> names;
    for (std::size_t s = 0; s < p_.st.vars.size(); ++s) {
      const Variable& v = p_.st.vars[s];
      if (v.hidden) continue;
      if (v.name == e.name) {
        e.slot = static_cast<int>(s);
        e.type = var_type(v.kind);
        return;
      }
      names.push_back(v.name);
    }
    fail(e.pos, "unknown variable '" + e.name + "'" + did_you_mean(e.name, names));
  }

  void resolve_property(Expr& e) {
    const Expr& object = *e.args[0];
    if (object.type == Type::path)
      fail(e.pos, "'" + object.name +
                      "' is a variable-length relationship (a list of relationships); it has no property '" + e.name +
                      "'");
    if (object.type != Type::node && object.type != Type::edge)
      fail(e.pos,
           "type mismatch: only nodes and relationships have properties, not " + std::string(type_name(object.type)));
    const Variable& var = p_.st.vars[object.slot];
    std::vector<std::string> candidates;
    const bool node = object.type == Type::node;
    for (std::string_view b :
         node ? std::span<const std::string_view>(node_builtins) : std::span<const std::string_view>(edge_builtins))
      candidates.emplace_back(b);
    if (std::find(candidates.begin(), candidates.end(), e.name) != candidates.end()) {
      e.type = builtin_type(e.name);
      return;
    }
    std::optional<Type> found;
    bool plover = false;
    auto consider = [&](const PropertySpec& spec) {
      candidates.push_back(spec.name);
      if (spec.kind == ValueKind::enumeration && spec.vocabulary == Schema::plover_vocabulary) plover = true;
      if (spec.name != e.name) return;
      const Type t = kind_type(spec);
      found = !found || *found == t ? t : Type::any;
    };
    if (node) {
      for (const NodeType& t : schema_.node_types())
        if (var.types.empty() || var.types[t.id])
          for (const PropertySpec* spec : schema_.node_properties(t.id)) consider(*spec);
    } else {
      for (const EdgeType& t : schema_.edge_types())
        if (var.types.empty() || var.types[t.id])
          for (const PropertySpec& spec : t.props) consider(spec);
    }
    if (found) {
      e.type = *found;
      return;
    }
    if (plover) {
      for (std::string_view b : plover_builtins) candidates.emplace_back(b);
      if (e.name == "quad" || e.name == "score" || e.name == "category") {
        e.type = e.name == "score" ? Type::number : Type::string;
        return;
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::string what = var.hidden ? (node ? "this node" : "this relationship") : "'" + var.name + "'";
    std::string hint = did_you_mean(e.name, candidates);
    if (hint.empty()) hint = owner_hint(e.name, node);
    fail(e.pos, "unknown property '" + e.name + "' of " + what + hint);
  }

  // "; it is a property of Event" when another type has it, so the fix is a label.
  std::string owner_hint(const std::string& name, bool node) const {
    if (node) {
      for (const NodeType& t : schema_.node_types())
        for (const PropertySpec& spec : t.props)
          if (spec.name == name) return "; it is a property of " + t.name;
    } else {
      for (const EdgeType& t : schema_.edge_types())
        for (const PropertySpec& spec : t.props)
          if (spec.name == name) return "; it is a property of " + t.name;
    }
    return "";
  }

  void expect_arity(const Expr& e, std::size_t n) {
    if (e.args.size() != n)
      fail(e.pos, e.name + "() takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got " +
                      std::to_string(e.args.size()));
  }
  void expect_arg(const Expr& fn, const Expr& arg, Type t) {
    if (arg.type != t && arg.type != Type::any && arg.type != Type::null)
      fail(arg.pos, "type mismatch: " + fn.name + "() needs a " + std::string(type_name(t)) + ", got a " +
                        std::string(type_name(arg.type)));
  }

  void resolve_call(Expr& e, bool in_return) {
    if (std::find(std::begin(functions), std::end(functions), e.name) == std::end(functions)) {
      std::vector<std::string> names(std::begin(functions), std::end(functions));
      fail(e.pos, "unknown function '" + e.name + "'" + did_you_mean(e.name, names));
    }
    for (auto& a : e.args) resolve(*a, in_return);
    if (e.name == "count") {
      if (!in_return) fail(e.pos, "count() is only allowed in RETURN");
      expect_arity(e, 1);
      e.aggregate = true;
      e.type = Type::number;
      return;
    }
    for (auto& a : e.args)
      if (a->aggregate) fail(a->pos, "count() cannot be nested in " + e.name + "()");
    if (e.name == "date") {
      expect_arity(e, 1);
      expect_arg(e, *e.args[0], Type::string);
      if (e.args[0]->kind == Expr::Kind::literal) {
        std::string why;
        Date d;
        if (!Date::try_parse(e.args[0]->literal.as_string(), d, &why)) fail(e.args[0]->pos, why);
        e.kind = Expr::Kind::literal;
        e.literal = d;
        e.args.clear();
      }
      e.type = Type::date;
    } else if (e.name == "type") {
      expect_arity(e, 1);
      expect_arg(e, *e.args[0], Type::edge);
      e.type = Type::string;
    } else if (e.name == "id" || e.name == "label") {
      expect_arity(e, 1);
      if (e.args[0]->type != Type::node && (e.name == "label" || e.args[0]->type != Type::edge))
        fail(e.args[0]->pos, "type mismatch: " + e.name + "() needs a node" +
                                 (e.name == "id" ? " or a relationship" : "") + ", got a " +
                                 std::string(type_name(e.args[0]->type)));
      e.type = Type::string;
    } else if (e.name == "lower" || e.name == "upper") {
      expect_arity(e, 1);
      expect_arg(e, *e.args[0], Type::string);
      e.type = Type::string;
    } else if (e.name == "size") {
      expect_arity(e, 1);
      if (e.args[0]->type != Type::string && e.args[0]->type != Type::list && e.args[0]->type != Type::path &&
          e.args[0]->type != Type::any && e.args[0]->type != Type::null)
        fail(e.args[0]->pos,
             "type mismatch: size() needs a string or a list, got a " + std::string(type_name(e.args[0]->type)));
      e.type = Type::number;
    } else {  // within, overlaps
      expect_arity(e, 3);
      for (auto& a : e.args) expect_arg(e, *a, Type::date);
      e.type = Type::boolean;
    }
  }

  void resolve_binary(Expr& e) {
    const Type a = e.args[0]->type, b = e.args[1]->type;
    auto mismatch = [&](const std::string& what) {
      std::string hint;
      if ((a == Type::date && b == Type::string && e.args[1]->kind == Expr::Kind::literal) ||
          (b == Type::date && a == Type::string && e.args[0]->kind == Expr::Kind::literal))
        hint = "; write the date as date('...')";
      fail(e.pos, "type mismatch: " + what + hint);
    };
    switch (e.op) {
      case Op::and_:
      case Op::or_:
      case Op::xor_:
        expect_boolean(*e.args[0], "a logical operator");
        expect_boolean(*e.args[1], "a logical operator");
        break;
      case Op::contains:
      case Op::starts_with:
      case Op::ends_with:
        for (Type t : {a, b})
          if (!comparable(t, Type::string))
            mismatch(std::string(e.op == Op::contains      ? "CONTAINS"
                                 : e.op == Op::starts_with ? "STARTS WITH"
                                                           : "ENDS WITH") +
                     " needs strings, got a " + std::string(type_name(t)));
        break;
      case Op::in:
        if (!comparable(b, Type::list)) mismatch("IN needs a list on its right, got a " + std::string(type_name(b)));
        if (e.args[1]->kind == Expr::Kind::list)
          for (const auto& item : e.args[1]->args)
            if (!comparable(a, item->type))
              fail(item->pos,
                   "type mismatch: cannot compare a " + std::string(type_name(a)) + " with a " +
                       std::string(type_name(item->type)) +
                       (a == Type::date && item->type == Type::string ? "; write the date as date('...')" : ""));
        break;
      default:
        if (!comparable(a, b))
          mismatch("cannot compare a " + std::string(type_name(a)) + " with a " + std::string(type_name(b)));
        if (e.op != Op::eq && e.op != Op::ne)
          for (Type t : {a, b})
            if (t == Type::node || t == Type::edge || t == Type::path || t == Type::list || t == Type::boolean)
              mismatch("a " + std::string(type_name(t)) + " has no order; compare one of its properties");
    }
    e.type = Type::boolean;
  }

  void expect_boolean(const Expr& e, const char* where) {
    if (e.type != Type::boolean && e.type != Type::any && e.type != Type::null)
      fail(e.pos, std::string("type mismatch: ") + where + " needs a boolean, got a " + std::string(type_name(e.type)));
  }

  static void collect_slots(const Expr& e, std::vector<int>& out) {
    if (e.kind == Expr::Kind::variable && std::find(out.begin(), out.end(), e.slot) == out.end()) out.push_back(e.slot);
    for (const auto& a : e.args) collect_slots(*a, out);
  }

  void split(const Expr* e) {
    if (e->kind == Expr::Kind::binary && e->op == Op::and_) {
      split(e->args[0].get());
      split(e->args[1].get());
      return;
    }
    Conjunct c;
    c.expr = e;
    collect_slots(*e, c.slots);
    if (e->kind == Expr::Kind::binary && e->op == Op::eq)
      for (int side = 0; side < 2; ++side) {
        const Expr& prop = *e->args[side];
        const Expr& value = *e->args[1 - side];
        if (prop.kind == Expr::Kind::property && prop.name == "id" && prop.args[0]->type == Type::node &&
            value.kind == Expr::Kind::literal && value.literal.is_string()) {
          c.id_slot = prop.args[0]->slot;
          c.id = value.literal.as_string();
        }
      }
    p_.conjuncts.push_back(std::move(c));
  }

  void resolve_sort(SortItem& s) {
    const std::string_view written = text_.view().substr(s.expr->pos, s.expr->end - s.expr->pos);
    for (std::size_t i = 0; i < p_.st.items.size(); ++i) {
      const ReturnItem& item = p_.st.items[i];
      const std::string_view item_text = text_.view().substr(item.expr->pos, item.expr->end - item.expr->pos);
      if ((s.expr->kind == Expr::Kind::variable && s.expr->name == item.name) || written == item_text) {
        s.column = static_cast<int>(i);
        return;
      }
    }
    if (p_.aggregate || p_.st.distinct)
      fail(s.expr->pos, std::string("with ") + (p_.aggregate ? "count()" : "DISTINCT") +
                            ", ORDER BY can only use what RETURN returns");
    resolve(*s.expr, false);
  }

  Plan& p_;
  const Schema& schema_;
  const Text& text_;
};

}  // namespace

Plan check(Statement st, const Schema& schema, const Text& text) {
  Plan plan;
  plan.st = std::move(st);
  Checker(plan, schema, text).run();
  return plan;
}

}  // namespace diplograph::ql
