#include <doctest/doctest.h>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"
#include "diplograph/value.hpp"

using namespace diplograph;

namespace {
// Every value's name parses back to the value; the names are distinct and as written in files.
template <class E, std::size_t N>
void check_round_trip(const E (&values)[N], auto name, auto parse, const char* (&&spelled)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    CHECK(name(values[i]) == spelled[i]);
    CHECK(parse(spelled[i]) == values[i]);
  }
  CHECK_FALSE(parse("nonsense").has_value());
  CHECK_FALSE(parse("").has_value());
}
}  // namespace

TEST_CASE("every enum of the file format has one name per value, read and written the same way") {
  const Modality modalities[] = {Modality::actual, Modality::expected, Modality::possible, Modality::hypothetical};
  check_round_trip(modalities, modality_name, parse_modality, {"actual", "expected", "possible", "hypothetical"});
  const Stance stances[] = {Stance::asserts, Stance::disputes};
  check_round_trip(stances, stance_name, parse_stance, {"asserts", "disputes"});
  const ValueKind kinds[] = {ValueKind::string,  ValueKind::integer, ValueKind::real,
                             ValueKind::boolean, ValueKind::date,    ValueKind::enumeration};
  check_round_trip(kinds, kind_name, parse_kind, {"string", "int", "float", "bool", "date", "enum"});
  const QuadClass quads[] = {QuadClass::verbal_cooperation, QuadClass::material_cooperation, QuadClass::verbal_conflict,
                             QuadClass::material_conflict};
  check_round_trip(quads, quad_name, parse_quad,
                   {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"});
  CHECK_FALSE(parse_quad("verbal cooperation").has_value());
}
