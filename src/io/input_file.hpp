#pragma once
// Opening the files a graph is read from. Only regular files are opened for reading: a FIFO
// would block the reader forever and a device such as /dev/zero never ends, so both are
// refused on their type before they are read, and a regular file larger than the caller's cap
// is refused before it fills memory.

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "diplograph/error.hpp"

namespace diplograph::detail {

/// strerror(`err`) as a diagnostic says it: "too many levels of symbolic links".
std::string system_message(int err);

/// What a file of mode `mode` is, for messages: "a FIFO", "a character device", ...
std::string file_kind(mode_t mode);

/// Error(ErrorCode::io) at `file` with system_message(err), after `what` when it is not empty.
[[noreturn]] void throw_io(const std::filesystem::path& file, int err, const std::string& what = "");

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

/// Opens `file` for reading after checking (by its path, then by the opened descriptor, so a
/// swap in between is caught) that it is a regular file of at most `max_size` bytes. Throws
/// Error(ErrorCode::io) naming the file: the system's reason, "not a regular file or
/// directory: a FIFO", or the size over the limit. Never blocks on a FIFO.
FilePtr open_input(const std::filesystem::path& file, std::uint64_t max_size);

/// The message for a file that has more than `max_size` bytes.
std::string too_large_message(std::uint64_t max_size);

/// The whole of `file`, opened with open_input(); throws Error(ErrorCode::io), also when the
/// file grows past `max_size` while it is read.
std::string read_input(const std::filesystem::path& file, std::uint64_t max_size);

}  // namespace diplograph::detail
