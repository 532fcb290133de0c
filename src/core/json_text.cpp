#include "core/json_text.hpp"

#include <cstdio>

namespace diplograph::detail {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_json_value(std::string& out, const Value& v) {
  if (v.is_null())
    out += "null";
  else if (v.is_bool())
    out += v.as_bool() ? "true" : "false";
  else if (v.is_int() || v.is_real())
    out += v.to_string();
  else if (v.is_string())
    append_json_string(out, v.as_string());
  else if (v.is_date())
    append_json_string(out, v.as_date().to_string());
  else {
    out += '[';
    bool first = true;
    for (const Value& item : v.as_list()) {
      if (!first) out += ',';
      first = false;
      append_json_value(out, item);
    }
    out += ']';
  }
}

}  // namespace diplograph::detail
