// Query results as text: a cell's display string, and JSON rows.

#include "core/json_text.hpp"
#include "diplograph/query.hpp"

namespace diplograph {

namespace {

void append_member(std::string& out, std::string_view name, std::string_view value) {
  detail::append_json_string(out, name);
  out += ": ";
  detail::append_json_string(out, value);
}

void append_properties(std::string& out, const std::vector<PropertyRef>& props) {
  out += "\"properties\": {";
  bool first = true;
  for (const PropertyRef& p : props) {
    if (!first) out += ", ";
    first = false;
    detail::append_json_string(out, p.name);
    out += ": ";
    detail::append_json_value(out, p.value);
  }
  out += '}';
}

void append_cell(std::string& out, const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::node:
      out += '{';
      append_member(out, "id", c.node->id());
      out += ", ";
      append_member(out, "type", c.node->type());
      out += ", ";
      append_member(out, "label", c.node->label());
      out += ", ";
      append_properties(out, c.node->props());
      out += '}';
      return;
    case Cell::Kind::edge:
      out += '{';
      append_member(out, "id", c.edge->id());
      out += ", ";
      append_member(out, "type", c.edge->type());
      out += ", ";
      append_member(out, "from", c.edge->from().id());
      out += ", ";
      append_member(out, "to", c.edge->to().id());
      out += ", ";
      append_properties(out, c.edge->props());
      out += '}';
      return;
    case Cell::Kind::list:
      out += '[';
      for (std::size_t k = 0; k < c.items.size(); ++k) {
        if (k) out += ", ";
        append_cell(out, c.items[k]);
      }
      out += ']';
      return;
    case Cell::Kind::map:
      out += '{';
      for (std::size_t k = 0; k < c.items.size(); ++k) {
        if (k) out += ", ";
        detail::append_json_string(out, c.keys[k]);
        out += ": ";
        append_cell(out, c.items[k]);
      }
      out += '}';
      return;
    case Cell::Kind::path: {
      out += "{\"nodes\": [";
      for (std::size_t k = 0; k < c.items.size(); k += 2) {
        if (k) out += ", ";
        append_cell(out, c.items[k]);
      }
      out += "], \"relationships\": [";
      for (std::size_t k = 1; k < c.items.size(); k += 2) {
        if (k > 1) out += ", ";
        append_cell(out, c.items[k]);
      }
      out += "]}";
      return;
    }
    case Cell::Kind::value:
      detail::append_json_value(out, c.value);
      return;
  }
}

std::string edge_text(const Edge& e) {
  if (!e.id().empty()) return std::string(e.id());
  return std::string(e.from().id()) + "-[" + std::string(e.type()) + "]->" + std::string(e.to().id());
}

std::string nested_text(const Cell& c) {
  if (c.kind == Cell::Kind::value && c.value.is_string()) return "'" + c.value.as_string() + "'";
  if (c.kind == Cell::Kind::value && c.value.is_null()) return "null";
  return c.to_string();
}

}  // namespace

std::string Cell::to_string() const {
  switch (kind) {
    case Kind::node:
      return std::string(node->id());
    case Kind::edge:
      return edge_text(*edge);
    case Kind::list: {  // as Value::to_string() shows a list: `a, b`
      std::string out;
      for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + items[k].to_string();
      return out;
    }
    case Kind::map: {
      std::string out = "{";
      for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + keys[k] + ": " + nested_text(items[k]);
      return out + "}";
    }
    case Kind::path: {
      std::string out;
      for (std::size_t k = 0; k < items.size(); ++k) {
        if (k % 2 == 0) {
          out += "(" + items[k].to_string() + ")";
          continue;
        }
        const Edge& e = *items[k].edge;
        const bool forward = e.from() == *items[k - 1].node;
        out += std::string(forward ? "-[" : "<-[") + edge_text(e) + (forward ? "]->" : "]-");
      }
      return out;
    }
    case Kind::value:
      break;
  }
  return value.is_null() ? std::string() : value.to_string();
}

std::string to_json(const Cell& cell) {
  std::string out;
  append_cell(out, cell);
  return out;
}

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
