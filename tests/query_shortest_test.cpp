// shortestPath() and allShortestPaths() in queries run the library's bidirectional search, so
// they must find what shortest_path() and all_shortest_paths() find (issue 9 item 2).

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "diplograph/algo.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

using namespace diplograph;

namespace {

const Graph& shipped() {
  static const Graph graph = load(DIPLOGRAPH_GRAPH_DIR);
  return graph;
}

using EdgePath = std::vector<EdgeIndex>;

EdgePath edges_of(const Cell& path) {
  EdgePath out;
  for (std::size_t k = 1; k < path.items.size(); k += 2) out.push_back(path.items[k].edge->index());
  return out;
}

std::set<EdgePath> query_paths(const Query& q, Node a, Node b) {
  QueryOptions options;
  options.params.set("a", Value(std::string(a.id()))).set("b", Value(std::string(b.id())));
  std::set<EdgePath> out;
  for (const auto& row : q.run(shipped(), options).rows) out.insert(edges_of(row.at(0)));
  return out;
}

std::set<EdgePath> algo_paths(Node a, Node b, const PathOptions& o) {
  std::set<EdgePath> out;
  for (const Path& p : all_shortest_paths(shipped(), a, b, o)) {
    EdgePath edges;
    for (Edge e : p.edges) edges.push_back(e.index());
    out.insert(edges);
  }
  return out;
}

// Pairs spread over the graph, with the pair of the README's path example.
std::vector<std::pair<Node, Node>> pairs() {
  const Graph& g = shipped();
  std::vector<std::pair<Node, Node>> out{{g.at("vladimir-putin"), g.at("ilham-aliyev")}};
  for (NodeIndex i = 0; i < g.node_count(); i += 23) out.emplace_back(g.node(i), g.node((i * 7 + 11) % g.node_count()));
  return out;
}

}  // namespace

TEST_CASE("shortestPath and allShortestPaths agree with the library's search on the shipped graph") {
  const Graph& g = shipped();
  const Query one = Query::compile(g.schema(), "MATCH p = shortestPath((a {id: $a})-[*]-(b {id: $b})) RETURN p");
  const Query all = Query::compile(g.schema(), "MATCH p = allShortestPaths((a {id: $a})-[*]-(b {id: $b})) RETURN p");
  const Query typed = Query::compile(
      g.schema(), "MATCH p = allShortestPaths((a {id: $a})-[:PARTICIPANT|ACTOR|RECIPIENT*]->(b {id: $b})) RETURN p");
  PathOptions any_way{.max_paths = 1000000};
  PathOptions forward{
      .edge_types = {"PARTICIPANT", "ACTOR", "RECIPIENT"}, .direction = Direction::out, .max_paths = 1000000};
  std::size_t connected = 0;
  for (const auto& [a, b] : pairs()) {
    INFO(a.id() << " -> " << b.id());
    const auto expected = algo_paths(a, b, any_way);
    const auto shortest = shortest_path(g, a, b);
    const auto one_path = query_paths(one, a, b);
    REQUIRE(one_path.size() == (shortest ? 1u : 0u));
    if (!shortest) continue;
    ++connected;
    CHECK(one_path.begin()->size() == shortest->edges.size());
    CHECK(expected.contains(*one_path.begin()));
    CHECK(query_paths(all, a, b) == expected);
    CHECK(query_paths(typed, a, b) == algo_paths(a, b, forward));
  }
  CHECK(connected > 5);
}

TEST_CASE("shortestPath keeps to the hop bound, the property map and the clause's other relationships") {
  const Graph& g = shipped();
  auto hops = [&](const std::string& text) {
    const QueryResult r = query(g, text);
    return r.rows.empty() ? -1 : static_cast<int>(r.rows.at(0).at(0).value.as_int());
  };
  const int free =
      hops("MATCH p = shortestPath((a {id: 'vladimir-putin'})-[*]-(b {id: 'ilham-aliyev'})) RETURN length(p)");
  REQUIRE(free > 1);
  CHECK(hops("MATCH p = shortestPath((a {id: 'vladimir-putin'})-[*.." + std::to_string(free) +
             "]-(b {id: 'ilham-aliyev'})) RETURN length(p)") == free);
  CHECK(hops("MATCH p = shortestPath((a {id: 'vladimir-putin'})-[*.." + std::to_string(free - 1) +
             "]-(b {id: 'ilham-aliyev'})) RETURN length(p)") == -1);
  CHECK(hops("MATCH p = shortestPath((a {id: 'vladimir-putin'})-[*0..]-(b {id: 'vladimir-putin'})) RETURN length(p)") ==
        0);
  CHECK(hops("MATCH p = shortestPath((a {id: 'vladimir-putin'})-[:NO_SUCH_TYPE*]-(b {id: 'ilham-aliyev'})) "
             "RETURN length(p)") == -1);
}
