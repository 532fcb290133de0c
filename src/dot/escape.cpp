#include "dot/escape.hpp"

namespace diplograph::dot {

std::string esc_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '-' && i == 0) {
      out += "\\-";
    } else if (u < 0x20 && c != '\t' && c != '\r') {
      out += "\xE2\x90";  // U+2400 + u, the control picture
      out += static_cast<char>(0x80 + u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string displayed_text(std::string_view esc) {
  std::string out;
  out.reserve(esc.size());
  for (std::size_t i = 0; i < esc.size(); ++i) {
    const char c = esc[i];
    if (c == '\\' && i + 1 < esc.size()) {
      const char next = esc[++i];
      out += (next == 'n' || next == 'l' || next == 'r') ? '\n' : next;
    } else if (esc.substr(i, 5) == "&amp;") {
      out += '&';
      i += 4;
    } else {
      out += c;
    }
  }
  return out;
}

void append_quoted(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"') out += '\\';
    out += c;
  }
  if (!value.empty() && value.back() == '\\') out += "\\\n";
  out += '"';
}

std::string for_agwrite(std::string_view value) {
  std::string out(value);
  if (!out.empty() && out.back() == '\\') out += "\\\n";
  return out;
}

}  // namespace diplograph::dot
