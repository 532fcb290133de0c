#include <iostream>

#include "cli.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/view.hpp"

namespace cli {
namespace {

struct PathArgs {
  std::string from, to;
  std::vector<std::string> types;
  std::string direction = "both";
  bool time_respecting = false;
  bool definitely = false;
  bool all = false;
  bool actual_only = false;
};

std::string when(const std::optional<diplograph::Date>& d) { return d ? "  " + d->to_string() : ""; }

// A step that did not (yet) happen says so: expected, possible or hypothetical.
std::string modality(diplograph::Modality m, bool bracketed) {
  if (m == diplograph::Modality::actual) return "";
  const std::string name(diplograph::modality_name(m));
  return "  " + (bracketed ? "[" + name + "]" : name);
}

std::string node_text(const diplograph::Node& n) {
  return std::string(n.id()) + "  (" + std::string(n.label()) + ")" + when(n.when()) + modality(n.modality(), true);
}

void print_path(const diplograph::Path& p) {
  std::cout << node_text(p.nodes.front()) << '\n';
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    const auto& e = p.edges[i];
    const auto& n = p.nodes[i + 1];
    const bool forward = e.to() == n;
    std::cout << "  " << (forward ? "-[" : "<-[") << e.type() << when(e.when()) << modality(e.modality(), false)
              << (forward ? "]-> " : "]- ") << node_text(n) << '\n';
  }
}

// With --actual-only, the search runs on the graph without expected, possible or hypothetical
// facts; the ends must be actual themselves.
diplograph::Node in_searched(const diplograph::Graph& searched, const diplograph::Node& n) {
  if (auto found = searched.find(n.id())) return *found;
  throw diplograph::Error(diplograph::ErrorCode::value, "'" + std::string(n.id()) + "' is " +
                                                            std::string(diplograph::modality_name(n.modality())) +
                                                            ", not actual (--actual-only)");
}

}  // namespace

void add_path(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("path", "Print a shortest path between two nodes");
  cmd->footer(
      "FROM and TO are ids, or labels and aliases that name one node.\n"
      "Dates are shown after each step; with --time-respecting they never go backwards.\n"
      "A step that is not actual is marked: [expected] after a node, -[TYPE  expected]-> on an edge\n"
      "(likewise possible, hypothetical). --actual-only searches only actual nodes and edges.");
  auto args = std::make_shared<PathArgs>();
  cmd->add_option("FROM", args->from, "Start node")->required();
  cmd->add_option("TO", args->to, "End node")->required();
  cmd->add_option("-t,--types", args->types, "Only edges of these types (comma-separated)")->delimiter(',');
  cmd->add_option("--direction", args->direction, "Follow edges forwards (out), backwards (in) or both ways")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  cmd->add_flag("--time-respecting", args->time_respecting, "Each step dated no earlier than the one before");
  cmd->add_flag("--definitely", args->definitely,
                "With --time-respecting: a step must definitely not be earlier (a month does not follow a day in it)");
  cmd->add_flag("--all", args->all, "Every shortest path, not just one");
  cmd->add_flag("--actual-only", args->actual_only,
                "Only facts (nodes and edges) that happened: no expected, possible or hypothetical steps");
  cmd->callback([&globals, args] {
    const auto loaded = load_graph(globals);
    std::optional<diplograph::Graph> actual;
    if (args->actual_only) {
      diplograph::ViewOptions only_actual;
      only_actual.modalities = {diplograph::Modality::actual};
      actual = diplograph::view(loaded, only_actual);
    }
    const diplograph::Graph& graph = actual ? *actual : loaded;
    const auto from = in_searched(graph, resolve_node(loaded, args->from));
    const auto to = in_searched(graph, resolve_node(loaded, args->to));
    diplograph::PathOptions options;
    options.edge_types = args->types;
    options.direction = args->direction == "out"  ? diplograph::Direction::out
                        : args->direction == "in" ? diplograph::Direction::in
                                                  : diplograph::Direction::both;
    options.time_respecting = args->time_respecting;
    options.certainty = args->definitely ? diplograph::Certainty::definitely : diplograph::Certainty::possibly;
    std::vector<diplograph::Path> paths;
    if (args->all && !args->time_respecting)
      paths = diplograph::all_shortest_paths(graph, from, to, options);
    else if (auto p = diplograph::shortest_path(graph, from, to, options))
      paths.push_back(*p);
    if (paths.empty()) {
      std::cout << "no " << (args->actual_only ? "actual " : "") << (args->time_respecting ? "time-respecting " : "")
                << "path from " << from.id() << " to " << to.id() << '\n';
      return;
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (i) std::cout << '\n';
      print_path(paths[i]);
    }
  });
}

}  // namespace cli
