#pragma once
// Safe JSON reading on top of RapidJSON 1.1.0's SAX reader: iterative parsing, encoding
// validation, numbers passed as text, a nesting cap, and the checks that release lacks (NUL
// bytes, lone surrogates, partial byte order marks). Positions are byte offsets, turned into
// line:column only when a diagnostic needs one.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/error.hpp"

namespace diplograph::detail::json {

/// Deepest nesting accepted; the graph format needs six levels.
inline constexpr int max_depth = 64;

/// Receives parse events. `end` is the offset just past a scalar or key, and the offset of
/// the opening brace or bracket of a container (RapidJSON's iterative parser reports a
/// container before it consumes the opener). Returning false stops the
/// parse; the receiver then sets `failure` to say why.
class Events {
 public:
  virtual ~Events() = default;
  virtual bool null(std::uint64_t end) = 0;
  virtual bool boolean(bool value, std::uint64_t end) = 0;
  virtual bool number(std::string_view text, std::uint64_t end) = 0;
  virtual bool string(std::string_view text, std::uint64_t end) = 0;
  virtual bool key(std::string_view text, std::uint64_t end) = 0;
  virtual bool start_object(std::uint64_t end) = 0;
  virtual bool end_object(std::uint64_t end) = 0;
  virtual bool start_array(std::uint64_t end) = 0;
  virtual bool end_array(std::uint64_t end) = 0;

  struct Failure {
    std::uint64_t offset;
    std::string message;
    bool token_end;  ///< offset is the end of a token; point at its start
  };
  std::optional<Failure> failure;
};

/// Parses one file, sending its events to `events`. Returns the syntax error, if any, as a
/// Diagnostic with line and column; throws Error(ErrorCode::io) when the file cannot be read,
/// is not a regular file, or holds more than `max_size` bytes (see input_file.hpp).
std::optional<Diagnostic> parse_file(const std::filesystem::path& file, Events& events, std::uint64_t max_size);
/// The same for text in memory; `name` is used in diagnostics. With `first_value_only`,
/// parsing stops after the first complete value and ignores what follows.
std::optional<Diagnostic> parse_text(std::string_view text, const std::string& name, Events& events,
                                     bool first_value_only = false);

/// Line and column of byte offsets in one text, computed once from its newlines.
class Positions {
 public:
  Positions(std::string text, std::string name);
  /// Reads the file (at most `max_size` bytes); throws Error(ErrorCode::io).
  static Positions of_file(const std::filesystem::path& file, std::uint64_t max_size);
  /// The location of the byte at `offset`.
  Location at(std::uint64_t offset) const;
  /// The location where the token that ends at `end` begins (a string, number or literal).
  Location token_start(std::uint64_t end) const;
  std::string_view text() const noexcept { return text_; }

 private:
  std::string text_;
  std::string name_;
  std::vector<std::uint64_t> line_starts_;
};

}  // namespace diplograph::detail::json
