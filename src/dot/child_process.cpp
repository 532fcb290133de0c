#include "dot/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "diplograph/error.hpp"

namespace diplograph::dot {
namespace {

using Clock = std::chrono::steady_clock;

// What the child sends: one status byte, then the result or the error's code and message.
constexpr char ok = 'O';
constexpr char failed = 'E';

void write_all(int fd, const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;
    done += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void child(int fd, const std::function<std::string()>& work) {
  std::string message;
  try {
    message = ok + work();
  } catch (const Error& e) {
    message = std::string(1, failed) + static_cast<char>(e.code()) + e.message();
  } catch (...) {
    message = std::string(1, failed) + static_cast<char>(ErrorCode::render) + "the renderer failed";
  }
  write_all(fd, message);
  ::_exit(0);
}

[[noreturn]] void system_failure(const char* what) {
  throw Error(ErrorCode::render, std::string("cannot ") + what + ": " + std::strerror(errno));
}

}  // namespace

std::string run_in_child(const std::function<std::string()>& work, std::chrono::milliseconds timeout,
                         const std::string& late_message) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) system_failure("create a pipe");
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    system_failure("start a process");
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], work);
  }
  ::close(fds[1]);
  const auto deadline = Clock::now() + timeout;
  std::string received;
  bool late = false;
  for (char block[1 << 16];;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fds[0], POLLIN, 0};
    const int ready = left > 0 ? ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30))) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      late = true;
      break;
    }
    const ssize_t n = ::read(fds[0], block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    received.append(block, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (late) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (late) throw Error(ErrorCode::render, late_message);
  if (received.empty() || (received[0] != ok && received[0] != failed)) {
    const std::string how =
        WIFSIGNALED(status) ? std::string(" (signal ") + std::to_string(WTERMSIG(status)) + ")" : "";
    throw Error(ErrorCode::render, "the renderer's process ended without a result" + how);
  }
  if (received[0] == ok) return received.substr(1);
  if (received.size() < 2) throw Error(ErrorCode::render, "the renderer failed");
  throw Error(static_cast<ErrorCode>(received[1]), received.substr(2));
}

}  // namespace diplograph::dot
