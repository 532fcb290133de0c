#include "query/lexer.hpp"

#include <cctype>
#include <cstdint>

namespace diplograph::ql {
namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t lex_unicode_escape(const Text& text, std::size_t j, std::size_t digits, std::string& out) {
  const std::string_view s = text.view();
  std::uint32_t cp = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const std::size_t at = j + 1 + k;
    if (at >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[at])))
      text.fail(ErrorCode::syntax, j - 1, "invalid unicode escape");
    const char c = s[at];
    cp = cp * 16 + static_cast<std::uint32_t>(is_digit(c) ? c - '0' : (std::tolower(c) - 'a' + 10));
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) text.fail(ErrorCode::syntax, j - 1, "invalid unicode escape");
  append_utf8(out, cp);
  return j + digits;
}

std::size_t lex_string(const Text& text, std::size_t i, Token& t) {
  const std::string_view s = text.view();
  const char quote = s[i];
  std::size_t j = i + 1;
  for (; j < s.size() && s[j] != quote; ++j) {
    if (s[j] != '\\' || j + 1 >= s.size()) {
      t.text += s[j];
      continue;
    }
    ++j;
    switch (s[j]) {
      case 'n':
        t.text += '\n';
        break;
      case 't':
        t.text += '\t';
        break;
      case 'r':
        t.text += '\r';
        break;
      case 'b':
        t.text += '\b';
        break;
      case 'f':
        t.text += '\f';
        break;
      case '\\':
      case '\'':
      case '"':
        t.text += s[j];
        break;
      case 'u':
        j = lex_unicode_escape(text, j, 4, t.text);
        break;
      case 'U':
        j = lex_unicode_escape(text, j, 8, t.text);
        break;
      default:
        text.fail(ErrorCode::syntax, j - 1, std::string("invalid escape '\\") + s[j] + "'");
    }
  }
  if (j >= s.size()) text.fail(ErrorCode::syntax, i, "unterminated string");
  t.kind = Tok::string;
  return j + 1;
}

std::size_t lex_number(std::string_view s, std::size_t i, Token& t) {
  std::size_t j = i;
  t.kind = Tok::integer;
  if (s[j] == '0' && j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'o')) {
    j += 2;
    while (j < s.size() && is_name_char(static_cast<unsigned char>(s[j]))) ++j;
    t.text = std::string(s.substr(i, j - i));
    return j;
  }
  while (j < s.size() && is_digit(s[j])) ++j;
  // "1..3" is a range, not the real number "1."
  if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && is_digit(s[j])) ++j;
    t.kind = Tok::real;
  }
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    std::size_t k = j + 1;
    if (k < s.size() && (s[k] == '-' || s[k] == '+')) ++k;
    if (k < s.size() && is_digit(s[k])) {
      while (k < s.size() && is_digit(s[k])) ++k;
      j = k;
      t.kind = Tok::real;
    }
  }
  // "1abc" is one bad token, not a number and a name
  while (j < s.size() && is_name_char(static_cast<unsigned char>(s[j]))) ++j;
  t.text = std::string(s.substr(i, j - i));
  return j;
}

std::size_t skip_space(const Text& text, std::size_t i) {
  const std::string_view s = text.view();
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s.substr(i, 2) == "//") {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (s.substr(i, 2) == "/*") {
      const std::size_t close = s.find("*/", i + 2);
      if (close == std::string_view::npos) text.fail(ErrorCode::syntax, i, "unterminated comment");
      i = close + 2;
    } else {
      break;
    }
  }
  return i;
}

std::string describe_char(unsigned char c) {
  if (c == 0) return "\\0";
  if (c < 0x20 || c == 0x7F) {
    static const char hex[] = "0123456789abcdef";
    return std::string("\\u00") + hex[c >> 4] + hex[c & 15];
  }
  return std::string(1, static_cast<char>(c));
}

}  // namespace

std::vector<Token> lex(const Text& text) {
  const std::string_view s = text.view();
  std::vector<Token> out;
  std::size_t i = 0;
  while (true) {
    i = skip_space(text, i);
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
      std::size_t j = i + 1;
      for (;; ++j) {  // `` inside backticks is one backtick
        if (j >= s.size()) text.fail(ErrorCode::syntax, i, "unterminated `name`");
        if (s[j] != '`') {
          t.text += s[j];
        } else if (j + 1 < s.size() && s[j + 1] == '`') {
          t.text += '`';
          ++j;
        } else {
          break;
        }
      }
      t.kind = Tok::ident;
      t.quoted = true;
      i = j + 1;
    } else if (is_digit(static_cast<char>(c)) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      i = lex_number(s, i, t);
    } else if (is_name_start(c)) {
      std::size_t j = i;
      while (j < s.size() && is_name_char(static_cast<unsigned char>(s[j]))) ++j;
      t.kind = Tok::ident;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (c == '$' && i + 1 < s.size() &&
               (is_name_char(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '`')) {
      Token name;
      std::vector<Token> rest;
      std::size_t j = i + 1;
      if (s[j] == '`') {
        const std::size_t close = s.find('`', j + 1);
        if (close == std::string_view::npos) text.fail(ErrorCode::syntax, j, "unterminated `name`");
        t.text = std::string(s.substr(j + 1, close - j - 1));
        j = close + 1;
      } else {
        while (j < s.size() && is_name_char(static_cast<unsigned char>(s[j]))) ++j;
        t.text = std::string(s.substr(i + 1, j - i - 1));
      }
      t.kind = Tok::param;
      i = j;
    } else {
      static constexpr std::string_view two[] = {"..", "<=", ">=", "<>", "!=", "=~", "+="};
      t.kind = Tok::punct;
      for (std::string_view p : two)
        if (s.substr(i, 2) == p) t.text = std::string(p);
      if (t.text.empty()) {
        if (std::string_view("()[]{}:,.|*-<>=+;/%^").find(static_cast<char>(c)) == std::string_view::npos)
          text.fail(ErrorCode::syntax, i, "unexpected character '" + describe_char(c) + "'");
        t.text = std::string(1, static_cast<char>(c));
      }
      i += t.text.size();
      if (t.text == "!=") t.text = "<>";
    }
    t.end = i;
    out.push_back(std::move(t));
  }
}

}  // namespace diplograph::ql
