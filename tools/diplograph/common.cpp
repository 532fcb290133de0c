#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli.hpp"
#include "diplograph/json.hpp"

namespace cli {

namespace fs = std::filesystem;

namespace {
// The installed graph sits at <prefix>/share/diplograph/graph-data beside <prefix>/bin; a
// binary run from a build tree falls back to the source tree's graph-data/.
fs::path bundled_graph() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "diplograph" / "graph-data";
    if (fs::is_directory(installed / "", ec)) return installed;
  }
  return DIPLOGRAPH_SOURCE_DATA_DIR;
}
}  // namespace

diplograph::Graph load_graph(const Globals& globals) {
  diplograph::LoadOptions options;
  if (globals.max_file_size != 0) options.max_file_size = globals.max_file_size;
  try {
    return diplograph::load(globals.graph.empty() ? bundled_graph() : fs::path(globals.graph), options);
  } catch (const diplograph::Error& e) {
    if (e.code() != diplograph::ErrorCode::io || !e.message().starts_with("larger than the limit")) throw;
    auto diagnostics = e.diagnostics();
    diagnostics.front().message += " (raise it with --max-file-size)";
    throw diplograph::Error(std::move(diagnostics));
  }
}

namespace {
// Standard output for std::cout: buffered, written with write(2), and remembering the first
// failure and its errno, which a later write would otherwise overwrite.
class StdoutBuffer : public std::streambuf {
 public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    for (const char* p = pbase(); p < pptr() && !failed_;) {
      const ssize_t n = ::write(1, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) failed_ = true, error_ = errno;
      p += n > 0 ? n : 0;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return !failed_;
  }
  char buffer_[1 << 16];
  bool failed_ = false;
  int error_ = 0;
};

// Never destroyed: std::cout is flushed once more after every static object is gone (by the
// library's ios_base::Init), and must not find its buffer destroyed then.
StdoutBuffer& stdout_buffer() {
  static StdoutBuffer* const buffer = new StdoutBuffer;
  return *buffer;
}
}  // namespace

void capture_output() { std::cout.rdbuf(&stdout_buffer()); }

int finish_output(int code) {
  std::cout.flush();
  const StdoutBuffer& out = stdout_buffer();
  if (!out.failed() && std::cout) return code;
  std::string reason = out.error() ? std::strerror(out.error()) : "";
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  std::cerr << "error: cannot write to standard output" << (reason.empty() ? "" : ": " + reason) << '\n';
  return io_error;
}

diplograph::Node resolve_node(const diplograph::Graph& graph, const std::string& id_or_name) {
  if (auto n = graph.find(id_or_name)) return *n;
  const auto matches = graph.find_by_name(id_or_name);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) graph.at(id_or_name);  // throws, with a did-you-mean over the ids
  std::string candidates;
  for (const auto& n : matches) candidates += "\n  " + std::string(n.id()) + "  (" + std::string(n.label()) + ")";
  throw diplograph::Error(
      diplograph::ErrorCode::reference,
      "'" + id_or_name + "' names " + std::to_string(matches.size()) + " nodes; give one of their ids:" + candidates);
}

}  // namespace cli
