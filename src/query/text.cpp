#include "query/text.hpp"

#include "core/messages.hpp"

namespace diplograph::ql {

void Text::fail(ErrorCode code, std::size_t offset, const std::string& message) const {
  offset = std::min(offset, text_.size());
  std::size_t line_start = 0;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < offset; ++i)
    if (text_[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  std::size_t line_end = text_.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text_.size();
  std::string caret;
  for (std::size_t i = line_start; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte is part of the previous character
    caret += c == '\t' ? '\t' : ' ';
  }
  const auto column = static_cast<std::uint32_t>(offset - line_start + 1);
  throw Error(code, message + "\n  " + text_.substr(line_start, line_end - line_start) + "\n  " + caret + "^",
              Location{"<query>", line, column});
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  std::string best = detail::closest_match(word, views);
  return best.empty() ? "" : "; did you mean '" + best + "'?";
}

}  // namespace diplograph::ql
