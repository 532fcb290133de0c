#pragma once
/// \file
/// Writing a file so that readers see either the old content or the new, never a part.

#include <filesystem>
#include <string_view>

namespace diplograph {

/// Writes `content` to `file` atomically: a temporary file beside it, fsync, rename over the
/// target. On any failure the target is untouched and Error(ErrorCode::io) is thrown.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace diplograph
