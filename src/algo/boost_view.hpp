#pragma once
// The graph's typed adjacency seen through Boost.Graph's concepts (VertexListGraph,
// IncidenceGraph, EdgeListGraph, a vertex index map), so Boost's algorithms run on the one stored topology
// instead of a copy of it. Vertices are node indexes. The out edges of a vertex are the edges of
// the chosen types in its out list and, when undirected, its in list too (self-loops left out,
// as an undirected simple traversal would count them twice).

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <iterator>
#include <type_traits>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph::algo {

/// An edge as a Boost algorithm walks it: from `source` to `target` (for an undirected view,
/// source is the end it was reached from).
struct BoostEdge {
  EdgeIndex index = 0;
  NodeIndex source = 0;
  NodeIndex target = 0;
  friend bool operator==(const BoostEdge& a, const BoostEdge& b) noexcept {
    return a.index == b.index && a.source == b.source;
  }
};

template <bool Undirected>
class BoostView {
 public:
  /// `mask`: per edge type id, whether its edges count; both must outlive the view.
  BoostView(const Graph& graph, const std::vector<bool>& mask) : graph_(&graph), mask_(&mask) {}

  class OutEdgeIterator
      : public boost::iterator_facade<OutEdgeIterator, BoostEdge, std::forward_iterator_tag, BoostEdge> {
   public:
    OutEdgeIterator() = default;
    OutEdgeIterator(const BoostView* view, NodeIndex v, std::size_t at) : view_(view), v_(v), at_(at) { skip(); }

   private:
    friend class boost::iterator_core_access;
    std::size_t out_size() const { return view_->graph_->out_edges(v_).size(); }
    std::size_t size() const { return out_size() + (Undirected ? view_->graph_->in_edges(v_).size() : 0); }
    bool outgoing() const { return at_ < out_size(); }
    EdgeIndex edge() const {
      return outgoing() ? view_->graph_->out_edges(v_)[at_] : view_->graph_->in_edges(v_)[at_ - out_size()];
    }
    NodeIndex other() const {
      return outgoing() ? view_->graph_->out_neighbors(v_)[at_] : view_->graph_->in_neighbors(v_)[at_ - out_size()];
    }
    bool kept() const {
      if (!(*view_->mask_)[view_->graph_->edge(edge()).type_id()]) return false;
      return !Undirected || other() != v_;
    }
    void skip() {
      while (at_ < size() && !kept()) ++at_;
    }
    void increment() {
      ++at_;
      skip();
    }
    bool equal(const OutEdgeIterator& o) const { return at_ == o.at_ && v_ == o.v_; }
    BoostEdge dereference() const { return BoostEdge{edge(), v_, other()}; }

    const BoostView* view_ = nullptr;
    NodeIndex v_ = 0;
    std::size_t at_ = 0;
  };

  /// Every kept edge once, by edge index.
  class EdgeIterator : public boost::iterator_facade<EdgeIterator, BoostEdge, std::forward_iterator_tag, BoostEdge> {
   public:
    EdgeIterator() = default;
    EdgeIterator(const BoostView* view, EdgeIndex at) : view_(view), at_(at) { skip(); }

   private:
    friend class boost::iterator_core_access;
    bool kept() const {
      const Edge e = view_->graph_->edge(at_);
      return (*view_->mask_)[e.type_id()] && (!Undirected || e.from().index() != e.to().index());
    }
    void skip() {
      while (at_ < view_->graph_->edge_count() && !kept()) ++at_;
    }
    void increment() {
      ++at_;
      skip();
    }
    bool equal(const EdgeIterator& o) const { return at_ == o.at_; }
    BoostEdge dereference() const {
      const Edge e = view_->graph_->edge(at_);
      return BoostEdge{at_, e.from().index(), e.to().index()};
    }

    const BoostView* view_ = nullptr;
    EdgeIndex at_ = 0;
  };

  std::size_t vertex_count() const noexcept { return graph_->node_count(); }
  std::pair<EdgeIterator, EdgeIterator> all_edges() const {
    return {EdgeIterator(this, 0), EdgeIterator(this, static_cast<EdgeIndex>(graph_->edge_count()))};
  }
  std::pair<OutEdgeIterator, OutEdgeIterator> out(NodeIndex v) const {
    const std::size_t end = graph_->out_edges(v).size() + (Undirected ? graph_->in_edges(v).size() : 0);
    return {OutEdgeIterator(this, v, 0), OutEdgeIterator(this, v, end)};
  }

 private:
  const Graph* graph_;
  const std::vector<bool>* mask_;
};

// The free functions Boost's concepts ask for, found by argument-dependent lookup.
template <bool U>
std::pair<boost::counting_iterator<NodeIndex>, boost::counting_iterator<NodeIndex>> vertices(const BoostView<U>& g) {
  return {boost::counting_iterator<NodeIndex>(0),
          boost::counting_iterator<NodeIndex>(static_cast<NodeIndex>(g.vertex_count()))};
}
template <bool U>
std::size_t num_vertices(const BoostView<U>& g) {
  return g.vertex_count();
}
template <bool U>
auto out_edges(NodeIndex v, const BoostView<U>& g) {
  return g.out(v);
}
template <bool U>
auto edges(const BoostView<U>& g) {
  return g.all_edges();
}
template <bool U>
std::size_t num_edges(const BoostView<U>& g) {
  auto [first, last] = g.all_edges();
  return static_cast<std::size_t>(std::distance(first, last));
}
template <bool U>
std::size_t out_degree(NodeIndex v, const BoostView<U>& g) {
  auto [first, last] = g.out(v);
  return static_cast<std::size_t>(std::distance(first, last));
}
template <bool U>
NodeIndex source(const BoostEdge& e, const BoostView<U>&) {
  return e.source;
}
template <bool U>
NodeIndex target(const BoostEdge& e, const BoostView<U>&) {
  return e.target;
}
template <bool U>
boost::typed_identity_property_map<NodeIndex> get(boost::vertex_index_t, const BoostView<U>&) {
  return {};
}

}  // namespace diplograph::algo

namespace boost {

template <bool U>
struct graph_traits<diplograph::algo::BoostView<U>> {
  using vertex_descriptor = diplograph::NodeIndex;
  using edge_descriptor = diplograph::algo::BoostEdge;
  using directed_category = std::conditional_t<U, undirected_tag, directed_tag>;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using out_edge_iterator = typename diplograph::algo::BoostView<U>::OutEdgeIterator;
  using vertex_iterator = counting_iterator<diplograph::NodeIndex>;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  using adjacency_iterator = void;
  using in_edge_iterator = void;
  using edge_iterator = typename diplograph::algo::BoostView<U>::EdgeIterator;
  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

template <bool U>
struct graph_traits<const diplograph::algo::BoostView<U>> : graph_traits<diplograph::algo::BoostView<U>> {};

template <bool U>
struct property_map<diplograph::algo::BoostView<U>, vertex_index_t> {
  using type = typed_identity_property_map<diplograph::NodeIndex>;
  using const_type = type;
};

}  // namespace boost
