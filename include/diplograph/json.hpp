#pragma once
/// \file
/// Graphs and schemas in diplograph's JSON format (documented in graph-data/README.md): load()
/// reads them, to_json() gives the text, write_json() streams it, save() writes a file.

#include <filesystem>
#include <iosfwd>
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
[[nodiscard]] Graph load(const std::filesystem::path& path);

/// Loads a schema file. Throws Error with every problem.
[[nodiscard]] Schema load_schema(const std::filesystem::path& file);

/// The graph as one canonical JSON document: the schema embedded first, then nodes sorted by
/// id and edges sorted by (id, from, type, to), one per line. The same graph always gives the
/// same bytes, and load() of them gives an equal graph.
[[nodiscard]] std::string to_json(const Graph& graph);
/// The schema alone as canonical JSON.
[[nodiscard]] std::string to_json(const Schema& schema);

/// Streams the same bytes as to_json(graph) to `out`.
void write_json(const Graph& graph, std::ostream& out);

/// Writes to_json(graph) to `file` atomically: a temporary file beside it, fsync, rename.
/// On any failure the target is untouched and Error(ErrorCode::io) is thrown.
void save(const Graph& graph, const std::filesystem::path& file);

}  // namespace diplograph
