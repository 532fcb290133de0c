#include "dot/diagram.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>

#include "dot/escape.hpp"
#include "dot/style.hpp"

namespace diplograph::dot {
namespace {

// DejaVu covers Latin (Azerbaijani Ə, ğ, ı), Cyrillic and Georgian, and ships with Graphviz's
// usual dependencies; Graphviz falls back to its default font where it is missing.
constexpr const char* font = "DejaVu Sans";

template <class Fact>
std::string when_text(const Fact& f) {
  std::string text;
  if (auto d = f.date()) {
    text = d->to_string();
  } else if (f.start() && f.end()) {
    text = f.start()->to_string() + " \xE2\x80\x93 " + f.end()->to_string();  // en dash
  } else if (f.start()) {
    text = "from " + f.start()->to_string();
  } else if (f.end()) {
    text = "until " + f.end()->to_string();
  }
  if (f.modality() != Modality::actual) {
    if (!text.empty()) text += ' ';
    text += "(" + std::string(modality_name(f.modality())) + ")";
  }
  return text;
}

// Greedy word wrap: a space becomes a line break where the line would pass `width` characters
// (UTF-8 continuation bytes do not count); nothing else changes.
std::string wrapped(std::string_view text, std::size_t width) {
  std::string out(text);
  if (width == 0) return out;
  std::size_t line = 0, last_space = std::string::npos, since_space = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if ((static_cast<unsigned char>(out[i]) & 0xC0) == 0x80) continue;
    if (out[i] == '\n') {
      line = 0, last_space = std::string::npos;
      continue;
    }
    if (out[i] == ' ') last_space = i, since_space = 0;
    ++line, ++since_space;
    if (line > width && last_space != std::string::npos) {
      out[last_space] = '\n';
      line = since_space - 1, last_space = std::string::npos;
    }
  }
  return out;
}

std::string lines(std::string_view first, const std::string& second) {
  std::string text(first);
  if (!second.empty()) text += "\n" + second;
  return text;
}

// The State an actor belongs to: itself for a State, else the first State reached from it
// over at most two out-edges through other actors (a minister -> ministry -> state).
std::vector<std::optional<NodeIndex>> owning_states(const Graph& g) {
  std::vector<std::optional<NodeIndex>> owner(g.node_count());
  if (!g.schema().find_node_type("State") || !g.schema().find_node_type("Actor")) return owner;
  for (Node n : g.nodes()) {
    if (n.is_a("State")) {
      owner[n.index()] = n.index();
      continue;
    }
    if (!n.is_a("Actor")) continue;
    std::deque<std::pair<NodeIndex, int>> queue{{n.index(), 0}};
    std::vector<NodeIndex> seen{n.index()};
    while (!queue.empty() && !owner[n.index()]) {
      auto [at, hops] = queue.front();
      queue.pop_front();
      for (EdgeIndex e : g.out_edges(at)) {
        Node next = g.edge(e).to();
        if (!next.is_a("Actor") || std::find(seen.begin(), seen.end(), next.index()) != seen.end()) continue;
        if (next.is_a("State")) {
          owner[n.index()] = next.index();
          break;
        }
        seen.push_back(next.index());
        if (hops + 1 < 2) queue.push_back({next.index(), hops + 1});
      }
    }
  }
  return owner;
}

void assign_clusters(const Graph& g, const DotOptions& o, const std::vector<NodeStyle>& styles, Diagram& d) {
  if (o.clusters == ClusterBy::type) {
    std::map<std::pair<int, std::string_view>, int> by_key;
    for (const NodeStyle& s : styles) by_key.emplace(std::pair{s.order, s.key}, 0);
    for (auto& [key, index] : by_key) {
      index = static_cast<int>(d.clusters.size());
      d.clusters.push_back(
          {"cluster" + std::to_string(index),
           {{"label", esc_string(key.second)}, {"style", "rounded"}, {"color", "#bbbbbb"}, {"fontsize", "11"}}});
    }
    for (std::size_t i = 0; i < styles.size(); ++i) d.nodes[i].cluster = by_key[{styles[i].order, styles[i].key}];
  } else if (o.clusters == ClusterBy::state) {
    auto owner = owning_states(g);
    std::map<NodeIndex, int> by_state;
    for (const auto& s : owner)
      if (s) by_state.emplace(*s, 0);
    for (auto& [state, index] : by_state) {
      index = static_cast<int>(d.clusters.size());
      d.clusters.push_back({"cluster" + std::to_string(index),
                            {{"label", esc_string(g.node(state).label())},
                             {"style", "rounded"},
                             {"color", "#9ecae1"},
                             {"fontsize", "11"}}});
    }
    for (std::size_t i = 0; i < owner.size(); ++i)
      if (owner[i]) d.nodes[i].cluster = by_state[*owner[i]];
  }
}

void add_legend(const std::vector<NodeStyle>& styles, const std::vector<bool>& quads, Diagram& d) {
  std::map<std::pair<int, std::string_view>, NodeStyle> kinds;
  for (const NodeStyle& s : styles) kinds.emplace(std::pair{s.order, s.key}, s);
  const int cluster = static_cast<int>(d.clusters.size());
  d.clusters.push_back(
      {"cluster_legend", {{"label", "Legend"}, {"style", "rounded"}, {"color", "#bbbbbb"}, {"fontsize", "10"}}});
  auto add = [&](Attrs attrs) {
    d.nodes.push_back({"legend" + std::to_string(d.nodes.size() - d.data_nodes), std::move(attrs), cluster});
    return d.nodes.size() - 1;
  };
  for (const auto& [key, s] : kinds)
    add({{"label", esc_string(s.key)},
         {"shape", std::string(s.shape)},
         {"style", std::string(s.style)},
         {"fillcolor", std::string(s.fill)},
         {"fontsize", "9"}});
  for (std::size_t q = 0; q < quads.size(); ++q) {
    if (!quads[q]) continue;
    const EdgeStyle es = quad_style(static_cast<QuadClass>(q));
    std::size_t from = add({{"label", ""}, {"shape", "point"}, {"style", "invis"}});
    std::size_t to = add({{"label", esc_string(quad_label(static_cast<QuadClass>(q)))},
                          {"shape", "plaintext"},
                          {"style", "solid"},
                          {"fontsize", "9"}});
    d.legend_edges.push_back(
        {from, to, {{"color", std::string(es.color)}, {"style", std::string(es.style)}, {"penwidth", "1.6"}}});
  }
}

// An edge takes the quad class of the event at either end.
std::optional<QuadClass> edge_quad(const std::vector<std::optional<QuadClass>>& quads, Edge e) {
  const auto& from = quads[e.from().index()];
  return from ? from : quads[e.to().index()];
}

}  // namespace

void Diagram::describe_edge(EdgeIndex i, DiagramEdge& out) const {
  const Edge e = graph->edge(i);
  out.tail = e.from().index();
  out.head = e.to().index();
  std::size_t n = 0;
  auto set = [&](const char* name, std::string_view value) {
    if (n == out.attrs.size()) out.attrs.emplace_back();
    out.attrs[n].first = name;
    out.attrs[n++].second.assign(value);
  };
  if (svg_ids) set("id", "dge" + std::to_string(i));
  if (options.edge_labels) set("label", esc_string(lines(e.type(), when_text(e))));
  const bool actual = e.modality() == Modality::actual;
  if (const auto quad = edge_quad(quads, e)) {
    const EdgeStyle es = quad_style(*quad);
    set("color", es.color);
    set("style", actual ? es.style : "dotted");
  } else {
    set("color", plain_edge_color);
    if (!actual) set("style", "dotted");
  }
  out.attrs.resize(n);
}

Diagram build_diagram(const Graph& g, const DotOptions& o) {
  const Schema& schema = g.schema();
  Diagram d;
  d.graph_attrs = {{"rankdir", o.rankdir == RankDir::left_right ? "LR" : "TB"},
                   {"charset", "UTF-8"},
                   {"fontname", font},
                   {"nodesep", "0.25"},
                   {"ranksep", "0.45"}};
  if (!o.title.empty()) {
    d.graph_attrs.push_back({"label", esc_string(o.title)});
    d.graph_attrs.push_back({"labelloc", "t"});
    d.graph_attrs.push_back({"fontsize", "16"});
  }
  d.node_defaults = {{"fontname", font}, {"fontsize", "11"}, {"margin", "0.08,0.04"}};
  d.edge_defaults = {{"fontname", font}, {"fontsize", "8"}, {"fontcolor", "#444444"}, {"arrowsize", "0.7"}};

  std::vector<NodeStyle> styles;
  std::vector<std::optional<QuadClass>> quads;
  std::vector<bool> quads_used(4, false);  // for the legend
  styles.reserve(g.node_count());
  quads.reserve(g.node_count());
  d.nodes.reserve(g.node_count());
  for (Node n : g.nodes()) {
    const NodeStyle s = node_style(schema, n.type_id());
    styles.push_back(s);
    quads.push_back(quad_of(n, schema));
    std::string style(s.style);
    if (n.modality() != Modality::actual) style += ",dashed";
    Attrs attrs{{"label", esc_string(lines(wrapped(n.label(), o.wrap), o.node_dates ? when_text(n) : ""))},
                {"shape", std::string(s.shape)},
                {"style", style},
                {"fillcolor", std::string(s.fill)}};
    if (quads.back()) {
      attrs.push_back({"color", std::string(quad_style(*quads.back()).color)});
      attrs.push_back({"penwidth", "2"});
    }
    d.nodes.push_back({"n" + std::to_string(n.index()), std::move(attrs), -1});
  }
  d.data_nodes = d.nodes.size();

  d.graph = &g;
  d.options = o;
  d.quads = std::move(quads);
  for (Edge e : g.edges())
    if (const auto quad = edge_quad(d.quads, e)) quads_used[static_cast<std::size_t>(*quad)] = true;

  assign_clusters(g, o, styles, d);
  if (o.legend && g.node_count() > 0) add_legend(styles, quads_used, d);
  return d;
}

void add_svg_ids(Diagram& d) {
  d.svg_ids = true;
  for (std::size_t i = 0; i < d.data_nodes; ++i) d.nodes[i].attrs.push_back({"id", "dgn" + std::to_string(i)});
}

std::vector<const char*> attr_names(const std::vector<const Attrs*>& lists) {
  std::vector<const char*> names;
  for (const Attrs* list : lists)
    for (const auto& [name, value] : *list)
      if (std::none_of(names.begin(), names.end(), [&](const char* n) { return std::string_view(n) == name; }))
        names.push_back(name);
  return names;
}

}  // namespace diplograph::dot
