#pragma once
// The parsed query: clauses, patterns and expressions. The compiler (compile.cpp) resolves
// names into row slots and schema ids in place; the executor then only reads it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/schema.hpp"
#include "query/names.hpp"
#include "query/runtime_value.hpp"
#include "query/vocabulary.hpp"

namespace diplograph::ql {

enum class Op : std::uint8_t {
  // n-ary logic (args is the whole flat chain, so long chains never recurse per term)
  and_,
  or_,
  xor_,
  // comparisons and predicates
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  contains,
  starts_with,
  ends_with,
  regex,
  // arithmetic
  add,
  sub,
  mul,
  div,
  mod,
  pow,
};

/// How an arithmetic operator (add .. pow) is written.
inline std::string_view arithmetic_symbol(Op op) {
  static constexpr std::string_view symbols[] = {"+", "-", "*", "/", "%", "^"};
  return symbols[static_cast<int>(op) - static_cast<int>(Op::add)];
}

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct Pattern;
struct MatchPlan;

struct Expr {
  enum class Kind : std::uint8_t {
    literal,     // value
    param,       // name
    variable,    // name -> slot
    property,    // args[0].name
    has_labels,  // args[0]:L1:L2 (labels in `names`)
    index,       // args[0][args[1]]
    slice,       // args[0][args[1]..args[2]] (null Expr for an open end: kind literal null, `open`)
    list,        // [args...]
    map,         // {names[i]: args[i]}
    call,        // name(args...): a scalar function
    aggregate,   // name(DISTINCT? args...): an aggregate; `agg` is its index in the projection
    count_star,  // count(*)
    not_,
    neg,
    is_null,       // negated: IS NOT NULL
    binary,        // op, args (n-ary for and/or/xor)
    case_,         // args: [subject?] when,then,... [else]; has_subject, has_else
    list_comp,     // [name IN args[0] WHERE args[1] | args[2]] (missing parts are null ptrs)
    quantifier,    // name(all/any/none/single)(var IN args[0] WHERE args[1])
    reduce,        // reduce(acc = args[0], var IN args[1] | args[2])
    pattern,       // a pattern predicate (a)-->(b): true when it has a match
    pattern_comp,  // [p = (a)-->(b) WHERE args[0] | args[1]]
    exists,        // EXISTS { pattern, ... WHERE ... } (name "count": COUNT { ... }), exists((a)-->())
    map_proj,      // args[0] {.key, key: expr, .*}: names / args[1..] per entry
    chain,         // a < b <= c: args compared pairwise with ops
  };
  Kind kind = Kind::literal;
  Op op = Op::eq;
  std::size_t pos = 0;             // where errors about it point
  std::size_t begin = 0, end = 0;  // its text, for column names
  V value;                         // literal
  std::string name;                // param, variable, property, call, quantifier kind
  Fn fn = Fn::none;                // call: the function, set by the compiler
  std::vector<std::string> names;  // map keys, labels, map projection keys
  std::vector<ExprPtr> args;
  std::shared_ptr<Pattern> pattern;                     // pattern, pattern_comp, exists
  std::vector<std::shared_ptr<Pattern>> more_patterns;  // exists: the further patterns of its MATCH
  bool distinct = false;                                // aggregate
  bool negated = false;                                 // is_null
  bool has_subject = false, has_else = false;           // case_
  bool open_lo = false, open_hi = false;                // slice
  int slot = -1;                                        // variable; the bound variable of comprehensions
  int slot2 = -1;                                       // reduce: the element variable
  int agg = -1;                                         // aggregate: index into the projection's aggregates
  std::vector<Op> ops;                                  // chain
  std::vector<int> proj_kinds;                          // map_proj: 0 = .key, 1 = key: expr, 2 = .*, 3 = variable
  std::size_t depth = 1;                                // nesting depth, capped by the parser
  EnumPtr allowed;  // param: compared with an enum-valued field, so checked against its vocabulary
  // property: a built-in field that no type of the schema declares as a property, so it is read
  // from the element's record without a name lookup (set by plan()).
  Field field = Field::none;
};

enum class Dir : std::uint8_t { out, in, both };

struct NodePattern {
  std::string var;
  std::size_t pos = 0;
  // `:A:B|C` is A and (B or C): each group is a set of alternatives, all groups must hold.
  std::vector<std::vector<std::pair<std::string, std::size_t>>> labels;
  std::vector<std::pair<std::string, ExprPtr>> props;
  ExprPtr props_param;  // (n $param)
  int slot = -1;
  std::vector<bool> types;     // allowed node types by TypeId (with subtypes); empty = any
  bool any_label = true;       // no label given
  bool impossible = false;     // a label no node type has
  bool id_builtin = false;     // set by plan(): no node type declares a property `id`, so `{id: x}` pins
  bool label_builtin = false;  // likewise `label`, so `{label: x}` is looked up in the name index
};

struct RelPattern {
  std::string var;
  std::size_t pos = 0;
  std::vector<std::pair<std::string, std::size_t>> labels;
  std::vector<std::pair<std::string, ExprPtr>> props;
  Dir dir = Dir::both;
  bool var_length = false;
  std::int64_t min_hops = 1, max_hops = 1;  // max_hops < 0: unbounded
  int slot = -1;
  std::vector<TypeId> types;  // allowed edge types; empty = any
  bool impossible = false;
};

/// A chain (n0)-[r0]-(n1)-...: rels[i] joins nodes[i] and nodes[i+1]; optionally named.
struct Pattern {
  std::string path_var;
  int path_slot = -1;
  enum class Shortest : std::uint8_t { none, one, all } shortest = Shortest::none;
  std::size_t pos = 0;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
  ExprPtr where;           // for EXISTS { ... WHERE } and pattern comprehensions
  std::vector<int> fresh;  // in an expression: the slots the pattern binds itself
};

struct ProjectionItem {
  ExprPtr expr;
  std::string name;  // alias, or the text as written
  bool aliased = false;
  std::size_t pos = 0;
  int slot = -1;  // output slot
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

/// WITH or RETURN.
struct Projection {
  bool distinct = false;
  bool star = false;  // WITH * / RETURN *
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order;
  ExprPtr skip, limit;
  ExprPtr where;                        // WITH ... WHERE
  std::vector<const Expr*> aggregates;  // set by the compiler (items, order)
  bool aggregating = false;
  std::vector<int> star_slots;  // WITH *: the visible slots carried over
};

struct Clause {
  enum class Kind : std::uint8_t { match, unwind, with, return_ } kind = Kind::match;
  std::size_t pos = 0;
  bool optional = false;          // OPTIONAL MATCH
  std::vector<Pattern> patterns;  // match
  ExprPtr where;                  // match
  ExprPtr expr;                   // unwind
  std::string alias;              // unwind
  int slot = -1;                  // unwind
  Projection proj;                // with, return
  std::vector<int> new_slots;     // optional match: slots it binds (null when it finds nothing)

  // match: how its WHERE is checked, set by plan() (planner.hpp)
  std::shared_ptr<const MatchPlan> plan;
};

/// One query of a UNION: clauses ending with RETURN.
struct SingleQuery {
  std::vector<Clause> clauses;
  int slot_count = 0;
};

struct Statement {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;  // between parts[i] and parts[i+1]
  std::vector<std::string> columns;
  std::vector<Diagnostic> warnings;  // what compiles but is likely a mistake (a pattern the schema rules out)
};

}  // namespace diplograph::ql
