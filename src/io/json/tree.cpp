#include "io/json/tree.hpp"

namespace diplograph::detail::json {

std::string_view kind_noun(Kind k) noexcept {
  switch (k) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "a boolean";
    case Kind::number:
      return "a number";
    case Kind::string:
      return "a string";
    case Kind::array:
      return "an array";
    case Kind::object:
      return "an object";
  }
  return "?";
}

std::size_t Tree::child_count(NodeId parent) const noexcept {
  std::size_t n = 0;
  for (NodeId c = values_[parent].first_child; c != none; c = values_[c].next_sibling) ++n;
  return n;
}

void Tree::set_key(std::string_view key, std::uint64_t end) {
  key_begin_ = static_cast<std::uint32_t>(arena_.size());
  key_size_ = static_cast<std::uint32_t>(key.size());
  key_end_ = end;
  arena_.append(key);
}

void Tree::add(Kind kind, std::uint64_t end, std::string_view text, bool boolean) {
  const auto id = static_cast<NodeId>(values_.size());
  Value v{kind};
  v.boolean = boolean;
  v.end = end;
  v.text_begin = static_cast<std::uint32_t>(arena_.size());
  v.text_size = static_cast<std::uint32_t>(text.size());
  arena_.append(text);
  if (!open_.empty()) {
    Open& parent = open_.back();
    if (values_[parent.id].kind == Kind::object) {
      v.key_begin = key_begin_;
      v.key_size = key_size_;
      v.key_end = key_end_;
    }
    if (parent.last_child == none) {
      values_[parent.id].first_child = id;
    } else {
      values_[parent.last_child].next_sibling = id;
    }
    parent.last_child = id;
  }
  values_.push_back(v);
  if (kind == Kind::object || kind == Kind::array) open_.push_back({id, none});
}

}  // namespace diplograph::detail::json
