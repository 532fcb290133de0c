#include "schema/type_names.hpp"

#include <algorithm>

#include "core/messages.hpp"
#include "diplograph/error.hpp"

namespace diplograph::detail {

std::vector<TypeId> edge_type_ids(const Schema& schema, const std::vector<std::string>& names) {
  std::vector<TypeId> ids;
  for (const std::string& name : names) {
    const EdgeType* t = schema.find_edge_type(name);
    if (!t) {
      throw Error(ErrorCode::schema, unknown("edge type", name, did_you_mean(schema.suggest_edge_type(name))));
    }
    ids.push_back(t->id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<bool> node_type_mask(const Schema& schema, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::vector<bool> mask(schema.node_types().size());
  for (const std::string& name : names) {
    const NodeType* t = schema.find_node_type(name);
    if (!t) {
      throw Error(ErrorCode::schema, unknown("node type", name, did_you_mean(schema.suggest_node_type(name))));
    }
    for (TypeId sub : schema.subtypes(t->id)) mask[sub] = true;
  }
  return mask;
}

std::vector<bool> edge_type_mask(const Schema& schema, const std::vector<std::string>& names) {
  std::vector<bool> mask(schema.edge_types().size(), names.empty());
  for (TypeId t : edge_type_ids(schema, names)) mask[t] = true;
  return mask;
}

}  // namespace diplograph::detail
