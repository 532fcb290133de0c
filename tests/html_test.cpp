// The interactive HTML page (src/dot/html_page.cpp, html_data.cpp): what it embeds and how.
// What it does in a browser is tested in a browser (tests/browser/).

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "diagram_graph.hpp"
#include "diplograph/error.hpp"
#include "diplograph/html.hpp"
#include "diplograph/io.hpp"
#include "diplograph/view.hpp"
#include "dot/html_assets.hpp"
#include "dot/html_data.hpp"
#include "test_support.hpp"

using namespace diplograph;

namespace {

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string between(const std::string& text, std::string_view open, std::string_view close) {
  const auto begin = text.find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = text.find(close, begin + open.size());
  REQUIRE(end != std::string::npos);
  return text.substr(begin + open.size(), end - begin - open.size());
}

// The hex of a CSP hash source's base64, to compare with the SHA-256 CMake computed.
std::string base64_to_hex(std::string_view b64) {
  constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string hex;
  std::uint32_t bits = 0;
  int have = 0;
  for (char c : b64) {
    if (c == '=') break;
    bits = bits << 6 | static_cast<std::uint32_t>(digits.find(c));
    have += 6;
    if (have >= 8) {
      have -= 8;
      constexpr std::string_view x = "0123456789abcdef";
      const unsigned byte = (bits >> have) & 0xFF;
      hex += x[byte >> 4];
      hex += x[byte & 15];
    }
  }
  return hex;
}

RenderOptions small_options() {
  RenderOptions o;
  o.dot.title = "A <title> & \"quotes\"";
  return o;
}

}  // namespace

TEST_CASE("script_safe_json escapes what could end the script element or a JavaScript string") {
  CHECK(dot::script_safe_json(R"({"a":"</script><!--x-->&amp;","b":[1,2]})") ==
        R"({"a":"\u003c/script\u003e\u003c!--x--\u003e\u0026amp;","b":[1,2]})");
  CHECK(dot::script_safe_json("\"line\xE2\x80\xA8sep\xE2\x80\xA9para \xE2\x80\xA7 \xC3\xA9\"") ==
        "\"line\\u2028sep\\u2029para \xE2\x80\xA7 \xC3\xA9\"");  // U+2027 and é stay as they are
  CHECK(dot::script_safe_json("") == "");
}

TEST_CASE("the page's data matches the golden file: every fact, citation, date span and folded name") {
  const Graph g = diagram_test::graph();
  const std::string json = dot::page_data_json(g, g);
  const std::filesystem::path golden = std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "golden" / "page-data.json";
  if (std::getenv("DIPLOGRAPH_UPDATE_GOLDEN")) write_file_atomically(golden, json + "\n");
  CHECK(json + "\n" == test::read_file(golden));
  CHECK(json == dot::page_data_json(g, g));
}

TEST_CASE("a view's page finds the sources it cites in the graph it was taken from") {
  const Graph g = diagram_test::graph();
  ViewOptions v;
  v.center = "dushanbe-meeting";
  const Graph shown = view(g, v);
  REQUIRE_FALSE(shown.find("src-a"));
  CHECK(dot::page_data_json(shown, g).find("\"sources\":[\n{\"id\":\"src-a\",\"label\":\"Article A\"}]") !=
        std::string::npos);
  CHECK(dot::page_data_json(shown, shown).find("\"sources\":[\n{\"id\":\"src-a\"}]") != std::string::npos);
}

TEST_CASE("the page holds the data as escaped JSON, the SVG inline, and only its own script and style") {
  const Graph g = diagram_test::graph();
  const std::string page = html_page(g, small_options());
  CHECK(page == html_page(g, small_options()));  // deterministic

  // One data block and one script, the script exactly the asset; nothing from the data can
  // close either, so "</script" appears exactly twice.
  CHECK(count(page, "<script") == 2);
  CHECK(count(page, "</script") == 2);
  CHECK(between(page, "<script type=\"application/json\" id=\"dg-data\">", "</script>") ==
        dot::script_safe_json(dot::page_data_json(g, g)));
  CHECK(between(page, "<script>", "</script>") == dot::html_assets::page_js);
  CHECK(between(page, "<style>", "</style>") == dot::html_assets::page_css);
  CHECK(count(page, "<style") == 1);

  // The CSP allows exactly these two by their SHA-256 and nothing else.
  const std::string csp = between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">");
  const std::string script_hash = between(csp, "script-src 'sha256-", "'");
  const std::string style_hash = between(csp, "style-src 'sha256-", "'");
  CHECK(base64_to_hex(script_hash) == dot::html_assets::page_js_sha256);
  CHECK(base64_to_hex(style_hash) == dot::html_assets::page_css_sha256);
  CHECK(csp == "default-src 'none'; script-src 'sha256-" + script_hash + "'; style-src 'sha256-" + style_hash +
                   "'; img-src 'none'; base-uri 'none'; form-action 'none'");
  CHECK(script_hash.size() == 44);

  // The title is text; the SVG comes without its XML prolog, its nodes and edges carry ids
  // made from indexes only, and its labels are escaped by Graphviz.
  CHECK(page.find("<title>A &lt;title&gt; &amp; &quot;quotes&quot;</title>") != std::string::npos);
  CHECK(page.find("<?xml") == std::string::npos);
  CHECK(page.find("<!DOCTYPE svg") == std::string::npos);
  CHECK(count(page, "<svg") == 1);
  for (NodeIndex i = 0; i < g.node_count(); ++i)
    CHECK(page.find("id=\"dgn" + std::to_string(i) + "\"") != std::string::npos);
  for (EdgeIndex i = 0; i < g.edge_count(); ++i)
    CHECK(page.find("id=\"dge" + std::to_string(i) + "\"") != std::string::npos);
  CHECK(page.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);              // in the SVG
  CHECK(page.find("\\u003cb\\u003ebold\\u003c/b\\u003e") != std::string::npos);  // in the data
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("<html>&#60;") == std::string::npos);
}

TEST_CASE("the page's script never turns data into markup") {
  for (std::string_view sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                                "setAttribute('on", "srcdoc"})
    CHECK_MESSAGE(dot::html_assets::page_js.find(sink) == std::string_view::npos, sink);
}

TEST_CASE("a page past its size limit is refused with a suggestion, unless forced") {
  GraphBuilder b(diagram_test::schema());
  for (std::size_t i = 0; i <= html_page_node_limit; ++i)
    b.add_node(diagram_test::node("p" + std::to_string(i), "Place", "P"));
  b.add_node(diagram_test::node("src-a", "Source", "A"));
  const Graph big = b.build();
  RenderOptions sfdp;
  sfdp.layout = Layout::sfdp;
  CHECK_THROWS_WITH_AS(html_page(big, sfdp),
                       "error: the graph has 1002 nodes; an interactive page stays usable up to 1000: draw a view "
                       "of it (an ego network, a time window, some types or sources) or set RenderOptions::force",
                       Error);
}

TEST_CASE("render() writes the page for an .html path, atomically") {
  test::TempDir dir;
  const Graph g = diagram_test::graph();
  render(g, small_options(), dir / "graph.HTML");
  CHECK(test::read_file(dir / "graph.HTML") == html_page(g, small_options()));
  CHECK(is_html_file("x.htm"));
  CHECK_FALSE(is_html_file("x.svg"));
  CHECK_THROWS_AS(render(g, small_options(), dir / "missing" / "graph.html"), Error);
}
