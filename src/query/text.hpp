#pragma once
// The query text and the errors that point into it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/error.hpp"

namespace diplograph::ql {

/// The query text, for turning byte offsets into line:column and a caret line.
class Text {
 public:
  explicit Text(std::string_view text) : text_(text) {}
  std::string_view view() const noexcept { return text_; }
  /// An Error at `offset`: `<query>:L:C: error: message`, then the offending line and a caret
  /// under the spot (counted in characters, so a non-ASCII label before it does not shift it).
  [[noreturn]] void fail(ErrorCode code, std::size_t offset, const std::string& message) const;
  /// The same Error, not thrown (for run-time errors rethrown with their position).
  Error error(ErrorCode code, std::size_t offset, const std::string& message) const;
  /// The same diagnostic as a warning: the query still runs.
  Diagnostic warning(ErrorCode code, std::size_t offset, const std::string& message) const;
  /// `<query>`, line and column (bytes) of `offset`.
  Location locate(std::size_t offset) const;

 private:
  std::string text_;
};

/// detail::did_you_mean() over owned names: "; did you mean 'x'?" for the closest, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace diplograph::ql
