// Builds the derived structures of GraphImpl: id and type indexes, typed adjacency (CSR, each
// node's edges sorted by edge type, with the other end of each edge beside it) and the
// folded-name index.
#include <algorithm>
#include <atomic>
#include <thread>

#include "graph/fold.hpp"
#include "graph/graph_impl.hpp"

namespace diplograph::detail {

namespace {

// One side of the adjacency: offsets, and per node its edges, their other ends and their types,
// sorted by (edge type, other end, index).
struct Side {
  std::vector<std::uint32_t>& begin;
  std::vector<EdgeIndex>& list;
  std::vector<NodeIndex>& other;
  std::vector<TypeId>& types;
};

void build_adjacency(const std::vector<EdgeRec>& edges, std::size_t node_count, bool outgoing, Side side) {
  auto& [begin, list, other, types] = side;
  begin.assign(node_count + 1, 0);
  for (const auto& e : edges) ++begin[(outgoing ? e.from : e.to) + 1];
  for (std::size_t i = 0; i < node_count; ++i) begin[i + 1] += begin[i];
  // Placed in index order, then each group sorted by a key read once per edge: (type, other
  // end) in 64 bits beside the index, so the sort touches no edge record.
  std::vector<std::pair<std::uint64_t, EdgeIndex>> keyed(edges.size());
  std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
  for (EdgeIndex i = 0; i < edges.size(); ++i) {
    const EdgeRec& e = edges[i];
    const std::uint64_t key = std::uint64_t{e.type} << 32 | (outgoing ? e.to : e.from);
    keyed[next[outgoing ? e.from : e.to]++] = {key, i};
  }
  for (std::size_t n = 0; n < node_count; ++n)
    if (begin[n + 1] - begin[n] > 1) std::sort(keyed.begin() + begin[n], keyed.begin() + begin[n + 1]);
  list.resize(edges.size());
  other.resize(edges.size());
  types.resize(edges.size());
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    list[k] = keyed[k].second;
    other[k] = static_cast<NodeIndex>(keyed[k].first);
    types[k] = static_cast<TypeId>(keyed[k].first >> 32);
  }
}

}  // namespace

void GraphImpl::index() {
  // A large graph's in adjacency is built on the second core while this one indexes the nodes
  // and folds their names (utf8proc: slow on non-ASCII names, quick on ASCII), and the pools
  // that nothing here reads give back the slack they grew by doubling. The out adjacency goes
  // to whichever side is done first. Below that size (views, small files) a thread costs more
  // than it saves.
  constexpr std::size_t worth_a_thread = 50'000;
  edges.shrink_to_fit(), edge_ids.shrink_to_fit(), nodes.shrink_to_fit(), aliases.shrink_to_fit();
  std::atomic<bool> out_taken = false;
  auto out_if_free = [&] {
    if (!out_taken.exchange(true))
      build_adjacency(edges, nodes.size(), true, {out_begin, out_list, out_nodes, out_types});
  };
  auto second_side = [&] {
    props.shrink_to_fit(), citations.shrink_to_fit(), list_items.shrink_to_fit(), texts.shrink_to_fit();
    dates.shrink_to_fit(), times.shrink_to_fit();
    build_adjacency(edges, nodes.size(), false, {in_begin, in_list, in_nodes, in_types});
    out_if_free();
  };
  std::thread second_core;
  if (edges.size() >= worth_a_thread) second_core = std::thread(second_side);
  node_by_id.assign(strings.size(), no_node);
  nodes_by_type.assign(schema.node_types().size(), {});
  names = Strings();
  nodes_by_name.clear();
  for (NodeIndex i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    node_by_id[n.id] = i;
    nodes_by_type[n.type].push_back(i);
    nodes_by_name.emplace_back(names.intern(detail::fold(str(n.label))), i);
    for (std::uint32_t a = n.aliases.begin; a < n.aliases.end; ++a)
      nodes_by_name.emplace_back(names.intern(detail::fold(str(aliases[a]))), i);
  }
  edges_per_type.assign(schema.edge_types().size(), 0);
  for (const auto& e : edges) ++edges_per_type[e.type];
  std::sort(nodes_by_name.begin(), nodes_by_name.end());
  nodes_by_name.erase(std::unique(nodes_by_name.begin(), nodes_by_name.end()), nodes_by_name.end());
  out_if_free();
  if (second_core.joinable())
    second_core.join();
  else
    second_side();
}

}  // namespace diplograph::detail
