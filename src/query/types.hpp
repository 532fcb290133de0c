#pragma once
// What an expression is known to be before it runs: from its literals, the schema's property
// types and the functions' and operators' result types. The compiler's static type errors
// (`type mismatch: ...`) are raised here; `any` means only the data can tell.

#include <map>
#include <string>
#include <string_view>

#include "diplograph/schema.hpp"
#include "query/ast.hpp"
#include "query/text.hpp"

namespace diplograph::ql {

enum class Type : std::uint8_t { any, null, boolean, number, string, date, list, map, node, edge, path };

std::string_view type_name(Type t);
/// The type of a schema-declared property / of a built-in field of that name.
Type spec_type(const PropertySpec& spec);
Type builtin_type(std::string_view name);

/// The known type of each expression of one query, filled bottom-up as the compiler resolves it.
class Types {
 public:
  explicit Types(const Text& text) : text_(text) {}

  Type of(const Expr& e) const;
  void set(const Expr& e, Type t) { types_[&e] = t; }

  /// A literal's type, from its value.
  void literal(const Expr& e);
  /// Checks the operands of binary operator `e` (typed already) and sets its type.
  void binary(const Expr& e);
  /// Checks the arguments of scalar function call `e` (typed already, lower-cased name) and sets
  /// its result type.
  void call(const Expr& e);
  /// The type every item of a list literal has, when they agree (`['Clara', 'Bob']`: string).
  Type element(const Expr& list) const;

  void expect_boolean(const Expr& e, const char* where) const;
  [[noreturn]] void mismatch(std::size_t pos, const std::string& message) const;

 private:
  const Text& text_;
  std::map<const Expr*, Type> types_;
};

}  // namespace diplograph::ql
