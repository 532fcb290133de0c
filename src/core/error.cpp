#include "diplograph/error.hpp"

namespace diplograph {

namespace {
// Control characters from the data (a type named "Sta\nte\x1b[31m") must neither break a
// diagnostic's line nor reach a terminal as an escape sequence, so they are written as JSON
// escapes: \n, \t, \r, \u001b, also DEL and the C1 controls (U+0080..U+009F, which some
// terminals obey too). A message's own context lines, each begun with "\n  " (a query's line
// and its caret), are kept when `continuations` is set.
void append_escaped(std::string& out, std::string_view text, bool continuations) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;
    if ((c >= 0x20 && c != 0x7F && !c1) || (c == '\n' && continuations && text.substr(i + 1, 2) == "  ")) {
      out += text[i];
      continue;
    }
    const unsigned code = c1 ? static_cast<unsigned char>(text[++i]) : c;
    switch (code) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += hex[code >> 4];
        out += hex[code & 15];
    }
  }
}
}  // namespace

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    append_escaped(out, where.file, false);
    if (where.line != 0) {
      out += ':' + std::to_string(where.line);
      if (where.column != 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += severity == Severity::warning ? "warning: " : "error: ";
  append_escaped(out, message, true);
  return out;
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}
}  // namespace

Error::Error(ErrorCode code, std::string message, Location where)
    : Error(std::vector<Diagnostic>{Diagnostic{code, std::move(where), std::move(message)}}) {}

Error::Error(std::vector<Diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)), what_(join(diagnostics_)) {}

}  // namespace diplograph
