#pragma once
// Running work that cannot be interrupted (a Graphviz layout) under a deadline: in a child
// process that is killed when the deadline passes.

#include <chrono>
#include <functional>
#include <string>

namespace diplograph::dot {

/// Runs `work` in a forked child process and returns the string it returns, read back through
/// a pipe. An Error that `work` throws is thrown again here with its code and message. When
/// `timeout` passes first, the child is killed and Error(ErrorCode::render, `late_message`) is
/// thrown; a child that dies (a crash in Graphviz) gives Error(ErrorCode::render) too.
///
/// The child only runs `work` and leaves with _exit(): no atexit handler or destructor of the
/// parent's objects runs twice. A fork copies only the calling thread; should `work` need a
/// lock that another thread of the parent held at that moment, the child waits on it until the
/// deadline kills it, so the caller gets a late Error, never a hang.
std::string run_in_child(const std::function<std::string()>& work, std::chrono::milliseconds timeout,
                         const std::string& late_message);

}  // namespace diplograph::dot
