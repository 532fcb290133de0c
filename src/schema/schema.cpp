#include "diplograph/schema.hpp"

#include <algorithm>

#include "core/bytes.hpp"
#include "core/messages.hpp"
#include "schema/enum_names.hpp"
#include "schema/located_parts.hpp"

namespace diplograph {

std::size_t Schema::NameHash::operator()(std::string_view s) const noexcept { return detail::hash_bytes(s); }

std::string_view quad_name(QuadClass q) noexcept { return detail::quad_names.name(q); }
std::optional<QuadClass> parse_quad(std::string_view name) noexcept { return detail::quad_names.parse(name); }

namespace {

template <class Items>
std::vector<std::string_view> names_of(const Items& items) {
  std::vector<std::string_view> names;
  for (const auto& item : items) names.push_back(item.name);
  return names;
}

// Collects the problems of Schema::from_parts, each at the place its item came from.
struct Problems {
  std::vector<Diagnostic> list;
  void add(const Location& where, std::string message) {
    list.push_back({ErrorCode::schema, where, std::move(message)});
  }
};

const Location& at(const std::vector<Location>& where, std::size_t i) {
  static const Location unknown;
  return i < where.size() ? where[i] : unknown;
}

}  // namespace

Schema Schema::from_parts(Parts parts) { return detail::SchemaAccess::from_parts(std::move(parts), {}); }

Schema detail::SchemaAccess::from_parts(Schema::Parts parts, const PartLocations& where) {
  Schema s;
  Problems problems;
  s.plover_version_ = std::move(parts.plover_version);
  s.plover_ = std::move(parts.plover);
  s.vocabularies_ = std::move(parts.vocabularies);
  if (!s.plover_.empty()) {
    Vocabulary categories{std::string(Schema::plover_vocabulary), {}};
    for (const auto& c : s.plover_) categories.values.push_back(c.name);
    s.vocabularies_.push_back(std::move(categories));
  }
  std::sort(s.vocabularies_.begin(), s.vocabularies_.end(),
            [](const Vocabulary& a, const Vocabulary& b) { return a.name < b.name; });

  for (std::size_t i = 0; i < parts.node_types.size(); ++i) {
    auto& n = parts.node_types[i];
    if (s.node_index_.contains(n.name)) {
      problems.add(at(where.node_types, i), "node type '" + n.name + "' is declared twice");
      continue;
    }
    const auto id = static_cast<TypeId>(s.node_types_.size());
    s.node_index_.emplace(n.name, id);
    s.node_types_.push_back(NodeType{id, n.name, std::nullopt, n.abstract, std::move(n.doc), std::move(n.props)});
  }
  const auto node_names = names_of(s.node_types_);
  auto resolve_node_type = [&](const std::string& name, const Location& place,
                               const std::string& context) -> std::optional<TypeId> {
    if (auto it = s.node_index_.find(name); it != s.node_index_.end()) return it->second;
    problems.add(place, context + ": " + detail::unknown("node type", name, node_names));
    return std::nullopt;
  };
  auto check_props = [&](const std::vector<PropertySpec>& props, const Location& place, const std::string& owner) {
    for (const auto& p : props)
      if (p.kind == ValueKind::enumeration && !s.vocabulary(p.vocabulary))
        problems.add(place, owner + ": property '" + p.name +
                                "': " + detail::unknown("vocabulary", p.vocabulary, names_of(s.vocabularies_)));
  };
  for (std::size_t i = 0; i < parts.node_types.size() && i < s.node_types_.size(); ++i) {
    const auto& n = parts.node_types[i];
    auto& type = s.node_types_[s.node_index_.at(n.name)];
    const Location& place = at(where.node_types, i);
    if (!n.parent.empty()) type.parent = resolve_node_type(n.parent, place, "node type '" + n.name + "'");
    check_props(type.props, place, "node type '" + n.name + "'");
  }
  // A parent chain that returns to its start would make is_a() loop.
  for (const auto& type : s.node_types_) {
    std::size_t steps = 0;
    for (auto t = type.parent; t && steps <= s.node_types_.size(); t = s.node_types_[*t].parent) ++steps;
    if (steps > s.node_types_.size()) {
      problems.add(at(where.node_types, type.id), "node type '" + type.name + "' is its own ancestor");
      s.node_types_[type.id].parent.reset();
    }
  }

  for (std::size_t i = 0; i < parts.edge_types.size(); ++i) {
    auto& e = parts.edge_types[i];
    const Location& place = at(where.edge_types, i);
    if (s.edge_index_.contains(e.name)) {
      problems.add(place, "edge type '" + e.name + "' is declared twice");
      continue;
    }
    EdgeType type{
        static_cast<TypeId>(s.edge_types_.size()), e.name, {}, {}, e.date, std::move(e.doc), std::move(e.props)};
    const std::string context = "edge type '" + e.name + "'";
    for (const auto& name : e.from)
      if (auto t = resolve_node_type(name, place, context)) type.from.push_back(*t);
    for (const auto& name : e.to)
      if (auto t = resolve_node_type(name, place, context)) type.to.push_back(*t);
    if (e.from.empty() || e.to.empty()) problems.add(place, context + ": needs at least one 'from' and one 'to' type");
    check_props(type.props, place, context);
    s.edge_index_.emplace(type.name, type.id);
    s.edge_types_.push_back(std::move(type));
    s.edge_declared_at_.push_back(place);
  }

  if (!parts.source_type.empty())
    s.source_type_ = resolve_node_type(parts.source_type, where.source_type, "provenance");
  s.sources_required_ = parts.sources_required;
  if (!problems.list.empty()) throw Error(std::move(problems.list));
  return s;
}

const NodeType* Schema::find_node_type(std::string_view name) const noexcept {
  auto it = node_index_.find(name);
  return it == node_index_.end() ? nullptr : &node_types_[it->second];
}

const EdgeType* Schema::find_edge_type(std::string_view name) const noexcept {
  auto it = edge_index_.find(name);
  return it == edge_index_.end() ? nullptr : &edge_types_[it->second];
}

const NodeType& Schema::node_type(TypeId id) const {
  if (id >= node_types_.size())
    throw Error(ErrorCode::schema, "no node type with id " + std::to_string(id) + " (the schema has " +
                                       std::to_string(node_types_.size()) + ")");
  return node_types_[id];
}

const EdgeType& Schema::edge_type(TypeId id) const {
  if (id >= edge_types_.size())
    throw Error(ErrorCode::schema, "no edge type with id " + std::to_string(id) + " (the schema has " +
                                       std::to_string(edge_types_.size()) + ")");
  return edge_types_[id];
}

std::string Schema::suggest_node_type(std::string_view name) const {
  return detail::closest_match(name, names_of(node_types_));
}
std::string Schema::suggest_edge_type(std::string_view name) const {
  return detail::closest_match(name, names_of(edge_types_));
}

bool Schema::is_a(TypeId sub, TypeId super) const noexcept {
  for (std::optional<TypeId> t = sub; t; t = node_types_[*t].parent)
    if (*t == super) return true;
  return false;
}

std::vector<TypeId> Schema::subtypes(TypeId type) const {
  std::vector<TypeId> out;
  for (const auto& t : node_types_)
    if (is_a(t.id, type)) out.push_back(t.id);
  return out;
}

namespace {
const PropertySpec* find_spec(const std::vector<PropertySpec>& props, std::string_view name) noexcept {
  for (const auto& p : props)
    if (p.name == name) return &p;
  return nullptr;
}
}  // namespace

const PropertySpec* Schema::node_property(TypeId type, std::string_view name) const noexcept {
  for (std::optional<TypeId> t = type; t; t = node_types_[*t].parent)
    if (const auto* p = find_spec(node_types_[*t].props, name)) return p;
  return nullptr;
}

const PropertySpec* Schema::edge_property(TypeId type, std::string_view name) const noexcept {
  return find_spec(edge_types_[type].props, name);
}

std::vector<const PropertySpec*> Schema::node_properties(TypeId type) const {
  std::vector<TypeId> chain;
  for (std::optional<TypeId> t = type; t; t = node_types_[*t].parent) chain.push_back(*t);
  std::vector<const PropertySpec*> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const auto& p : node_types_[*it].props) out.push_back(&p);
  return out;
}

bool Schema::allows(TypeId edge, TypeId from, TypeId to) const noexcept {
  const auto& e = edge_types_[edge];
  auto admits = [&](const std::vector<TypeId>& allowed, TypeId t) {
    return std::any_of(allowed.begin(), allowed.end(), [&](TypeId a) { return is_a(t, a); });
  };
  return admits(e.from, from) && admits(e.to, to);
}

Location Schema::declared_at(TypeId edge) const {
  return edge < edge_declared_at_.size() ? edge_declared_at_[edge] : Location{};
}

const Vocabulary* Schema::vocabulary(std::string_view name) const noexcept {
  for (const auto& v : vocabularies_)
    if (v.name == name) return &v;
  return nullptr;
}

const PloverCategory* Schema::plover(std::string_view category) const noexcept {
  for (const auto& c : plover_)
    if (c.name == category) return &c;
  return nullptr;
}

bool operator==(const Schema& a, const Schema& b) {
  return a.node_types_ == b.node_types_ && a.edge_types_ == b.edge_types_ && a.vocabularies_ == b.vocabularies_ &&
         a.plover_ == b.plover_ && a.plover_version_ == b.plover_version_ && a.source_type_ == b.source_type_ &&
         a.sources_required_ == b.sources_required_;
}

}  // namespace diplograph
