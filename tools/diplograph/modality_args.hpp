#pragma once
// The --modality option of the commands that filter facts by modality.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "diplograph/graph.hpp"

namespace cli {

/// Adds `--modality` (repeatable, or a comma list of actual, expected, possible, hypothetical).
void add_modality_option(CLI::App& cmd, std::vector<std::string>& names, const std::string& help);
/// The modalities named by --modality (the option has checked the names).
std::vector<diplograph::Modality> parse_modalities(const std::vector<std::string>& names);

}  // namespace cli
