#pragma once
// The graph file format's member names, spelled once (documented in graph-data/README.md).
// Both item readers (fast_item, item_reader), field_location and the writer take their names
// from here, so a field cannot be read under one name and written under another.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/enum_names.hpp"

namespace diplograph::detail::json::format {

/// The members of a graph file's top-level object.
inline constexpr std::string_view version_key = "diplograph";
inline constexpr std::string_view schema_key = "schema";
inline constexpr std::string_view nodes_key = "nodes";
inline constexpr std::string_view edges_key = "edges";
inline constexpr std::array<std::string_view, 4> file_keys{version_key, schema_key, nodes_key, edges_key};

/// The fields of a node or an edge object.
enum class ItemField : std::uint8_t { id, type, label, aliases, from, to, props, date, start, end, modality, sources };
inline constexpr EnumNames<ItemField, 12> item_field_names{
    {"id", "type", "label", "aliases", "from", "to", "props", "date", "start", "end", "modality", "sources"}};
constexpr std::string_view name(ItemField f) noexcept { return item_field_names.name(f); }

/// Which fields each kind of item has, most frequent first (the fast reader tries them in order).
inline constexpr ItemField node_fields[] = {ItemField::id,      ItemField::type,    ItemField::sources, ItemField::date,
                                            ItemField::props,   ItemField::label,   ItemField::start,   ItemField::end,
                                            ItemField::aliases, ItemField::modality};
inline constexpr ItemField edge_fields[] = {ItemField::id,      ItemField::type,    ItemField::from,  ItemField::to,
                                            ItemField::sources, ItemField::date,    ItemField::props, ItemField::start,
                                            ItemField::end,     ItemField::modality};
constexpr std::span<const ItemField> fields_of(bool edge) noexcept {
  if (edge) return edge_fields;
  return node_fields;
}
/// The names of a kind's fields, for did-you-mean.
inline std::vector<std::string_view> field_names(bool edge) {
  std::vector<std::string_view> names;
  for (ItemField f : fields_of(edge)) names.push_back(name(f));
  return names;
}

/// The field `key` names on a node (`edge` false) or an edge; nullopt when it has none such.
/// `same` compares a key with a name (the fast reader passes its own byte comparison).
template <class Same>
constexpr std::optional<ItemField> parse_field(std::string_view key, bool edge, Same same) noexcept {
  for (ItemField f : fields_of(edge))
    if (same(key, name(f))) return f;
  return std::nullopt;
}
inline std::optional<ItemField> parse_field(std::string_view key, bool edge) noexcept {
  return parse_field(key, edge, [](std::string_view a, std::string_view b) { return a == b; });
}

/// The fields of a citation, an element of `sources`.
enum class CitationField : std::uint8_t { source, quote, stance };
inline constexpr EnumNames<CitationField, 3> citation_field_names{{"source", "quote", "stance"}};
constexpr std::string_view name(CitationField f) noexcept { return citation_field_names.name(f); }

}  // namespace diplograph::detail::json::format
