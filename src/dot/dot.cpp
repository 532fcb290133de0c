#include "diplograph/dot.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

#include "diplograph/atomic_file.hpp"
#include "diplograph/error.hpp"
#include "diplograph/html.hpp"
#include "dot/diagram.hpp"
#include "dot/graphviz.hpp"
#include "dot/stream_writer.hpp"

namespace diplograph {
namespace {

constexpr std::array<std::string_view, 5> layout_names{"dot", "neato", "fdp", "sfdp", "circo"};
constexpr std::array<const char*, 3> format_names{"svg", "png", "pdf"};

bool use_cgraph(const Graph& graph, DotWriter writer) {
  if (writer == DotWriter::automatic) return graph.node_count() + graph.edge_count() <= cgraph_export_limit;
  return writer == DotWriter::cgraph;
}

}  // namespace

std::string to_dot(const Graph& graph, const DotOptions& options) {
  const dot::Diagram diagram = dot::build_diagram(graph, options);
  if (use_cgraph(graph, options.writer)) return dot::write_with_cgraph(diagram);
  std::ostringstream out;
  dot::write_streaming(diagram, out);
  return std::move(out).str();
}

void write_dot(const Graph& graph, std::ostream& out, const DotOptions& options) {
  dot::write_streaming(dot::build_diagram(graph, options), out);
}

std::string_view layout_name(Layout layout) noexcept { return layout_names[static_cast<std::size_t>(layout)]; }

std::optional<Layout> parse_layout(std::string_view name) noexcept {
  for (std::size_t i = 0; i < layout_names.size(); ++i)
    if (layout_names[i] == name) return static_cast<Layout>(i);
  return std::nullopt;
}

namespace {

std::string lowercase_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

bool is_html_file(const std::filesystem::path& file) noexcept {
  const std::string ext = lowercase_extension(file);
  return ext == ".html" || ext == ".htm";
}

std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) noexcept {
  const std::string ext = lowercase_extension(file);
  for (std::size_t i = 0; i < format_names.size(); ++i)
    if (ext == std::string(".") + format_names[i]) return static_cast<ImageFormat>(i);
  return std::nullopt;
}

std::string to_image(const Graph& graph, const RenderOptions& options, ImageFormat format) {
  dot::check_layout_size(graph, options);
  const dot::Diagram diagram = dot::build_diagram(graph, options.dot);
  return dot::render_with_gvc(diagram, layout_name(options.layout).data(),
                              format_names[static_cast<std::size_t>(format)]);
}

namespace dot {

void check_layout_size(const Graph& graph, const RenderOptions& options) {
  if (options.layout == Layout::dot && !options.force && graph.node_count() > dot_layout_node_limit)
    throw Error(ErrorCode::render,
                "the graph has " + std::to_string(graph.node_count()) + " nodes; the dot layout takes minutes past " +
                    std::to_string(dot_layout_node_limit) +
                    ": draw a view of it (an ego network, a time window, some types) or use the sfdp layout "
                    "(or set RenderOptions::force to wait)");
}

}  // namespace dot

void render(const Graph& graph, const RenderOptions& options, const std::filesystem::path& out) {
  if (is_html_file(out)) return write_html_page(graph, options, graph, out);
  const auto format = image_format_for(out);
  if (!format)
    throw Error(ErrorCode::value,
                "cannot tell the image format of '" + out.string() + "': name it .svg, .png, .pdf or .html");
  write_file_atomically(out, to_image(graph, options, *format));
}

}  // namespace diplograph
