#pragma once
// A checked query: the statement with every name resolved, and the WHERE split into conjuncts
// that the matcher tests as soon as their variables are bound.

#include <vector>

#include "diplograph/query.hpp"
#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// One AND-ed condition of the WHERE clause or of a property map.
struct Conjunct {
  const Expr* expr = nullptr;
  std::vector<int> slots;  // the variables it reads
  int id_slot = -1;        // `v.id = 'literal'`: the node it pins
  std::string id;          // ...and the id
};

struct Plan {
  Statement st;
  std::vector<ExprPtr> owned;  // property-map conditions made into expressions
  std::vector<Conjunct> conjuncts;
  bool aggregate = false;  // some RETURN item counts
  std::vector<std::string> columns;
};

/// Resolves names, checks types and splits the WHERE clause. Throws a query Error.
Plan check(Statement st, const Schema& schema, const Text& text);

}  // namespace diplograph::ql

namespace diplograph::detail {
struct QueryPlan {
  ql::Text text;
  ql::Plan plan;
};
}  // namespace diplograph::detail
