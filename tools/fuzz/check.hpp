#pragma once
// What every fuzz target checks beyond "no crash, no sanitizer report": the only exception
// that leaves the library is diplograph::Error, and its text is fit for a terminal.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "diplograph/error.hpp"

namespace fuzz {

/// Stops the run (a finding) with `what` on stderr.
[[noreturn]] inline void finding(const char* what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what);
  std::abort();
}

/// Each diagnostic is one line (its own context lines begin with two spaces) and carries no
/// control character that a terminal would obey.
inline void check_diagnostics(const diplograph::Error& e) {
  const std::string_view text = e.what();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      const std::string_view rest = text.substr(i + 1);
      // The next diagnostic of the list, or a context line of this one.
      if (rest.empty()) finding("a diagnostic ends with a newline");
      continue;
    }
    if (c < 0x20 || c == 0x7F) finding("a raw control character in a diagnostic");
  }
  if (e.diagnostics().empty()) finding("an Error without a diagnostic");
}

}  // namespace fuzz
