#pragma once
// Text safety for Graphviz. A label passes two readers: the DOT scanner (quoted strings) and
// the escString expansion at layout time (`\N`, `\n`, `\\`, HTML entities). Both are undone
// here so that what Graphviz draws is the data, byte for byte.

#include <string>
#include <string_view>

namespace diplograph::dot {

/// An escString value that Graphviz draws as `text`: `\` doubled, line feeds as `\n`, `&` as
/// `&amp;` (Graphviz decodes entities in plain labels too), a leading `-` as `\-` (cgraph
/// writes `-.` unquoted, which does not read back), other C0 controls as their U+2400 pictures
/// (they cannot appear in SVG). A carriage return is kept raw.
std::string esc_string(std::string_view text);

/// What Graphviz draws for an escString that esc_string() produced: the inverse of it.
std::string displayed_text(std::string_view esc);

/// Appends `value` as a double-quoted DOT string that Graphviz's scanner reads back as
/// exactly `value`: quotes escaped, and a trailing backslash followed by a line continuation
/// (Graphviz 2.43 would otherwise read `\"` and run past the closing quote).
void append_quoted(std::string& out, std::string_view value);

/// The value to store in a cgraph graph so that agwrite's output reads back as `value`:
/// agwrite does not guard a trailing backslash, so one gets the same line continuation.
std::string for_agwrite(std::string_view value);

}  // namespace diplograph::dot
