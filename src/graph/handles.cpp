// The accessors of Node and Edge: thin reads of the records in GraphImpl.
#include "graph/graph_impl.hpp"

namespace diplograph {

namespace detail {

namespace {

std::vector<PropertyRef> prop_refs(const GraphImpl& g, Range r) {
  std::vector<PropertyRef> out;
  out.reserve(r.size());
  for (std::uint32_t i = r.begin; i < r.end; ++i)
    out.push_back({g.prop_names.view(g.props[i].name), g.value(g.props[i])});
  return out;
}

std::vector<CitationRef> citation_refs(const GraphImpl& g, Range r) {
  std::vector<CitationRef> out;
  out.reserve(r.size());
  for (std::uint32_t i = r.begin; i < r.end; ++i) {
    const auto& c = g.citations[i];
    out.push_back({g.str(c.source), g.str(c.quote), c.stance});
  }
  return out;
}

template <class Data>
void fill_common(const GraphImpl& g, const FactRec& rec, Data& d) {
  for (auto& p : prop_refs(g, rec.props())) d.props.push_back({std::string(p.name), std::move(p.value)});
  for (const auto& c : citation_refs(g, rec.sources()))
    d.sources.push_back({std::string(c.source), std::string(c.quote), c.stance});
  const Times& t = g.times_of(rec);
  d.date = t.date();
  d.start = t.start();
  d.end = t.end();
  d.modality = rec.modality;
}

}  // namespace
}  // namespace detail

std::string_view Node::id() const noexcept { return g_->str(g_->nodes[i_].id); }
TypeId Node::type_id() const noexcept { return g_->nodes[i_].type; }
std::string_view Node::type() const noexcept { return g_->schema.node_type(type_id()).name; }
std::string_view Node::label() const noexcept { return g_->str(g_->nodes[i_].label); }
std::vector<std::string_view> Node::aliases() const {
  std::vector<std::string_view> out;
  const auto r = g_->nodes[i_].aliases;
  for (std::uint32_t i = r.begin; i < r.end; ++i) out.push_back(g_->str(g_->aliases[i]));
  return out;
}
std::vector<PropertyRef> Node::props() const { return detail::prop_refs(*g_, g_->nodes[i_].props()); }
std::optional<Value> Node::prop(std::string_view name) const { return g_->prop(g_->nodes[i_].props(), name); }
std::optional<Date> Node::date() const noexcept { return g_->times_of(g_->nodes[i_]).date(); }
std::optional<Date> Node::start() const noexcept { return g_->times_of(g_->nodes[i_]).start(); }
std::optional<Date> Node::end() const noexcept { return g_->times_of(g_->nodes[i_]).end(); }
std::optional<Date> Node::when() const noexcept { return g_->times_of(g_->nodes[i_]).when(); }
Modality Node::modality() const noexcept { return g_->nodes[i_].modality; }
std::vector<CitationRef> Node::sources() const { return detail::citation_refs(*g_, g_->nodes[i_].sources()); }
bool Node::is_a(std::string_view type) const noexcept {
  const NodeType* t = g_->schema.find_node_type(type);
  return t && g_->schema.is_a(type_id(), t->id);
}
NodeData Node::data() const {
  NodeData d;
  d.id = id();
  d.type = type();
  d.label = label();
  for (auto a : aliases()) d.aliases.emplace_back(a);
  detail::fill_common(*g_, g_->nodes[i_], d);
  return d;
}

std::string_view Edge::id() const noexcept { return g_->str(g_->edge_id(i_)); }
TypeId Edge::type_id() const noexcept { return g_->edges[i_].type; }
std::string_view Edge::type() const noexcept { return g_->schema.edge_type(type_id()).name; }
Node Edge::from() const noexcept { return Node(g_, g_->edges[i_].from); }
Node Edge::to() const noexcept { return Node(g_, g_->edges[i_].to); }
std::vector<PropertyRef> Edge::props() const { return detail::prop_refs(*g_, g_->edges[i_].props()); }
std::optional<Value> Edge::prop(std::string_view name) const { return g_->prop(g_->edges[i_].props(), name); }
std::optional<Date> Edge::date() const noexcept { return g_->times_of(g_->edges[i_]).date(); }
std::optional<Date> Edge::start() const noexcept { return g_->times_of(g_->edges[i_]).start(); }
std::optional<Date> Edge::end() const noexcept { return g_->times_of(g_->edges[i_]).end(); }
std::optional<Date> Edge::when() const noexcept { return g_->times_of(g_->edges[i_]).when(); }
Modality Edge::modality() const noexcept { return g_->edges[i_].modality; }
std::vector<CitationRef> Edge::sources() const { return detail::citation_refs(*g_, g_->edges[i_].sources()); }
EdgeData Edge::data() const {
  EdgeData d;
  d.id = id();
  d.type = type();
  d.from = from().id();
  d.to = to().id();
  detail::fill_common(*g_, g_->edges[i_], d);
  return d;
}

}  // namespace diplograph
