#pragma once
// Reads the schema format (documented in graph-data/README.md) from a JSON tree.

#include <optional>

#include "diplograph/schema.hpp"
#include "io/json/diagnostics.hpp"

namespace diplograph::detail::json {

/// The schema in `object`, or nullopt after reporting every problem to `problems`.
/// With `place_types`, every type knows where it is declared (Schema::declared_at), which
/// needs the text's line starts: cheap for a schema file of its own, not for a graph file that
/// embeds its schema, so only failures are placed there.
std::optional<Schema> read_schema(const Tree& tree, NodeId object, FileProblems& problems, bool place_types = false);

/// Parses a number's text: an integer when it has no fraction or exponent and fits in 64
/// bits, else a double. False when it fits neither (e.g. 1e400).
bool number_value(std::string_view text, Value& out);

}  // namespace diplograph::detail::json
