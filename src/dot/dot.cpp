#include "diplograph/dot.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
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

// "12 s", "0.5 s", "3 min": a duration for a message.
std::string seconds_text(double seconds) {
  char text[32];
  if (seconds >= 120)
    std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  else if (seconds >= 10)
    std::snprintf(text, sizeof text, "%.0f s", seconds);
  else
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

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

double predicted_dot_seconds(std::size_t nodes, std::size_t edges) noexcept {
  const double n = static_cast<double>(nodes);
  const double beyond_tree = edges > nodes ? static_cast<double>(edges - nodes) : 0.0;
  return 1.5e-6 * (beyond_tree * beyond_tree * beyond_tree + n * n);
}

namespace dot {
namespace {

std::string size_text(const Graph& graph) {
  return std::to_string(graph.node_count()) + " nodes and " + std::to_string(graph.edge_count()) + " edges";
}

}  // namespace

void check_layout_size(const Graph& graph, const RenderOptions& options) {
  if (options.layout != Layout::dot || options.force) return;
  const double predicted = predicted_dot_seconds(graph.node_count(), graph.edge_count());
  if (predicted > dot_layout_budget_seconds)
    throw Error(ErrorCode::render, "the dot layout of " + size_text(graph) + " would take about " +
                                       seconds_text(predicted) + " (more than " +
                                       seconds_text(dot_layout_budget_seconds) +
                                       "): draw a smaller view or use the sfdp layout");
}

std::string render_laid_out(const Diagram& diagram, const Graph& graph, const RenderOptions& options,
                            const char* format) {
  return render_with_gvc(diagram, layout_name(options.layout).data(), format, options.timeout,
                         "the " + std::string(layout_name(options.layout)) + " layout of " + size_text(graph) +
                             " did not finish within " +
                             seconds_text(static_cast<double>(options.timeout.count()) / 1000) + " and was stopped");
}

}  // namespace dot

std::string to_image(const Graph& graph, const RenderOptions& options, ImageFormat format) {
  dot::check_layout_size(graph, options);
  const dot::Diagram diagram = dot::build_diagram(graph, options.dot);
  return dot::render_laid_out(diagram, graph, options, format_names[static_cast<std::size_t>(format)]);
}

void render(const Graph& graph, const RenderOptions& options, const std::filesystem::path& out) {
  if (is_html_file(out)) return write_html_page(graph, options, graph, out);
  const auto format = image_format_for(out);
  if (!format)
    throw Error(ErrorCode::value,
                "cannot tell the image format of '" + out.string() + "': name it .svg, .png, .pdf or .html");
  write_file_atomically(out, to_image(graph, options, *format));
}

}  // namespace diplograph
