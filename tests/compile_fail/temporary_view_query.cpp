// Must not compile: the result's cells would hold handles into a view destroyed at the end of
// the statement. tests/CMakeLists.txt builds this file and expects the build to fail.
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"
#include "diplograph/view.hpp"

int main() {
  const diplograph::Graph g = diplograph::load("graph-data");
  const auto result = diplograph::query(diplograph::view(g, {}), "MATCH (s:State) RETURN s");
  return static_cast<int>(result.rows.size());
}
