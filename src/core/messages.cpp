#include "core/messages.hpp"

#include <algorithm>
#include <cctype>

namespace diplograph::detail {

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

std::string quote(std::string_view text) { return "'" + std::string(text) + "'"; }

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

std::string did_you_mean(std::string_view best) {
  return best.empty() ? std::string() : "; did you mean " + quote(best) + "?";
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  return did_you_mean(closest_match(word, candidates));
}

std::string unknown(std::string_view what, std::string_view name, std::string_view suffix) {
  return "unknown " + std::string(what) + " " + quote(name) + std::string(suffix);
}

std::string unknown(std::string_view what, std::string_view name, const std::vector<std::string_view>& candidates) {
  return unknown(what, name, did_you_mean(name, candidates));
}

std::string one_of(const std::vector<std::string_view>& names) {
  std::string out = " (one of ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += ", ";
    out += names[i];
  }
  return out + ")";
}

}  // namespace diplograph::detail
