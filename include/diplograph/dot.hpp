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

#include <chrono>
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

/// The CPU seconds the `dot` layout is predicted to take, at most, for a diagram of `nodes` nodes
/// and `edges` edges drawn with the default options: 1.5e-6 * (max(edges - nodes, 0)^3 +
/// nodes^2). What costs is the edges beyond a tree (each may cross others): the generator's
/// graphs (tools/bench/README.md, "dot layout cost"; 100 to 800 nodes at 1 to 3 edges per node)
/// took under a second as trees even at 800 nodes, 14 s at 200 nodes and 400 edges, 40 s at
/// 300 more edges than nodes and over 60 s at 400 more. The rule bounds those measurements from
/// above; hand-made graphs, with hubs rather than random links, take far less (the bundled
/// graph, 262 nodes and 623 edges: 2.7 s, predicted 71 s). Measured on a shared 2-core machine.
double predicted_dot_seconds(std::size_t nodes, std::size_t edges) noexcept;

/// render() refuses the `dot` layout of a graph predicted to take longer than this (CPU
/// seconds) unless RenderOptions::force is set. Generous, because the prediction is an upper
/// bound that hand-made graphs stay far below; RenderOptions::timeout stops the rest.
inline constexpr double dot_layout_budget_seconds = 300;

struct RenderOptions {
  DotOptions dot;
  Layout layout = Layout::dot;
  bool force = false;  ///< lay out with `dot` whatever its predicted cost
  /// A deadline for layout and rendering; zero (the default) waits as long as they take. Since
  /// Graphviz cannot be interrupted, a render with a deadline lays out in a forked child
  /// process (the graph is built before the fork, the child only calls Graphviz and leaves
  /// with _exit), which is killed when the deadline passes.
  std::chrono::milliseconds timeout{0};
};

/// Lays the graph out and renders it, returning the image's bytes (SVG text, or binary PNG or
/// PDF data). Throws Error(ErrorCode::render) when `dot` is asked for a graph whose
/// predicted_dot_seconds() exceed dot_layout_budget_seconds without `force` ("the dot layout
/// of N nodes and M edges would take about S s ...", suggesting a smaller view or the sfdp
/// layout), when the timeout passes ("... did not finish within S s"), and when Graphviz fails
/// (with its message). The SVG is well-formed XML with every label as text.
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
