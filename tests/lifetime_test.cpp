#include <doctest/doctest.h>

#include <optional>
#include <utility>

#include "diplograph/algo.hpp"
#include "diplograph/graph.hpp"
#include "diplograph/json.hpp"
#include "diplograph/view.hpp"

using namespace diplograph;

namespace {
template <class G>
constexpr bool can_list_nodes = requires(G&& g) {
  std::forward<G>(g).nodes();
};
template <class G>
constexpr bool can_list_edges = requires(G&& g) {
  std::forward<G>(g).edges();
};
template <class G>
constexpr bool can_look_up = requires(G&& g) {
  std::forward<G>(g).at("x");
  std::forward<G>(g).find("x");
  std::forward<G>(g).node(0);
  std::forward<G>(g).edge(0);
};
template <class G>
constexpr bool can_search = requires(G&& g) {
  std::forward<G>(g).find_by_name("x");
  std::forward<G>(g).search("x");
  std::forward<G>(g).nodes_of_type("Actor");
};
}  // namespace

// A temporary graph's node and edge ranges would dangle before a loop over them ran, so they do
// not compile (tests/compile_fail/ checks the loop itself); a named graph's do.
static_assert(can_list_nodes<const Graph&> && can_list_edges<const Graph&>);
static_assert(can_list_nodes<Graph&> && can_list_edges<Graph&>);
static_assert(!can_list_nodes<Graph> && !can_list_edges<Graph>);
static_assert(!can_list_nodes<const Graph> && !can_list_edges<const Graph>);
// Nor does `load(p).at("x")`, whose handle would outlive its graph.
static_assert(can_look_up<const Graph&> && can_search<const Graph&>);
static_assert(!can_look_up<Graph> && !can_search<Graph>);

TEST_CASE("a view kept in a variable can be looped over, and its handles outlive the original graph") {
  std::optional<Graph> original = load(DIPLOGRAPH_TEST_DIR "/fixtures/graphs/basic");
  ViewOptions o;
  o.center = "russia";
  const Graph kept = view(*original, o);
  original.reset();
  std::size_t seen = 0;
  for (Node n : kept.nodes()) seen += n.id().empty() ? 0 : 1;
  CHECK(seen == kept.node_count());
  CHECK(kept.find("russia"));
}

TEST_CASE("timeline roles and claim texts are owned: they outlive the graph they came from") {
  std::optional<Graph> g = load(DIPLOGRAPH_TEST_DIR "/fixtures/query");
  TimelineOptions o;
  o.actors = {"azerbaijan", "russia"};
  const std::vector<TimelineEntry> t = timeline(*g, o);
  std::optional<Edge> triggered;
  for (Edge e : g->edges())
    if (e.id() == "e-triggered-accusation") triggered = e;
  REQUIRE(triggered);
  const Claims c = claims(*g, *triggered);
  g.reset();
  REQUIRE(!t.empty());
  CHECK(t[0].roles == std::vector<std::vector<std::string>>{{"RECIPIENT"}, {"ACTOR"}});
  REQUIRE(c.asserting.size() == 1);
  REQUIRE(c.disputing.size() == 1);
  CHECK(c.asserting[0].source_id == "src-a");
  CHECK(c.disputing[0].quote == "long-standing grievances");
}
