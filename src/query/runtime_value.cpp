#include "query/runtime_value.hpp"

#include <cmath>
#include <functional>

#include "core/value_access.hpp"

namespace diplograph::ql {

std::string_view kind_of(const V& v) noexcept {
  static constexpr std::string_view names[] = {"Null", "Boolean", "Integer", "Float",        "String", "Date",
                                               "List", "Map",     "Node",    "Relationship", "Path"};
  return names[v.v.index()];
}

namespace {

int three(auto a, auto b) { return a < b ? -1 : b < a ? 1 : 0; }

int compare_numbers(const V& a, const V& b) {
  if (a.is_int() && b.is_int()) return three(a.i(), b.i());
  // An integer beyond 2^53 against a float: compare exactly where the double is integral.
  if (a.is_int() != b.is_int()) {
    const std::int64_t i = a.is_int() ? a.i() : b.i();
    const double d = a.is_int() ? b.num() : a.num();
    int c;
    if (std::isnan(d))
      c = -1;
    else if (d >= 9.2233720368547758e18)
      c = -1;
    else if (d < -9.2233720368547758e18)
      c = 1;
    else {
      const double f = std::floor(d);
      const auto fi = static_cast<std::int64_t>(f);
      c = i < fi ? -1 : i > fi ? 1 : (d > f ? -1 : 0);
    }
    return a.is_int() ? c : -c;
  }
  return three(a.num(), b.num());
}

bool is_nan(const V& v) { return v.is_real() && std::isnan(v.num()); }

}  // namespace

std::optional<bool> equals(const V& a, const V& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (is_nan(a) || is_nan(b)) return false;
    return compare_numbers(a, b) == 0;
  }
  if (a.v.index() != b.v.index()) return false;
  if (a.is_list()) {
    const VList &x = a.list(), &y = b.list();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (std::size_t k = 0; k < x.size(); ++k) {
      auto e = equals(x[k], y[k]);
      if (e == false) return false;
      if (!e) unknown = true;
    }
    return unknown ? std::nullopt : std::optional<bool>(true);
  }
  if (a.is_map()) {
    const VMap &x = a.map(), &y = b.map();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (std::size_t k = 0; k < x.size(); ++k) {
      if (x[k].first != y[k].first) return false;
      auto e = equals(x[k].second, y[k].second);
      if (e == false) return false;
      if (!e) unknown = true;
    }
    return unknown ? std::nullopt : std::optional<bool>(true);
  }
  if (a.is_path()) return a.path().nodes == b.path().nodes && a.path().rels == b.path().rels;
  if (a.is_node()) return a.node() == b.node();
  if (a.is_edge()) return a.edge() == b.edge();
  return a.v == b.v;
}

std::optional<int> compare_values(const V& a, const V& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (is_nan(a) || is_nan(b)) return std::nullopt;
    return compare_numbers(a, b);
  }
  if (a.v.index() != b.v.index()) return std::nullopt;
  if (a.is_string()) return three(a.s(), b.s());
  if (a.is_bool()) return three(a.b(), b.b());
  if (a.is_date()) return three(a.date(), b.date());
  if (a.is_list()) {
    const VList &x = a.list(), &y = b.list();
    for (std::size_t k = 0; k < std::min(x.size(), y.size()); ++k) {
      auto c = compare_values(x[k], y[k]);
      if (!c) return std::nullopt;
      if (*c) return c;
    }
    return three(x.size(), y.size());
  }
  return std::nullopt;
}

namespace {

int order_rank(const V& v) {
  switch (v.v.index()) {
    case 7:
      return 0;  // map
    case 8:
      return 1;  // node
    case 9:
      return 2;  // relationship
    case 6:
      return 3;  // list
    case 10:
      return 4;  // path
    case 5:
      return 5;  // date
    case 4:
      return 6;  // string
    case 1:
      return 7;  // boolean
    case 2:
    case 3:
      return 8;  // number
    default:
      return 9;  // null
  }
}

}  // namespace

int order_values(const V& a, const V& b) {
  const int ra = order_rank(a), rb = order_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: {
      const VMap &x = a.map(), &y = b.map();
      for (std::size_t k = 0; k < std::min(x.size(), y.size()); ++k) {
        if (int c = three(x[k].first, y[k].first)) return c;
        if (int c = order_values(x[k].second, y[k].second)) return c;
      }
      return three(x.size(), y.size());
    }
    case 1:
      return three(a.node(), b.node());
    case 2:
      return three(a.edge(), b.edge());
    case 3: {
      const VList &x = a.list(), &y = b.list();
      for (std::size_t k = 0; k < std::min(x.size(), y.size()); ++k)
        if (int c = order_values(x[k], y[k])) return c;
      return three(x.size(), y.size());
    }
    case 4: {
      const PathV &x = a.path(), &y = b.path();
      if (int c = three(x.nodes, y.nodes)) return c;
      return three(x.rels, y.rels);
    }
    case 5:
      return three(a.date(), b.date());
    case 6:
      return three(a.s(), b.s());
    case 7:
      return three(a.b(), b.b());
    case 8:
      if (is_nan(a) || is_nan(b)) return three(is_nan(a), is_nan(b));
      return compare_numbers(a, b);
    default:
      return 0;
  }
}

bool same_values(const V& a, const V& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (is_nan(a) || is_nan(b)) return is_nan(a) && is_nan(b);
  if (a.is_list() && b.is_list()) {
    const VList &x = a.list(), &y = b.list();
    if (x.size() != y.size()) return false;
    for (std::size_t k = 0; k < x.size(); ++k)
      if (!same_values(x[k], y[k])) return false;
    return true;
  }
  if (a.is_map() && b.is_map()) {
    const VMap &x = a.map(), &y = b.map();
    if (x.size() != y.size()) return false;
    for (std::size_t k = 0; k < x.size(); ++k)
      if (x[k].first != y[k].first || !same_values(x[k].second, y[k].second)) return false;
    return true;
  }
  return equals(a, b) == true;
}

std::size_t hash_value(const V& v) {
  std::size_t h = v.is_number() ? 2 : v.v.index();
  auto mix = [&h](std::size_t x) { h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  switch (v.v.index()) {
    case 1:
      mix(v.b());
      break;
    case 2:
    case 3:
      mix(std::isnan(v.num()) ? 7 : std::hash<double>{}(v.num()));
      break;
    case 4:
      mix(std::hash<std::string>{}(v.s()));
      break;
    case 5:
      mix(static_cast<std::size_t>(v.date().earliest()) * 31 + static_cast<std::size_t>(v.date().latest()));
      break;
    case 6:
      for (const V& x : v.list()) mix(hash_value(x));
      break;
    case 7:
      for (const auto& [k, x] : v.map()) {
        mix(std::hash<std::string>{}(k));
        mix(hash_value(x));
      }
      break;
    case 8:
      mix(v.node());
      break;
    case 9:
      mix(v.edge());
      break;
    case 10:
      for (NodeIndex n : v.path().nodes) mix(n);
      for (EdgeIndex e : v.path().rels) mix(e);
      break;
    default:
      break;
  }
  return h;
}

V from_value(const Value& v) {
  const auto& s = detail::ValueAccess::storage(v);
  switch (s.index()) {
    case 1:
      return V(std::get<bool>(s));
    case 2:
      return V(std::get<std::int64_t>(s));
    case 3:
      return V(std::get<double>(s));
    case 4:
      return V(std::get<std::string>(s));
    case 5:
      return V(std::get<Date>(s));
    case 6: {
      VList out;
      for (const Value& x : std::get<List>(s)) out.push_back(from_value(x));
      return V(std::move(out));
    }
    default:
      return V();
  }
}

Cell to_cell(const Graph& g, V v) {
  Cell c;
  switch (v.v.index()) {
    case 0:
      break;
    case 1:
      c.value = v.b();
      break;
    case 2:
      c.value = v.i();
      break;
    case 3:
      c.value = std::get<double>(v.v);
      break;
    case 4:
      c.value = std::move(std::get<std::string>(v.v));
      break;
    case 5:
      c.value = v.date();
      break;
    case 6:
      c.kind = Cell::Kind::list;
      for (const V& x : v.list()) c.items.push_back(to_cell(g, x));
      break;
    case 7:
      c.kind = Cell::Kind::map;
      for (const auto& [k, x] : v.map()) {
        c.keys.push_back(k);
        c.items.push_back(to_cell(g, x));
      }
      break;
    case 8:
      c.kind = Cell::Kind::node;
      c.node = g.node(v.node());
      break;
    case 9:
      c.kind = Cell::Kind::edge;
      c.edge = g.edge(v.edge());
      break;
    case 10: {
      c.kind = Cell::Kind::path;
      const PathV& p = v.path();
      for (std::size_t k = 0; k < p.nodes.size(); ++k) {
        if (k) c.items.push_back(to_cell(g, V(EdgeRef{p.rels[k - 1]})));
        c.items.push_back(to_cell(g, V(NodeRef{p.nodes[k]})));
      }
      break;
    }
  }
  return c;
}

}  // namespace diplograph::ql
