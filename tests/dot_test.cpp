#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "diagram_graph.hpp"
#include "diplograph/atomic_file.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/view.hpp"
#include "dot/escape.hpp"
#include "dot/graphviz.hpp"
#include "test_support.hpp"

using namespace diplograph;

namespace {

const dot::ReadBack::Item& item_named(const std::vector<dot::ReadBack::Item>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.name == name; });
  REQUIRE(it != items.end());
  return *it;
}

// The text of every <text> element of an SVG, with XML references decoded.
std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> texts;
  for (auto pos = svg.find("<text"); pos != std::string::npos; pos = svg.find("<text", pos + 1)) {
    const auto begin = svg.find('>', pos) + 1;
    const auto end = svg.find("</text>", begin);
    const std::string raw = svg.substr(begin, end - begin);
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        text += raw[i];
        continue;
      }
      const auto semi = raw.find(';', i);
      const std::string ref = raw.substr(i + 1, semi - i - 1);
      if (ref == "amp")
        text += '&';
      else if (ref == "lt")
        text += '<';
      else if (ref == "gt")
        text += '>';
      else if (ref == "quot")
        text += '"';
      else if (ref == "apos")
        text += '\'';
      else if (ref[0] == '#') {
        const unsigned long code = ref[1] == 'x' ? std::stoul(ref.substr(2), nullptr, 16) : std::stoul(ref.substr(1));
        REQUIRE(code < 0x80);  // Graphviz writes other characters as UTF-8
        text += static_cast<char>(code);
      }
      i = semi;
    }
    texts.push_back(text);
  }
  return texts;
}

// Runs `f` with stderr sent to a temporary file and returns what was written there.
template <class F>
std::string captured_stderr(F&& f) {
  std::fflush(stderr);
  FILE* tmp = std::tmpfile();
  const int saved = dup(2);
  dup2(fileno(tmp), 2);
  try {
    f();
  } catch (...) {
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    throw;
  }
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::rewind(tmp);
  std::string text;
  for (int c; (c = std::fgetc(tmp)) != EOF;) text += static_cast<char>(c);
  std::fclose(tmp);
  return text;
}

}  // namespace

TEST_CASE("esc_string is undone exactly by what Graphviz displays") {
  for (const std::string& label : diagram_test::hostile_labels)
    CHECK(dot::displayed_text(dot::esc_string(label)) == label);
  CHECK(dot::esc_string("a\\b\nc&d") == "a\\\\b\\nc&amp;d");
  CHECK(dot::esc_string("-.") == "\\-.");
  CHECK(dot::esc_string(std::string("bell\x07")) == "bell\xE2\x90\x87");
}

TEST_CASE("every hostile label reads back through agmemread, from both writers") {
  const Graph g = diagram_test::graph();
  for (DotWriter writer : {DotWriter::cgraph, DotWriter::streaming}) {
    CAPTURE(static_cast<int>(writer));
    DotOptions o;
    o.writer = writer;
    o.title = "title with \\N, \"quotes\" and a trailing \\";
    const dot::ReadBack rb = dot::read_back(to_dot(g, o));
    CHECK(dot::displayed_text(rb.graph.at("label")) == o.title);
    for (Node n : g.nodes()) {
      if (n.when()) continue;  // dated nodes get a date line under the label
      const auto& item = item_named(rb.nodes, "n" + std::to_string(n.index()));
      CHECK(dot::displayed_text(item.attrs.at("label")) == n.label());
    }
    CHECK(rb.nodes.size() > g.node_count());  // the legend adds its own nodes
  }
}

TEST_CASE("the cgraph and streaming writers describe the same graph") {
  const Graph g = diagram_test::graph();
  for (ClusterBy clusters : {ClusterBy::none, ClusterBy::type, ClusterBy::state}) {
    DotOptions o;
    o.clusters = clusters;
    o.writer = DotWriter::cgraph;
    const dot::ReadBack a = dot::read_back(to_dot(g, o));
    o.writer = DotWriter::streaming;
    const dot::ReadBack b = dot::read_back(to_dot(g, o));
    CHECK(a.graph == b.graph);
    CHECK(a.clusters == b.clusters);
    auto by_name = [](std::vector<dot::ReadBack::Item> items) {
      std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
      std::vector<std::pair<std::string, dot::ReadBack::Attributes>> out;
      for (auto& i : items) out.emplace_back(i.name, i.attrs);
      return out;
    };
    CHECK(by_name(a.nodes) == by_name(b.nodes));
    CHECK(by_name(a.edges) == by_name(b.edges));
  }
}

TEST_CASE("to_dot is deterministic and matches the golden file") {
  const Graph g = diagram_test::graph();
  const std::string first = to_dot(g);
  CHECK(first == to_dot(diagram_test::graph()));
  const std::filesystem::path golden = std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "golden" / "diagram.dot";
  if (std::getenv("DIPLOGRAPH_UPDATE_GOLDEN")) write_file_atomically(golden, first);
  CHECK(first == test::read_file(golden));
  DotOptions o;
  o.clusters = ClusterBy::state;
  o.rankdir = RankDir::top_down;
  o.writer = DotWriter::streaming;
  const std::filesystem::path golden2 = std::filesystem::path(DIPLOGRAPH_TEST_DIR) / "golden" / "diagram-states-tb.dot";
  if (std::getenv("DIPLOGRAPH_UPDATE_GOLDEN")) write_file_atomically(golden2, to_dot(g, o));
  CHECK(to_dot(g, o) == test::read_file(golden2));
  std::ostringstream streamed;
  write_dot(g, streamed, o);
  CHECK(streamed.str() == test::read_file(golden2));
}

TEST_CASE("style: shapes by node type, edge colours by the PLOVER quad class of their event") {
  const Graph g = diagram_test::graph();
  const dot::ReadBack rb = dot::read_back(to_dot(g));
  auto node_attr = [&](std::string_view id, const char* attr) {
    return item_named(rb.nodes, "n" + std::to_string(g.at(id).index())).attrs.at(attr);
  };
  CHECK(node_attr("azerbaijan", "shape") == "box");
  CHECK(node_attr("aliyev", "shape") == "ellipse");
  CHECK(node_attr("azal-downing", "shape") == "octagon");
  CHECK(node_attr("allied-declaration", "shape") == "folder");
  CHECK(node_attr("planned-visit", "style").find("dashed") != std::string::npos);
  auto edge_attrs = [&](std::string_view from, std::string_view to) {
    return item_named(rb.edges, "n" + std::to_string(g.at(from).index()) + " -> n" + std::to_string(g.at(to).index()))
        .attrs;
  };
  const auto coop = edge_attrs("russia", "dushanbe-meeting");
  const auto conflict = edge_attrs("russia", "azal-downing");
  CHECK(coop.at("color") != conflict.at("color"));
  CHECK(coop.at("style") == "dashed");     // verbal
  CHECK(conflict.at("style") == "solid");  // material
  CHECK(dot::displayed_text(conflict.at("label")) == "ACTOR\n2024-12-25");
  CHECK(edge_attrs("aliyev", "azerbaijan").count("color"));
  CHECK(item_named(rb.nodes, "legend0").attrs.at("label") == "State");
  std::vector<std::string> legend_labels;
  for (const auto& n : rb.nodes)
    if (n.name.rfind("legend", 0) == 0 && n.attrs.count("label")) legend_labels.push_back(n.attrs.at("label"));
  CHECK(std::count(legend_labels.begin(), legend_labels.end(), "material conflict") == 1);
  CHECK(std::count(legend_labels.begin(), legend_labels.end(), "verbal cooperation") == 1);
}

TEST_CASE("clusters by state hold the state and the actors that belong to it") {
  const Graph g = diagram_test::graph();
  DotOptions o;
  o.clusters = ClusterBy::state;
  o.legend = false;
  o.writer = DotWriter::streaming;  // lists cluster members by name alone
  const std::string text = to_dot(g, o);
  const dot::ReadBack rb = dot::read_back(text);
  CHECK(rb.clusters == std::vector<std::string>{"cluster0", "cluster1"});
  // aliyev LEADS azerbaijan, so he is drawn inside Azerbaijan's box.
  const auto aze = "n" + std::to_string(g.at("azerbaijan").index());
  const auto aliyev = "n" + std::to_string(g.at("aliyev").index());
  const auto start = text.find("subgraph cluster0");
  const auto end = text.find('}', start);
  const std::string box = text.substr(start, end - start);
  CHECK(box.find("label=\"Azerbaijan\"") != std::string::npos);
  CHECK(box.find(aze + ";") != std::string::npos);
  CHECK(box.find(aliyev + ";") != std::string::npos);
}

TEST_CASE("a view drawn leaves nothing dangling") {
  const Graph g = diagram_test::graph();
  ViewOptions v;
  v.center = "azal-downing";
  v.depth = 1;
  const Graph ego = view(g, v);
  DotOptions o;
  o.legend = false;
  const dot::ReadBack rb = dot::read_back(to_dot(ego, o));
  CHECK(rb.nodes.size() == 3);  // the incident, Russia and Azerbaijan
  CHECK(rb.edges.size() == 2);
}

TEST_CASE("the SVG shows every label as text") {
  const Graph g = diagram_test::graph();
  const std::string svg = to_image(g, RenderOptions{}, ImageFormat::svg);
  REQUIRE(svg.rfind("<?xml", 0) == 0);
  const std::vector<std::string> texts = svg_texts(svg);
  for (const std::string& label : diagram_test::hostile_labels) {
    std::string rest = label;
    if (!rest.empty() && rest.back() == '\n') rest.pop_back();  // a trailing line break draws nothing
    for (std::size_t pos = 0; pos <= rest.size();) {
      const std::size_t nl = std::min(rest.find('\n', pos), rest.size());
      const std::string line = rest.substr(pos, nl - pos);
      CAPTURE(line);
      CHECK(std::find(texts.begin(), texts.end(), line) != texts.end());
      pos = nl + 1;
    }
  }
  CHECK(svg.find("image") == std::string::npos);
  CHECK(svg.find("xlink:href") == std::string::npos);
}

TEST_CASE("PNG and PDF render in process") {
  const Graph g = diagram_test::graph();
  const std::string png = to_image(g, RenderOptions{}, ImageFormat::png);
  CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  RenderOptions sfdp;
  sfdp.layout = Layout::sfdp;
  CHECK(to_image(g, sfdp, ImageFormat::pdf).rfind("%PDF-", 0) == 0);
  const auto out = std::filesystem::temp_directory_path() / "diplograph-dot-test.svg";
  render(g, RenderOptions{}, out);
  CHECK(test::read_file(out).find("</svg>") != std::string::npos);
  std::filesystem::remove(out);
  CHECK_THROWS_WITH_AS(render(g, RenderOptions{}, "diagram.gif"),
                       "error: cannot tell the image format of 'diagram.gif': name it .svg, .png, .pdf or .html", Error);
}

TEST_CASE("wrapped labels break at spaces only, counting characters, not bytes") {
  GraphBuilder b(diagram_test::schema());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"Detention of Azerbaijani diaspora representatives in Russia (two deaths)",
       "Detention of Azerbaijani\ndiaspora representatives in\nRussia (two deaths)"},
      {"Əliyev Əliyev Əliyev Əliyev", "Əliyev Əliyev Əliyev Əliyev"},  // 27 characters, 31 bytes
      {"Nakhchivan-Autonomous-Republic-Road and more", "Nakhchivan-Autonomous-Republic-Road\nand more"},
      {"two\nlines already here and there", "two\nlines already here and\nthere"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i)
    b.add_node(diagram_test::node("p" + std::to_string(i), "Place", cases[i].first));
  b.add_node(diagram_test::node("src-a", "Source", "A"));
  const Graph g = b.build();
  DotOptions o;
  o.wrap = 27;
  o.legend = false;
  const dot::ReadBack wrapped = dot::read_back(to_dot(g, o));
  o.wrap = 0;
  const dot::ReadBack whole = dot::read_back(to_dot(g, o));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string name = "n" + std::to_string(g.at("p" + std::to_string(i)).index());
    CHECK(dot::displayed_text(item_named(wrapped.nodes, name).attrs.at("label")) == cases[i].second);
    CHECK(dot::displayed_text(item_named(whole.nodes, name).attrs.at("label")) == cases[i].first);
  }
}

namespace {
// `states` States, as many Organizations, each State a member of `per_state` of them.
Graph memberships(std::size_t states, std::size_t per_state) {
  GraphBuilder b(diagram_test::schema());
  b.add_node(diagram_test::node("src-a", "Source", "A"));
  for (std::size_t i = 0; i < states; ++i) {
    b.add_node(diagram_test::node("s" + std::to_string(i), "State", "State " + std::to_string(i)));
    b.add_node(diagram_test::node("o" + std::to_string(i), "Organization", "Org " + std::to_string(i)));
  }
  for (std::size_t i = 0; i < states; ++i)
    for (std::size_t k = 1; k <= per_state; ++k)
      b.add_edge(
          diagram_test::edge("MEMBER_OF", "s" + std::to_string(i), "o" + std::to_string((i * 7 + k * 13) % states)));
  return b.build();
}
}  // namespace

TEST_CASE("the dot layout is refused when it is predicted to take long, unless forced") {
  CHECK(predicted_dot_seconds(100, 100) < 1);
  CHECK(predicted_dot_seconds(262, 623) < dot_layout_budget_seconds);  // the bundled graph
  CHECK(predicted_dot_seconds(600, 1200) > dot_layout_budget_seconds);
  CHECK(predicted_dot_seconds(800, 1600) > predicted_dot_seconds(600, 1200));
  const Graph big = memberships(600, 3);
  const auto started = std::chrono::steady_clock::now();
  try {
    render_to_string(big, RenderOptions{}, ImageFormat::svg);
    FAIL("rendered");
  } catch (const Error& e) {
    const std::string text = e.what();
    CHECK(text.starts_with("error: the dot layout of 1201 nodes and 1800 edges would take about "));
    CHECK(text.ends_with("): draw a smaller view or use the sfdp layout"));
    CHECK(text.find("--") == std::string::npos);  // the library names no command-line option
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));  // refused, not tried
  RenderOptions sfdp;
  sfdp.layout = Layout::sfdp;
  sfdp.dot.legend = false;
  CHECK(to_image(big, sfdp, ImageFormat::svg).find("</svg>") != std::string::npos);
}

TEST_CASE("a render with a timeout stops a layout that runs past it, and otherwise gives the same bytes") {
  RenderOptions late;
  late.force = true;
  late.timeout = std::chrono::milliseconds(100);
  const auto started = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(render_to_string(memberships(300, 3), late, ImageFormat::svg),
                       "error: the dot layout of 601 nodes and 900 edges did not finish within 0.1 s and was stopped",
                       Error);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));

  const Graph g = diagram_test::graph();
  RenderOptions timed;
  timed.timeout = std::chrono::seconds(120);
  CHECK(render_to_string(g, timed, ImageFormat::svg) == render_to_string(g, RenderOptions{}, ImageFormat::svg));
  // An error inside the child comes back with its code and message.
}

TEST_CASE("Graphviz errors become diplograph::Error and print nothing") {
  std::string message;
  const std::string err = captured_stderr([&] {
    try {
      dot::read_back("digraph { a -> ; }");
    } catch (const Error& e) {
      message = e.what();
    }
  });
  CHECK(err.empty());
  CHECK(message.find("Graphviz could not read the DOT text") != std::string::npos);
  CHECK(message.find("syntax error") != std::string::npos);
}

TEST_CASE("layout names and image formats") {
  CHECK(parse_layout("sfdp") == Layout::sfdp);
  CHECK_FALSE(parse_layout("spring"));
  CHECK(layout_name(Layout::circo) == "circo");
  CHECK(image_format_for("a/b.SVG") == ImageFormat::svg);
  CHECK(image_format_for("x.pdf") == ImageFormat::pdf);
  CHECK_FALSE(image_format_for("x.jpeg"));
}
