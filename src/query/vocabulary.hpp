#pragma once
// The closed vocabularies a query compares fields with: modality, stance, quad class, PLOVER
// category and every schema property declared as an enum. A literal outside one can never be
// equal to the field, so comparing with it is a mistake (a wrong case, a typo), reported with a
// did-you-mean instead of answering zero rows.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/schema.hpp"

namespace diplograph::ql {

struct V;
struct Env;

/// The values one enum-valued field may hold.
struct EnumValues {
  std::string what;  ///< how messages name a value of it: "modality", "category", "context", ...
  std::vector<std::string> values;
  bool list = false;  ///< the field holds a list of such values (`contexts`)
};
using EnumPtr = std::shared_ptr<const EnumValues>;

/// The vocabulary of a built-in field (`modality`, `quad`, `category` of a node or
/// relationship; `stance` of a citation), or null when the field is not enum-valued.
EnumPtr builtin_enum(std::string_view field, const Schema& schema);
/// The vocabulary of a declared property, or null when it is not an enum.
EnumPtr property_enum(const PropertySpec& spec, const Schema& schema);

/// "" when `value` is in `e`, else `unknown WHAT 'value'` with a did-you-mean (or the list of
/// allowed values when none is close).
std::string outside(const EnumValues& e, std::string_view value);

/// A parameter compared with an enum-valued field: a string outside the vocabulary, or a list
/// holding one, is an Error(ErrorCode::query) at `pos`.
void check_enum_parameter(const EnumValues& e, const V& value, const Env& env, std::size_t pos);

}  // namespace diplograph::ql
