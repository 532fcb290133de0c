#pragma once
// How every diagnostic of the library names things: values quoted one way, "unknown X 'y'"
// phrased one way, and one spelling of the did-you-mean suggestion. Private: the CLI and
// users see only the finished messages.

#include <string>
#include <string_view>
#include <vector>

namespace diplograph::detail {

/// `'text'`: how a message quotes a name, an id or a value.
std::string quote(std::string_view text);

/// The closest of `candidates` to `word` by edit distance, or "" when none is close enough to
/// be a likely typo (at most a third of the word wrong). Ties go to the smaller candidate.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// `; did you mean 'best'?`, or "" when `best` is empty.
std::string did_you_mean(std::string_view best);
/// did_you_mean() of the closest of `candidates` to `word`.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// `unknown WHAT 'name'` followed by `suffix` (usually a did_you_mean()).
std::string unknown(std::string_view what, std::string_view name, std::string_view suffix = {});
/// `unknown WHAT 'name'; did you mean 'x'?` for the closest of `candidates`.
std::string unknown(std::string_view what, std::string_view name, const std::vector<std::string_view>& candidates);

/// ` (one of a, b, c)`: the values a closed vocabulary allows, for a value outside it.
std::string one_of(const std::vector<std::string_view>& names);

}  // namespace diplograph::detail
