#include "query/match.hpp"

#include <algorithm>
#include <limits>

namespace diplograph::ql {
namespace {

struct Step {
  const NodePattern* node = nullptr;  // the node this step binds (or checks)
  const RelPattern* rel = nullptr;    // the relationship leading to it; null for a scan
  int from_slot = -1;                 // the bound node the relationship starts at
  bool reversed = false;              // walking the pattern right to left
  const Conjunct* seek = nullptr;     // scan: `v.id = '...'` pins the node
  std::vector<const Conjunct*> checks;
};

bool allowed(const std::vector<bool>& mask, TypeId t) { return mask.empty() || mask[t]; }

class Matcher {
 public:
  Matcher(const Plan& plan, const Graph& g, const std::function<bool(const Binding&)>& sink)
      : plan_(plan), g_(g), sink_(sink), binding_(plan.st.vars.size()) {}

  void run() {
    build_steps();
    for (const Conjunct* c : before_)
      if (truth(eval(*c->expr, g_, binding_)) != true) return;
    step(0);
  }

 private:
  const Conjunct* seek_for(int slot) const {
    for (const Conjunct& c : plan_.conjuncts)
      if (c.id_slot == slot) return &c;
    return nullptr;
  }

  double estimate(const NodePattern& n, const std::vector<bool>& bound) const {
    if (bound[n.slot]) return 0;
    if (seek_for(n.slot)) return 1;
    if (n.types.empty()) return static_cast<double>(g_.node_count());
    double count = 0;
    for (TypeId t = 0; t < n.types.size(); ++t)
      if (n.types[t]) count += static_cast<double>(g_.nodes_of_type(t).size());
    return count;
  }

  void build_steps() {
    std::vector<bool> bound(plan_.st.vars.size()), done(plan_.st.patterns.size());
    bound_at_.assign(plan_.st.vars.size(), 0);
    for (std::size_t round = 0; round < plan_.st.patterns.size(); ++round) {
      std::size_t best_pattern = 0, best_node = 0;
      double best = std::numeric_limits<double>::infinity();
      for (std::size_t p = 0; p < plan_.st.patterns.size(); ++p) {
        if (done[p]) continue;
        const Pattern& pattern = plan_.st.patterns[p];
        for (std::size_t i = 0; i < pattern.nodes.size(); ++i)
          if (double e = estimate(pattern.nodes[i], bound); e < best) {
            best = e;
            best_pattern = p;
            best_node = i;
          }
      }
      done[best_pattern] = true;
      add_pattern(plan_.st.patterns[best_pattern], best_node, bound);
    }
    // Each condition is tested right after the step that binds the last variable it reads.
    for (const Conjunct& c : plan_.conjuncts) {
      if (c.slots.empty()) {
        before_.push_back(&c);
        continue;
      }
      std::size_t last = 0;
      for (int s : c.slots) last = std::max(last, bound_at_[s]);
      steps_[last].checks.push_back(&c);
    }
  }

  void add_pattern(const Pattern& pattern, std::size_t anchor, std::vector<bool>& bound) {
    auto bind = [&](int slot) {
      if (!bound[slot]) {
        bound[slot] = true;
        bound_at_[slot] = steps_.size() - 1;
      }
    };
    Step scan;
    scan.node = &pattern.nodes[anchor];
    if (!bound[scan.node->slot]) scan.seek = seek_for(scan.node->slot);
    steps_.push_back(scan);
    bind(scan.node->slot);
    for (std::size_t i = anchor; i + 1 < pattern.nodes.size(); ++i) {
      steps_.push_back(Step{&pattern.nodes[i + 1], &pattern.rels[i], pattern.nodes[i].slot, false, nullptr, {}});
      bind(pattern.rels[i].slot);
      bind(pattern.nodes[i + 1].slot);
    }
    for (std::size_t i = anchor; i > 0; --i) {
      steps_.push_back(Step{&pattern.nodes[i - 1], &pattern.rels[i - 1], pattern.nodes[i].slot, true, nullptr, {}});
      bind(pattern.rels[i - 1].slot);
      bind(pattern.nodes[i - 1].slot);
    }
  }

  bool checks_pass(const Step& s) {
    for (const Conjunct* c : s.checks)
      if (truth(eval(*c->expr, g_, binding_)) != true) return false;
    return true;
  }

  // Binds the step's node to `n` (or checks it against an earlier binding) and goes on.
  bool visit_node(std::size_t k, NodeIndex n) {
    const Step& s = steps_[k];
    if (!allowed(s.node->types, g_.node(n).type_id())) return true;
    Slot& slot = binding_[s.node->slot];
    const bool was_bound = slot.kind == Slot::Kind::node;
    if (was_bound && slot.index != n) return true;
    slot.kind = Slot::Kind::node;
    slot.index = n;
    bool go_on = !checks_pass(s) || step(k + 1);
    if (!was_bound) slot.kind = Slot::Kind::unbound;
    return go_on;
  }

  bool scan(std::size_t k) {
    const Step& s = steps_[k];
    const Slot& slot = binding_[s.node->slot];
    if (slot.kind == Slot::Kind::node) return visit_node(k, slot.index);
    if (s.seek) {
      auto n = g_.find(s.seek->id);
      return !n || visit_node(k, n->index());
    }
    if (s.node->types.empty()) {
      for (NodeIndex n = 0; n < g_.node_count(); ++n)
        if (!visit_node(k, n)) return false;
      return true;
    }
    for (TypeId t = 0; t < s.node->types.size(); ++t)
      if (s.node->types[t])
        for (NodeIndex n : g_.nodes_of_type(t))
          if (!visit_node(k, n)) return false;
    return true;
  }

  // Calls f(edge, other end) for each edge at `n` that the relationship pattern allows.
  template <class F>
  bool each_edge(const RelPattern& r, bool reversed, NodeIndex n, F&& f) {
    Dir dir = r.dir;
    if (reversed && dir != Dir::both) dir = dir == Dir::out ? Dir::in : Dir::out;
    auto over = [&](bool out) {
      auto visit = [&](std::span<const EdgeIndex> edges) {
        for (EdgeIndex e : edges) {
          Edge edge = g_.edge(e);
          // In an undirected pattern a self-loop is seen once, from its out side.
          if (!out && dir == Dir::both && edge.from().index() == edge.to().index()) continue;
          if (std::find(used_.begin(), used_.end(), e) != used_.end()) continue;
          if (!f(e, out ? edge.to().index() : edge.from().index())) return false;
        }
        return true;
      };
      if (r.types.empty()) return visit(out ? g_.out_edges(n) : g_.in_edges(n));
      for (TypeId t : r.types)
        if (!visit(out ? g_.out_edges(n, t) : g_.in_edges(n, t))) return false;
      return true;
    };
    if (dir != Dir::in && !over(true)) return false;
    if (dir != Dir::out && !over(false)) return false;
    return true;
  }

  bool expand(std::size_t k) {
    const Step& s = steps_[k];
    const NodeIndex from = binding_[s.from_slot].index;
    Slot& rel = binding_[s.rel->slot];
    if (s.rel->variable_length) {
      rel.kind = Slot::Kind::path;
      rel.path.clear();
      const bool go_on = walk(k, from, 0);
      rel.kind = Slot::Kind::unbound;
      return go_on;
    }
    return each_edge(*s.rel, s.reversed, from, [&](EdgeIndex e, NodeIndex other) {
      rel.kind = Slot::Kind::edge;
      rel.index = e;
      used_.push_back(e);
      const bool go_on = visit_node(k, other);
      used_.pop_back();
      rel.kind = Slot::Kind::unbound;
      return go_on;
    });
  }

  // Variable length: every walk of min..max edges, each edge used once.
  bool walk(std::size_t k, NodeIndex at, unsigned depth) {
    const Step& s = steps_[k];
    Slot& rel = binding_[s.rel->slot];
    if (depth >= s.rel->min_hops && !visit_node(k, at)) return false;
    if (depth == s.rel->max_hops) return true;
    return each_edge(*s.rel, s.reversed, at, [&](EdgeIndex e, NodeIndex other) {
      used_.push_back(e);
      rel.path.push_back(e);
      const bool go_on = walk(k, other, depth + 1);
      rel.path.pop_back();
      used_.pop_back();
      return go_on;
    });
  }

  // Returns false once the sink asks to stop.
  bool step(std::size_t k) {
    if (k == steps_.size()) return sink_(binding_);
    return steps_[k].rel ? expand(k) : scan(k);
  }

  const Plan& plan_;
  const Graph& g_;
  const std::function<bool(const Binding&)>& sink_;
  Binding binding_;
  std::vector<EdgeIndex> used_;
  std::vector<Step> steps_;
  std::vector<std::size_t> bound_at_;
  std::vector<const Conjunct*> before_;
};

}  // namespace

void match(const Plan& plan, const Graph& g, const std::function<bool(const Binding&)>& sink) {
  Matcher(plan, g, sink).run();
}

}  // namespace diplograph::ql
