// Fuzz target: the date parser. A date that parses prints as text that parses to the same date,
// and a refused one gives a reason; nothing but diplograph::Error leaves parse().

#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "diplograph/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  diplograph::Date date;
  std::string why;
  const bool parsed = diplograph::Date::try_parse(text, date, &why);
  try {
    const diplograph::Date thrown = diplograph::Date::parse(text);
    if (!parsed || !(thrown == date)) fuzz::finding("parse() and try_parse() disagree");
  } catch (const diplograph::Error& e) {
    fuzz::check_diagnostics(e);
    if (parsed) fuzz::finding("parse() refuses what try_parse() accepts");
  }
  if (!parsed) {
    if (why.empty()) fuzz::finding("a refused date without a reason");
    return 0;
  }
  const std::string canonical = date.to_string();
  diplograph::Date again;
  if (!diplograph::Date::try_parse(canonical, again) || !(again == date) || again.to_string() != canonical)
    fuzz::finding("a date does not survive to_string() and parse()");
  return 0;
}
