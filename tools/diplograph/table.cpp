#include "table.hpp"

// utf8proc directly, not through the library: how many terminal columns a character takes is a
// question of the terminal, not of graphs, so diplograph's API does not offer it. The library
// links utf8proc already; the tool names it in its own link line (tools/CMakeLists.txt).
#include <utf8proc.h>

#include <algorithm>

namespace cli {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(p, left, &c);
    if (n <= 0) {  // not UTF-8: count the byte
      ++width, ++p, --left;
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(c)));
    p += n;
    left -= n;
  }
  return width;
}

namespace {
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}
}  // namespace

void print_csv_line(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << '\n';
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out << row[i];
      if (i + 1 < row.size()) out << std::string(widths[i] - display_width(row[i]) + 2, ' ');
    }
    out << '\n';
  };
  line(header_);
  for (const auto& row : rows_) line(row);
}

}  // namespace cli
