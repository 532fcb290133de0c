#pragma once
// The parsed and checked query: patterns, expressions and the RETURN clause. Checking fills in
// variable slots, resolved type ids and static value types.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/graph.hpp"
#include "diplograph/value.hpp"

namespace diplograph::ql {

/// What an expression is known to yield before it runs; `any` when it depends on the data.
enum class Type : std::uint8_t { any, null, boolean, number, string, date, list, node, edge, path };
std::string_view type_name(Type t) noexcept;

enum class Op : std::uint8_t { eq, ne, lt, le, gt, ge, contains, starts_with, ends_with, in, and_, or_, xor_ };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  enum class Kind : std::uint8_t { literal, variable, property, call, count_star, not_, is_null, binary, list };
  Kind kind = Kind::literal;
  std::size_t pos = 0, end = 0;  // the expression's span in the query text
  Value literal;                 // literal
  std::string name;              // variable, property or function name
  int slot = -1;                 // variable: its slot (resolved)
  Op op = Op::eq;                // binary
  bool negated = false;          // is_null: IS NOT NULL
  bool distinct = false;         // count(DISTINCT x)
  std::vector<ExprPtr> args;     // property: [object]; call, list, binary, not_, is_null: operands
  Type type = Type::any;         // static type, set by the checker
  bool aggregate = false;        // count(...) somewhere inside
};

enum class Dir : std::uint8_t { out, in, both };

struct NodePattern {
  std::string var;  // "" for an anonymous node
  std::size_t var_pos = 0;
  std::vector<std::pair<std::string, std::size_t>> labels;  // name, position
  std::vector<std::pair<std::string, ExprPtr>> props;       // {key: value}
  std::size_t pos = 0;
  int slot = -1;
  std::vector<bool> types;  // allowed node types by TypeId; empty = any
};

struct RelPattern {
  std::string var;
  std::size_t var_pos = 0;
  std::vector<std::pair<std::string, std::size_t>> labels;
  std::vector<std::pair<std::string, ExprPtr>> props;
  std::size_t pos = 0;
  Dir dir = Dir::both;
  bool variable_length = false;
  unsigned min_hops = 1, max_hops = 1;
  int slot = -1;
  std::vector<TypeId> types;  // allowed edge types; empty = any
};

/// A chain (n0)-[r0]-(n1)-[r1]-(n2)...: rels[i] joins nodes[i] and nodes[i+1].
struct Pattern {
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  ExprPtr expr;
  std::string name;  // the alias, or the expression's text
  std::size_t pos = 0;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
  int column = -1;  // the RETURN column it names, when it names one
};

enum class VarKind : std::uint8_t { node, edge, path };

struct Variable {
  std::string name;
  VarKind kind = VarKind::node;
  std::size_t pos = 0;
  std::vector<bool> types;  // node types (by TypeId) or edge types its pattern allows; empty = any
  bool hidden = false;      // made up for an anonymous node or relationship
};

struct Statement {
  std::vector<Pattern> patterns;
  ExprPtr where;
  bool distinct = false;
  std::vector<ReturnItem> items;
  std::vector<SortItem> order;
  std::optional<std::int64_t> skip, limit;
  std::vector<Variable> vars;  // by slot
};

}  // namespace diplograph::ql
