// The fast item reader against the tree reader: it may give up on any item, but an item it
// accepts must be one the tree reader reads without a problem, into the same data.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "diplograph/io.hpp"
#include "io/json/fast_item.hpp"
#include "io/json/item_reader.hpp"
#include "io/json/tree.hpp"
#include "test_support.hpp"

using namespace diplograph;
using namespace diplograph::detail::json;
namespace fs = std::filesystem;

namespace {

struct Count {
  int accepted = 0, refused = 0;
  int refused_clean = 0;  // refused, though the tree reader finds nothing wrong
};

// Sends each element of a graph file's "nodes" and "edges" to both readers and compares them.
class BothReaders : public Events {
 public:
  BothReaders(const std::string& name, Count& count) : name_(name), count_(count) {}

  bool null(std::uint64_t end) override { return item() ? both(fast_.null(), builder_.null(end)) : true; }
  bool boolean(bool b, std::uint64_t end) override {
    return item() ? both(fast_.boolean(b), builder_.boolean(b, end)) : true;
  }
  bool number(std::string_view t, std::uint64_t end) override {
    return item() ? both(fast_.number(t), builder_.number(t, end)) : true;
  }
  bool string(std::string_view t, std::uint64_t end) override {
    return item() ? both(fast_.string(t), builder_.string(t, end)) : true;
  }
  bool key(std::string_view t, std::uint64_t end) override {
    if (item()) return both(fast_.key(t), builder_.key(t, end));
    if (depth_ == 1) section_ = t;
    return true;
  }
  bool start_object(std::uint64_t end) override {
    if (!item() && depth_ == 2 && (section_ == "nodes" || section_ == "edges")) {
      tree_.clear();
      node_ = {}, edge_ = {};
      const bool edge = section_ == "edges";
      fast_.begin(edge ? nullptr : &node_, edge ? &edge_ : nullptr);
      in_item_ = true;
      return both(fast_.start_object(), builder_.start_object(end));
    }
    if (item()) return both(fast_.start_object(), builder_.start_object(end));
    return ++depth_, true;
  }
  bool end_object(std::uint64_t end) override {
    return item() ? both(fast_.end_object(), builder_.end_object(end)) : (--depth_, true);
  }
  bool start_array(std::uint64_t end) override {
    if (item()) return both(fast_.start_array(), builder_.start_array(end));
    return ++depth_, true;
  }
  bool end_array(std::uint64_t end) override {
    return item() ? both(fast_.end_array(), builder_.end_array(end)) : (--depth_, true);
  }

 private:
  bool item() const { return in_item_; }
  bool both(bool fast_closed, bool) {
    CHECK(fast_closed == (tree_.depth() == 0));
    if (!fast_closed) return true;
    in_item_ = false;
    std::vector<Diagnostic> diagnostics;
    FileProblems problems(fs::path(name_), diagnostics, diplograph::default_max_file_size);
    const bool edge = section_ == "edges";
    NodeData node;
    EdgeData edge_data;
    const bool read = edge ? read_edge(tree_, problems, edge_data) : read_node(tree_, problems, node);
    if (!fast_.accepted()) {
      ++count_.refused;
      if (read && diagnostics.empty()) ++count_.refused_clean;
      return true;
    }
    ++count_.accepted;
    INFO(name_, ": item at ", tree_[tree_.root()].end);
    CHECK(read);
    CHECK(diagnostics.empty());
    if (edge)
      CHECK(edge_data == edge_);
    else
      CHECK(node == node_);
    return true;
  }

  std::string name_;
  Count& count_;
  Tree tree_;
  TreeBuilder builder_{tree_};
  FastItem fast_;
  NodeData node_;
  EdgeData edge_;
  bool in_item_ = false;
  int depth_ = 0;
  std::string section_;
};

Count check_file(const fs::path& file) {
  Count count;
  BothReaders both(file.string(), count);
  parse_file(file, both, diplograph::default_max_file_size);
  return count;
}

// Through a file: the tree reader reads the file again to place what it reports.
Count check_text(const std::string& text) {
  test::TempDir dir;
  std::ofstream(dir / "graph.json") << text;
  return check_file(dir / "graph.json");
}

}  // namespace

TEST_CASE("the fast item reader accepts every item of the bundled graph, as the tree reader reads it") {
  Count total;
  for (const auto& entry : fs::directory_iterator(DIPLOGRAPH_GRAPH_DIR)) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
    const Count c = check_file(entry.path());
    total.accepted += c.accepted, total.refused += c.refused;
  }
  CHECK(total.accepted > 500);
  CHECK(total.refused == 0);
}

TEST_CASE("the fast item reader gives up on every defect the tree reader reports") {
  Count total;
  for (const auto& entry : fs::directory_iterator(DIPLOGRAPH_TEST_DIR "/fixtures/invalid")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
    INFO(entry.path().filename().string());
    const Count c = check_file(entry.path());
    total.accepted += c.accepted, total.refused += c.refused;
  }
  CHECK(total.refused >= 7);  // the fixtures whose defect is in an item's JSON
  CHECK(total.refused_clean == 0);

  // Items each with one defect of a kind the fixtures may not cover: all refused.
  const char* defects[] = {
      R"({"id": "e", "type": "T", "from": "a", "to": "b", "to": "c"})",
      R"({"type": "T", "from": "a"})",
      R"({"type": "T", "from": "a", "to": "b", "props": {"x": 1, "x": 2}})",
      R"({"type": "T", "from": "a", "to": "b", "props": {"x": {"y": 1}}})",
      R"({"type": "T", "from": "a", "to": "b", "props": {"x": [1, [2]]}})",
      R"({"type": "T", "from": "a", "to": "b", "props": []})",
      R"({"type": "T", "from": "a", "to": "b", "date": 2020})",
      R"({"type": "T", "from": "a", "to": "b", "date": "2020-13"})",
      R"({"type": "T", "from": "a", "to": "b", "modality": "perhaps"})",
      R"({"type": "T", "from": "a", "to": "b", "label": "edges have none"})",
      R"({"type": "T", "from": "a", "to": "b", "sources": {"source": "s"}})",
      R"({"type": "T", "from": "a", "to": "b", "sources": ["s"]})",
      R"({"type": "T", "from": "a", "to": "b", "sources": [{"quote": "q"}]})",
      R"({"type": "T", "from": "a", "to": "b", "sources": [{"source": "s", "source": "t"}]})",
      R"({"type": "T", "from": "a", "to": "b", "sources": [{"source": "s", "stance": "doubts"}]})",
      R"({"type": "T", "from": "a", "to": "b", "sources": [{"source": "s", "page": 3}]})",
      R"({"type": "T", "from": "a", "to": "b", "sources": [{"source": 7}]})",
      R"({"type": "T", "from": 1, "to": "b"})",
      R"({"type": "T", "from": "a", "to": "b", "colour": "red"})",
  };
  for (const char* item : defects) {
    INFO(std::string(item));
    const Count c = check_text(std::string(R"({"diplograph": 1, "edges": [)") + item + "]}");
    CHECK(c.refused == 1);
    CHECK(c.refused_clean == 0);
    CHECK(c.accepted == 0);
  }
  const char* node_defects[] = {
      R"({"id": "n", "type": "T"})",
      R"({"id": "n", "type": "T", "label": "L", "aliases": "A"})",
      R"({"id": "n", "type": "T", "label": "L", "aliases": ["A", 2]})",
      R"({"id": "n", "type": "T", "label": "L", "from": "a"})",
      R"({"type": "T", "label": "L"})",
  };
  for (const char* item : node_defects) {
    INFO(std::string(item));
    const Count c = check_text(std::string(R"({"diplograph": 1, "nodes": [)") + item + "]}");
    CHECK(c.refused == 1);
    CHECK(c.refused_clean == 0);
  }
  // A well-formed item the fast reader leaves to the tree reader: more properties than it checks
  // for repeats.
  std::string many = R"({"diplograph": 1, "edges": [{"type": "T", "from": "a", "to": "b", "props": {)";
  for (int i = 0; i < 40; ++i) many += (i ? ", \"p" : "\"p") + std::to_string(i) + "\": " + std::to_string(i);
  const Count left = check_text(many + "}}]}");
  CHECK(left.refused_clean == 1);
  // And well-formed items of every shape are accepted, read as the tree reader reads them.
  const Count good = check_text(R"({"diplograph": 1,
    "nodes": [{"id": "n", "type": "T", "label": "Ə \"q\"", "aliases": ["a", "b"], "modality": "expected",
               "start": "2020", "end": "2021-02-03", "props": {"n": 1, "f": 0.5, "b": true, "z": null,
               "l": ["x", 2, false]}, "sources": [{"source": "s", "quote": "q", "stance": "disputes"}, {"source": "t"}]}],
    "edges": [{"type": "T", "from": "a", "to": "b", "date": "2020..2021-05", "props": {}, "sources": []}]})");
  CHECK(good.accepted == 2);
  CHECK(good.refused == 0);
}

// The loader refills the same NodeData/EdgeData objects item after item (their strings keep
// their buffers); nothing of an earlier item may show through.
TEST_CASE("the fast item reader refills a reused item, property values of any kind replacing the last") {
  EdgeData edge;
  FastItem fast;
  auto read = [&](auto&& props) {
    fast.begin(nullptr, &edge);
    fast.start_object();
    for (auto [k, v] : {std::pair{"type", "T"}, {"from", "a"}, {"to", "b"}}) fast.key(k), fast.string(v);
    fast.key("props");
    fast.start_object();
    props();
    fast.end_object();
    CHECK(fast.end_object());
    CHECK(fast.accepted());
    return edge.props;
  };
  const std::string long_text = "a string well past the sixteen bytes kept inline";
  auto first = read([&] {
    fast.key("a"), fast.string(long_text);
    fast.key("b"), fast.string("short");
  });
  CHECK(first == std::vector<Property>{{"a", Value(long_text)}, {"b", Value("short")}});
  auto second = read([&] {
    fast.key("a"), fast.number("7");
    fast.key("b"), fast.start_array(), fast.string("x"), fast.end_array();
    fast.key("c"), fast.null();
  });
  CHECK(second == std::vector<Property>{{"a", Value(7)}, {"b", Value(List{Value("x")})}, {"c", Value()}});
  auto third = read([&] {
    fast.key("a"), fast.string("s");
    fast.key("b"), fast.string(long_text + " and more");
  });
  CHECK(third == std::vector<Property>{{"a", Value("s")}, {"b", Value(long_text + " and more")}});
}
