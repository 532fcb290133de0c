#pragma once
// Running a compiled query: the clauses as a push pipeline over binding rows. Each clause hands
// its rows to the next one as it makes them, and a clause that needs no more (a LIMIT that is
// full) says so, which stops the search upstream. Only aggregation, ORDER BY and DISTINCT
// keep rows, so memory follows the result rather than the search.

#include "diplograph/query.hpp"
#include "query/eval.hpp"
#include "query/plan.hpp"

namespace diplograph::ql {

/// Runs `plan` on `g`. Throws Error as Query::run documents.
QueryResult execute(const detail::QueryPlan& plan, const Graph& g, const QueryOptions& options, const ParamMap& params);

}  // namespace diplograph::ql
