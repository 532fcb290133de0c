#pragma once
// The only door into Graphviz. Every function here takes the one Graphviz lock (cgraph and gvc
// keep global state and are not thread-safe) and turns Graphviz's messages into Error.

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dot/diagram.hpp"

namespace diplograph::dot {

/// The diagram built as a cgraph graph and written with agwrite.
std::string write_with_cgraph(const Diagram& diagram);

/// The diagram laid out with `engine` ("dot", "sfdp", ...) and rendered in `format` ("svg",
/// "png", "pdf"). Throws Error(ErrorCode::render) with Graphviz's message on failure. With a
/// `timeout` above zero the layout runs in a child process (child_process.hpp) that is killed
/// when it passes, and Error(ErrorCode::render, late_message) is thrown.
std::string render_with_gvc(const Diagram& diagram, const char* engine, const char* format,
                            std::chrono::milliseconds timeout = {}, const std::string& late_message = {});

/// What Graphviz's own reader (agmemread) makes of DOT text: for checking writers.
struct ReadBack {
  using Attributes = std::map<std::string, std::string>;  // non-empty values only
  struct Item {
    std::string name;  // node name, or "tail -> head" for an edge
    Attributes attrs;
  };
  Attributes graph;
  std::vector<Item> nodes, edges;     // in cgraph's order
  std::vector<std::string> clusters;  // sorted
};
/// Throws Error(ErrorCode::render) with the reader's message when the text does not parse.
ReadBack read_back(const std::string& dot_text);

}  // namespace diplograph::dot
