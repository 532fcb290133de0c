// Builds the derived structures of GraphImpl: id and type indexes, typed adjacency (CSR,
// each node's edges sorted by edge type), the folded-name index and the Boost topology.
#include <algorithm>
#include <thread>

#include "graph/graph_impl.hpp"

namespace diplograph::detail {

namespace {

// Offsets and edge lists grouped by node, each group sorted by (edge type, other end, index).
void build_adjacency(const std::vector<EdgeRec>& edges, std::size_t node_count, bool outgoing,
                     std::vector<std::uint32_t>& begin, std::vector<EdgeIndex>& list) {
  begin.assign(node_count + 1, 0);
  for (const auto& e : edges) ++begin[(outgoing ? e.from : e.to) + 1];
  for (std::size_t i = 0; i < node_count; ++i) begin[i + 1] += begin[i];
  list.resize(edges.size());
  std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
  for (EdgeIndex i = 0; i < edges.size(); ++i) list[next[outgoing ? edges[i].from : edges[i].to]++] = i;
  for (std::size_t n = 0; n < node_count; ++n) {
    std::sort(list.begin() + begin[n], list.begin() + begin[n + 1], [&](EdgeIndex a, EdgeIndex b) {
      const auto& x = edges[a];
      const auto& y = edges[b];
      const NodeIndex xo = outgoing ? x.to : x.from;
      const NodeIndex yo = outgoing ? y.to : y.from;
      return std::tie(x.type, xo, a) < std::tie(y.type, yo, b);
    });
  }
}

}  // namespace

void GraphImpl::index() {
  // The Boost topology is built on the second core meanwhile: it needs only the edge ends.
  std::thread boost_side([this] {
    topology = BoostGraph(nodes.size());
    topology.m_edges.reserve(edges.size());  // public in Boost 1.74; spares the doubling slack
    for (EdgeIndex i = 0; i < edges.size(); ++i) boost::add_edge(edges[i].from, edges[i].to, i, topology);
  });
  node_by_id.assign(strings.size(), no_node);
  nodes_by_type.assign(schema.node_types().size(), {});
  names = Strings();
  nodes_by_name.clear();
  for (NodeIndex i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    node_by_id[n.id] = i;
    nodes_by_type[n.type].push_back(i);
    nodes_by_name.emplace_back(names.intern(Graph::fold(str(n.label))), i);
    for (std::uint32_t a = n.aliases.begin; a < n.aliases.end; ++a)
      nodes_by_name.emplace_back(names.intern(Graph::fold(str(aliases[a]))), i);
  }
  std::sort(nodes_by_name.begin(), nodes_by_name.end());
  nodes_by_name.erase(std::unique(nodes_by_name.begin(), nodes_by_name.end()), nodes_by_name.end());
  build_adjacency(edges, nodes.size(), true, out_begin, out_list);
  build_adjacency(edges, nodes.size(), false, in_begin, in_list);
  boost_side.join();
}

}  // namespace diplograph::detail
