#pragma once
// The aggregate functions: count, collect, sum, avg, min, max, stDev, stDevP, percentileCont,
// percentileDisc, each optionally over DISTINCT values. Nulls are skipped, as Cypher says.

#include <memory>
#include <span>
#include <unordered_set>

#include "query/eval.hpp"

namespace diplograph::ql {

struct VHash {
  std::size_t operator()(const V& v) const { return hash_value(v); }
};
struct VSame {
  bool operator()(const V& a, const V& b) const { return same_values(a, b); }
};
using VSet = std::unordered_set<V, VHash, VSame>;

/// The running state of one aggregate over one group.
class Accumulator {
 public:
  explicit Accumulator(const Expr& e) : e_(e) {}
  /// Feeds the row's values of the aggregate's arguments.
  void add(Row& row, Env& env);
  /// Counts `n` rows more, without reading them: only for count(*), or count(x) of rows where
  /// x is known not to be null.
  void add_rows(std::int64_t n) { count_ += n; }
  /// Adds nodes to count(DISTINCT x), without reading a row; `universe` is the graph's node
  /// count.
  void add_nodes(std::span<const NodeIndex> nodes, std::size_t universe);
  /// The aggregate's value for the group.
  V result(Env& env) const;

 private:
  const Expr& e_;
  std::int64_t count_ = 0;
  VList values_;  // collect, percentiles, stDev; min and max keep only the best
  V best_;
  V percentile_;
  bool float_sum_ = false;
  std::int64_t int_sum_ = 0;
  double float_total_ = 0;
  VSet seen_;
  // count(DISTINCT x): the nodes among the values, as a table of indexes, or a bit per node of
  // the graph once that is smaller (aggregate.cpp)
  std::vector<NodeIndex> nodes_;
  std::vector<std::uint64_t> node_bits_;
  std::size_t node_count_ = 0;
  void make_room(std::size_t more, std::size_t universe);
  void distinct_node(NodeIndex n);
};

}  // namespace diplograph::ql
