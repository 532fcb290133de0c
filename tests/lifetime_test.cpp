#include <doctest/doctest.h>

#include <optional>
#include <utility>

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
}  // namespace

// A temporary graph's node and edge ranges would dangle before a loop over them ran, so they do
// not compile (tests/compile_fail/ checks the loop itself); a named graph's do.
static_assert(can_list_nodes<const Graph&> && can_list_edges<const Graph&>);
static_assert(can_list_nodes<Graph&> && can_list_edges<Graph&>);
static_assert(!can_list_nodes<Graph> && !can_list_edges<Graph>);
static_assert(!can_list_nodes<const Graph> && !can_list_edges<const Graph>);

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
