#include "graph/enum_names.hpp"

namespace diplograph {

std::string_view modality_name(Modality m) noexcept { return detail::modality_names.name(m); }
std::optional<Modality> parse_modality(std::string_view name) noexcept { return detail::modality_names.parse(name); }
std::string_view stance_name(Stance s) noexcept { return detail::stance_names.name(s); }
std::optional<Stance> parse_stance(std::string_view name) noexcept { return detail::stance_names.parse(name); }

}  // namespace diplograph
