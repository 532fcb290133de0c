#pragma once
/// \file
/// The interactive diagram page: one self-contained HTML file (no network access, works from
/// file://) holding the same Graphviz drawing as render() inline as SVG, and the graph's data
/// for a side panel: click a node or an edge for its type, dates, properties and every citation
/// with its source, quote and stance; hover for a neighbourhood; search folding case and
/// accents as Graph::search() does; node and edge type toggles; a time window with the
/// precision-aware rule of view(); pan and zoom.
///
/// Every label, quote and property is data, never markup: the data travels as one JSON block
/// escaped for its place in the page, the page's script builds the panel from text only, and a
/// Content-Security-Policy lets only the page's own script and style run.

#include <cstddef>
#include <filesystem>
#include <string>

#include "diplograph/dot.hpp"
#include "diplograph/graph.hpp"

namespace diplograph {

/// A browser lays out and searches a page of this many nodes slowly and its panel data grows
/// with every citation, so html_page() refuses a larger graph unless RenderOptions::force is
/// set. The `dot` layout keeps its own limit (predicted_dot_seconds(), dot.hpp).
inline constexpr std::size_t html_page_node_limit = 1000;

/// The page for `graph` (usually a view), drawn as render() draws it with `options`. Citations
/// name sources by id; their title, author, publisher and date are looked up in `sources`,
/// the graph the view was taken from (a view keeps only the source nodes it shows). The same
/// inputs always give the same bytes. Throws Error(ErrorCode::render) past
/// html_page_node_limit nodes or past the dot layout's limit without `force` (the message suggests
/// a view), or when Graphviz fails. Cost: the layout, then O(nodes + edges + citations).
std::string html_page(const Graph& graph, const RenderOptions& options, const Graph& sources);
/// html_page() with the graph as its own source of sources.
std::string html_page(const Graph& graph, const RenderOptions& options = {});

/// html_page() written atomically to `out`. Throws as html_page() does, and
/// Error(ErrorCode::io) when the file cannot be written.
void write_html_page(const Graph& graph, const RenderOptions& options, const Graph& sources,
                     const std::filesystem::path& out);

}  // namespace diplograph
