#pragma once
// Finds the matches of the patterns of one MATCH clause (or of a pattern inside an
// expression). Each pattern starts from its most selective node (one already bound, one pinned
// by id, or the rarest labelled type) and grows along typed edge lists in both directions, so
// the cost follows the edges a match touches rather than the graph's size. Within one call a
// relationship is used at most once (Cypher's relationship uniqueness, per MATCH clause).

#include <functional>

#include "query/eval.hpp"
#include "query/planner.hpp"

namespace diplograph::ql {

/// Extends `row` with each match of `patterns`, binding the slots in `fresh` (the others are
/// bound already), and calls `sink` per match until it returns false. Returns false when the
/// sink stopped it. With `where`, only the matches that pass it reach the sink, and each of its
/// pushed terms is checked as soon as its slots are bound, which prunes the search there.
/// With `weight` and a plan that counts (MatchPlan::counted), a row handed to the sink may
/// stand for many matches, whose number is in *weight during the call (its dropped slots are
/// left unbound); otherwise *weight stays 1.
bool match_patterns(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
                    const std::function<bool(Row&)>& sink, const MatchPlan* where = nullptr,
                    std::int64_t* weight = nullptr);

}  // namespace diplograph::ql
