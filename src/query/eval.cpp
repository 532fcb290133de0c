#include "query/eval.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "query/match.hpp"

namespace diplograph::ql {

Budget::Budget(const QueryLimits& limits, const Text& text) : limits_(limits), text_(text) {
  if (limits.timeout.count() > 0) deadline_ = std::chrono::steady_clock::now() + limits.timeout;
  max_steps_ = limits.max_bindings;
}

void Budget::check() const {
  const char* hint =
      "; bound the variable-length pattern (e.g. [*1..3]), start it from a known node, or use shortestPath()";
  if (max_steps_ && steps_ > max_steps_)
    throw Error(ErrorCode::limit,
                "query stopped after " + std::to_string(max_steps_) + " bindings (--max-bindings)" + hint,
                Location{"<query>", 0, 0});
  if (limits_.cancel && limits_.cancel->load(std::memory_order_relaxed))
    throw Error(ErrorCode::limit, "query cancelled", Location{"<query>", 0, 0});
  if (limits_.timeout.count() > 0 && std::chrono::steady_clock::now() > deadline_) {
    const auto ms = limits_.timeout.count();
    const std::string span = ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
    throw Error(ErrorCode::limit, "query stopped after " + span + " (--timeout)" + hint, Location{"<query>", 0, 0});
  }
  (void)text_;
}

void fail(const Env& env, std::size_t pos, ErrorCode code, const std::string& message) {
  throw env.text.error(code, pos, message);
}

std::optional<bool> truth(const V& v, const Env& env, std::size_t pos) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_bool())
    fail(env, pos, ErrorCode::value, "type mismatch: expected a boolean, got " + std::string(kind_of(v)));
  return v.b();
}

// ---- properties

namespace {

V optional_date(const std::optional<Date>& d) { return d ? V(*d) : V(); }

template <class Fact>
V citations(const Fact& f) {
  VList out;
  for (const CitationRef& c : f.sources())
    out.emplace_back(VMap{{"quote", V(std::string(c.quote))},
                          {"source", V(std::string(c.source))},
                          {"stance", V(std::string(stance_name(c.stance)))}});
  return V(std::move(out));
}

// Built-in field `field` (not none) of a node or an edge; `label` is a node's only.
template <class Fact>
V builtin(const Fact& f, Field field) {
  switch (field) {
    case Field::id:
      return f.id().empty() ? V() : V(std::string(f.id()));
    case Field::type:
      return V(std::string(f.type()));
    case Field::modality:
      return V(std::string(modality_name(f.modality())));
    case Field::label:
      if constexpr (std::is_same_v<Fact, Node>) return V(std::string(f.label()));
      return V();
    default:
      return optional_date(time_of(f, field));
  }
}

V stored(const std::optional<Value>& v) { return v ? from_value(*v) : V(); }

}  // namespace

V node_property(const Graph& g, NodeIndex i, std::string_view name) {
  const Node n = g.node(i);
  const Schema& schema = g.schema();
  if (schema.node_property(n.type_id(), name)) return stored(n.prop(name));
  if (const Field f = field_named(name); f != Field::none) return builtin(n, f);
  if (name == "sources") return citations(n);
  if (name == "aliases") {
    VList l;
    for (std::string_view a : n.aliases()) l.emplace_back(std::string(a));
    return V(std::move(l));
  }
  if (name == "quad" || name == "score" || name == "category") {
    // The PLOVER pseudo-properties come from whichever property holds the category.
    for (const PropertyRef& p : n.props()) {
      const PropertySpec* spec = schema.node_property(n.type_id(), p.name);
      if (!spec || spec->vocabulary != Schema::plover_vocabulary || !p.value.is_string()) continue;
      if (name == "category") return from_value(p.value);
      const PloverCategory* c = schema.plover(p.value.as_string());
      if (!c) return V();
      return name == "quad" ? V(std::string(quad_name(c->quad))) : V(c->score);
    }
  }
  return V();
}

V edge_property(const Graph& g, EdgeIndex i, std::string_view name) {
  const Edge e = g.edge(i);
  if (g.schema().edge_property(e.type_id(), name)) return stored(e.prop(name));
  if (const Field f = field_named(name); f != Field::none && f != Field::label) return builtin(e, f);
  if (name == "sources") return citations(e);
  if (name == "from") return V(NodeRef{e.from().index()});
  if (name == "to") return V(NodeRef{e.to().index()});
  return V();
}

namespace {
template <class Fact>
V declared_properties(const Fact& f) {
  VMap m;
  for (const PropertyRef& p : f.props()) m.emplace_back(std::string(p.name), from_value(p.value));
  std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return V(std::move(m));
}
}  // namespace

V node_properties(const Graph& g, NodeIndex n) { return declared_properties(g.node(n)); }
V edge_properties(const Graph& g, EdgeIndex e) { return declared_properties(g.edge(e)); }

// ---- operators

namespace {

V logic(const Expr& e, Row& row, Env& env) {
  // Iterative over the flat chain: a thousand ORs cost no stack.
  bool unknown = false;
  if (e.op == Op::xor_) {
    bool acc = false;
    for (const auto& a : e.args) {
      auto t = truth(eval(*a, row, env), env, a->pos);
      if (!t)
        unknown = true;
      else
        acc = acc != *t;
    }
    return unknown ? V() : V(acc);
  }
  const bool stop = e.op == Op::or_;  // OR stops at true, AND at false
  for (const auto& a : e.args) {
    auto t = truth(eval(*a, row, env), env, a->pos);
    if (!t)
      unknown = true;
    else if (*t == stop)
      return V(stop);
  }
  return unknown ? V() : V(!stop);
}

V checked(const Env& env, const Expr& e, Op op, std::int64_t x, std::int64_t y) {
  std::int64_t r = 0;
  const bool overflow = op == Op::add   ? __builtin_add_overflow(x, y, &r)
                        : op == Op::sub ? __builtin_sub_overflow(x, y, &r)
                                        : __builtin_mul_overflow(x, y, &r);
  if (overflow) fail(env, e.pos, ErrorCode::argument, "integer overflow");
  return V(r);
}

V arithmetic(const Expr& e, const V& a, const V& b, Env& env) {
  if (a.is_null() || b.is_null()) return V();
  if (e.op == Op::add) {
    if (a.is_string() && b.is_string()) return V(a.s() + b.s());
    if (a.is_list() || b.is_list()) {
      VList out = a.is_list() ? a.list() : VList{a};
      if (b.is_list())
        out.insert(out.end(), b.list().begin(), b.list().end());
      else
        out.push_back(b);
      return V(std::move(out));
    }
    if (a.is_string() && b.is_number())
      return V(a.s() + (b.is_int() ? std::to_string(b.i()) : Value(b.num()).to_string()));
    if (a.is_number() && b.is_string())
      return V((a.is_int() ? std::to_string(a.i()) : Value(a.num()).to_string()) + b.s());
  }
  if (!a.is_number() || !b.is_number()) {
    fail(env, e.pos, ErrorCode::value,
         "type mismatch: cannot apply " + std::string(arithmetic_symbol(e.op)) + " to " + std::string(kind_of(a)) +
             " and " + std::string(kind_of(b)));
  }
  if (a.is_int() && b.is_int() && e.op != Op::pow) {
    const std::int64_t x = a.i(), y = b.i();
    switch (e.op) {
      case Op::add:
      case Op::sub:
      case Op::mul:
        return checked(env, e, e.op, x, y);
      case Op::div:
      case Op::mod:
        if (y == 0) fail(env, e.pos, ErrorCode::argument, "division by zero");
        if (x == INT64_MIN && y == -1) {
          if (e.op == Op::mod) return V(std::int64_t{0});
          fail(env, e.pos, ErrorCode::argument, "integer overflow");
        }
        return V(e.op == Op::div ? x / y : x % y);
      default:
        break;
    }
  }
  const double x = a.num(), y = b.num();
  switch (e.op) {
    case Op::add:
      return V(x + y);
    case Op::sub:
      return V(x - y);
    case Op::mul:
      return V(x * y);
    case Op::div:
      return V(x / y);
    case Op::mod:
      return V(std::fmod(x, y));
    default:
      return V(std::pow(x, y));
  }
}

std::optional<bool> compare_op(Op op, const V& a, const V& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (op == Op::eq) return equals(a, b);
  if (op == Op::ne) {
    auto x = equals(a, b);
    return x ? std::optional<bool>(!*x) : std::nullopt;
  }
  if (a.is_date() && b.is_date()) return compare_dates(op, a.date(), b.date());
  if (a.is_number() && b.is_number() && (std::isnan(a.num()) || std::isnan(b.num()))) return false;
  auto c = compare_values(a, b);
  if (!c) return std::nullopt;
  switch (op) {
    case Op::lt:
      return *c < 0;
    case Op::le:
      return *c <= 0;
    case Op::gt:
      return *c > 0;
    default:
      return *c >= 0;
  }
}

V as_v(std::optional<bool> b) { return b ? V(*b) : V(); }

V regex_match(const Expr& e, const V& a, const V& b, Env& env) {
  if (a.is_null() || b.is_null() || !a.is_string() || !b.is_string()) return V();
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(b.s(), options);
  if (!re.ok()) fail(env, e.args[1]->pos, ErrorCode::argument, "invalid regular expression: " + re.error());
  return V(RE2::FullMatch(a.s(), re));
}

// An operand's value: a literal or a variable is read in place, anything else is evaluated
// into `room`.
const V& operand(const Expr& e, Row& row, Env& env, V& room) {
  if (e.kind == Expr::Kind::literal) return e.value;
  if (e.kind == Expr::Kind::variable) return row[static_cast<std::size_t>(e.slot)];
  room = eval(e, row, env);
  return room;
}

V binary(const Expr& e, Row& row, Env& env) {
  if (e.op == Op::and_ || e.op == Op::or_ || e.op == Op::xor_) return logic(e, row, env);
  V room_a, room_b;
  const V& a = operand(*e.args[0], row, env, room_a);
  const V& b = operand(*e.args[1], row, env, room_b);
  switch (e.op) {
    case Op::eq:
    case Op::ne:
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge:
      return as_v(compare_op(e.op, a, b));
    case Op::in: {
      if (b.is_null()) return V();
      if (!b.is_list())
        fail(env, e.pos, ErrorCode::value, "type mismatch: IN needs a list, got " + std::string(kind_of(b)));
      bool unknown = false;
      for (const V& item : b.list()) {
        auto eq = equals(a, item);
        if (eq == true) return V(true);
        if (!eq) unknown = true;
      }
      return unknown ? V() : V(false);
    }
    case Op::contains:
    case Op::starts_with:
    case Op::ends_with: {
      if (!a.is_string() || !b.is_string()) return V();
      if (e.op == Op::contains) return V(a.s().find(b.s()) != std::string::npos);
      if (e.op == Op::starts_with) return V(a.s().starts_with(b.s()));
      return V(a.s().ends_with(b.s()));
    }
    case Op::regex:
      return regex_match(e, a, b, env);
    default:
      return arithmetic(e, a, b, env);
  }
}

// Cypher list indexes count from the end when negative; out of range gives null.
std::optional<std::size_t> list_index(std::int64_t i, std::size_t size) {
  if (i < 0) i += static_cast<std::int64_t>(size);
  if (i < 0 || static_cast<std::size_t>(i) >= size) return std::nullopt;
  return static_cast<std::size_t>(i);
}

V index(const Expr& e, Row& row, Env& env) {
  const V c = eval(*e.args[0], row, env);
  const V k = eval(*e.args[1], row, env);
  if (c.is_null() || k.is_null()) return V();
  if (c.is_list()) {
    if (!k.is_int())
      fail(env, e.args[1]->pos, ErrorCode::value,
           "type mismatch: a list index must be an Integer, got " + std::string(kind_of(k)));
    auto at = list_index(k.i(), c.list().size());
    return at ? c.list()[*at] : V();
  }
  if (c.is_map() || c.is_node() || c.is_edge()) {
    if (!k.is_string())
      fail(env, e.args[1]->pos, ErrorCode::value,
           "type mismatch: a map key must be a String, got " + std::string(kind_of(k)));
    if (c.is_node()) return node_property(env.g, c.node(), k.s());
    if (c.is_edge()) return edge_property(env.g, c.edge(), k.s());
    for (const auto& [key, v] : c.map())
      if (key == k.s()) return v;
    return V();
  }
  fail(env, e.pos, ErrorCode::value, "type mismatch: cannot index a " + std::string(kind_of(c)));
}

V slice(const Expr& e, Row& row, Env& env) {
  const V c = eval(*e.args[0], row, env);
  const V lo = e.open_lo ? V(std::int64_t{0}) : eval(*e.args[1], row, env);
  if (c.is_null() || lo.is_null()) return V();
  if (!c.is_list()) fail(env, e.pos, ErrorCode::value, "type mismatch: cannot slice a " + std::string(kind_of(c)));
  const auto n = static_cast<std::int64_t>(c.list().size());
  const V hi = e.open_hi ? V(n) : eval(*e.args[2], row, env);
  if (hi.is_null()) return V();
  if (!lo.is_int() || !hi.is_int()) fail(env, e.pos, ErrorCode::value, "type mismatch: slice bounds must be Integers");
  auto clamp = [n](std::int64_t i) { return std::clamp(i < 0 ? i + n : i, std::int64_t{0}, n); };
  const std::int64_t from = clamp(lo.i()), to = clamp(hi.i());
  if (from >= to) return V(VList{});
  return V(VList(c.list().begin() + from, c.list().begin() + to));
}

V property(const Expr& e, Row& row, Env& env) {
  if (e.field != Field::none && e.args[0]->kind == Expr::Kind::variable) {
    const V& x = row[static_cast<std::size_t>(e.args[0]->slot)];  // read in place, not copied
    if (x.is_edge()) return builtin(env.g.edge(x.edge()), e.field);
    if (x.is_node()) return builtin(env.g.node(x.node()), e.field);
  }
  const V o = eval(*e.args[0], row, env);
  if (o.is_null()) return V();
  if (o.is_node()) return node_property(env.g, o.node(), e.name);
  if (o.is_edge()) return edge_property(env.g, o.edge(), e.name);
  if (o.is_map()) {
    for (const auto& [k, v] : o.map())
      if (k == e.name) return v;
    return V();
  }
  fail(env, e.pos, ErrorCode::value,
       "type mismatch: a " + std::string(kind_of(o)) + " has no property '" + e.name + "'");
}

V has_labels(const Expr& e, Row& row, Env& env) {
  const V o = eval(*e.args[0], row, env);
  if (o.is_null()) return V();
  if (!o.is_node())
    fail(env, e.pos, ErrorCode::value, "type mismatch: only nodes have labels, got " + std::string(kind_of(o)));
  const Node n = env.g.node(o.node());
  for (const std::string& l : e.names)
    if (!n.is_a(l)) return V(false);
  return V(true);
}

V case_(const Expr& e, Row& row, Env& env) {
  std::size_t k = 0;
  V subject;
  if (e.has_subject) subject = eval(*e.args[k++], row, env);
  const std::size_t end = e.args.size() - (e.has_else ? 1 : 0);
  for (; k + 1 < end; k += 2) {
    const V w = eval(*e.args[k], row, env);
    const bool hit = e.has_subject ? equals(subject, w) == true : (w.is_bool() && w.b());
    if (hit) return eval(*e.args[k + 1], row, env);
  }
  return e.has_else ? eval(*e.args.back(), row, env) : V();
}

// Binds `slot` for the call and restores it afterwards, even when the call throws.
struct SlotGuard {
  Row& row;
  int slot;
  V saved;
  SlotGuard(Row& r, int s) : row(r), slot(s), saved(r[static_cast<std::size_t>(s)]) {}
  ~SlotGuard() { row[static_cast<std::size_t>(slot)] = std::move(saved); }
};

V iterate_list(const Expr& e, const V& list, Env& env) {
  if (list.is_null() || list.is_list()) return list;
  fail(env, e.args[0]->pos, ErrorCode::value, "type mismatch: expected a list, got " + std::string(kind_of(list)));
}

V list_comp(const Expr& e, Row& row, Env& env) {
  const V list = iterate_list(e, eval(*e.args[0], row, env), env);
  if (list.is_null()) return V();
  SlotGuard guard(row, e.slot);
  VList out;
  for (const V& x : list.list()) {
    row[static_cast<std::size_t>(e.slot)] = x;
    if (e.args[1] && truth(eval(*e.args[1], row, env), env, e.args[1]->pos) != true) continue;
    out.push_back(e.args[2] ? eval(*e.args[2], row, env) : x);
  }
  return V(std::move(out));
}

V quantifier(const Expr& e, Row& row, Env& env) {
  const V list = iterate_list(e, eval(*e.args[0], row, env), env);
  if (list.is_null()) return V();
  SlotGuard guard(row, e.slot);
  std::size_t yes = 0, unknown = 0;
  for (const V& x : list.list()) {
    row[static_cast<std::size_t>(e.slot)] = x;
    auto t = truth(eval(*e.args[1], row, env), env, e.args[1]->pos);
    if (!t)
      ++unknown;
    else if (*t)
      ++yes;
  }
  const std::size_t n = list.list().size(), no = n - yes - unknown;
  const std::string& q = e.names[0];
  if (q == "all") return no ? V(false) : unknown ? V() : V(true);
  if (q == "any") return yes ? V(true) : unknown ? V() : V(false);
  if (q == "none") return yes ? V(false) : unknown ? V() : V(true);
  // single
  if (yes > 1) return V(false);
  if (unknown) return V();
  return V(yes == 1);
}

V reduce(const Expr& e, Row& row, Env& env) {
  V acc = eval(*e.args[0], row, env);
  const V list = eval(*e.args[1], row, env);
  if (list.is_null()) return V();
  if (!list.is_list()) fail(env, e.args[1]->pos, ErrorCode::value, "type mismatch: reduce() needs a list");
  SlotGuard g1(row, e.slot), g2(row, e.slot2);
  for (const V& x : list.list()) {
    row[static_cast<std::size_t>(e.slot)] = acc;
    row[static_cast<std::size_t>(e.slot2)] = x;
    acc = eval(*e.args[2], row, env);
  }
  return acc;
}

V pattern_value(const Expr& e, Row& row, Env& env) {
  if (e.kind == Expr::Kind::pattern_comp) {
    VList out;
    match_pattern_expr(*e.pattern, row, env, [&](Row& r) {
      if (e.args[0] && truth(eval(*e.args[0], r, env), env, e.args[0]->pos) != true) return true;
      out.push_back(eval(*e.args[1], r, env));
      return true;
    });
    return V(std::move(out));
  }
  // EXISTS stops at the first match, COUNT counts them all.
  const bool count = e.name == "count";
  std::int64_t found = 0;
  std::vector<const Pattern*> patterns{e.pattern.get()};
  for (const auto& more : e.more_patterns) patterns.push_back(more.get());
  match_patterns(patterns, e.pattern->fresh, row, env, [&](Row& r) {
    if (e.pattern->where && truth(eval(*e.pattern->where, r, env), env, e.pattern->where->pos) != true) return true;
    ++found;
    return count;
  });
  return count ? V(found) : V(found > 0);
}

V map_projection(const Expr& e, Row& row, Env& env) {
  const V o = eval(*e.args[0], row, env);
  if (o.is_null()) return V();
  std::map<std::string, V> out;
  auto read = [&](const std::string& key) -> V {
    if (o.is_node()) return node_property(env.g, o.node(), key);
    if (o.is_edge()) return edge_property(env.g, o.edge(), key);
    if (o.is_map())
      for (const auto& [k, v] : o.map())
        if (k == key) return v;
    return V();
  };
  for (std::size_t k = 0; k < e.proj_kinds.size(); ++k) {
    switch (e.proj_kinds[k]) {
      case 0:
        out[e.names[k]] = read(e.names[k]);
        break;
      case 2: {
        const V all = o.is_node()   ? node_properties(env.g, o.node())
                      : o.is_edge() ? edge_properties(env.g, o.edge())
                                    : o;
        if (all.is_map())
          for (const auto& [key, v] : all.map()) out[key] = v;
        break;
      }
      default:
        out[e.names[k]] = eval(*e.args[k + 1], row, env);
    }
  }
  return V(VMap(out.begin(), out.end()));
}

V chain(const Expr& e, Row& row, Env& env) {
  bool unknown = false;
  V left = eval(*e.args[0], row, env);
  for (std::size_t k = 0; k < e.ops.size(); ++k) {
    V right = eval(*e.args[k + 1], row, env);
    auto c = compare_op(e.ops[k], left, right);
    if (c == false) return V(false);
    if (!c) unknown = true;
    left = std::move(right);
  }
  return unknown ? V() : V(true);
}

}  // namespace

V eval(const Expr& e, Row& row, Env& env) {
  switch (e.kind) {
    case Expr::Kind::literal:
      return e.value;
    case Expr::Kind::param: {
      auto it = env.params.find(e.name);
      if (it == env.params.end()) fail(env, e.pos, ErrorCode::query, "missing parameter $" + e.name);
      if (e.allowed) check_enum_parameter(*e.allowed, it->second, env, e.pos);
      return it->second;
    }
    case Expr::Kind::variable:
      return row[static_cast<std::size_t>(e.slot)];
    case Expr::Kind::property:
      return property(e, row, env);
    case Expr::Kind::has_labels:
      return has_labels(e, row, env);
    case Expr::Kind::index:
      return index(e, row, env);
    case Expr::Kind::slice:
      return slice(e, row, env);
    case Expr::Kind::list: {
      VList out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(eval(*a, row, env));
      return V(std::move(out));
    }
    case Expr::Kind::map: {
      std::map<std::string, V> m;
      for (std::size_t k = 0; k < e.args.size(); ++k) m[e.names[k]] = eval(*e.args[k], row, env);
      return V(VMap(m.begin(), m.end()));
    }
    case Expr::Kind::call: {
      std::vector<V> args;
      args.reserve(e.args.size());
      for (const auto& a : e.args) args.push_back(eval(*a, row, env));
      return call_function(e, args, env);
    }
    case Expr::Kind::aggregate:
    case Expr::Kind::count_star:
      return env.aggs ? (*env.aggs)[static_cast<std::size_t>(e.agg)] : V();
    case Expr::Kind::not_: {
      auto t = truth(eval(*e.args[0], row, env), env, e.args[0]->pos);
      return t ? V(!*t) : V();
    }
    case Expr::Kind::neg: {
      const V x = eval(*e.args[0], row, env);
      if (x.is_null()) return V();
      if (x.is_int()) {
        if (x.i() == INT64_MIN) fail(env, e.pos, ErrorCode::argument, "integer overflow");
        return V(-x.i());
      }
      if (x.is_real()) return V(-x.num());
      fail(env, e.pos, ErrorCode::value, "type mismatch: cannot negate a " + std::string(kind_of(x)));
    }
    case Expr::Kind::is_null: {
      const bool null = eval(*e.args[0], row, env).is_null();
      return V(e.negated ? !null : null);
    }
    case Expr::Kind::binary:
      return binary(e, row, env);
    case Expr::Kind::chain:
      return chain(e, row, env);
    case Expr::Kind::case_:
      return case_(e, row, env);
    case Expr::Kind::list_comp:
      return list_comp(e, row, env);
    case Expr::Kind::quantifier:
      return quantifier(e, row, env);
    case Expr::Kind::reduce:
      return reduce(e, row, env);
    case Expr::Kind::pattern:
    case Expr::Kind::pattern_comp:
    case Expr::Kind::exists:
      return pattern_value(e, row, env);
    case Expr::Kind::map_proj:
      return map_projection(e, row, env);
  }
  return V();
}

}  // namespace diplograph::ql
