#pragma once
// A small JSON tree with the position of every value, built from parse events into reused
// storage. The loader builds one per node or edge (and one for the schema) and reads it with
// ordinary code instead of a state machine; clearing keeps the capacity, so a million edges
// cost no allocations once the first one is read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/json/reader.hpp"

namespace diplograph::detail::json {

enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

std::string_view kind_noun(Kind k) noexcept;  // "a string", "an object", ...

using NodeId = std::uint32_t;
inline constexpr NodeId none = UINT32_MAX;

class Tree {
 public:
  struct Value {
    Kind kind;
    bool boolean = false;
    std::uint32_t text_begin = 0, text_size = 0;  // number or string text, in the arena
    std::uint32_t key_begin = 0, key_size = 0;    // the member name, for object members
    NodeId first_child = none, next_sibling = none;
    std::uint64_t end = 0;      // offset just past the value (for containers: of the opener)
    std::uint64_t key_end = 0;  // offset just past the member name
  };

  void clear() {
    values_.clear();
    arena_.clear();
    open_.clear();
  }
  bool empty() const noexcept { return values_.empty(); }
  /// True once the first value is complete.
  bool complete() const noexcept { return !values_.empty() && open_.empty(); }
  NodeId root() const noexcept { return 0; }
  const Value& operator[](NodeId i) const noexcept { return values_[i]; }
  std::string_view text(NodeId i) const noexcept {
    return {arena_.data() + values_[i].text_begin, values_[i].text_size};
  }
  std::string_view key(NodeId i) const noexcept { return {arena_.data() + values_[i].key_begin, values_[i].key_size}; }
  /// Children of an array or members of an object, in order.
  template <class F>
  void for_each_child(NodeId parent, F&& f) const {
    for (NodeId c = values_[parent].first_child; c != none; c = values_[c].next_sibling) f(c);
  }
  std::size_t child_count(NodeId parent) const noexcept;

  // Building, called by TreeBuilder.
  void add(Kind kind, std::uint64_t end, std::string_view text = {}, bool boolean = false);
  void set_key(std::string_view key, std::uint64_t end);
  void close() { open_.pop_back(); }
  std::size_t depth() const noexcept { return open_.size(); }

 private:
  std::vector<Value> values_;
  std::string arena_;
  struct Open {
    NodeId id;
    NodeId last_child;
  };
  std::vector<Open> open_;
  std::uint32_t key_begin_ = 0, key_size_ = 0;  // the name of the member to come, in the arena
  std::uint64_t key_end_ = 0;
};

/// Events that build one Tree from a whole document.
class TreeBuilder : public Events {
 public:
  /// `base` is added to every offset, for text that starts inside a file.
  explicit TreeBuilder(Tree& tree, std::uint64_t base = 0) : tree_(tree), base_(base) {}
  bool null(std::uint64_t end) override { return tree_.add(Kind::null, base_ + end), true; }
  bool boolean(bool b, std::uint64_t end) override { return tree_.add(Kind::boolean, base_ + end, {}, b), true; }
  bool number(std::string_view t, std::uint64_t end) override { return tree_.add(Kind::number, base_ + end, t), true; }
  bool string(std::string_view t, std::uint64_t end) override { return tree_.add(Kind::string, base_ + end, t), true; }
  bool key(std::string_view t, std::uint64_t end) override { return tree_.set_key(t, base_ + end), true; }
  bool start_object(std::uint64_t end) override { return tree_.add(Kind::object, base_ + end), true; }
  bool end_object(std::uint64_t) override { return tree_.close(), true; }
  bool start_array(std::uint64_t end) override { return tree_.add(Kind::array, base_ + end), true; }
  bool end_array(std::uint64_t) override { return tree_.close(), true; }

 private:
  Tree& tree_;
  std::uint64_t base_;
};

}  // namespace diplograph::detail::json
