// The Kùzu side of the CSV export: one table per diplograph type (Kùzu has no type hierarchy,
// so `:Actor` is spelled `:State:Person:...` there), loaded with COPY from a LOAD subquery that
// names every column, turns `;`-joined arrays into lists, and picks one FROM/TO pair of an edge
// type at a time (a Kùzu rel table with several pairs is copied pair by pair).
#include <string>

#include "interchange/csv_tables.hpp"

namespace diplograph::csv {
namespace {

std::string quoted_name(std::string_view name) {
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string_view("``") : std::string_view(&c, 1);
  return out + '`';
}

std::string string_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + '\'';
}

bool is_list(const Column& c) { return c.kuzu_type.ends_with("[]"); }

// What LOAD reads a column as: arrays arrive as one string, helper columns as strings.
std::string load_type(const Column& c) { return c.kuzu_type.empty() || is_list(c) ? "STRING" : c.kuzu_type; }

std::string stored_value(const Column& c) {
  const std::string name = quoted_name(c.name);
  if (!is_list(c)) return name;
  const std::string element = c.kuzu_type.substr(0, c.kuzu_type.size() - 2);
  const std::string split = "string_split(" + name + ", ';')";
  const std::string list =
      element == "STRING" ? split : "list_transform(" + split + ", x -> CAST(x AS " + element + "))";
  return "CASE WHEN " + name + " IS NULL THEN NULL ELSE " + list + " END";
}

std::string create_table(const Table& t) {
  std::string out = t.edges ? "CREATE REL TABLE " : "CREATE NODE TABLE ";
  out += quoted_name(t.name) + "(";
  std::string sep;
  for (const auto& [from, to] : t.ends) {
    out += sep + "FROM " + quoted_name(from) + " TO " + quoted_name(to);
    sep = ", ";
  }
  for (const Column& c : t.columns)
    if (!c.kuzu_type.empty()) {
      out += sep + quoted_name(c.name) + " " + c.kuzu_type;
      sep = ", ";
    }
  if (!t.edges) out += ", PRIMARY KEY(`id`)";
  return out + ");\n";
}

std::string copy(const Table& t, const std::pair<std::string, std::string>* ends) {
  std::string out = "COPY " + quoted_name(t.name) + " FROM (LOAD WITH HEADERS (";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out += (i ? ", " : "") + quoted_name(t.columns[i].name) + " " + load_type(t.columns[i]);
  out += ") FROM " + string_literal(t.file) + " (header=true, parallel=false)";
  if (ends)
    out += " WHERE `from_type` = " + string_literal(ends->first) + " AND `to_type` = " + string_literal(ends->second);
  out += " RETURN ";
  std::string sep;
  if (t.edges) out += "`from`, `to`", sep = ", ";
  for (const Column& c : t.columns)
    if (!c.kuzu_type.empty()) {
      out += sep + stored_value(c);
      sep = ", ";
    }
  out += ")";
  if (ends) out += " (from=" + string_literal(ends->first) + ", to=" + string_literal(ends->second) + ")";
  return out + ";\n";
}

}  // namespace

std::string kuzu_script(const std::vector<Table>& tables) {
  std::string out =
      "// Kùzu: creates the tables of this export and loads its CSV files; run it with this\n"
      "// directory as the working directory (the file names are relative). One statement a line.\n";
  for (const Table& t : tables) out += create_table(t);
  for (const Table& t : tables) {
    if (!t.edges) out += copy(t, nullptr);
    for (const auto& ends : t.ends) out += copy(t, &ends);
  }
  return out;
}

}  // namespace diplograph::csv
