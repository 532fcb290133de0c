#pragma once
// Shared pieces of the diplograph command-line tool: exit codes, the global options, and one
// registration function per subcommand (each defined in its own cmd_*.cpp).

#include <CLI/CLI.hpp>

#include <string>

#include "diplograph/graph.hpp"

namespace cli {

/// The documented exit codes.
enum Exit : int { ok = 0, usage = 1, invalid_input = 2, io_error = 3 };

struct Globals {
  std::string graph;  ///< --graph; empty means the bundled graph
};

/// The graph named by --graph, or the bundled one. Throws diplograph::Error.
diplograph::Graph load_graph(const Globals& globals);
/// The node an argument names: an id, or else a label or alias (folded). Throws
/// diplograph::Error naming the candidates when a name is ambiguous or matches nothing.
diplograph::Node resolve_node(const diplograph::Graph& graph, const std::string& id_or_name);

// Each registers one subcommand; its callback throws diplograph::Error on failure.
void add_validate(CLI::App& app, const Globals& globals);
void add_stats(CLI::App& app, const Globals& globals);
void add_find(CLI::App& app, const Globals& globals);
void add_show(CLI::App& app, const Globals& globals);
void add_export(CLI::App& app, const Globals& globals);
void add_render(CLI::App& app, const Globals& globals);
void add_query(CLI::App& app, const Globals& globals);
void add_path(CLI::App& app, const Globals& globals);
void add_neighbors(CLI::App& app, const Globals& globals);
void add_timeline(CLI::App& app, const Globals& globals);
void add_claims(CLI::App& app, const Globals& globals);

}  // namespace cli
