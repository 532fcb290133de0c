// The interactive page: the diagram rendered as SVG by gvc, inlined in the page skeleton
// (src/dot/html/page.html) with its style, its data and its script.

#include <algorithm>
#include <charconv>
#include <map>

#include "diplograph/error.hpp"
#include "diplograph/atomic_file.hpp"
#include "diplograph/html.hpp"
#include "dot/diagram.hpp"
#include "dot/graphviz.hpp"
#include "dot/html_assets.hpp"
#include "dot/html_data.hpp"
#include "interchange/text.hpp"

namespace diplograph {
namespace {

// A hex SHA-256, as CMake writes it, in the base64 that a CSP hash source wants.
std::string hex_to_base64(std::string_view hex) {
  constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    unsigned byte = 0;  // the digest is CMake's own hex, so every pair parses
    std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
    bytes += static_cast<char>(byte);
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k) chunk = chunk << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k <= n; ++k) out += digits[(chunk >> (18 - 6 * k)) & 63];
    out.append(3 - n, '=');
  }
  return out;
}

// Nothing may load or run but the page's own script and style, matched by their hashes.
std::string content_security_policy() {
  return "default-src 'none'; script-src 'sha256-" + hex_to_base64(dot::html_assets::page_js_sha256) +
         "'; style-src 'sha256-" + hex_to_base64(dot::html_assets::page_css_sha256) +
         "'; img-src 'none'; base-uri 'none'; form-action 'none'";
}

std::string html_text(std::string_view text) {
  std::string out;
  interchange::append_xml(out, text);  // XML's escaping is HTML's for text
  return out;
}

// The <svg> element alone: Graphviz's XML declaration and DOCTYPE do not belong in HTML.
std::string_view svg_element(std::string_view svg) {
  const auto begin = svg.find("<svg");
  return begin == std::string_view::npos ? svg : svg.substr(begin);
}

// Fills the skeleton's {{NAME}} slots in one pass, so that text put into one slot (a label
// reading "{{DATA}}") is never taken for another.
std::string fill_slots(std::string_view skeleton, const std::map<std::string_view, std::string_view>& slots) {
  std::string out;
  std::size_t at = 0;
  for (auto open = skeleton.find("{{"); open != std::string_view::npos; open = skeleton.find("{{", at)) {
    const auto close = skeleton.find("}}", open);
    const auto slot = slots.find(skeleton.substr(open + 2, close - open - 2));
    if (close == std::string_view::npos || slot == slots.end())
      throw Error(ErrorCode::render, "the page skeleton has an unknown slot at byte " + std::to_string(open));
    out.append(skeleton.substr(at, open - at));
    out.append(slot->second);
    at = close + 2;
  }
  out.append(skeleton.substr(at));
  return out;
}

void check_page_size(const Graph& graph, const RenderOptions& options) {
  if (!options.force && graph.node_count() > html_page_node_limit)
    throw Error(ErrorCode::render, "the graph has " + std::to_string(graph.node_count()) +
                                       " nodes; an interactive page stays usable up to " +
                                       std::to_string(html_page_node_limit) +
                                       ": draw a view of it (an ego network, a time window, some types or "
                                       "sources) or set RenderOptions::force");
  dot::check_layout_size(graph, options);
}

}  // namespace

std::string html_page(const Graph& graph, const RenderOptions& options, const Graph& sources) {
  check_page_size(graph, options);
  dot::Diagram diagram = dot::build_diagram(graph, options.dot);
  dot::add_svg_ids(diagram);
  const std::string svg = dot::render_laid_out(diagram, graph, options, "svg");
  const std::string title = html_text(options.dot.title.empty() ? "diplograph" : options.dot.title);
  const std::string data = dot::script_safe_json(dot::page_data_json(graph, sources));
  const std::string csp = content_security_policy();
  return fill_slots(dot::html_assets::page_html, {{"CSP", csp},
                                                  {"TITLE", title},
                                                  {"STYLE", dot::html_assets::page_css},
                                                  {"SVG", svg_element(svg)},
                                                  {"DATA", data},
                                                  {"SCRIPT", dot::html_assets::page_js}});
}

std::string html_page(const Graph& graph, const RenderOptions& options) { return html_page(graph, options, graph); }

void write_html_page(const Graph& graph, const RenderOptions& options, const Graph& sources,
                     const std::filesystem::path& out) {
  write_file_atomically(out, html_page(graph, options, sources));
}

}  // namespace diplograph
