// timeline() and plover_category().

#include <algorithm>

#include "algo/types.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"

namespace diplograph {
namespace {

// The types of the edges between `event` and `actor`, either way, in stored order.
std::vector<std::string> roles_between(const Graph& g, Node event, Node actor) {
  std::vector<std::string> roles;
  // From the event's side: an event has a handful of edges, an actor may have thousands.
  for (EdgeIndex e : g.out_edges(event.index()))
    if (g.edge(e).to() == actor) roles.emplace_back(g.edge(e).type());
  for (EdgeIndex e : g.in_edges(event.index()))
    if (g.edge(e).from() == actor) roles.emplace_back(g.edge(e).type());
  return roles;
}

bool in_range(const Date& d, const TimelineOptions& o) {
  if (o.certainty == Certainty::definitely)
    return (!o.from || d.earliest() >= o.from->earliest()) && (!o.to || d.latest() <= o.to->latest());
  return (!o.from || d.latest() >= o.from->earliest()) && (!o.to || d.earliest() <= o.to->latest());
}

}  // namespace

std::optional<PloverCategory> plover_category(const Graph& g, Node event) {
  algo::check_owned(g, event);
  for (const PropertyRef& p : event.props()) {
    const PropertySpec* spec = g.schema().node_property(event.type_id(), p.name);
    if (!spec || spec->vocabulary != Schema::plover_vocabulary || !p.value.is_string()) continue;
    if (const PloverCategory* c = g.schema().plover(p.value.as_string())) return *c;
  }
  return std::nullopt;
}

std::vector<TimelineEntry> timeline(const Graph& g, const TimelineOptions& o) {
  const std::vector<bool> types = algo::node_type_mask(g.schema(), {o.event_type});
  std::vector<Node> actors;
  for (const std::string& id : o.actors) actors.push_back(g.at(id));

  // Candidates: the events around the first actor, or every event when no actor is given.
  std::vector<Node> candidates;
  if (actors.empty()) {
    candidates = g.nodes_of_type(o.event_type);
  } else {
    for (Edge e : g.edges_at(actors.front(), Direction::both)) {
      Node other = e.from() == actors.front() ? e.to() : e.from();
      if (types[other.type_id()]) candidates.push_back(other);
    }
    std::sort(candidates.begin(), candidates.end(), [](Node a, Node b) { return a.index() < b.index(); });
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }

  std::vector<TimelineEntry> out;
  for (Node event : candidates) {
    std::optional<Date> when = event.when();
    if (!when || !in_range(*when, o)) continue;
    if (!o.modalities.empty() &&
        std::find(o.modalities.begin(), o.modalities.end(), event.modality()) == o.modalities.end())
      continue;
    TimelineEntry entry{event, *when, {}, plover_category(g, event)};
    bool all = true;
    for (Node actor : actors) {
      entry.roles.push_back(roles_between(g, event, actor));
      all = all && !entry.roles.back().empty();
    }
    if (all) out.push_back(std::move(entry));
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.event.id() < b.event.id();
  });
  return out;
}

}  // namespace diplograph
