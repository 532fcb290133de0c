// diplograph render: lays a graph (or a view of it) out and writes SVG, PNG, PDF or the
// interactive HTML page.

#include <iostream>

#include "cli.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/error.hpp"
#include "diplograph/html.hpp"
#include "view_args.hpp"

namespace cli {

void add_render(CLI::App& app, const Globals& globals) {
  struct Args {
    ViewArgs view;
    DrawArgs draw;
    std::string out;
    std::string layout = "dot";
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Draw the graph or a view of it as SVG, PNG, PDF or an interactive HTML page (format from -o)");
  cmd->add_option("-o,--output", args->out, "Output file: .svg, .png, .pdf or .html")->required();
  cmd->add_option("--layout", args->layout, "Graphviz layout engine")
      ->capture_default_str()
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}));
  cmd->add_flag("--force", args->force, "Use the dot layout (and the HTML page) even past their size limits");
  add_view_options(*cmd, args->view);
  add_draw_options(*cmd, args->draw);
  cmd->callback([&globals, args] {
    const diplograph::Graph graph = load_graph(globals);
    const diplograph::Graph shown = apply_view(graph, args->view);
    diplograph::RenderOptions options;
    options.dot = dot_options(args->draw);
    options.layout = *diplograph::parse_layout(args->layout);
    options.force = args->force;
    try {
      // A view keeps only the source nodes it shows; the page finds every cited one in the whole graph.
      if (diplograph::is_html_file(args->out))
        diplograph::write_html_page(shown, options, graph, args->out);
      else
        diplograph::render(shown, options, args->out);
    } catch (const diplograph::Error& e) {
      // The library explains the size limit in its own terms; the flags that lift it are ours.
      const bool too_big = options.layout == diplograph::Layout::dot && !options.force &&
                           shown.node_count() > diplograph::dot_layout_node_limit;
      if (e.code() != diplograph::ErrorCode::render || !too_big) throw;
      throw diplograph::Error(e.code(), e.message() +
                                            "; on the command line: --center ID --depth K, --from/--to, "
                                            "--node-types, --edge-types, --layout sfdp or --force");
    }
    std::cout << "wrote " << args->out << " (" << shown.node_count() << " nodes, " << shown.edge_count() << " edges, "
              << args->layout << " layout)\n";
  });
}

}  // namespace cli
