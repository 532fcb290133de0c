#pragma once
// The file format's spelling of Modality and Stance (see core/enum_names.hpp).

#include "core/enum_names.hpp"
#include "diplograph/graph.hpp"

namespace diplograph::detail {

inline constexpr EnumNames<Modality, 4> modality_names{{"actual", "expected", "possible", "hypothetical"}};
inline constexpr EnumNames<Stance, 2> stance_names{{"asserts", "disputes"}};

}  // namespace diplograph::detail
