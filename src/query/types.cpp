#include "query/types.hpp"

namespace diplograph::ql {

std::string_view t_name(T t) {
  static constexpr std::string_view names[] = {"any",  "null", "boolean", "number",       "string", "date",
                                               "list", "map",  "node",    "relationship", "path"};
  return names[static_cast<int>(t)];
}

T spec_type(const PropertySpec& spec) {
  if (spec.list) return T::list;
  switch (spec.kind) {
    case ValueKind::string:
    case ValueKind::enumeration:
      return T::string;
    case ValueKind::integer:
    case ValueKind::real:
      return T::number;
    case ValueKind::boolean:
      return T::boolean;
    case ValueKind::date:
      return T::date;
  }
  return T::any;
}

T builtin_type(std::string_view name) {
  if (name == "aliases" || name == "sources") return T::list;
  if (name == "date" || name == "start" || name == "end" || name == "when") return T::date;
  if (name == "score") return T::number;
  if (name == "from" || name == "to") return T::node;
  return T::string;
}

T Types::of(const Expr& e) const {
  auto it = types_.find(&e);
  return it == types_.end() ? T::any : it->second;
}

void Types::mismatch(std::size_t pos, const std::string& message) const {
  text_.fail(ErrorCode::query, pos, "type mismatch: " + message);
}

void Types::expect_boolean(const Expr& e, const char* where) const {
  const T t = of(e);
  if (t != T::boolean && t != T::any && t != T::null)
    mismatch(e.pos, std::string(where) + " needs a boolean, got a " + std::string(t_name(t)));
}

void Types::literal(const Expr& e) {
  set(e, e.value.is_null()     ? T::null
         : e.value.is_bool()   ? T::boolean
         : e.value.is_string() ? T::string
         : e.value.is_number() ? T::number
                               : T::any);
}

void Types::binary(const Expr& e) {
  const T a = of(*e.args[0]), b = of(*e.args[1]);
  auto known = [](T t) { return t != T::any && t != T::null; };
  switch (e.op) {
    case Op::and_:
    case Op::or_:
    case Op::xor_:
      for (const auto& x : e.args) expect_boolean(*x, "a logical operator");
      set(e, T::boolean);
      return;
    case Op::contains:
    case Op::starts_with:
    case Op::ends_with:
      // Cypher makes a non-string operand null (`'abc' STARTS WITH true`); only a property the
      // schema types otherwise (`s.population CONTAINS '1'`) is surely a mistake.
      for (const auto& x : e.args)
        if (const T t = of(*x); x->kind == Expr::Kind::property && known(t) && t != T::string)
          mismatch(e.pos, std::string(e.op == Op::contains      ? "CONTAINS"
                                      : e.op == Op::starts_with ? "STARTS WITH"
                                                                : "ENDS WITH") +
                              " needs strings, got a " + std::string(t_name(t)));
      set(e, T::boolean);
      return;
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge:
      // Dates are diplograph's own: comparing one with anything else is a mistake, not null.
      if (known(a) && known(b) && a != b && (a == T::date || b == T::date)) {
        const bool hint = (a == T::string && e.args[0]->kind == Expr::Kind::literal) ||
                          (b == T::string && e.args[1]->kind == Expr::Kind::literal);
        mismatch(e.pos, "cannot compare a " + std::string(t_name(a)) + " with a " + std::string(t_name(b)) +
                            (hint ? "; write the date as date('...')" : ""));
      }
      set(e, T::boolean);
      return;
    case Op::in:
      if (known(b) && b != T::list) mismatch(e.pos, "IN needs a list on its right, got a " + std::string(t_name(b)));
      set(e, T::boolean);
      return;
    case Op::regex:
      set(e, T::boolean);
      return;
    default:
      // Only + also joins strings and lists; the other operators need numbers. A property is
      // left to run time (an absent one is null, and null * 2 is null).
      if (e.op != Op::add)
        for (const auto& x : e.args)
          if (const T t = of(*x);
              x->kind != Expr::Kind::property && known(t) && t != T::number && t != T::date && t != T::any)
            mismatch(e.pos, "cannot apply " + std::string(arithmetic_symbol(e.op)) + " to a " + std::string(t_name(t)));
      if (known(a) && known(b) && a == T::number && b == T::number) set(e, T::number);
      return;
  }
}

void Types::call(const Expr& e) {
  const std::string& n = e.name;
  if (!e.args.empty()) {
    const T t0 = of(*e.args[0]);
    if ((n == "size" && (t0 == T::path || t0 == T::node || t0 == T::edge || t0 == T::number || t0 == T::boolean)) ||
        ((n == "properties" || n == "keys") &&
         (t0 == T::number || t0 == T::string || t0 == T::boolean || t0 == T::list || t0 == T::path)) ||
        (n == "length" && (t0 == T::number || t0 == T::boolean || t0 == T::node || t0 == T::edge)))
      mismatch(e.args[0]->pos, n + "() cannot take a " + std::string(t_name(t0)));
  }
  if (n == "type") {
    const T t = of(*e.args[0]);
    if (t != T::edge && t != T::any && t != T::null)
      mismatch(e.args[0]->pos, "type() needs a relationship, got a " + std::string(t_name(t)));
    set(e, T::string);
  } else if (n == "date") {
    set(e, T::date);
  } else if (n == "within" || n == "overlaps" || n == "exists") {
    set(e, T::boolean);
  } else if (n == "labels" || n == "keys" || n == "nodes" || n == "relationships" || n == "range" || n == "split" ||
             n == "tail" || n == "sources") {
    set(e, T::list);
  } else if (n == "tostring" || n == "label" || n == "fold" || n == "tolower" || n == "toupper" || n == "lower" ||
             n == "upper" || n == "trim" || n == "substring" || n == "replace") {
    set(e, T::string);
  } else if (n == "size" || n == "length" || n == "abs" || n == "tointeger" || n == "tofloat" || n == "sqrt" ||
             n == "round" || n == "floor" || n == "ceil" || n == "rand") {
    set(e, T::number);
  }
}

T Types::element(const Expr& list) const {
  if (list.kind != Expr::Kind::list || list.args.empty()) return T::any;
  const T first = of(*list.args[0]);
  for (const auto& item : list.args)
    if (of(*item) != first) return T::any;
  return first == T::null ? T::any : first;
}

}  // namespace diplograph::ql
