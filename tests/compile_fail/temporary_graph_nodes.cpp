// Must not compile: the handles would point into a graph destroyed before the loop body runs.
// tests/CMakeLists.txt builds this file and expects the build to fail.
#include "diplograph/json.hpp"

int main() {
  int count = 0;
  for (diplograph::Node n : diplograph::load("graph-data").nodes()) count += static_cast<int>(n.index());
  return count;
}
