#include "diplograph/error.hpp"

#include <algorithm>
#include <cctype>

namespace diplograph {

namespace {
// Control characters from the data (a type named "Sta\nte\x1b[31m") must neither break a
// diagnostic's line nor reach a terminal as an escape sequence, so they are written as JSON
// escapes: \n, \t, \r, \u001b, also DEL and the C1 controls (U+0080..U+009F, which some
// terminals obey too). A message's own context lines, each begun with "\n  " (a query's line
// and its caret), are kept when `continuations` is set.
void append_escaped(std::string& out, std::string_view text, bool continuations) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;
    if ((c >= 0x20 && c != 0x7F && !c1) || (c == '\n' && continuations && text.substr(i + 1, 2) == "  ")) {
      out += text[i];
      continue;
    }
    const unsigned code = c1 ? static_cast<unsigned char>(text[++i]) : c;
    switch (code) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += hex[code >> 4];
        out += hex[code & 15];
    }
  }
}
}  // namespace

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    append_escaped(out, where.file, false);
    if (where.line != 0) {
      out += ':' + std::to_string(where.line);
      if (where.column != 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += "error: ";
  append_escaped(out, message, true);
  return out;
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}
}  // namespace

Error::Error(ErrorCode code, std::string message, Location where)
    : Error(std::vector<Diagnostic>{Diagnostic{code, std::move(where), std::move(message)}}) {}

Error::Error(std::vector<Diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)), what_(join(diagnostics_)) {}

namespace {
// Levenshtein distance, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same =
          std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      const std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  // A suggestion is only useful when it is a plausible typo: at most a third of the word wrong.
  const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate.size() > word.size() + limit || word.size() > candidate.size() + limit) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance || (d == best_distance && candidate < best)) {
      best = candidate;
      best_distance = d;
    }
  }
  return best_distance <= limit ? std::string(best) : std::string();
}

}  // namespace diplograph
