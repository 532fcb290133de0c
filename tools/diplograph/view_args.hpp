#pragma once
// The options that choose what a diagram or an export shows (a view) and how it is drawn,
// shared by `render` and `export --format dot`.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "diplograph/dot.hpp"
#include "diplograph/graph.hpp"

namespace cli {

struct ViewArgs {
  std::string center;
  int depth = 1;
  std::string from, to, as_of;
  std::vector<std::string> node_types, edge_types;
  std::string source;
};

struct DrawArgs {
  std::string rankdir = "LR";
  std::string clusters = "none";
  bool no_legend = false;
  bool no_edge_labels = false;
  bool no_dates = false;
  std::string title;
  std::size_t wrap = 0;
};

void add_view_options(CLI::App& cmd, ViewArgs& args);
void add_draw_options(CLI::App& cmd, DrawArgs& args);
/// The graph restricted as the options say (the whole graph when none is given). `--center`
/// takes an id or a name. Throws diplograph::Error.
diplograph::Graph apply_view(const diplograph::Graph& graph, const ViewArgs& args);
diplograph::DotOptions dot_options(const DrawArgs& args);

}  // namespace cli
