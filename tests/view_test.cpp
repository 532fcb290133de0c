// Views: ego networks, time windows, as_of, type and source filters; never a dangling edge.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/view.hpp"

using namespace diplograph;

namespace {

const Graph& fixture() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "fixtures/query");
  return graph;
}

std::vector<std::string> ids(const Graph& g) {
  std::vector<std::string> out;
  for (Node n : g.nodes()) out.emplace_back(n.id());
  std::sort(out.begin(), out.end());
  return out;
}

void check_no_dangling(const Graph& g) {
  for (Edge e : g.edges()) {
    CHECK(g.find(e.from().id()).has_value());
    CHECK(g.find(e.to().id()).has_value());
  }
}

}  // namespace

TEST_CASE("an ego network keeps the nodes within depth hops, both ways") {
  ViewOptions o;
  o.center = "dushanbe";
  o.depth = 1;
  CHECK(ids(view(fixture(), o)) == std::vector<std::string>{"cis-summit", "dushanbe", "dushanbe-meeting"});
  o.depth = 2;
  const Graph two = view(fixture(), o);
  CHECK(ids(two) ==
        std::vector<std::string>{"armenia", "azerbaijan", "cis-summit", "dushanbe", "dushanbe-meeting", "russia"});
  CHECK(two.edge_count() == 7);
  check_no_dangling(two);
  o.depth = 0;
  CHECK(ids(view(fixture(), o)) == std::vector<std::string>{"dushanbe"});
}

TEST_CASE("filters apply before the ego network is taken") {
  ViewOptions o;
  o.center = "azerbaijan";
  o.edge_types = {"SIGNATORY"};
  o.depth = 2;
  CHECK(ids(view(fixture(), o)) ==
        std::vector<std::string>{"allied-declaration", "armenia", "azerbaijan", "russia", "washington-declaration"});
}

TEST_CASE("as_of keeps what had happened and had not ended") {
  const Graph g = as_of(fixture(), Date::parse("2025-01-15"));
  const auto kept = ids(g);
  auto has = [&](const char* id) { return std::find(kept.begin(), kept.end(), id) != kept.end(); };
  CHECK(has("downing"));
  CHECK(has("apology"));
  CHECK(has("accusation"));  // "2025-01" possibly had happened by the 15th
  CHECK_FALSE(has("raids"));
  CHECK_FALSE(has("washington-declaration"));
  CHECK(has("allied-declaration"));
  CHECK(has("cis"));  // undated facts stay
  // Georgia left the CIS in 2009: its membership edge is gone, Georgia itself (undated) stays.
  const Node georgia = g.at("georgia");
  CHECK(g.edges_at(georgia, Direction::out).empty());
  CHECK(g.edges_at(g.at("azerbaijan"), Direction::out, std::vector<std::string>{"MEMBER_OF"}).size() == 1);
  check_no_dangling(g);
}

TEST_CASE("a time window keeps facts that possibly overlap it") {
  ViewOptions o;
  o.from = Date::parse("2025-10-10");
  o.to = Date::parse("2025-12");
  const auto kept = ids(view(fixture(), o));
  auto has = [&](const char* id) { return std::find(kept.begin(), kept.end(), id) != kept.end(); };
  CHECK(has("cis-summit"));              // "2025-10" possibly overlaps
  CHECK_FALSE(has("dushanbe-meeting"));  // 2025-10-09 does not
  CHECK_FALSE(has("future-visit"));
  CHECK(has("russia"));  // undated
}

TEST_CASE("node types keep subtypes and drop the edges of dropped nodes") {
  ViewOptions o;
  o.node_types = {"Meeting", "State"};
  const Graph g = view(fixture(), o);
  CHECK(g.node_count() == 9);
  for (Edge e : g.edges()) CHECK((e.type() == "PARTICIPANT" || e.type() == "HOST"));
  CHECK(g.edge_count() == 8);  // 7 states taking part, and the United States hosting
}

TEST_CASE("a source view keeps what the source says and the nodes it touches") {
  ViewOptions o;
  o.source = "src-b";
  const Graph g = view(fixture(), o);
  CHECK(ids(g) == std::vector<std::string>{"accusation", "downing", "src-b"});
  CHECK(g.edge_count() == 1);
}

TEST_CASE("views report unknown ids and types") {
  ViewOptions o;
  o.center = "azerbajan";
  CHECK_THROWS_AS(view(fixture(), o), Error);
  o = {};
  o.node_types = {"Stat"};
  CHECK_THROWS_WITH_AS(view(fixture(), o), "error: unknown node type 'Stat'; did you mean 'State'?", Error);
  o = {};
  o.source = "russia";
  CHECK_THROWS_WITH_AS(view(fixture(), o), "error: 'russia' is a State, not a source", Error);
}
