#pragma once
// Finds the matches of the patterns of one MATCH clause (or of a pattern inside an
// expression). Each pattern starts from its most selective node (one already bound, one pinned
// by id, or the rarest labelled type) and grows along typed edge lists in both directions, so
// the cost follows the edges a match touches rather than the graph's size. Within one call a
// relationship is used at most once (Cypher's relationship uniqueness, per MATCH clause).

#include <functional>
#include <span>

#include "query/eval.hpp"
#include "query/planner.hpp"

namespace diplograph::ql {

/// What a row handed to the sink stands for, with a plan that counts (MatchPlan::counted) or
/// hands on reached nodes as a set (MatchPlan::set_slot); the slots it drops are left unbound.
struct Bulk {
  std::int64_t rows = 1;           // counting: the matches the row stands for
  std::span<const NodeIndex> set;  // a set: the distinct nodes of the end slot (never empty)
};

/// Extends `row` with each match of `patterns`, binding the slots in `fresh` (the others are
/// bound already), and calls `sink` per match until it returns false. Returns false when the
/// sink stopped it. With `where`, only the matches that pass it reach the sink, and each of its
/// pushed terms is checked as soon as its slots are bound, which prunes the search there.
/// With `bulk` and a plan that counts or reaches a set, a row handed to the sink may stand for
/// many, as *bulk says during the call; otherwise *bulk stays as it was ({1, {}}).
/// With `listed` and a plan with MatchPlan::listed, the UNWIND's value (a list, or one item):
/// the search starts at the node of each of its ids in turn.
bool match_patterns(const std::vector<const Pattern*>& patterns, const std::vector<int>& fresh, Row& row, Env& env,
                    const std::function<bool(Row&)>& sink, const MatchPlan* where = nullptr, Bulk* bulk = nullptr,
                    const V* listed = nullptr);

}  // namespace diplograph::ql
