#pragma once
// Type names as callers give them (views, algorithms) resolved against a schema, with a
// did-you-mean for an unknown one.

#include <string>
#include <vector>

#include "diplograph/schema.hpp"

namespace diplograph::detail {

/// The ids of the named edge types, sorted; empty for empty. Throws Error(ErrorCode::schema)
/// with a did-you-mean for an unknown name.
std::vector<TypeId> edge_type_ids(const Schema& schema, const std::vector<std::string>& names);
/// A mask by TypeId of the named node types and their subtypes; empty for empty.
std::vector<bool> node_type_mask(const Schema& schema, const std::vector<std::string>& names);
/// A mask by TypeId of the chosen edge types; all true for none chosen.
std::vector<bool> edge_type_mask(const Schema& schema, const std::vector<std::string>& names);

}  // namespace diplograph::detail
