#pragma once
// Problems found while reading one file, placed at line:column. The file's text is read for
// positions only once the first problem needs one, so a clean load never reads it twice.

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "io/json/tree.hpp"

namespace diplograph::detail::json {

class FileProblems {
 public:
  /// Problems of `file`, read again (at most `max_size` bytes) when a position is needed.
  FileProblems(std::filesystem::path file, std::vector<Diagnostic>& out, std::uint64_t max_size)
      : file_(std::move(file)), out_(out), max_size_(max_size) {}
  /// Problems of a text in memory that diagnostics call `name`; `text` outlives this.
  FileProblems(std::string name, std::vector<Diagnostic>& out, std::string_view text)
      : file_(std::move(name)), out_(out), text_(text) {}
  /// Problems of the same input, collected into `out`.
  FileProblems(const FileProblems& other, std::vector<Diagnostic>& out)
      : file_(other.file_), out_(out), max_size_(other.max_size_), text_(other.text_) {}

  /// At the start of a value of the tree (the key's value, or the opening brace).
  void at_value(const Tree& tree, NodeId v, ErrorCode code, std::string message);
  /// At a member's name.
  void at_key(const Tree& tree, NodeId v, ErrorCode code, std::string message);
  /// At a byte offset; `token_end` when the offset is the end of a token.
  void at_offset(std::uint64_t offset, bool token_end, ErrorCode code, std::string message);
  Location location(std::uint64_t offset, bool token_end);
  Location value_location(const Tree& tree, NodeId v);
  void add(Diagnostic d) { out_.push_back(std::move(d)); }
  const std::filesystem::path& file() const noexcept { return file_; }
  /// The file's text positions (read on first use).
  const Positions& positions();

 private:
  std::filesystem::path file_;
  std::vector<Diagnostic>& out_;
  std::uint64_t max_size_ = 0;
  std::optional<std::string_view> text_;
  std::optional<Positions> positions_;
};

/// Calls f(key, value) for each member of an object, reporting duplicate keys (and skipping
/// the repeated member). Runs for every object of the input, so small objects (all of a
/// well-formed graph's) are checked without allocating.
template <class F>
void for_each_member(const Tree& tree, NodeId object, FileProblems& problems, F&& f) {
  constexpr std::size_t few = 16;
  std::array<std::string_view, few> first_keys;
  std::unordered_set<std::string_view> more_keys;
  std::size_t count = 0;
  tree.for_each_child(object, [&](NodeId child) {
    const std::string_view key = tree.key(child);
    const auto known = first_keys.begin() + std::min(count, few);
    if (std::find(first_keys.begin(), known, key) != known || more_keys.count(key)) {
      problems.at_key(tree, child, ErrorCode::duplicate, "duplicate key '" + std::string(key) + "'");
      return;
    }
    if (count < few)
      first_keys[count] = key;
    else
      more_keys.insert(key);
    ++count;
    f(key, child);
  });
}

/// "unknown field 'x' in a node; did you mean 'y'?"
std::string unknown_field(std::string_view key, std::string_view where, const std::vector<std::string_view>& known);

}  // namespace diplograph::detail::json
