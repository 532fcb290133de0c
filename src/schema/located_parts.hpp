#pragma once
// Schema::from_parts for a reader that knows where each part was declared, so that every
// problem is reported at its declaration. Users build schemas without positions.

#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/schema.hpp"

namespace diplograph::detail {

/// Where the parts of a Schema::Parts were declared, parallel to its node_types and
/// edge_types; a missing entry reads as an unknown location.
struct PartLocations {
  std::vector<Location> node_types;
  std::vector<Location> edge_types;
  Location source_type;  ///< where `source_type` is given
};

struct SchemaAccess {
  /// Schema::from_parts, each problem located by `where`. Throws Error listing them all.
  static Schema from_parts(Schema::Parts parts, const PartLocations& where);
};

}  // namespace diplograph::detail
