#pragma once
// Recursive-descent parser of the Cypher subset into a Statement (unchecked: slots, types and
// static types are filled in by check()).

#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// Parses one statement. Throws a syntax Error at the first token that does not fit.
Statement parse(const Text& text);

}  // namespace diplograph::ql
