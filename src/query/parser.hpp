#pragma once
// Recursive-descent parser of the read-only openCypher core into a Statement (unchecked: slots
// and schema ids are filled in by compile()). Nesting is capped so no input overflows the stack.

#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

/// Parses one statement. Throws a syntax Error at the first token that does not fit.
Statement parse(const Text& text);
/// Parses one expression filling the whole text (a parameter value given as JSON).
ExprPtr parse_value(const Text& text);

}  // namespace diplograph::ql
