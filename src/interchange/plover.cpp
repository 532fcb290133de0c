#include <algorithm>
#include <ostream>
#include <sstream>

#include "diplograph/interchange.hpp"
#include "interchange/text.hpp"

namespace diplograph {
namespace {

const PloverCategory* category_of(const Node& n, const Schema& schema) {
  for (const PropertyRef& p : n.props()) {
    const PropertySpec* spec = schema.node_property(n.type_id(), p.name);
    if (spec && spec->kind == ValueKind::enumeration && spec->vocabulary == Schema::plover_vocabulary &&
        p.value.is_string())
      return schema.plover(p.value.as_string());
  }
  return nullptr;
}

int quad_code(QuadClass q) noexcept { return static_cast<int>(q) + 1; }

// Ids of the nodes joined to `event` by edges of `type`, in either direction, sorted.
std::vector<std::string_view> role(const Graph& g, const Node& event, std::string_view type) {
  std::vector<std::string_view> ids;
  for (Edge e : g.edges_at(event, Direction::both))
    if (e.type() == type) ids.push_back(e.from() == event ? e.to().id() : e.from().id());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

void field(std::string& out, std::string_view name) {
  out += ",\"";
  out += name;
  out += "\":";
}

void id_list(std::string& out, std::string_view name, const std::vector<std::string_view>& ids) {
  field(out, name);
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    interchange::append_json_string(out, ids[i]);
  }
  out += ']';
}

void prop_field(std::string& out, std::string_view name, const Node& n, std::initializer_list<std::string_view> props,
                bool list) {
  field(out, name);
  for (std::string_view p : props) {
    if (const auto v = n.prop(p)) {
      if (list && !v->is_list()) {
        out += '[';
        interchange::append_json_value(out, *v);
        out += ']';
      } else {
        interchange::append_json_value(out, *v);
      }
      return;
    }
  }
  out += list ? "[]" : "null";
}

}  // namespace

void write_plover_jsonl(const Graph& graph, std::ostream& os) {
  const Schema& schema = graph.schema();
  std::vector<Node> events;
  for (Node n : graph.nodes())
    if (category_of(n, schema) || n.is_a("Event")) events.push_back(n);
  std::stable_sort(events.begin(), events.end(), [](const Node& a, const Node& b) {
    auto da = a.when(), db = b.when();
    if (da.has_value() != db.has_value()) return da.has_value();  // undated last
    if (da && *da != *db) return *da < *db;
    return a.id() < b.id();
  });
  std::string out;
  for (const Node& n : events) {
    const PloverCategory* c = category_of(n, schema);
    out += "{\"id\":";
    interchange::append_json_string(out, n.id());
    field(out, "label");
    interchange::append_json_string(out, n.label());
    field(out, "date");
    if (auto d = n.when())
      interchange::append_json_string(out, d->to_string());
    else
      out += "null";
    field(out, "event_type");
    if (c)
      interchange::append_json_string(out, c->name);
    else
      out += "null";
    prop_field(out, "mode", n, {"mode"}, false);
    prop_field(out, "contexts", n, {"contexts", "context"}, true);
    field(out, "quad_code");
    out += c ? std::to_string(quad_code(c->quad)) : "null";
    field(out, "quad_class");
    if (c)
      interchange::append_json_string(out, quad_name(c->quad));
    else
      out += "null";
    field(out, "score");
    out += c ? Value(c->score).to_string() : "null";
    id_list(out, "actors", role(graph, n, "ACTOR"));
    id_list(out, "recipients", role(graph, n, "RECIPIENT"));
    id_list(out, "participants", role(graph, n, "PARTICIPANT"));
    id_list(out, "hosts", role(graph, n, "HOST"));
    id_list(out, "mediators", role(graph, n, "MEDIATOR"));
    id_list(out, "locations", role(graph, n, "LOCATED_IN"));
    field(out, "modality");
    interchange::append_json_string(out, modality_name(n.modality()));
    field(out, "citations");
    interchange::append_json_citations(out, n.sources());
    out += "}\n";
  }
  os << out;
}

std::string to_plover_jsonl(const Graph& graph) {
  std::ostringstream out;
  write_plover_jsonl(graph, out);
  return std::move(out).str();
}

}  // namespace diplograph
