#pragma once
// The file format's spelling of the schema's enums (see core/enum_names.hpp).

#include "core/enum_names.hpp"
#include "diplograph/schema.hpp"

namespace diplograph::detail {

inline constexpr EnumNames<QuadClass, 4> quad_names{
    {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"}};

}  // namespace diplograph::detail
