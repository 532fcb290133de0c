#pragma once
/// \file
/// Reading and writing graphs in diplograph's JSON format (documented in graph-data/README.md).

#include <cstdint>
#include <filesystem>
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
Graph load(const std::filesystem::path& path, const LoadOptions& options = {});

/// Loads a graph from the text of one graph file held in memory, as load() loads a file:
/// `text` may embed its schema; else `schema` is used, and with neither a graph with nodes or
/// edges is an error. Diagnostics call the text `name` (`name:line:column: error: ...`).
/// Reads no file. Throws Error listing every problem.
Graph load_from_string(std::string_view text, const std::string& name, const std::optional<Schema>& schema = {});

/// Loads a schema file (refused as load() refuses a graph file). Throws Error with every problem.
Schema load_schema(const std::filesystem::path& file, const LoadOptions& options = {});

/// The graph as one canonical JSON document: the schema embedded first, then nodes sorted by
/// id and edges sorted by (id, from, type, to), one per line. The same graph always gives the
/// same bytes, and load() of them gives an equal graph.
std::string to_json(const Graph& graph);
/// The schema alone as canonical JSON.
std::string to_json(const Schema& schema);

/// Writes to_json(graph) to `file` with write_file_atomically().
void save(const Graph& graph, const std::filesystem::path& file);

/// Writes `content` to `file`, by what `file` is:
/// - a regular file or a new path: atomically, through a temporary file beside it, fsync and
///   rename, so that on any failure the target is untouched. An existing file keeps its mode
///   (a 0600 file stays 0600) and, where the system permits, its owner; a new file gets 0666
///   less the umask, as open(2) would give it. (A hard link to the old file keeps the old
///   content: the name gets a new file.)
/// - a symbolic link: followed to the file it finally names, which is replaced as above; the
///   link stays. A link to nothing is refused rather than written through.
/// - a character device (/dev/null), a FIFO, or a name of the process's own open files
///   (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N): written through as a stream,
///   never replaced (appending when it is a regular file opened by the shell). Not atomic.
/// - anything else (a directory, a block device, a socket): refused.
/// Throws Error(ErrorCode::io) naming `file` and the reason.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace diplograph
