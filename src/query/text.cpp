#include "query/text.hpp"

#include "core/messages.hpp"

namespace diplograph::ql {

namespace {

// A control character in the echoed line would end or garble the one-line diagnostic (a NUL
// cuts a C string short), so it is shown escaped; the caret moves by the escape's width.
std::string visible(unsigned char c) {
  if (c == 0) return "\\0";
  if (c == '\t') return "\t";
  if (c < 0x20 || c == 0x7F) {
    static const char hex[] = "0123456789abcdef";
    return std::string("\\u00") + hex[c >> 4] + hex[c & 15];
  }
  return std::string(1, static_cast<char>(c));
}

}  // namespace

Location Text::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text_[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return Location{"<query>", line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

Diagnostic Text::warning(ErrorCode code, std::size_t offset, const std::string& message) const {
  Diagnostic d = error(code, offset, message).diagnostics().front();
  d.severity = Severity::warning;
  return d;
}

Error Text::error(ErrorCode code, std::size_t offset, const std::string& message) const {
  offset = std::min(offset, text_.size());
  const Location where = locate(offset);
  const std::size_t line_start = offset - (where.column - 1);
  std::size_t line_end = text_.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text_.size();
  std::string line, caret;
  for (std::size_t i = line_start; i < line_end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    const std::string shown = visible(c);
    line += shown;
    if (i >= offset || (c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte is part of the previous character
    caret += c == '\t' ? std::string("\t") : std::string(shown.size(), ' ');
  }
  return Error(code, message + "\n  " + line + "\n  " + caret + "^", where);
}

void Text::fail(ErrorCode code, std::size_t offset, const std::string& message) const {
  throw error(code, offset, message);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return detail::did_you_mean(word, views);
}

}  // namespace diplograph::ql
