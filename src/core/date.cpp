#include "diplograph/date.hpp"

#include <charconv>
#include <cstdio>

#include "diplograph/error.hpp"

namespace diplograph {

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int32_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  // Howard Hinnant's algorithm: exact for the proleptic Gregorian calendar.
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month, day;
};

Civil civil_from_days(std::int32_t z) noexcept {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool digits(std::string_view s, std::size_t n, int& out) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  std::from_chars(s.data(), s.data() + s.size(), out);
  return true;
}

// One point date: its first and last day and its precision.
bool parse_point(std::string_view text, std::int32_t& lo, std::int32_t& hi, std::uint8_t& precision, std::string& why) {
  int year = 0, month = 0, day = 0;
  if (!digits(text.substr(0, 4), 4, year) || year == 0) {
    why = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    return false;
  }
  if (text.size() == 4) {
    lo = days_from_civil(year, 1, 1);
    hi = days_from_civil(year, 12, 31);
    precision = static_cast<std::uint8_t>(Precision::year);
    return true;
  }
  if (text[4] != '-' || !digits(text.substr(5, 2), 2, month) || (text.size() != 7 && text.size() != 10)) {
    why = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    return false;
  }
  if (month < 1 || month > 12) {
    why = "month " + std::to_string(month) + " is out of range";
    return false;
  }
  const unsigned m = static_cast<unsigned>(month);
  if (text.size() == 7) {
    lo = days_from_civil(year, m, 1);
    hi = days_from_civil(year, m, days_in_month(year, m));
    precision = static_cast<std::uint8_t>(Precision::month);
    return true;
  }
  if (text[7] != '-' || !digits(text.substr(8, 2), 2, day)) {
    why = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    return false;
  }
  if (day < 1 || static_cast<unsigned>(day) > days_in_month(year, m)) {
    why = "day " + std::to_string(day) + " does not exist in " + std::string(text.substr(0, 7));
    return false;
  }
  lo = hi = days_from_civil(year, m, static_cast<unsigned>(day));
  precision = static_cast<std::uint8_t>(Precision::day);
  return true;
}

std::string point_text(std::int32_t day, std::uint8_t precision) {
  const Civil c = civil_from_days(day);
  char buffer[32];  // room for any int year, though dates stay within 4 digits
  switch (static_cast<Precision>(precision)) {
    case Precision::year:
      std::snprintf(buffer, sizeof buffer, "%04d", c.year);
      break;
    case Precision::month:
      std::snprintf(buffer, sizeof buffer, "%04d-%02u", c.year, c.month);
      break;
    case Precision::day:
      std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", c.year, c.month, c.day);
      break;
  }
  return buffer;
}

}  // namespace

bool Date::try_parse(std::string_view text, Date& out, std::string* why) {
  std::string reason;
  Date d;
  std::int32_t ignored = 0;
  const auto dots = text.find("..");
  bool ok = false;
  if (dots == std::string_view::npos) {
    ok = parse_point(text, d.lo_, d.hi_, d.lo_prec_, reason);
    d.hi_prec_ = d.lo_prec_;
  } else {
    d.span_ = true;
    ok = parse_point(text.substr(0, dots), d.lo_, ignored, d.lo_prec_, reason) &&
         parse_point(text.substr(dots + 2), ignored, d.hi_, d.hi_prec_, reason);
    if (ok && d.hi_ < d.lo_) {
      reason = "the span ends before it begins";
      ok = false;
    }
  }
  if (!ok) {
    if (why) *why = reason;
    return false;
  }
  out = d;
  return true;
}

Date Date::parse(std::string_view text) {
  Date d;
  std::string why;
  if (!try_parse(text, d, &why)) throw Error(ErrorCode::value, "bad date '" + std::string(text) + "': " + why);
  return d;
}

Date Date::from_days(std::int32_t days) {
  Date d;
  d.lo_ = d.hi_ = days;
  d.lo_prec_ = d.hi_prec_ = static_cast<std::uint8_t>(Precision::day);
  return d;
}

std::string Date::to_string() const {
  if (!span_) return point_text(lo_, lo_prec_);
  return point_text(lo_, lo_prec_) + ".." + point_text(hi_, hi_prec_);
}

bool Date::before(const Date& other, Certainty c) const noexcept {
  return c == Certainty::definitely ? hi_ < other.lo_ : lo_ < other.hi_;
}

bool Date::after(const Date& other, Certainty c) const noexcept {
  return c == Certainty::definitely ? lo_ > other.hi_ : hi_ > other.lo_;
}

bool Date::within(const Date& from, const Date& to, Certainty c) const noexcept {
  return c == Certainty::definitely ? lo_ >= from.lo_ && hi_ <= to.hi_ : hi_ >= from.lo_ && lo_ <= to.hi_;
}

std::strong_ordering operator<=>(const Date& a, const Date& b) noexcept {
  if (auto c = a.lo_ <=> b.lo_; c != 0) return c;
  if (auto c = b.hi_ <=> a.hi_; c != 0) return c;  // the wider (coarser) date first
  if (auto c = a.lo_prec_ <=> b.lo_prec_; c != 0) return c;
  if (auto c = a.hi_prec_ <=> b.hi_prec_; c != 0) return c;
  return a.span_ <=> b.span_;
}

}  // namespace diplograph
