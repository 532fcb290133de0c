#pragma once
// What a diagram draws, before any writer sees it: internal names, escaped labels and style
// attributes. Both DOT writers (cgraph's and the streaming one) and the renderer take this.

#include <string>
#include <utility>
#include <vector>

#include "diplograph/dot.hpp"

namespace diplograph::dot {

/// An attribute name and its value, the value already escaped where it is an escString.
using Attr = std::pair<const char*, std::string>;
using Attrs = std::vector<Attr>;

struct DiagramNode {
  std::string name;  // n<index> or legend<k>; never data
  Attrs attrs;
  int cluster = -1;  // index into Diagram::clusters
};

struct DiagramEdge {
  std::size_t tail = 0, head = 0;  // indexes into Diagram::nodes
  Attrs attrs;
};

struct DiagramCluster {
  std::string name;  // cluster<k> or cluster_legend
  Attrs attrs;
};

struct Diagram {
  Attrs graph_attrs, node_defaults, edge_defaults;
  std::vector<DiagramCluster> clusters;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  std::size_t data_nodes = 0;  // nodes of the graph, before the legend's
};

/// The diagram of a whole graph (restrict it with view() first).
Diagram build_diagram(const Graph& graph, const DotOptions& options);

/// Every attribute name used per kind, in first-use order, so writers can declare them.
std::vector<const char*> attr_names(const std::vector<const Attrs*>& lists);

}  // namespace diplograph::dot
