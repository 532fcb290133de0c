#include "query/aggregate.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace diplograph::ql {

void Accumulator::add(Row& row, Env& env) {
  if (e_.kind == Expr::Kind::count_star) {
    ++count_;
    return;
  }
  V v = eval(*e_.args[0], row, env);
  if (v.is_null()) return;
  if (e_.distinct && e_.name == "count" && v.is_node()) {
    make_room(1, env.g.node_count());
    distinct_node(v.node());
    return;
  }
  if (e_.distinct && !seen_.insert(v).second) return;
  const std::string& n = e_.name;
  ++count_;
  if (n == "count") return;
  if (n == "collect") {
    values_.push_back(std::move(v));
    return;
  }
  if (n == "min" || n == "max") {
    const int c = best_.is_null() ? 0 : order_values(v, best_);
    if (best_.is_null() || (n == "min" ? c < 0 : c > 0)) best_ = std::move(v);
    return;
  }
  if (!v.is_number())
    fail(env, e_.args[0]->pos, ErrorCode::value,
         "type mismatch: " + n + "() needs numbers, got " + std::string(kind_of(v)));
  if (n == "sum" || n == "avg") {
    if (v.is_int() && !float_sum_ && n == "sum") {
      if (__builtin_add_overflow(int_sum_, v.i(), &int_sum_))
        fail(env, e_.pos, ErrorCode::argument, "integer overflow in sum()");
    } else {
      if (!float_sum_) float_total_ = static_cast<double>(int_sum_);
      float_sum_ = true;
    }
    if (float_sum_) float_total_ += v.num();
    return;
  }
  if (n == "percentilecont" || n == "percentiledisc") {
    if (percentile_.is_null()) {
      percentile_ = eval(*e_.args[1], row, env);
      if (!percentile_.is_number())
        fail(env, e_.args[1]->pos, ErrorCode::value, "type mismatch: " + n + "() needs a number as percentile");
      if (percentile_.num() < 0 || percentile_.num() > 1)
        fail(env, e_.args[1]->pos, ErrorCode::argument,
             n + "() needs a percentile between 0.0 and 1.0, got " + Value(percentile_.num()).to_string());
    }
  }
  values_.push_back(std::move(v));
}

void Accumulator::add_nodes(std::span<const NodeIndex> nodes, std::size_t universe) {
  make_room(nodes.size(), universe);
  for (NodeIndex n : nodes) distinct_node(n);
}

// Nodes are kept as indexes in an open-addressing table (linear probing, at most half full):
// 4 bytes a slot and no allocation per row, against a hash-set entry each. A table that would
// outgrow a bitmap of the graph's nodes (8 bytes a node against 1 bit) becomes one.
void Accumulator::make_room(std::size_t more, std::size_t universe) {
  if (!node_bits_.empty() || 2 * (node_count_ + more) <= nodes_.size()) return;
  constexpr NodeIndex empty = std::numeric_limits<NodeIndex>::max();
  std::vector<NodeIndex> old(std::max<std::size_t>(64, std::bit_ceil(2 * (node_count_ + more))), empty);
  old.swap(nodes_);
  if (nodes_.size() * 32 > universe) {
    nodes_.clear();
    node_bits_.assign((universe + 63) / 64, 0);
  }
  node_count_ = 0;
  for (NodeIndex m : old)
    if (m != empty) distinct_node(m);
}

void Accumulator::distinct_node(NodeIndex n) {
  if (!node_bits_.empty()) {
    std::uint64_t& word = node_bits_[n / 64];
    const std::uint64_t bit = std::uint64_t{1} << (n % 64);
    node_count_ += (word & bit) == 0;
    word |= bit;
    return;
  }
  constexpr NodeIndex empty = std::numeric_limits<NodeIndex>::max();
  const std::size_t mask = nodes_.size() - 1;
  // Fibonacci hashing: the product's high bits, which every bit of n reaches.
  const auto bits = static_cast<unsigned>(std::countr_zero(nodes_.size()));
  for (std::size_t at = (n * 0x9E3779B97F4A7C15ull) >> (64 - bits);; at = (at + 1) & mask) {
    if (nodes_[at] == n) return;
    if (nodes_[at] == empty) {
      nodes_[at] = n;
      ++node_count_;
      return;
    }
  }
}

V Accumulator::result(Env& env) const {
  (void)env;
  const std::string& n = e_.name;
  if (n == "count" && node_count_ > 0) return V(count_ + static_cast<std::int64_t>(node_count_));
  if (e_.kind == Expr::Kind::count_star || n == "count") return V(count_);
  if (n == "collect") return V(values_);
  if (n == "min" || n == "max") return best_;
  if (n == "sum") return float_sum_ ? V(float_total_) : V(int_sum_);
  if (n == "avg") {
    if (!count_) return V();
    return V((float_sum_ ? float_total_ : static_cast<double>(int_sum_)) / static_cast<double>(count_));
  }
  std::vector<double> xs;
  for (const V& v : values_) xs.push_back(v.num());
  if (n == "stdev" || n == "stdevp") {
    const double count = static_cast<double>(xs.size());
    if (xs.size() < (n == "stdev" ? 2u : 1u)) return V(0.0);
    double mean = 0;
    for (double x : xs) mean += x;
    mean /= count;
    double sq = 0;
    for (double x : xs) sq += (x - mean) * (x - mean);
    return V(std::sqrt(sq / (n == "stdev" ? count - 1 : count)));
  }
  // percentiles
  if (values_.empty()) return V();
  std::vector<std::size_t> order(values_.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  const double p = percentile_.num();
  if (n == "percentiledisc") {
    const double pos = p * static_cast<double>(values_.size());
    std::size_t k = pos <= 0 ? 0 : static_cast<std::size_t>(std::ceil(pos)) - 1;
    k = std::min(k, values_.size() - 1);
    return values_[order[k]];
  }
  const double pos = p * static_cast<double>(values_.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = static_cast<std::size_t>(std::ceil(pos));
  const double frac = pos - static_cast<double>(lo);
  return V(xs[order[lo]] + (xs[order[hi]] - xs[order[lo]]) * frac);
}

}  // namespace diplograph::ql
