#include "query/eval.hpp"

#include <algorithm>
#include <cmath>

#include "diplograph/error.hpp"

namespace diplograph::ql {
namespace {

Val of(Value v) { return Val{Val::Ref::none, 0, std::move(v)}; }
Val null() { return Val{}; }

Value optional_date(const std::optional<Date>& d) { return d ? Value(*d) : Value(); }

template <class Fact>
Value common_property(const Fact& f, std::string_view name) {
  if (name == "id") return f.id().empty() ? Value() : Value(std::string(f.id()));
  if (name == "type") return std::string(f.type());
  if (name == "modality") return std::string(modality_name(f.modality()));
  if (name == "date") return optional_date(f.date());
  if (name == "start") return optional_date(f.start());
  if (name == "end") return optional_date(f.end());
  if (name == "when") return optional_date(f.when());
  auto v = f.prop(name);
  return v ? std::move(*v) : Value();
}

Value node_property(const Graph& g, Node n, std::string_view name) {
  if (name == "label") return std::string(n.label());
  if (name == "aliases") {
    List l;
    for (std::string_view a : n.aliases()) l.emplace_back(std::string(a));
    return l;
  }
  Value v = common_property(n, name);
  if (!v.is_null() || (name != "quad" && name != "score" && name != "category")) return v;
  // The PLOVER pseudo-properties come from whichever property holds the category.
  for (const PropertyRef& p : n.props()) {
    const PropertySpec* spec = g.schema().node_property(n.type_id(), p.name);
    if (!spec || spec->vocabulary != Schema::plover_vocabulary || !p.value.is_string()) continue;
    if (name == "category") return p.value;
    const PloverCategory* c = g.schema().plover(p.value.as_string());
    if (!c) return Value();
    return name == "quad" ? Value(std::string(quad_name(c->quad))) : Value(c->score);
  }
  return Value();
}

std::string edge_text(const Graph& g, EdgeIndex i) {
  Edge e = g.edge(i);
  if (!e.id().empty()) return std::string(e.id());
  return std::string(e.from().id()) + "-[" + std::string(e.type()) + "]->" + std::string(e.to().id());
}

Val property(const Expr& e, const Graph& g, const Binding& b) {
  Val object = eval(*e.args[0], g, b);
  if (object.ref == Val::Ref::node) return of(node_property(g, g.node(object.index), e.name));
  if (object.ref == Val::Ref::edge) return of(common_property(g.edge(object.index), e.name));
  return null();
}

int kind_rank(const Val& v) {
  if (v.ref == Val::Ref::node) return 6;
  if (v.ref == Val::Ref::edge) return 7;
  const Value& x = v.value;
  if (x.is_int() || x.is_real()) return 0;
  if (x.is_string()) return 1;
  if (x.is_bool()) return 2;
  if (x.is_date()) return 3;
  if (x.is_list()) return 4;
  return 9;  // null
}

// Comparison for the operators: nullopt when the two cannot be compared (null, other kinds).
// Dates compare definitely: a < b when every day of a is before every day of b, a <= b when
// every day of a is on or before b's last day, and so on.
std::optional<int> order(const Val& a, const Val& b, Op op) {
  const int ra = kind_rank(a), rb = kind_rank(b);
  if (ra == 9 || rb == 9 || ra != rb) return std::nullopt;
  if (ra == 3) {
    const Date& x = a.value.as_date();
    const Date& y = b.value.as_date();
    switch (op) {
      case Op::lt:
        return x.latest() < y.earliest() ? -1 : 1;
      case Op::gt:
        return x.earliest() > y.latest() ? 1 : -1;
      case Op::le:
        return x.latest() <= y.latest() ? -1 : 1;
      case Op::ge:
        return x.earliest() >= y.earliest() ? 1 : -1;
      default:
        return x == y ? 0 : 1;
    }
  }
  return compare(a, b);
}

bool equal(const Val& a, const Val& b) {
  if (kind_rank(a) == 0 && kind_rank(b) == 0) return a.value.as_real() == b.value.as_real();
  return a.ref == b.ref && (a.ref != Val::Ref::none ? a.index == b.index : a.value == b.value);
}

Val logical(const Expr& e, const Graph& g, const Binding& b) {
  std::optional<bool> x = truth(eval(*e.args[0], g, b));
  if (e.op == Op::and_ && x == false) return of(false);
  if (e.op == Op::or_ && x == true) return of(true);
  std::optional<bool> y = truth(eval(*e.args[1], g, b));
  if (e.op == Op::and_) return y == false ? of(false) : (x && y) ? of(true) : null();
  if (e.op == Op::or_) return y == true ? of(true) : (x && y) ? of(false) : null();
  return (x && y) ? of(*x != *y) : null();
}

Val binary(const Expr& e, const Graph& g, const Binding& b) {
  if (e.op == Op::and_ || e.op == Op::or_ || e.op == Op::xor_) return logical(e, g, b);
  Val x = eval(*e.args[0], g, b), y = eval(*e.args[1], g, b);
  if (kind_rank(x) == 9 || kind_rank(y) == 9) return null();
  switch (e.op) {
    case Op::eq:
      return of(equal(x, y));
    case Op::ne:
      return of(!equal(x, y));
    case Op::contains:
    case Op::starts_with:
    case Op::ends_with: {
      if (!x.value.is_string() || !y.value.is_string()) return null();
      const std::string& s = x.value.as_string();
      const std::string& t = y.value.as_string();
      if (e.op == Op::contains) return of(s.find(t) != std::string::npos);
      if (e.op == Op::starts_with) return of(s.starts_with(t));
      return of(s.ends_with(t));
    }
    case Op::in: {
      if (!y.value.is_list()) return null();
      bool unknown = false;
      for (const Value& item : y.value.as_list()) {
        if (item.is_null())
          unknown = true;
        else if (equal(x, of(item)))
          return of(true);
      }
      return unknown ? null() : of(false);
    }
    default: {
      std::optional<int> c = order(x, y, e.op);
      if (!c) return null();
      switch (e.op) {
        case Op::lt:
          return of(*c < 0);
        case Op::le:
          return of(*c <= 0);
        case Op::gt:
          return of(*c > 0);
        default:
          return of(*c >= 0);
      }
    }
  }
}

Val call(const Expr& e, const Graph& g, const Binding& b) {
  std::vector<Val> args;
  for (const auto& a : e.args) args.push_back(eval(*a, g, b));
  for (const Val& a : args)
    if (kind_rank(a) == 9) return null();
  if (e.name == "date") {
    Date d;
    std::string why;
    if (!args[0].value.is_string() || !Date::try_parse(args[0].value.as_string(), d, &why))
      throw Error(ErrorCode::query, "date(): " + why);
    return of(d);
  }
  if (e.name == "type") return of(std::string(g.edge(args[0].index).type()));
  if (e.name == "id")
    return of(args[0].ref == Val::Ref::node ? Value(std::string(g.node(args[0].index).id()))
                                            : Value(edge_text(g, args[0].index)));
  if (e.name == "label") return of(std::string(g.node(args[0].index).label()));
  if (e.name == "lower" || e.name == "upper") {
    std::string s = args[0].value.as_string();
    for (char& c : s)
      c = static_cast<char>(e.name == "lower" ? std::tolower(static_cast<unsigned char>(c))
                                              : std::toupper(static_cast<unsigned char>(c)));
    return of(s);
  }
  if (e.name == "size") {
    if (args[0].value.is_string()) return of(static_cast<std::int64_t>(args[0].value.as_string().size()));
    if (args[0].value.is_list()) return of(static_cast<std::int64_t>(args[0].value.as_list().size()));
    return null();
  }
  // within(d, from, to): d definitely inside; overlaps(d, from, to): possibly inside.
  const Date& d = args[0].value.as_date();
  const Date& from = args[1].value.as_date();
  const Date& to = args[2].value.as_date();
  return of(d.within(from, to, e.name == "within" ? Certainty::definitely : Certainty::possibly));
}

}  // namespace

Val eval(const Expr& e, const Graph& g, const Binding& b) {
  switch (e.kind) {
    case Expr::Kind::literal:
      return of(e.literal);
    case Expr::Kind::variable: {
      const Slot& s = b[e.slot];
      if (s.kind == Slot::Kind::node) return Val{Val::Ref::node, s.index, Value(std::string(g.node(s.index).id()))};
      if (s.kind == Slot::Kind::edge) return Val{Val::Ref::edge, s.index, Value(edge_text(g, s.index))};
      if (s.kind == Slot::Kind::path) {
        List l;
        for (EdgeIndex i : s.path) l.emplace_back(edge_text(g, i));
        return of(std::move(l));
      }
      return null();
    }
    case Expr::Kind::property:
      return property(e, g, b);
    case Expr::Kind::call:
      return call(e, g, b);
    case Expr::Kind::count_star:
      return null();  // aggregates are computed by the executor
    case Expr::Kind::not_: {
      std::optional<bool> x = truth(eval(*e.args[0], g, b));
      return x ? of(!*x) : null();
    }
    case Expr::Kind::is_null: {
      const bool is_null = kind_rank(eval(*e.args[0], g, b)) == 9;
      return of(e.negated ? !is_null : is_null);
    }
    case Expr::Kind::list: {
      List l;
      for (const auto& a : e.args) l.push_back(eval(*a, g, b).value);
      return of(std::move(l));
    }
    case Expr::Kind::binary:
      return binary(e, g, b);
  }
  return null();
}

std::optional<bool> truth(const Val& v) {
  if (v.value.is_bool()) return v.value.as_bool();
  return std::nullopt;
}

int compare(const Val& a, const Val& b) {
  const int ra = kind_rank(a), rb = kind_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  auto three = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (ra) {
    case 0:
      if (a.value.is_int() && b.value.is_int()) return three(a.value.as_int(), b.value.as_int());
      return three(a.value.as_real(), b.value.as_real());
    case 1:
      return three(a.value.as_string(), b.value.as_string());
    case 2:
      return three(a.value.as_bool(), b.value.as_bool());
    case 3:
      return three(a.value.as_date(), b.value.as_date());
    case 4: {
      const List& x = a.value.as_list();
      const List& y = b.value.as_list();
      for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        if (int c = compare(Val{Val::Ref::none, 0, x[i]}, Val{Val::Ref::none, 0, y[i]}); c != 0) return c;
      return three(x.size(), y.size());
    }
    case 6:
    case 7:
      return three(a.index, b.index);
    default:
      return 0;
  }
}

Cell to_cell(const Graph& g, const Val& v) {
  Cell c;
  c.value = v.value;
  if (v.ref == Val::Ref::node) c.node = g.node(v.index);
  if (v.ref == Val::Ref::edge) c.edge = g.edge(v.index);
  return c;
}

}  // namespace diplograph::ql
