#include "dot/stream_writer.hpp"

#include <ostream>

#include "dot/escape.hpp"

namespace diplograph::dot {
namespace {

void append_attrs(std::string& out, const Attrs& attrs) {
  if (attrs.empty()) return;
  out += " [";
  bool first = true;
  for (const auto& [name, value] : attrs) {
    if (!first) out += ", ";
    first = false;
    out += name;
    out += '=';
    append_quoted(out, value);
  }
  out += ']';
}

void append_statement(std::string& out, std::string_view indent, std::string_view keyword, const Attrs& attrs) {
  if (attrs.empty()) return;
  out += indent;
  out += keyword;
  append_attrs(out, attrs);
  out += ";\n";
}

}  // namespace

void write_streaming(const Diagram& d, std::ostream& out) {
  std::string buf;
  constexpr std::size_t flush_at = 1 << 16;
  auto flush = [&](bool force) {
    if (force || buf.size() >= flush_at) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  };
  buf += "digraph diplograph {\n";
  append_statement(buf, "\t", "graph", d.graph_attrs);
  append_statement(buf, "\t", "node", d.node_defaults);
  append_statement(buf, "\t", "edge", d.edge_defaults);
  for (std::size_t c = 0; c < d.clusters.size(); ++c) {
    buf += "\tsubgraph " + d.clusters[c].name + " {\n";
    append_statement(buf, "\t\t", "graph", d.clusters[c].attrs);
    for (const auto& n : d.nodes)
      if (n.cluster == static_cast<int>(c)) buf += "\t\t" + n.name + ";\n";
    buf += "\t}\n";
    flush(false);
  }
  for (const auto& n : d.nodes) {
    buf += '\t';
    buf += n.name;
    append_attrs(buf, n.attrs);
    buf += ";\n";
    flush(false);
  }
  d.for_each_edge([&](const DiagramEdge& e) {
    buf += '\t';
    buf += d.nodes[e.tail].name;
    buf += " -> ";
    buf += d.nodes[e.head].name;
    append_attrs(buf, e.attrs);
    buf += ";\n";
    flush(false);
  });
  buf += "}\n";
  flush(true);
}

}  // namespace diplograph::dot
