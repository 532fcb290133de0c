#include <map>
#include <string>
#include <type_traits>

#include "diplograph/error.hpp"
#include "diplograph/interchange.hpp"
#include "interchange/csv_tables.hpp"
#include "interchange/text.hpp"

namespace diplograph {
namespace {

constexpr char array_delimiter = ';';

// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
void append_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) out += c == '"' ? std::string_view("\"\"") : std::string_view(&c, 1);
  out += '"';
}

std::string scalar_text(const Value& v) {
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return v.to_string();
}

// Array elements are joined with the delimiter, which neo4j-admin cannot escape: an element
// holding it is refused rather than split into two.
std::string value_text(const Value& v, std::string_view owner) {
  if (!v.is_list()) return scalar_text(v);
  std::string out;
  for (std::size_t i = 0; i < v.as_list().size(); ++i) {
    const std::string item = scalar_text(v.as_list()[i]);
    if (item.find(array_delimiter) != std::string::npos)
      throw Error(ErrorCode::value, std::string(owner) + ": list element '" + item +
                                        "' holds the CSV array delimiter '" + array_delimiter + "'");
    if (i) out += array_delimiter;
    out += item;
  }
  return out;
}

template <class Fact>
std::string fixed_text(const csv::Table& table, const Fact& f, std::string_view column) {
  auto date = [](std::optional<Date> d) { return d ? d->to_string() : std::string(); };
  if (column == "date") return date(f.date());
  if (column == "start") return date(f.start());
  if (column == "end") return date(f.end());
  if (column == "modality") return f.modality() == Modality::actual ? "" : std::string(modality_name(f.modality()));
  if (column == "sources") {
    std::string json;
    if (auto sources = f.sources(); !sources.empty()) interchange::append_json_citations(json, sources);
    return json;
  }
  if constexpr (std::is_same_v<Fact, Node>) {
    if (column == "id") return std::string(f.id());
    if (column == "label") return std::string(f.label());
    if (column == "labels") return table.labels;
    if (column == "aliases") {
      List aliases;
      for (auto a : f.aliases()) aliases.emplace_back(std::string(a));
      return value_text(Value(std::move(aliases)), f.id());
    }
  } else {
    if (column == "id") return std::string(f.id());
    if (column == "from") return std::string(f.from().id());
    if (column == "to") return std::string(f.to().id());
    if (column == "type") return std::string(f.type());
    if (column == "from_type") return std::string(f.from().type());
    if (column == "to_type") return std::string(f.to().type());
  }
  return "";
}

template <class Fact>
void append_row(std::string& out, const csv::Table& table, const Fact& f) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const csv::Column& column = table.columns[c];
    if (c) out += ',';
    if (!column.spec) {
      append_field(out, fixed_text(table, f, column.name));
    } else if (const auto v = f.prop(column.spec->name)) {
      append_field(out, value_text(*v, f.id()));
    }
  }
  out += '\n';
}

}  // namespace

std::vector<CsvFile> to_csv_files(const Graph& graph) {
  const std::vector<csv::Table> tables = csv::tables(graph);
  std::vector<CsvFile> files;
  std::map<std::string_view, std::size_t> edge_file;
  for (const csv::Table& table : tables) {
    std::string header;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) header += ',';
      append_field(header, table.columns[c].neo4j);
    }
    files.push_back({table.file, header + '\n'});
    if (table.edges) {
      edge_file.emplace(table.name, files.size() - 1);
    } else {
      for (Node n : graph.nodes_of_type(table.name, true)) append_row(files.back().text, table, n);
    }
  }
  for (Edge e : graph.edges()) {
    const std::size_t i = edge_file.at(e.type());
    append_row(files[i].text, tables[i], e);
  }
  files.push_back({"kuzu-schema.cypher", csv::kuzu_script(tables)});
  return files;
}

}  // namespace diplograph
