#include <iostream>

#include "cli.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/schema.hpp"
#include "modality_args.hpp"
#include "table.hpp"

namespace cli {
namespace {

struct TimelineArgs {
  std::vector<std::string> actors;
  std::string from, to;
  std::string type = "Event";
  bool definitely = false;
  std::vector<std::string> modalities;
};

std::string score_text(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%+.1f", score);
  return buf;
}

}  // namespace

void add_timeline(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("timeline", "List events in date order, with their PLOVER category");
  cmd->footer(
      "With several --actor, only events that involve all of them (e.g. a pair of states).\n"
      "An event dated only by month or year is listed when it possibly falls in the range,\n"
      "unless --definitely is given. The modality column says whether an event happened (actual)\n"
      "or is only expected, possible or hypothetical; --modality keeps only events of the given\n"
      "modalities (--modality expected,possible or --modality expected --modality possible).");
  auto args = std::make_shared<TimelineArgs>();
  cmd->add_option("-a,--actor", args->actors, "An actor (id or name) the events involve; repeatable");
  cmd->add_option("--from", args->from, "First date (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last date, inclusive");
  cmd->add_option("--type", args->type, "Event type (with its subtypes)")->capture_default_str();
  cmd->add_flag("--definitely", args->definitely, "Only events whose whole date lies in the range");
  add_modality_option(*cmd, args->modalities, "Only events of these modalities (comma-separated or repeated)");
  cmd->callback([&globals, args] {
    const auto graph = load_graph(globals);
    diplograph::TimelineOptions options;
    for (const auto& a : args->actors) options.actors.emplace_back(resolve_node(graph, a).id());
    if (!args->from.empty()) options.from = diplograph::Date::parse(args->from);
    if (!args->to.empty()) options.to = diplograph::Date::parse(args->to);
    options.event_type = args->type;
    options.certainty = args->definitely ? diplograph::Certainty::definitely : diplograph::Certainty::possibly;
    options.modalities = parse_modalities(args->modalities);
    std::vector<std::string> header{"date", "id", "type", "modality", "category", "quad", "score"};
    for (const auto& a : options.actors) header.push_back(a);
    header.push_back("label");
    Table table(header);
    for (const auto& entry : diplograph::timeline(graph, options)) {
      std::vector<std::string> row{entry.date.to_string(), std::string(entry.event.id()),
                                   std::string(entry.event.type()),
                                   std::string(diplograph::modality_name(entry.event.modality()))};
      row.push_back(entry.plover ? entry.plover->name : "");
      row.push_back(entry.plover ? std::string(diplograph::quad_name(entry.plover->quad)) : "");
      row.push_back(entry.plover ? score_text(entry.plover->score) : "");
      for (const auto& roles : entry.roles) {
        std::string text;
        for (const auto& r : roles) text += (text.empty() ? "" : "+") + r;
        row.push_back(text);
      }
      row.emplace_back(entry.event.label());
      table.add(std::move(row));
    }
    table.print(std::cout);
  });
}

}  // namespace cli
