#include <iostream>

#include "cli.hpp"
#include "diplograph/algo.hpp"

namespace cli {
namespace {

struct PathArgs {
  std::string from, to;
  std::vector<std::string> types;
  std::string direction = "both";
  bool time_respecting = false;
  bool definitely = false;
  bool all = false;
};

std::string when(const std::optional<diplograph::Date>& d) { return d ? "  " + d->to_string() : ""; }

void print_path(const diplograph::Path& p) {
  std::cout << p.nodes.front().id() << "  (" << p.nodes.front().label() << ")" << when(p.nodes.front().when()) << '\n';
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    const auto& e = p.edges[i];
    const auto& n = p.nodes[i + 1];
    const bool forward = e.to() == n;
    std::cout << "  " << (forward ? "-[" : "<-[") << e.type() << when(e.when()) << (forward ? "]-> " : "]- ") << n.id()
              << "  (" << n.label() << ")" << when(n.when()) << '\n';
  }
}

}  // namespace

void add_path(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("path", "Print a shortest path between two nodes");
  cmd->footer(
      "FROM and TO are ids, or labels and aliases that name one node.\n"
      "Dates are shown after each step; with --time-respecting they never go backwards.");
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
  cmd->callback([&globals, args] {
    const auto graph = load_graph(globals);
    const auto from = resolve_node(graph, args->from);
    const auto to = resolve_node(graph, args->to);
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
      std::cout << "no " << (args->time_respecting ? "time-respecting " : "") << "path from " << from.id() << " to "
                << to.id() << '\n';
      return;
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (i) std::cout << '\n';
      print_path(paths[i]);
    }
  });
}

}  // namespace cli
