#pragma once
// The folding of name lookup (Graph::find_by_name, search), shared with the query language's
// fold() and the HTML page's search index so that all three agree.

#include <string>
#include <string_view>

namespace diplograph::detail {

/// NFKC case fold with combining marks and default-ignorable characters removed; ASCII only
/// changes case. Invalid UTF-8 comes back unchanged.
std::string fold(std::string_view text);

}  // namespace diplograph::detail
