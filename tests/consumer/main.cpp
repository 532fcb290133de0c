#include <diplograph/diplograph.hpp>

#include <iostream>

int main(int argc, char** argv) {
  auto g = diplograph::load(argc > 1 ? argv[1] : "graph-data");  // a directory or one file
  std::cout << g.node_count() << " nodes, " << g.edge_count() << " edges\n";
}
