// find_nodes() and neighbors().

#include "algo/types.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/view.hpp"

namespace diplograph {
namespace {

bool date_matches(Node n, const NodeFilter& f) {
  if (!f.from && !f.to) return true;
  const auto [begin, end] = algo::time_span(n);
  if (!begin && !end) return false;
  if (f.certainty == Certainty::possibly) return possibly_overlaps(begin, end, f.from, f.to);
  // Definitely inside: every day of the fact is in the window, so both ends must be known.
  if (!begin || !end) return false;
  return (!f.from || begin->earliest() >= f.from->earliest()) && (!f.to || end->latest() <= f.to->latest());
}

bool props_match(Node n, const NodeFilter& f) {
  for (const PropertyFilter& p : f.props) {
    if (p.name == "id") {
      if (!p.value.is_string() || n.id() != p.value.as_string()) return false;
      continue;
    }
    if (p.name == "label") {
      if (!p.value.is_string() || n.label() != p.value.as_string()) return false;
      continue;
    }
    const auto v = n.prop(p.name);
    if (!v || !(*v == p.value)) return false;
  }
  return true;
}

}  // namespace

std::vector<Node> find_nodes(const Graph& graph, const NodeFilter& filter) {
  std::vector<Node> out;
  auto consider = [&](Node n) {
    if (props_match(n, filter) && date_matches(n, filter)) out.push_back(n);
  };
  if (filter.type.empty()) {
    for (Node n : graph.nodes()) consider(n);
    return out;
  }
  algo::node_type_mask(graph.schema(), {filter.type});  // throws for an unknown type
  for (Node n : graph.nodes_of_type(filter.type)) consider(n);
  return out;
}

std::vector<Neighbor> neighbors(const Graph& graph, Node node, const NeighborOptions& options) {
  algo::check_owned(graph, node);
  const std::vector<TypeId> types = algo::edge_type_ids(graph.schema(), options.edge_types);
  const std::vector<bool> node_types = algo::node_type_mask(graph.schema(), options.node_types);
  std::vector<Neighbor> out;
  algo::for_each_edge(graph, node.index(), options.direction, types, [&](EdgeIndex e, NodeIndex other, bool outgoing) {
    Edge edge = graph.edge(e);
    Node n = graph.node(other);
    if (!node_types.empty() && !node_types[n.type_id()]) return;
    if (options.from || options.to) {
      const auto [begin, end] = algo::time_span(edge);
      if (!possibly_overlaps(begin, end, options.from, options.to)) return;
    }
    out.push_back(Neighbor{n, edge, outgoing});
  });
  return out;
}

}  // namespace diplograph
