#pragma once
/// \file
/// The query language: a subset of Cypher, parsed, checked against the schema and run by the
/// library.
///
///     MATCH (a:State {id: 'azerbaijan'})<-[:ACTOR|RECIPIENT]-(e:Event)
///     WHERE e.date >= date('2025-08') AND e.date <= date('2025-10')
///     RETURN e.date, e.label ORDER BY e.date
///
/// The reference (every clause, operator and function, and how dates of different precision
/// compare) is in the README's "Query" section. Errors point at line:column of the query text
/// with a caret under the spot and, where it helps, a did-you-mean.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"
#include "diplograph/value.hpp"

namespace diplograph {

/// One cell of a result. A returned node or edge keeps its handle (valid while the Graph
/// lives) and shows as its id; every other cell is a plain Value (null when absent).
struct Cell {
  Value value;
  std::optional<Node> node;
  std::optional<Edge> edge;
  /// Display text: Value::to_string(), "" for null, a node's or edge's id (an edge without an
  /// id shows as `from-[TYPE]->to`).
  std::string to_string() const;
};

/// The rows a query returns, in order (the ORDER BY order, else the order matches were found,
/// which is deterministic). `columns` are the RETURN names: the `AS` alias, or else the
/// expression as written.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

/// The rows as a JSON array with one object per row, keyed by column. A node is
/// {"id", "type", "label"}, an edge {"id", "type", "from", "to"}; values are JSON values (dates
/// as strings, lists as arrays, null as null). One row per line, for reading by eye and by `jq`.
[[nodiscard]] std::string to_json(const QueryResult& result);

namespace detail {
struct QueryPlan;
}

/// A parsed and checked query, ready to run on any graph with the schema it was checked
/// against. Cheap to copy; immutable, so one Query may run on many threads at once.
class Query {
 public:
  /// Parses `text` and checks it against `schema`. Throws Error with ErrorCode::syntax for
  /// malformed text and ErrorCode::query for an unknown variable, type, property or function
  /// or a type mismatch; its location is `<query>`:line:column and its message ends with the
  /// offending query line and a caret under the spot.
  [[nodiscard]] static Query compile(const Schema& schema, std::string_view text);

  /// Runs the query. \pre `graph.schema()` is the schema the query was compiled against (or
  /// equal to it). Throws Error(ErrorCode::query) for a failure only data can reveal.
  /// Cost: proportional to the edges the patterns touch, not to the graph's size, when each
  /// pattern has a bound start (an id, or a labelled node of a rare type).
  QueryResult run(const Graph& graph) const;

  /// The RETURN column names.
  const std::vector<std::string>& columns() const noexcept;

 private:
  explicit Query(std::shared_ptr<const detail::QueryPlan> plan) : plan_(std::move(plan)) {}
  std::shared_ptr<const detail::QueryPlan> plan_;
};

/// Compiles and runs `text` on `graph`: Query::compile(graph.schema(), text).run(graph).
QueryResult query(const Graph& graph, std::string_view text);

}  // namespace diplograph
