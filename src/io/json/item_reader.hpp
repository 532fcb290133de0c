#pragma once
// Reads one node or edge object of the graph format into plain data, reporting what is wrong
// with its JSON (wrong kinds, unknown fields, bad dates) where it is.

#include <optional>

#include "diplograph/graph.hpp"
#include "graph/assembler.hpp"
#include "io/json/diagnostics.hpp"

namespace diplograph::detail::json {

/// Reads the node in the tree's root object into `out`, replacing what it held; false when the
/// node has no usable id. The loader's slow path: items the fast reader (fast_item.hpp) does not
/// accept, and the place of every problem.
bool read_node(const Tree& tree, FileProblems& problems, NodeData& out);
/// The same for an edge; false when it lacks its type or an end.
bool read_edge(const Tree& tree, FileProblems& problems, EdgeData& out);

/// Where a problem of the item in `tree` points: the field's value, or the object itself.
Location field_location(const Tree& tree, const Problem& problem, FileProblems& problems);

/// Reads again the item whose opening brace is at `offset` of the problems' file.
void reread_item(FileProblems& problems, std::uint64_t offset, Tree& tree);

}  // namespace diplograph::detail::json
