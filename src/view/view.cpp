#include "diplograph/view.hpp"

#include <algorithm>
#include <climits>
#include <deque>

#include "diplograph/error.hpp"
#include "schema/type_names.hpp"

namespace diplograph {
namespace {

// The span a fact covers in a time window: a point date, or start..end.
template <class Fact>
std::pair<std::optional<Date>, std::optional<Date>> window_span(const Fact& f) {
  if (auto d = f.date()) return {d, d};
  return {f.start(), f.end()};
}

// The span a fact is valid over on a given day: an event, once it happened, stays happened.
template <class Fact>
std::pair<std::optional<Date>, std::optional<Date>> validity_span(const Fact& f) {
  if (auto d = f.date()) return {d, std::nullopt};
  return {f.start(), f.end()};
}

template <class Fact>
bool cites(const Fact& f, std::string_view source) {
  for (const CitationRef& c : f.sources())
    if (c.source == source) return true;
  return false;
}

template <class Fact>
bool of_modality(const Fact& f, const ViewOptions& o) {
  return o.modalities.empty() ||
         std::find(o.modalities.begin(), o.modalities.end(), f.modality()) != o.modalities.end();
}

template <class Fact>
bool in_time(const Fact& f, const ViewOptions& o) {
  if (o.from || o.to) {
    auto [b, e] = window_span(f);
    if (!possibly_overlaps(b, e, o.from, o.to)) return false;
  }
  if (o.as_of) {
    auto [b, e] = validity_span(f);
    if (!valid_on(b, e, *o.as_of)) return false;
  }
  return true;
}

// Keeps the nodes within `depth` hops of `center` over kept edges, and drops every other node.
void keep_ego(const Graph& g, NodeIndex center, int depth, std::vector<bool>& keep_nodes,
              const std::vector<bool>& keep_edges) {
  std::vector<int> dist(g.node_count(), -1);
  std::deque<NodeIndex> queue{center};
  dist[center] = 0;
  while (!queue.empty()) {
    NodeIndex n = queue.front();
    queue.pop_front();
    if (dist[n] == depth) continue;
    auto visit = [&](std::span<const EdgeIndex> edges, bool out) {
      for (EdgeIndex e : edges) {
        if (!keep_edges[e]) continue;
        Edge edge = g.edge(e);
        NodeIndex other = out ? edge.to().index() : edge.from().index();
        if (!keep_nodes[other] || dist[other] >= 0) continue;
        dist[other] = dist[n] + 1;
        queue.push_back(other);
      }
    };
    visit(g.out_edges(n), true);
    visit(g.in_edges(n), false);
  }
  for (NodeIndex i = 0; i < keep_nodes.size(); ++i) keep_nodes[i] = dist[i] >= 0;
}

}  // namespace

bool possibly_overlaps(const std::optional<Date>& begin, const std::optional<Date>& end,
                       const std::optional<Date>& from, const std::optional<Date>& to) noexcept {
  if (!begin && !end) return true;
  const std::int32_t lo = begin ? begin->earliest() : INT32_MIN;
  const std::int32_t hi = end ? end->latest() : INT32_MAX;
  if (from && hi < from->earliest()) return false;
  if (to && lo > to->latest()) return false;
  return true;
}

bool valid_on(const std::optional<Date>& begin, const std::optional<Date>& end, const Date& day) noexcept {
  return possibly_overlaps(begin, end, day, day);
}

Graph view(const Graph& g, const ViewOptions& o) {
  if (o.depth < 0) throw Error(ErrorCode::value, "depth must not be negative, got " + std::to_string(o.depth));
  std::optional<Node> center;
  if (o.center) center = g.at(*o.center);
  std::optional<Node> source;
  if (o.source) {
    source = g.at(*o.source);
    auto st = g.schema().source_type();
    if (!st || source->type_id() != *st)
      throw Error(ErrorCode::reference, "'" + *o.source + "' is a " + std::string(source->type()) + ", not a source");
  }
  const std::vector<bool> node_types = o.node_types.empty() ? std::vector<bool>(g.schema().node_types().size(), true)
                                                            : detail::node_type_mask(g.schema(), o.node_types);
  const std::vector<bool> edge_types = detail::edge_type_mask(g.schema(), o.edge_types);

  std::vector<bool> keep_nodes(g.node_count()), keep_edges(g.edge_count());
  for (Node n : g.nodes())
    keep_nodes[n.index()] = node_types[n.type_id()] && in_time(n, o) && of_modality(n, o) &&
                            (!source || n == *source || cites(n, *o.source));
  for (Edge e : g.edges()) {
    keep_edges[e.index()] =
        edge_types[e.type_id()] && in_time(e, o) && of_modality(e, o) && (!source || cites(e, *o.source));
    // What a source says about an edge brings along the nodes it connects.
    if (source && keep_edges[e.index()]) {
      auto pass = [&](Node n) { return node_types[n.type_id()] && in_time(n, o) && of_modality(n, o); };
      if (pass(e.from())) keep_nodes[e.from().index()] = true;
      if (pass(e.to())) keep_nodes[e.to().index()] = true;
    }
  }
  if (center) {
    keep_nodes[center->index()] = true;
    keep_ego(g, center->index(), o.depth, keep_nodes, keep_edges);
  }
  return g.subgraph(keep_nodes, keep_edges);
}

Graph as_of(const Graph& graph, const Date& date) {
  ViewOptions o;
  o.as_of = date;
  return view(graph, o);
}

}  // namespace diplograph
