#include <unistd.h>

#include <filesystem>

#include "cli.hpp"
#include "diplograph/json.hpp"

namespace cli {

namespace fs = std::filesystem;

namespace {
// The installed graph sits at <prefix>/share/diplograph/graph-data beside <prefix>/bin; a
// binary run from a build tree falls back to the source tree's graph-data/.
fs::path bundled_graph() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "diplograph" / "graph-data";
    if (fs::is_directory(installed / "", ec)) return installed;
  }
  return DIPLOGRAPH_SOURCE_DATA_DIR;
}
}  // namespace

diplograph::Graph load_graph(const Globals& globals) {
  return diplograph::load(globals.graph.empty() ? bundled_graph() : fs::path(globals.graph));
}

diplograph::Node resolve_node(const diplograph::Graph& graph, const std::string& id_or_name) {
  if (auto n = graph.find(id_or_name)) return *n;
  const auto matches = graph.find_by_name(id_or_name);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) graph.at(id_or_name);  // throws, with a did-you-mean over the ids
  std::string candidates;
  for (const auto& n : matches) candidates += "\n  " + std::string(n.id()) + "  (" + std::string(n.label()) + ")";
  throw diplograph::Error(
      diplograph::ErrorCode::reference,
      "'" + id_or_name + "' names " + std::to_string(matches.size()) + " nodes; give one of their ids:" + candidates);
}

}  // namespace cli
