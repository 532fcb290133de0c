// diplograph render: lays a graph (or a view of it) out and writes SVG, PNG, PDF or the
// interactive HTML page.

#include <chrono>
#include <iostream>

#include "cli.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/error.hpp"
#include "diplograph/html.hpp"
#include "view_args.hpp"

namespace cli {
namespace {

// The library's message says what to do; the hint says which options do it.
diplograph::Error with_hint(const diplograph::Error& e) {
  if (e.code() != diplograph::ErrorCode::render) return e;
  std::string hint;
  if (e.message().starts_with("the dot layout of") && e.message().find("would take") != std::string::npos)
    hint =
        " (a view: --center ID --depth K, --from/--to, --node-types, --edge-types; or --layout sfdp; "
        "or --force to wait)";
  else if (e.message().find("did not finish within") != std::string::npos)
    hint = " (draw a view, use --layout sfdp, or raise --timeout)";
  else if (e.message().find("an interactive page stays usable") != std::string::npos)
    hint = " (a view: --center ID --depth K, --from/--to, --node-types, --edge-types, --source; or --force)";
  auto diagnostics = e.diagnostics();
  diagnostics.front().message += hint;
  return diplograph::Error(std::move(diagnostics));
}

}  // namespace

void add_render(CLI::App& app, const Globals& globals) {
  struct Args {
    ViewArgs view;
    DrawArgs draw;
    std::string out;
    std::string layout = "dot";
    bool force = false;
    double timeout = 120;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Draw the graph or a view of it as SVG, PNG, PDF or an interactive HTML page (format from -o)");
  cmd->add_option("-o,--output", args->out, "Output file: .svg, .png, .pdf or .html")->required();
  cmd->add_option("--layout", args->layout, "Graphviz layout engine")
      ->capture_default_str()
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}));
  cmd->add_flag("--force", args->force,
                "Use the dot layout even when it is predicted to take long, and write an HTML page past its size "
                "limit");
  cmd->add_option("--timeout", args->timeout, "Stop the layout after this many seconds (0: wait as long as it takes)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  add_view_options(*cmd, args->view);
  add_draw_options(*cmd, args->draw);
  cmd->callback([&globals, args] {
    const diplograph::Graph graph = load_graph(globals);
    const diplograph::Graph shown = apply_view(graph, args->view);
    diplograph::RenderOptions options;
    options.dot = dot_options(args->draw);
    options.layout = *diplograph::parse_layout(args->layout);
    options.force = args->force;
    options.timeout = std::chrono::milliseconds(static_cast<long long>(args->timeout * 1000));
    try {
      // A view keeps only the source nodes it shows; the page finds every cited one in the whole graph.
      if (diplograph::is_html_file(args->out))
        diplograph::write_html_page(shown, options, graph, args->out);
      else
        diplograph::render(shown, options, args->out);
    } catch (const diplograph::Error& e) {
      throw with_hint(e);
    }
    std::cout << "wrote " << args->out << " (" << shown.node_count() << " nodes, " << shown.edge_count() << " edges, "
              << args->layout << " layout)\n";
  });
}

}  // namespace cli
