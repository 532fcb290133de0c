#pragma once
// Reads the schema format (documented in graph-data/README.md) from a JSON tree.

#include <optional>

#include "diplograph/schema.hpp"
#include "io/json/diagnostics.hpp"

namespace diplograph::detail::json {

/// The schema in `object`, or nullopt after reporting every problem to `problems`.
std::optional<Schema> read_schema(const Tree& tree, NodeId object, FileProblems& problems);

/// Parses a number's text: an integer when it has no fraction or exponent and fits in 64
/// bits, else a double. False when it fits neither (e.g. 1e400).
bool number_value(std::string_view text, Value& out);

}  // namespace diplograph::detail::json
