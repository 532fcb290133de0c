// The scalar functions of the query language. Each gets its arguments evaluated; null in gives
// null out unless Cypher says otherwise (coalesce, the type tests).

#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <random>

#include "graph/fold.hpp"
#include "query/eval.hpp"

namespace diplograph::ql {
namespace {

[[noreturn]] void arg_type(const Expr& e, std::size_t k, const V& v, const char* expected, const Env& env) {
  fail(env, e.args[k]->pos, ErrorCode::value,
       "type mismatch: " + e.name + "() needs " + expected + ", got " + std::string(kind_of(v)));
}

std::string map_case(const std::string& s, bool up) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // not UTF-8: keep the byte
      out += static_cast<char>(*p);
      ++p;
      --left;
      continue;
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t w = utf8proc_encode_char(up ? utf8proc_toupper(cp) : utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(w));
    p += n;
    left -= n;
  }
  return out;
}

// Strings are indexed by code point, as Cypher's are.
std::vector<std::size_t> code_point_starts(const std::string& s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  return starts;
}

// The number of code points, counted without the index above.
std::int64_t code_points(const std::string& s) {
  return static_cast<std::int64_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string substring(const std::string& s, std::size_t from, std::size_t count) {
  const auto starts = code_point_starts(s);
  if (from >= starts.size()) return "";
  const std::size_t b = starts[from];
  const std::size_t e = from + count >= starts.size() ? s.size() : starts[from + count];
  return s.substr(b, e - b);
}

std::string reverse_string(const std::string& s) {
  const auto starts = code_point_starts(s);
  std::string out;
  for (std::size_t k = starts.size(); k-- > 0;) {
    const std::size_t e = k + 1 < starts.size() ? starts[k + 1] : s.size();
    out += s.substr(starts[k], e - starts[k]);
  }
  return out;
}

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return Value(d).to_string();
}

std::string edge_text(const Graph& g, EdgeIndex i) {
  Edge e = g.edge(i);
  if (!e.id().empty()) return std::string(e.id());
  return std::string(e.from().id()) + "-[" + std::string(e.type()) + "]->" + std::string(e.to().id());
}

V to_integer(const V& x, bool strict, const Expr& e, const Env& env) {
  if (x.is_int()) return x;
  if (x.is_real()) {
    const double d = x.num();
    if (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return V();
    return V(static_cast<std::int64_t>(std::trunc(d)));
  }
  if (x.is_string()) {
    const std::string& s = x.s();
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
    if (ec == std::errc{} && p == s.data() + s.size()) return V(i);
    double d = 0;
    auto [q, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 == std::errc{} && q == s.data() + s.size()) return to_integer(V(d), strict, e, env);
    return V();
  }
  if (x.is_bool()) return V(std::int64_t{x.b() ? 1 : 0});
  if (strict) arg_type(e, 0, x, "a string, number or boolean", env);
  return V();
}

V to_float(const V& x, bool strict, const Expr& e, const Env& env) {
  if (x.is_real()) return x;
  if (x.is_int()) return V(static_cast<double>(x.i()));
  if (x.is_string()) {
    const std::string& s = x.s();
    double d = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc{} && p == s.data() + s.size()) return V(d);
    return V();
  }
  if (strict) arg_type(e, 0, x, "a string or number", env);
  return V();
}

V to_boolean(const V& x, bool strict, const Expr& e, const Env& env) {
  if (x.is_bool()) return x;
  if (x.is_string()) {
    std::string l;
    for (char c : x.s()) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == "true") return V(true);
    if (l == "false") return V(false);
    return V();
  }
  if (x.is_int()) return V(x.i() != 0);
  if (strict) arg_type(e, 0, x, "a string, integer or boolean", env);
  return V();
}

V to_string_value(const V& x, bool strict, const Expr& e, const Env& env) {
  if (x.is_string()) return x;
  if (x.is_int()) return V(std::to_string(x.i()));
  if (x.is_real()) return V(format_float(x.num()));
  if (x.is_bool()) return V(std::string(x.b() ? "true" : "false"));
  if (x.is_date()) return V(x.date().to_string());
  if (strict) arg_type(e, 0, x, "a string, number, boolean or date", env);
  return V();
}

std::int64_t int_arg(const Expr& e, std::size_t k, const V& v, const Env& env) {
  if (!v.is_int()) arg_type(e, k, v, "an integer", env);
  return v.i();
}

// range() takes integers only; the TCK calls another kind an ArgumentError.
std::int64_t range_arg(const Expr& e, std::size_t k, const V& v, const Env& env) {
  if (!v.is_int())
    fail(env, e.args[k]->pos, ErrorCode::argument, "range() needs integers, got " + std::string(kind_of(v)));
  return v.i();
}

V range(const Expr& e, std::vector<V>& a, Env& env) {
  const std::int64_t from = range_arg(e, 0, a[0], env), to = range_arg(e, 1, a[1], env);
  const std::int64_t step = a.size() > 2 ? range_arg(e, 2, a[2], env) : 1;
  if (step == 0) fail(env, e.args[2]->pos, ErrorCode::argument, "range() step must not be zero");
  VList out;
  for (std::int64_t i = from; step > 0 ? i <= to : i >= to;) {
    env.budget.step();
    out.emplace_back(i);
    if (__builtin_add_overflow(i, step, &i)) break;
  }
  return V(std::move(out));
}

V math(Fn f, double x) {
  if (f == Fn::sqrt) return V(std::sqrt(x));
  if (f == Fn::exp) return V(std::exp(x));
  if (f == Fn::log) return V(std::log(x));
  if (f == Fn::log10) return V(std::log10(x));
  if (f == Fn::sin) return V(std::sin(x));
  if (f == Fn::cos) return V(std::cos(x));
  if (f == Fn::tan) return V(std::tan(x));
  if (f == Fn::cot) return V(1.0 / std::tan(x));
  if (f == Fn::asin) return V(std::asin(x));
  if (f == Fn::acos) return V(std::acos(x));
  if (f == Fn::atan) return V(std::atan(x));
  if (f == Fn::degrees) return V(x * 180.0 / std::numbers::pi);
  if (f == Fn::radians) return V(x * std::numbers::pi / 180.0);
  if (f == Fn::haversin) return V((1 - std::cos(x)) / 2);
  return V();
}

V round_value(const Expr& e, std::vector<V>& a, Env& env) {
  const double x = a[0].num();
  if (a.size() == 1) return V(std::floor(x + 0.5));  // half up, as Cypher rounds
  const std::int64_t digits = int_arg(e, 1, a[1], env);
  const double scale = std::pow(10.0, static_cast<double>(digits));
  return V(std::round(x * scale) / scale);
}

V string_function(const Expr& e, std::vector<V>& a, Env& env) {
  const Fn f = e.fn;
  if (!a[0].is_string()) arg_type(e, 0, a[0], "a string", env);
  const std::string& s = a[0].s();
  if (f == Fn::tolower || f == Fn::lower) return V(map_case(s, false));
  if (f == Fn::toupper || f == Fn::upper) return V(map_case(s, true));
  if (f == Fn::fold) return V(detail::fold(s));
  if (f == Fn::trim || f == Fn::ltrim || f == Fn::rtrim) {
    std::size_t b = 0, end = s.size();
    if (f != Fn::rtrim)
      while (b < end && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    if (f != Fn::ltrim)
      while (end > b && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
    return V(s.substr(b, end - b));
  }
  if (f == Fn::replace) {
    if (!a[1].is_string()) arg_type(e, 1, a[1], "a string", env);
    if (!a[2].is_string()) arg_type(e, 2, a[2], "a string", env);
    const std::string &from = a[1].s(), &to = a[2].s();
    if (from.empty()) return V(s);
    std::string out;
    std::size_t at = 0;
    for (std::size_t hit; (hit = s.find(from, at)) != std::string::npos; at = hit + from.size())
      out += s.substr(at, hit - at) + to;
    return V(out + s.substr(at));
  }
  if (f == Fn::substring || f == Fn::left || f == Fn::right) {
    const std::int64_t x = int_arg(e, 1, a[1], env);
    if (x < 0)
      fail(env, e.args[1]->pos, ErrorCode::argument,
           e.name + "() needs a non-negative number, got " + std::to_string(x));
    const auto len = static_cast<std::size_t>(code_points(s));
    if (f == Fn::left) return V(substring(s, 0, static_cast<std::size_t>(x)));
    if (f == Fn::right)
      return V(substring(s, len - std::min(len, static_cast<std::size_t>(x)), static_cast<std::size_t>(x)));
    std::size_t count = len;
    if (a.size() > 2) {
      const std::int64_t c = int_arg(e, 2, a[2], env);
      if (c < 0)
        fail(env, e.args[2]->pos, ErrorCode::argument,
             "substring() needs a non-negative length, got " + std::to_string(c));
      count = static_cast<std::size_t>(c);
    }
    return V(substring(s, static_cast<std::size_t>(x), count));
  }
  if (f == Fn::split) {
    if (!a[1].is_string()) arg_type(e, 1, a[1], "a string", env);
    const std::string& sep = a[1].s();
    VList out;
    if (sep.empty()) {
      const auto starts = code_point_starts(s);
      for (std::size_t k = 0; k < starts.size(); ++k)
        out.emplace_back(s.substr(starts[k], (k + 1 < starts.size() ? starts[k + 1] : s.size()) - starts[k]));
      return V(std::move(out));
    }
    std::size_t at = 0;
    for (std::size_t hit; (hit = s.find(sep, at)) != std::string::npos; at = hit + sep.size())
      out.emplace_back(s.substr(at, hit - at));
    out.emplace_back(s.substr(at));
    return V(std::move(out));
  }
  return V();
}

V element_function(const Expr& e, std::vector<V>& a, Env& env) {
  const Fn f = e.fn;
  const V& x = a[0];
  const Graph& g = env.g;
  if (f == Fn::type) {
    if (!x.is_edge()) arg_type(e, 0, x, "a relationship", env);
    return V(std::string(g.edge(x.edge()).type()));
  }
  if (f == Fn::id || f == Fn::elementid) {
    if (x.is_node()) return V(std::string(g.node(x.node()).id()));
    if (x.is_edge()) return V(edge_text(g, x.edge()));
    arg_type(e, 0, x, "a node or a relationship", env);
  }
  if (f == Fn::label) {
    if (!x.is_node()) arg_type(e, 0, x, "a node", env);
    return V(std::string(g.node(x.node()).label()));
  }
  if (f == Fn::labels) {
    if (!x.is_node()) arg_type(e, 0, x, "a node", env);
    return V(VList{V(std::string(g.node(x.node()).type()))});
  }
  if (f == Fn::startnode || f == Fn::endnode) {
    if (!x.is_edge()) arg_type(e, 0, x, "a relationship", env);
    const Edge r = g.edge(x.edge());
    return V(NodeRef{(f == Fn::startnode ? r.from() : r.to()).index()});
  }
  if (f == Fn::properties) {
    if (x.is_node()) return node_properties(g, x.node());
    if (x.is_edge()) return edge_properties(g, x.edge());
    if (x.is_map()) return x;
    arg_type(e, 0, x, "a node, relationship or map", env);
  }
  if (f == Fn::keys) {
    const V m = x.is_node() ? node_properties(g, x.node()) : x.is_edge() ? edge_properties(g, x.edge()) : x;
    if (!m.is_map()) arg_type(e, 0, x, "a node, relationship or map", env);
    VList out;
    for (const auto& [k, v] : m.map()) out.emplace_back(k);
    return V(std::move(out));
  }
  if (f == Fn::sources) {
    if (x.is_node()) return node_property(g, x.node(), "sources");
    if (x.is_edge()) return edge_property(g, x.edge(), "sources");
    arg_type(e, 0, x, "a node or a relationship", env);
  }
  if (f == Fn::nodes || f == Fn::relationships) {
    if (!x.is_path()) arg_type(e, 0, x, "a path", env);
    VList out;
    if (f == Fn::nodes)
      for (NodeIndex i : x.path().nodes) out.emplace_back(NodeRef{i});
    else
      for (EdgeIndex i : x.path().rels) out.emplace_back(EdgeRef{i});
    return V(std::move(out));
  }
  return V();
}

V list_function(const Expr& e, std::vector<V>& a, Env& env) {
  const Fn f = e.fn;
  const V& x = a[0];
  if (f == Fn::size || f == Fn::char_length || f == Fn::character_length) {
    if (x.is_string()) return V(code_points(x.s()));
    if (x.is_list() && f == Fn::size) return V(static_cast<std::int64_t>(x.list().size()));
    arg_type(e, 0, x, f == Fn::size ? "a list or a string" : "a string", env);
  }
  if (f == Fn::length) {
    if (x.is_path()) return V(static_cast<std::int64_t>(x.path().rels.size()));
    if (x.is_string()) return V(code_points(x.s()));
    if (x.is_list()) return V(static_cast<std::int64_t>(x.list().size()));
    arg_type(e, 0, x, "a path", env);
  }
  if (f == Fn::isempty) {
    if (x.is_string()) return V(x.s().empty());
    if (x.is_list()) return V(x.list().empty());
    if (x.is_map()) return V(x.map().empty());
    arg_type(e, 0, x, "a list, map or string", env);
  }
  if (f == Fn::reverse) {
    if (x.is_string()) return V(reverse_string(x.s()));
    if (!x.is_list()) arg_type(e, 0, x, "a list or a string", env);
    return V(VList(x.list().rbegin(), x.list().rend()));
  }
  if (!x.is_list()) arg_type(e, 0, x, "a list", env);
  const VList& l = x.list();
  if (f == Fn::head) return l.empty() ? V() : l.front();
  if (f == Fn::last) return l.empty() ? V() : l.back();
  if (f == Fn::tail) return l.empty() ? V(VList{}) : V(VList(l.begin() + 1, l.end()));
  return V();
}

}  // namespace

V call_function(const Expr& e, std::vector<V>& a, Env& env) {
  const Fn f = e.fn;
  if (f == Fn::coalesce) {
    for (V& x : a)
      if (!x.is_null()) return x;
    return V();
  }
  if (f == Fn::e) return V(std::numbers::e);
  if (f == Fn::pi) return V(std::numbers::pi);
  if (f == Fn::rand) {
    // Uniform in [0, 1): the top 53 bits as a fraction (uniform_real_distribution may return
    // 1.0 after rounding). One generator per thread: concurrent runs never share one.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return V(static_cast<double>(generator() >> 11) * 0x1.0p-53);
  }
  if (f == Fn::exists) return V(!a[0].is_null());
  if (f == Fn::range) return range(e, a, env);
  if (f == Fn::tostringornull || f == Fn::tointegerornull || f == Fn::tofloatornull || f == Fn::tobooleanornull) {
    if (a[0].is_null()) return V();
    if (f == Fn::tostringornull) return to_string_value(a[0], false, e, env);
    if (f == Fn::tointegerornull) return to_integer(a[0], false, e, env);
    if (f == Fn::tofloatornull) return to_float(a[0], false, e, env);
    return to_boolean(a[0], false, e, env);
  }
  for (const V& x : a)
    if (x.is_null()) return V();
  if (f == Fn::tostring) return to_string_value(a[0], true, e, env);
  if (f == Fn::tointeger) return to_integer(a[0], true, e, env);
  if (f == Fn::tofloat) return to_float(a[0], true, e, env);
  if (f == Fn::toboolean) return to_boolean(a[0], true, e, env);
  if (f == Fn::date) {
    if (!a[0].is_string()) arg_type(e, 0, a[0], "a string", env);
    Date d;
    std::string why;
    if (!Date::try_parse(a[0].s(), d, &why)) fail(env, e.pos, ErrorCode::value, "date(): " + why);
    return V(d);
  }
  if (f == Fn::within || f == Fn::overlaps) {
    for (std::size_t k = 0; k < 3; ++k)
      if (!a[k].is_date()) arg_type(e, k, a[k], "dates", env);
    // within(d, from, to): d definitely inside; overlaps(d, from, to): possibly inside.
    return V(
        a[0].date().within(a[1].date(), a[2].date(), f == Fn::within ? Certainty::definitely : Certainty::possibly));
  }
  if (f == Fn::abs || f == Fn::ceil || f == Fn::floor || f == Fn::round || f == Fn::sign || f == Fn::atan2 ||
      f == Fn::sqrt || f == Fn::exp || f == Fn::log || f == Fn::log10 || f == Fn::sin || f == Fn::cos || f == Fn::tan ||
      f == Fn::cot || f == Fn::asin || f == Fn::acos || f == Fn::atan || f == Fn::degrees || f == Fn::radians ||
      f == Fn::haversin) {
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!a[k].is_number()) arg_type(e, k, a[k], "a number", env);
    const V& x = a[0];
    if (f == Fn::abs) {
      if (x.is_int()) {
        if (x.i() == INT64_MIN) fail(env, e.pos, ErrorCode::argument, "integer overflow");
        return V(x.i() < 0 ? -x.i() : x.i());
      }
      return V(std::fabs(x.num()));
    }
    if (f == Fn::sign) return V(std::int64_t{x.num() > 0 ? 1 : x.num() < 0 ? -1 : 0});
    if (f == Fn::ceil) return V(std::ceil(x.num()));
    if (f == Fn::floor) return V(std::floor(x.num()));
    if (f == Fn::round) return round_value(e, a, env);
    if (f == Fn::atan2) return V(std::atan2(x.num(), a[1].num()));
    return math(f, x.num());
  }
  if (f == Fn::tolower || f == Fn::toupper || f == Fn::lower || f == Fn::upper || f == Fn::fold || f == Fn::trim ||
      f == Fn::ltrim || f == Fn::rtrim || f == Fn::replace || f == Fn::substring || f == Fn::left || f == Fn::right ||
      f == Fn::split)
    return string_function(e, a, env);
  if (f == Fn::size || f == Fn::length || f == Fn::head || f == Fn::last || f == Fn::tail || f == Fn::reverse ||
      f == Fn::isempty || f == Fn::char_length || f == Fn::character_length)
    return list_function(e, a, env);
  return element_function(e, a, env);
}

}  // namespace diplograph::ql
