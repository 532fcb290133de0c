#include "diplograph/error.hpp"

#include <algorithm>
#include <cctype>

namespace diplograph {

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line != 0) {
      out += ':' + std::to_string(where.line);
      if (where.column != 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += "error: ";
  out += message;
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
