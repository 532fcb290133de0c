#pragma once
// JSON text for the writers that do not go through RapidJSON: interchange formats and query
// results.

#include <string>
#include <string_view>

#include "diplograph/value.hpp"

namespace diplograph::detail {

/// A JSON string literal, quotes included; control characters as \uXXXX escapes.
void append_json_string(std::string& out, std::string_view text);
/// A value as JSON: strings and dates quoted, numbers as Value::to_string(), lists as arrays.
void append_json_value(std::string& out, const Value& value);

}  // namespace diplograph::detail
