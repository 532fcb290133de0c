#pragma once
// Splits query text into tokens. Keywords are recognised by the parser, case-insensitively.

#include <cstddef>
#include <string>
#include <vector>

#include "query/text.hpp"

namespace diplograph::ql {

enum class Tok {
  ident,    // a name, or a keyword; `text` holds it (backticks removed)
  integer,  // `text` holds the literal as written (decimal, 0x hex or 0o octal)
  real,
  string,  // `text` holds the unescaped contents
  param,   // $name: `text` holds the name
  punct,   // ( ) [ ] { } : , . | * .. - < > <= >= = <> + ; / % ^ =~ $
  end,
};

struct Token {
  Tok kind = Tok::end;
  std::string text;
  std::size_t pos = 0;  // byte offset in the query
  std::size_t end = 0;
  bool quoted = false;  // a `backticked` name, never a keyword
};

/// The tokens of `text`, ending with Tok::end. Throws a syntax Error at a bad character or an
/// unterminated string or comment.
std::vector<Token> lex(const Text& text);

}  // namespace diplograph::ql
