#include "io/json/diagnostics.hpp"

#include "core/messages.hpp"

namespace diplograph::detail::json {

const Positions& FileProblems::positions() {
  if (!positions_)
    positions_ = text_ ? Positions(std::string(*text_), file_.string()) : Positions::of_file(file_, max_size_);
  return *positions_;
}

Location FileProblems::location(std::uint64_t offset, bool token_end) {
  return token_end ? positions().token_start(offset) : positions().at(offset);
}

Location FileProblems::value_location(const Tree& tree, NodeId v) {
  const auto& value = tree[v];
  const bool container = value.kind == Kind::object || value.kind == Kind::array;
  return container ? location(value.end, false) : location(value.end, true);
}

void FileProblems::at_value(const Tree& tree, NodeId v, ErrorCode code, std::string message) {
  out_.push_back({code, value_location(tree, v), std::move(message)});
}

void FileProblems::at_key(const Tree& tree, NodeId v, ErrorCode code, std::string message) {
  out_.push_back({code, location(tree[v].key_end, true), std::move(message)});
}

void FileProblems::at_offset(std::uint64_t offset, bool token_end, ErrorCode code, std::string message) {
  out_.push_back({code, location(offset, token_end), std::move(message)});
}

std::string unknown_field(std::string_view key, std::string_view where, const std::vector<std::string_view>& known) {
  return unknown("field", key) + " in " + std::string(where) + did_you_mean(key, known);
}

}  // namespace diplograph::detail::json
