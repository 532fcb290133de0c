#include <doctest/doctest.h>

#include "diplograph/date.hpp"
#include "diplograph/error.hpp"

using diplograph::Certainty;
using diplograph::Date;
using diplograph::Precision;

TEST_CASE("dates parse at the precision the text gives and print back the same") {
  for (const char* text : {"2024", "2024-12", "2024-12-25", "2025-08..2025-10", "2024..2025-03", "0001", "9999-12-31"})
    CHECK(Date::parse(text).to_string() == text);
  CHECK(Date::parse("2024").precision() == Precision::year);
  CHECK(Date::parse("2024-02").precision() == Precision::month);
  CHECK(Date::parse("2024-02-29").precision() == Precision::day);
  CHECK(Date::parse("2024-02").latest() - Date::parse("2024-02").earliest() == 28);  // a leap year
  CHECK(Date::parse("1970-01-01").earliest() == 0);
}

TEST_CASE("bad dates are refused with the reason and the offending text") {
  CHECK_THROWS_WITH_AS(Date::parse("2025-13"), "error: bad date '2025-13': month 13 is out of range",
                       diplograph::Error);
  CHECK_THROWS_WITH_AS(Date::parse("2023-02-29"), "error: bad date '2023-02-29': day 29 does not exist in 2023-02",
                       diplograph::Error);
  CHECK_THROWS_WITH_AS(Date::parse("2025-10..2025-08"),
                       "error: bad date '2025-10..2025-08': the span ends before it begins", diplograph::Error);
  for (const char* text :
       {"", "25", "2025-1", "2025/10", "2025-10-1", "0000", "2025-10-15T10:00", "circa 2025", "2025-"}) {
    Date d;
    CHECK_MESSAGE(!Date::try_parse(text, d), text);
  }
}

TEST_CASE("comparisons know precision: definitely versus possibly") {
  const Date october = Date::parse("2025-10");
  const Date mid_october = Date::parse("2025-10-15");
  CHECK_FALSE(october.before(mid_october, Certainty::definitely));
  CHECK(october.before(mid_october, Certainty::possibly));
  CHECK(october.within(october, october));
  CHECK(mid_october.within(october, october));
  CHECK_FALSE(october.within(Date::parse("2025-01"), mid_october, Certainty::definitely));
  CHECK(october.within(Date::parse("2025-01"), mid_october, Certainty::possibly));
  CHECK(Date::parse("2025-09").before(october));
  CHECK(Date::parse("2025-11-01").after(october));
  CHECK(Date::parse("2025-08..2025-10").overlaps(mid_october));
  CHECK_FALSE(Date::parse("2025-08..2025-09").overlaps(mid_october));
}

TEST_CASE("dates sort chronologically, coarser first at the same start") {
  CHECK(Date::parse("2025") < Date::parse("2025-01"));
  CHECK(Date::parse("2025-01") < Date::parse("2025-01-01"));
  CHECK(Date::parse("2024-12-31") < Date::parse("2025"));
  CHECK(Date::parse("2025-10") == Date::parse("2025-10"));
}
