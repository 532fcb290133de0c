#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "graph/fold.hpp"

namespace diplograph::detail {

std::string fold(std::string_view text) {
  // ASCII, most names, only changes case; utf8proc does the same more slowly.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(text);
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
  }
  // Compatibility decomposition, case folding and mark stripping: "İ" becomes "i" plus a
  // combining dot that STRIPMARK then drops, so "ƏLİYEV" meets "Əliyev"; "Ǝ" and "ə" meet too.
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                              static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);  // invalid UTF-8 cannot occur in a loaded graph; keep it as is
  std::string folded(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return folded;
}

}  // namespace diplograph::detail
