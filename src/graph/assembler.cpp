#include "graph/assembler.hpp"

#include <algorithm>

#include "core/messages.hpp"

namespace diplograph::detail {

std::string describe_node(std::string_view id) { return "node " + quote(id); }

std::string describe_edge(const EdgeData& e) {
  if (!e.id.empty()) return "edge '" + e.id + "'";
  return "edge " + e.from + " -" + e.type + "-> " + e.to;
}

namespace {

// Ids are lowercase slugs: stable, readable, safe in file names and URLs.
bool is_slug(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front()) || !alnum(id.back())) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::string quoted_value(const Value& v) { return v.is_string() ? detail::quote(v.as_string()) : v.to_string(); }

}  // namespace

Assembler::Assembler(Schema schema) : impl_(std::make_unique<GraphImpl>()) { impl_->schema = std::move(schema); }

void Assembler::reserve_for_input(std::uint64_t bytes) {
  // Generous estimates, not bounds (an edge line of 100 bytes, a property per 40, text a third
  // of the input): a pool that outgrows its reservation grows from a buffer so large that glibc
  // maps its successor apart, and frees it back to the system, not to this thread's arena.
  constexpr std::uint64_t worth_it = 1 << 20, bytes_per_edge = 100, bytes_per_prop = 40, text_share = 3;
  if (bytes < worth_it) return;
  impl_->edges.reserve(bytes / bytes_per_edge);
  impl_->props.reserve(bytes / bytes_per_prop);
  impl_->texts.reserve(bytes / text_share);
}

void Assembler::problem(ErrorCode code, bool edge, std::uint32_t item, Field field, std::string message,
                        std::uint32_t sub, std::optional<std::uint32_t> first) {
  problems_.push_back(Problem{code, edge, item, field, sub, std::move(message), first, {}});
}

bool Assembler::check_value(Value& value, const PropertySpec& spec, std::string& why) const {
  if (spec.list && !value.is_list()) {
    why = "must be a list of " + std::string(kind_name(spec.kind)) + " values";
    return false;
  }
  if (spec.list) {
    List items = value.as_list();
    PropertySpec one = spec;
    one.list = false;
    for (auto& item : items)
      if (!check_value(item, one, why)) return false;
    value = Value(std::move(items));
    return true;
  }
  switch (spec.kind) {
    case ValueKind::string:
      if (value.is_string()) return true;
      break;
    case ValueKind::integer:
      if (value.is_int()) return true;
      break;
    case ValueKind::real:
      if (value.is_int()) value = Value(value.as_real());
      if (value.is_real()) return true;
      break;
    case ValueKind::boolean:
      if (value.is_bool()) return true;
      break;
    case ValueKind::date:
      if (value.is_string()) {
        Date d;
        std::string reason;
        if (Date::try_parse(value.as_string(), d, &reason)) {
          value = Value(d);
          return true;
        }
        why = "is not a date: " + quoted_value(value) + ": " + reason;
        return false;
      }
      if (value.is_date()) return true;
      break;
    case ValueKind::enumeration:
      if (value.is_string()) {
        const Vocabulary* vocabulary = impl_->schema.vocabulary(spec.vocabulary);
        const auto& values = vocabulary->values;
        if (std::find(values.begin(), values.end(), value.as_string()) != values.end()) return true;
        std::vector<std::string_view> names(values.begin(), values.end());
        why = "has " + quoted_value(value) + ", which is not in vocabulary " + detail::quote(spec.vocabulary) +
              did_you_mean(value.as_string(), names);
        return false;
      }
      break;
  }
  why = "must be " + std::string(spec.kind == ValueKind::integer ? "an " : "a ") + std::string(kind_name(spec.kind)) +
        ", got " + quoted_value(value);
  return false;
}

Range Assembler::store_props(std::vector<Property>& props, bool edge, std::uint32_t item, TypeId type) {
  const Schema& schema = impl_->schema;
  const std::string owner = edge ? "edge" : "node";
  for (std::uint32_t i = 0; i < props.size(); ++i) {
    auto& p = props[i];
    const PropertySpec* spec = edge ? schema.edge_property(type, p.name) : schema.node_property(type, p.name);
    const std::string& type_name = edge ? schema.edge_type(type).name : schema.node_type(type).name;
    if (!spec) {
      std::vector<std::string_view> names;
      if (edge) {
        for (const auto& s : schema.edge_type(type).props) names.push_back(s.name);
      } else {
        for (const auto* s : schema.node_properties(type)) names.push_back(s->name);
      }
      problem(ErrorCode::schema, edge, item, Field::prop,
              unknown("property", p.name) + " for " + owner + " type " + detail::quote(type_name) +
                  did_you_mean(p.name, names),
              i);
      problems_.back().key = p.name;
      continue;
    }
    std::string why;
    check_value(p.value, *spec, why);
    if (!why.empty()) {
      problem(ErrorCode::value, edge, item, Field::prop, "property '" + p.name + "' " + why, i);
      problems_.back().key = p.name;
    }
  }
  auto required = [&](const PropertySpec& spec) {
    if (spec.required &&
        std::none_of(props.begin(), props.end(), [&](const Property& p) { return p.name == spec.name; }))
      problem(ErrorCode::schema, edge, item, Field::object, "missing required property '" + spec.name + "'");
  };
  if (edge) {
    for (const auto& spec : schema.edge_type(type).props) required(spec);
  } else {
    for (const auto* spec : schema.node_properties(type)) required(*spec);
  }
  std::sort(props.begin(), props.end(), [](const Property& a, const Property& b) { return a.name < b.name; });
  Range r{static_cast<std::uint32_t>(impl_->props.size()), 0};
  for (auto& p : props) {
    const StrId name = impl_->prop_names.intern(p.name);
    if (name > max_prop_names) throw Error(ErrorCode::value, "too many distinct property names for one graph");
    impl_->props.push_back(impl_->store(name, p.value));
  }
  r.end = static_cast<std::uint32_t>(impl_->props.size());
  return r;
}

namespace {
std::uint64_t hash_of(const Times& t) noexcept {
  const auto day = [](const Date& d) {
    return std::uint64_t(std::uint32_t(d.earliest())) << 32 | std::uint32_t(d.latest());
  };
  const std::uint64_t h = day(t.first) * 0x9E3779B97F4A7C15ull ^ day(t.second) * 0xC2B2AE3D27D4EB4Full ^ t.bits;
  return h ^ h >> 32;
}
}  // namespace

void Assembler::grow_times_slots() {
  const std::vector<Times>& times = impl_->times;
  times_slots_.assign(std::max<std::size_t>(64, times_slots_.size() * 2), 0);
  const std::size_t mask = times_slots_.size() - 1;
  for (std::uint32_t k = 1; k < times.size(); ++k) {
    std::size_t i = hash_of(times[k]) & mask;
    while (times_slots_[i] != 0) i = (i + 1) & mask;
    times_slots_[i] = k;
  }
}

std::uint32_t Assembler::store_times(const Times& t, std::uint32_t hash) {
  if (t.bits == 0) return 0;
  std::vector<Times>& times = impl_->times;
  if (times.size() * 2 >= times_slots_.size()) grow_times_slots();
  const std::size_t mask = times_slots_.size() - 1;  // below 2^32: the hash's low bits are hash_of's
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t at = times_slots_[i];
    if (at != 0 && times[at] == t) return at;
    if (at == 0) {
      times_slots_[i] = static_cast<std::uint32_t>(times.size());
      times.push_back(t);
      return times_slots_[i];
    }
  }
}

// Fills the slices of a record, or reports an item with more properties or citations than a
// record counts (65,535).
void Assembler::store_common(FactRec& rec, Range props, Range sources, bool edge, std::uint32_t item) {
  if (props.size() > UINT16_MAX || sources.size() > UINT16_MAX)
    problem(ErrorCode::value, edge, item, Field::object, "has more than 65535 properties or sources");
  rec.props_at = props.begin;
  rec.props_n = static_cast<std::uint16_t>(props.size());
  rec.sources_at = sources.begin;
  rec.sources_n = static_cast<std::uint16_t>(sources.size());
}

Range Assembler::store_citations(const std::vector<Citation>& sources, bool edge, std::uint32_t item) {
  Range r{static_cast<std::uint32_t>(impl_->citations.size()), 0};
  for (const auto& c : sources)
    impl_->citations.push_back({impl_->strings.intern(c.source), impl_->strings.intern(c.quote), c.stance});
  r.end = static_cast<std::uint32_t>(impl_->citations.size());
  (void)edge;
  (void)item;
  return r;
}

namespace {
Times times_of(const std::optional<Date>& date, const std::optional<Date>& start, const std::optional<Date>& end) {
  Times t;
  if (date) t.first = *date, t.bits |= has_date;
  if (start) t.first = *start, t.bits |= has_start;
  if (end) t.second = *end, t.bits |= has_end;
  return t;
}

// The Times table hash of an item's dates (Hashes), 0 when it has none.
std::uint32_t times_hash(const std::optional<Date>& date, const std::optional<Date>& start,
                         const std::optional<Date>& end) noexcept {
  const Times t = times_of(date, start, end);
  return t.bits == 0 ? 0 : static_cast<std::uint32_t>(hash_of(t));
}
}  // namespace

void Assembler::prefetch_times(std::uint32_t hash, int stage) const noexcept {
  if (hash == 0 || times_slots_.empty()) return;
  const std::uint32_t& slot = times_slots_[hash & (times_slots_.size() - 1)];
  if (stage == 0)
    __builtin_prefetch(&slot);
  else if (slot != 0)
    __builtin_prefetch(&impl_->times[slot]);
}

Times Assembler::check_times(const std::optional<Date>& date, const std::optional<Date>& start,
                             const std::optional<Date>& end, bool edge, std::uint32_t item) {
  const Times t = times_of(date, start, end);
  if (date && (start || end))
    problem(ErrorCode::value, edge, item, Field::date, "has both a 'date' and a 'start'/'end'; give one or the other");
  if (start && end && end->before(*start))
    problem(ErrorCode::value, edge, item, Field::end,
            "ends (" + end->to_string() + ") before it starts (" + start->to_string() + ")");
  return t;
}

// An item's strings are looked up in the table in the order they are interned below; each
// lookup of a table larger than the cache costs a miss or three, which the hints overlap.
Assembler::Hashes Assembler::hashes(const NodeData& n) noexcept {
  return {Strings::hash(n.id), Strings::hash(n.label), 0, times_hash(n.date, n.start, n.end)};
}

Assembler::Hashes Assembler::hashes(const EdgeData& e) noexcept {
  return {e.id.empty() ? 0 : Strings::hash(e.id), Strings::hash(e.from), Strings::hash(e.to),
          times_hash(e.date, e.start, e.end)};
}

void Assembler::prefetch(const Hashes& h, int stage) const noexcept {
  const Strings& s = impl_->strings;
  for (std::size_t i = 0; i < 3; ++i)  // 0: no such string (a node's third, an edge without id)
    if (h[i] != 0) stage == 0 ? s.prefetch_slot(h[i]) : s.prefetch_bounds(h[i]);
  prefetch_times(h[3], stage);
}

void Assembler::add_node(NodeData&& n, const Hashes& hashes) {
  const std::uint32_t item = node_count_++;
  const Schema& schema = impl_->schema;
  NodeRec rec;
  if (!is_slug(n.id))
    problem(ErrorCode::value, false, item, Field::id,
            "node id '" + n.id + "' is not a lowercase slug (letters a-z, digits, '-', '_', '.')");
  rec.id = impl_->strings.intern(n.id, hashes[0]);
  const NodeType* type = schema.find_node_type(n.type);
  bool ok = true;
  if (!type) {
    problem(ErrorCode::schema, false, item, Field::type,
            describe_node(n.id) + ": " + unknown("node type", n.type, did_you_mean(schema.suggest_node_type(n.type))));
    ok = false;
  } else if (type->abstract) {
    problem(ErrorCode::schema, false, item, Field::type,
            describe_node(n.id) + ": node type '" + n.type + "' is abstract; use one of its subtypes");
  }
  rec.type = type ? type->id : 0;
  if (n.label.empty()) problem(ErrorCode::schema, false, item, Field::object, describe_node(n.id) + " has no label");
  rec.label = impl_->strings.intern(n.label, hashes[1]);
  rec.aliases.begin = static_cast<std::uint32_t>(impl_->aliases.size());
  for (const auto& a : n.aliases) impl_->aliases.push_back(impl_->strings.intern(a));
  rec.aliases.end = static_cast<std::uint32_t>(impl_->aliases.size());
  const std::size_t before = problems_.size();
  Range props;
  if (ok) props = store_props(n.props, false, item, rec.type);
  store_common(rec, props, store_citations(n.sources, false, item), false, item);
  for (std::size_t i = before; i < problems_.size(); ++i)
    problems_[i].message = describe_node(n.id) + ": " + problems_[i].message;
  rec.modality = n.modality;
  const std::size_t before_times = problems_.size();
  rec.times = store_times(check_times(n.date, n.start, n.end, false, item), hashes[3]);
  for (std::size_t i = before_times; i < problems_.size(); ++i)
    problems_[i].message = describe_node(n.id) + " " + problems_[i].message;
  impl_->nodes.push_back(rec);
  node_ok_.push_back(ok);
}

void Assembler::add_edge(EdgeData&& e, const Hashes& hashes) {
  const std::uint32_t item = edge_count_++;
  const Schema& schema = impl_->schema;
  EdgeRec rec;
  if (!e.id.empty() && !is_slug(e.id))
    problem(ErrorCode::value, true, item, Field::id,
            "edge id '" + e.id + "' is not a lowercase slug (letters a-z, digits, '-', '_', '.')");
  if (!e.id.empty())
    impl_->set_edge_id(static_cast<EdgeIndex>(impl_->edges.size()), impl_->strings.intern(e.id, hashes[0]));
  const EdgeType* type = schema.find_edge_type(e.type);
  if (!type) {
    problem(ErrorCode::schema, true, item, Field::type,
            describe_edge(e) + ": " + unknown("edge type", e.type, did_you_mean(schema.suggest_edge_type(e.type))));
  }
  rec.type = type ? type->id : 0;
  // Ends are resolved in finish(), once every node is known; until then they hold string ids.
  rec.from = impl_->strings.intern(e.from, hashes[1]);
  rec.to = impl_->strings.intern(e.to, hashes[2]);
  const std::size_t before = problems_.size();
  Range props;
  if (type) props = store_props(e.props, true, item, rec.type);
  store_common(rec, props, store_citations(e.sources, true, item), true, item);
  rec.times = store_times(check_times(e.date, e.start, e.end, true, item), hashes[3]);
  if (type && type->date == DateRule::required && !e.date && !e.start)
    problem(ErrorCode::schema, true, item, Field::object, "edge type '" + e.type + "' requires a date");
  for (std::size_t i = before; i < problems_.size(); ++i)
    problems_[i].message = describe_edge(e) + ": " + problems_[i].message;
  rec.modality = e.modality;
  impl_->edges.push_back(rec);
  edge_ok_.push_back(type != nullptr);
}

// Did-you-mean over every node id, the list built only when a first message needs it.
class IdSuggestions {
 public:
  explicit IdSuggestions(const GraphImpl& g) : g_(g) {}
  std::string operator()(std::string_view id) {
    if (ids_.empty())
      for (const auto& n : g_.nodes) ids_.push_back(g_.str(n.id));
    return did_you_mean(id, ids_);
  }

 private:
  const GraphImpl& g_;
  std::vector<std::string_view> ids_;
};

std::optional<Graph> Assembler::finish() {
  const std::vector<NodeIndex> ids = index_node_ids();
  IdSuggestions suggest(*impl_);
  check_edge_ids();
  resolve_edge_ends(ids, suggest);
  check_citations(ids, suggest);
  if (!problems_.empty()) return std::nullopt;
  impl_->index();
  return GraphAccess::make(std::move(impl_));
}

// Node ids, first come first kept. Maps from string ids are plain arrays indexed by StrId:
// every id is interned already.
std::vector<NodeIndex> Assembler::index_node_ids() {
  const GraphImpl& g = *impl_;
  std::vector<NodeIndex> ids(g.strings.size(), no_node);
  for (NodeIndex i = 0; i < g.nodes.size(); ++i) {
    NodeIndex& first = ids[g.nodes[i].id];
    if (first == no_node)
      first = i;
    else
      problem(ErrorCode::duplicate, false, i, Field::id, "duplicate node id " + detail::quote(g.str(g.nodes[i].id)), 0,
              first);
  }
  return ids;
}

void Assembler::check_edge_ids() {
  const GraphImpl& g = *impl_;
  std::vector<EdgeIndex> first_of(g.strings.size(), UINT32_MAX);
  for (EdgeIndex i = 0; i < g.edges.size(); ++i) {
    const StrId id = g.edge_id(i);
    if (id == no_string) continue;
    EdgeIndex& first = first_of[id];
    if (first == UINT32_MAX)
      first = i;
    else
      problem(ErrorCode::duplicate, true, i, Field::id, "duplicate edge id " + detail::quote(g.str(id)), 0, first);
  }
}

// Turns each edge's ends from string ids into node indexes, and checks that the schema allows
// an edge of its type between the two nodes.
void Assembler::resolve_edge_ends(const std::vector<NodeIndex>& ids, IdSuggestions& suggest) {
  GraphImpl& g = *impl_;
  const Schema& schema = g.schema;
  for (EdgeIndex i = 0; i < g.edges.size(); ++i) {
    auto& e = g.edges[i];
    // Built only for a message: most edges have no problem. The ends are still string ids here.
    const StrId from_id = e.from, to_id = e.to;
    auto who = [&] {
      return g.edge_id(i) != no_string ? "edge " + detail::quote(g.str(g.edge_id(i)))
                                       : "edge " + std::string(g.str(from_id)) + " -> " + std::string(g.str(to_id));
    };
    bool ends_ok = true;
    for (Field end : {Field::from, Field::to}) {
      NodeIndex& slot = end == Field::from ? e.from : e.to;
      const NodeIndex node = ids[slot];
      if (node == no_node) {
        const std::string_view id = g.str(slot);
        problem(ErrorCode::reference, true, i, end,
                who() + ": '" + (end == Field::from ? "from" : "to") + "' names no node: " + detail::quote(id) +
                    suggest(id));
        ends_ok = false;
        slot = 0;
      } else {
        slot = node;
      }
    }
    if (ends_ok && edge_ok_[i] && node_ok_[e.from] && node_ok_[e.to] &&
        !schema.allows(e.type, g.nodes[e.from].type, g.nodes[e.to].type)) {
      const auto& t = schema.edge_type(e.type);
      problem(ErrorCode::schema, true, i, Field::type,
              who() + ": a " + t.name + " edge cannot go from " + schema.node_type(g.nodes[e.from].type).name + " " +
                  detail::quote(g.str(g.nodes[e.from].id)) + " to " + schema.node_type(g.nodes[e.to].type).name + " " +
                  detail::quote(g.str(g.nodes[e.to].id)));
    }
  }
}

// Citations must name nodes of the schema's source type, and every fact but a source needs
// one when the schema says so.
void Assembler::check_citations(const std::vector<NodeIndex>& ids, IdSuggestions& suggest) {
  const GraphImpl& g = *impl_;
  const Schema& schema = g.schema;
  // `who` names the item; it is called only when there is something to report.
  auto check = [&](Range r, bool edge, std::uint32_t item, auto&& who, bool is_source) {
    if (r.size() == 0 && schema.sources_required() && !is_source)
      problem(ErrorCode::reference, edge, item, Field::object, who() + " cites no source");
    for (std::uint32_t c = r.begin; c < r.end; ++c) {
      const StrId s = g.citations[c].source;
      if (g.str(s).empty()) continue;  // a citation without a source was reported by its reader
      const NodeIndex node = ids[s];
      const bool is_a_source =
          node != no_node && (!schema.source_type() || schema.is_a(g.nodes[node].type, *schema.source_type()));
      if (!is_a_source)
        problem(ErrorCode::reference, edge, item, Field::source,
                who() + ": cites " + detail::quote(g.str(s)) + ", which is not a " +
                    (schema.source_type() ? schema.node_type(*schema.source_type()).name : std::string("node")) +
                    (node == no_node ? suggest(g.str(s)) : ""),
                c - r.begin);
    }
  };
  for (NodeIndex i = 0; i < g.nodes.size(); ++i) {
    const bool is_source = schema.source_type() && node_ok_[i] && schema.is_a(g.nodes[i].type, *schema.source_type());
    check(
        g.nodes[i].sources(), false, i, [&] { return describe_node(g.str(g.nodes[i].id)); }, is_source);
  }
  for (EdgeIndex i = 0; i < g.edges.size(); ++i) {
    const auto& e = g.edges[i];
    check(
        e.sources(), true, i,
        [&] {
          const StrId id = g.edge_id(i);
          return id != no_string ? "edge " + detail::quote(g.str(id)) : "edge #" + std::to_string(i + 1);
        },
        false);
  }
}

}  // namespace diplograph::detail
