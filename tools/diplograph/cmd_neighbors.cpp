#include <iostream>
#include <unordered_set>

#include "cli.hpp"
#include "diplograph/algo.hpp"
#include "table.hpp"

namespace cli {
namespace {

struct NeighborArgs {
  std::string id;
  int depth = 1;
  std::vector<std::string> types;
  std::vector<std::string> node_types;
  std::string direction = "both";
};

}  // namespace

void add_neighbors(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("neighbors", "List the nodes within some hops of a node");
  cmd->footer("Each node is listed once, at its fewest hops, with the edge that first reached it.");
  auto args = std::make_shared<NeighborArgs>();
  cmd->add_option("ID", args->id, "A node id, or a label or alias that names one node")->required();
  cmd->add_option("-d,--depth", args->depth, "Hops to follow")->check(CLI::Range(1, 10))->capture_default_str();
  cmd->add_option("-t,--types", args->types, "Only edges of these types (comma-separated)")->delimiter(',');
  cmd->add_option("--node-types", args->node_types, "Only pass through nodes of these types (with subtypes)")
      ->delimiter(',');
  cmd->add_option("--direction", args->direction, "Follow edges forwards (out), backwards (in) or both ways")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  cmd->callback([&globals, args] {
    const auto graph = load_graph(globals);
    const auto start = resolve_node(graph, args->id);
    diplograph::NeighborOptions options;
    options.edge_types = args->types;
    options.node_types = args->node_types;
    options.direction = args->direction == "out"  ? diplograph::Direction::out
                        : args->direction == "in" ? diplograph::Direction::in
                                                  : diplograph::Direction::both;
    Table table({"hops", "id", "type", "label", "date", "via"});
    std::unordered_set<diplograph::NodeIndex> seen{start.index()};
    std::vector<diplograph::Node> frontier{start};
    for (int hop = 1; hop <= args->depth && !frontier.empty(); ++hop) {
      std::vector<diplograph::Node> next;
      for (const auto& n : frontier)
        for (const auto& nb : diplograph::neighbors(graph, n, options)) {
          if (!seen.insert(nb.node.index()).second) continue;
          next.push_back(nb.node);
          const auto date = nb.node.when();
          const std::string via = nb.outgoing ? std::string(n.id()) + " -" + std::string(nb.edge.type()) + "->"
                                              : std::string(n.id()) + " <-" + std::string(nb.edge.type()) + "-";
          table.add({std::to_string(hop), std::string(nb.node.id()), std::string(nb.node.type()),
                     std::string(nb.node.label()), date ? date->to_string() : "", via});
        }
      frontier = std::move(next);
    }
    table.print(std::cout);
  });
}

}  // namespace cli
