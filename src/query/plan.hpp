#pragma once
// A compiled query: the statement with every name resolved into row slots and schema ids.

#include "diplograph/query.hpp"
#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// Resolves names against the clauses' scopes and the schema, and checks what can be checked
/// before running. Throws a located Error (see query.hpp for the codes).
void compile(Statement& st, const Schema& schema, const Text& text);

}  // namespace diplograph::ql

namespace diplograph::detail {
struct QueryPlan {
  ql::Text text;
  ql::Statement st;
  bool explain = false;  // the text was `EXPLAIN <query>`
};
}  // namespace diplograph::detail
