#include "view_args.hpp"

#include "cli.hpp"
#include "diplograph/view.hpp"

namespace cli {

void add_view_options(CLI::App& cmd, ViewArgs& a) {
  cmd.add_option("--center", a.center, "Draw the ego network of this node (id or name)");
  cmd.add_option("--depth", a.depth, "Hops from --center, edges in both directions")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--from", a.from, "Keep facts possibly on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd.add_option("--to", a.to, "Keep facts possibly on or before this date");
  cmd.add_option("--as-of", a.as_of, "Keep what was (possibly) valid on this date");
  cmd.add_option("--node-types", a.node_types, "Keep nodes of these types (with subtypes)")->delimiter(',');
  cmd.add_option("--edge-types", a.edge_types, "Keep edges of these types")->delimiter(',');
  cmd.add_option("--source", a.source, "Keep only the claims of this Source id");
}

void add_draw_options(CLI::App& cmd, DrawArgs& a) {
  cmd.add_option("--rankdir", a.rankdir, "LR (left to right) or TB (top down)")
      ->capture_default_str()
      ->check(CLI::IsMember({"LR", "TB"}));
  cmd.add_option("--clusters", a.clusters, "Boxes around groups: none, type or state")
      ->capture_default_str()
      ->check(CLI::IsMember({"none", "type", "state"}));
  cmd.add_flag("--no-legend", a.no_legend, "Leave out the legend");
  cmd.add_flag("--no-edge-labels", a.no_edge_labels, "Leave out edge types and dates");
  cmd.add_flag("--no-dates", a.no_dates, "Leave out the date line under dated nodes");
  cmd.add_option("--title", a.title, "A title above the diagram");
  cmd.add_option("--wrap", a.wrap, "Break node labels at spaces into lines of at most N characters (0: never)")
      ->capture_default_str();
}

diplograph::Graph apply_view(const diplograph::Graph& graph, const ViewArgs& a) {
  diplograph::ViewOptions v;
  if (!a.center.empty()) v.center = std::string(resolve_node(graph, a.center).id());
  v.depth = a.depth;
  if (!a.from.empty()) v.from = diplograph::Date::parse(a.from);
  if (!a.to.empty()) v.to = diplograph::Date::parse(a.to);
  if (!a.as_of.empty()) v.as_of = diplograph::Date::parse(a.as_of);
  v.node_types = a.node_types;
  v.edge_types = a.edge_types;
  if (!a.source.empty()) v.source = a.source;
  const bool whole =
      a.center.empty() && !v.from && !v.to && !v.as_of && v.node_types.empty() && v.edge_types.empty() && !v.source;
  return whole ? graph : diplograph::view(graph, v);
}

diplograph::DotOptions dot_options(const DrawArgs& a) {
  diplograph::DotOptions o;
  o.rankdir = a.rankdir == "TB" ? diplograph::RankDir::top_down : diplograph::RankDir::left_right;
  o.clusters = a.clusters == "type"    ? diplograph::ClusterBy::type
               : a.clusters == "state" ? diplograph::ClusterBy::state
                                       : diplograph::ClusterBy::none;
  o.legend = !a.no_legend;
  o.edge_labels = !a.no_edge_labels;
  o.node_dates = !a.no_dates;
  o.title = a.title;
  o.wrap = a.wrap;
  return o;
}

}  // namespace cli
