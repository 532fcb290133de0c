#pragma once
/// \file
/// Graphs and schemas in diplograph's JSON format (documented in graph-data/README.md): load()
/// reads them, to_json() gives the text, write_json() streams it, save() writes a file.

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "diplograph/graph.hpp"
#include "diplograph/schema.hpp"

namespace diplograph {

/// The largest file load() reads by default: 1 GiB, about six million edges of the format.
inline constexpr std::uint64_t default_max_file_size = std::uint64_t{1} << 30;

struct LoadOptions {
  /// A graph or schema file larger than this is refused (Error(ErrorCode::io), "larger than the
  /// limit of N bytes for a graph file") before it is read, so that a wrong path cannot fill
  /// memory. Raise it for larger graphs; each file of a directory is checked on its own.
  std::uint64_t max_file_size = default_max_file_size;
};

/// Loads a graph from a directory (its `schema.json` plus every other `*.json` directly in it,
/// merged, in name order) or from one file (whose embedded `"schema"`, or else the
/// `schema.json` beside it, gives the schema). Checks everything and throws one Error listing
/// every problem as `file:line:column: error: message`, in file order; never returns a partial
/// graph. On a machine with more than one core it reads on the calling thread while a second
/// thread assembles (both joined before it returns); safe to call from several threads at once.
///
/// Only regular files are read: a FIFO, a device or a socket (by path, or as a directory's
/// `*.json` or `schema.json`) is refused with Error(ErrorCode::io) before it is opened
/// ("not a regular file or directory: a FIFO"), as is a file over options.max_file_size. A
/// path the system cannot resolve gives its reason ("too many levels of symbolic links").
[[nodiscard]] Graph load(const std::filesystem::path& path, const LoadOptions& options = {});

/// Loads a graph from the text of one graph file held in memory, as load() loads a file:
/// `text` may embed its schema; else `schema` is used, and with neither a graph with nodes or
/// edges is an error. Diagnostics call the text `name` (`name:line:column: error: ...`).
/// Reads no file. Throws Error listing every problem.
[[nodiscard]] Graph load_from_string(std::string_view text, const std::string& name,
                                     const std::optional<Schema>& schema = {});

/// Loads a schema file (refused as load() refuses a graph file). Throws Error with every problem.
[[nodiscard]] Schema load_schema(const std::filesystem::path& file, const LoadOptions& options = {});

/// The graph as one canonical JSON document: the schema embedded first, then nodes sorted by
/// id and edges sorted by (id, from, type, to), one per line. The same graph always gives the
/// same bytes, and load() of them gives an equal graph.
[[nodiscard]] std::string to_json(const Graph& graph);
/// The schema alone as canonical JSON.
[[nodiscard]] std::string to_json(const Schema& schema);

/// Streams the same bytes as to_json(graph) to `out`.
void write_json(const Graph& graph, std::ostream& out);

/// Writes to_json(graph) to `file` with write_file_atomically() (atomic_file.hpp).
void save(const Graph& graph, const std::filesystem::path& file);

}  // namespace diplograph
