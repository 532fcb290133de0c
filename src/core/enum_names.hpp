#pragma once
// One name per value of an enum, in one table: X_name() and parse_X() both read it, so the
// spelling a writer produces is the spelling a reader accepts, and messages list the same names.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "diplograph/value.hpp"

namespace diplograph::detail {

/// The names of the values 0..N-1 of enum E, in value order.
template <class E, std::size_t N>
struct EnumNames {
  std::array<std::string_view, N> names;

  constexpr std::string_view name(E value) const noexcept {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("?");
  }
  constexpr std::optional<E> parse(std::string_view text) const noexcept {
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
  }
  /// Every name, for "one of ..." and did-you-mean.
  std::vector<std::string_view> all() const { return {names.begin(), names.end()}; }
};

/// The schema's spelling of each ValueKind.
inline constexpr EnumNames<ValueKind, 6> kind_names{{"string", "int", "float", "bool", "date", "enum"}};

}  // namespace diplograph::detail
