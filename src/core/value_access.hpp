#pragma once
// The variant inside a Value, for library code that handles every alternative at once (the
// JSON writer), or that refills a Value in place (the fast item reader, which keeps a string's
// capacity across items). Not public: users go through the typed accessors.

#include "diplograph/value.hpp"

namespace diplograph::detail {

struct ValueAccess {
  static const auto& storage(const Value& v) noexcept { return v.v_; }
  /// Makes `v` the string `text`, reusing the buffer of a string it holds already.
  static void assign_string(Value& v, std::string_view text) {
    if (auto* s = std::get_if<std::string>(&v.v_))
      s->assign(text);
    else
      v.v_ = std::string(text);
  }
};

}  // namespace diplograph::detail
