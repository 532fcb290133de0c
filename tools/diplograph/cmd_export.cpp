#include <iostream>

#include "cli.hpp"
#include "diplograph/io.hpp"

namespace cli {

namespace {
struct ExportOptions {
  std::string format = "json";
  std::string output;
};
}  // namespace

void add_export(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("export", "Write the graph in another format");
  cmd->footer("Formats: json (canonical diplograph JSON: schema embedded, sorted, one fact per line).\n"
              "Files are written atomically: on failure the target is untouched.");
  static ExportOptions options;
  cmd->add_option("--format", options.format, "Output format")->check(CLI::IsMember({"json"}))->capture_default_str();
  cmd->add_option("-o,--output", options.output, "Output file (default: standard output)");
  cmd->callback([&globals] {
    const auto graph = load_graph(globals);
    std::string text;
    if (options.format == "json") text = diplograph::to_json(graph);
    if (options.output.empty() || options.output == "-") {
      std::cout << text;
    } else {
      diplograph::write_file_atomically(options.output, text);
    }
  });
}

}  // namespace cli
