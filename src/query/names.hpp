#pragma once
// The names the query language knows: its functions, and the built-in fields of nodes and
// relationships that a query reads as properties.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::ql {

/// The built-in fields of a node / a relationship, unless the schema declares a property of
/// the same name for the element's type (which shadows it).
std::span<const std::string_view> node_builtins() noexcept;
std::span<const std::string_view> edge_builtins() noexcept;

/// Is `name` a known aggregate / scalar function (lower-cased)?
bool is_aggregate_function(std::string_view lower_name) noexcept;
bool is_scalar_function(std::string_view lower_name) noexcept;
/// Every function name, for did-you-mean.
std::vector<std::string> function_names();

}  // namespace diplograph::ql
