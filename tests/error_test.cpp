#include <doctest/doctest.h>

#include "diplograph/error.hpp"

using namespace diplograph;

TEST_CASE("diagnostics print as file:line:column: error: message, leaving out what is unknown") {
  CHECK(Diagnostic{ErrorCode::syntax, {"a.json", 3, 7}, "bad"}.to_string() == "a.json:3:7: error: bad");
  CHECK(Diagnostic{ErrorCode::io, {"a.json", 0, 0}, "gone"}.to_string() == "a.json: error: gone");
  CHECK(Diagnostic{ErrorCode::query, {}, "odd"}.to_string() == "error: odd");
  CHECK(Diagnostic{ErrorCode::schema, {"<query>", 1, 9}, "rare", Severity::warning}.to_string() ==
        "<query>:1:9: warning: rare");
}

TEST_CASE("an Error lists all its diagnostics and reports the first one's code and place") {
  const Error e({{ErrorCode::schema, {"x.json", 1, 2}, "one"}, {ErrorCode::reference, {"y.json", 3, 4}, "two"}});
  CHECK(std::string(e.what()) == "x.json:1:2: error: one\ny.json:3:4: error: two");
  CHECK(e.code() == ErrorCode::schema);
  CHECK(e.location() == Location{"x.json", 1, 2});
  CHECK(e.diagnostics().size() == 2);
}
