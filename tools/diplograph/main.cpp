// diplograph: the command-line tool. Only this tool prints and chooses exit codes.

#include <iostream>

#include "cli.hpp"
#include "diplograph/error.hpp"

namespace {
int run(int argc, char** argv) {
  CLI::App app{
      "diplograph: typed, dated and sourced geopolitical knowledge graphs.\n"
      "Exit codes: 0 ok, 1 usage, 2 invalid input (graph or query), 3 I/O error."};
  app.require_subcommand(1);
  app.fallthrough();
  cli::Globals globals;
  app.add_option("--graph", globals.graph,
                 "Graph directory or JSON file (default: the bundled Azerbaijan-Russia graph)");
  app.add_option("--max-file-size", globals.max_file_size,
                 "Refuse graph files larger than this (e.g. 4GB; default 1GB)")
      ->transform(CLI::AsSizeValue(false));
  app.set_version_flag("--version", "diplograph 0.1.0");

  cli::add_validate(app, globals);
  cli::add_stats(app, globals);
  cli::add_find(app, globals);
  cli::add_show(app, globals);
  cli::add_export(app, globals);
  cli::add_render(app, globals);
  cli::add_query(app, globals);
  cli::add_path(app, globals);
  cli::add_neighbors(app, globals);
  cli::add_timeline(app, globals);
  cli::add_claims(app, globals);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::ok : cli::usage;
  } catch (const diplograph::Error& e) {
    std::cerr << e.what() << '\n';
    if (const auto n = e.diagnostics().size(); n > 1) std::cerr << n << " problems\n";
    return e.code() == diplograph::ErrorCode::io ? cli::io_error : cli::invalid_input;
  }
  return cli::ok;
}
}  // namespace

int main(int argc, char** argv) {
  cli::capture_output();
  return cli::finish_output(run(argc, argv));
}
