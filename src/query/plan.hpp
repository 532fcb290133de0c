#pragma once
// A compiled query: the statement with every name resolved into row slots and schema ids.

#include "diplograph/query.hpp"
#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// Resolves names against the clauses' scopes and the schema, and checks what can be checked
/// before running. Throws a located Error (see query.hpp for the codes).
void compile(Statement& st, const Schema& schema, const Text& text);

/// The built-in fields of a node or a relationship that a query can read as properties, unless
/// the schema declares a property of the same name for the element's type (which shadows it).
bool is_node_builtin(std::string_view name) noexcept;
bool is_edge_builtin(std::string_view name) noexcept;

/// Is `name` a known aggregate / scalar function (lower-cased)?
bool is_aggregate_function(std::string_view lower_name) noexcept;
bool is_scalar_function(std::string_view lower_name) noexcept;
std::vector<std::string> function_names();

}  // namespace diplograph::ql

namespace diplograph::detail {
struct QueryPlan {
  ql::Text text;
  ql::Statement st;
  bool explain = false;  // the text was `EXPLAIN <query>`
};
}  // namespace diplograph::detail
