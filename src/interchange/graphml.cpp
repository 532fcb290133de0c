#include <map>
#include <ostream>
#include <sstream>

#include "diplograph/interchange.hpp"
#include "interchange/text.hpp"

namespace diplograph {
namespace {

constexpr std::string_view node_fixed[] = {"type", "label", "aliases", "date", "start", "end", "modality", "sources"};
constexpr std::string_view edge_fixed[] = {"type", "date", "start", "end", "modality", "sources"};

// The GraphML type of a property, from the values it takes in the graph.
struct KeyType {
  bool any = false, all_int = true, all_number = true, all_bool = true;
  void see(const Value& v) {
    any = true;
    all_int = all_int && v.is_int();
    all_number = all_number && (v.is_int() || v.is_real());
    all_bool = all_bool && v.is_bool();
  }
  std::string_view name() const {
    if (all_bool) return "boolean";
    if (all_int) return "long";
    if (all_number) return "double";
    return "string";
  }
};

struct Key {
  std::string id;
  std::string attr_name;
};

// Keys per domain: the fixed ones, then every property name in the graph in name order.
struct Keys {
  std::map<std::string_view, Key> fixed;
  std::map<std::string, Key, std::less<>> props;
};

void declare(std::string& out, std::string_view domain, std::string_view name, std::string_view type, Key& key,
             int& counter) {
  key.id = "d" + std::to_string(counter++);
  key.attr_name = std::string(name);
  out += "  <key id=\"" + key.id + "\" for=\"" + std::string(domain) + "\" attr.name=\"";
  interchange::append_xml(out, name);
  out += "\" attr.type=\"" + std::string(type) + "\"/>\n";
}

template <class Range, class Fixed>
Keys declare_domain(std::string& out, std::string_view domain, const Range& facts, const Fixed& fixed, int& counter) {
  Keys keys;
  for (std::string_view name : fixed) declare(out, domain, name, "string", keys.fixed[name], counter);
  std::map<std::string, KeyType, std::less<>> types;
  for (const auto& f : facts)
    for (const PropertyRef& p : f.props()) types[std::string(p.name)].see(p.value);
  for (const auto& [name, type] : types) {
    bool clash = false;
    for (std::string_view f : fixed) clash = clash || f == name;
    declare(out, domain, clash ? "prop_" + name : name, type.name(), keys.props[name], counter);
  }
  return keys;
}

void data(std::string& out, const Key& key, std::string_view text) {
  out += "      <data key=\"" + key.id + "\">";
  interchange::append_xml(out, text);
  out += "</data>\n";
}

std::string value_text(const Value& v) {
  if (v.is_list()) {
    std::string json;
    interchange::append_json_value(json, v);
    return json;
  }
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return v.to_string();
}

template <class Fact>
void common_data(std::string& out, const Keys& keys, const Fact& f) {
  if (auto d = f.date()) data(out, keys.fixed.at("date"), d->to_string());
  if (auto d = f.start()) data(out, keys.fixed.at("start"), d->to_string());
  if (auto d = f.end()) data(out, keys.fixed.at("end"), d->to_string());
  if (f.modality() != Modality::actual) data(out, keys.fixed.at("modality"), modality_name(f.modality()));
  if (auto sources = f.sources(); !sources.empty()) {
    std::string json;
    interchange::append_json_citations(json, sources);
    data(out, keys.fixed.at("sources"), json);
  }
  for (const PropertyRef& p : f.props()) data(out, keys.props.find(p.name)->second, value_text(p.value));
}

}  // namespace

void write_graphml(const Graph& graph, std::ostream& os) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  int counter = 0;
  const Keys node_keys = declare_domain(out, "node", graph.nodes(), node_fixed, counter);
  const Keys edge_keys = declare_domain(out, "edge", graph.edges(), edge_fixed, counter);
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  auto flush = [&] {
    if (out.size() > (1 << 16)) {
      os << out;
      out.clear();
    }
  };
  for (Node n : graph.nodes()) {
    out += "    <node id=\"";
    interchange::append_xml(out, n.id());
    out += "\">\n";
    data(out, node_keys.fixed.at("type"), n.type());
    data(out, node_keys.fixed.at("label"), n.label());
    if (auto aliases = n.aliases(); !aliases.empty()) {
      std::string json = "[";
      for (std::size_t i = 0; i < aliases.size(); ++i) {
        if (i) json += ',';
        interchange::append_json_string(json, aliases[i]);
      }
      data(out, node_keys.fixed.at("aliases"), json + "]");
    }
    common_data(out, node_keys, n);
    out += "    </node>\n";
    flush();
  }
  for (Edge e : graph.edges()) {
    out += "    <edge";
    if (!e.id().empty()) {
      out += " id=\"";
      interchange::append_xml(out, e.id());
      out += '"';
    }
    out += " source=\"";
    interchange::append_xml(out, e.from().id());
    out += "\" target=\"";
    interchange::append_xml(out, e.to().id());
    out += "\">\n";
    data(out, edge_keys.fixed.at("type"), e.type());
    common_data(out, edge_keys, e);
    out += "    </edge>\n";
    flush();
  }
  out += "  </graph>\n</graphml>\n";
  os << out;
}

std::string to_graphml(const Graph& graph) {
  std::ostringstream out;
  write_graphml(graph, out);
  return std::move(out).str();
}

}  // namespace diplograph
