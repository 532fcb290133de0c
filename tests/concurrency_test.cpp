// A const Graph is queried from several threads at once; run under ThreadSanitizer by .ci/run.

#include <doctest/doctest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "diplograph/algo.hpp"
#include "diplograph/io.hpp"
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
