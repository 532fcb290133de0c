#pragma once
// Turns plain NodeData/EdgeData into a checked Graph. Shared by GraphBuilder and the JSON
// loader: each problem names the item and field it concerns, so the loader can point at the
// exact place in its file while GraphBuilder reports the ids alone.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_impl.hpp"

namespace diplograph::detail {

class IdSuggestions;

enum class Field : std::uint8_t { object, id, type, label, from, to, date, start, end, prop, source };

struct Problem {
  ErrorCode code;
  bool edge;           // the item is an edge (else a node)
  std::uint32_t item;  // its position among the nodes or edges added
  Field field;
  std::uint32_t sub;  // which property or citation, for Field::prop and Field::source
  std::string message;
  std::optional<std::uint32_t> first;  // for duplicates: the item that came first
  std::string key;                     // the property name, for Field::prop
};

class Assembler {
 public:
  explicit Assembler(Schema schema);
  /// Reserves the graph's largest pools (edges, property slots, property text) for about
  /// `bytes` of JSON input, generously: pages never written take no memory, and
  /// GraphImpl::index() trims the pools to their size. Called on the loading thread: pools
  /// grown from scratch on the assembling thread leave their outgrown buffers in that thread's
  /// malloc arena, whose free top glibc gives back not even to malloc_trim() (7 bytes per edge
  /// stayed resident on the peer-bench graph).
  void reserve_for_input(std::uint64_t bytes);

  const Schema& schema() const noexcept { return impl_->schema; }
  /// Checks what the item alone can show and stores it; problems are recorded, not thrown.
  void add_node(NodeData&& node) { add_node(std::move(node), hashes(node)); }
  void add_edge(EdgeData&& edge) { add_edge(std::move(edge), hashes(edge)); }
  /// The table hashes (Strings::hash) of the strings an add interns first: a node's id and
  /// label, an edge's id (0 when it has none), from and to; last, the hash of the item's dates
  /// in the Times table (0 when it has none). Computed once for the hints and the add that
  /// follows them.
  using Hashes = std::array<std::uint32_t, 4>;
  static Hashes hashes(const NodeData& node) noexcept;
  static Hashes hashes(const EdgeData& edge) noexcept;
  /// add_node() and add_edge() with the item's hashes() already computed.
  void add_node(NodeData&& node, const Hashes& hashes);
  void add_edge(EdgeData&& edge, const Hashes& hashes);
  /// Hints that the item of hashes `hashes` will be added a few items from now (see
  /// Strings::prefetch_slot): `stage` 0 about twice as far ahead as stage 1.
  void prefetch(const Hashes& hashes, int stage) const noexcept;
  std::uint32_t nodes_added() const noexcept { return node_count_; }
  std::uint32_t edges_added() const noexcept { return edge_count_; }

  /// Checks ids, edge ends and sources across all items; the graph when nothing was wrong.
  std::optional<Graph> finish();
  const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  void problem(ErrorCode code, bool edge, std::uint32_t item, Field field, std::string message, std::uint32_t sub = 0,
               std::optional<std::uint32_t> first = std::nullopt);
  Range store_props(std::vector<Property>& props, bool edge, std::uint32_t item, TypeId type);
  Range store_citations(const std::vector<Citation>& sources, bool edge, std::uint32_t item);
  Times check_times(const std::optional<Date>& date, const std::optional<Date>& start, const std::optional<Date>& end,
                    bool edge, std::uint32_t item);
  /// The index of `t`, of hash `hash` (Hashes), in GraphImpl::times, which holds each distinct
  /// Times once.
  std::uint32_t store_times(const Times& t, std::uint32_t hash);
  void prefetch_times(std::uint32_t hash, int stage) const noexcept;  // as prefetch()
  void store_common(FactRec& rec, Range props, Range sources, bool edge, std::uint32_t item);
  bool check_value(Value& value, const PropertySpec& spec, std::string& why) const;
  // The steps of finish(), in order.
  std::vector<NodeIndex> index_node_ids();
  void check_edge_ids();
  void resolve_edge_ends(const std::vector<NodeIndex>& ids, IdSuggestions& suggest);
  void check_citations(const std::vector<NodeIndex>& ids, IdSuggestions& suggest);

  std::unique_ptr<GraphImpl> impl_;
  std::vector<Problem> problems_;
  std::vector<bool> edge_ok_;  // rejected items are counted but not stored
  std::vector<bool> node_ok_;
  // Distinct Times by open addressing, as Strings finds strings: each slot an index into
  // GraphImpl::times (0, "no time", marks an empty slot), a power of two at most half full. A
  // std::unordered_map here cost a cache miss per dated item (7% of a load).
  std::vector<std::uint32_t> times_slots_;
  void grow_times_slots();
  std::uint32_t node_count_ = 0;
  std::uint32_t edge_count_ = 0;
};

/// "node 'x'" or "edge 'e-1'" or "edge FROM -TYPE-> TO" for messages.
std::string describe_node(std::string_view id);
std::string describe_edge(const EdgeData& e);

}  // namespace diplograph::detail
