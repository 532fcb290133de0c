#include "interchange/csv_tables.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace diplograph::csv {
namespace {

std::string neo4j_type(const PropertySpec& p) {
  std::string t;
  switch (p.kind) {
    case ValueKind::integer:
      t = "long";
      break;
    case ValueKind::real:
      t = "double";
      break;
    case ValueKind::boolean:
      t = "boolean";
      break;
    default:
      t = "string";
      break;  // strings, enum values, and dates with their precision
  }
  return p.list ? t + "[]" : t;
}

std::string kuzu_type(const PropertySpec& p) {
  std::string t;
  switch (p.kind) {
    case ValueKind::integer:
      t = "INT64";
      break;
    case ValueKind::real:
      t = "DOUBLE";
      break;
    case ValueKind::boolean:
      t = "BOOLEAN";
      break;
    default:
      t = "STRING";
      break;
  }
  return p.list ? t + "[]" : t;
}

Column fixed(std::string name, std::string neo4j, std::string kuzu) {
  return Column{std::move(name), std::move(neo4j), std::move(kuzu), nullptr};
}

void add_props(std::vector<Column>& columns, const std::vector<const PropertySpec*>& props) {
  for (const PropertySpec* p : props) {
    const bool clash = std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.name == p->name; });
    const std::string name = clash ? "prop_" + p->name : p->name;
    columns.push_back(Column{name, name + ":" + neo4j_type(*p), kuzu_type(*p), p});
  }
}

std::vector<Column> common(std::vector<Column> columns) {
  for (const char* name : {"date", "start", "end", "modality", "sources"})
    columns.push_back(fixed(name, name, "STRING"));
  return columns;
}

}  // namespace

std::vector<Table> tables(const Graph& graph) {
  const Schema& schema = graph.schema();
  std::vector<Table> out;

  std::set<TypeId> node_types;
  for (Node n : graph.nodes()) node_types.insert(n.type_id());
  for (TypeId t : node_types) {
    Table table{schema.node_type(t).name, "nodes-" + schema.node_type(t).name + ".csv", false, {}, {}, {}};
    for (std::optional<TypeId> a = t; a; a = schema.node_type(*a).parent)
      table.labels += (table.labels.empty() ? "" : ";") + schema.node_type(*a).name;
    table.columns = common({fixed("id", "id:ID", "STRING"), fixed("labels", ":LABEL", ""),
                            fixed("label", "label", "STRING"), fixed("aliases", "aliases:string[]", "STRING[]")});
    add_props(table.columns, schema.node_properties(t));
    out.push_back(std::move(table));
  }

  std::map<TypeId, std::set<std::pair<std::string, std::string>>> edge_ends;
  for (Edge e : graph.edges()) edge_ends[e.type_id()].emplace(e.from().type(), e.to().type());
  for (const auto& [t, ends] : edge_ends) {
    const EdgeType& type = schema.edge_type(t);
    Table table{type.name, "edges-" + type.name + ".csv", true, {}, {}, {ends.begin(), ends.end()}};
    table.columns = common({fixed("from", ":START_ID", ""), fixed("to", ":END_ID", ""), fixed("type", ":TYPE", ""),
                            fixed("id", "id", "STRING")});
    std::vector<const PropertySpec*> props;
    for (const auto& p : type.props) props.push_back(&p);
    add_props(table.columns, props);
    // Which node tables an edge joins, for Kùzu's COPY of one FROM/TO pair at a time.
    table.columns.push_back(fixed("from_type", "from_type:IGNORE", ""));
    table.columns.push_back(fixed("to_type", "to_type:IGNORE", ""));
    out.push_back(std::move(table));
  }
  auto by_name = [](const Table& a, const Table& b) { return std::tie(a.edges, a.name) < std::tie(b.edges, b.name); };
  std::sort(out.begin(), out.end(), by_name);
  return out;
}

}  // namespace diplograph::csv
