#pragma once
/// \file
/// The query language: the read-only core of openCypher, parsed, checked against the schema and run by the
/// library.
///
///     MATCH (a:State {id: 'azerbaijan'})<-[:ACTOR|RECIPIENT]-(e:Event)
///     WHERE e.date >= date('2025-08') AND e.date <= date('2025-10')
///     RETURN e.date, e.label ORDER BY e.date
///
/// The reference (every clause, operator and function, and how dates of different precision
/// compare) is in the README's "Query" section. Errors point at line:column of the query text
/// with a caret under the spot and, where it helps, a did-you-mean.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"
#include "diplograph/value.hpp"

namespace diplograph {

/// One cell of a result. Scalars are a plain Value (null when absent); a node or relationship
/// keeps its handle (valid while the Graph lives); lists, maps and paths hold their parts.
struct Cell {
  enum class Kind : std::uint8_t { value, node, edge, list, map, path };
  Kind kind = Kind::value;
  Value value;               ///< Kind::value
  std::optional<Node> node;  ///< Kind::node
  std::optional<Edge> edge;  ///< Kind::edge
  /// Kind::list: the items; Kind::map: the values, in key order; Kind::path: nodes and
  /// relationships alternating, starting and ending with a node.
  std::vector<Cell> items;
  std::vector<std::string> keys;  ///< Kind::map: the keys, sorted
  /// Display text: Value::to_string(), "" for null, a node's or edge's id (an edge without an
  /// id shows as `from-[TYPE]->to`), a list as `[a, b]`, a map as `{k: v}`, a path as
  /// `(a)-[r]->(b)`.
  std::string to_string() const;
};

/// The rows a query returns, in order (the ORDER BY order, else the order matches were found,
/// which is deterministic). `columns` are the RETURN names: the `AS` alias, or else the
/// expression as written.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

/// The rows as a JSON array with one object per row, keyed by column; one row per line. A node
/// is {"id", "type", "label", "properties": {...}}, a relationship {"id", "type", "from", "to",
/// "properties": {...}}, a path {"nodes": [...], "relationships": [...]}; lists are arrays,
/// maps objects, dates strings, null null. Properties are the schema-declared ones the element
/// holds.
[[nodiscard]] std::string to_json(const QueryResult& result);
/// One cell as JSON, as to_json() writes it.
[[nodiscard]] std::string to_json(const Cell& cell);

namespace detail {
struct QueryPlan;
struct ParameterData;
}  // namespace detail

/// Values for the `$name` parameters of a query. Cheap to copy.
class Parameters {
 public:
  Parameters();
  /// Sets `$name` to a plain value.
  Parameters& set(const std::string& name, Value value);
  /// Sets `$name` to a JSON value (object keys become map keys). Throws Error(ErrorCode::syntax)
  /// for malformed JSON, located at `<param name>`.
  Parameters& set_json(const std::string& name, std::string_view json);
  /// Sets every member of a JSON object. Throws as set_json().
  Parameters& set_json_object(std::string_view json);
  /// Is `$name` set?
  bool has(const std::string& name) const;

 private:
  friend struct detail::ParameterData;
  std::shared_ptr<detail::ParameterData> data_;
};

/// What a run may use before it is stopped with Error(ErrorCode::limit). Zero means no limit.
struct QueryLimits {
  std::chrono::milliseconds timeout{0};  ///< wall-clock deadline from the start of run()
  std::size_t max_rows = 0;              ///< rows in the result
  std::size_t max_bindings = 0;          ///< intermediate rows and pattern expansions, together
  /// Set by another thread to stop the run; read with relaxed loads every few thousand steps.
  const std::atomic<bool>* cancel = nullptr;
};

/// How to run a query: its parameters and limits.
struct QueryOptions {
  Parameters params;
  QueryLimits limits;
};

/// A parsed and checked query, ready to run on any graph with the schema it was checked
/// against. Cheap to copy; immutable, so one Query may run on many threads at once.
///
/// Errors, and the openCypher TCK error classes they stand for:
///   - ErrorCode::syntax  — SyntaxError: malformed text (from compile()), and a SKIP or LIMIT
///     parameter that is not a non-negative integer (from run(), as the TCK classes it);
///   - ErrorCode::query   — SemanticError, and the TCK's compile-time SyntaxErrors that are
///     semantic (UndefinedVariable, VariableTypeConflict, InvalidAggregation, ...) or static
///     type errors (InvalidArgumentType) found from literals and the schema (from compile());
///     also a missing parameter (from run());
///   - ErrorCode::value   — TypeError: an operand or argument of the wrong type found while
///     running (from run());
///   - ErrorCode::argument — ArgumentError: a value of the right type out of range, such as
///     range() with step 0 or percentileCont() with 1.5 (from run());
///   - ErrorCode::limit   — a QueryLimits limit was hit (from run()).
/// A string literal compared with an enum-valued field (`modality`, `stance`, `quad`,
/// `category`, any property the schema declares as an enum) that is outside its vocabulary is
/// an ErrorCode::query error at the literal, with a did-you-mean (`e.modality = 'Expected'`);
/// a parameter compared so is checked when the query runs, with the same error.
/// Every error is located at `<query>`:line:column (of the call, for run-time errors) and its
/// message ends with the offending query line and a caret under the spot.
class Query {
 public:
  /// Parses `text` and checks it against `schema`. Throws Error as listed above.
  [[nodiscard]] static Query compile(const Schema& schema, std::string_view text);

  /// Runs the query. \pre `graph.schema()` is the schema the query was compiled against (or
  /// equal to it). Throws Error for a failure only data can reveal, a missing parameter, or a
  /// limit hit. Cost: proportional to the edges the patterns touch when each pattern has a
  /// bound start (an id, or a labelled node of a rare type).
  QueryResult run(const Graph& graph, const QueryOptions& options = {}) const;
  /// Cells hold handles into the graph: a temporary one (`run(view(g, o))`) does not compile;
  /// name the view so that it outlives the result.
  QueryResult run(Graph&& graph, const QueryOptions& options = {}) const = delete;

  /// The RETURN column names.
  const std::vector<std::string>& columns() const noexcept;

  /// What compiled but is most likely a mistake, as Severity::warning diagnostics located in
  /// the query (with its line and a caret, as errors are): a relationship the schema rules out
  /// between the node types of its ends (`(a:Agreement)-[:BROKER]->(b)`), naming the rule
  /// and where the schema declares it. Such a pattern matches nothing; the query still runs.
  const std::vector<Diagnostic>& warnings() const noexcept;

  /// The plan as a short text tree, one line per operator in the order rows flow: each MATCH
  /// with where its patterns start (a bound or id-pinned node, a scan of the edge array, or the
  /// labelled node with the fewest nodes, counted when it runs) and when each WHERE term is
  /// checked, then projections with their grouping, sort, skip and limit. Ends with a newline.
  /// Cost: proportional to the query's length.
  std::string explain() const;
  /// Did the text start with `EXPLAIN`? Then run() reads nothing from the graph and returns
  /// explain(), one line per row in a single column `plan`.
  bool is_explain() const noexcept;

 private:
  explicit Query(std::shared_ptr<const detail::QueryPlan> plan) : plan_(std::move(plan)) {}
  std::shared_ptr<const detail::QueryPlan> plan_;
};

/// Compiles and runs `text` on `graph`: Query::compile(graph.schema(), text).run(graph).
QueryResult query(const Graph& graph, std::string_view text, const QueryOptions& options = {});
/// As run(): a temporary graph (`query(view(g, o), q)`) does not compile.
QueryResult query(Graph&& graph, std::string_view text, const QueryOptions& options = {}) = delete;

}  // namespace diplograph
