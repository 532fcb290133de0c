#include "modality_args.hpp"

namespace cli {
namespace {
constexpr diplograph::Modality all_modalities[] = {diplograph::Modality::actual, diplograph::Modality::expected,
                                                   diplograph::Modality::possible, diplograph::Modality::hypothetical};
}  // namespace

void add_modality_option(CLI::App& cmd, std::vector<std::string>& names, const std::string& help) {
  std::vector<std::string> choices;
  for (auto m : all_modalities) choices.emplace_back(diplograph::modality_name(m));
  cmd.add_option("--modality", names, help)->delimiter(',')->check(CLI::IsMember(choices));
}

std::vector<diplograph::Modality> parse_modalities(const std::vector<std::string>& names) {
  std::vector<diplograph::Modality> out;
  for (const auto& name : names)
    for (auto m : all_modalities)
      if (diplograph::modality_name(m) == name) out.push_back(m);
  return out;
}

}  // namespace cli
