#pragma once
/// \file
/// Reading and writing graphs in diplograph's JSON format (documented in graph-data/README.md).

#include <filesystem>
#include <string>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"

namespace diplograph {

/// Loads a graph from a directory (its `schema.json` plus every other `*.json` directly in it,
/// merged, in name order) or from one file (whose embedded `"schema"`, or else the
/// `schema.json` beside it, gives the schema). Checks everything and throws one Error listing
/// every problem as `file:line:column: error: message`, in file order; never returns a partial
/// graph. On a machine with more than one core it reads on the calling thread while a second
/// thread assembles (both joined before it returns); safe to call from several threads at once.
Graph load(const std::filesystem::path& path);

/// Loads a schema file. Throws Error with every problem.
Schema load_schema(const std::filesystem::path& file);

/// The graph as one canonical JSON document: the schema embedded first, then nodes sorted by
/// id and edges sorted by (id, from, type, to), one per line. The same graph always gives the
/// same bytes, and load() of them gives an equal graph.
std::string to_json(const Graph& graph);
/// The schema alone as canonical JSON.
std::string to_json(const Schema& schema);

/// Writes to_json(graph) to `file` atomically: a temporary file beside it, fsync, rename.
/// On any failure the target is untouched and Error(ErrorCode::io) is thrown.
void save(const Graph& graph, const std::filesystem::path& file);

/// Writes `content` to `file` atomically, as save() does. Throws Error(ErrorCode::io).
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace diplograph
