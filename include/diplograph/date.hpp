#pragma once
/// \file
/// Dates as the sources give them: a year, a month or a day, or an uncertain span between two
/// such dates. Every Date covers a range of days, and comparisons say whether a relation holds
/// for every day in it (definitely) or for some (possibly).

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace diplograph {

enum class Precision : std::uint8_t { year, month, day };
enum class Certainty : std::uint8_t { definitely, possibly };

class Date {
 public:
  /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `EARLIEST..LATEST` made of two of those
  /// (e.g. "2025-08..2025-10"). Years 1..9999. Throws Error(ErrorCode::value) quoting the text.
  [[nodiscard]] static Date parse(std::string_view text);
  /// As parse(), but returns false instead of throwing; `why` gets the reason.
  [[nodiscard]] static bool try_parse(std::string_view text, Date& out, std::string* why = nullptr);
  /// The day `YYYY-MM-DD` (checked by the caller).
  static Date from_days(std::int32_t days);

  /// First and last day covered, as days since 1970-01-01.
  std::int32_t earliest() const noexcept { return lo_; }
  std::int32_t latest() const noexcept { return hi_; }
  /// Precision of the point date, or of the earliest bound of a span.
  Precision precision() const noexcept { return static_cast<Precision>(lo_prec_); }
  bool is_span() const noexcept { return span_; }
  /// The canonical text, the same that parse() accepts.
  std::string to_string() const;

  /// Every day of *this is before every day of `other` (definitely), or some day is (possibly).
  bool before(const Date& other, Certainty c = Certainty::definitely) const noexcept;
  bool after(const Date& other, Certainty c = Certainty::definitely) const noexcept;
  /// The date lies inside [from, to], both inclusive with their whole precision:
  /// "2025-10" is definitely within 2025-10..2025-10 and only possibly within ..2025-10-15.
  bool within(const Date& from, const Date& to, Certainty c = Certainty::definitely) const noexcept;
  /// The two dates share at least one day.
  bool overlaps(const Date& other) const noexcept { return lo_ <= other.hi_ && other.lo_ <= hi_; }

  friend bool operator==(const Date&, const Date&) = default;
  /// Chronological order for sorting: by earliest day, then the wider date first (the later
  /// latest day: "2024" before "2024-01"), then by precision.
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) noexcept;

 private:
  std::int32_t lo_ = 0;
  std::int32_t hi_ = 0;
  std::uint8_t lo_prec_ = 0;
  std::uint8_t hi_prec_ = 0;
  bool span_ = false;
};

}  // namespace diplograph
