// Fuzz target: the JSON graph loader, from memory (load_from_string), against the shipped
// schema when the input embeds none. An input that loads must survive a save/load round trip
// unchanged (load(to_json(g)) gives the same bytes again).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "check.hpp"
#include "diplograph/io.hpp"

namespace {
const diplograph::Schema& shipped_schema() {
  static const diplograph::Schema schema = diplograph::load_schema(DIPLOGRAPH_FUZZ_GRAPH_DIR "/schema.json");
  return schema;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<diplograph::Graph> graph;
  try {
    graph = diplograph::load_from_string(text, "fuzz.json", shipped_schema());
  } catch (const diplograph::Error& e) {
    fuzz::check_diagnostics(e);
    for (const auto& d : e.diagnostics())
      if (d.where.file != "fuzz.json" || d.where.line == 0) fuzz::finding("a load diagnostic without its position");
    return 0;
  }
  const std::string saved = diplograph::to_json(*graph);
  try {
    const diplograph::Graph again = diplograph::load_from_string(saved, "saved.json");
    if (diplograph::to_json(again) != saved) fuzz::finding("load(to_json(g)) differs from g");
  } catch (const diplograph::Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    fuzz::finding("to_json(g) does not load again");
  }
  return 0;
}
