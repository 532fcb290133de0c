#include "dot/html_data.hpp"

#include <set>

#include "core/json_text.hpp"
#include "graph/fold.hpp"

namespace diplograph::dot {
namespace {

// Writes JSON with the commas in their places; keys and strings go through append_json_string.
class Writer {
 public:
  std::string out;

  void key(std::string_view name) {
    string(name);
    out += ':';
    first_ = true;  // the value that follows takes no comma
  }
  void open(char bracket) {
    comma();
    out += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out += bracket;
    first_ = false;
  }
  void string(std::string_view text) {
    comma();
    detail::append_json_string(out, text);
  }
  void value(const Value& v) {
    comma();
    detail::append_json_value(out, v);
  }
  void number(std::int64_t n) {
    comma();
    out += std::to_string(n);
  }
  void boolean(bool b) {
    comma();
    out += b ? "true" : "false";
  }
  /// The next value starts a new line (one fact per line keeps diffs of the output readable).
  void line_break() { break_ = true; }
  void field(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }

 private:
  void comma() {
    if (!first_) out += ',';
    if (break_) out += '\n';
    first_ = break_ = false;
  }
  bool first_ = true;
  bool break_ = false;
};

// The span the time window compares, as view()'s window_span: a `date`, or start..end.
template <class Fact>
void write_time(Writer& w, const Fact& f) {
  const std::optional<Date> begin = f.date() ? f.date() : f.start();
  const std::optional<Date> end = f.date() ? f.date() : f.end();
  if (!begin && !end) return;
  w.key("time");
  w.open('{');
  if (begin) {
    w.key("lo");
    w.number(begin->earliest());
  }
  if (end) {
    w.key("hi");
    w.number(end->latest());
  }
  w.key("point");
  w.boolean(f.date().has_value());
  w.close('}');
}

// What nodes and edges share: id, type, dates, modality, properties, citations, time.
template <class Fact>
void write_fact(Writer& w, const Fact& f) {
  w.field("id", f.id());
  w.field("type", f.type());
  if (auto d = f.date()) w.field("date", d->to_string());
  if (auto d = f.start()) w.field("start", d->to_string());
  if (auto d = f.end()) w.field("end", d->to_string());
  w.field("modality", modality_name(f.modality()));
  w.key("props");
  w.open('[');
  for (const PropertyRef& p : f.props()) {
    w.open('[');
    w.string(p.name);
    w.value(p.value);
    w.close(']');
  }
  w.close(']');
  w.key("cites");
  w.open('[');
  for (const CitationRef& c : f.sources()) {
    w.open('{');
    w.field("source", c.source);
    w.field("quote", c.quote);
    w.field("stance", stance_name(c.stance));
    w.close('}');
  }
  w.close(']');
  write_time(w, f);
}

void write_node(Writer& w, const Node& n) {
  w.line_break();
  w.open('{');
  write_fact(w, n);
  w.field("label", n.label());
  const auto aliases = n.aliases();
  w.key("aliases");
  w.open('[');
  for (std::string_view a : aliases) w.string(a);
  w.close(']');
  w.key("names");  // folded as Graph::search() folds, for the search box
  w.open('[');
  w.string(detail::fold(n.label()));
  for (std::string_view a : aliases) w.string(detail::fold(a));
  w.close(']');
  w.close('}');
}

void write_edge(Writer& w, const Edge& e) {
  w.line_break();
  w.open('{');
  write_fact(w, e);
  w.key("from");
  w.number(e.from().index());
  w.key("to");
  w.number(e.to().index());
  w.close('}');
}

void write_source(Writer& w, std::string_view id, const Graph& sources) {
  w.line_break();
  w.open('{');
  w.field("id", id);
  if (const auto node = sources.find(id)) {
    w.field("label", node->label());
    if (auto d = node->date()) w.field("date", d->to_string());
    for (const char* name : {"title", "author", "publisher"})
      if (const auto v = node->prop(name)) w.field(name, v->to_string());
  }
  w.close('}');
}

}  // namespace

std::string page_data_json(const Graph& graph, const Graph& sources) {
  Writer w;
  std::set<std::string_view> cited;
  auto facts = [&](std::string_view name, auto&& range, auto write) {
    w.key(name);
    w.open('[');
    for (const auto& fact : range) {
      write(w, fact);
      for (const CitationRef& c : fact.sources()) cited.insert(c.source);
    }
    w.close(']');
  };
  w.open('{');
  facts("nodes", graph.nodes(), write_node);
  facts("edges", graph.edges(), write_edge);
  w.key("sources");
  w.open('[');
  for (std::string_view id : cited) write_source(w, id, sources);
  w.close(']');
  w.close('}');
  return std::move(w.out);
}

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (json.compare(i, 3, "\xE2\x80\xA8") == 0 || json.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace diplograph::dot
