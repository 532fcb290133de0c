#include "diplograph/value.hpp"

#include <charconv>
#include <cstdio>

#include "core/enum_names.hpp"
#include "diplograph/error.hpp"

namespace diplograph {

std::string_view kind_name(ValueKind kind) noexcept { return detail::kind_names.name(kind); }
std::optional<ValueKind> parse_kind(std::string_view name) noexcept { return detail::kind_names.parse(name); }

namespace {
template <class T, class Storage>
const T& get(const Storage& v, const char* wanted, const Value& value) {
  if (const T* p = std::get_if<T>(&v)) return *p;
  throw Error(ErrorCode::value, std::string("expected a ") + wanted + " value, got '" + value.to_string() + "'");
}

// The shortest text that reads back as the same double: 0.9 prints as "0.9".
std::string real_text(double d) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, result.ptr);
}
}  // namespace

bool Value::as_bool() const { return get<bool>(v_, "bool", *this); }
std::int64_t Value::as_int() const { return get<std::int64_t>(v_, "int", *this); }
double Value::as_real() const {
  if (const auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
  return get<double>(v_, "float", *this);
}
const std::string& Value::as_string() const { return get<std::string>(v_, "string", *this); }
const Date& Value::as_date() const { return get<Date>(v_, "date", *this); }
const List& Value::as_list() const { return get<List>(v_, "list", *this); }

std::string Value::to_string() const {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return real_text(d); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return d.to_string(); }
    std::string operator()(const List& l) const {
      std::string out;
      for (const Value& v : l) {
        if (!out.empty()) out += ", ";
        out += v.to_string();
      }
      return out;
    }
  };
  return std::visit(Visitor{}, v_);
}

}  // namespace diplograph
