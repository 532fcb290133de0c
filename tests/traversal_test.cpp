// Single-source traversal, k-hop neighbourhoods, neighbour spans, and the check that a node
// passed with a graph is one of its own. Expected answers were computed with NetworkX
// (single_source_shortest_path_length) on the same fixture.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/io.hpp"
#include "diplograph/view.hpp"

using namespace diplograph;

namespace {

const Graph& fixture() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "fixtures/query");
  return graph;
}

// id -> depth of everything a search reached.
std::map<std::string, std::uint32_t> depths_by_id(const Graph& g, const Reached& r) {
  std::map<std::string, std::uint32_t> out;
  for (std::size_t i = 0; i < r.size(); ++i) out[std::string(g.node(r.nodes[i]).id())] = r.depths[i];
  return out;
}

std::set<std::string> ids(const std::vector<Node>& nodes) {
  std::set<std::string> out;
  for (Node n : nodes) out.emplace(n.id());
  return out;
}

}  // namespace

TEST_CASE("bfs follows out edges by default: nodes by depth, each with the node and edge it came by") {
  const Graph& g = fixture();
  const Reached r = bfs(g, g.at("russia"));
  REQUIRE(r.size() == 16);
  CHECK(r.nodes[0] == g.at("russia").index());
  CHECK(r.parents[0] == r.nodes[0]);
  std::map<std::uint32_t, int> per_depth;
  for (std::size_t i = 0; i < r.size(); ++i) {
    ++per_depth[r.depths[i]];
    if (i > 0) CHECK(r.depths[i] >= r.depths[i - 1]);  // breadth first
  }
  CHECK(per_depth == std::map<std::uint32_t, int>{{0, 1}, {1, 6}, {2, 4}, {3, 4}, {4, 1}});
  const std::size_t last = r.size() - 1;
  CHECK(g.node(r.nodes[last]).id() == "future-visit");
  CHECK(g.node(r.parents[last]).id() == "aliyev");
  CHECK(g.edge(r.edges[last]).id() == "e-fv-aliyev");
}

TEST_CASE("bfs with edge types, both directions, node types and a depth limit") {
  const Graph& g = fixture();
  TraversalOptions o;
  o.direction = Direction::both;
  o.edge_types = {"SIGNATORY"};
  CHECK(
      depths_by_id(g, bfs(g, g.at("russia"), o)) ==
      std::map<std::string, std::uint32_t>{
          {"russia", 0}, {"allied-declaration", 1}, {"azerbaijan", 2}, {"washington-declaration", 3}, {"armenia", 4}});
  o.max_depth = 2;
  CHECK(bfs(g, g.at("russia"), o).size() == 3);

  TraversalOptions events;
  events.direction = Direction::both;
  events.node_types = {"Event", "State"};  // Persons, places, agreements are not entered
  CHECK(depths_by_id(g, bfs(g, g.at("russia"), events)) ==
        std::map<std::string, std::uint32_t>{{"russia", 0},
                                             {"accusation", 1},
                                             {"arrests", 1},
                                             {"cis-summit", 1},
                                             {"downing", 1},
                                             {"dushanbe-meeting", 1},
                                             {"raids", 1},
                                             {"apology", 2},
                                             {"armenia", 2},
                                             {"azerbaijan", 2},
                                             {"washington-summit", 3},
                                             {"usa", 4}});
  events.edge_types = {"SIGNATORIES"};
  CHECK_THROWS_AS(bfs(g, g.at("russia"), events), Error);
}

TEST_CASE("bfs as of a date reaches what it reaches in the as_of view") {
  const Graph& g = fixture();
  for (const char* day : {"2009-01-01", "2010-01-01", "2025-01-15", "2025-09-01"}) {
    CAPTURE(day);
    TraversalOptions o;
    o.direction = Direction::both;
    o.as_of = Date::parse(day);
    const Graph then = as_of(g, *o.as_of);
    TraversalOptions plain;
    plain.direction = Direction::both;
    const auto expected = depths_by_id(then, bfs(then, then.at("georgia"), plain));
    CHECK(depths_by_id(g, bfs(g, g.at("georgia"), o)) == expected);
  }
  // Georgia left the CIS in 2009: as of 2010 it reaches nothing.
  TraversalOptions o;
  o.direction = Direction::both;
  o.as_of = Date::parse("2010-01-01");
  CHECK(bfs(g, g.at("georgia"), o).size() == 1);
  o.as_of = Date::parse("2009-01-01");
  CHECK(bfs(g, g.at("georgia"), o).size() > 1);
}

TEST_CASE("k_hop: the nodes within k hops, without the start") {
  const Graph& g = fixture();
  CHECK(ids(k_hop(g, g.at("russia"), 2)) == std::set<std::string>{"accusation", "allied-declaration", "apology",
                                                                  "azerbaijan", "cis", "cis-summit", "downing",
                                                                  "dushanbe", "dushanbe-meeting", "raids"});
  CHECK(k_hop(g, g.at("russia"), 0).empty());
}

TEST_CASE("the visitor form of bfs sees the same order and can stop") {
  const Graph& g = fixture();
  const Reached all = bfs(g, g.at("russia"));
  std::vector<NodeIndex> seen;
  bfs(g, g.at("russia"), {}, [&](NodeIndex n, std::uint32_t, NodeIndex) {
    seen.push_back(n);
    return true;
  });
  CHECK(seen == all.nodes);
  seen.clear();
  bfs(g, g.at("russia"), {}, [&](NodeIndex n, std::uint32_t, NodeIndex) {
    seen.push_back(n);
    return seen.size() < 3;
  });
  CHECK(seen.size() == 3);
}

TEST_CASE("neighbour spans are the other ends of the typed edges, in their order") {
  const Graph& g = fixture();
  const Node russia = g.at("russia");
  const TypeId actor = g.schema().find_edge_type("ACTOR")->id;
  const auto targets = neighbors(g, russia, actor, Direction::out);
  REQUIRE(targets.size() == 2);
  const auto edges = g.out_edges(russia.index(), actor);
  for (std::size_t k = 0; k < targets.size(); ++k) CHECK(targets[k] == g.edge(edges[k]).to().index());
  std::set<std::string> names;
  for (NodeIndex n : targets) names.emplace(g.node(n).id());
  CHECK(names == std::set<std::string>{"downing", "raids"});
  const TypeId leads = g.schema().find_edge_type("LEADS")->id;
  const auto leaders = neighbors(g, russia, leads, Direction::in);
  REQUIRE(leaders.size() == 1);
  CHECK(g.node(leaders[0]).id() == "putin");
  CHECK(g.in_neighbors(russia.index()).size() == g.in_edges(russia.index()).size());
  CHECK_THROWS_AS(neighbors(g, russia, actor, Direction::both), Error);
}

TEST_CASE("a node of another graph (or of a view) is refused, not answered about") {
  const Graph& g = fixture();
  auto refused = [](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code() == ErrorCode::reference;
    }
    return false;
  };
  const Date d = Date::parse("2025-01-15");
  CHECK(refused([&] { (void)shortest_path(as_of(g, d), g.at("azerbaijan"), g.at("russia")); }));
  const Graph then = as_of(g, d);
  CHECK(refused([&] { (void)all_shortest_paths(then, g.at("azerbaijan"), then.at("russia")); }));
  CHECK(refused([&] { (void)bfs(then, g.at("russia")); }));
  CHECK(refused([&] { (void)k_hop(then, g.at("russia"), 1); }));
  CHECK(refused([&] { (void)neighbors(then, g.at("russia")); }));
  CHECK(refused([&] { (void)neighbors(then, g.at("russia"), 0, Direction::out); }));
  CHECK(refused([&] { (void)plover_category(then, g.at("downing")); }));
  CHECK(refused([&] { (void)claims(then, g.at("downing")); }));
  CHECK(refused([&] { (void)claims(then, g.edge(0)); }));
  CHECK(refused([&] { (void)then.edges_at(g.at("russia"), Direction::both); }));
  // The same calls with the view's own nodes answer.
  CHECK(shortest_path(then, then.at("azerbaijan"), then.at("russia")));
}
