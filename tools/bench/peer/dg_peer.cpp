// diplograph peer for the perf-probe: what probe.cpp's `bgl` mode does, through diplograph's
// public API (installed package, find_package(diplograph)). A copy of
// ../shared/peer-bench/dg_peer/dg_peer.cpp whose primary timings use the traversal API of
// algo.hpp (neighbour spans, bfs, k_hop); the shared version's loops over out_edges() stay as
// the *_edges_s variants. Built in-tree as diplograph-peer-bench; tools/bench/peer-bench.sh
// runs it in the peer-bench session in place of the shared one.
//
//   dg_peer GRAPH_DIR SEEDS.json
//
// Load = diplograph::load(GRAPH_DIR) (read + parse + schema checks + indexes, as one call).
// Queries Q1..Q6 are probe.cpp's (same parameters from seeds.json, same answers); the primary
// timing of each uses the API a user would reach for:
//   Q1 typed neighbours     algo.hpp neighbors(g, n, TypeId, out) span + Node::type_id()
//   Q2 type+date filter     Cypher: MATCH ()-[r:CITES|MENTIONS]->() WHERE r.date >= .. AND r.date <= ..
//   Q3 3-hop out-nbhd       algo.hpp k_hop(g, n, hops, {out})
//   Q4 full BFS             algo.hpp bfs(g, n, {out})
//   Q5 2-step pattern       Cypher: MATCH (a:Person)-[r:KNOWS]->(b:Person)-[:WORKS_AT]->(c:Organization)
//   Q6 point-to-point SP    algo.hpp shortest_path(direction = out), bidirectional BFS
// and secondary variants are timed beside them (suffixes _cypher / _api), each checked against
// the primary answer. Prints one JSON object on stdout.

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <diplograph/diplograph.hpp>

namespace dg = diplograph;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static double secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }
static double rss_now_mb() {
  std::ifstream f("/proc/self/statm");
  long pages = 0, res = 0;
  f >> pages >> res;
  return res * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}
static double cpu_s() {  // user + system time of the whole process (every thread)
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}
static double rss_peak_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// ---- a tiny reader for seeds.json (flat object of strings, ints, string arrays, pairs); the
// probe uses RapidJSON for this, which is not part of diplograph's public API.
struct Seeds {
  std::vector<std::string> q1_seeds, q2_edge_types, q3_seeds, q4_seeds;
  std::string q1_edge_type, q1_node_type, q2_from, q2_to;
  int q3_hops = 0;
  std::vector<std::pair<std::string, std::string>> q6_pairs;
};
static std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
static std::vector<std::string> strings_in(const std::string& s, std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from; i < to; ++i)
    if (s[i] == '"') {
      std::size_t j = s.find('"', i + 1);
      out.push_back(s.substr(i + 1, j - i - 1));
      i = j;
    }
  return out;
}
// The value of "key": as [begin, end) of the text after the colon up to the matching close.
static std::pair<std::size_t, std::size_t> value_of(const std::string& s, const std::string& key) {
  std::size_t k = s.find("\"" + key + "\"");
  if (k == std::string::npos) throw std::runtime_error("seeds: no key " + key);
  std::size_t i = s.find(':', k) + 1;
  while (s[i] == ' ' || s[i] == '\n') ++i;
  if (s[i] == '[') {
    int depth = 0;
    std::size_t j = i;
    for (; j < s.size(); ++j) {
      if (s[j] == '"')
        j = s.find('"', j + 1);
      else if (s[j] == '[')
        ++depth;
      else if (s[j] == ']' && --depth == 0)
        break;
    }
    return {i, j + 1};
  }
  std::size_t j = i;
  if (s[i] == '"')
    j = s.find('"', i + 1) + 1;
  else
    while (j < s.size() && s[j] != ',' && s[j] != '}' && s[j] != '\n') ++j;
  return {i, j};
}
static Seeds read_seeds(const char* path) {
  const std::string s = slurp(path);
  Seeds r;
  auto list = [&](const char* k) {
    auto [a, b] = value_of(s, k);
    return strings_in(s, a, b);
  };
  auto str = [&](const char* k) { return list(k).at(0); };
  r.q1_seeds = list("q1_seeds");
  r.q1_edge_type = str("q1_edge_type");
  r.q1_node_type = str("q1_node_type");
  r.q2_edge_types = list("q2_edge_types");
  r.q2_from = str("q2_from");
  r.q2_to = str("q2_to");
  r.q3_seeds = list("q3_seeds");
  {
    auto [a, b] = value_of(s, "q3_hops");
    r.q3_hops = std::stoi(s.substr(a, b - a));
  }
  r.q4_seeds = list("q4_seeds");
  auto pairs = list("q6_pairs");
  for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) r.q6_pairs.emplace_back(pairs[i], pairs[i + 1]);
  return r;
}

static long count_cell(const dg::QueryResult& r) { return (long)r.rows.at(0).at(0).value.as_int(); }

// `text`, compiled once, run with $id set to each seed; the first cells summed.
static long count_per_seed(const dg::Graph& g, const std::string& text, const std::vector<std::string>& seeds) {
  const dg::Query q = dg::Query::compile(g.schema(), text);
  long n = 0;
  for (const auto& id : seeds) {
    dg::QueryOptions o;
    o.params.set("id", id);
    n += count_cell(q.run(g, o));
  }
  return n;
}

int main(int argc, char** argv) try {
  if (argc < 3) {
    std::fprintf(stderr, "usage: dg_peer GRAPH_DIR SEEDS.json\n");
    return 1;
  }
  const fs::path dir = argv[1];
  std::size_t bytes = 0;
  if (fs::is_directory(dir)) {
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".json") bytes += fs::file_size(e.path());
  } else {
    bytes = fs::file_size(dir);
  }
  const Seeds S = read_seeds(argv[2]);

  const double cpu0 = cpu_s();
  auto T0 = Clock::now();
  const dg::Graph g = dg::load(dir);
  auto T1 = Clock::now();
  const double load_s = secs(T0, T1);
  const double load_cpu_s = cpu_s() - cpu0;
  const double peak_after_load = rss_peak_mb();
  malloc_trim(0);  // as probe.cpp: freed loader buffers go back, RSS ~ the graph
  const double rss_loaded = rss_now_mb();
  const dg::Schema& schema = g.schema();
  if (argc > 3 && std::string(argv[3]).rfind("profile:", 0) == 0) {  // perf target: one query, N times
    const std::string what = std::string(argv[3]).substr(8);
    const int n = argc > 4 ? std::atoi(argv[4]) : 20;
    long sink = 0;
    std::string types;
    for (const auto& t : S.q2_edge_types) types += (types.empty() ? "" : "|") + t;
    const std::string q2_text = "MATCH ()-[r:" + types + "]->() WHERE r.date >= date('" + S.q2_from +
                                "') AND r.date <= date('" + S.q2_to + "') RETURN count(*)";
    auto p0 = Clock::now();
    for (int i = 0; i < n; ++i) {
      if (what == "q2") sink += count_cell(dg::query(g, q2_text));
      if (what == "q4")
        for (const auto& id : S.q4_seeds) {
          const dg::NodeIndex src = g.at(id).index();
          std::vector<int> d(g.node_count(), -1);
          std::vector<dg::NodeIndex> queue{src};
          d[src] = 0;
          for (std::size_t head = 0; head < queue.size(); ++head)
            for (dg::EdgeIndex e : g.out_edges(queue[head])) {
              const dg::NodeIndex v = g.edge(e).to().index();
              if (d[v] < 0) d[v] = 0, queue.push_back(v);
            }
          sink += (long)queue.size();
        }
    }
    std::printf("{\"profile\":\"%s\",\"n\":%d,\"s_each\":%.6f,\"sink\":%ld}\n", what.c_str(), n,
                secs(p0, Clock::now()) / n, sink);
    return 0;
  }
  auto etype = [&](const std::string& n) { return schema.find_edge_type(n)->id; };
  auto ntype = [&](const std::string& n) { return schema.find_node_type(n)->id; };
  std::string notes;

  // ---- Q1 typed neighbours: out-edges of type WORKS_AT from 1000 Person seeds to an Organization.
  auto t0 = Clock::now();
  long q1 = 0;
  {
    const dg::TypeId et = etype(S.q1_edge_type), nt = ntype(S.q1_node_type);
    for (const auto& id : S.q1_seeds)
      for (dg::NodeIndex t : dg::neighbors(g, g.at(id), et, dg::Direction::out))
        if (g.node(t).type_id() == nt) ++q1;
  }
  auto t1 = Clock::now();
  const double q1_s = secs(t0, t1);
  // variant: the typed edge list, then each edge's target
  t0 = Clock::now();
  long q1e = 0;
  {
    const dg::TypeId et = etype(S.q1_edge_type), nt = ntype(S.q1_node_type);
    for (const auto& id : S.q1_seeds) {
      const dg::Node n = g.at(id);
      for (dg::EdgeIndex e : g.out_edges(n.index(), et))
        if (g.edge(e).to().type_id() == nt) ++q1e;
    }
  }
  t1 = Clock::now();
  const double q1_edges_s = secs(t0, t1);
  // variant: the query language, the seeds as a list parameter (one query, an id seek per row)
  t0 = Clock::now();
  long q1c = 0;
  {
    const dg::Query q = dg::Query::compile(schema, "UNWIND $ids AS id MATCH (a {id: id})-[:" + S.q1_edge_type +
                                                       "]->(b:" + S.q1_node_type + ") RETURN count(*)");
    dg::QueryOptions o;
    std::vector<dg::Value> ids;
    for (const auto& id : S.q1_seeds) ids.emplace_back(id);
    o.params.set("ids", dg::Value(std::move(ids)));
    q1c = count_cell(q.run(g, o));
  }
  t1 = Clock::now();
  const double q1_cypher_s = secs(t0, t1);
  // variant: neighbors() from algo.hpp with edge and node type filters
  t0 = Clock::now();
  long q1n = 0;
  {
    dg::NeighborOptions o;
    o.direction = dg::Direction::out;
    o.edge_types = {S.q1_edge_type};
    o.node_types = {S.q1_node_type};
    for (const auto& id : S.q1_seeds) q1n += (long)dg::neighbors(g, g.at(id), o).size();
  }
  t1 = Clock::now();
  const double q1_neighbors_s = secs(t0, t1);

  // ---- Q2 edge type in {CITES, MENTIONS} and date within [from, to] (whole graph).
  std::string types;
  for (const auto& t : S.q2_edge_types) types += (types.empty() ? "" : "|") + t;
  const std::string q2_text = "MATCH ()-[r:" + types + "]->() WHERE r.date >= date('" + S.q2_from +
                              "') AND r.date <= date('" + S.q2_to + "') RETURN count(*)";
  t0 = Clock::now();
  const long q2 = count_cell(dg::query(g, q2_text));
  t1 = Clock::now();
  const double q2_s = secs(t0, t1);
  // variant: a C++ loop over every edge (type id, then the date's day range)
  t0 = Clock::now();
  long q2a = 0;
  {
    std::vector<bool> want(schema.edge_types().size());
    for (const auto& t : S.q2_edge_types) want[etype(t)] = true;
    const dg::Date from = dg::Date::parse(S.q2_from), to = dg::Date::parse(S.q2_to);
    for (dg::Edge e : g.edges()) {
      if (!want[e.type_id()]) continue;
      auto d = e.date();
      if (d && d->earliest() >= from.earliest() && d->latest() <= to.latest()) ++q2a;
    }
  }
  t1 = Clock::now();
  const double q2_api_s = secs(t0, t1);
  // variant: typed adjacency, only the edges of the two types (every node's out_edges(n, t))
  t0 = Clock::now();
  long q2t = 0;
  {
    std::vector<dg::TypeId> ts;
    for (const auto& t : S.q2_edge_types) ts.push_back(etype(t));
    const dg::Date from = dg::Date::parse(S.q2_from), to = dg::Date::parse(S.q2_to);
    for (dg::NodeIndex n = 0; n < g.node_count(); ++n)
      for (dg::TypeId t : ts)
        for (dg::EdgeIndex e : g.out_edges(n, t)) {
          auto d = g.edge(e).date();
          if (d && d->earliest() >= from.earliest() && d->latest() <= to.latest()) ++q2t;
        }
  }
  t1 = Clock::now();
  const double q2_typed_s = secs(t0, t1);

  // ---- Q3 nodes within q3_hops out-hops of each seed (excluding the seed), summed.
  dg::TraversalOptions out_only;
  out_only.direction = dg::Direction::out;
  t0 = Clock::now();
  long q3 = 0;
  for (const auto& id : S.q3_seeds) q3 += (long)dg::k_hop(g, g.at(id), (std::uint32_t)S.q3_hops, out_only).size();
  t1 = Clock::now();
  const double q3_s = secs(t0, t1);
  // variant: a hand-written BFS over out_edges() and each edge's target
  std::vector<int> dist(g.node_count(), -1);
  std::vector<dg::NodeIndex> touched;
  t0 = Clock::now();
  long q3e = 0;
  for (const auto& id : S.q3_seeds) {
    const dg::NodeIndex src = g.at(id).index();
    std::deque<dg::NodeIndex> q{src};
    dist[src] = 0;
    touched.push_back(src);
    while (!q.empty()) {
      const dg::NodeIndex u = q.front();
      q.pop_front();
      if (dist[u] == S.q3_hops) continue;
      for (dg::EdgeIndex e : g.out_edges(u)) {
        const dg::NodeIndex v = g.edge(e).to().index();
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          touched.push_back(v);
          q.push_back(v);
          ++q3e;
        }
      }
    }
    for (dg::NodeIndex x : touched) dist[x] = -1;
    touched.clear();
  }
  t1 = Clock::now();
  const double q3_edges_s = secs(t0, t1);
  // variant: the query language, compiled once (the reached nodes go to count(DISTINCT b) as
  // one set, the seed taken out)
  t0 = Clock::now();
  long q3c = 0;
  q3c = count_per_seed(
      g, "MATCH (a {id: $id})-[*1.." + std::to_string(S.q3_hops) + "]->(b) WHERE b <> a RETURN count(DISTINCT b)",
      S.q3_seeds);
  t1 = Clock::now();
  const double q3_cypher_s = secs(t0, t1);

  // ---- Q4 nodes reachable (out) from each seed, full BFS.
  t0 = Clock::now();
  long q4 = 0;
  for (const auto& id : S.q4_seeds) q4 += (long)dg::bfs(g, g.at(id), out_only).size() - 1;
  t1 = Clock::now();
  const double q4_s = secs(t0, t1);
  // variant: the visitor form of bfs (no result arrays)
  t0 = Clock::now();
  long q4v = 0;
  for (const auto& id : S.q4_seeds)
    dg::bfs(g, g.at(id), out_only, [&](dg::NodeIndex, std::uint32_t depth, dg::NodeIndex) {
      q4v += depth > 0;
      return true;
    });
  t1 = Clock::now();
  const double q4_visit_s = secs(t0, t1);
  // variant: the query language, compiled once (an unbounded variable-length hop whose distinct
  // ends are counted is searched breadth-first, not path by path)
  t0 = Clock::now();
  long q4q = 0;
  q4q = count_per_seed(g, "MATCH (a {id: $id})-[*]->(b) WHERE b <> a RETURN count(DISTINCT b)", S.q4_seeds);
  t1 = Clock::now();
  const double q4_cypher_s = secs(t0, t1);
  // variant: hand-written BFS over out_edges() (fresh distance array per seed, as probe.cpp)
  t0 = Clock::now();
  long q4e = 0;
  for (const auto& id : S.q4_seeds) {
    const dg::NodeIndex src = g.at(id).index();
    std::vector<int> d(g.node_count(), -1);
    std::vector<dg::NodeIndex> queue;  // flat FIFO
    queue.reserve(g.node_count());
    queue.push_back(src);
    d[src] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const dg::NodeIndex u = queue[head];
      for (dg::EdgeIndex e : g.out_edges(u)) {
        const dg::NodeIndex v = g.edge(e).to().index();
        if (d[v] < 0) d[v] = d[u] + 1, queue.push_back(v);
      }
    }
    for (int x : d)
      if (x > 0) ++q4e;
  }
  t1 = Clock::now();
  const double q4_edges_s = secs(t0, t1);

  // variant: the same BFS over a CSR of target node indexes built once through the public API
  // (what the lack of an out-neighbour array costs: one EdgeRec read per edge visit)
  t0 = Clock::now();
  std::vector<std::uint32_t> nb_begin(g.node_count() + 1, 0);
  std::vector<dg::NodeIndex> nb;
  nb.reserve(g.edge_count());
  for (dg::NodeIndex u = 0; u < g.node_count(); ++u) {
    for (dg::EdgeIndex e : g.out_edges(u)) nb.push_back(g.edge(e).to().index());
    nb_begin[u + 1] = (std::uint32_t)nb.size();
  }
  t1 = Clock::now();
  const double q4_csr_build_s = secs(t0, t1);
  t0 = Clock::now();
  long q4c = 0;
  for (const auto& id : S.q4_seeds) {
    const dg::NodeIndex src = g.at(id).index();
    std::vector<int> d(g.node_count(), -1);
    std::vector<dg::NodeIndex> queue;
    queue.reserve(g.node_count());
    queue.push_back(src);
    d[src] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const dg::NodeIndex u = queue[head];
      for (std::uint32_t k = nb_begin[u]; k < nb_begin[u + 1]; ++k) {
        const dg::NodeIndex v = nb[k];
        if (d[v] < 0) d[v] = d[u] + 1, queue.push_back(v);
      }
    }
    for (int x : d)
      if (x > 0) ++q4c;
  }
  t1 = Clock::now();
  const double q4_csr_s = secs(t0, t1);
  std::vector<std::uint32_t>().swap(nb_begin);
  std::vector<dg::NodeIndex>().swap(nb);

  // ---- Q5 (a:Person)-[KNOWS, date >= 2020-01-01]->(b:Person)-[WORKS_AT]->(c:Organization), count.
  const std::string q5_text =
      "MATCH (a:Person)-[r:KNOWS]->(b:Person)-[:WORKS_AT]->(c:Organization) "
      "WHERE r.date >= date('2020-01-01') RETURN count(*)";
  t0 = Clock::now();
  const long q5 = count_cell(dg::query(g, q5_text));
  t1 = Clock::now();
  const double q5_s = secs(t0, t1);
  // variant: C++ over the typed adjacency (Persons, their KNOWS out-edges, then WORKS_AT)
  t0 = Clock::now();
  long q5a = 0;
  {
    const dg::TypeId person = ntype("Person"), org = ntype("Organization");
    const dg::TypeId knows = etype("KNOWS"), works = etype("WORKS_AT");
    const std::int32_t from = dg::Date::parse("2020-01-01").earliest();
    for (dg::NodeIndex a : g.nodes_of_type(person))
      for (dg::EdgeIndex e : g.out_edges(a, knows)) {
        const dg::Edge k = g.edge(e);
        auto d = k.date();
        if (!d || d->earliest() < from) continue;
        const dg::Node b = k.to();
        if (b.type_id() != person) continue;
        for (dg::EdgeIndex w : g.out_edges(b.index(), works))
          if (g.edge(w).to().type_id() == org) ++q5a;
      }
  }
  t1 = Clock::now();
  const double q5_api_s = secs(t0, t1);

  // ---- Q6 unweighted shortest path (out edges) for 100 pairs: algo.hpp shortest_path.
  t0 = Clock::now();
  long q6_sum = 0, q6_unreach = 0;
  {
    dg::PathOptions o;
    o.direction = dg::Direction::out;
    for (const auto& [s, t] : S.q6_pairs) {
      auto p = dg::shortest_path(g, g.at(s), g.at(t), o);
      if (p)
        q6_sum += (long)p->edges.size();
      else
        ++q6_unreach;
    }
  }
  t1 = Clock::now();
  const double q6_s = secs(t0, t1);
  // variant: shortestPath() in the query language, compiled once, run per pair
  t0 = Clock::now();
  long q6c_sum = 0, q6c_unreach = 0;
  const dg::Query q6_query =
      dg::Query::compile(schema, "MATCH p = shortestPath((a {id: $s})-[*]->(b {id: $t})) RETURN length(p)");
  for (const auto& [s, t] : S.q6_pairs) {
    dg::QueryOptions o;
    o.params.set("s", s).set("t", t);
    const dg::QueryResult r = q6_query.run(g, o);
    if (r.rows.empty())
      ++q6c_unreach;
    else
      q6c_sum += count_cell(r);
  }
  t1 = Clock::now();
  const double q6_cypher_s = secs(t0, t1);
  // variant: plain BFS with early exit over out_edges (what probe.cpp's bgl mode does)
  t0 = Clock::now();
  long q6b_sum = 0, q6b_unreach = 0;
  for (const auto& [s_id, t_id] : S.q6_pairs) {
    const dg::NodeIndex s = g.at(s_id).index(), t = g.at(t_id).index();
    int found = s == t ? 0 : -1;
    if (found < 0) {
      std::deque<dg::NodeIndex> q{s};
      dist[s] = 0;
      touched.push_back(s);
      while (!q.empty() && found < 0) {
        const dg::NodeIndex u = q.front();
        q.pop_front();
        for (dg::EdgeIndex e : g.out_edges(u)) {
          const dg::NodeIndex v = g.edge(e).to().index();
          if (dist[v] < 0) {
            dist[v] = dist[u] + 1;
            touched.push_back(v);
            if (v == t) {
              found = dist[v];
              break;
            }
            q.push_back(v);
          }
        }
      }
      for (dg::NodeIndex x : touched) dist[x] = -1;
      touched.clear();
    }
    if (found < 0)
      ++q6b_unreach;
    else
      q6b_sum += found;
  }
  t1 = Clock::now();
  const double q6_bfs_s = secs(t0, t1);

  // Variants must agree with the primary answers.
  auto check = [&](const char* what, long a, long b) {
    if (a != b)
      notes += std::string(notes.empty() ? "" : "; ") + what + " " + std::to_string(a) + "!=" + std::to_string(b);
  };
  check("q1_cypher", q1c, q1);
  check("q1_edges", q1e, q1);
  check("q3_edges", q3e, q3);
  check("q4_visit", q4v, q4);
  check("q4_edges", q4e, q4);
  check("q4_cypher", q4q, q4);
  check("q1_neighbors", q1n, q1);
  check("q2_api", q2a, q2);
  check("q2_typed", q2t, q2);
  check("q3_cypher", q3c, q3);
  check("q5_api", q5a, q5);
  check("q4_csr", q4c, q4);
  check("q6_bfs_sum", q6b_sum, q6_sum);
  check("q6_bfs_unreach", q6b_unreach, q6_unreach);
  check("q6_cypher_sum", q6c_sum, q6_sum);
  check("q6_cypher_unreach", q6c_unreach, q6_unreach);

  std::printf(
      "{\"mode\":\"diplograph\",\"nodes\":%zu,\"edges\":%zu,\"bytes\":%zu,\"load_s\":%.4f,\"load_cpu_s\":%.4f,\"load_s_"
      "per_MB\":%.6f,"
      "\"rss_loaded_MB\":%.1f,\"peak_rss_load_MB\":%.1f,\"peak_rss_MB\":%.1f,"
      "\"q1_s\":%.6f,\"q1\":%ld,\"q1_cypher_s\":%.6f,\"q1_neighbors_s\":%.6f,\"q1_edges_s\":%.6f,"
      "\"q2_s\":%.6f,\"q2\":%ld,\"q2_api_s\":%.6f,\"q2_typed_s\":%.6f,"
      "\"q3_s\":%.6f,\"q3\":%ld,\"q3_cypher_s\":%.6f,\"q3_edges_s\":%.6f,"
      "\"q4_s\":%.6f,\"q4\":%ld,\"q4_visit_s\":%.6f,\"q4_edges_s\":%.6f,\"q4_csr_s\":%.6f,\"q4_csr_build_s\":%.6f,\"q4_"
      "cypher_s\":%.6f,"
      "\"q5_s\":%.6f,\"q5\":%ld,\"q5_api_s\":%.6f,"
      "\"q6_s\":%.6f,\"q6_sum\":%ld,\"q6_unreach\":%ld,\"q6_bfs_s\":%.6f,\"q6_cypher_s\":%.6f,"
      "\"variants_agree\":%s,\"notes\":\"%s\"}\n",
      g.node_count(), g.edge_count(), bytes, load_s, load_cpu_s, load_s / (bytes / 1e6), rss_loaded, peak_after_load,
      rss_peak_mb(), q1_s, q1, q1_cypher_s, q1_neighbors_s, q1_edges_s, q2_s, q2, q2_api_s, q2_typed_s, q3_s, q3,
      q3_cypher_s, q3_edges_s, q4_s, q4, q4_visit_s, q4_edges_s, q4_csr_s, q4_csr_build_s, q4_cypher_s, q5_s, q5,
      q5_api_s, q6_s, q6_sum, q6_unreach, q6_bfs_s, q6_cypher_s, notes.empty() ? "true" : "false", notes.c_str());
  return 0;
} catch (const dg::Error& e) {
  std::cerr << e.what() << "\n";
  return 2;
} catch (const std::exception& e) {
  std::cerr << "error: " << e.what() << "\n";
  return 1;
}
