#include <doctest/doctest.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <filesystem>
#include <string>

#include "diplograph/atomic_file.hpp"
#include "diplograph/json.hpp"
#include "io/json/reader.hpp"
#include "io/json/tree.hpp"
#include "test_support.hpp"

// The load parses without RapidJSON's encoding validation and checks each string's UTF-8
// itself, parsing again with validation when a check fails. These tests hold it to what a
// validating parse reports: the same refusals, the same message, the same position.

using namespace diplograph;

namespace {
// What a validating RapidJSON parse says of `json`: nothing, or the message and column as
// diplograph words them (one-line inputs only).
std::optional<std::pair<std::string, std::uint32_t>> validating_verdict(const std::string& json) {
  rapidjson::Reader reader;
  rapidjson::StringStream stream(json.c_str());
  rapidjson::BaseReaderHandler<> ignore;
  constexpr unsigned flags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<flags>(stream, ignore);
  if (result) return std::nullopt;
  std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code());
  message.pop_back();  // the final full stop
  return std::pair{message, static_cast<std::uint32_t>(result.Offset() + 1)};
}

std::optional<Diagnostic> parse(const std::string& json) {
  detail::json::Tree tree;
  detail::json::TreeBuilder builder(tree);
  return detail::json::parse_text(json, "t.json", builder);
}
}  // namespace

TEST_CASE("every two-byte start of a non-ASCII sequence is judged as a validating parse judges it") {
  int refused = 0, accepted = 0;
  for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
    for (unsigned second = 1; second <= 0xFF; ++second) {
      if (second == '\n') continue;  // keeps every input on one line
      for (const char* rest : {"\x80\x80", "\xBF\x80", "z\x80", "\x80\"", "\xBF\\q"}) {
        for (const bool as_key : {false, true}) {
          // A string longer than a word before the sequence, so the 8-byte pass runs first.
          const std::string text = "ascii run " + std::string{char(lead), char(second)} + rest + " tail";
          const std::string json = as_key ? "{\"" + text + "\": 1}" : "{\"k\": \"" + text + "\"}";
          const auto expected = validating_verdict(json);
          const auto got = parse(json);
          INFO(std::hex, lead, " ", second, " ", (as_key ? "key" : "value"));
          REQUIRE(got.has_value() == expected.has_value());
          if (!expected) {
            ++accepted;
            continue;
          }
          ++refused;
          CHECK(got->message == expected->first);
          CHECK(got->where.line == 1);
          CHECK(got->where.column == expected->second);
        }
      }
    }
  }
  CHECK(accepted > 1000);
  CHECK(refused > 100000);
}

TEST_CASE("invalid UTF-8 is refused at every position of a short or long string") {
  // Overlong "/", a surrogate encoded in UTF-8, a truncated three-byte sequence, U+110000.
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80"}) {
    for (std::size_t at = 0; at < 20; ++at) {
      for (std::size_t length : {std::size_t{0}, std::size_t{3}, std::size_t{19}}) {
        if (at > length) continue;
        const std::string text = std::string(at, 'x') + bad + std::string(length - at, 'y');
        const std::string json = "{\"k\": [\"\\u00e9\", \"" + text + "\"]}";
        INFO(json);
        const auto got = parse(json);
        REQUIRE(got.has_value());
        CHECK(got->message == "invalid JSON: Invalid encoding in string");
        CHECK(got->where.column == 19 + at);
      }
    }
  }
  // What only a validating parse sees first: a lone surrogate escape before invalid UTF-8 in
  // one string, and an escape error or the end of the input after it.
  for (const std::string text : {R"(\udc00)"
                                 "\xFF",
                                 "\xC3\\q", "ok\xE2\x82"}) {
    const auto got = parse("[\"" + text);
    REQUIRE(got.has_value());
    CHECK(got->message == "invalid JSON: Invalid encoding in string");
  }
  CHECK(parse("[\"\\udc00\"]")->message == "string contains a lone UTF-16 surrogate");
  CHECK(!parse("[\"Ə, ı, ş and 😀 between ASCII words\", \"\xF4\x8F\xBF\xBF\"]"));
}

TEST_CASE("invalid UTF-8 in a graph file is reported once, where a validating parse reports it") {
  const test::TempDir dir;
  std::filesystem::copy_file(DIPLOGRAPH_TEST_DIR "/fixtures/invalid/schema.json", dir / "schema.json");
  const auto file = dir.path() / "g.json";
  write_file_atomically(file,
                        "\xEF\xBB\xBF{\"diplograph\": 1, \"nodes\": [\n"
                        "{\"id\": \"a\", \"type\": \"State\"},\n"
                        "{\"id\": \"b\", \"label\": \"B\xE0\x80\xAF\"}]}\n");
  try {
    load(file);
    FAIL("loaded");
  } catch (const Error& e) {
    // The problems of the item before it are reported once, though the file is parsed twice.
    const std::string at = file.string() + ":";
    CHECK(std::string(e.what()) == at + "2:1: error: node 'a' has no 'label'\n" + at +
                                       "2:1: error: node 'a' cites no source\n" + at +
                                       "3:24: error: invalid JSON: Invalid encoding in string");
  }
}
