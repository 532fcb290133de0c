#include "dot/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "diplograph/error.hpp"
#include "dot/child_process.hpp"
#include "dot/escape.hpp"

namespace diplograph::dot {
namespace {

std::mutex graphviz_mutex;
std::string* captured_messages = nullptr;  // guarded by graphviz_mutex

int capture_message(char* message) {
  if (captured_messages) *captured_messages += message;
  return 0;
}

// Holds the Graphviz lock for one call and sends cgraph's and gvc's messages to a string
// instead of stderr.
class Session {
 public:
  Session() : lock_(graphviz_mutex) {
    captured_messages = &messages_;
    previous_handler_ = agseterrf(capture_message);
    previous_level_ = agseterr(AGWARN);
    agreseterrors();
  }
  ~Session() {
    agseterrf(previous_handler_);
    agseterr(previous_level_);
    captured_messages = nullptr;
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[noreturn]] void fail(const std::string& what) const {
    std::string message = what;
    std::string detail = messages_;
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    if (!detail.empty()) message += ": " + detail;
    throw Error(ErrorCode::render, message);
  }

 private:
  std::lock_guard<std::mutex> lock_;
  std::string messages_;
  agusererrf previous_handler_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

char* c_str(const char* s) { return const_cast<char*>(s); }  // cgraph 2.43 takes char*

int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }

Agiodisc_t string_io{nullptr, put_string, flush_nothing};
Agdisc_t string_disc{&AgMemDisc, &AgIdDisc, &string_io};

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// Declares every attribute a kind uses: the defaults with their values, the rest empty.
void declare(Agraph_t* g, int kind, const Attrs& defaults, const std::vector<const Attrs*>& uses,
             std::map<std::string, Agsym_t*, std::less<>>& symbols, bool writing) {
  for (const auto& [name, value] : defaults)
    symbols[name] = agattr(g, kind, c_str(name), c_str((writing ? for_agwrite(value) : value).c_str()));
  for (const char* name : attr_names(uses))
    if (!symbols.count(name)) symbols[name] = agattr(g, kind, c_str(name), c_str(""));
}

void set_all(void* obj, const Attrs& attrs, const std::map<std::string, Agsym_t*, std::less<>>& symbols, bool writing) {
  for (const auto& [name, value] : attrs)
    agxset(obj, symbols.find(name)->second, c_str((writing ? for_agwrite(value) : value).c_str()));
}

// Builds the cgraph graph. `writing`: values are prepared for agwrite rather than layout.
GraphPtr build(const Diagram& d, const Session& session, bool writing) {
  GraphPtr g(agopen(c_str("diplograph"), Agdirected, &string_disc));
  if (!g) session.fail("Graphviz could not create a graph");
  std::map<std::string, Agsym_t*, std::less<>> graph_syms, node_syms, edge_syms;
  std::vector<const Attrs*> cluster_attrs, node_attrs, edge_attrs;
  for (const auto& c : d.clusters) cluster_attrs.push_back(&c.attrs);
  for (const auto& n : d.nodes) node_attrs.push_back(&n.attrs);
  // Kept for this graph only: cgraph serves diagrams of a size to lay out.
  std::vector<DiagramEdge> edges;
  d.for_each_edge([&](const DiagramEdge& e) { edges.push_back(e); });
  for (const auto& e : edges) edge_attrs.push_back(&e.attrs);
  declare(g.get(), AGRAPH, d.graph_attrs, cluster_attrs, graph_syms, writing);
  declare(g.get(), AGNODE, d.node_defaults, node_attrs, node_syms, writing);
  declare(g.get(), AGEDGE, d.edge_defaults, edge_attrs, edge_syms, writing);

  std::vector<Agraph_t*> clusters;
  for (const auto& c : d.clusters) {
    clusters.push_back(agsubg(g.get(), c_str(c.name.c_str()), 1));
    set_all(clusters.back(), c.attrs, graph_syms, writing);
  }
  std::vector<Agnode_t*> nodes;
  nodes.reserve(d.nodes.size());
  for (const auto& n : d.nodes) {
    nodes.push_back(agnode(g.get(), c_str(n.name.c_str()), 1));
    set_all(nodes.back(), n.attrs, node_syms, writing);
    if (n.cluster >= 0) agsubnode(clusters[static_cast<std::size_t>(n.cluster)], nodes.back(), 1);
  }
  for (const auto& e : edges) {
    Agedge_t* edge = agedge(g.get(), nodes[e.tail], nodes[e.head], nullptr, 1);
    set_all(edge, e.attrs, edge_syms, writing);
  }
  return g;
}

GVC_t* context() {  // called with the lock held
  static GVC_t* gvc = gvContext();
  return gvc;
}

ReadBack::Attributes attributes_of(void* obj, Agraph_t* g, int kind) {
  ReadBack::Attributes attrs;
  for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
    std::string value = agxget(obj, sym);
    if (!value.empty()) attrs.emplace(sym->name, std::move(value));
  }
  return attrs;
}

}  // namespace

std::string write_with_cgraph(const Diagram& diagram) {
  Session session;
  GraphPtr g = build(diagram, session, true);
  std::string out;
  if (agwrite(g.get(), &out) != 0) session.fail("Graphviz could not write DOT");
  return out;
}

std::string render_with_gvc(const Diagram& diagram, const char* engine, const char* format,
                            std::chrono::milliseconds timeout, const std::string& late_message) {
  Session session;
  GraphPtr g = build(diagram, session, false);
  GVC_t* gvc = context();
  if (!gvc) session.fail("Graphviz could not start");
  auto layout_and_render = [&] {
    if (gvLayout(gvc, g.get(), engine) != 0) session.fail(std::string("Graphviz layout '") + engine + "' failed");
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, g.get(), format, &data, &length);
    std::string out = data ? std::string(data, length) : std::string();
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g.get());
    if (rc != 0) session.fail(std::string("Graphviz could not render ") + format);
    return out;
  };
  // Graphviz cannot be stopped from outside, so a layout under a deadline runs in a child
  // process; the graph was built above, before the fork, and the child only lays it out.
  if (timeout.count() > 0) return run_in_child(layout_and_render, timeout, late_message);
  return layout_and_render();
}

ReadBack read_back(const std::string& dot_text) {
  Session session;
  GraphPtr g(agmemread(dot_text.c_str()));
  if (!g) session.fail("Graphviz could not read the DOT text");
  ReadBack rb;
  rb.graph = attributes_of(g.get(), g.get(), AGRAPH);
  for (Agraph_t* sub = agfstsubg(g.get()); sub; sub = agnxtsubg(sub)) rb.clusters.push_back(agnameof(sub));
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
    rb.nodes.push_back({agnameof(n), attributes_of(n, g.get(), AGNODE)});
    for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e))
      rb.edges.push_back(
          {std::string(agnameof(agtail(e))) + " -> " + agnameof(aghead(e)), attributes_of(e, g.get(), AGEDGE)});
  }
  std::sort(rb.clusters.begin(), rb.clusters.end());
  return rb;
}

}  // namespace diplograph::dot
