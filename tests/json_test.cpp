#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "diplograph/atomic_file.hpp"
#include "diplograph/json.hpp"
#include "diplograph/view.hpp"
#include "io/json/reader.hpp"
#include "io/json/tree.hpp"
#include "test_support.hpp"

using namespace diplograph;
namespace fs = std::filesystem;

namespace {
// The message of loading `file`, with the test directory left out of its paths.
std::string load_error(const fs::path& file) {
  try {
    load(file);
  } catch (const Error& e) {
    std::string text = e.what();
    const std::string prefix = std::string(DIPLOGRAPH_TEST_DIR) + "/";
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) text.erase(at, prefix.size());
    return text + "\n";
  }
  return "(loaded without error)\n";
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("every defect fixture gives exactly its golden diagnostics") {
  const fs::path dir = DIPLOGRAPH_TEST_DIR "/fixtures/invalid";
  int checked = 0;
  for (const auto& file : files_in(dir, ".json")) {
    if (file.filename() == "schema.json") continue;
    fs::path golden = file;
    golden.replace_extension(".err");
    INFO(file.filename().string());
    REQUIRE(fs::exists(golden));
    CHECK(load_error(file) == test::read_file(golden));
    ++checked;
  }
  CHECK(checked >= 30);
}

TEST_CASE("JSONTestSuite: every n_ file is refused with a message, every y_ file parses, nothing crashes") {
  const fs::path dir = DIPLOGRAPH_TEST_DIR "/third_party/JSONTestSuite/test_parsing";
  // Valid JSON that diplograph refuses on purpose: NUL characters have no place in a graph.
  const std::vector<std::string> refused_valid{"y_string_null_escape.json", "y_object_escaped_null_in_key.json"};
  int n = 0, y = 0, i = 0;
  for (const auto& file : files_in(dir, ".json")) {
    const std::string name = file.filename().string();
    INFO(name);
    detail::json::Tree tree;
    detail::json::TreeBuilder builder(tree);
    const auto problem = detail::json::parse_file(file, builder, default_max_file_size);
    if (name.starts_with("n_")) {
      ++n;
      REQUIRE(problem.has_value());
      CHECK(!problem->message.empty());
      CHECK(problem->where.line >= 1);
      // The loader refuses it too, with a located message.
      CHECK(load_error(file).find(": error: ") != std::string::npos);
    } else if (name.starts_with("y_")) {
      ++y;
      const bool refused = std::find(refused_valid.begin(), refused_valid.end(), name) != refused_valid.end();
      CHECK(problem.has_value() == refused);
    } else {
      ++i;  // implementation-defined: either answer, but an answer
      (void)load_error(file);
    }
  }
  CHECK(n == 188);
  CHECK(y == 95);
  CHECK(i == 35);
}

TEST_CASE("a graph saves to canonical JSON that loads back equal, byte for byte the same twice") {
  for (const char* path : {DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic", DIPLOGRAPH_GRAPH_DIR}) {
    INFO(path);
    const Graph g = load(path);
    const test::TempDir dir;
    save(g, dir / "one.json");
    const Graph again = load(dir / "one.json");
    CHECK(again == g);
    save(again, dir / "two.json");
    CHECK(test::read_file(dir / "one.json") == test::read_file(dir / "two.json"));
    CHECK(to_json(g) == test::read_file(dir / "one.json"));
  }
}

TEST_CASE("the canonical JSON of the basic fixture matches its golden file") {
  const Graph g = load(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic");
  CHECK(to_json(g) == test::read_file(DIPLOGRAPH_TEST_DIR "/golden/basic.json"));
  std::ostringstream streamed;
  write_json(g, streamed);
  CHECK(streamed.str() == test::read_file(DIPLOGRAPH_TEST_DIR "/golden/basic.json"));
}

TEST_CASE("a failed save leaves the target untouched and no temporary file behind") {
  const test::TempDir dir;
  fs::create_directory(dir / "target");  // renaming a file over a directory fails
  CHECK_THROWS_AS(save(Graph(), dir / "target"), Error);
  CHECK(fs::is_directory(dir / "target"));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
  CHECK_THROWS_WITH_AS(save(Graph(), dir / "missing" / "x.json"),
                       ((dir / "missing" / "x.json").string() + ": error: cannot create a temporary file in '" +
                        (dir / "missing").string() + "': no such file or directory")
                           .c_str(),
                       Error);
}

TEST_CASE("a directory merges every *.json beside schema.json; errors name the file") {
  const test::TempDir dir;
  fs::copy(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic/schema.json", dir / "schema.json");
  const Graph basic = load(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic");
  // Split the basic graph in two files: nodes in one, edges in the other.
  std::string nodes = "{\"diplograph\": 1, \"nodes\": [", edges = "{\"diplograph\": 1, \"edges\": [";
  const std::string all = to_json(basic);
  const auto n0 = all.find("\"nodes\": [") + 10, n1 = all.find("\n],\n\"edges\"");
  const auto e0 = all.find("\"edges\": [") + 10, e1 = all.rfind("\n]");
  write_file_atomically(dir / "a-nodes.json", nodes + all.substr(n0, n1 - n0) + "]}");
  write_file_atomically(dir / "b-edges.json", edges + all.substr(e0, e1 - e0) + "]}");
  CHECK(load(dir.path()) == basic);
  write_file_atomically(dir / "c-bad.json", "{\"diplograph\": 1, \"nodes\": [{\"id\": \"russia\"}]}");
  const std::string message = load_error(dir.path());
  CHECK(message.find("c-bad.json:1:29: error: node 'russia' has no 'type'") != std::string::npos);
  CHECK_THROWS_WITH_AS(load(dir / "nothing-here"),
                       ((dir / "nothing-here").string() + ": error: no such file or directory").c_str(), Error);
}

// The string check passes plain ASCII 8 bytes at a time: a NUL or a lone surrogate is found
// wherever it falls in a string, in a whole word or in the short tail.
TEST_CASE("a NUL or a lone surrogate is refused at any position of a string, key or value") {
  for (std::size_t at = 0; at < 20; ++at) {
    for (const char* bad : {"\\u0000", "\\udc00"}) {
      const std::string text = std::string(at, 'x') + bad + std::string(19 - at, 'y');
      for (const bool as_key : {false, true}) {
        INFO(text, as_key ? " as a key" : " as a value");
        detail::json::Tree tree;
        detail::json::TreeBuilder builder(tree);
        const std::string json = as_key ? "{\"" + text + "\": 1}" : "{\"k\": \"" + text + "\"}";
        const auto problem = detail::json::parse_text(json, "t.json", builder);
        REQUIRE(problem.has_value());
        CHECK(problem->message.find("string contains") != std::string::npos);
      }
    }
  }
  detail::json::Tree tree;
  detail::json::TreeBuilder builder(tree);
  CHECK(!detail::json::parse_text(R"({"ascii, then Ə and 😀 past a word": "\u00e9 ok"})", "t.json", builder));
}

// A load large enough to pass many batches to the assembling thread (which looks items up
// ahead of the one it adds) and to index on two cores: a problem in a late batch is still
// placed at its item's line and column, and every folded name is found, as in a view.
TEST_CASE("a load over many batches places each problem and indexes every name") {
  const int count = 20000;
  auto graph_text = [&](int bad_edge, int duplicate_node) {
    std::string text =
        R"({"diplograph": 1, "schema": {"diplograph_schema": 1, "node_types": {"P": {"props": {"note": {"type": "string"}}}},
 "edge_types": {"KNOWS": {"from": ["P"], "to": ["P"]}}},
"nodes": [
)";
    for (int i = 0; i < count; ++i) {
      const int id = i == duplicate_node ? i - 1 : i;
      text += R"({"id": "n)" + std::to_string(id) + R"(", "type": "P", "label": "ƏLİYEV )" + std::to_string(i) +
              R"(", "aliases": ["Алиев )" + std::to_string(i % 7) +
              R"("], "props": {"note": "a note long enough to leave the inline buffer )" + std::to_string(i) + "\"}}" +
              (i + 1 < count ? ",\n" : "\n");
    }
    text += "],\n\"edges\": [\n";
    for (int i = 0; i < count; ++i)
      text += R"({"type": "KNOWS", "from": "n)" + std::to_string(i) + R"(", "to": ")" +
              (i == bad_edge ? std::string("nobody") : "n" + std::to_string((i * 7919) % count)) + R"(", "date": "20)" +
              std::to_string(10 + i % 15) + "\"}" + (i + 1 < count ? ",\n" : "\n");
    return text + "]}\n";
  };
  const Graph g = load_from_string(graph_text(-1, -1), "big.json");
  CHECK(g.edge_count() == count);
  for (int i : {0, 4095, 4096, 12345, count - 1}) {
    INFO(i);
    const auto found = g.find_by_name("əliyev " + std::to_string(i));
    REQUIRE(found.size() == 1);
    CHECK(found[0].id() == "n" + std::to_string(i));
  }
  CHECK(g.find_by_name("алиев 3").size() == count / 7);
  const Graph all = view(g, ViewOptions{});
  CHECK(all.find_by_name("алиев 3").size() == count / 7);
  // Lines 1-3 are the header and the schema: node i is on line 4 + i, edge i on line 6 + count + i.
  try {
    (void)load_from_string(graph_text(17000, 15000), "big.json");
    FAIL("loaded a graph with two problems");
  } catch (const Error& e) {
    // Node 15000 takes the id of node 14999, so edges to or from 'n15000' name no node either.
    auto at_line = [&](std::uint32_t line) {
      const auto& d = e.diagnostics();
      const auto it = std::find_if(d.begin(), d.end(), [&](const Diagnostic& x) { return x.where.line == line; });
      return it == d.end() ? std::string() : it->message + " @" + std::to_string(it->where.column);
    };
    CHECK(at_line(4 + 15000) == "duplicate node id 'n14999' (first defined at big.json:15003:1) @8");
    CHECK(at_line(6 + count + 17000) == "edge n17000 -> nobody: 'to' names no node: 'nobody' @43");
    CHECK(at_line(6 + count + 15000).starts_with("edge n15000 -> "));
  }
}
