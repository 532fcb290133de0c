#pragma once
/// \file
/// Views: a graph restricted to what a question is about (an ego network, a time window, the
/// state of things on one date, some node or edge types, what one source says). A view is an
/// ordinary Graph of its own, so everything that works on a Graph works on a view, and it stays
/// valid when the original goes away. It never has dangling edges.

#include <optional>
#include <string>
#include <vector>

#include "diplograph/date.hpp"
#include "diplograph/graph.hpp"

namespace diplograph {

/// What a view keeps. Every filter that is set applies (they combine with AND); the ego network
/// around `center` is taken last, over what the other filters kept.
struct ViewOptions {
  /// Node id: keep only its ego network, the nodes within `depth` hops of it (following edges
  /// in both directions), and the edges between them. The center is kept whatever the filters.
  std::optional<std::string> center;
  /// Hops from center (edges in both directions); 0 keeps the center alone.
  int depth = 1;
  /// Time window: keep facts whose time possibly overlaps [from, to] (either bound may be
  /// missing). A fact's time is its `date`, or `start`..`end` (an interval open at a missing
  /// end). Undated facts are kept.
  std::optional<Date> from, to;
  /// Keep only what was (possibly) valid on that date: events that had (possibly) happened by
  /// then, intervals (memberships, agreements in force) that had begun and had not definitely
  /// ended before it. Undated facts are kept.
  std::optional<Date> as_of;
  /// Keep nodes of these types (with their subtypes); empty keeps every type.
  std::vector<std::string> node_types;
  /// Keep edges of these types; empty keeps every type.
  std::vector<std::string> edge_types;
  /// Keep only facts citing this Source id: the edges that cite it, the nodes that cite it or
  /// that such an edge touches, and the source node itself.
  std::optional<std::string> source;
  /// Keep only facts, nodes and edges, of these modalities ({Modality::actual}: what happened,
  /// without expected, possible or hypothetical events and relations); empty keeps every one.
  std::vector<Modality> modalities;
};

/// The view of `graph` that `options` describe; an edge survives only with both its ends.
/// Throws Error(ErrorCode::reference) for an unknown center or source id and
/// Error(ErrorCode::schema) for an unknown type name, both with a did-you-mean, and
/// Error(ErrorCode::value) for a negative depth. Cost: O(nodes + edges) of `graph`.
[[nodiscard]] Graph view(const Graph& graph, const ViewOptions& options);

/// The graph as it stood on `date`: view() with only `as_of` set.
[[nodiscard]] Graph as_of(const Graph& graph, const Date& date);

/// Whether a fact spanning [begin, end] (either may be missing; both missing means undated)
/// possibly overlaps the window [from, to] (either bound may be missing). Used by view() and
/// by the query language, so that both agree on what "in a window" means.
bool possibly_overlaps(const std::optional<Date>& begin, const std::optional<Date>& end,
                       const std::optional<Date>& from, const std::optional<Date>& to) noexcept;

/// Whether a fact spanning [begin, end] was possibly valid on `day`: it had possibly begun and
/// had not definitely ended before it. Undated facts are valid on every day.
bool valid_on(const std::optional<Date>& begin, const std::optional<Date>& end, const Date& day) noexcept;

}  // namespace diplograph
