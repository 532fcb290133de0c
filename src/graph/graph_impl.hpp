#pragma once
// The storage behind Graph, shared by the modules of src/ that need more than the public API
// (algorithms over the Boost graph, fast exporters). Never included by a public header.

#include <boost/graph/adjacency_list.hpp>

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
  StrId intern(std::string_view text);
  /// The id of `text` if it was interned, else no_string.
  StrId find(std::string_view text) const noexcept;
  std::string_view view(StrId id) const noexcept {
    if (id == no_string) return {};
    return std::string_view(text_).substr(ends_[id], ends_[id + 1] - ends_[id]);
  }
  std::size_t size() const noexcept { return ends_.size() - 1; }

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

 private:
  std::optional<Date> part(int bit, const Date& d) const noexcept {
    return bits & bit ? std::optional(d) : std::nullopt;
  }
};

struct NodeRec {
  StrId id = no_string;
  StrId label = no_string;
  TypeId type = 0;
  Modality modality = Modality::actual;
  Range aliases;  // into GraphImpl::aliases
  Range props;    // into GraphImpl::props, sorted by name
  Range sources;  // into GraphImpl::citations
  Times times;
};

struct EdgeRec {
  StrId id = no_string;
  TypeId type = 0;
  Modality modality = Modality::actual;
  NodeIndex from = 0;
  NodeIndex to = 0;
  Range props;
  Range sources;
  Times times;
};

struct PropRec {
  StrId name;
  Value value;
};

struct CiteRec {
  StrId source;
  StrId quote;
  Stance stance;
};

/// Topology for Boost.Graph algorithms; each edge carries its EdgeIndex. The edge list is a
/// vector (not Boost's default std::list): half the memory, and edges are never removed.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeIndex,
                                         boost::no_property, boost::vecS>;

struct GraphImpl {
  Schema schema;
  Strings strings;
  std::vector<NodeRec> nodes;
  std::vector<EdgeRec> edges;
  std::vector<StrId> aliases;
  std::vector<PropRec> props;
  std::vector<CiteRec> citations;

  // Derived by index(); never changed afterwards, so const queries need no locks.
  std::vector<NodeIndex> node_by_id;                       // per StrId: the node with that id, or no_node
  std::vector<std::vector<NodeIndex>> nodes_by_type;       // per TypeId, exact type
  std::vector<std::uint32_t> out_begin, in_begin;          // CSR offsets, node_count() + 1
  std::vector<EdgeIndex> out_list, in_list;                // per node, sorted by (edge type, other end)
  Strings names;                                           // folded labels and aliases
  std::vector<std::pair<StrId, NodeIndex>> nodes_by_name;  // (name in `names`, node), sorted
  BoostGraph topology;

  /// Builds every derived structure from nodes and edges.
  void index();

  std::string_view str(StrId id) const noexcept { return strings.view(id); }
  const Value* prop(Range r, std::string_view name) const noexcept;
};

/// Access to the storage of a Graph for the modules of src/.
struct GraphAccess {
  static const GraphImpl& impl(const Graph& g) noexcept { return *g.impl_; }
  static Graph make(std::unique_ptr<GraphImpl> impl);
};

}  // namespace diplograph::detail
