#pragma once
/// \file
/// Diagrams: a Graph as Graphviz DOT, styled from its schema, and rendered to SVG, PNG or PDF in
/// process. Restrict the graph first with view() (view.hpp) to draw an ego network, a time
/// window or one source's claims.
///
/// Every label is drawn exactly as it is in the data, whatever it contains (backslashes, `\N`,
/// quotes, newlines, `<b>`, `&amp;`, any script): nodes get internal names (`n0`, `n1`, ...),
/// display text is escaped for Graphviz's escString rules, and no HTML label or file-touching
/// attribute is ever built from data. Graphviz is not thread-safe; every call into it is
/// serialised inside the library, and its messages become diplograph::Error, never stderr.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "diplograph/graph.hpp"

namespace diplograph {

/// Direction of the ranks: `left_right` (Graphviz rankdir=LR) or `top_down` (TB).
enum class RankDir : std::uint8_t { left_right, top_down };
/// Boxes drawn around groups of nodes: none, one per node type, or one per state (a State and
/// the actors that belong to it, found through their edges to it within two hops).
enum class ClusterBy : std::uint8_t { none, type, state };
/// How to_dot() writes text: through cgraph's agwrite, with a plain streaming writer (same
/// escaping, about 20x faster on large graphs), or `automatic`: cgraph up to
/// `cgraph_export_limit` nodes + edges, streaming above.
enum class DotWriter : std::uint8_t { automatic, cgraph, streaming };

inline constexpr std::size_t cgraph_export_limit = 20'000;

struct DotOptions {
  RankDir rankdir = RankDir::left_right;
  ClusterBy clusters = ClusterBy::none;
  bool legend = true;       ///< a "Legend" box: the node types and event classes drawn
  bool edge_labels = true;  ///< the edge type and its date on every edge
  bool node_dates = true;   ///< a second label line with the date of dated nodes (events, ...)
  std::string title;        ///< drawn above the diagram when not empty
  /// Break node labels into lines of at most this many characters, at spaces only (a longer
  /// word keeps its line); 0 draws every label on one line, exactly as in the data.
  std::size_t wrap = 0;
  DotWriter writer = DotWriter::automatic;
};

/// The graph as DOT text. The same graph and options always give the same bytes; Graphviz's
/// own reader (agmemread) reads every label back. Throws Error(ErrorCode::render) if Graphviz
/// fails. Cost: O(nodes + edges); see DotWriter for which writer runs.
[[nodiscard]] std::string to_dot(const Graph& graph, const DotOptions& options = {});
/// The same DOT as to_dot() with DotWriter::streaming, written to `out` as it is produced.
void write_dot(const Graph& graph, std::ostream& out, const DotOptions& options = {});
/// Deprecated spelling of write_dot() (options before the stream); goes in 0.2.
inline void write_dot(const Graph& graph, const DotOptions& options, std::ostream& out) {
  write_dot(graph, out, options);
}

enum class Layout : std::uint8_t { dot, neato, fdp, sfdp, circo };
enum class ImageFormat : std::uint8_t { svg, png, pdf };

/// "dot", "neato", ...; parse_layout() gives nullopt for an unknown name.
std::string_view layout_name(Layout layout) noexcept;
std::optional<Layout> parse_layout(std::string_view name) noexcept;
/// The format an output path names by its extension (".svg", ".png", ".pdf", any case).
std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) noexcept;
/// Whether an output path names an HTML page (".html" or ".htm", any case).
bool is_html_file(const std::filesystem::path& file) noexcept;

/// The `dot` layout takes seconds at a thousand nodes and does not finish at two thousand, so
/// render() refuses it past this many nodes unless RenderOptions::force is set.
inline constexpr std::size_t dot_layout_node_limit = 800;

struct RenderOptions {
  DotOptions dot;
  Layout layout = Layout::dot;
  bool force = false;  ///< lay out with `dot` whatever the size
};

/// Lays the graph out and renders it, returning the image's bytes (SVG text, or binary PNG or
/// PDF data). Throws Error(ErrorCode::render) when `dot` is asked for
/// a graph over dot_layout_node_limit nodes without `force` (the message suggests a view or
/// the sfdp layout) and when Graphviz fails (with its message). The SVG is well-formed XML
/// with every label as text.
[[nodiscard]] std::string to_image(const Graph& graph, const RenderOptions& options, ImageFormat format);
/// Deprecated name of to_image(); goes in 0.2.
[[nodiscard]] inline std::string render_to_string(const Graph& graph, const RenderOptions& options,
                                                  ImageFormat format) {
  return to_image(graph, options, format);
}
/// As to_image(), in the format `out`'s extension names, written atomically; a `.html` or
/// `.htm` file gets the interactive page, as write_html_page() (html.hpp) with the graph as its
/// own source of sources. Throws Error(ErrorCode::value) for an unknown extension,
/// Error(ErrorCode::io) if the file cannot be written.
void render(const Graph& graph, const RenderOptions& options, const std::filesystem::path& out);

}  // namespace diplograph
