#pragma once
// The values a query computes with: Cypher's null, booleans, 64-bit integers, floats, strings,
// diplograph dates, lists, maps, nodes, relationships and paths. Lists, maps and paths are
// shared and immutable, so copying a value (a row is a vector of them) is cheap.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "diplograph/graph.hpp"
#include "diplograph/query.hpp"

namespace diplograph::ql {

struct V;
using VList = std::vector<V>;
using VMap = std::vector<std::pair<std::string, V>>;  // sorted by key, keys unique

struct NodeRef {
  NodeIndex i;
  friend bool operator==(NodeRef, NodeRef) = default;
};
struct EdgeRef {
  EdgeIndex i;
  friend bool operator==(EdgeRef, EdgeRef) = default;
};
/// A path: nodes[k] and nodes[k+1] are joined by rels[k].
struct PathV {
  std::vector<NodeIndex> nodes;
  std::vector<EdgeIndex> rels;
};

struct V {
  using Storage =
      std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, std::shared_ptr<const VList>,
                   std::shared_ptr<const VMap>, NodeRef, EdgeRef, std::shared_ptr<const PathV>>;
  Storage v;

  V() = default;
  V(bool b) : v(b) {}
  V(std::int64_t i) : v(i) {}
  V(int i) : v(std::int64_t{i}) {}
  V(double d) : v(d) {}
  V(std::string s) : v(std::move(s)) {}
  V(const char* s) : v(std::string(s)) {}
  V(Date d) : v(d) {}
  V(VList l) : v(std::make_shared<const VList>(std::move(l))) {}
  V(VMap m) : v(std::make_shared<const VMap>(std::move(m))) {}
  V(NodeRef n) : v(n) {}
  V(EdgeRef e) : v(e) {}
  V(PathV p) : v(std::make_shared<const PathV>(std::move(p))) {}

  bool is_null() const noexcept { return v.index() == 0; }
  bool is_bool() const noexcept { return v.index() == 1; }
  bool is_int() const noexcept { return v.index() == 2; }
  bool is_real() const noexcept { return v.index() == 3; }
  bool is_number() const noexcept { return is_int() || is_real(); }
  bool is_string() const noexcept { return v.index() == 4; }
  bool is_date() const noexcept { return v.index() == 5; }
  bool is_list() const noexcept { return v.index() == 6; }
  bool is_map() const noexcept { return v.index() == 7; }
  bool is_node() const noexcept { return v.index() == 8; }
  bool is_edge() const noexcept { return v.index() == 9; }
  bool is_path() const noexcept { return v.index() == 10; }

  bool b() const { return std::get<bool>(v); }
  std::int64_t i() const { return std::get<std::int64_t>(v); }
  double num() const { return is_int() ? static_cast<double>(i()) : std::get<double>(v); }
  const std::string& s() const { return std::get<std::string>(v); }
  const Date& date() const { return std::get<Date>(v); }
  const VList& list() const { return *std::get<6>(v); }
  const VMap& map() const { return *std::get<7>(v); }
  NodeIndex node() const { return std::get<NodeRef>(v).i; }
  EdgeIndex edge() const { return std::get<EdgeRef>(v).i; }
  const PathV& path() const { return *std::get<10>(v); }
};

/// The Cypher type name of a value, for messages: "Integer", "String", "Node", ...
std::string_view kind_of(const V& v) noexcept;

/// `=` with three-valued logic: nullopt when the answer is unknown (a null is involved).
/// Integers compare exactly with integers; an integer and a float compare as numbers.
std::optional<bool> equals(const V& a, const V& b);
/// `<` and friends: the sign of a - b, or nullopt when the two are not comparable (null, or
/// different kinds). Dates compare by earliest then latest day.
std::optional<int> compare_values(const V& a, const V& b);
/// The total order of ORDER BY: maps, nodes, relationships, lists, paths, strings, booleans,
/// numbers, dates, with null last; inside a kind, by value.
int order_values(const V& a, const V& b);
/// Equivalence for DISTINCT and grouping: like `=`, but null equals null and NaN equals NaN.
bool same_values(const V& a, const V& b);
std::size_t hash_value(const V& v);

/// A stored property value as a query value, and back (for lists of plain values).
V from_value(const Value& v);

/// A value as a result cell.
Cell to_cell(const Graph& g, V v);

}  // namespace diplograph::ql
