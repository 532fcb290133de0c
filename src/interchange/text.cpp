#include "interchange/text.hpp"

#include <cstdio>

namespace diplograph::interchange {

void append_xml(std::string& out, std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
        out += "&#9;";
        break;  // as references, so attribute normalisation keeps them
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (u < 0x20)
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
}

void append_json_citations(std::string& out, const std::vector<CitationRef>& citations) {
  out += '[';
  bool first = true;
  for (const CitationRef& c : citations) {
    if (!first) out += ',';
    first = false;
    out += "{\"source\":";
    append_json_string(out, c.source);
    out += ",\"quote\":";
    append_json_string(out, c.quote);
    out += ",\"stance\":";
    append_json_string(out, stance_name(c.stance));
    out += '}';
  }
  out += ']';
}

// JSON's escapes (\" \\ \n \r \t \u00XX) are all N-Triples escapes (ECHAR, UCHAR) too.
void append_nt_string(std::string& out, std::string_view text) { append_json_string(out, text); }

void append_iri_text(std::string& out, std::string_view text) {
  static constexpr std::string_view safe = "-._~!$&'()*+,;=:@/";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
        safe.find(c) != std::string_view::npos) {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
}

}  // namespace diplograph::interchange
