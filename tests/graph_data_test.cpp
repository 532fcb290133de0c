// The bundled Azerbaijan-Russia graph: it loads, every fact is sourced, every quote is verbatim
// in its article, and analysts' questions get the curated answers through the C++ API.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "diplograph/json.hpp"
#include "test_support.hpp"

using namespace diplograph;
namespace fs = std::filesystem;

namespace {
const Graph& bundled() {
  static const Graph g = load(DIPLOGRAPH_GRAPH_DIR);
  return g;
}

// Every citation of the graph, with what it is cited for.
std::vector<std::pair<std::string, CitationRef>> all_citations(const Graph& g) {
  std::vector<std::pair<std::string, CitationRef>> out;
  for (Node n : g.nodes())
    for (const auto& c : n.sources()) out.emplace_back("node " + std::string(n.id()), c);
  for (Edge e : g.edges())
    for (const auto& c : e.sources()) out.emplace_back("edge " + std::string(e.id()), c);
  return out;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::set<std::string> ids_of(const std::vector<Node>& nodes) {
  std::set<std::string> out;
  for (const auto& n : nodes) out.emplace(n.id());
  return out;
}

// The nodes at the other end of `node`'s edges of one type.
std::set<std::string> neighbours(const Graph& g, std::string_view node, Direction dir, const std::string& type) {
  std::set<std::string> out;
  const Node n = g.at(node);
  for (const Edge& e : g.edges_at(n, dir, std::vector<std::string>{type}))
    out.emplace(e.from() == n ? e.to().id() : e.from().id());
  return out;
}
// Every fact's id (node or edge) with the (source, stance) pairs of its citations.
std::map<std::string, std::set<std::pair<std::string, std::string>>> stances_by_fact(const Graph& g) {
  std::map<std::string, std::set<std::pair<std::string, std::string>>> out;
  for (Node n : g.nodes())
    for (const auto& c : n.sources()) out[std::string(n.id())].emplace(c.source, stance_name(c.stance));
  for (Edge e : g.edges())
    for (const auto& c : e.sources()) out[std::string(e.id())].emplace(c.source, stance_name(c.stance));
  return out;
}

// One row of the "Contested claims" table in graph-data/README.md.
struct ListedClaim {
  std::string fact;
  std::set<std::string> asserting, disputing;
};

// The `backquoted` words of a table cell.
std::set<std::string> backquoted(std::string_view cell) {
  std::set<std::string> out;
  for (auto open = cell.find('`'); open != std::string_view::npos; open = cell.find('`', open + 1)) {
    const auto close = cell.find('`', open + 1);
    if (close == std::string_view::npos) break;
    out.emplace(cell.substr(open + 1, close - open - 1));
    open = close;
  }
  return out;
}

// Rows `| fact | claim | asserted by | disputed by |` of the README section "## Contested claims".
std::vector<ListedClaim> listed_contested_claims() {
  const std::string readme = test::read_file(fs::path(DIPLOGRAPH_GRAPH_DIR) / "README.md");
  const auto start = readme.find("\n## Contested claims\n");
  REQUIRE_MESSAGE(start != std::string::npos, "graph-data/README.md has no section \"## Contested claims\"");
  std::istringstream section(readme.substr(start + 1, readme.find("\n## ", start + 1) - start - 1));
  std::vector<ListedClaim> claims;
  for (std::string line; std::getline(section, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string_view> cells;
    for (std::string_view rest = line; !rest.empty();) {
      const auto bar = rest.find('|');
      cells.push_back(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
    REQUIRE_MESSAGE(cells.size() >= 5, line);  // "", fact, claim, asserted by, disputed by
    const auto fact = backquoted(cells[1]);
    REQUIRE_MESSAGE(fact.size() == 1, line);
    claims.push_back({*fact.begin(), backquoted(cells[3]), backquoted(cells[4])});
  }
  return claims;
}
}  // namespace

TEST_CASE("the bundled graph loads and every fact but a source cites a source") {
  const Graph& g = bundled();
  CHECK(g.node_count() > 150);
  CHECK(g.edge_count() > 300);
  CHECK(g.nodes_of_type("Source").size() == 5);
  for (Node n : g.nodes())
    if (!n.is_a("Source")) CHECK_MESSAGE(!n.sources().empty(), n.id());
  for (Edge e : g.edges()) CHECK_MESSAGE(!e.sources().empty(), e.id());
}

TEST_CASE("every quote occurs verbatim in the article it cites") {
  const fs::path seeds = DIPLOGRAPH_SEEDS_DIR;
  if (!fs::is_directory(seeds)) {
    MESSAGE("the seed articles are not beside this checkout; quote check skipped");
    return;
  }
  const Graph& g = bundled();
  std::map<std::string, std::string> text_of;  // source id -> article text
  for (Node s : g.nodes_of_type("Source")) {
    const auto file = s.prop("seed_file");
    REQUIRE_MESSAGE(file.has_value(), s.id());
    text_of[std::string(s.id())] = test::read_file(seeds / file->as_string());
    CHECK_MESSAGE(!text_of[std::string(s.id())].empty(), file->as_string());
  }
  int checked = 0;
  for (const auto& [fact, c] : all_citations(g)) {
    INFO(fact, " cites ", c.source);
    CHECK(!c.quote.empty());
    CHECK(text_of.at(std::string(c.source)).find(c.quote) != std::string::npos);
    ++checked;
  }
  CHECK(checked > 500);
}

TEST_CASE("analysts' questions: who brokered the road access to Nakhijevan") {
  const Graph& g = bundled();
  CHECK(neighbours(g, "washington-declaration", Direction::in, "BROKER") == std::set<std::string>{"united-states"});
  CHECK(neighbours(g, "washington-declaration-nakhijevan-road", Direction::out, "PART_OF") ==
        std::set<std::string>{"washington-declaration"});
}

TEST_CASE("analysts' questions: which sources report the closure of Sputnik Azerbaijan") {
  std::set<std::string> sources;
  for (const auto& c : bundled().at("sputnik-azerbaijan-closure").sources()) sources.emplace(c.source);
  CHECK(sources == std::set<std::string>{"src-melkonian-calculated-confrontation"});
}

TEST_CASE("analysts' questions: what triggered the crisis is asserted by one source and disputed by another") {
  const Graph& g = bundled();
  std::set<std::pair<std::string, std::string>> claims;
  for (const Edge& e : g.edges_at(g.at("az-ru-crisis"), Direction::in, std::vector<std::string>{"TRIGGERED"}))
    if (e.from().id() == "azal-8243-downing")
      for (const auto& c : e.sources()) claims.emplace(c.source, stance_name(c.stance));
  CHECK(claims.count({"src-mammadov-new-normal", "asserts"}) == 1);
  CHECK(claims.count({"src-melkonian-calculated-confrontation", "disputes"}) == 1);
}

TEST_CASE("analysts' questions: events involving Russia and Azerbaijan, August to October 2025") {
  const Graph& g = bundled();
  const Date from = Date::parse("2025-08"), to = Date::parse("2025-10");
  auto roles_of = [&](std::string_view actor) {
    std::set<std::string> events;
    for (const Edge& e : g.edges_at(g.at(actor), Direction::out))
      if (e.to().is_a("Event") && !e.to().is_a("Development")) events.emplace(e.to().id());  // trends are not events
    return events;
  };
  const auto russian = roles_of("russia"), azerbaijani = roles_of("azerbaijan");
  std::set<std::string> both;
  for (const auto& id : russian)
    if (azerbaijani.count(id) && g.at(id).when() && g.at(id).when()->within(from, to, Certainty::definitely))
      both.insert(id);
  CHECK(
      joined(both) ==
      "caspian-naval-commanders-meeting-2025-10 cis-summit-2025-10 igc-astrakhan-2025-08 putin-aliyev-meeting-2025-10 "
      "rasul-gamzatov-port-call russia-acknowledges-mistake socar-attacks-2025-08");
}

TEST_CASE("analysts' questions: earlier flare-ups that were resolved swiftly") {
  std::set<std::string> swift;
  for (Node n : bundled().nodes_of_type("Incident"))
    if (const auto outcome = n.prop("outcome"); outcome && outcome->to_string() == "resolved swiftly")
      swift.emplace(n.id());
  CHECK(swift == std::set<std::string>{"helicopter-downing-2020", "peacekeepers-killing-2023"});
}

TEST_CASE("names in the texts are found however they are written") {
  const Graph& g = bundled();
  CHECK(ids_of(g.find_by_name("ALIYEV")).count("ilham-aliyev") == 1);
  CHECK(ids_of(g.find_by_name("Moscow")).count("russia") == 1);
  CHECK(!g.find_by_name("Nakhijevan").empty());
}

TEST_CASE("every contested claim listed in graph-data/README.md keeps the stances it lists") {
  const auto stances = stances_by_fact(bundled());
  const auto claims = listed_contested_claims();
  CHECK(claims.size() >= 18);
  for (const auto& claim : claims) {
    INFO("contested claim ", claim.fact);
    REQUIRE(stances.count(claim.fact) == 1);
    CHECK(!claim.asserting.empty());
    CHECK(!claim.disputing.empty());
    for (const auto& source : claim.asserting) CHECK_MESSAGE(stances.at(claim.fact).count({source, "asserts"}), source);
    for (const auto& source : claim.disputing)
      CHECK_MESSAGE(stances.at(claim.fact).count({source, "disputes"}), source);
  }
}

TEST_CASE("every fact one source asserts and another disputes is listed in graph-data/README.md") {
  std::set<std::string> listed;
  for (const auto& claim : listed_contested_claims()) listed.insert(claim.fact);
  for (const auto& [fact, cited] : stances_by_fact(bundled())) {
    const bool asserted = std::any_of(cited.begin(), cited.end(), [](const auto& c) { return c.second == "asserts"; });
    const bool disputed = std::any_of(cited.begin(), cited.end(), [](const auto& c) { return c.second == "disputes"; });
    if (asserted && disputed) CHECK_MESSAGE(listed.count(fact) == 1, fact, " is contested but not listed");
  }
}
