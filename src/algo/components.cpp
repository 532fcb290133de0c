// Connected components and betweenness centrality: Boost.Graph algorithms run on the stored
// topology, filtered to the chosen edge types.

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include "algo/boost_view.hpp"
#include "algo/types.hpp"
#include "diplograph/algo.hpp"

namespace diplograph {

std::vector<std::size_t> connected_components(const Graph& graph, const std::vector<std::string>& edge_types) {
  const std::vector<bool> mask = algo::edge_type_mask(graph.schema(), edge_types);
  const std::size_t n = graph.node_count();
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
  for (NodeIndex v = 0; v < n; ++v) {
    const auto edges = graph.out_edges(v);
    const auto targets = graph.out_neighbors(v);
    for (std::size_t k = 0; k < edges.size(); ++k)
      if (mask[graph.edge(edges[k]).type_id()]) sets.union_set(v, targets[k]);
  }
  // Number components by their lowest node index, whatever representatives union-find chose.
  std::vector<std::size_t> number(n, SIZE_MAX), out(n);
  std::size_t next = 0;
  for (std::size_t v = 0; v < n; ++v) {
    std::size_t& id = number[sets.find_set(v)];
    if (id == SIZE_MAX) id = next++;
    out[v] = id;
  }
  return out;
}

std::vector<double> betweenness_centrality(const Graph& graph, const std::vector<std::string>& edge_types,
                                           bool directed) {
  const std::vector<bool> mask = algo::edge_type_mask(graph.schema(), edge_types);
  const std::size_t n = graph.node_count();
  std::vector<double> centrality(n, 0.0);
  if (n < 3) return centrality;
  auto map = boost::make_iterator_property_map(centrality.begin(), boost::typed_identity_property_map<NodeIndex>());
  // Undirected unless asked: direction says who acted, not who can reach whom.
  if (directed)
    boost::brandes_betweenness_centrality(algo::BoostView<false>(graph, mask), map);
  else
    boost::brandes_betweenness_centrality(algo::BoostView<true>(graph, mask), map);
  // Normalised as NetworkX does, by the number of pairs a node can lie between (ordered pairs
  // when directed), so the centre of a star scores 1.
  const double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / (directed ? 1.0 : 2.0);
  for (double& c : centrality) c /= pairs;
  return centrality;
}

}  // namespace diplograph
