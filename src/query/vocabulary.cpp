#include "query/vocabulary.hpp"

#include <algorithm>

#include "core/messages.hpp"
#include "query/eval.hpp"

namespace diplograph::ql {

namespace {

EnumPtr make(std::string what, std::vector<std::string> values, bool list = false) {
  return std::make_shared<const EnumValues>(EnumValues{std::move(what), std::move(values), list});
}

std::vector<std::string> plover_names(const Schema& schema) {
  std::vector<std::string> out;
  for (const PloverCategory& c : schema.plover_categories()) out.push_back(c.name);
  return out;
}

}  // namespace

EnumPtr builtin_enum(std::string_view field, const Schema& schema) {
  if (field == "modality") {
    std::vector<std::string> names;
    for (Modality m : {Modality::actual, Modality::expected, Modality::possible, Modality::hypothetical})
      names.emplace_back(modality_name(m));
    return make("modality", std::move(names));
  }
  if (field == "stance")
    return make("stance", {std::string(stance_name(Stance::asserts)), std::string(stance_name(Stance::disputes))});
  if (schema.plover_categories().empty()) return nullptr;
  if (field == "category") return make("category", plover_names(schema));
  if (field == "quad") {
    std::vector<std::string> names;
    for (QuadClass q : {QuadClass::verbal_cooperation, QuadClass::material_cooperation, QuadClass::verbal_conflict,
                        QuadClass::material_conflict})
      names.emplace_back(quad_name(q));
    return make("quad class", std::move(names));
  }
  return nullptr;
}

EnumPtr property_enum(const PropertySpec& spec, const Schema& schema) {
  if (spec.kind != ValueKind::enumeration) return nullptr;
  const Vocabulary* vocabulary = schema.vocabulary(spec.vocabulary);
  if (!vocabulary) return nullptr;
  const bool plover = spec.vocabulary == Schema::plover_vocabulary;
  return make(plover ? "category" : vocabulary->name, vocabulary->values, spec.list);
}

std::string outside(const EnumValues& e, std::string_view value) {
  if (std::find(e.values.begin(), e.values.end(), value) != e.values.end()) return {};
  const std::vector<std::string_view> names(e.values.begin(), e.values.end());
  const std::string best = detail::closest_match(value, names);
  return detail::unknown(e.what, value, best.empty() ? detail::one_of(names) : detail::did_you_mean(best));
}

void check_enum_parameter(const EnumValues& e, const V& value, const Env& env, std::size_t pos) {
  auto check = [&](const V& v) {
    if (!v.is_string()) return;
    if (std::string why = outside(e, v.s()); !why.empty()) fail(env, pos, ErrorCode::query, why);
  };
  if (value.is_list())
    for (const V& v : value.list()) check(v);
  else
    check(value);
}

}  // namespace diplograph::ql
