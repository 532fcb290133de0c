// to_json(): the canonical JSON of a graph and of a schema. The layout is fixed (schema first,
// then one node or edge per line, sorted) so that saved graphs diff well and save twice to the
// same bytes.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <ostream>
#include <tuple>

#include "core/value_access.hpp"
#include "diplograph/json.hpp"
#include "io/json/format.hpp"

namespace diplograph {

namespace {

namespace format = detail::json::format;
using format::CitationField;
using format::ItemField;

template <class Writer>
void write_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <class Writer>
void key(Writer& w, ItemField field) {
  write_string(w, format::name(field));
}
template <class Writer>
void key(Writer& w, CitationField field) {
  write_string(w, format::name(field));
}

template <class Writer>
void write_value(Writer& w, const Value& v) {
  struct Visitor {
    Writer& w;
    void operator()(std::monostate) const { w.Null(); }
    void operator()(bool b) const { w.Bool(b); }
    void operator()(std::int64_t i) const { w.Int64(i); }
    void operator()(double d) const { w.Double(d); }
    void operator()(const std::string& s) const { write_string(w, s); }
    void operator()(const Date& d) const { write_string(w, d.to_string()); }
    void operator()(const List& l) const {
      w.StartArray();
      for (const auto& item : l) write_value(w, item);
      w.EndArray();
    }
  };
  std::visit(Visitor{w}, detail::ValueAccess::storage(v));
}

template <class Writer, class Data>
void write_common(Writer& w, const Data& d) {
  auto date = [&](ItemField field, const std::optional<Date>& value) {
    if (!value) return;
    key(w, field);
    write_string(w, value->to_string());
  };
  date(ItemField::date, d.date);
  date(ItemField::start, d.start);
  date(ItemField::end, d.end);
  if (d.modality != Modality::actual) {
    key(w, ItemField::modality);
    write_string(w, modality_name(d.modality));
  }
  if (!d.props.empty()) {
    key(w, ItemField::props);
    w.StartObject();
    for (const auto& p : d.props) {
      write_string(w, p.name);
      write_value(w, p.value);
    }
    w.EndObject();
  }
  if (!d.sources.empty()) {
    key(w, ItemField::sources);
    w.StartArray();
    for (const auto& c : d.sources) {
      w.StartObject();
      key(w, CitationField::source);
      write_string(w, c.source);
      if (!c.quote.empty()) {
        key(w, CitationField::quote);
        write_string(w, c.quote);
      }
      if (c.stance != Stance::asserts) {
        key(w, CitationField::stance);
        write_string(w, stance_name(c.stance));
      }
      w.EndObject();
    }
    w.EndArray();
  }
}

std::string node_line(const NodeData& n) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  key(w, ItemField::id);
  write_string(w, n.id);
  key(w, ItemField::type);
  write_string(w, n.type);
  key(w, ItemField::label);
  write_string(w, n.label);
  if (!n.aliases.empty()) {
    key(w, ItemField::aliases);
    w.StartArray();
    for (const auto& a : n.aliases) write_string(w, a);
    w.EndArray();
  }
  write_common(w, n);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string edge_line(const EdgeData& e) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  if (!e.id.empty()) {
    key(w, ItemField::id);
    write_string(w, e.id);
  }
  key(w, ItemField::type);
  write_string(w, e.type);
  key(w, ItemField::from);
  write_string(w, e.from);
  key(w, ItemField::to);
  write_string(w, e.to);
  write_common(w, e);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

template <class Writer>
void write_props(Writer& w, const std::vector<PropertySpec>& props) {
  key(w, ItemField::props);
  w.StartObject();
  for (const auto& p : props) {
    write_string(w, p.name);
    w.StartObject();
    key(w, ItemField::type);
    write_string(w, kind_name(p.kind));
    if (!p.vocabulary.empty()) w.Key("vocabulary"), write_string(w, p.vocabulary);
    if (p.list) w.Key("list"), w.Bool(true);
    if (p.required) w.Key("required"), w.Bool(true);
    if (!p.doc.empty()) w.Key("doc"), write_string(w, p.doc);
    w.EndObject();
  }
  w.EndObject();
}

template <class Writer>
void write_type_names(Writer& w, const Schema& s, const std::vector<TypeId>& ids) {
  w.StartArray();
  for (TypeId t : ids) write_string(w, s.node_type(t).name);
  w.EndArray();
}

// Appends the lines of `lines` as the members of a JSON array, one per line.
void append_array(std::string& out, std::string_view key, const std::vector<std::string>& lines) {
  out += ",\n\"";
  out += key;
  out += "\": [";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? "\n  " : ",\n  ";
    out += lines[i];
  }
  out += lines.empty() ? "]" : "\n]";
}

}  // namespace

std::string to_json(const Schema& s) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  w.Key("diplograph_schema");
  w.Int(1);
  if (!s.plover_categories().empty() || !s.plover_version().empty()) {
    w.Key("plover");
    w.StartObject();
    w.Key("version");
    write_string(w, s.plover_version());
    w.Key("categories");
    w.StartObject();
    for (const auto& c : s.plover_categories()) {
      write_string(w, c.name);
      w.StartObject();
      w.Key("quad");
      write_string(w, quad_name(c.quad));
      w.Key("score");
      w.Double(c.score);
      if (!c.doc.empty()) w.Key("doc"), write_string(w, c.doc);
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
  }
  if (s.source_type()) {
    w.Key("provenance");
    w.StartObject();
    w.Key("source_type");
    write_string(w, s.node_type(*s.source_type()).name);
    w.Key("required");
    w.Bool(s.sources_required());
    w.EndObject();
  }
  w.Key("vocabularies");
  w.StartObject();
  for (const auto& v : s.vocabularies()) {
    if (v.name == Schema::plover_vocabulary && !s.plover_categories().empty()) continue;  // derived from "plover"
    write_string(w, v.name);
    w.StartArray();
    for (const auto& value : v.values) write_string(w, value);
    w.EndArray();
  }
  w.EndObject();
  w.Key("node_types");
  w.StartObject();
  for (const auto& t : s.node_types()) {
    write_string(w, t.name);
    w.StartObject();
    if (t.parent) w.Key("parent"), write_string(w, s.node_type(*t.parent).name);
    if (t.abstract) w.Key("abstract"), w.Bool(true);
    if (!t.doc.empty()) w.Key("doc"), write_string(w, t.doc);
    if (!t.props.empty()) write_props(w, t.props);
    w.EndObject();
  }
  w.EndObject();
  w.Key("edge_types");
  w.StartObject();
  for (const auto& t : s.edge_types()) {
    write_string(w, t.name);
    w.StartObject();
    key(w, ItemField::from);
    write_type_names(w, s, t.from);
    key(w, ItemField::to);
    write_type_names(w, s, t.to);
    if (t.date == DateRule::required) w.Key("date"), write_string(w, "required");
    if (!t.doc.empty()) w.Key("doc"), write_string(w, t.doc);
    if (!t.props.empty()) write_props(w, t.props);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string to_json(const Graph& graph) {
  std::vector<NodeData> nodes;
  nodes.reserve(graph.node_count());
  for (Node n : graph.nodes()) nodes.push_back(n.data());
  std::sort(nodes.begin(), nodes.end(), [](const NodeData& a, const NodeData& b) { return a.id < b.id; });
  std::vector<EdgeData> edges;
  edges.reserve(graph.edge_count());
  for (Edge e : graph.edges()) edges.push_back(e.data());
  std::stable_sort(edges.begin(), edges.end(), [](const EdgeData& a, const EdgeData& b) {
    return std::tie(a.id, a.from, a.type, a.to, a.date, a.start, a.end) <
           std::tie(b.id, b.from, b.type, b.to, b.date, b.start, b.end);
  });
  std::vector<std::string> lines;
  std::string schema = to_json(graph.schema());
  schema.pop_back();  // its final newline
  std::string out =
      "{\"" + std::string(format::version_key) + "\": 1,\n\"" + std::string(format::schema_key) + "\": " + schema;
  lines.reserve(nodes.size());
  for (const auto& n : nodes) lines.push_back(node_line(n));
  append_array(out, format::nodes_key, lines);
  lines.clear();
  for (const auto& e : edges) lines.push_back(edge_line(e));
  append_array(out, format::edges_key, lines);
  out += "\n}\n";
  return out;
}

// The canonical layout sorts every node and edge first, so the text is built whole and then
// written; a true streaming writer would need the sort anyway.
void write_json(const Graph& graph, std::ostream& out) { out << to_json(graph); }

}  // namespace diplograph
