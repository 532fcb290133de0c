// Writing the CSV export as a directory, atomically: every file goes into a fresh temporary
// directory beside the target, which is renamed into place only when all are written. A
// previous export at the target is swapped out and removed; any other directory is refused.
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "diplograph/interchange.hpp"
#include "diplograph/io.hpp"

namespace diplograph {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& where, const std::string& what) {
  throw Error(ErrorCode::io, what, Location{where.string()});
}

bool is_export_file(const fs::path& name) {
  const std::string s = name.filename().string();
  return s == "kuzu-schema.cypher" ||
         ((s.starts_with("nodes-") || s.starts_with("edges-")) && name.extension() == ".csv");
}

// The target may be replaced only when it holds nothing but a previous export.
void check_replaceable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  if (!fs::is_directory(dir, ec)) fail(dir, "exists and is not a directory");
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (!entry.is_regular_file() || !is_export_file(entry.path()))
      fail(dir, "holds '" + entry.path().filename().string() +
                    "', which is not part of a CSV export; choose a new or empty directory");
  if (ec) fail(dir, "cannot read: " + ec.message());
}

fs::path temporary_beside(const fs::path& dir, const std::string& tag) {
  std::string pattern = (dir.parent_path() / ("." + dir.filename().string() + tag + ".XXXXXX")).string();
  if (!::mkdtemp(pattern.data()))
    fail(dir, "cannot create a temporary directory beside it: " + std::string(std::strerror(errno)));
  return pattern;
}

}  // namespace

void write_csv_export(const Graph& graph, const fs::path& target) {
  const fs::path dir = fs::absolute(target.filename().empty() ? target.parent_path() : target);
  const std::vector<CsvFile> files = to_csv_files(graph);  // a refused value throws before any write
  check_replaceable(dir);
  const fs::path temp = temporary_beside(dir, ".new");
  std::error_code ec;
  try {
    for (const CsvFile& f : files) write_file_atomically(temp / f.name, f.text);
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
  fs::permissions(temp,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                      fs::perms::others_exec,
                  ec);
  fs::path old;
  if (fs::exists(dir)) {
    old = temporary_beside(dir, ".old");
    fs::rename(dir, old / "export", ec);
    if (ec) {
      fs::remove_all(temp, ec), fs::remove_all(old, ec);
      fail(dir, "cannot move the previous export aside");
    }
  }
  fs::rename(temp, dir, ec);
  if (ec) {
    const std::string why = ec.message();
    if (!old.empty()) fs::rename(old / "export", dir, ec);
    fs::remove_all(temp, ec);
    if (!old.empty()) fs::remove_all(old, ec);
    fail(dir, "cannot rename the new export into place: " + why);
  }
  if (!old.empty()) fs::remove_all(old, ec);
}

}  // namespace diplograph
