#include "query/types.hpp"

namespace diplograph::ql {

std::string_view type_name(Type t) {
  static constexpr std::string_view names[] = {"any",  "null", "boolean", "number",       "string", "date",
                                               "list", "map",  "node",    "relationship", "path"};
  return names[static_cast<int>(t)];
}

Type spec_type(const PropertySpec& spec) {
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
  if (name == "aliases" || name == "sources") return Type::list;
  if (name == "date" || name == "start" || name == "end" || name == "when") return Type::date;
  if (name == "score") return Type::number;
  if (name == "from" || name == "to") return Type::node;
  return Type::string;
}

Type Types::of(const Expr& e) const {
  auto it = types_.find(&e);
  return it == types_.end() ? Type::any : it->second;
}

void Types::mismatch(std::size_t pos, const std::string& message) const {
  text_.fail(ErrorCode::query, pos, "type mismatch: " + message);
}

void Types::expect_boolean(const Expr& e, const char* where) const {
  const Type t = of(e);
  if (t != Type::boolean && t != Type::any && t != Type::null)
    mismatch(e.pos, std::string(where) + " needs a boolean, got a " + std::string(type_name(t)));
}

void Types::literal(const Expr& e) {
  set(e, e.value.is_null()     ? Type::null
         : e.value.is_bool()   ? Type::boolean
         : e.value.is_string() ? Type::string
         : e.value.is_number() ? Type::number
                               : Type::any);
}

void Types::binary(const Expr& e) {
  const Type a = of(*e.args[0]), b = of(*e.args[1]);
  auto known = [](Type t) { return t != Type::any && t != Type::null; };
  switch (e.op) {
    case Op::and_:
    case Op::or_:
    case Op::xor_:
      for (const auto& x : e.args) expect_boolean(*x, "a logical operator");
      set(e, Type::boolean);
      return;
    case Op::contains:
    case Op::starts_with:
    case Op::ends_with:
      // Cypher makes a non-string operand null (`'abc' STARTS WITH true`); only a property the
      // schema types otherwise (`s.population CONTAINS '1'`) is surely a mistake.
      for (const auto& x : e.args)
        if (const Type t = of(*x); x->kind == Expr::Kind::property && known(t) && t != Type::string)
          mismatch(e.pos, std::string(e.op == Op::contains      ? "CONTAINS"
                                      : e.op == Op::starts_with ? "STARTS WITH"
                                                                : "ENDS WITH") +
                              " needs strings, got a " + std::string(type_name(t)));
      set(e, Type::boolean);
      return;
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge:
      // Dates are diplograph's own: comparing one with anything else is a mistake, not null.
      if (known(a) && known(b) && a != b && (a == Type::date || b == Type::date)) {
        const bool hint = (a == Type::string && e.args[0]->kind == Expr::Kind::literal) ||
                          (b == Type::string && e.args[1]->kind == Expr::Kind::literal);
        mismatch(e.pos, "cannot compare a " + std::string(type_name(a)) + " with a " + std::string(type_name(b)) +
                            (hint ? "; write the date as date('...')" : ""));
      }
      set(e, Type::boolean);
      return;
    case Op::in:
      if (known(b) && b != Type::list)
        mismatch(e.pos, "IN needs a list on its right, got a " + std::string(type_name(b)));
      set(e, Type::boolean);
      return;
    case Op::regex:
      set(e, Type::boolean);
      return;
    default:
      // Only + also joins strings and lists; the other operators need numbers. A property is
      // left to run time (an absent one is null, and null * 2 is null).
      if (e.op != Op::add)
        for (const auto& x : e.args)
          if (const Type t = of(*x);
              x->kind != Expr::Kind::property && known(t) && t != Type::number && t != Type::date && t != Type::any)
            mismatch(e.pos,
                     "cannot apply " + std::string(arithmetic_symbol(e.op)) + " to a " + std::string(type_name(t)));
      if (known(a) && known(b) && a == Type::number && b == Type::number) set(e, Type::number);
      return;
  }
}

void Types::call(const Expr& e) {
  const std::string& n = e.name;
  if (!e.args.empty()) {
    const Type t0 = of(*e.args[0]);
    if ((n == "size" &&
         (t0 == Type::path || t0 == Type::node || t0 == Type::edge || t0 == Type::number || t0 == Type::boolean)) ||
        ((n == "properties" || n == "keys") &&
         (t0 == Type::number || t0 == Type::string || t0 == Type::boolean || t0 == Type::list || t0 == Type::path)) ||
        (n == "length" && (t0 == Type::number || t0 == Type::boolean || t0 == Type::node || t0 == Type::edge)))
      mismatch(e.args[0]->pos, n + "() cannot take a " + std::string(type_name(t0)));
  }
  if (n == "type") {
    const Type t = of(*e.args[0]);
    if (t != Type::edge && t != Type::any && t != Type::null)
      mismatch(e.args[0]->pos, "type() needs a relationship, got a " + std::string(type_name(t)));
    set(e, Type::string);
  } else if (n == "date") {
    set(e, Type::date);
  } else if (n == "within" || n == "overlaps" || n == "exists") {
    set(e, Type::boolean);
  } else if (n == "labels" || n == "keys" || n == "nodes" || n == "relationships" || n == "range" || n == "split" ||
             n == "tail" || n == "sources") {
    set(e, Type::list);
  } else if (n == "tostring" || n == "label" || n == "fold" || n == "tolower" || n == "toupper" || n == "lower" ||
             n == "upper" || n == "trim" || n == "substring" || n == "replace") {
    set(e, Type::string);
  } else if (n == "size" || n == "length" || n == "abs" || n == "tointeger" || n == "tofloat" || n == "sqrt" ||
             n == "round" || n == "floor" || n == "ceil" || n == "rand") {
    set(e, Type::number);
  }
}

Type Types::element(const Expr& list) const {
  if (list.kind != Expr::Kind::list || list.args.empty()) return Type::any;
  const Type first = of(*list.args[0]);
  for (const auto& item : list.args)
    if (of(*item) != first) return Type::any;
  return first == Type::null ? Type::any : first;
}

}  // namespace diplograph::ql
