#include "query/names.hpp"

#include <algorithm>
#include <utility>

namespace diplograph::ql {
namespace {

constexpr std::string_view node_fields[] = {"id",  "label", "type",     "modality", "aliases", "date",   "start",
                                            "end", "when",  "category", "quad",     "score",   "sources"};
constexpr std::string_view edge_fields[] = {"id",  "type", "modality", "date", "start",
                                            "end", "when", "from",     "to",   "sources"};
constexpr std::string_view aggregates[] = {"count",  "collect",        "sum",           "avg", "min", "max", "stdev",
                                           "stdevp", "percentilecont", "percentiledisc"};
struct Scalar {
  std::string_view name;
  Fn fn;
};
constexpr Scalar scalars[] = {
    {"coalesce", Fn::coalesce},
    {"size", Fn::size},
    {"length", Fn::length},
    {"head", Fn::head},
    {"last", Fn::last},
    {"tail", Fn::tail},
    {"range", Fn::range},
    {"reverse", Fn::reverse},
    {"keys", Fn::keys},
    {"properties", Fn::properties},
    {"labels", Fn::labels},
    {"type", Fn::type},
    {"id", Fn::id},
    {"elementid", Fn::elementid},
    {"startnode", Fn::startnode},
    {"endnode", Fn::endnode},
    {"nodes", Fn::nodes},
    {"relationships", Fn::relationships},
    {"tostring", Fn::tostring},
    {"tointeger", Fn::tointeger},
    {"tofloat", Fn::tofloat},
    {"toboolean", Fn::toboolean},
    {"tostringornull", Fn::tostringornull},
    {"tointegerornull", Fn::tointegerornull},
    {"tofloatornull", Fn::tofloatornull},
    {"tobooleanornull", Fn::tobooleanornull},
    {"abs", Fn::abs},
    {"ceil", Fn::ceil},
    {"floor", Fn::floor},
    {"round", Fn::round},
    {"sign", Fn::sign},
    {"sqrt", Fn::sqrt},
    {"exp", Fn::exp},
    {"log", Fn::log},
    {"log10", Fn::log10},
    {"e", Fn::e},
    {"pi", Fn::pi},
    {"rand", Fn::rand},
    {"sin", Fn::sin},
    {"cos", Fn::cos},
    {"tan", Fn::tan},
    {"cot", Fn::cot},
    {"asin", Fn::asin},
    {"acos", Fn::acos},
    {"atan", Fn::atan},
    {"atan2", Fn::atan2},
    {"degrees", Fn::degrees},
    {"radians", Fn::radians},
    {"haversin", Fn::haversin},
    {"tolower", Fn::tolower},
    {"toupper", Fn::toupper},
    {"lower", Fn::lower},
    {"upper", Fn::upper},
    {"trim", Fn::trim},
    {"ltrim", Fn::ltrim},
    {"rtrim", Fn::rtrim},
    {"replace", Fn::replace},
    {"substring", Fn::substring},
    {"left", Fn::left},
    {"right", Fn::right},
    {"split", Fn::split},
    {"fold", Fn::fold},
    {"date", Fn::date},
    {"within", Fn::within},
    {"overlaps", Fn::overlaps},
    {"label", Fn::label},
    {"exists", Fn::exists},
    {"sources", Fn::sources},
    {"isempty", Fn::isempty},
    {"char_length", Fn::char_length},
    {"character_length", Fn::character_length},
};

}  // namespace

Field field_named(std::string_view name) noexcept {
  constexpr std::pair<std::string_view, Field> fields[] = {
      {"date", Field::date}, {"start", Field::start}, {"end", Field::end},           {"when", Field::when},
      {"id", Field::id},     {"type", Field::type},   {"modality", Field::modality}, {"label", Field::label}};
  for (const auto& [n, f] : fields)
    if (n == name) return f;
  return Field::none;
}

std::span<const std::string_view> node_builtins() noexcept { return node_fields; }
std::span<const std::string_view> edge_builtins() noexcept { return edge_fields; }

bool is_aggregate_function(std::string_view n) noexcept {
  return std::find(std::begin(aggregates), std::end(aggregates), n) != std::end(aggregates);
}
Fn scalar_function(std::string_view n) noexcept {
  for (const Scalar& f : scalars)
    if (f.name == n) return f.fn;
  return Fn::none;
}

std::vector<std::string> function_names() {
  std::vector<std::string> out(std::begin(aggregates), std::end(aggregates));
  for (const Scalar& f : scalars) out.emplace_back(f.name);
  return out;
}

}  // namespace diplograph::ql
