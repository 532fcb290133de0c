// Connected components and betweenness centrality: Boost.Graph algorithms run on the stored
// topology, filtered to the chosen edge types.

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include "algo/types.hpp"
#include "diplograph/algo.hpp"
#include "graph/graph_impl.hpp"

namespace diplograph {
namespace {

using Topology = detail::BoostGraph;

// Keeps the edges whose type is in the mask.
struct EdgeTypeFilter {
  const Topology* topology = nullptr;
  const std::vector<detail::EdgeRec>* edges = nullptr;
  const std::vector<bool>* mask = nullptr;
  bool operator()(const Topology::edge_descriptor& e) const { return (*mask)[(*edges)[(*topology)[e]].type]; }
};

}  // namespace

std::vector<std::size_t> connected_components(const Graph& graph, const std::vector<std::string>& edge_types) {
  const detail::GraphImpl& impl = detail::GraphAccess::impl(graph);
  const std::vector<bool> mask = algo::edge_type_mask(graph.schema(), edge_types);
  const std::size_t n = graph.node_count();
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
  boost::filtered_graph<Topology, EdgeTypeFilter> view(impl.topology,
                                                       EdgeTypeFilter{&impl.topology, &impl.edges, &mask});
  for (auto [it, end] = boost::edges(view); it != end; ++it)
    sets.union_set(boost::source(*it, view), boost::target(*it, view));
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
  const detail::GraphImpl& impl = detail::GraphAccess::impl(graph);
  const std::vector<bool> mask = algo::edge_type_mask(graph.schema(), edge_types);
  const std::size_t n = graph.node_count();
  std::vector<double> centrality(n, 0.0);
  if (n < 3) return centrality;
  auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, impl.topology));
  if (directed) {
    boost::filtered_graph<Topology, EdgeTypeFilter> view(impl.topology,
                                                         EdgeTypeFilter{&impl.topology, &impl.edges, &mask});
    boost::brandes_betweenness_centrality(view, boost::centrality_map(map));
  } else {
    // Brandes on an undirected copy of the kept edges: direction says who acted, not who can
    // reach whom.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected(n);
    for (const detail::EdgeRec& e : impl.edges)
      if (mask[e.type] && e.from != e.to) boost::add_edge(e.from, e.to, undirected);
    auto umap = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, undirected));
    boost::brandes_betweenness_centrality(undirected, boost::centrality_map(umap));
  }
  // Normalised as NetworkX does, by the number of pairs a node can lie between (ordered pairs
  // when directed), so the centre of a star scores 1.
  const double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / (directed ? 1.0 : 2.0);
  for (double& c : centrality) c /= pairs;
  return centrality;
}

}  // namespace diplograph
