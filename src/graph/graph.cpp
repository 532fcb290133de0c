#include <algorithm>
#include <tuple>

#include "core/messages.hpp"
#include "graph/fold.hpp"
#include "graph/graph_impl.hpp"

namespace diplograph {

Graph::Graph() : impl_(std::make_unique<detail::GraphImpl>()) {}
Graph::Graph(std::unique_ptr<detail::GraphImpl> impl) : impl_(std::move(impl)) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::Graph(const Graph& other) : impl_(std::make_unique<detail::GraphImpl>(*other.impl_)) {}
Graph& Graph::operator=(const Graph& other) {
  if (this != &other) impl_ = std::make_unique<detail::GraphImpl>(*other.impl_);
  return *this;
}

const Schema& Graph::schema() const noexcept { return impl_->schema; }
std::size_t Graph::node_count() const noexcept { return impl_->nodes.size(); }
std::size_t Graph::edge_count() const noexcept { return impl_->edges.size(); }
std::size_t Graph::edge_count(TypeId type) const noexcept {
  return type < impl_->edges_per_type.size() ? impl_->edges_per_type[type] : 0;
}

std::optional<Node> Graph::find(std::string_view id) const& noexcept {
  const detail::StrId s = impl_->strings.find(id);
  if (s == detail::no_string) return std::nullopt;
  const NodeIndex i = impl_->node_by_id[s];
  if (i == detail::no_node) return std::nullopt;
  return node(i);
}

Node Graph::at(std::string_view id) const& {
  if (auto n = find(id)) return *n;
  std::vector<std::string_view> ids;
  ids.reserve(impl_->nodes.size());
  for (const auto& rec : impl_->nodes) ids.push_back(impl_->str(rec.id));
  throw Error(ErrorCode::reference, "no node with id " + detail::quote(id) + detail::did_you_mean(id, ids));
}

std::vector<Node> Graph::find_by_name(std::string_view name) const& {
  std::vector<Node> out;
  const detail::StrId folded = impl_->names.find(detail::fold(name));
  if (folded == detail::no_string) return out;
  const auto& index = impl_->nodes_by_name;
  auto it = std::lower_bound(index.begin(), index.end(), std::pair{folded, NodeIndex{0}});
  for (; it != index.end() && it->first == folded; ++it) out.push_back(node(it->second));
  return out;
}

std::vector<Node> Graph::search(std::string_view text) const& {
  const std::string needle = detail::fold(text);
  std::vector<NodeIndex> hits;
  for (const auto& [name, node] : impl_->nodes_by_name)
    if (impl_->names.view(name).find(needle) != std::string_view::npos) hits.push_back(node);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  std::vector<Node> out;
  for (NodeIndex i : hits) out.push_back(node(i));
  return out;
}

std::vector<Node> Graph::nodes_of_type(std::string_view type, bool exact) const& {
  std::vector<Node> out;
  const NodeType* t = impl_->schema.find_node_type(type);
  if (!t) return out;
  std::vector<NodeIndex> hits;
  for (TypeId sub : exact ? std::vector<TypeId>{t->id} : impl_->schema.subtypes(t->id)) {
    const auto& list = impl_->nodes_by_type[sub];
    hits.insert(hits.end(), list.begin(), list.end());
  }
  std::sort(hits.begin(), hits.end());
  for (NodeIndex i : hits) out.push_back(node(i));
  return out;
}

std::span<const NodeIndex> Graph::nodes_of_type(TypeId type) const noexcept {
  if (type >= impl_->nodes_by_type.size()) return {};
  return impl_->nodes_by_type[type];
}

namespace {
// Positions [first, last) in a CSR list: a node's whole group, or the part of it of one edge
// type (the group is sorted by edge type).
struct Slice {
  std::uint32_t first, last;
};

Slice group(const std::vector<std::uint32_t>& begin, NodeIndex n) { return {begin[n], begin[n + 1]}; }

// The entries of node n's group whose edge type is `type`, from the types beside the lists.
Slice typed(const std::vector<std::uint32_t>& begin, const std::vector<TypeId>& types, NodeIndex n, TypeId type) {
  const auto first = types.begin() + begin[n], last = types.begin() + begin[n + 1];
  const auto lo = std::lower_bound(first, last, type);
  const auto hi = std::upper_bound(lo, last, type);
  return {static_cast<std::uint32_t>(lo - types.begin()), static_cast<std::uint32_t>(hi - types.begin())};
}

template <class T>
std::span<const T> part(const std::vector<T>& list, Slice s) {
  return std::span<const T>(list.data() + s.first, s.last - s.first);
}
}  // namespace

std::span<const EdgeIndex> Graph::out_edges(NodeIndex n) const noexcept {
  return part(impl_->out_list, group(impl_->out_begin, n));
}
std::span<const EdgeIndex> Graph::in_edges(NodeIndex n) const noexcept {
  return part(impl_->in_list, group(impl_->in_begin, n));
}
std::span<const EdgeIndex> Graph::out_edges(NodeIndex n, TypeId type) const noexcept {
  return part(impl_->out_list, typed(impl_->out_begin, impl_->out_types, n, type));
}
std::span<const EdgeIndex> Graph::in_edges(NodeIndex n, TypeId type) const noexcept {
  return part(impl_->in_list, typed(impl_->in_begin, impl_->in_types, n, type));
}
std::span<const NodeIndex> Graph::out_neighbors(NodeIndex n) const noexcept {
  return part(impl_->out_nodes, group(impl_->out_begin, n));
}
std::span<const NodeIndex> Graph::in_neighbors(NodeIndex n) const noexcept {
  return part(impl_->in_nodes, group(impl_->in_begin, n));
}
std::span<const NodeIndex> Graph::out_neighbors(NodeIndex n, TypeId type) const noexcept {
  return part(impl_->out_nodes, typed(impl_->out_begin, impl_->out_types, n, type));
}
std::span<const NodeIndex> Graph::in_neighbors(NodeIndex n, TypeId type) const noexcept {
  return part(impl_->in_nodes, typed(impl_->in_begin, impl_->in_types, n, type));
}

bool Graph::owns(Node n) const noexcept { return n.g_ == impl_.get() && n.i_ < impl_->nodes.size(); }
bool Graph::owns(Edge e) const noexcept { return e.g_ == impl_.get() && e.i_ < impl_->edges.size(); }

std::vector<Edge> Graph::edges_at(Node n, Direction dir, std::span<const std::string> types) const& {
  if (!owns(n)) throw Error(ErrorCode::reference, "node #" + std::to_string(n.index()) + " belongs to another graph");
  std::vector<TypeId> ids;
  for (const auto& name : types) {
    const EdgeType* t = impl_->schema.find_edge_type(name);
    if (!t)
      throw Error(ErrorCode::schema,
                  detail::unknown("edge type", name, detail::did_you_mean(impl_->schema.suggest_edge_type(name))));
    ids.push_back(t->id);
  }
  std::vector<Edge> out;
  auto collect = [&](auto all_of, auto of_type) {
    if (ids.empty()) {
      for (EdgeIndex e : all_of()) out.push_back(edge(e));
    } else {
      for (TypeId t : ids)
        for (EdgeIndex e : of_type(t)) out.push_back(edge(e));
    }
  };
  if (dir != Direction::in)
    collect([&] { return out_edges(n.index()); }, [&](TypeId t) { return out_edges(n.index(), t); });
  if (dir != Direction::out)
    collect([&] { return in_edges(n.index()); }, [&](TypeId t) { return in_edges(n.index(), t); });
  return out;
}

Graph Graph::subgraph(const std::vector<bool>& keep_nodes, const std::vector<bool>& keep_edges) const {
  const auto& from = *impl_;
  auto out = std::make_unique<detail::GraphImpl>();
  out->schema = from.schema;
  // Pools that records point into are copied whole, so string, value and times ids stay the same.
  out->strings = from.strings;
  out->times = from.times;
  out->prop_names = from.prop_names;
  out->list_items = from.list_items;
  out->texts = from.texts;
  out->dates = from.dates;
  std::vector<NodeIndex> renumber(from.nodes.size(), UINT32_MAX);
  auto copy_pools = [&](auto rec) {
    auto copy = [](detail::Range r, const auto& src, auto& dst) {
      const auto begin = static_cast<std::uint32_t>(dst.size());
      dst.insert(dst.end(), src.begin() + r.begin, src.begin() + r.end);
      return begin;
    };
    rec.props_at = copy(rec.props(), from.props, out->props);
    rec.sources_at = copy(rec.sources(), from.citations, out->citations);
    return rec;
  };
  for (NodeIndex i = 0; i < from.nodes.size(); ++i) {
    if (!keep_nodes.at(i)) continue;
    renumber[i] = static_cast<NodeIndex>(out->nodes.size());
    auto rec = copy_pools(from.nodes[i]);
    const auto first_alias = static_cast<std::uint32_t>(out->aliases.size());
    out->aliases.insert(out->aliases.end(), from.aliases.begin() + rec.aliases.begin,
                        from.aliases.begin() + rec.aliases.end);
    rec.aliases = {first_alias, static_cast<std::uint32_t>(out->aliases.size())};
    out->nodes.push_back(rec);
  }
  for (EdgeIndex e = 0; e < from.edges.size(); ++e) {
    const auto& rec = from.edges[e];
    if (!keep_edges.at(e) || renumber[rec.from] == UINT32_MAX || renumber[rec.to] == UINT32_MAX) continue;
    auto copy = copy_pools(rec);
    copy.from = renumber[rec.from];
    copy.to = renumber[rec.to];
    out->set_edge_id(static_cast<EdgeIndex>(out->edges.size()), from.edge_id(e));
    out->edges.push_back(copy);
  }
  out->index();
  return Graph(std::move(out));
}

bool operator==(const Graph& a, const Graph& b) {
  if (a.node_count() != b.node_count() || a.edge_count() != b.edge_count() || !(a.schema() == b.schema())) return false;
  for (Node n : a.nodes()) {
    auto other = b.find(n.id());
    if (!other || !(n.data() == other->data())) return false;
  }
  auto sorted_edges = [](const Graph& g) {
    std::vector<EdgeData> edges;
    for (Edge e : g.edges()) edges.push_back(e.data());
    std::sort(edges.begin(), edges.end(), [](const EdgeData& x, const EdgeData& y) {
      return std::tie(x.id, x.from, x.type, x.to, x.date, x.start, x.end) <
             std::tie(y.id, y.from, y.type, y.to, y.date, y.start, y.end);
    });
    return edges;
  };
  return sorted_edges(a) == sorted_edges(b);
}

namespace detail {
Graph GraphAccess::make(std::unique_ptr<GraphImpl> impl) { return Graph(std::move(impl)); }
}  // namespace detail

}  // namespace diplograph
