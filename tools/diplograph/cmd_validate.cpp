#include <iostream>

#include "cli.hpp"

namespace cli {

void add_validate(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("validate", "Load the graph and report every problem in it (exit 2 if any)");
  cmd->footer("Each problem is printed as FILE:LINE:COLUMN: error: MESSAGE on standard error.");
  cmd->callback([&globals] {
    const auto graph = load_graph(globals);
    std::cout << "ok: " << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
  });
}

}  // namespace cli
