#include <iostream>

#include "cli.hpp"

namespace cli {

namespace {

std::string when(const std::optional<diplograph::Date>& date, const std::optional<diplograph::Date>& start,
                 const std::optional<diplograph::Date>& end) {
  if (date) return date->to_string();
  if (start && end) return "from " + start->to_string() + " to " + end->to_string();
  if (start) return "from " + start->to_string();
  if (end) return "until " + end->to_string();
  return "";
}

void print_props(const std::vector<diplograph::PropertyRef>& props, const char* indent) {
  for (const auto& p : props) std::cout << indent << p.name << ": " << p.value.to_string() << '\n';
}

void print_sources(const std::vector<diplograph::CitationRef>& sources, const char* indent) {
  for (const auto& c : sources) {
    std::cout << indent << c.source << (c.stance == diplograph::Stance::disputes ? " (disputes)" : "");
    if (!c.quote.empty()) std::cout << ": \"" << c.quote << '"';
    std::cout << '\n';
  }
}

void print_edges(const char* title, const std::vector<diplograph::Edge>& edges, bool outgoing) {
  if (edges.empty()) return;
  std::cout << title << '\n';
  for (const auto& e : edges) {
    const auto other = outgoing ? e.to() : e.from();
    std::cout << "  " << (outgoing ? "-" : "<-") << e.type() << (outgoing ? "-> " : "- ") << other.id() << " ("
              << other.label() << ")";
    const std::string w = when(e.date(), e.start(), e.end());
    if (!w.empty()) std::cout << "  " << w;
    if (e.modality() != diplograph::Modality::actual) std::cout << "  [" << modality_name(e.modality()) << ']';
    std::cout << '\n';
    print_props(e.props(), "      ");
    print_sources(e.sources(), "      ");
  }
}

}  // namespace

void add_show(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("show", "Show one node: its fields, properties, sources and edges");
  cmd->footer(
      "Each edge is followed by its properties (name: value) and its sources (id: \"quote\").\n"
      "Intervals read \"from START to END\", \"from START\" (still running or end unknown) or\n"
      "\"until END\" (start unknown); a fact that is not actual shows [expected], [possible] or\n"
      "[hypothetical].");
  static std::string id;
  cmd->add_option("ID", id, "A node id, or a label or alias that names one node")->required();
  cmd->callback([&globals] {
    const auto graph = load_graph(globals);
    const auto n = resolve_node(graph, id);
    std::cout << n.id() << "  " << n.type() << "  " << n.label() << '\n';
    if (const auto aliases = n.aliases(); !aliases.empty()) {
      std::cout << "aliases:";
      for (auto a : aliases) std::cout << "  " << a;
      std::cout << '\n';
    }
    if (const std::string w = when(n.date(), n.start(), n.end()); !w.empty()) std::cout << "date:  " << w << '\n';
    if (n.modality() != diplograph::Modality::actual) std::cout << "modality:  " << modality_name(n.modality()) << '\n';
    if (const auto props = n.props(); !props.empty()) {
      std::cout << "props:\n";
      print_props(props, "  ");
    }
    if (const auto sources = n.sources(); !sources.empty()) {
      std::cout << "sources:\n";
      print_sources(sources, "  ");
    }
    print_edges("out:", graph.edges_at(n, diplograph::Direction::out), true);
    print_edges("in:", graph.edges_at(n, diplograph::Direction::in), false);
  });
}

}  // namespace cli
