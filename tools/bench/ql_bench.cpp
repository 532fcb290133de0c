// diplograph-ql-bench: each question asked in the query language and written by hand against
// the C++ API (typed adjacency spans, the edge array), in one run, on the same graph; prints the
// times and the ratio QL / C++ per question, and checks that both give the same answer.
//
//   diplograph-ql-bench --graph /tmp/g1m [--peer /tmp/peer-store/work/dg --seeds seeds.json]
//
// On the generator's graph (graph-data's schema) it asks a type+date filter over edges, a
// two-label pattern, a group-by over all edges, 2-hop neighbourhoods of pinned nodes and an
// 8-hop count between two pinned nodes; on the peer-bench graph, its Q2 (type+date filter) and
// Q5 (pattern), as tools/bench/peer/dg_peer.cpp asks them.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/algo.hpp"
#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"

namespace dg = diplograph;

namespace {

using Clock = std::chrono::steady_clock;

// Best of `runs` wall times, in milliseconds; `answer` gets the last result.
double best_ms(int runs, const std::function<long()>& f, long& answer) {
  double best = 1e300;
  for (int k = 0; k < runs; ++k) {
    const auto t = Clock::now();
    answer = f();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  return best;
}

long count_of(const dg::QueryResult& r) {
  long total = 0;
  for (const auto& row : r.rows) total += static_cast<long>(row.back().value.as_int());
  return total;
}

struct Question {
  std::string name, text;
  std::function<long()> cpp;
  dg::Parameters params = {};
};

int report(const std::string& graph_name, const dg::Graph& g, const std::vector<Question>& questions, int runs,
           const std::string& only) {
  int mismatches = 0;
  for (const Question& q : questions) {
    if (q.name.find(only) == std::string::npos) continue;
    dg::QueryOptions options;
    options.params = q.params;
    const dg::Query compiled = dg::Query::compile(g.schema(), q.text);
    long ql_answer = 0, cpp_answer = 0;
    const double ql = best_ms(
        runs, [&] { return count_of(compiled.run(g, options)); }, ql_answer);
    const double cpp = best_ms(runs, q.cpp, cpp_answer);
    const bool same = ql_answer == cpp_answer;
    mismatches += !same;
    std::printf("| %s | %s | %.3f | %.3f | %.2f | %ld%s |\n", graph_name.c_str(), q.name.c_str(), ql, cpp, ql / cpp,
                ql_answer, same ? "" : (" != " + std::to_string(cpp_answer)).c_str());
  }
  return mismatches;
}

dg::TypeId node_type(const dg::Graph& g, const std::string& name) { return g.schema().find_node_type(name)->id; }
dg::TypeId edge_type(const dg::Graph& g, const std::string& name) { return g.schema().find_edge_type(name)->id; }

// Node types that are `name` or a subtype of it, by TypeId.
std::vector<bool> kinds_of(const dg::Graph& g, const std::string& name) {
  std::vector<bool> out(g.schema().node_types().size());
  for (dg::TypeId t : g.schema().subtypes(node_type(g, name))) out[t] = true;
  out[node_type(g, name)] = true;
  return out;
}

// Edges of `types` whose date lies wholly within [from, to]: what `r.date >= date(from) AND
// r.date <= date(to)` keeps.
long dated_edges(const dg::Graph& g, const std::vector<std::string>& types, const std::string& from,
                 const std::string& to) {
  std::vector<bool> want(g.schema().edge_types().size());
  for (const auto& t : types) want[edge_type(g, t)] = true;
  const std::int32_t lo = dg::Date::parse(from).earliest(), hi = dg::Date::parse(to).latest();
  long n = 0;
  for (dg::Edge e : g.edges()) {
    if (!want[e.type_id()]) continue;
    const auto d = e.date();
    if (d && d->earliest() >= lo && d->latest() <= hi) ++n;
  }
  return n;
}

// The ids as a query parameter `ids`.
dg::Parameters id_list(const std::vector<std::string>& ids) {
  dg::Parameters p;
  std::string list;
  for (const auto& s : ids) list += (list.empty() ? "\"" : ",\"") + s + "\"";
  p.set_json("ids", "[" + list + "]");
  return p;
}

// Nodes within `hops` out-hops of each seed, the seed excluded, summed: the C++ API's k_hop()
// and the query language's count(DISTINCT b), which peer-bench's Q3 reads as.
Question k_hop_question(const dg::Graph& g, const std::string& name, const std::vector<std::string>& seeds, int hops) {
  return {name,
          "UNWIND $ids AS id MATCH (a {id: id})-[*1.." + std::to_string(hops) +
              "]->(b) WHERE b <> a WITH id, count(DISTINCT b) AS n RETURN sum(n)",
          [&g, seeds, hops] {
            dg::TraversalOptions out;
            out.direction = dg::Direction::out;
            long n = 0;
            for (const auto& id : seeds) n += static_cast<long>(dg::k_hop(g, g.at(id), hops, out).size());
            return n;
          },
          id_list(seeds)};
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::vector<Question> generated_questions(const dg::Graph& g) {
  std::vector<Question> qs;
  const std::vector<std::string> q2_types{"ACTOR", "TARGETED"};
  qs.push_back({"type+date filter",
                "MATCH ()-[r:ACTOR|TARGETED]->() WHERE r.date >= date('2020-01-01') AND r.date <= date('2020-12-31') "
                "RETURN count(r)",
                [&g, q2_types] { return dated_edges(g, q2_types, "2020-01-01", "2020-12-31"); }});
  qs.push_back(
      {"pattern (State)-[SIGNATORY]->(Agreement)", "MATCH (a:State)-[:SIGNATORY]->(x:Agreement) RETURN count(*)", [&g] {
         const auto state = kinds_of(g, "State"), agreement = kinds_of(g, "Agreement");
         const dg::TypeId sig = edge_type(g, "SIGNATORY");
         long n = 0;
         for (dg::TypeId t = 0; t < state.size(); ++t)
           if (state[t])
             for (dg::NodeIndex a : g.nodes_of_type(t))
               for (dg::NodeIndex x : g.out_neighbors(a, sig)) n += agreement[g.node(x).type_id()];
         return n;
       }});
  qs.push_back({"edges per type", "MATCH ()-[r]->() RETURN type(r), count(*)", [&g] {
                  std::vector<long> per(g.schema().edge_types().size());
                  for (dg::Edge e : g.edges()) ++per[e.type_id()];
                  long n = 0;
                  for (long c : per) n += c;
                  return n;
                }});
  std::vector<std::string> seeds;
  for (dg::NodeIndex i = 0; i < g.node_count() && seeds.size() < 100; i += 997) seeds.emplace_back(g.node(i).id());
  qs.push_back({"2-hop out from 100 ids", "UNWIND $ids AS id MATCH (a {id: id})-->()-->(c) RETURN count(*)",
                [&g, seeds] {
                  long n = 0;
                  for (const auto& id : seeds)
                    for (dg::NodeIndex b : g.out_neighbors(g.at(id).index())) n += g.out_neighbors(b).size();
                  return n;
                },
                id_list(seeds)});
  qs.push_back(k_hop_question(g, "3-hop out-neighbourhood of 100 ids", seeds, 3));
  return qs;
}

// seeds.json: the peer-bench parameters (flat keys; read by hand, as dg_peer.cpp does).
std::vector<std::string> strings_after(const std::string& text, const std::string& key) {
  std::vector<std::string> out;
  std::size_t at = text.find(":", text.find("\"" + key + "\"")) + 1;
  const std::size_t end = text[text.find_first_not_of(" \n", at)] == '[' ? text.find(']', at) : text.find('\n', at);
  for (at = text.find('"', at); at < end; at = text.find('"', at)) {
    const std::size_t close = text.find('"', at + 1);
    out.push_back(text.substr(at + 1, close - at - 1));
    at = close + 1;
  }
  return out;
}

std::vector<Question> peer_questions(const dg::Graph& g, const std::string& seeds_file) {
  std::ifstream in(seeds_file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string seeds = ss.str();
  const auto types = strings_after(seeds, "q2_edge_types");
  const std::string from = strings_after(seeds, "q2_from").at(0), to = strings_after(seeds, "q2_to").at(0);
  std::vector<Question> qs;
  qs.push_back({"Q2 type+date filter",
                "MATCH ()-[r:" + joined(types, "|") + "]->() WHERE r.date >= date('" + from +
                    "') AND r.date <= date('" + to + "') RETURN count(*)",
                [&g, types, from, to] { return dated_edges(g, types, from, to); }});
  const std::string hops = seeds.substr(seeds.find(':', seeds.find("\"q3_hops\"")) + 1);
  qs.push_back(k_hop_question(g, "Q3 k-hop neighbourhood", strings_after(seeds, "q3_seeds"), std::stoi(hops)));
  qs.push_back({"Q5 pattern",
                "MATCH (a:Person)-[r:KNOWS]->(b:Person)-[:WORKS_AT]->(c:Organization) "
                "WHERE r.date >= date('2020-01-01') RETURN count(*)",
                [&g] {
                  const dg::TypeId person = node_type(g, "Person"), org = node_type(g, "Organization");
                  const dg::TypeId knows = edge_type(g, "KNOWS"), works = edge_type(g, "WORKS_AT");
                  const std::int32_t from = dg::Date::parse("2020-01-01").earliest();
                  long n = 0;
                  for (dg::NodeIndex a : g.nodes_of_type(person))
                    for (dg::EdgeIndex e : g.out_edges(a, knows)) {
                      const dg::Edge k = g.edge(e);
                      const auto d = k.date();
                      if (!d || d->earliest() < from || k.to().type_id() != person) continue;
                      for (dg::NodeIndex c : g.out_neighbors(k.to().index(), works)) n += g.node(c).type_id() == org;
                    }
                  return n;
                }});
  return qs;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app("Times each question in the query language against the same question in C++");
  std::string graph_dir, peer_dir, seeds, only;
  int runs = 3;
  app.add_option("--graph", graph_dir, "A graph from diplograph-generate (graph-data's schema)");
  app.add_option("--peer", peer_dir, "The peer-bench graph converted for diplograph");
  app.add_option("--seeds", seeds, "The peer-bench seeds.json");
  app.add_option("--only", only, "Only the questions whose name contains this text");
  app.add_option("--runs", runs, "Runs per question; the best is shown")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  std::printf("| graph | question | QL ms | C++ ms | QL/C++ | answer |\n|---|---|---|---|---|---|\n");
  int mismatches = 0;
  if (!graph_dir.empty()) {
    const dg::Graph g = dg::load(graph_dir);
    mismatches += report("generated", g, generated_questions(g), runs, only);
  }
  if (!peer_dir.empty() && !seeds.empty()) {
    const dg::Graph g = dg::load(peer_dir);
    mismatches += report("peer-bench", g, peer_questions(g, seeds), runs, only);
  }
  return mismatches ? 2 : 0;
} catch (const dg::Error& e) {
  std::cerr << e.what() << '\n';
  return 2;
}
