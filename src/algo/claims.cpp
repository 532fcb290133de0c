// claims() of one fact and find_claims() over a graph.

#include "algo/types.hpp"
#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"

namespace diplograph {
namespace {

template <class Fact>
Claims claims_of(const Graph& g, const Fact& fact) {
  Claims out;
  for (const CitationRef& c : fact.sources())
    (c.stance == Stance::disputes ? out.disputing : out.asserting)
        .push_back(Claim{g.find(c.source), std::string(c.source), std::string(c.quote)});
  return out;
}

Node source_node(const Graph& g, const std::string& id) {
  const Node n = g.at(id);
  const auto source_type = g.schema().source_type();
  if (!source_type || !g.schema().is_a(n.type_id(), *source_type))
    throw Error(ErrorCode::reference, "'" + id + "' is a " + std::string(n.type()) + ", not a source");
  return n;
}

std::vector<std::string> about_types(const Schema& schema, const ClaimFilter& filter) {
  if (!filter.about_types.empty()) return filter.about_types;
  std::vector<std::string> types;
  for (const char* name : {"Event", "Agreement", "Document"})
    if (schema.find_node_type(name)) types.emplace_back(name);
  return types;
}

// What ClaimFilter::actor says a fact about the actor is: marks those nodes and edges.
struct About {
  std::vector<bool> nodes, edges;
};

About about_actor(const Graph& g, const ClaimFilter& filter) {
  About about{std::vector<bool>(g.node_count()), std::vector<bool>(g.edge_count())};
  const Node actor = g.at(*filter.actor);
  const std::vector<bool> types = algo::node_type_mask(g.schema(), about_types(g.schema(), filter));
  auto mark_edges_at = [&](NodeIndex n, auto&& also) {
    algo::for_each_edge(g, n, Direction::both, {}, [&](EdgeIndex e, NodeIndex other, bool) {
      about.edges[e] = true;
      also(other);
    });
  };
  about.nodes[actor.index()] = true;
  mark_edges_at(actor.index(), [&](NodeIndex other) {
    if (types.empty() || !types[g.node(other).type_id()] || about.nodes[other]) return;
    about.nodes[other] = true;
    mark_edges_at(other, [](NodeIndex) {});
  });
  return about;
}

bool cites(const std::vector<Claim>& claims, std::string_view source) {
  for (const Claim& c : claims)
    if (c.source_id == source) return true;
  return false;
}

bool passes(const Claims& c, const ClaimFilter& filter) {
  if (c.asserting.empty() && c.disputing.empty()) return false;
  if (filter.disputed_only && !c.disputed()) return false;
  return !filter.source || cites(c.asserting, *filter.source) || cites(c.disputing, *filter.source);
}

}  // namespace

Claims claims(const Graph& g, Node fact) {
  algo::check_owned(g, fact);
  return claims_of(g, fact);
}
Claims claims(const Graph& g, Edge fact) {
  algo::check_owned(g, fact);
  return claims_of(g, fact);
}

std::vector<FactClaims> find_claims(const Graph& g, const ClaimFilter& filter) {
  if (filter.source) source_node(g, *filter.source);
  std::optional<About> about;
  if (filter.actor) about = about_actor(g, filter);
  std::vector<FactClaims> out;
  for (Node n : g.nodes()) {
    if (about && !about->nodes[n.index()]) continue;
    Claims c = claims_of(g, n);
    if (passes(c, filter)) out.push_back({n, std::move(c)});
  }
  for (Edge e : g.edges()) {
    if (about && !about->edges[e.index()]) continue;
    Claims c = claims_of(g, e);
    if (passes(c, filter)) out.push_back({e, std::move(c)});
  }
  return out;
}

}  // namespace diplograph
