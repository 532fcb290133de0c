#include "core/messages.hpp"

#include <doctest/doctest.h>

using namespace diplograph::detail;

TEST_CASE("did-you-mean suggests only plausible typos") {
  CHECK(closest_match("Stat", {"State", "Person", "Statement"}) == "State");
  CHECK(closest_match("rusia", {"russia", "ukraine"}) == "russia");
  CHECK(closest_match("ACTR", {"ACTOR", "HOST"}) == "ACTOR");
  CHECK(closest_match("actr", {"ACTOR", "HOST"}) == "ACTOR");
  CHECK(closest_match("zzz", {"russia", "ukraine"}).empty());
  CHECK(closest_match("x", {}).empty());
}

TEST_CASE("messages have one spelling for unknown names and suggestions") {
  CHECK(did_you_mean("State") == "; did you mean 'State'?");
  CHECK(did_you_mean("").empty());
  const std::vector<std::string_view> types{"State", "Person"};
  CHECK(unknown("node type", "Stat", types) == "unknown node type 'Stat'; did you mean 'State'?");
  CHECK(unknown("node type", "Zzzzz", types) == "unknown node type 'Zzzzz'");
  CHECK(unknown("field", "lable", did_you_mean("label")) == "unknown field 'lable'; did you mean 'label'?");
  CHECK(one_of({"asserts", "disputes"}) == " (one of asserts, disputes)");
  CHECK(quote("it's") == "'it's'");
}
