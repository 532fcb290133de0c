#pragma once
// A map from node index to T in flat arrays, for searches that run many times on one thread:
// the arrays are kept between runs and a run number marks which entries are current, so
// starting a search costs nothing however large the graph (no clearing, no hashing).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph::algo {

template <class T>
class FlatMap {
 public:
  /// Empties the map for a graph of `nodes` nodes.
  void reset(std::size_t nodes) {
    if (mark_.size() != nodes) {
      mark_.assign(nodes, 0);
      value_.resize(nodes);
      run_ = 0;
    }
    if (++run_ == 0) {  // wrapped: forget every old mark
      std::fill(mark_.begin(), mark_.end(), 0);
      run_ = 1;
    }
  }
  /// Inserts (k, v) unless k is present; the entry and whether it is new.
  std::pair<T*, bool> try_emplace(NodeIndex k, const T& v) {
    if (mark_[k] == run_) return {&value_[k], false};
    mark_[k] = run_;
    value_[k] = v;
    return {&value_[k], true};
  }
  bool contains(NodeIndex k) const noexcept { return mark_[k] == run_; }
  const T* find(NodeIndex k) const noexcept { return contains(k) ? &value_[k] : nullptr; }
  /// \pre contains(k)
  const T& at(NodeIndex k) const noexcept { return value_[k]; }

 private:
  std::vector<std::uint32_t> mark_;
  std::vector<T> value_;
  std::uint32_t run_ = 0;
};

/// This thread's map number `slot` for T, reset for `graph`. A search takes distinct slots for
/// the maps it holds at once and must not call another search that uses the same slot.
template <class T, int slot = 0>
FlatMap<T>& scratch_map(const Graph& graph) {
  thread_local FlatMap<T> map;
  map.reset(graph.node_count());
  return map;
}

}  // namespace diplograph::algo
