// Writing an output file. A regular file (or a new path) is replaced atomically: a temporary
// file beside it, fsync, rename over the target, fsync of the directory, so a failure at any
// step leaves the target as it was. Anything else that can take a stream of bytes (a character
// device such as /dev/null, a FIFO, the process's own /dev/stdout) is written through, since
// renaming over it would replace the device or the pipe with a regular file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <random>
#include <string>

#include "diplograph/io.hpp"
#include "io/input_file.hpp"

namespace diplograph {

namespace fs = std::filesystem;
using detail::system_message;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what, int err = errno) {
  throw Error(ErrorCode::io, "cannot " + what + ": " + system_message(err), Location{file.string()});
}

bool write_all(int fd, std::string_view content) {
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// The names by which a process reaches its own open files. Their target may well be a
// regular file (`> out.txt`), which the shell opened and may be appending to: it is written
// through, never replaced.
bool names_a_descriptor(const fs::path& file) {
  const std::string p = file.lexically_normal().string();
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"})
    if (p.rfind(prefix, 0) == 0) return true;
  return p == "/dev/stdout" || p == "/dev/stderr";
}

void write_through(const fs::path& file, std::string_view content) {
  // O_APPEND: when the stream is a file the shell opened with `>>`, add to it.
  const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(file, "open for writing");
  if (!write_all(fd, content)) {
    const int err = errno;
    ::close(fd);
    fail(file, "write", err);
  }
  if (::close(fd) != 0) fail(file, "close");
}

// A temporary file in `dir`, created as open(2) creates a new file: mode 0666 less the umask
// (and any default ACL of the directory).
int create_temporary(const fs::path& dir, const std::string& stem, std::string& name) {
  static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device seed;
  std::minstd_rand random(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(6, 'x');
    for (char& c : suffix) c = letters[random() % (sizeof letters - 1)];
    name = (dir / ("." + stem + "." + suffix)).string();
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

// Replaces (or creates) the regular file `file`; `existing` is its status when it exists.
void replace(const fs::path& file, std::string_view content, const struct stat* existing) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::string temp;
  const int fd = create_temporary(dir, file.filename().string(), temp);
  if (fd < 0) fail(file, "create a temporary file in '" + dir.string() + "'");
  auto abandon = [&](const std::string& what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    fail(file, what, saved);
  };
  if (!write_all(fd, content)) abandon("write");
  if (existing) {
    // The new file takes the old one's owner (where the system allows it) and mode: a 0600
    // file stays private. The owner goes first, since a change of owner clears set-id bits.
    if (::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
      // Not permitted for another user's file; it then belongs to whoever wrote it.
    }
    if (::fchmod(fd, existing->st_mode & 07777) != 0) abandon("set permissions");
  }
  if (::fsync(fd) != 0) abandon("sync");
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(file, "close", saved);
  }
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(file, "replace", saved);
  }
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);  // makes the rename durable; a failure here cannot undo it, so it is not an error
    ::close(dfd);
  }
}

// The file a symbolic link finally names, so that the link itself stays in place.
fs::path link_target(const fs::path& link) {
  char resolved[PATH_MAX];
  if (!::realpath(link.c_str(), resolved)) fail(link, "follow the symbolic link");
  return resolved;
}

}  // namespace

void write_file_atomically(const fs::path& file, std::string_view content) {
  if (names_a_descriptor(file)) return write_through(file, content);
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    const int err = errno;
    struct stat link {};
    if (err == ENOENT && ::lstat(file.c_str(), &link) == 0)
      throw Error(ErrorCode::io, "a symbolic link to a file that does not exist; not writing through it",
                  Location{file.string()});
    if (err != ENOENT) detail::throw_io(file, err);
    return replace(file, content, nullptr);
  }
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return write_through(file, content);
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorCode::io, "cannot write to " + detail::file_kind(st.st_mode), Location{file.string()});
  struct stat link {};
  const bool symlink = ::lstat(file.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  replace(symlink ? link_target(file) : file, content, &st);
}

void save(const Graph& graph, const fs::path& file) { write_file_atomically(file, to_json(graph)); }

}  // namespace diplograph
