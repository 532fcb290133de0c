// RapidJSON directly, not through the library: `stats --format json` is the tool's own report,
// not a diplograph format, and the library's API offers JSON only for what it defines (graphs,
// schemas, query results). RapidJSON is header-only, so nothing of it reaches the library's
// link interface.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iostream>
#include <map>

#include "cli.hpp"
#include "table.hpp"

namespace cli {

namespace {

struct Stats {
  std::map<std::string, std::size_t> nodes_by_type, edges_by_type;
  std::optional<diplograph::Date> first, last;
  std::size_t sources = 0, citations = 0;
  std::size_t contested = 0;  // facts at least one source asserts and another disputes
  // The range's ends: of an uncertain span ("2025..2026"), the bound that extends the range.
  std::string first_text() const { return first ? bound(*first, true) : ""; }
  std::string last_text() const { return last ? bound(*last, false) : ""; }

 private:
  static std::string bound(const diplograph::Date& d, bool earliest) {
    const std::string text = d.to_string();
    const auto dots = text.find("..");
    if (dots == std::string::npos) return text;
    return earliest ? text.substr(0, dots) : text.substr(dots + 2);
  }
};

bool is_contested(const std::vector<diplograph::CitationRef>& citations) {
  bool asserted = false, disputed = false;
  for (const auto& c : citations) (c.stance == diplograph::Stance::disputes ? disputed : asserted) = true;
  return asserted && disputed;
}

Stats collect(const diplograph::Graph& g) {
  Stats s;
  auto see = [&](const std::optional<diplograph::Date>& d) {
    if (!d) return;
    if (!s.first || d->earliest() < s.first->earliest()) s.first = *d;
    if (!s.last || d->latest() > s.last->latest()) s.last = *d;
  };
  const auto source_type = g.schema().source_type();
  for (auto n : g.nodes()) {
    ++s.nodes_by_type[std::string(n.type())];
    if (source_type && g.schema().is_a(n.type_id(), *source_type)) {
      ++s.sources;
    } else {
      see(n.date()), see(n.start()), see(n.end());  // a source's publication date is not a fact's
    }
    const auto cited = n.sources();
    s.citations += cited.size();
    s.contested += is_contested(cited);
  }
  for (auto e : g.edges()) {
    ++s.edges_by_type[std::string(e.type())];
    see(e.date()), see(e.start()), see(e.end());
    const auto cited = e.sources();
    s.citations += cited.size();
    s.contested += is_contested(cited);
  }
  return s;
}

void print_json(const diplograph::Graph& g, const Stats& s) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto counts = [&](const char* key, std::size_t total, const std::map<std::string, std::size_t>& by_type) {
    w.Key(key);
    w.StartObject();
    w.Key("total");
    w.Uint64(total);
    w.Key("by_type");
    w.StartObject();
    for (const auto& [type, n] : by_type) w.Key(type.c_str()), w.Uint64(n);
    w.EndObject();
    w.EndObject();
  };
  w.StartObject();
  counts("nodes", g.node_count(), s.nodes_by_type);
  counts("edges", g.edge_count(), s.edges_by_type);
  w.Key("dates");
  w.StartObject();
  w.Key("first");
  s.first ? (void)w.String(s.first_text().c_str()) : (void)w.Null();
  w.Key("last");
  s.last ? (void)w.String(s.last_text().c_str()) : (void)w.Null();
  w.EndObject();
  w.Key("sources");
  w.Uint64(s.sources);
  w.Key("citations");
  w.Uint64(s.citations);
  w.Key("contested");
  w.Uint64(s.contested);
  w.EndObject();
  std::cout << buffer.GetString() << '\n';
}

void print_table(const diplograph::Graph& g, const Stats& s) {
  auto section = [](const char* title, std::size_t total, const std::map<std::string, std::size_t>& by_type) {
    Table t({title, std::to_string(total)});
    for (const auto& [type, n] : by_type) t.add({"  " + type, std::to_string(n)});
    t.print(std::cout);
  };
  section("nodes", g.node_count(), s.nodes_by_type);
  section("edges", g.edge_count(), s.edges_by_type);
  std::cout << "dates      " << (s.first ? s.first_text() : "-") << " .. " << (s.last ? s.last_text() : "-") << '\n';
  std::cout << "sources    " << s.sources << " (" << s.citations << " citations)\n";
  std::cout << "contested  " << s.contested << " (asserted by one source, disputed by another)\n";
}

}  // namespace

void add_stats(CLI::App& app, const Globals& globals) {
  auto* cmd =
      app.add_subcommand("stats", "Count nodes and edges by type; show the date range, sources and contested facts");
  static std::string format = "table";
  cmd->add_option("--format", format, "Output format")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  cmd->callback([&globals] {
    const auto graph = load_graph(globals);
    const Stats s = collect(graph);
    format == "json" ? print_json(graph, s) : print_table(graph, s);
  });
}

}  // namespace cli
