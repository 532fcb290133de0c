// What load() refuses to read (src/io/input_file.cpp) and load_from_string().
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>

#include "diplograph/error.hpp"
#include "diplograph/io.hpp"
#include "test_support.hpp"

using namespace diplograph;
namespace fs = std::filesystem;

namespace {

const fs::path basic = DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic";

std::string load_error(const fs::path& path, const LoadOptions& options = {}) {
  try {
    load(path, options);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io);
    return e.what();
  }
  return "(loaded)";
}

// load(path) run where a hang shows as a failure: a reader blocked on a FIFO is released by
// opening the FIFO for writing.
std::string load_error_without_blocking(const fs::path& path, const fs::path& fifo) {
  auto result = std::async(std::launch::async, [&] { return load_error(path); });
  if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    FAIL_CHECK("load() blocked on a FIFO");
    ::close(::open(fifo.c_str(), O_WRONLY));
  }
  return result.get();
}

}  // namespace

TEST_CASE("a FIFO is refused before it is opened, as a graph file or as schema.json") {
  test::TempDir dir;
  const fs::path fifo = dir / "graph.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(load_error_without_blocking(fifo, fifo) == fifo.string() + ": error: not a regular file or directory: a FIFO");

  fs::create_directory(dir / "g");
  fs::copy_file(basic / "graph.json", dir / "g" / "graph.json");
  const fs::path schema = dir / "g" / "schema.json";
  REQUIRE(::mkfifo(schema.c_str(), 0600) == 0);
  CHECK(load_error_without_blocking(dir / "g", schema) ==
        schema.string() + ": error: not a regular file or directory: a FIFO");
}

TEST_CASE("a device is refused before it is read") {
  CHECK(load_error("/dev/zero") == "/dev/zero: error: not a regular file or directory: a character device");
}

TEST_CASE("a file over the size limit is refused; the limit can be raised") {
  LoadOptions small;
  small.max_file_size = 100;
  const fs::path graph = basic / "graph.json";
  REQUIRE(fs::file_size(graph) > 100);
  CHECK(load_error(basic, small) ==
        (basic / "schema.json").string() + ": error: larger than the limit of 100 bytes for a graph file");
  CHECK(load_error(graph, small) == graph.string() + ": error: larger than the limit of 100 bytes for a graph file");
  LoadOptions large;
  large.max_file_size = fs::file_size(graph) + fs::file_size(basic / "schema.json");
  CHECK(load(basic, large).node_count() == load(basic).node_count());
  CHECK(default_max_file_size == std::uint64_t{1} << 30);
}

TEST_CASE("symbolic link loops are reported by name, not thrown as filesystem_error") {
  test::TempDir dir;
  fs::copy_file(basic / "schema.json", dir / "schema.json");
  fs::create_symlink("x.json", dir / "x.json");
  CHECK(load_error(dir.path()) == (dir / "x.json").string() + ": error: too many levels of symbolic links");

  test::TempDir single;
  fs::copy_file(basic / "graph.json", single / "graph.json");
  fs::create_symlink("schema.json", single / "schema.json");
  CHECK(load_error(single / "graph.json") ==
        (single / "schema.json").string() + ": error: too many levels of symbolic links");
  fs::create_symlink("loop.json", single / "loop.json");
  CHECK(load_error(single / "loop.json") ==
        (single / "loop.json").string() + ": error: too many levels of symbolic links");
}

TEST_CASE("load_from_string reads a graph from memory, with positions in the name it is given") {
  const std::string text = test::read_file(basic / "graph.json");
  const Schema schema = load_schema(basic / "schema.json");
  const Graph from_memory = load_from_string(text, "memory.json", schema);
  CHECK(to_json(from_memory) == to_json(load(basic)));
  // The canonical text embeds its schema.
  CHECK(to_json(load_from_string(to_json(from_memory), "saved.json")) == to_json(from_memory));

  CHECK_THROWS_WITH_AS(
      load_from_string("{\"diplograph\": 1,\n \"nodes\": [{\"id\": \"x\", \"type\": \"Stat\", \"label\": \"X\"}]}",
                       "mem", schema),
      "mem:2:12: error: node 'x' cites no source\nmem:2:32: error: node 'x': unknown node type 'Stat'; did you "
      "mean 'State'?",
      Error);
  CHECK_THROWS_WITH_AS(load_from_string("{\"diplograph\": 1,\n \"nodes\": [\n", "mem", schema),
                       "mem:3:1: error: invalid JSON: Invalid value", Error);
  CHECK_THROWS_WITH_AS(load_from_string("{\"diplograph\": 1, \"nodes\": [{}]}", "mem"),
                       "mem:1:28: error: no schema: embed a \"schema\" member before the nodes, or put schema.json "
                       "beside the file",
                       Error);
}
