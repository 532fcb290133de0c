#pragma once
// Finds every match of a query's patterns. Each pattern starts from its most selective node (one
// already bound, one pinned by id, or the rarest labelled type) and grows along typed edge
// lists, so the cost follows the edges a match touches rather than the graph's size. WHERE
// conditions are tested as soon as the variables they read are bound.

#include <functional>

#include "query/eval.hpp"
#include "query/plan.hpp"

namespace diplograph::ql {

/// Calls `sink` with each match, in a deterministic order, until it returns false. A
/// relationship is used at most once per match.
void match(const Plan& plan, const Graph& g, const std::function<bool(const Binding&)>& sink);

}  // namespace diplograph::ql
