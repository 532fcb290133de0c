#include "core/json_text.hpp"
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

void append_member(std::string& out, std::string_view name, std::string_view value) {
  detail::append_json_string(out, name);
  out += ": ";
  detail::append_json_string(out, value);
}

// A node or an edge is an object, so that a program reading the JSON gets its type and label.
void append_cell(std::string& out, const Cell& c) {
  if (c.node) {
    out += '{';
    append_member(out, "id", c.node->id());
    out += ", ";
    append_member(out, "type", c.node->type());
    out += ", ";
    append_member(out, "label", c.node->label());
    out += '}';
  } else if (c.edge) {
    out += '{';
    append_member(out, "id", c.edge->id());
    out += ", ";
    append_member(out, "type", c.edge->type());
    out += ", ";
    append_member(out, "from", c.edge->from().id());
    out += ", ";
    append_member(out, "to", c.edge->to().id());
    out += '}';
  } else {
    detail::append_json_value(out, c.value);
  }
}

}  // namespace

std::string to_json(const QueryResult& r) {
  if (r.rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    out += "  {";
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      if (c) out += ", ";
      detail::append_json_string(out, r.columns[c]);
      out += ": ";
      append_cell(out, r.rows[i][c]);
    }
    out += i + 1 < r.rows.size() ? "},\n" : "}\n";
  }
  return out + "]\n";
}

}  // namespace diplograph
