#include "query/names.hpp"

#include <algorithm>

namespace diplograph::ql {
namespace {

constexpr std::string_view node_fields[] = {"id",  "label", "type",     "modality", "aliases", "date",   "start",
                                            "end", "when",  "category", "quad",     "score",   "sources"};
constexpr std::string_view edge_fields[] = {"id",  "type", "modality", "date", "start",
                                            "end", "when", "from",     "to",   "sources"};
constexpr std::string_view aggregates[] = {"count",  "collect",        "sum",           "avg", "min", "max", "stdev",
                                           "stdevp", "percentilecont", "percentiledisc"};
constexpr std::string_view scalars[] = {"coalesce",
                                        "size",
                                        "length",
                                        "head",
                                        "last",
                                        "tail",
                                        "range",
                                        "reverse",
                                        "keys",
                                        "properties",
                                        "labels",
                                        "type",
                                        "id",
                                        "elementid",
                                        "startnode",
                                        "endnode",
                                        "nodes",
                                        "relationships",
                                        "tostring",
                                        "tointeger",
                                        "tofloat",
                                        "toboolean",
                                        "tostringornull",
                                        "tointegerornull",
                                        "tofloatornull",
                                        "tobooleanornull",
                                        "abs",
                                        "ceil",
                                        "floor",
                                        "round",
                                        "sign",
                                        "sqrt",
                                        "exp",
                                        "log",
                                        "log10",
                                        "e",
                                        "pi",
                                        "rand",
                                        "sin",
                                        "cos",
                                        "tan",
                                        "cot",
                                        "asin",
                                        "acos",
                                        "atan",
                                        "atan2",
                                        "degrees",
                                        "radians",
                                        "haversin",
                                        "tolower",
                                        "toupper",
                                        "lower",
                                        "upper",
                                        "trim",
                                        "ltrim",
                                        "rtrim",
                                        "replace",
                                        "substring",
                                        "left",
                                        "right",
                                        "split",
                                        "fold",
                                        "date",
                                        "within",
                                        "overlaps",
                                        "label",
                                        "exists",
                                        "sources",
                                        "isempty",
                                        "char_length",
                                        "character_length"};

}  // namespace

std::span<const std::string_view> node_builtins() noexcept { return node_fields; }
std::span<const std::string_view> edge_builtins() noexcept { return edge_fields; }

bool is_aggregate_function(std::string_view n) noexcept {
  return std::find(std::begin(aggregates), std::end(aggregates), n) != std::end(aggregates);
}
bool is_scalar_function(std::string_view n) noexcept {
  return std::find(std::begin(scalars), std::end(scalars), n) != std::end(scalars);
}

std::vector<std::string> function_names() {
  std::vector<std::string> out(std::begin(aggregates), std::end(aggregates));
  out.insert(out.end(), std::begin(scalars), std::end(scalars));
  return out;
}

}  // namespace diplograph::ql
