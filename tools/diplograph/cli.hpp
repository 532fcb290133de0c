#pragma once
// Shared pieces of the diplograph command-line tool: exit codes, the global options, and one
// registration function per subcommand (each defined in its own cmd_*.cpp).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "diplograph/graph.hpp"

namespace cli {

/// The documented exit codes.
enum Exit : int { ok = 0, usage = 1, invalid_input = 2, io_error = 3 };

struct Globals {
  std::string graph;                ///< --graph; empty means the bundled graph
  std::uint64_t max_file_size = 0;  ///< --max-file-size; 0 means the library's default
};

/// The graph named by --graph, or the bundled one. Throws diplograph::Error.
diplograph::Graph load_graph(const Globals& globals);

/// Sends std::cout through a buffer that remembers the first failed write (a full disk, a
/// closed file) and its reason. Called once, first thing in main().
void capture_output();
/// Flushes standard output; when any write to it failed, says so on standard error and turns
/// `code` into io_error. Every exit of the tool goes through here, so no command checks its
/// own output.
int finish_output(int code);
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
