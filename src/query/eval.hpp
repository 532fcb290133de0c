#pragma once
// Evaluating expressions over one row, with Cypher's three-valued logic (null = unknown), and
// the run-time state every operator shares: graph, parameters, limits and the query text for
// located errors.

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

using Row = std::vector<V>;
using ParamMap = std::map<std::string, V, std::less<>>;

/// What a run may still use; checked every few thousand steps.
class Budget {
 public:
  Budget(const QueryLimits& limits, const Text& text);
  /// One more binding or expansion; throws Error(ErrorCode::limit) past a limit.
  void step() {
    if (++steps_ % 1024 == 0 || (max_steps_ && steps_ > max_steps_)) check();
  }
  /// `n` more at once.
  void steps(std::size_t n) {
    const std::size_t before = steps_;
    steps_ += n;
    if (before / 1024 != steps_ / 1024 || (max_steps_ && steps_ > max_steps_)) check();
  }
  void check() const;
  const QueryLimits& limits() const { return limits_; }

 private:
  const QueryLimits& limits_;
  const Text& text_;
  std::chrono::steady_clock::time_point deadline_;
  std::size_t steps_ = 0, max_steps_ = 0;
};

struct Env {
  const Graph& g;
  const Text& text;
  const ParamMap& params;
  Budget& budget;
  const std::vector<V>* aggs = nullptr;  // the current group's aggregate values
};

/// An Error at the expression's position in the query.
[[noreturn]] void fail(const Env& env, std::size_t pos, ErrorCode code, const std::string& message);

/// `x <op> y` for two dates (op one of = <> < <= > >=), definitely: x < y when every day of x
/// is before every day of y, x <= y when x ends no later than y, and so on; equality is the
/// same date at the same precision.
inline bool compare_dates(Op op, const Date& x, const Date& y) {
  switch (op) {
    case Op::eq:
      return x == y;
    case Op::ne:
      return !(x == y);
    case Op::lt:
      return x.latest() < y.earliest();
    case Op::gt:
      return x.earliest() > y.latest();
    case Op::le:
      return x.latest() <= y.latest();
    default:
      return x.earliest() >= y.earliest();
  }
}

/// The built-in time field `field` (not none) of a node or an edge.
template <class Fact>
std::optional<Date> time_of(const Fact& f, Field field) {
  switch (field) {
    case Field::date:
      return f.date();
    case Field::start:
      return f.start();
    case Field::end:
      return f.end();
    default:
      return f.when();
  }
}

/// The value of `e` for `row`. The row may be changed during the call (comprehension
/// variables) but is restored before it returns.
V eval(const Expr& e, Row& row, Env& env);
/// true, false, or nullopt for null; a non-boolean is a type error at `pos`.
std::optional<bool> truth(const V& v, const Env& env, std::size_t pos);

/// A property of a node / relationship: a schema-declared property of the element's type
/// shadows the built-in field of the same name; unknown names are null.
V node_property(const Graph& g, NodeIndex n, std::string_view name);
V edge_property(const Graph& g, EdgeIndex e, std::string_view name);
/// The schema-declared properties an element holds, as a map.
V node_properties(const Graph& g, NodeIndex n);
V edge_properties(const Graph& g, EdgeIndex e);

/// A scalar function (functions.cpp). `args` are evaluated already.
V call_function(const Expr& e, std::vector<V>& args, Env& env);

/// Does the pattern match with `row`'s bindings? Calls `sink` per match (match.cpp) until it
/// returns false.
void match_pattern_expr(const Pattern& p, Row& row, Env& env, const std::function<bool(Row&)>& sink);

}  // namespace diplograph::ql
