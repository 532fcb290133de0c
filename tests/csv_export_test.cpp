#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "diagram_graph.hpp"
#include "diplograph/interchange.hpp"
#include "diplograph/io.hpp"
#include "test_support.hpp"

using namespace diplograph;

namespace {

const std::filesystem::path golden_dir = std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "golden" / "diagram-csv";

// RFC 4180 records, as a bulk loader reads them (quoted fields may hold commas, quotes, newlines).
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      rows.back().back() += '"', ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      rows.back().emplace_back();
    } else if (!quoted && c == '\n') {
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  rows.pop_back();  // after the last line break
  return rows;
}

const CsvFile& file_named(const std::vector<CsvFile>& files, const std::string& name) {
  auto it = std::find_if(files.begin(), files.end(), [&](const CsvFile& f) { return f.name == name; });
  REQUIRE(it != files.end());
  return *it;
}

}  // namespace

TEST_CASE("CSV export: golden files, one per node and edge type, plus the Kùzu script") {
  const auto files = to_csv_files(diagram_test::graph());
  std::vector<std::string> names;
  for (const auto& f : files) {
    names.push_back(f.name);
    if (std::getenv("DIPLOGRAPH_UPDATE_GOLDEN")) write_file_atomically(golden_dir / f.name, f.text);
    CHECK_MESSAGE(f.text == test::read_file(golden_dir / f.name), f.name);
  }
  std::vector<std::string> golden;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir))
    golden.push_back(entry.path().filename().string());
  std::sort(golden.begin(), golden.end());
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == golden);
  CHECK(names.back() == "kuzu-schema.cypher");
}

TEST_CASE("CSV export: neo4j-admin headers, and every label read back exactly as in the data") {
  const Graph g = diagram_test::graph();
  const auto files = to_csv_files(g);
  std::vector<std::string> labels;
  std::size_t nodes = 0, edges = 0;
  for (const auto& f : files) {
    if (f.name.ends_with(".cypher")) continue;
    const auto rows = read_csv(f.text);
    for (const auto& row : rows) CHECK(row.size() == rows.front().size());
    if (f.name.starts_with("nodes-")) {
      CHECK(rows.front()[0] == "id:ID");
      CHECK(rows.front()[1] == ":LABEL");
      nodes += rows.size() - 1;
      for (std::size_t r = 1; r < rows.size(); ++r) labels.push_back(rows[r][2]);
    } else {
      CHECK(rows.front()[0] == ":START_ID");
      CHECK(rows.front()[1] == ":END_ID");
      CHECK(rows.front()[2] == ":TYPE");
      edges += rows.size() - 1;
    }
  }
  CHECK(nodes == g.node_count());
  CHECK(edges == g.edge_count());
  for (const auto& label : diagram_test::hostile_labels)
    CHECK_MESSAGE(std::count(labels.begin(), labels.end(), label) >= 1, label);
  const auto state = read_csv(file_named(files, "nodes-State.csv").text);
  CHECK(state[0][1] == ":LABEL");
  CHECK(state[1][1] == "State;Actor");  // the type and its ancestors
}

TEST_CASE("CSV export: written atomically into a directory, never over unrelated files") {
  const Graph g = diagram_test::graph();
  test::TempDir tmp;
  const auto out = tmp / "export";
  write_csv_export(g, out);
  CHECK(test::read_file(out / "kuzu-schema.cypher") == file_named(to_csv_files(g), "kuzu-schema.cypher").text);

  write_csv_export(g, out);  // a previous export is replaced
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tmp.path())) ++entries;
  CHECK(entries == 1);  // no temporary directory left behind

  const auto other = tmp / "other";
  std::filesystem::create_directory(other);
  write_file_atomically(other / "notes.txt", "keep me");
  CHECK_THROWS_WITH_AS(
      write_csv_export(g, other),
      (other.string() +
       ": error: holds 'notes.txt', which is not part of a CSV export; choose a new or empty directory")
          .c_str(),
      Error);
  CHECK(test::read_file(other / "notes.txt") == "keep me");
}
