// Atomic replacement of a file: write a temporary file beside it, fsync it, rename it over the
// target, fsync the directory. A failure at any step leaves the target as it was.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "diplograph/io.hpp"

namespace diplograph {

namespace {
[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
  throw Error(ErrorCode::io, "cannot " + what + ": " + std::strerror(errno), Location{file.string()});
}
}  // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::string temp = (dir / ("." + file.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(file, "create a temporary file in '" + dir.string() + "'");
  auto abandon = [&](const std::string& what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    errno = saved;
    fail(file, what);
  };
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) abandon("write");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) abandon("set permissions");
  if (::fsync(fd) != 0) abandon("sync");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    fail(file, "close");
  }
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail(file, "replace");
  }
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);  // makes the rename durable; a failure here cannot undo it, so it is not an error
    ::close(dfd);
  }
}

void save(const Graph& graph, const std::filesystem::path& file) { write_file_atomically(file, to_json(graph)); }

}  // namespace diplograph
