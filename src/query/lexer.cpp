#include "query/lexer.hpp"

#include <cctype>

namespace diplograph::ql {
namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

std::size_t lex_string(const Text& text, std::size_t i, Token& t) {
  const std::string_view s = text.view();
  const char quote = s[i];
  std::size_t j = i + 1;
  for (; j < s.size() && s[j] != quote; ++j) {
    if (s[j] == '\\' && j + 1 < s.size()) {
      ++j;
      switch (s[j]) {
        case 'n':
          t.text += '\n';
          break;
        case 't':
          t.text += '\t';
          break;
        default:
          t.text += s[j];
      }
    } else {
      t.text += s[j];
    }
  }
  if (j >= s.size()) text.fail(ErrorCode::syntax, i, "unterminated string");
  t.kind = Tok::string;
  return j + 1;
}

std::size_t lex_number(std::string_view s, std::size_t i, Token& t) {
  std::size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  t.kind = Tok::integer;
  // "1..3" is a range, not the real number "1."
  if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
    ++j;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    t.kind = Tok::real;
  }
  t.text = std::string(s.substr(i, j - i));
  return j;
}

}  // namespace

std::vector<Token> lex(const Text& text) {
  const std::string_view s = text.view();
  std::vector<Token> out;
  std::size_t i = 0;
  while (true) {
    while (i < s.size()) {
      if (std::isspace(static_cast<unsigned char>(s[i]))) {
        ++i;
      } else if (s.substr(i, 2) == "//") {
        while (i < s.size() && s[i] != '\n') ++i;
      } else {
        break;
      }
    }
    Token t;
    t.pos = i;
    if (i >= s.size()) {
      t.end = i;
      out.push_back(t);
      return out;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\'' || c == '"') {
      i = lex_string(text, i, t);
    } else if (c == '`') {
      std::size_t j = s.find('`', i + 1);
      if (j == std::string_view::npos) text.fail(ErrorCode::syntax, i, "unterminated `name`");
      t.kind = Tok::ident;
      t.quoted = true;
      t.text = std::string(s.substr(i + 1, j - i - 1));
      i = j + 1;
    } else if (std::isdigit(c)) {
      i = lex_number(s, i, t);
    } else if (is_name_start(c)) {
      std::size_t j = i;
      while (j < s.size() && is_name_char(static_cast<unsigned char>(s[j]))) ++j;
      t.kind = Tok::ident;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else {
      static constexpr std::string_view two[] = {"..", "<=", ">=", "<>", "!="};
      t.kind = Tok::punct;
      for (std::string_view p : two)
        if (s.substr(i, 2) == p) t.text = std::string(p == "!=" ? "<>" : p);
      if (t.text.empty()) {
        if (std::string_view("()[]{}:,.|*-<>=+;").find(static_cast<char>(c)) == std::string_view::npos)
          text.fail(ErrorCode::syntax, i, "unexpected character '" + std::string(1, static_cast<char>(c)) + "'");
        t.text = std::string(1, static_cast<char>(c));
      }
      i += t.text.size() == 2 || s.substr(i, 2) == "!=" ? 2 : 1;
    }
    t.end = i;
    out.push_back(std::move(t));
  }
}

}  // namespace diplograph::ql
