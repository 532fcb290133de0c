// Threads: a const Graph queried from several at once, loads side by side, and the two threads
// of a large load and index; run under ThreadSanitizer by .ci/run.

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <thread>
#include <vector>

#include "diagram_graph.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"
#include "diplograph/view.hpp"

using namespace diplograph;

TEST_CASE("concurrent readers of one const Graph get the same answers") {
  const Graph graph = load(std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "fixtures/query");
  const Query shared = Query::compile(graph.schema(),
                                      "MATCH (a:State)--(e:Event)--(b:State) WHERE a.id < b.id "
                                      "RETURN a.id, b.id, count(*) AS n ORDER BY n DESC, a.id, b.id");
  auto answer = [&] {
    std::string out;
    for (const auto& row : shared.run(graph).rows)
      for (const auto& cell : row) out += cell.to_string() + ";";
    for (const auto& row : query(graph, "MATCH (s:State)-[:SIGNATORY]->(x) RETURN s, x.label").rows)
      out += row[0].to_string() + row[1].to_string();
    out += std::to_string(shortest_path(graph, graph.at("putin"), graph.at("armenia"))->edges.size());
    out += std::to_string(all_shortest_paths(graph, graph.at("azerbaijan"), graph.at("russia")).size());
    out += std::to_string(
        timeline(graph, TimelineOptions{{"azerbaijan", "russia"}, {}, {}, Certainty::possibly, "Event"}).size());
    out += std::to_string(betweenness_centrality(graph)[graph.at("azerbaijan").index()]);
    out += std::to_string(connected_components(graph)[graph.at("georgia").index()]);
    out += std::to_string(as_of(graph, Date::parse("2025-01")).edge_count());
    ViewOptions ego;
    ego.center = "russia";
    ego.depth = 2;
    out += std::to_string(view(graph, ego).node_count());
    out += std::to_string(graph.find_by_name("Россия").size());
    return out;
  };
  const std::string expected = answer();
  constexpr int threads = 4;
  std::vector<std::string> got(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) got[t] = answer();
    });
  for (auto& th : pool) th.join();
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("concurrent loads, each on two threads of its own, give equal graphs") {
  const std::filesystem::path dir = DIPLOGRAPH_GRAPH_DIR;
  const Graph reference = load(dir);
  std::vector<Graph> loaded(3);
  std::vector<std::thread> threads;
  for (auto& g : loaded) threads.emplace_back([&g, &dir] { g = load(dir); });
  for (auto& t : threads) t.join();
  for (const auto& g : loaded) CHECK(g == reference);
}

TEST_CASE("a graph large enough to index on two threads: out and in adjacency agree") {
  // States 0..999 ACTOR in meetings 0..99, sixty thousand edges; each state also RECIPIENT in one.
  GraphBuilder b(diagram_test::schema());
  b.add_node(diagram_test::node("src-a", "Source", "A"));
  for (int m = 0; m < 100; ++m) b.add_node(diagram_test::node("m" + std::to_string(m), "Meeting", "M"));
  for (int s = 0; s < 1000; ++s) {
    const std::string id = "s" + std::to_string(s);
    b.add_node(diagram_test::node(id, "State", "S"));
    for (int k = 0; k < 59; ++k) b.add_edge(diagram_test::edge("ACTOR", id, "m" + std::to_string((s + k) % 100)));
    b.add_edge(diagram_test::edge("RECIPIENT", id, "m" + std::to_string(s % 100)));
  }
  const Graph g = b.build();
  REQUIRE(g.edge_count() == 60'000);
  CHECK(g.out_edges(g.at("s7").index()).size() == 60);
  CHECK(g.out_edges(g.at("s7").index(), g.schema().find_edge_type("RECIPIENT")->id).size() == 1);
  CHECK(g.in_edges(g.at("m3").index()).size() == 600);
  const auto components = connected_components(g);
  CHECK(std::count(components.begin(), components.end(), components[g.at("s0").index()]) == 1100);
  CHECK(g.find_by_name("s").size() == 1000);
}
