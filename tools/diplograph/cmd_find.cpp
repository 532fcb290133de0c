#include <iostream>

#include "cli.hpp"
#include "table.hpp"

namespace cli {

void add_find(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("find", "Find nodes by label or alias (case- and accent-insensitive)");
  cmd->footer("Exact name matches are listed; when there are none, names that contain NAME.");
  static std::string name;
  cmd->add_option("NAME", name, "A label or alias, e.g. Aliyev, \"Əliyev\", Baku")->required();
  cmd->callback([&globals] {
    const auto graph = load_graph(globals);
    auto nodes = graph.find_by_name(name);
    if (nodes.empty()) nodes = graph.search(name);
    if (nodes.empty()) {
      std::cerr << "no node is named or contains '" << name << "'\n";
      return;
    }
    Table table({"id", "type", "label"});
    for (const auto& n : nodes) table.add({std::string(n.id()), std::string(n.type()), std::string(n.label())});
    table.print(std::cout);
  });
}

}  // namespace cli
