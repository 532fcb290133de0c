#pragma once
// The variant inside a Value, for library code that handles every alternative at once (the
// JSON writer). Not public: users go through the typed accessors.

#include "diplograph/value.hpp"

namespace diplograph::detail {

struct ValueAccess {
  static const auto& storage(const Value& v) noexcept { return v.v_; }
};

}  // namespace diplograph::detail
