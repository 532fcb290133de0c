// Fuzz target: DOT escaping. A node label and a title taken from the input go through both DOT
// writers, are read back by Graphviz's own reader (agmemread), and must display exactly as
// given (control characters as their pictures). Inputs a graph file cannot hold (invalid UTF-8, a NUL, an empty label)
// are skipped.

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/graph.hpp"
#include "dot/escape.hpp"
#include "dot/graphviz.hpp"

namespace {

bool loadable_text(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0 || c == 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

// What the diagram shows for `label`: the label itself, but for C0 controls other than line
// feed, tab and carriage return, which SVG cannot carry and are drawn as their U+2400 control
// pictures (a documented choice: README, "Labels appear exactly as in the data").
std::string shown(std::string_view label) {
  std::string out;
  for (const char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      out += "\xE2\x90";
      out += static_cast<char>(0x80 + u);
    } else {
      out += c;
    }
  }
  return out;
}

const diplograph::Schema& schema() {
  static const diplograph::Schema s = [] {
    diplograph::Schema::Parts p;
    p.node_types.push_back({"Thing", "", false, "", {}});
    return diplograph::Schema::from_parts(p);
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string label(reinterpret_cast<const char*>(data), size);
  if (label.empty() || !loadable_text(label)) return 0;  // a node's label is never empty
  diplograph::GraphBuilder builder(schema());
  diplograph::NodeData node;
  node.id = "n";
  node.type = "Thing";
  node.label = label;
  builder.add_node(node);
  const diplograph::Graph graph = builder.build();
  const std::string expected = shown(label);
  diplograph::DotOptions options;
  options.legend = false;
  options.node_dates = false;
  options.title = label;
  for (auto writer : {diplograph::DotWriter::cgraph, diplograph::DotWriter::streaming}) {
    options.writer = writer;
    try {
      const auto read = diplograph::dot::read_back(diplograph::to_dot(graph, options));
      if (read.nodes.size() != 1) fuzz::finding("the DOT text does not hold one node");
      const auto& attrs = read.nodes.front().attrs;
      const auto it = attrs.find("label");
      if (it == attrs.end() || diplograph::dot::displayed_text(it->second) != expected)
        fuzz::finding("a node label does not read back as written");
      const auto title = read.graph.find("label");  // drawn only when not empty
      if (!label.empty() && (title == read.graph.end() || diplograph::dot::displayed_text(title->second) != expected))
        fuzz::finding("the title does not read back as written");
    } catch (const diplograph::Error& e) {
      std::fprintf(stderr, "%s\n", e.what());
      fuzz::finding("Graphviz refused the DOT text of a loadable label");
    }
  }
  return 0;
}
