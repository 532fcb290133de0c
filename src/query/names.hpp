#pragma once
// The names the query language knows: its functions, and the built-in fields of nodes and
// relationships that a query reads as properties.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::ql {

/// The scalar functions, resolved from their names when a query is compiled (Expr::fn), so
/// that a call is not looked up by name per row.
enum class Fn : std::uint8_t {
  none,
  coalesce,
  size,
  length,
  head,
  last,
  tail,
  range,
  reverse,
  keys,
  properties,
  labels,
  type,
  id,
  elementid,
  startnode,
  endnode,
  nodes,
  relationships,
  tostring,
  tointeger,
  tofloat,
  toboolean,
  tostringornull,
  tointegerornull,
  tofloatornull,
  tobooleanornull,
  abs,
  ceil,
  floor,
  round,
  sign,
  sqrt,
  exp,
  log,
  log10,
  e,
  pi,
  rand,
  sin,
  cos,
  tan,
  cot,
  asin,
  acos,
  atan,
  atan2,
  degrees,
  radians,
  haversin,
  tolower,
  toupper,
  lower,
  upper,
  trim,
  ltrim,
  rtrim,
  replace,
  substring,
  left,
  right,
  split,
  fold,
  date,
  within,
  overlaps,
  label,
  exists,
  sources,
  isempty,
  char_length,
  character_length,
};

/// The built-in fields read from an element's record (`label` a node's only): the time fields
/// first.
enum class Field : std::uint8_t { none, date, start, end, when, id, type, modality, label };
inline bool is_time(Field f) { return f >= Field::date && f <= Field::when; }
/// The Field `name` names, else Field::none.
Field field_named(std::string_view name) noexcept;

/// The built-in fields of a node / a relationship, unless the schema declares a property of
/// the same name for the element's type (which shadows it).
std::span<const std::string_view> node_builtins() noexcept;
std::span<const std::string_view> edge_builtins() noexcept;

/// Is `name` a known aggregate function (lower-cased)?
bool is_aggregate_function(std::string_view lower_name) noexcept;
/// The scalar function `name` names (lower-cased), else Fn::none.
Fn scalar_function(std::string_view lower_name) noexcept;
/// Every function name, for did-you-mean.
std::vector<std::string> function_names();

}  // namespace diplograph::ql
