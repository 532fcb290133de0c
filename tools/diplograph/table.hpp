#pragma once
// Plain-text tables with columns aligned by display width, so that Cyrillic and Azerbaijani
// labels line up as well as ASCII ones.

#include <ostream>
#include <string>
#include <vector>

namespace cli {

/// Display width of UTF-8 text in terminal columns.
std::size_t display_width(const std::string& text);

/// One CSV record (RFC 4180): fields with a comma, quote or line break are quoted.
void print_csv_line(std::ostream& out, const std::vector<std::string>& fields);

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// Header, then rows; columns separated by two spaces, the last one not padded.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace cli
