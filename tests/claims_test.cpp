// Claims and modality: find_claims() filters (disputed, source, actor), timelines by modality,
// and views that keep only facts of some modalities (what `path --actual-only` searches).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/io.hpp"
#include "diplograph/view.hpp"

using namespace diplograph;

namespace {

const Graph& fixture() {
  static const Graph graph = load(std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "fixtures/claims");
  return graph;
}

// A fact as "id" for a node and "id" or "from-TYPE->to" for an edge.
std::string name(const FactClaims& f) {
  if (const Node* n = std::get_if<Node>(&f.fact)) return std::string(n->id());
  const Edge e = std::get<Edge>(f.fact);
  if (!e.id().empty()) return std::string(e.id());
  return std::string(e.from().id()) + "-" + std::string(e.type()) + "->" + std::string(e.to().id());
}

std::vector<std::string> names(const std::vector<FactClaims>& facts) {
  std::vector<std::string> out;
  for (const auto& f : facts) out.push_back(name(f));
  return out;
}

std::vector<std::string> ids(const Graph& g) {
  std::vector<std::string> out;
  for (Node n : g.nodes()) out.emplace_back(n.id());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("find_claims lists cited facts, nodes then edges, and only disputed ones on request") {
  const Graph& g = fixture();
  const auto all = find_claims(g);
  CHECK(all.size() == 21);  // every node and edge with a citation; sources and uncited facts are left out
  CHECK(std::none_of(all.begin(), all.end(), [](const FactClaims& f) { return name(f).starts_with("src-"); }));

  ClaimFilter disputed;
  disputed.disputed_only = true;
  const auto contested = find_claims(g, disputed);
  CHECK(names(contested) == std::vector<std::string>{"rupture", "thaw", "e-downing-actor", "e-downing-caused-crisis",
                                                     "armenia-PARTICIPANT->thaw"});
  // Both stances are kept, each with its own source and quote, in citation order.
  const Claims& rupture = contested[0].claims;
  REQUIRE(rupture.asserting.size() == 1);
  REQUIRE(rupture.disputing.size() == 2);
  CHECK(rupture.asserting[0].source_id == "src-b");
  CHECK(rupture.disputing[0].source_id == "src-a");
  CHECK(rupture.disputing[0].quote == "not a rupture");
  CHECK(rupture.disputing[1].source->label() == "Article C");
  // A fact only disputed (no source asserts it) is still a disputed fact.
  CHECK(contested[1].claims.asserting.empty());
}

TEST_CASE("find_claims by source: facts it cites, asserting or disputing") {
  const Graph& g = fixture();
  ClaimFilter f;
  f.source = "src-c";
  f.disputed_only = true;
  CHECK(names(find_claims(g, f)) ==
        std::vector<std::string>{"rupture", "thaw", "e-downing-caused-crisis", "armenia-PARTICIPANT->thaw"});
  f.disputed_only = false;
  CHECK(find_claims(g, f).size() == 7);

  f.source = "src-z";
  CHECK_THROWS_WITH_AS(find_claims(g, f), doctest::Contains("src-z"), Error);
  f.source = "russia";
  CHECK_THROWS_WITH_AS(find_claims(g, f), "error: 'russia' is a State, not a source", Error);
}

TEST_CASE("find_claims by actor: its node, its edges, its events and agreements with their edges") {
  const Graph& g = fixture();
  ClaimFilter f;
  f.actor = "russia";
  // Russia's edges reach four events (the expected visit too) and the CIS, which is no event:
  // its other members' edges are not about Russia. The crisis brings in what caused it, the
  // meetings Azerbaijan's participation. Uncited facts (e-dm-place, e-mv-russia) are left out.
  CHECK(names(find_claims(g, f)) == std::vector<std::string>{"russia", "downing", "crisis", "dushanbe-meeting",
                                                             "moscow-visit", "e-downing-actor",
                                                             "e-downing-caused-crisis", "e-crisis-actor",
                                                             "e-dm-azerbaijan", "e-dm-russia", "e-mv-azerbaijan"});
  f.disputed_only = true;
  CHECK(names(find_claims(g, f)) == std::vector<std::string>{"e-downing-actor", "e-downing-caused-crisis"});

  f.disputed_only = false;
  f.actor = "armenia";
  f.source = "src-c";
  CHECK(names(find_claims(g, f)) ==
        std::vector<std::string>{"armenia", "thaw", "peace-treaty", "war", "armenia-PARTICIPANT->thaw"});
  f.about_types = {"Agreement"};
  CHECK(names(find_claims(g, f)) == std::vector<std::string>{"armenia", "peace-treaty", "armenia-PARTICIPANT->thaw"});
  f.about_types = {"Agreemnt"};
  CHECK_THROWS_AS(find_claims(g, f), Error);
  f.about_types = {};
  f.actor = "nobody";
  CHECK_THROWS_AS(find_claims(g, f), Error);
}

TEST_CASE("timeline keeps only events of the chosen modalities") {
  const Graph& g = fixture();
  TimelineOptions o;
  o.actors = {"azerbaijan"};
  auto events = [&] {
    std::vector<std::string> out;
    for (const auto& e : timeline(g, o)) out.emplace_back(e.event.id());
    return out;
  };
  CHECK(events() == std::vector<std::string>{"rupture", "dushanbe-meeting", "moscow-visit"});
  o.modalities = {Modality::expected, Modality::possible};
  CHECK(events() == std::vector<std::string>{"moscow-visit"});
  o.actors = {};
  o.event_type = "Event";
  o.modalities = {Modality::actual};
  // The thaw has only an end, so no date to place it by.
  CHECK(events() == std::vector<std::string>{"downing", "crisis", "rupture", "dushanbe-meeting"});
}

TEST_CASE("a view by modality keeps only facts of those modalities, nodes and edges") {
  const Graph& g = fixture();
  ViewOptions o;
  o.modalities = {Modality::actual};
  const Graph actual = view(g, o);
  CHECK_FALSE(actual.find("moscow-visit"));
  CHECK_FALSE(actual.find("peace-treaty"));
  CHECK_FALSE(actual.find("war"));
  for (Node n : actual.nodes()) CHECK(n.modality() == Modality::actual);
  for (Edge e : actual.edges()) CHECK(e.modality() == Modality::actual);
  CHECK(actual.edge_count() == g.edge_count() - 7);  // the 7 non-actual edges (and none more)

  // Armenia reaches Russia in two steps only through the hypothetical end of Russia's CIS
  // membership; among actual facts the way is longer.
  const auto any = shortest_path(g, g.at("armenia"), g.at("russia"));
  REQUIRE(any);
  CHECK(any->edges.size() == 2);
  const auto real = shortest_path(actual, actual.at("armenia"), actual.at("russia"));
  REQUIRE(real);
  CHECK(real->edges.size() == 4);

  o.modalities = {Modality::hypothetical};
  CHECK(ids(view(g, o)) == std::vector<std::string>{"war"});
  CHECK(view(g, o).edge_count() == 0);  // hypothetical edges lose their actual ends
}
