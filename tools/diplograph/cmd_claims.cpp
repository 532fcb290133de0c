#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iostream>

#include "cli.hpp"
#include "diplograph/algo.hpp"
#include "table.hpp"

namespace cli {
namespace {

struct ClaimsArgs {
  bool disputed = false;
  std::string source, actor;
  std::string format = "table";
};

// What a fact is, in the words every format uses.
struct FactText {
  std::string id, kind, type, label, from, to;
};

FactText describe(const diplograph::FactClaims& f) {
  if (const auto* n = std::get_if<diplograph::Node>(&f.fact))
    return {std::string(n->id()), "node", std::string(n->type()), std::string(n->label()), "", ""};
  const auto& e = std::get<diplograph::Edge>(f.fact);
  const std::string from(e.from().id()), to(e.to().id()), type(e.type());
  // An edge may have no id: name it by its ends.
  return {e.id().empty() ? from + " -" + type + "-> " + to : std::string(e.id()), "edge", type, "", from, to};
}

// Calls each(stance, claim) for the asserting claims, then the disputing ones.
template <class F>
void each_claim(const diplograph::Claims& c, F&& each) {
  for (const auto& claim : c.asserting) each("asserts", claim);
  for (const auto& claim : c.disputing) each("disputes", claim);
}

void print_table(const std::vector<diplograph::FactClaims>& facts) {
  Table table({"fact", "type", "stance", "source", "quote"});
  std::size_t disputed = 0;
  for (const auto& f : facts) {
    disputed += f.claims.disputed();
    const FactText t = describe(f);
    bool first = true;
    each_claim(f.claims, [&](const char* stance, const diplograph::Claim& c) {
      table.add(
          {first ? t.id : "", first ? t.type : "", stance, c.source_id, c.quote.empty() ? "" : '"' + c.quote + '"'});
      first = false;
    });
  }
  table.print(std::cout);
  std::cout << "(" << facts.size() << (facts.size() == 1 ? " fact, " : " facts, ") << disputed << " disputed)\n";
}

void print_csv(const std::vector<diplograph::FactClaims>& facts) {
  print_csv_line(std::cout, {"fact", "kind", "type", "label", "from", "to", "stance", "source", "quote"});
  for (const auto& f : facts) {
    const FactText t = describe(f);
    each_claim(f.claims, [&](const char* stance, const diplograph::Claim& c) {
      print_csv_line(std::cout, {t.id, t.kind, t.type, t.label, t.from, t.to, stance, c.source_id, c.quote});
    });
  }
}

void print_json(const std::vector<diplograph::FactClaims>& facts) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto key_value = [&](const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  auto citations = [&](const char* key, const std::vector<diplograph::Claim>& claims) {
    w.Key(key);
    w.StartArray();
    for (const auto& c : claims) {
      w.StartObject();
      key_value("source", c.source_id);
      key_value("quote", c.quote);
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartArray();
  for (const auto& f : facts) {
    const FactText t = describe(f);
    w.StartObject();
    key_value("fact", t.id);
    key_value("kind", t.kind);
    key_value("type", t.type);
    if (t.kind == "node") {
      key_value("label", t.label);
    } else {
      key_value("from", t.from);
      key_value("to", t.to);
    }
    w.Key("disputed");
    w.Bool(f.claims.disputed());
    citations("asserting", f.claims.asserting);
    citations("disputing", f.claims.disputing);
    w.EndObject();
  }
  w.EndArray();
  std::cout << buffer.GetString() << '\n';
}

}  // namespace

void add_claims(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("claims", "List facts with the sources that assert or dispute them, and their quotes");
  cmd->footer(
      "A fact is a node or an edge that cites at least one source. With --disputed, only facts some\n"
      "source disputes (the contested claims); without it, every cited fact the other options keep.\n"
      "--actor keeps the facts about an actor: its own node, every edge at it, every event, agreement\n"
      "or document it is linked to, and every edge at those (the other roles, causes, effects).\n"
      "Formats: table (one row per citation), json (one object per fact, citations split by stance),\n"
      "csv (one record per citation; label for a node, from and to for an edge).");
  auto args = std::make_shared<ClaimsArgs>();
  cmd->add_flag("--disputed", args->disputed, "Only facts that some source disputes");
  cmd->add_option("--source", args->source, "Only facts this source (id or title) cites, asserting or disputing");
  cmd->add_option("--actor", args->actor, "Only facts about this actor (id or name)");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([&globals, args] {
    const auto graph = load_graph(globals);
    diplograph::ClaimFilter filter;
    filter.disputed_only = args->disputed;
    if (!args->source.empty()) filter.source = std::string(resolve_node(graph, args->source).id());
    if (!args->actor.empty()) filter.actor = std::string(resolve_node(graph, args->actor).id());
    const auto facts = diplograph::find_claims(graph, filter);
    if (args->format == "json")
      print_json(facts);
    else if (args->format == "csv")
      print_csv(facts);
    else
      print_table(facts);
  });
}

}  // namespace cli
