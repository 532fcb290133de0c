#pragma once
// Evaluating expressions against one match, with Cypher's three-valued logic (null = unknown).

#include <cstdint>
#include <vector>

#include "diplograph/query.hpp"
#include "query/ast.hpp"

namespace diplograph::ql {

/// What a variable is bound to in one match.
struct Slot {
  enum class Kind : std::uint8_t { unbound, node, edge, path } kind = Kind::unbound;
  std::uint32_t index = 0;
  std::vector<EdgeIndex> path;  // a variable-length relationship
};
using Binding = std::vector<Slot>;

/// A value during evaluation: a Value, or a node or edge of the graph.
struct Val {
  enum class Ref : std::uint8_t { none, node, edge } ref = Ref::none;
  std::uint32_t index = 0;
  Value value;
};

/// The value of `e` (not an aggregate) for the match `b`.
Val eval(const Expr& e, const Graph& g, const Binding& b);
/// true, false, or nullopt for null (which WHERE treats as false).
std::optional<bool> truth(const Val& v);
/// A total order for ORDER BY, DISTINCT and grouping: numbers, then strings, booleans, dates,
/// lists, nodes, edges; null after everything.
int compare(const Val& a, const Val& b);
/// The result cell of a value.
Cell to_cell(const Graph& g, const Val& v);

}  // namespace diplograph::ql
