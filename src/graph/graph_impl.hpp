#pragma once
// The storage behind Graph, shared by the modules of src/ that need more than the public API
// (algorithms, fast exporters). Never included by a public header. No Boost type lives here:
// the algorithms that use Boost.Graph see the typed adjacency below through its graph concepts
// (src/algo/boost_view.hpp), so the graph holds one topology.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph::detail {

using StrId = std::uint32_t;
inline constexpr StrId no_string = UINT32_MAX;
inline constexpr NodeIndex no_node = UINT32_MAX;

/// A slice [begin, end) of one of the pools below.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const noexcept { return end - begin; }
};

/// Interned strings: each distinct text is stored once and named by a small integer. The texts
/// sit end to end in one arena; an open-addressing table (hash beside id, linear probing) finds
/// them. Copies are plain copies: nothing points into the arena.
class Strings {
 public:
  StrId intern(std::string_view text) { return intern(text, hash(text)); }
  /// The same with `hash` == hash(text), computed once for the hints below and the intern.
  StrId intern(std::string_view text, std::uint32_t hash);
  /// The table's hash of `text`.
  static std::uint32_t hash(std::string_view text) noexcept;
  /// The id of `text` if it was interned, else no_string.
  StrId find(std::string_view text) const noexcept;
  std::string_view view(StrId id) const noexcept {
    if (id == no_string) return {};
    return std::string_view(text_).substr(ends_[id], ends_[id + 1] - ends_[id]);
  }
  std::size_t size() const noexcept { return ends_.size() - 1; }
  /// Hints for an intern() of a text of hash `hash` a few items ahead, so that its cache misses
  /// overlap with the work between: the first brings the table slot where a lookup starts, the
  /// second (called later) the bounds of the string that slot names. Neither changes anything.
  void prefetch_slot(std::uint32_t hash) const noexcept;
  void prefetch_bounds(std::uint32_t hash) const noexcept;

 private:
  struct Slot {
    std::uint32_t hash = 0;
    StrId id = no_string;
  };
  std::size_t slot_of(std::string_view text, std::uint32_t hash) const noexcept;
  void grow(std::size_t slots);

  std::string text_;                    // every string, end to end
  std::vector<std::uint32_t> ends_{0};  // string i is text_[ends_[i], ends_[i + 1])
  std::vector<Slot> slots_;             // a power of two, at most three quarters full
};

/// Which of date/start/end a record has.
enum TimeBits : std::uint8_t { has_date = 1, has_start = 2, has_end = 4 };

/// When a fact holds: a date, or a start and/or an end. A date never comes with a start (the
/// assembler refuses that), so the two share a slot.
struct Times {
  Date first, second;  // the date or the start; the end
  std::uint8_t bits = 0;
  std::optional<Date> date() const noexcept { return part(has_date, first); }
  std::optional<Date> start() const noexcept { return part(has_start, first); }
  std::optional<Date> end() const noexcept { return part(has_end, second); }
  std::optional<Date> when() const noexcept { return part(has_date | has_start, first); }
  friend bool operator==(const Times&, const Times&) = default;

 private:
  std::optional<Date> part(int bit, const Date& d) const noexcept {
    return bits & bit ? std::optional(d) : std::nullopt;
  }
};

/// What nodes and edges share: their properties and citations (slices of the pools of
/// GraphImpl, at most 65,535 each), their times (an index in GraphImpl::times, whose entry 0 is
/// "no time"), type and modality. 20 bytes.
struct FactRec {
  std::uint32_t props_at = 0;
  std::uint32_t sources_at = 0;
  std::uint32_t times = 0;
  std::uint16_t props_n = 0;
  std::uint16_t sources_n = 0;
  TypeId type = 0;
  Modality modality = Modality::actual;
  Range props() const noexcept { return {props_at, props_at + props_n}; }
  Range sources() const noexcept { return {sources_at, sources_at + sources_n}; }
};

struct NodeRec : FactRec {
  StrId id = no_string;
  StrId label = no_string;
  Range aliases;  // into GraphImpl::aliases
};

/// 28 bytes per edge. An edge's id lives in GraphImpl::edge_ids: most edges of a large graph
/// have none, and a field here would cost every edge 4 bytes.
struct EdgeRec : FactRec {
  NodeIndex from = 0;
  NodeIndex to = 0;
};

/// What a property slot holds.
enum class SlotKind : std::uint8_t { null, boolean, integer, real, string, date, list, short_string };

/// A property value in 12 bytes: its name (an id in GraphImpl::prop_names; a list item has
/// none), kind and short length in one word, the payload in two. Booleans, integers, reals and
/// strings of up to 8 bytes sit inline (half the string values of a typical graph: labels,
/// codes); a longer string is an offset and a length in GraphImpl::texts, a date an index in
/// GraphImpl::dates, a list the first and the count of its items in GraphImpl::list_items.
struct PropSlot {
  std::uint32_t name : 24;
  std::uint32_t kind : 4;
  std::uint32_t short_size : 4;  // SlotKind::short_string: its length, 0 to 8
  std::uint32_t lo;
  std::uint32_t hi;
};
inline constexpr std::uint32_t max_prop_names = (1u << 24) - 1;
inline constexpr std::size_t max_short_string = 8;

struct CiteRec {
  StrId source;
  StrId quote;
  Stance stance;
};

struct GraphImpl {
  Schema schema;
  Strings strings;
  std::vector<NodeRec> nodes;
  std::vector<EdgeRec> edges;
  std::vector<StrId> edge_ids;  // per edge up to the last one that has an id; no_string for none
  std::vector<StrId> aliases;
  std::vector<CiteRec> citations;
  std::vector<Times> times{Times{}};  // distinct times; 0 is "none"
  // Property values (PropSlot).
  Strings prop_names;
  std::vector<PropSlot> props;       // per node or edge, sorted by name
  std::vector<PropSlot> list_items;  // the items of list values
  std::string texts;                 // string values end to end
  std::vector<Date> dates;

  // Derived by index(); never changed afterwards, so const queries need no locks.
  std::vector<NodeIndex> node_by_id;                  // per StrId: the node with that id, or no_node
  std::vector<std::vector<NodeIndex>> nodes_by_type;  // per TypeId, exact type
  std::vector<std::size_t> edges_per_type;            // per TypeId: how many edges
  std::vector<std::uint32_t> out_begin, in_begin;     // CSR offsets, node_count() + 1
  std::vector<EdgeIndex> out_list, in_list;           // per node, sorted by (edge type, other end)
  std::vector<NodeIndex> out_nodes, in_nodes;         // the other end of each out_list / in_list entry
  std::vector<TypeId> out_types, in_types;  // the type of each entry: a typed slice is found without the edge records
  Strings names;                            // folded labels and aliases
  std::vector<std::pair<StrId, NodeIndex>> nodes_by_name;  // (name in `names`, node), sorted

  /// Builds every derived structure from nodes and edges.
  void index();

  std::string_view str(StrId id) const noexcept { return strings.view(id); }
  StrId edge_id(EdgeIndex e) const noexcept { return e < edge_ids.size() ? edge_ids[e] : no_string; }
  /// Records edge `e`'s id (only edges with one take room).
  void set_edge_id(EdgeIndex e, StrId id) {
    if (id == no_string) return;
    if (edge_ids.size() <= e) edge_ids.resize(e + 1, no_string);
    edge_ids[e] = id;
  }
  const Times& times_of(const FactRec& rec) const noexcept { return times[rec.times]; }

  /// The value of property `name` in the slots `r`, if there is one.
  std::optional<Value> prop(Range r, std::string_view name) const;
  Value value(const PropSlot& slot) const;
  /// Stores `value` in the pools; the slot for it, named `name` (an id in prop_names).
  PropSlot store(std::uint32_t name, const Value& value);
};

/// Access to the storage of a Graph for the modules of src/.
struct GraphAccess {
  static const GraphImpl& impl(const Graph& g) noexcept { return *g.impl_; }
  static Graph make(std::unique_ptr<GraphImpl> impl);
};

}  // namespace diplograph::detail
