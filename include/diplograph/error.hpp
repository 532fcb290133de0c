#pragma once
/// \file
/// The one error type of diplograph. Every failure the library reports is a diplograph::Error;
/// it never prints, exits or aborts.

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

/// What kind of problem a diagnostic reports; stable, so programs may switch on it.
enum class ErrorCode : std::uint8_t {
  syntax,     ///< malformed JSON or query text
  schema,     ///< unknown type or property, a fact the schema does not allow
  reference,  ///< an id that names nothing (dangling edge end, unknown source)
  duplicate,  ///< a repeated id or JSON key
  value,      ///< a value of the wrong kind, or a bad date
  io,         ///< a file that cannot be read or written
  query,      ///< a query that cannot run (unknown variable, type mismatch)
  render,     ///< Graphviz refused a graph or a layout
  argument,   ///< a query function argument of the right type but out of range
  limit,      ///< a query stopped by its limits (deadline, rows, bindings, cancellation)
};

/// Where a problem is: file, 1-based line and column (bytes). 0 means unknown.
struct Location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const Location&, const Location&) = default;
};

/// Whether a diagnostic stops the operation (an Error carries these) or only informs (a
/// compiled query's warnings).
enum class Severity : std::uint8_t { error, warning };

/// One problem, printable as `file:line:column: error: message` (`warning:` for a warning).
struct Diagnostic {
  ErrorCode code = ErrorCode::syntax;
  Location where;
  std::string message;
  Severity severity = Severity::error;
  /// The gcc-style line; parts of the location that are unknown are left out.
  std::string to_string() const;
};

/// The exception diplograph throws. It carries at least one diagnostic; loading collects every
/// problem it finds before throwing, and what() lists them one per line.
class Error : public std::exception {
 public:
  Error(ErrorCode code, std::string message, Location where = {});
  /// \pre `diagnostics` is not empty.
  explicit Error(std::vector<Diagnostic> diagnostics);

  const char* what() const noexcept override { return what_.c_str(); }
  /// The code, location and message of the first diagnostic.
  ErrorCode code() const noexcept { return diagnostics_.front().code; }
  const Location& location() const noexcept { return diagnostics_.front().where; }
  const std::string& message() const noexcept { return diagnostics_.front().message; }
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::string what_;
};

}  // namespace diplograph
