#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace diplograph::detail {

std::string system_message(int err) {
  std::string text = std::strerror(err);
  // strerror capitalises its first word; a diagnostic continues after "error: ".
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::islower(static_cast<unsigned char>(text[1])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "a regular file";
}

void throw_io(const std::filesystem::path& file, int err, const std::string& what) {
  throw Error(ErrorCode::io, what.empty() ? system_message(err) : what + ": " + system_message(err),
              Location{file.string()});
}

std::string too_large_message(std::uint64_t max_size) {
  return "larger than the limit of " + std::to_string(max_size) + " bytes for a graph file";
}

namespace {
void check(const std::filesystem::path& file, const struct stat& st, std::uint64_t max_size) {
  if (!S_ISREG(st.st_mode))
    throw Error(ErrorCode::io, "not a regular file or directory: " + file_kind(st.st_mode), Location{file.string()});
  if (static_cast<std::uint64_t>(st.st_size) > max_size)
    throw Error(ErrorCode::io, too_large_message(max_size), Location{file.string()});
}
}  // namespace

FilePtr open_input(const std::filesystem::path& file, std::uint64_t max_size) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) throw_io(file, errno);
  check(file, st, max_size);
  // O_NONBLOCK: should the path have become a FIFO since the check, open() must not wait for
  // a writer; fstat() below then refuses it.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw_io(file, errno);
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw_io(file, err);
  }
  try {
    check(file, st, max_size);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE* f = ::fdopen(fd, "rb");
  if (!f) {
    const int err = errno;
    ::close(fd);
    throw_io(file, err);
  }
  return FilePtr(f);
}

std::string read_input(const std::filesystem::path& file, std::uint64_t max_size) {
  const FilePtr f = open_input(file, max_size);
  std::string text;
  char block[1 << 16];
  for (std::size_t n; (n = std::fread(block, 1, sizeof block, f.get())) > 0;) {
    if (text.size() + n > max_size) throw Error(ErrorCode::io, too_large_message(max_size), Location{file.string()});
    text.append(block, n);
  }
  if (std::ferror(f.get())) throw_io(file, errno, "cannot read");
  return text;
}

}  // namespace diplograph::detail
