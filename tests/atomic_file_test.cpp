// write_file_atomically() (src/io/atomic_file.cpp): what it does to each kind of target.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "diplograph/error.hpp"
#include "diplograph/io.hpp"
#include "test_support.hpp"

using namespace diplograph;
namespace fs = std::filesystem;

namespace {

struct stat status_of(const fs::path& p, bool follow = true) {
  struct stat st {};
  REQUIRE((follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st)) == 0);
  return st;
}

mode_t permissions(const fs::path& p) { return status_of(p).st_mode & 07777; }

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Sets the umask for one scope.
class Umask {
 public:
  explicit Umask(mode_t mask) : saved_(::umask(mask)) {}
  ~Umask() { ::umask(saved_); }

 private:
  mode_t saved_;
};

}  // namespace

TEST_CASE("a regular file is replaced and keeps its mode; a new file gets 0666 less the umask") {
  test::TempDir dir;
  const fs::path secret = dir / "secret.json";
  write(secret, "old");
  REQUIRE(::chmod(secret.c_str(), 0600) == 0);
  write_file_atomically(secret, "new");
  CHECK(test::read_file(secret) == "new");
  CHECK(permissions(secret) == 0600);

  {
    const Umask mask(077);
    write_file_atomically(dir / "private.json", "x");
  }
  CHECK(permissions(dir / "private.json") == 0600);
  {
    const Umask mask(022);
    write_file_atomically(dir / "shared.json", "x");
  }
  CHECK(permissions(dir / "shared.json") == 0644);
  // Nothing but the targets is left behind.
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 3);
}

TEST_CASE("a symbolic link is followed: its target is replaced, the link stays") {
  test::TempDir dir;
  fs::create_directory(dir / "real");
  write(dir / "real" / "graph.json", "old");
  REQUIRE(::chmod((dir / "real" / "graph.json").c_str(), 0640) == 0);
  fs::create_symlink("real/graph.json", dir / "link.json");
  write_file_atomically(dir / "link.json", "new");
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(fs::read_symlink(dir / "link.json") == "real/graph.json");
  CHECK(test::read_file(dir / "real" / "graph.json") == "new");
  CHECK(permissions(dir / "real" / "graph.json") == 0640);

  fs::create_symlink("nowhere.json", dir / "dangling.json");
  CHECK_THROWS_WITH_AS(write_file_atomically(dir / "dangling.json", "x"),
                       ((dir / "dangling.json").string() +
                        ": error: a symbolic link to a file that does not exist; not writing through it")
                           .c_str(),
                       Error);
  CHECK(fs::is_symlink(dir / "dangling.json"));
  CHECK(!fs::exists(dir / "nowhere.json"));
}

TEST_CASE("a FIFO is written through, not replaced") {
  test::TempDir dir;
  const fs::path fifo = dir / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto reader = std::async(std::launch::async, [&] { return test::read_file(fifo); });
  write_file_atomically(fifo, "streamed");
  CHECK(reader.get() == "streamed");
  CHECK(S_ISFIFO(status_of(fifo).st_mode));
}

TEST_CASE("a character device is written through, never replaced") {
  // A null device of our own in a temporary directory: should the test fail, it is that
  // node that gets replaced, not the system's /dev/null.
  test::TempDir dir;
  const fs::path null = dir / "null";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    MESSAGE("mknod needs root; using a symbolic link to /dev/null instead");
    fs::create_symlink("/dev/null", null);
  }
  const struct stat before = status_of(null);
  const struct stat system_null = status_of("/dev/null");
  REQUIRE(S_ISCHR(before.st_mode));
  write_file_atomically(null, "discarded");
  const struct stat after = status_of(null);
  CHECK(S_ISCHR(after.st_mode));
  CHECK(after.st_rdev == before.st_rdev);
  CHECK(after.st_ino == before.st_ino);
  CHECK(status_of("/dev/null").st_ino == system_null.st_ino);
}

TEST_CASE("a directory is refused by name") {
  test::TempDir dir;
  fs::create_directory(dir / "out.json");
  CHECK_THROWS_WITH_AS(write_file_atomically(dir / "out.json", "x"),
                       ((dir / "out.json").string() + ": error: cannot write to a directory").c_str(), Error);
}
