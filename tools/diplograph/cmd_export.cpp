#include <iostream>

#include "cli.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/interchange.hpp"
#include "diplograph/io.hpp"
#include "view_args.hpp"

namespace cli {

namespace {
struct ExportOptions {
  std::string format = "json";
  std::string output;
  ViewArgs view;
  DrawArgs draw;
};
}  // namespace

void add_export(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("export", "Write the graph in another format");
  cmd->footer(
      "Formats: json (canonical diplograph JSON: schema embedded, sorted, one fact per line),\n"
      "dot (Graphviz, styled from the schema), graphml (NetworkX, Gephi, yEd),\n"
      "nt (RDF N-Triples with PROV sources), plover (one JSON line per event),\n"
      "csv (a directory: neo4j-admin import CSV per node and edge type + kuzu-schema.cypher).\n"
      "The view options restrict what is exported; the drawing options apply to dot.\n"
      "Files are written atomically: on failure the target is untouched.");
  static ExportOptions options;
  cmd->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"json", "dot", "graphml", "nt", "plover", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options.output, "Output file (default: standard output); a directory for csv");
  add_view_options(*cmd, options.view);
  add_draw_options(*cmd, options.draw);
  cmd->callback([&globals] {
    if (options.format == "csv" && (options.output.empty() || options.output == "-"))
      throw CLI::ValidationError("--output", "csv writes a directory: give it with -o DIR");
    const auto graph = apply_view(load_graph(globals), options.view);
    if (options.format == "csv") return diplograph::write_csv_export(graph, options.output);
    std::string text;
    if (options.format == "json") text = diplograph::to_json(graph);
    if (options.format == "dot") text = diplograph::to_dot(graph, dot_options(options.draw));
    if (options.format == "graphml") text = diplograph::to_graphml(graph);
    if (options.format == "nt") text = diplograph::to_ntriples(graph);
    if (options.format == "plover") text = diplograph::to_plover_jsonl(graph);
    if (options.output.empty() || options.output == "-") {
      std::cout << text;
    } else {
      diplograph::write_file_atomically(options.output, text);
    }
  });
}

}  // namespace cli
