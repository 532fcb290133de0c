#pragma once
// What is decided once per compiled query rather than per row: constant sub-expressions are
// folded into literals (`date('2020-01-01')` is parsed once), and each MATCH's WHERE is split
// into its AND-terms, which the matcher checks as soon as the variables they read are bound.
// Where each pattern starts is chosen per run (match.cpp), from the graph's counts.

#include <string>

#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// A term the matcher checks on the element's record, without the evaluator:
/// `x.<built-in time field> <op> <date literal>` (either way round), or `type(r) = '<name>'` /
/// `type(r) IN [<literals>]`. Its truth is the evaluator's (a missing date is false).
struct DirectCheck {
  enum class Kind : std::uint8_t { none, time, type } kind = Kind::none;
  int slot = -1;                    // the node or relationship read
  Field field = Field::none;        // time
  Op op = Op::eq;                   // time
  bool field_left = true;           // time: `x.date < bound`, not `bound < x.date`
  Date bound = Date::from_days(0);  // time
  std::vector<char> types;          // type: per edge type id, is it in
};

/// One AND-term of a MATCH's WHERE and the slots bound by that MATCH that it reads.
struct Filter {
  const Expr* expr = nullptr;
  std::vector<int> slots;
  DirectCheck direct;
};

/// A MATCH clause's WHERE, split. A row passes when every term is true; the whole WHERE is
/// checked again on a row where a pushed term failed with an error, so that AND's order of
/// evaluation (and which error is raised) stays the one written.
struct MatchPlan {
  const Expr* where = nullptr;
  std::vector<Filter> pushed;                      // checked in the search, once their slots are bound
  std::vector<const Expr*> residual;               // checked per match: they read a path or a shortestPath
  std::vector<std::vector<std::size_t>> terms_at;  // per slot: the pushed terms that read it

  // Counting instead of enumerating, when the next WITH / RETURN only counts this MATCH's rows
  // (count(*), or count(x) of a variable it binds, grouped by keys it does not drop): the
  // matcher then hands on one row that stands for many (match.hpp).
  bool tail_first = false;  // the last pattern's first node and its hop are read by nothing
  bool tail_last = false;   // likewise its last node and hop
  int tail_hops = 0;        // with tail_last: how many last hops, and the nodes between, nothing reads
  // A lone directed relationship with free ends, read by nothing (total) or only as the group
  // key `type(r)` (per_type): counted from the graph's per-type edge counts.
  enum class EdgeCounts : std::uint8_t { none, total, per_type } edge_counts = EdgeCounts::none;
  // The projection groups by nothing this MATCH binds: all its rows from one search fall in one
  // group, so the matcher adds them up and hands on a single row at the end.
  bool summed = false;
  bool counted() const { return tail_first || tail_last || edge_counts != EdgeCounts::none || summed; }

  // Distinct ends instead of paths, when the next WITH / RETURN keeps only distinct rows (DISTINCT,
  // or aggregates that are all DISTINCT): the last pattern's first / last hop is an anonymous
  // variable-length relationship (no properties, at most 1 as its minimum) whose far end is new
  // and appears once. Its reached nodes are found breadth-first, each once: a node reachable
  // within k hops by a walk is reachable by a trail of at most k edges (a shortest walk repeats
  // no edge), so the set is that of the paths.
  bool reach_first = false;
  bool reach_last = false;
  // The reached nodes as one set, when that end is read only by the next projection's
  // count(DISTINCT end) aggregates (all of them) and by WHERE terms `end <> x`: the matcher hands
  // on one row standing for the set (match.hpp), the end unbound, the nodes x taken out of it.
  int set_slot = -1;            // the end so counted
  std::vector<int> set_unlike;  // the slots x

  // `UNWIND list AS x MATCH (a {id: x})...`, x read nowhere else, `a` in the first pattern,
  // whose nodes are all new: the UNWIND hands its list on whole and the search starts at each
  // listed node in turn (list order, repeats kept), the rows those of one search per item with
  // x unbound. The index of `a` in the first pattern, else -1.
  int listed = -1;

  // Node patterns given their label, `{label: x}` or a term `n.label = x` (x a literal, a
  // parameter or a variable bound before; the built-in label): the matcher may start at the name
  // index's nodes for x, checking the property or the term on each as usual.
  std::vector<std::pair<const NodePattern*, const Expr*>> named;
};

/// Is `x`'s value known before a MATCH that binds `fresh` starts: a literal, a parameter or a
/// variable bound before it (what may pin a node by id or name it by label)?
bool known_before(const Expr& x, const std::vector<int>& fresh);

/// Folds constants and splits WHERE clauses, in place. Runs after compile(); throws nothing
/// (a constant that fails to evaluate is left for the run to report).
void plan(Statement& st, const Schema& schema, const Text& text);

/// The plan as a short text tree (explain.cpp): one operator per line in the order rows flow,
/// each MATCH followed by how it starts and where its WHERE terms are checked; UNION parts
/// indented under it.
std::string explain(const Statement& st, const Text& text);

}  // namespace diplograph::ql
