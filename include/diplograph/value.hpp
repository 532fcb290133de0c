#pragma once
/// \file
/// Property values: the typed contents of a node's or an edge's `props`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diplograph/date.hpp"

namespace diplograph {

/// The kinds a property spec may declare (a list of them is a Value holding a List).
enum class ValueKind : std::uint8_t { string, integer, real, boolean, date, enumeration };

/// The schema name of a kind: "string", "int", "float", "bool", "date", "enum".
std::string_view kind_name(ValueKind kind) noexcept;
/// The kind a schema name spells; nullopt for an unknown name.
std::optional<ValueKind> parse_kind(std::string_view name) noexcept;

class Value;
using List = std::vector<Value>;

namespace detail {
struct ValueAccess;
}  // namespace detail

/// A property value: null, bool, integer, real, string (also enum values), date, or list.
class Value {
 public:
  Value() = default;
  Value(bool b) : v_(b) {}
  Value(std::int64_t i) : v_(i) {}
  Value(int i) : v_(std::int64_t{i}) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Date d) : v_(d) {}
  Value(List l) : v_(std::move(l)) {}

  bool is_null() const noexcept { return v_.index() == 0; }
  bool is_bool() const noexcept { return std::holds_alternative<bool>(v_); }
  bool is_int() const noexcept { return std::holds_alternative<std::int64_t>(v_); }
  bool is_real() const noexcept { return std::holds_alternative<double>(v_); }
  bool is_string() const noexcept { return std::holds_alternative<std::string>(v_); }
  bool is_date() const noexcept { return std::holds_alternative<Date>(v_); }
  bool is_list() const noexcept { return std::holds_alternative<List>(v_); }

  /// Accessors; each throws Error(ErrorCode::value) when the value holds another kind.
  bool as_bool() const;
  std::int64_t as_int() const;
  double as_real() const;  ///< also converts an integer
  const std::string& as_string() const;
  const Date& as_date() const;
  const List& as_list() const;

  /// Plain text for display: strings unquoted, dates canonical, lists as `a, b`.
  std::string to_string() const;

  friend bool operator==(const Value&, const Value&) = default;

 private:
  friend struct detail::ValueAccess;  // the JSON writer visits the alternatives directly
  std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, List> v_;
};

}  // namespace diplograph
