#pragma once
/// \file
/// Writing a file so that readers see either the old content or the new, never a part.

#include <filesystem>
#include <string_view>

namespace diplograph {

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
