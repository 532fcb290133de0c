#include "query/parser.hpp"

#include <strings.h>

#include <charconv>
#include <cmath>

#include "core/messages.hpp"
#include "query/lexer.hpp"

namespace diplograph::ql {
namespace {

// Deep enough for any query written by hand, shallow enough that the recursive descent (about a
// dozen frames a level) fits an 8 MB stack in sanitizer builds, which overflow near 750 levels.
constexpr std::size_t max_depth = 500;

constexpr std::string_view reserved[] = {
    "MATCH", "WHERE", "RETURN", "DISTINCT", "ORDER",    "BY",    "ASC",    "ASCENDING", "DESC",   "DESCENDING",
    "SKIP",  "LIMIT", "AND",    "OR",       "XOR",      "NOT",   "IN",     "IS",        "NULL",   "TRUE",
    "FALSE", "AS",    "STARTS", "ENDS",     "CONTAINS", "WITH",  "UNWIND", "OPTIONAL",  "UNION",  "CASE",
    "WHEN",  "THEN",  "ELSE",   "END",      "CREATE",   "MERGE", "DELETE", "SET",       "REMOVE", "DETACH"};

constexpr std::string_view write_clauses[] = {"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH"};
constexpr std::string_view clause_keywords[] = {"MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "RETURN", "UNION"};

bool equal_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Parser {
 public:
  Parser(const Text& text, std::vector<Token> tokens) : text_(text), toks_(std::move(tokens)) {}

  Statement statement() {
    Statement st;
    st.parts.push_back(single_query());
    while (accept_keyword("UNION")) {
      st.union_all.push_back(accept_keyword("ALL"));
      st.parts.push_back(single_query());
    }
    accept(";");
    if (peek().kind != Tok::end) fail_here("expected end of query");
    return st;
  }

  ExprPtr lone_expression() {
    ExprPtr e = expr();
    if (peek().kind != Tok::end) fail_here("expected end of value");
    return e;
  }

 private:
  // ---- tokens
  const Token& peek(std::size_t ahead = 0) const { return toks_[std::min(i_ + ahead, toks_.size() - 1)]; }
  const Token& next() { return toks_[i_ < toks_.size() - 1 ? i_++ : i_]; }
  bool is_punct(std::string_view p, std::size_t ahead = 0) const {
    return peek(ahead).kind == Tok::punct && peek(ahead).text == p;
  }
  bool is_keyword(std::string_view k, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == Tok::ident && !t.quoted && equal_nocase(t.text, k);
  }
  bool accept(std::string_view p) { return is_punct(p) ? (next(), true) : false; }
  bool accept_keyword(std::string_view k) { return is_keyword(k) ? (next(), true) : false; }
  std::size_t last_end() const { return i_ ? toks_[i_ - 1].end : 0; }

  std::string describe(const Token& t) const {
    switch (t.kind) {
      case Tok::end:
        return "end of query";
      case Tok::string:
        return "string '" + t.text + "'";
      case Tok::param:
        return "'$" + t.text + "'";
      default:
        return "'" + t.text + "'";
    }
  }
  [[noreturn]] void fail_at(std::size_t pos, const std::string& message) const {
    text_.fail(ErrorCode::syntax, pos, message);
  }
  [[noreturn]] void fail_here(const std::string& expected) const {
    fail_at(peek().pos, expected + ", found " + describe(peek()));
  }
  void expect(std::string_view p) {
    if (!accept(p)) fail_here("expected '" + std::string(p) + "'");
  }
  void expect_keyword(std::string_view k) {
    if (!accept_keyword(k)) fail_here("expected " + std::string(k));
  }
  bool is_reserved(const Token& t) const {
    if (t.kind != Tok::ident || t.quoted) return false;
    for (std::string_view k : reserved)
      if (equal_nocase(t.text, k)) return true;
    return false;
  }
  std::string name(const char* what) {
    if (peek().kind != Tok::ident || is_reserved(peek())) fail_here(std::string("expected ") + what);
    return next().text;
  }
  // Keys of maps and properties may be any name, keywords included.
  std::string key_name(const char* what) {
    if (peek().kind != Tok::ident) fail_here(std::string("expected ") + what);
    return next().text;
  }

  struct Depth {
    Parser& p;
    explicit Depth(Parser& parser) : p(parser) {
      if (++p.depth_ > max_depth)
        p.fail_at(p.peek().pos, "expression nested deeper than " + std::to_string(max_depth) + " levels");
    }
    ~Depth() { --p.depth_; }
  };

  ExprPtr make(Expr::Kind kind, std::size_t pos, std::size_t begin) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = pos;
    e->begin = begin;
    e->end = last_end();
    return e;
  }
  // Sets the depth from the operands, refusing trees too deep to evaluate recursively.
  ExprPtr finish(ExprPtr e) {
    std::size_t d = 0;
    for (const auto& a : e->args)
      if (a) d = std::max(d, a->depth);
    e->depth = d + 1;
    if (e->depth > max_depth) fail_at(e->pos, "expression nested deeper than " + std::to_string(max_depth) + " levels");
    e->end = std::max(e->end, last_end());
    return e;
  }
  ExprPtr binary(Op op, std::size_t pos, ExprPtr a, ExprPtr b) {
    auto e = make(Expr::Kind::binary, pos, a->begin);
    e->op = op;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return finish(std::move(e));
  }

  // ---- clauses
  SingleQuery single_query() {
    SingleQuery q;
    while (true) {
      const Token& t = peek();
      if (is_keyword("UNION") || t.kind == Tok::end || is_punct(";")) break;
      q.clauses.push_back(clause());
      if (q.clauses.back().kind == Clause::Kind::return_) break;
    }
    if (q.clauses.empty()) fail_here("expected a clause (MATCH, WITH, UNWIND or RETURN)");
    if (q.clauses.back().kind != Clause::Kind::return_) {
      if (peek().kind == Tok::end || is_punct(";") || is_keyword("UNION"))
        fail_here("expected RETURN: a query must end with RETURN");
    }
    return q;
  }

  Clause clause() {
    Clause c;
    c.pos = peek().pos;
    if (accept_keyword("OPTIONAL")) {
      expect_keyword("MATCH");
      c.optional = true;
      match_body(c);
    } else if (accept_keyword("MATCH")) {
      match_body(c);
    } else if (accept_keyword("UNWIND")) {
      c.kind = Clause::Kind::unwind;
      c.expr = expr();
      expect_keyword("AS");
      c.pos = peek().pos;
      c.alias = name("a variable name");
    } else if (accept_keyword("WITH")) {
      c.kind = Clause::Kind::with;
      projection(c.proj, true);
    } else if (accept_keyword("RETURN")) {
      c.kind = Clause::Kind::return_;
      projection(c.proj, false);
    } else {
      unknown_clause();
    }
    return c;
  }

  [[noreturn]] void unknown_clause() {
    const Token& t = peek();
    if (t.kind == Tok::ident && !t.quoted) {
      const std::string word = upper(t.text);
      for (std::string_view w : write_clauses)
        if (word == w) fail_at(t.pos, word + " is not supported: diplograph graphs are read-only");
      if (word == "CALL") fail_at(t.pos, "CALL is not supported yet");
      if (word == "LOAD" || word == "USE" || word == "FOREACH") fail_at(t.pos, word + " is not supported");
      std::vector<std::string_view> options(std::begin(clause_keywords), std::end(clause_keywords));
      const std::string best = detail::closest_match(word, options);
      if (!best.empty()) fail_at(t.pos, "expected " + best + ", found " + describe(t) + detail::did_you_mean(best));
    }
    fail_here("expected a clause (MATCH, WITH, UNWIND or RETURN)");
  }

  void match_body(Clause& c) {
    c.kind = Clause::Kind::match;
    do c.patterns.push_back(pattern_part());
    while (accept(","));
    if (accept_keyword("WHERE")) c.where = expr();
  }

  void projection(Projection& p, bool with) {
    p.distinct = accept_keyword("DISTINCT");
    if (accept("*")) {
      p.star = true;
      if (!accept(",")) goto tail;
    }
    do {
      ProjectionItem item;
      item.pos = peek().pos;
      item.expr = expr();
      item.name = std::string(text_.view().substr(item.expr->begin, item.expr->end - item.expr->begin));
      if (accept_keyword("AS")) {
        item.name = name("a column name after AS");
        item.aliased = true;
      } else if (item.expr->kind == Expr::Kind::variable) {
        item.name = item.expr->name;
      }
      p.items.push_back(std::move(item));
    } while (accept(","));
  tail:
    if (accept_keyword("ORDER")) {
      expect_keyword("BY");
      do {
        SortItem s;
        s.expr = expr();
        if (accept_keyword("DESC") || accept_keyword("DESCENDING"))
          s.descending = true;
        else if (!accept_keyword("ASC"))
          accept_keyword("ASCENDING");
        p.order.push_back(std::move(s));
      } while (accept(","));
    }
    if (accept_keyword("SKIP")) p.skip = expr();
    if (accept_keyword("LIMIT")) p.limit = expr();
    if (with && accept_keyword("WHERE")) p.where = expr();
  }

  // ---- patterns
  Pattern pattern_part() {
    Pattern p;
    p.pos = peek().pos;
    if (peek().kind == Tok::ident && is_punct("=", 1)) {
      p.path_var = name("a path name");
      next();
    }
    const bool one = is_keyword("shortestPath"), all = is_keyword("allShortestPaths");
    if ((one || all) && is_punct("(", 1)) {
      p.pos = next().pos;
      next();
      p.shortest = one ? Pattern::Shortest::one : Pattern::Shortest::all;
      chain(p);
      expect(")");
      return p;
    }
    chain(p);
    return p;
  }

  void chain(Pattern& p) {
    p.nodes.push_back(node());
    while (is_punct("-") || is_punct("<")) {
      if (p.rels.size() >= max_depth)
        fail_at(peek().pos, "pattern longer than " + std::to_string(max_depth) + " relationships");
      p.rels.push_back(rel());
      p.nodes.push_back(node());
    }
  }

  void property_map(std::vector<std::pair<std::string, ExprPtr>>& props) {
    expect("{");
    if (!accept("}")) {
      do {
        std::string key = key_name("a property name");
        expect(":");
        props.emplace_back(std::move(key), expr());
      } while (accept(","));
      expect("}");
    }
  }

  NodePattern node() {
    NodePattern n;
    n.pos = peek().pos;
    expect("(");
    if (peek().kind == Tok::ident && !is_reserved(peek())) {
      n.pos = peek().pos;
      n.var = next().text;
    }
    while (accept(":")) {
      std::vector<std::pair<std::string, std::size_t>> group;
      do {
        accept(":");
        const std::size_t pos = peek().pos;
        group.emplace_back(key_name("a node type"), pos);
      } while (accept("|"));
      n.labels.push_back(std::move(group));
    }
    if (is_punct("{"))
      property_map(n.props);
    else if (peek().kind == Tok::param)
      fail_at(peek().pos,
              "a parameter cannot stand for a property map in a pattern; write {key: $" + peek().text + "}");
    expect(")");
    return n;
  }

  RelPattern rel() {
    RelPattern r;
    r.pos = peek().pos;
    const bool left = accept("<");
    expect("-");
    if (accept("[")) {
      if (peek().kind == Tok::ident && !is_reserved(peek())) {
        r.pos = peek().pos;
        r.var = next().text;
      }
      if (accept(":")) {
        do {
          accept(":");
          const std::size_t pos = peek().pos;
          r.labels.emplace_back(key_name("a relationship type"), pos);
        } while (accept("|"));
      }
      if (is_punct("*")) hops(r);
      if (is_punct("{")) property_map(r.props);
      expect("]");
    }
    expect("-");
    const bool right = accept(">");
    r.dir = left && !right ? Dir::in : right && !left ? Dir::out : Dir::both;
    return r;
  }

  std::int64_t hop_count() {
    const Token& t = next();
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc{} || p != t.text.data() + t.text.size() || v > max_hops_allowed)
      fail_at(t.pos, "a variable length is limited to " + std::to_string(max_hops_allowed) + " hops, got " + t.text);
    return v;
  }

  void hops(RelPattern& r) {
    const std::size_t star = next().pos;
    r.var_length = true;
    r.min_hops = 1;
    r.max_hops = -1;
    if (peek().kind == Tok::integer) {
      r.min_hops = r.max_hops = hop_count();
      if (!accept("..")) return;
      r.max_hops = peek().kind == Tok::integer ? hop_count() : -1;
    } else if (accept("..")) {
      r.max_hops = peek().kind == Tok::integer ? hop_count() : -1;
    }
    (void)star;
  }

  // ---- expressions, lowest precedence first
  ExprPtr expr() {
    Depth d(*this);
    return logic(Op::or_);
  }

  ExprPtr logic(Op op) {
    const std::size_t begin = peek().pos;
    const char* word = op == Op::or_ ? "OR" : op == Op::xor_ ? "XOR" : "AND";
    auto operand = [&]() { return op == Op::or_ ? logic(Op::xor_) : op == Op::xor_ ? logic(Op::and_) : negation(); };
    ExprPtr first = operand();
    if (!is_keyword(word)) return first;
    auto e = make(Expr::Kind::binary, peek().pos, begin);
    e->op = op;
    e->args.push_back(std::move(first));
    while (accept_keyword(word)) e->args.push_back(operand());
    return finish(std::move(e));
  }

  ExprPtr negation() {
    if (!is_keyword("NOT")) return comparison();
    const std::size_t pos = next().pos;
    Depth d(*this);
    auto e = make(Expr::Kind::not_, pos, pos);
    e->args.push_back(negation());
    return finish(std::move(e));
  }

  std::optional<Op> comparison_op() const {
    if (peek().kind != Tok::punct) return std::nullopt;
    const std::string& t = peek().text;
    if (t == "=") return Op::eq;
    if (t == "<>") return Op::ne;
    if (t == "<") return Op::lt;
    if (t == "<=") return Op::le;
    if (t == ">") return Op::gt;
    if (t == ">=") return Op::ge;
    return std::nullopt;
  }

  ExprPtr comparison() {
    ExprPtr first = predicate();
    std::optional<Op> op = comparison_op();
    if (!op) return first;
    std::size_t pos = next().pos;
    ExprPtr second = predicate();
    if (!comparison_op()) return binary(*op, pos, std::move(first), std::move(second));
    auto e = make(Expr::Kind::chain, pos, first->begin);
    e->args.push_back(std::move(first));
    e->args.push_back(std::move(second));
    e->ops.push_back(*op);
    while ((op = comparison_op())) {
      next();
      e->ops.push_back(*op);
      e->args.push_back(predicate());
    }
    return finish(std::move(e));
  }

  ExprPtr predicate() {
    ExprPtr e = additive();
    while (true) {
      const std::size_t pos = peek().pos;
      if (accept_keyword("IS")) {
        auto n = make(Expr::Kind::is_null, pos, e->begin);
        n->negated = accept_keyword("NOT");
        expect_keyword("NULL");
        n->args.push_back(std::move(e));
        e = finish(std::move(n));
      } else if (accept_keyword("IN")) {
        e = binary(Op::in, pos, std::move(e), additive());
      } else if (is_keyword("STARTS") || is_keyword("ENDS")) {
        const bool starts = is_keyword("STARTS");
        next();
        expect_keyword("WITH");
        e = binary(starts ? Op::starts_with : Op::ends_with, pos, std::move(e), additive());
      } else if (accept_keyword("CONTAINS")) {
        e = binary(Op::contains, pos, std::move(e), additive());
      } else if (accept("=~")) {
        e = binary(Op::regex, pos, std::move(e), additive());
      } else {
        return e;
      }
    }
  }

  ExprPtr additive() {
    ExprPtr e = multiplicative();
    while (is_punct("+") || is_punct("-")) {
      const Op op = peek().text == "+" ? Op::add : Op::sub;
      const std::size_t pos = next().pos;
      e = binary(op, pos, std::move(e), multiplicative());
    }
    return e;
  }

  ExprPtr multiplicative() {
    ExprPtr e = power();
    while (is_punct("*") || is_punct("/") || is_punct("%")) {
      const Op op = peek().text == "*" ? Op::mul : peek().text == "/" ? Op::div : Op::mod;
      const std::size_t pos = next().pos;
      e = binary(op, pos, std::move(e), power());
    }
    return e;
  }

  ExprPtr power() {
    ExprPtr e = unary();
    while (is_punct("^")) {
      const std::size_t pos = next().pos;
      e = binary(Op::pow, pos, std::move(e), unary());
    }
    return e;
  }

  ExprPtr unary() {
    if (!is_punct("-") && !is_punct("+")) return postfix(atom());
    const bool minus = peek().text == "-";
    const std::size_t pos = next().pos;
    Depth d(*this);
    // -9223372036854775808 is a literal, although 9223372036854775808 alone is too large
    if (minus && peek().kind == Tok::integer) {
      const Token& t = peek();
      if (auto v = integer_value("-" + t.text); v && !is_punct(".", 1) && !is_punct("[", 1)) {
        next();
        auto e = make(Expr::Kind::literal, pos, pos);
        e->value = *v;
        return postfix(std::move(e));
      }
    }
    ExprPtr operand = unary();
    if (!minus) return operand;
    auto e = make(Expr::Kind::neg, pos, pos);
    e->args.push_back(std::move(operand));
    return finish(std::move(e));
  }

  ExprPtr postfix(ExprPtr e) {
    while (true) {
      const std::size_t pos = peek().pos;
      if (is_punct(".") && peek(1).kind == Tok::ident) {
        next();
        auto p = make(Expr::Kind::property, peek().pos, e->begin);
        p->name = next().text;
        p->args.push_back(std::move(e));
        e = finish(std::move(p));
      } else if (is_punct("[")) {
        next();
        ExprPtr lo, hi;
        if (!is_punct("..")) lo = expr();
        if (accept("..")) {
          if (!is_punct("]")) hi = expr();
          expect("]");
          auto s = make(Expr::Kind::slice, pos, e->begin);
          s->open_lo = !lo;
          s->open_hi = !hi;
          s->args.push_back(std::move(e));
          s->args.push_back(lo ? std::move(lo) : make(Expr::Kind::literal, pos, pos));
          s->args.push_back(hi ? std::move(hi) : make(Expr::Kind::literal, pos, pos));
          e = finish(std::move(s));
        } else {
          expect("]");
          auto x = make(Expr::Kind::index, pos, e->begin);
          x->args.push_back(std::move(e));
          x->args.push_back(std::move(lo));
          e = finish(std::move(x));
        }
      } else if (is_punct(":") && peek(1).kind == Tok::ident) {
        auto l = make(Expr::Kind::has_labels, pos, e->begin);
        while (accept(":")) l->names.push_back(key_name("a node type"));
        l->args.push_back(std::move(e));
        e = finish(std::move(l));
      } else if (is_punct("{") && e->kind == Expr::Kind::variable) {
        e = map_projection(std::move(e));
      } else {
        return e;
      }
    }
  }

  ExprPtr map_projection(ExprPtr object) {
    const std::size_t pos = next().pos;
    auto e = make(Expr::Kind::map_proj, pos, object->begin);
    e->args.push_back(std::move(object));
    if (!accept("}")) {
      do {
        if (accept(".")) {
          if (accept("*")) {
            e->proj_kinds.push_back(2);
            e->names.emplace_back();
          } else {
            e->proj_kinds.push_back(0);
            e->names.push_back(key_name("a property name"));
          }
          e->args.emplace_back();
        } else if (peek().kind == Tok::ident && is_punct(":", 1)) {
          e->proj_kinds.push_back(1);
          e->names.push_back(next().text);
          next();
          e->args.push_back(expr());
        } else {
          const std::size_t vpos = peek().pos;
          auto v = make(Expr::Kind::variable, vpos, vpos);
          v->name = name("a map projection entry");
          v->end = last_end();
          e->proj_kinds.push_back(3);
          e->names.push_back(v->name);
          e->args.push_back(std::move(v));
        }
      } while (accept(","));
      expect("}");
    }
    return finish(std::move(e));
  }

  static std::optional<std::int64_t> integer_value(const std::string& text) {
    std::string_view s = text;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) s.remove_prefix(1);
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
      base = s[1] == 'x' ? 16 : 8;
      s.remove_prefix(2);
    }
    std::string digits = (negative ? "-" : "") + std::string(s);
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
    if (ec != std::errc{} || p != digits.data() + digits.size() || digits.empty() || digits == "-") return std::nullopt;
    return v;
  }

  ExprPtr number(const Token& t) {
    auto e = make(Expr::Kind::literal, t.pos, t.pos);
    if (t.kind == Tok::integer) {
      auto v = integer_value(t.text);
      if (!v) {
        const bool digits = t.text.find_first_not_of("0123456789") == std::string::npos;
        fail_at(t.pos, digits ? "integer " + t.text + " is too large (the limit is 9223372036854775807)"
                              : "invalid number '" + t.text + "'");
      }
      e->value = *v;
    } else {
      double d = 0;
      auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), d);
      if (p != t.text.data() + t.text.size() || (ec != std::errc{} && ec != std::errc::result_out_of_range))
        fail_at(t.pos, "invalid number '" + t.text + "'");
      if (ec == std::errc::result_out_of_range) {
        // from_chars leaves `d` alone when out of range: overflow has a positive decimal exponent.
        const std::size_t x = t.text.find_first_of("eE");
        const bool overflow = x == std::string::npos || t.text[x + 1] != '-';
        if (overflow) fail_at(t.pos, "float " + t.text + " is too large");
        d = 0.0;  // underflow: as close to zero as it gets
      }
      e->value = d;
    }
    e->end = t.end;
    return e;
  }

  // `(` starts a pattern rather than a parenthesised expression when what follows looks like a
  // node pattern followed by a relationship: `(a)-->(b)`, `(a:T)<-[:R]-()`.
  bool looks_like_pattern() const {
    if (!is_punct("(")) return false;
    std::size_t k = 1;
    if (peek(k).kind == Tok::ident && !is_reserved(peek(k))) ++k;
    bool labelled = false;
    while (is_punct(":", k) && peek(k + 1).kind == Tok::ident) {
      k += 2;
      labelled = true;
    }
    if (is_punct("{", k)) {
      int depth = 0;
      for (; peek(k).kind != Tok::end; ++k) {
        if (is_punct("{", k)) ++depth;
        if (is_punct("}", k) && --depth == 0) break;
      }
      ++k;
    }
    if (!is_punct(")", k)) return false;
    ++k;
    if (is_punct("-", k)) return is_punct("-", k + 1) || is_punct("[", k + 1) || is_punct(">", k + 1);
    if (is_punct("<", k)) return is_punct("-", k + 1);
    return labelled && false;
  }

  ExprPtr pattern_expression(std::size_t begin) {
    auto e = make(Expr::Kind::pattern, peek().pos, begin);
    e->pattern = std::make_shared<Pattern>();
    e->pattern->pos = peek().pos;
    chain(*e->pattern);
    return finish(std::move(e));
  }

  ExprPtr atom() {
    const Token& t = peek();
    const std::size_t begin = t.pos;
    switch (t.kind) {
      case Tok::integer:
      case Tok::real:
        return number(next());
      case Tok::string: {
        auto e = make(Expr::Kind::literal, t.pos, t.pos);
        e->value = t.text;
        e->end = t.end;
        next();
        return e;
      }
      case Tok::param: {
        auto e = make(Expr::Kind::param, t.pos, t.pos);
        e->name = t.text;
        e->end = t.end;
        next();
        return e;
      }
      case Tok::end:
        fail_here("expected an expression");
      default:
        break;
    }
    if (t.kind == Tok::punct) {
      if (t.text == "(") {
        if (looks_like_pattern()) return pattern_expression(begin);
        next();
        ExprPtr e = expr();
        expect(")");
        e->begin = begin;
        e->end = last_end();
        return e;
      }
      if (t.text == "[") return list_like();
      if (t.text == "{") return map_literal();
      fail_here("expected an expression");
    }
    // names, keywords and function calls
    if (!t.quoted) {
      if (accept_keyword("TRUE") || accept_keyword("FALSE")) {
        auto e = make(Expr::Kind::literal, begin, begin);
        e->value = equal_nocase(t.text, "TRUE");
        return e;
      }
      if (accept_keyword("NULL")) return make(Expr::Kind::literal, begin, begin);
      if (is_keyword("CASE")) return case_expression();
      if ((is_keyword("EXISTS") || is_keyword("COUNT")) && is_punct("{", 1)) return exists_subquery();
      if (is_punct("(", 1)) return call();
      if (is_reserved(t)) fail_here("expected an expression");
    }
    auto e = make(Expr::Kind::variable, t.pos, t.pos);
    e->name = next().text;
    e->end = last_end();
    return e;
  }

  ExprPtr list_like() {
    const std::size_t begin = next().pos;
    // [x IN list WHERE ... | ...]
    if (peek().kind == Tok::ident && is_keyword("IN", 1) && !is_reserved(peek())) {
      auto e = make(Expr::Kind::list_comp, begin, begin);
      e->name = next().text;
      next();
      e->args.push_back(expr());
      e->args.push_back(accept_keyword("WHERE") ? expr() : nullptr);
      e->args.push_back(accept("|") ? expr() : nullptr);
      expect("]");
      return finish(std::move(e));
    }
    // [p = (a)-->(b) WHERE ... | ...] and [(a)-->(b) | ...]
    const bool named = peek().kind == Tok::ident && is_punct("=", 1);
    if (named || looks_like_pattern()) {
      auto e = make(Expr::Kind::pattern_comp, begin, begin);
      e->pattern = std::make_shared<Pattern>(pattern_part());
      e->args.push_back(accept_keyword("WHERE") ? expr() : nullptr);
      expect("|");
      e->args.push_back(expr());
      expect("]");
      return finish(std::move(e));
    }
    auto e = make(Expr::Kind::list, begin, begin);
    if (!accept("]")) {
      do e->args.push_back(expr());
      while (accept(","));
      expect("]");
    }
    return finish(std::move(e));
  }

  ExprPtr map_literal() {
    const std::size_t begin = next().pos;
    auto e = make(Expr::Kind::map, begin, begin);
    if (!accept("}")) {
      do {
        // JSON parameters give their keys as strings
        if (peek().kind == Tok::string)
          e->names.push_back(next().text);
        else
          e->names.push_back(key_name("a map key"));
        expect(":");
        e->args.push_back(expr());
      } while (accept(","));
      expect("}");
    }
    return finish(std::move(e));
  }

  ExprPtr case_expression() {
    const std::size_t begin = next().pos;
    auto e = make(Expr::Kind::case_, begin, begin);
    if (!is_keyword("WHEN")) {
      e->has_subject = true;
      e->args.push_back(expr());
    }
    if (!is_keyword("WHEN")) fail_here("expected WHEN");
    while (accept_keyword("WHEN")) {
      e->args.push_back(expr());
      expect_keyword("THEN");
      e->args.push_back(expr());
    }
    if (accept_keyword("ELSE")) {
      e->has_else = true;
      e->args.push_back(expr());
    }
    expect_keyword("END");
    return finish(std::move(e));
  }

  // EXISTS { [MATCH] pattern, ... [WHERE ...] [RETURN ...] } and COUNT { ... }: one MATCH
  // that reads the outer variables; a final RETURN does not change whether rows exist (its
  // items are only checked), so it is allowed and ignored. `name` is "count" for COUNT.
  ExprPtr exists_subquery() {
    const bool count = is_keyword("COUNT");
    const std::size_t begin = next().pos;
    next();
    auto e = make(Expr::Kind::exists, begin, begin);
    if (count) e->name = "count";
    accept_keyword("MATCH");
    e->pattern = std::make_shared<Pattern>(pattern_part());
    while (accept(",")) e->more_patterns.push_back(std::make_shared<Pattern>(pattern_part()));
    if (accept_keyword("WHERE")) e->pattern->where = expr();
    for (std::string_view clause : {"WITH", "UNWIND", "MATCH", "OPTIONAL", "UNION", "CALL"})
      if (is_keyword(clause))
        fail_at(peek().pos, std::string(count ? "COUNT" : "EXISTS") + " { ... } with " + std::string(clause) +
                                " inside is not supported yet: write one MATCH with its WHERE");
    if (accept_keyword("RETURN")) {
      accept_keyword("DISTINCT");
      do {
        e->args.push_back(expr());
        if (accept_keyword("AS")) name("a column name");
      } while (accept(","));
    }
    expect("}");
    return finish(std::move(e));
  }

  ExprPtr call() {
    const Token& t = next();
    const std::size_t begin = t.pos;
    std::string fn = t.text;
    const std::string lower = [&] {
      std::string s;
      for (char c : fn) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    }();
    next();  // (
    if (accept("*")) {
      expect(")");
      auto e = make(lower == "count" ? Expr::Kind::count_star : Expr::Kind::call, begin, begin);
      e->name = fn;
      e->value = true;  // a call written with `*`: only count(*) may be
      return e;
    }
    if ((lower == "all" || lower == "any" || lower == "none" || lower == "single") && peek().kind == Tok::ident &&
        is_keyword("IN", 1)) {
      auto e = make(Expr::Kind::quantifier, begin, begin);
      e->names.push_back(lower);
      e->name = next().text;
      next();
      e->args.push_back(expr());
      if (accept_keyword("WHERE"))
        e->args.push_back(expr());
      else
        fail_here("expected WHERE in " + lower + "()");
      expect(")");
      return finish(std::move(e));
    }
    if (lower == "reduce") {
      auto e = make(Expr::Kind::reduce, begin, begin);
      e->names.push_back(name("an accumulator name"));
      expect("=");
      e->args.push_back(expr());
      expect(",");
      e->name = name("a variable name");
      expect_keyword("IN");
      e->args.push_back(expr());
      expect("|");
      e->args.push_back(expr());
      expect(")");
      return finish(std::move(e));
    }
    if (lower == "exists" && looks_like_pattern()) {
      auto e = make(Expr::Kind::exists, begin, begin);
      e->pattern = std::make_shared<Pattern>();
      chain(*e->pattern);
      expect(")");
      return finish(std::move(e));
    }
    auto e = make(Expr::Kind::call, begin, begin);
    e->name = fn;
    e->distinct = accept_keyword("DISTINCT");
    if (!accept(")")) {
      do e->args.push_back(expr());
      while (accept(","));
      expect(")");
    }
    return finish(std::move(e));
  }

 public:
  static constexpr std::int64_t max_hops_allowed = 1'000'000;

 private:
  const Text& text_;
  std::vector<Token> toks_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

Statement parse(const Text& text) { return Parser(text, lex(text)).statement(); }

ExprPtr parse_value(const Text& text) { return Parser(text, lex(text)).lone_expression(); }

}  // namespace diplograph::ql
