#pragma once
// The tables of the CSV export: which files, which columns, and how each column reads in
// neo4j-admin's header and in Kùzu. Both the CSV writer and the Kùzu script are made from it.

#include <string>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph::csv {

struct Column {
  std::string name;          ///< property name in the target database (`prop_` prefixed on a clash)
  std::string neo4j;         ///< the header field: `name:long`, `id:ID`, `:LABEL`, ...
  std::string kuzu_type;     ///< the column's Kùzu type; "" for columns Kùzu does not store
  const PropertySpec* spec;  ///< the diplograph property, or nullptr for a fixed column
};

struct Table {
  std::string name;  ///< the node or edge type
  std::string file;  ///< nodes-<Type>.csv or edges-<TYPE>.csv
  bool edges = false;
  std::string labels;  ///< for nodes: the type and its ancestors, `;`-separated (neo4j's :LABEL)
  std::vector<Column> columns;
  std::vector<std::pair<std::string, std::string>> ends;  ///< (from, to) node types, for edges
};

/// One table per node type that has nodes and per edge type that has edges, in name order.
std::vector<Table> tables(const Graph& graph);

/// kuzu-schema.cypher: CREATE NODE/REL TABLE for each table, then a COPY per node table and
/// per (edge table, from, to) pair, one statement per line.
std::string kuzu_script(const std::vector<Table>& tables);

}  // namespace diplograph::csv
