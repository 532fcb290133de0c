#include "query/parser.hpp"

#include <strings.h>
#include <charconv>

#include "core/messages.hpp"
#include "query/lexer.hpp"

namespace diplograph::ql {
namespace {

constexpr std::string_view keywords[] = {"MATCH",     "WHERE",    "RETURN",     "DISTINCT", "ORDER", "BY",   "ASC",
                                         "ASCENDING", "DESC",     "DESCENDING", "SKIP",     "LIMIT", "AND",  "OR",
                                         "XOR",       "NOT",      "IN",         "IS",       "NULL",  "TRUE", "FALSE",
                                         "AS",        "CONTAINS", "STARTS",     "ENDS",     "WITH"};

class Parser {
 public:
  Parser(const Text& text, std::vector<Token> tokens) : text_(text), toks_(std::move(tokens)) {}

  Statement statement() {
    Statement st;
    expect_keyword("MATCH");
    do {
      st.patterns.push_back(pattern());
      while (accept(",")) st.patterns.push_back(pattern());
    } while (accept_keyword("MATCH"));
    if (accept_keyword("WHERE")) st.where = expr();
    expect_keyword("RETURN", {"WHERE", "MATCH"});
    st.distinct = accept_keyword("DISTINCT");
    do st.items.push_back(return_item());
    while (accept(","));
    if (accept_keyword("ORDER")) {
      expect_keyword("BY");
      do {
        SortItem s;
        s.expr = expr();
        if (accept_keyword("DESC") || accept_keyword("DESCENDING"))
          s.descending = true;
        else if (!accept_keyword("ASC"))
          accept_keyword("ASCENDING");
        st.order.push_back(std::move(s));
      } while (accept(","));
    }
    if (accept_keyword("SKIP")) st.skip = count("SKIP");
    if (accept_keyword("LIMIT")) st.limit = count("LIMIT");
    accept(";");
    if (peek().kind != Tok::end) fail_here("expected end of query");
    return st;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return toks_[std::min(i_ + ahead, toks_.size() - 1)]; }
  const Token& next() { return toks_[i_ < toks_.size() - 1 ? i_++ : i_]; }
  bool is_punct(std::string_view p, std::size_t ahead = 0) const {
    return peek(ahead).kind == Tok::punct && peek(ahead).text == p;
  }
  bool is_keyword(std::string_view k, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == Tok::ident && !t.quoted && t.text.size() == k.size() &&
           strncasecmp(t.text.data(), k.data(), k.size()) == 0;
  }
  bool accept(std::string_view p) { return is_punct(p) ? (next(), true) : false; }
  bool accept_keyword(std::string_view k) { return is_keyword(k) ? (next(), true) : false; }

  std::string describe(const Token& t) const {
    switch (t.kind) {
      case Tok::end:
        return "end of query";
      case Tok::string:
        return "string '" + t.text + "'";
      default:
        return "'" + t.text + "'";
    }
  }
  [[noreturn]] void fail_here(const std::string& expected) const {
    text_.fail(ErrorCode::syntax, peek().pos, expected + ", found " + describe(peek()));
  }
  void expect(std::string_view p) {
    if (!accept(p)) fail_here("expected '" + std::string(p) + "'");
  }
  // `others` are the keywords that could also have come here, for the did-you-mean.
  void expect_keyword(std::string_view k, std::vector<std::string_view> others = {}) {
    if (accept_keyword(k)) return;
    std::string hint;
    if (peek().kind == Tok::ident) {
      std::string upper;
      for (char c : peek().text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      others.push_back(k);
      std::string best = detail::closest_match(upper, others);
      if (!best.empty()) hint = "; did you mean '" + best + "'?";
    }
    text_.fail(ErrorCode::syntax, peek().pos, "expected " + std::string(k) + ", found " + describe(peek()) + hint);
  }
  bool is_reserved(const Token& t) const {
    if (t.kind != Tok::ident || t.quoted) return false;
    for (std::string_view k : keywords)
      if (t.text.size() == k.size() && strncasecmp(t.text.data(), k.data(), k.size()) == 0) return true;
    return false;
  }
  std::string name(const char* what) {
    if (peek().kind != Tok::ident || is_reserved(peek())) fail_here(std::string("expected ") + what);
    return next().text;
  }
  std::int64_t count(const char* clause) {
    if (peek().kind != Tok::integer) fail_here(std::string("expected a number after ") + clause);
    const Token& t = next();
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc{}) text_.fail(ErrorCode::syntax, t.pos, "number out of range: " + t.text);
    return v;
  }

  Pattern pattern() {
    Pattern p;
    p.nodes.push_back(node());
    while (is_punct("-") || is_punct("<")) {
      p.rels.push_back(rel());
      p.nodes.push_back(node());
    }
    return p;
  }

  void labels(std::vector<std::pair<std::string, std::size_t>>& out, bool alternatives_need_colon) {
    if (!accept(":")) return;
    do {
      const std::size_t pos = peek().pos;
      out.emplace_back(name("a type name"), pos);
      if (!is_punct("|")) break;
      next();
      if (alternatives_need_colon) accept(":");  // both `:A|B` and `:A|:B` are accepted
    } while (true);
  }

  void properties(std::vector<std::pair<std::string, ExprPtr>>& out) {
    if (!accept("{")) return;
    if (accept("}")) return;
    do {
      std::string key = name("a property name");
      expect(":");
      out.emplace_back(std::move(key), expr());
    } while (accept(","));
    expect("}");
  }

  NodePattern node() {
    NodePattern n;
    n.pos = peek().pos;
    expect("(");
    if (peek().kind == Tok::ident && !is_reserved(peek())) {
      n.var_pos = peek().pos;
      n.var = next().text;
    }
    labels(n.labels, true);
    properties(n.props);
    expect(")");
    return n;
  }

  RelPattern rel() {
    RelPattern r;
    r.pos = peek().pos;
    const bool incoming = accept("<");
    expect("-");
    if (accept("[")) {
      if (peek().kind == Tok::ident && !is_reserved(peek())) {
        r.var_pos = peek().pos;
        r.var = next().text;
      }
      labels(r.labels, true);
      if (accept("*")) hops(r);
      properties(r.props);
      expect("]");
    }
    expect("-");
    const bool outgoing = accept(">");
    if (incoming && outgoing)
      text_.fail(ErrorCode::syntax, r.pos, "a relationship cannot point both ways; use -[]- for either direction");
    r.dir = incoming ? Dir::in : outgoing ? Dir::out : Dir::both;
    return r;
  }

  void hops(RelPattern& r) {
    r.variable_length = true;
    r.min_hops = 1;
    r.max_hops = UINT32_MAX;
    if (peek().kind == Tok::integer) {
      r.min_hops = static_cast<unsigned>(count("*"));
      r.max_hops = r.min_hops;
    }
    if (accept("..")) r.max_hops = peek().kind == Tok::integer ? static_cast<unsigned>(count("..")) : UINT32_MAX;
    if (r.max_hops < r.min_hops)
      text_.fail(ErrorCode::syntax, r.pos, "the upper bound of a variable length is below its lower bound");
  }

  ReturnItem return_item() {
    ReturnItem item;
    const std::size_t start = item.pos = peek().pos;
    item.expr = expr();
    if (accept_keyword("AS"))
      item.name = name("a column name");
    else
      item.name = std::string(text_.view().substr(start, item.expr->end - start));
    return item;
  }

  ExprPtr make(Expr::Kind kind, std::size_t pos) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = pos;
    return e;
  }
  ExprPtr binary(Op op, ExprPtr a, ExprPtr b, std::size_t pos) {
    auto e = make(Expr::Kind::binary, pos);
    e->op = op;
    e->end = b->end;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }

  ExprPtr expr() { return disjunction(); }
  ExprPtr disjunction() {
    ExprPtr e = exclusive();
    while (is_keyword("OR")) {
      const std::size_t pos = next().pos;
      e = binary(Op::or_, std::move(e), exclusive(), pos);
    }
    return e;
  }
  ExprPtr exclusive() {
    ExprPtr e = conjunction();
    while (is_keyword("XOR")) {
      const std::size_t pos = next().pos;
      e = binary(Op::xor_, std::move(e), conjunction(), pos);
    }
    return e;
  }
  ExprPtr conjunction() {
    ExprPtr e = negation();
    while (is_keyword("AND")) {
      const std::size_t pos = next().pos;
      e = binary(Op::and_, std::move(e), negation(), pos);
    }
    return e;
  }
  ExprPtr negation() {
    if (!is_keyword("NOT")) return comparison();
    auto e = make(Expr::Kind::not_, next().pos);
    e->args.push_back(negation());
    e->end = e->args[0]->end;
    return e;
  }
  ExprPtr comparison() {
    ExprPtr e = primary();
    static const std::pair<std::string_view, Op> ops[] = {{"=", Op::eq},  {"<>", Op::ne}, {"<", Op::lt},
                                                          {"<=", Op::le}, {">", Op::gt},  {">=", Op::ge}};
    for (auto [text, op] : ops)
      if (is_punct(text)) {
        const std::size_t pos = next().pos;
        return binary(op, std::move(e), primary(), pos);
      }
    if (is_keyword("CONTAINS")) {
      const std::size_t pos = next().pos;
      return binary(Op::contains, std::move(e), primary(), pos);
    }
    if (is_keyword("STARTS") || is_keyword("ENDS")) {
      const bool starts = is_keyword("STARTS");
      const std::size_t pos = next().pos;
      expect_keyword("WITH");
      return binary(starts ? Op::starts_with : Op::ends_with, std::move(e), primary(), pos);
    }
    if (is_keyword("IN")) {
      const std::size_t pos = next().pos;
      return binary(Op::in, std::move(e), primary(), pos);
    }
    if (is_keyword("IS")) {
      auto n = make(Expr::Kind::is_null, next().pos);
      n->negated = accept_keyword("NOT");
      n->end = peek().end;
      expect_keyword("NULL");
      n->args.push_back(std::move(e));
      return n;
    }
    return e;
  }

  ExprPtr literal(Value v, const Token& t) {
    auto e = make(Expr::Kind::literal, t.pos);
    e->literal = std::move(v);
    e->end = t.end;
    return e;
  }

  ExprPtr number(const Token& t, bool negative) {
    if (t.kind == Tok::real) {
      double d = std::stod(t.text);
      return literal(negative ? -d : d, t);
    }
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc{}) text_.fail(ErrorCode::syntax, t.pos, "number out of range: " + t.text);
    return literal(negative ? -v : v, t);
  }

  ExprPtr primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::string:
        next();
        return literal(Value(t.text), t);
      case Tok::integer:
      case Tok::real:
        next();
        return number(t, false);
      case Tok::end:
        fail_here("expected an expression");
      case Tok::punct:
        return punct_primary();
      case Tok::ident:
        break;
    }
    if (is_keyword("TRUE") || is_keyword("FALSE")) {
      const bool b = is_keyword("TRUE");
      return literal(Value(b), next());
    }
    if (is_keyword("NULL")) return literal(Value(), next());
    if (is_reserved(t)) fail_here("expected an expression");
    next();
    if (accept("(")) return call(t);
    auto e = make(Expr::Kind::variable, t.pos);
    e->name = t.text;
    e->end = t.end;
    while (accept(".")) {
      auto p = make(Expr::Kind::property, peek().pos);
      p->name = name("a property name");
      p->end = toks_[i_ - 1].end;
      p->args.push_back(std::move(e));
      e = std::move(p);
    }
    return e;
  }

  ExprPtr punct_primary() {
    const Token& t = peek();
    if (accept("(")) {
      ExprPtr e = expr();
      expect(")");
      return e;
    }
    if (accept("-")) {
      if (peek().kind != Tok::integer && peek().kind != Tok::real) fail_here("expected a number after '-'");
      ExprPtr e = number(next(), true);
      e->pos = t.pos;
      return e;
    }
    if (accept("[")) {
      auto e = make(Expr::Kind::list, t.pos);
      if (!is_punct("]")) do
          e->args.push_back(expr());
        while (accept(","));
      e->end = peek().end;
      expect("]");
      return e;
    }
    fail_here("expected an expression");
  }

  ExprPtr call(const Token& fn) {
    auto e = make(Expr::Kind::call, fn.pos);
    e->name = fn.text;
    for (char& c : e->name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_punct("*")) {
      // Only count(*) takes a star; for any other name the checker reports the function.
      next();
      if (e->name == "count") e->kind = Expr::Kind::count_star;
    } else if (!is_punct(")")) {
      e->distinct = accept_keyword("DISTINCT");
      do e->args.push_back(expr());
      while (accept(","));
    }
    e->end = peek().end;
    expect(")");
    return e;
  }

  const Text& text_;
  std::vector<Token> toks_;
  std::size_t i_ = 0;
};

}  // namespace

Statement parse(const Text& text) { return Parser(text, lex(text)).statement(); }

}  // namespace diplograph::ql
