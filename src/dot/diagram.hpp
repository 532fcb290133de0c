#pragma once
// What a diagram draws, before any writer sees it: internal names, escaped labels and style
// attributes. Both DOT writers (cgraph's and the streaming one) and the renderer take this.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/dot.hpp"
#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"

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

/// The diagram of a graph. Nodes and clusters are kept; the graph's edges, a million in a big
/// export, are described one at a time by for_each_edge(), so a streaming export holds no
/// per-edge strings.
struct Diagram {
  Attrs graph_attrs, node_defaults, edge_defaults;
  std::vector<DiagramCluster> clusters;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> legend_edges;
  std::size_t data_nodes = 0;  // nodes of the graph, before the legend's

  /// Calls f(const DiagramEdge&) for every edge of the graph, then for the legend's.
  template <class F>
  void for_each_edge(F&& f) const {
    DiagramEdge e;
    for (EdgeIndex i = 0; i < graph->edge_count(); ++i) {
      describe_edge(i, e);
      f(e);
    }
    for (const DiagramEdge& l : legend_edges) f(l);
  }

  const Graph* graph = nullptr;  // drawn from; outlives the diagram
  DotOptions options;
  std::vector<std::optional<QuadClass>> quads;  // per node: the PLOVER quad class of its event
  bool svg_ids = false;                         // see add_svg_ids()

 private:
  void describe_edge(EdgeIndex i, DiagramEdge& out) const;  // reuses out's strings
};

/// The diagram of a whole graph (restrict it with view() first).
Diagram build_diagram(const Graph& graph, const DotOptions& options);

/// Gives the graph's node i and edge i the SVG ids `dgn<i>` and `dge<i>` (never data), so
/// that the interactive page's script finds them in the rendered SVG.
void add_svg_ids(Diagram& diagram);

/// Throws Error(ErrorCode::render) when `options` ask the `dot` layout, without `force`, for a
/// graph whose predicted_dot_seconds() pass dot_layout_budget_seconds; the message suggests a
/// smaller view or sfdp.
void check_layout_size(const Graph& graph, const RenderOptions& options);

/// Lays `diagram` (built from `graph`) out and renders it in `format`, stopped after
/// options.timeout (when set) with an Error naming the layout and the graph's size.
std::string render_laid_out(const Diagram& diagram, const Graph& graph, const RenderOptions& options,
                            const char* format);

/// Every attribute name used per kind, in first-use order, so writers can declare them.
std::vector<const char*> attr_names(const std::vector<const Attrs*>& lists);

}  // namespace diplograph::dot
