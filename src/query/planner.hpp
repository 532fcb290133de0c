#pragma once
// What is decided once per compiled query rather than per row: constant sub-expressions are
// folded into literals (`date('2020-01-01')` is parsed once), and each MATCH's WHERE is split
// into its AND-terms, which the matcher checks as soon as the variables they read are bound.
// Where each pattern starts is chosen per run (match.cpp), from the graph's counts.

#include <string>

#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// One AND-term of a MATCH's WHERE and the slots bound by that MATCH that it reads.
struct Filter {
  const Expr* expr = nullptr;
  std::vector<int> slots;
};

/// A MATCH clause's WHERE, split. A row passes when every term is true; the whole WHERE is
/// checked again on a row where a pushed term failed with an error, so that AND's order of
/// evaluation (and which error is raised) stays the one written.
struct MatchPlan {
  const Expr* where = nullptr;
  std::vector<Filter> pushed;         // checked in the search, once their slots are bound
  std::vector<const Expr*> residual;  // checked per match: they read a path or a shortestPath
};

/// Folds constants and splits WHERE clauses, in place. Runs after compile(); throws nothing
/// (a constant that fails to evaluate is left for the run to report).
void plan(Statement& st, const Schema& schema, const Text& text);

/// The plan as a short text tree (explain.cpp): one operator per line in the order rows flow,
/// each MATCH followed by how it starts and where its WHERE terms are checked; UNION parts
/// indented under it.
std::string explain(const Statement& st, const Text& text);

}  // namespace diplograph::ql
