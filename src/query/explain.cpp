// EXPLAIN: the plan of a compiled query as text. It states the rules the run applies (the
// start of a pattern among several labelled nodes is chosen from the graph's type counts when
// it runs), so the same query explains the same way on any graph.

#include <algorithm>

#include "query/planner.hpp"

namespace diplograph::ql {
namespace {

class Explainer {
 public:
  explicit Explainer(const Text& text) : text_(text) {}

  std::string statement(const Statement& st) {
    if (st.parts.size() == 1) {
      part(st.parts[0], "");
      return out_;
    }
    const bool all = std::all_of(st.union_all.begin(), st.union_all.end(), [](bool a) { return a; });
    line("", all ? "Union all (streams each part in turn)" : "Union (drops repeated rows)");
    for (std::size_t k = 0; k < st.parts.size(); ++k) {
      line("  ", "Part " + std::to_string(k + 1));
      part(st.parts[k], "    ");
    }
    return out_;
  }

 private:
  void line(const std::string& indent, const std::string& s) { out_ += indent + s + "\n"; }

  std::string source(const Expr& e) const {
    return std::string(text_.view().substr(e.begin, e.end > e.begin ? e.end - e.begin : 0));
  }

  std::string var_of(const std::string& name) const { return name.empty() ? "an anonymous node" : name; }

  void part(const SingleQuery& q, const std::string& indent) {
    std::vector<int> bound;
    for (std::size_t k = 0; k < q.clauses.size(); ++k) {
      const Clause& c = q.clauses[k];
      switch (c.kind) {
        case Clause::Kind::match:
          match(c, bound, indent);
          bound.insert(bound.end(), c.new_slots.begin(), c.new_slots.end());
          break;
        case Clause::Kind::unwind:
          line(indent, "Unwind " + source(*c.expr) + " AS " + c.alias);
          if (k + 1 < q.clauses.size() && q.clauses[k + 1].plan && q.clauses[k + 1].plan->listed >= 0)
            line(indent + "  ", "list: goes on whole to the next MATCH, no row per item");
          bound.push_back(c.slot);
          break;
        case Clause::Kind::with:
        case Clause::Kind::return_:
          projection(c, indent);
          bound.clear();
          for (const auto& item : c.proj.items) bound.push_back(item.slot);
          bound.insert(bound.end(), c.proj.star_slots.begin(), c.proj.star_slots.end());
          break;
      }
    }
  }

  static std::string node_text(const NodePattern& n) {
    std::string s = "(" + n.var;
    for (const auto& group : n.labels) {
      s += ":";
      for (std::size_t k = 0; k < group.size(); ++k) s += (k ? "|" : "") + group[k].first;
    }
    if (!n.props.empty()) {
      s += " {";
      for (std::size_t k = 0; k < n.props.size(); ++k) s += (k ? ", " : "") + n.props[k].first;
      s += "}";
    }
    return s + ")";
  }

  static std::string rel_text(const RelPattern& r) {
    std::string s = r.dir == Dir::in ? "<-[" : "-[";
    s += r.var;
    for (std::size_t k = 0; k < r.labels.size(); ++k) s += (k ? "|" : ":") + r.labels[k].first;
    if (r.var_length)
      s += "*" + std::to_string(r.min_hops) + ".." + (r.max_hops < 0 ? std::string() : std::to_string(r.max_hops));
    return s + (r.dir == Dir::out ? "]->" : "]-");
  }

  static std::string pattern_text(const Pattern& p) {
    std::string s = p.path_var.empty() ? "" : p.path_var + " = ";
    std::string chain;
    for (std::size_t k = 0; k < p.nodes.size(); ++k)
      chain += (k ? rel_text(p.rels[k - 1]) : "") + node_text(p.nodes[k]);
    if (p.shortest == Pattern::Shortest::one) return s + "shortestPath(" + chain + ")";
    if (p.shortest == Pattern::Shortest::all) return s + "allShortestPaths(" + chain + ")";
    return s + chain;
  }

  // As match.cpp pins a node: `{id: x}`, x a literal, a parameter or a variable bound before.
  static bool pins_id(const NodePattern& n, const std::vector<int>& fresh) {
    return std::any_of(n.props.begin(), n.props.end(),
                       [&](const auto& kv) { return kv.first == "id" && known_before(*kv.second, fresh); });
  }

  // The rule match.cpp applies, in words.
  std::string start(const Pattern& p, const std::vector<int>& bound, const std::vector<int>& fresh) {
    auto is_bound = [&](int s) { return std::find(bound.begin(), bound.end(), s) != bound.end(); };
    if (p.shortest != Pattern::Shortest::none) return "breadth-first from " + var_of(p.nodes[0].var);
    for (const auto& n : p.nodes)
      if (is_bound(n.slot)) return "at " + n.var + " (bound)";
    for (const auto& n : p.nodes)
      if (pins_id(n, fresh)) return "at " + var_of(n.var) + " (pinned by id)";
    const bool free_ends = std::all_of(p.nodes.begin(), p.nodes.end(), [](const NodePattern& n) {
      return n.labels.empty() && n.props.empty() && !n.props_param;
    });
    if (p.rels.size() == 1 && !p.rels[0].var_length && free_ends && !is_bound(p.rels[0].slot)) {
      std::string types;
      for (const auto& [name, pos] : p.rels[0].labels) types += (types.empty() ? "" : "|") + name;
      return "scan of the edge array" + (types.empty() ? std::string() : " for type " + types);
    }
    if (std::none_of(p.nodes.begin(), p.nodes.end(), [](const NodePattern& n) { return !n.labels.empty(); }))
      return "at every node";
    std::string nodes;
    for (const auto& n : p.nodes) nodes += (nodes.empty() ? "" : ", ") + node_text(n);
    return "the least work of " + nodes + " (nodes of its types times the sampled degree of the first step)";
  }

  void match(const Clause& c, std::vector<int> bound, const std::string& indent) {
    std::string head = c.optional ? "Optional match " : "Match ";
    for (std::size_t k = 0; k < c.patterns.size(); ++k) head += (k ? ", " : "") + pattern_text(c.patterns[k]);
    line(indent, head);
    for (const auto& p : c.patterns) {
      const int listed = &p == &c.patterns.front() && c.plan ? c.plan->listed : -1;
      line(indent + "  ", "start: " + (listed >= 0 ? "at " + var_of(p.nodes[static_cast<std::size_t>(listed)].var) +
                                                         " (pinned by each id of the list, in turn)"
                                                   : start(p, bound, c.new_slots)));
      for (std::size_t k = 0; k < p.rels.size(); ++k)
        if (p.rels[k].var_length && p.rels[k].max_hops >= 0 &&
            (pins_id(p.nodes[k + 1], c.new_slots) || pins_id(p.nodes[k], c.new_slots)))
          line(indent + "  ", "prune: branches farther (in hops) from the known end than the hops left");
      for (const auto& n : p.nodes) bound.push_back(n.slot);
    }
    if (!c.plan) return;
    for (const auto& [n, label] : c.plan->named)
      line(indent + "  ", "name: " + var_of(n->var) + "'s candidates are the nodes the name index finds for " +
                              source(*label) +
                              " (label or alias, case and marks folded; the label is checked on each)");
    counting(*c.plan, c.patterns.back(), indent + "  ");
    for (const Filter& f : c.plan->pushed) {
      std::string when;
      for (int s : f.slots) when += (when.empty() ? "" : ", ") + name_of(c, s);
      const std::string how = f.direct.kind == DirectCheck::Kind::none ? "" : ", on the record";
      line(indent + "  ",
           (when.empty() ? "check before the search: " : "check once bound (" + when + ")" + how + ": ") +
               source(*f.expr));
    }
    for (const Expr* e : c.plan->residual) line(indent + "  ", "check per match: " + source(*e));
  }

  // MatchPlan's counting decisions, for the clause's last pattern.
  void counting(const MatchPlan& plan, const Pattern& p, const std::string& indent) {
    using E = MatchPlan::EdgeCounts;
    if (plan.edge_counts == E::total)
      line(indent, "count: from the graph's per-type edge counts (no scan, no row per edge)");
    if (plan.edge_counts == E::per_type)
      line(indent,
           "count: per type, from the graph's per-type edge counts (the scan only finds each type's first edge)");
    auto tail = [&](const NodePattern& n) {
      line(indent, "count: a last hop to " + node_text(n) + " adds its number of edges" +
                       (n.labels.empty() ? "" : " to nodes of its types") + ", not a row each");
    };
    if (plan.tail_first) tail(p.nodes.front());
    if (plan.tail_last) tail(p.nodes.back());
    if (plan.tail_hops > 1)
      line(indent,
           "count: its " + std::to_string(plan.tail_hops) + " last hops are counted along the edges, nothing bound");
    if (plan.summed) line(indent, "sum: the matches of each search are added up; one row goes on");
    auto reach = [&](const NodePattern& n) {
      line(indent, "reach: a last variable-length hop to " + node_text(n) +
                       " finds each node once, breadth-first, not each path");
      if (n.slot == plan.set_slot)
        line(indent, "reach: its nodes go on as one set, counted distinctly, not a row each");
    };
    if (plan.reach_first) reach(p.nodes.front());
    if (plan.reach_last) reach(p.nodes.back());
  }

  static std::string name_of(const Clause& c, int slot) {
    for (const auto& p : c.patterns) {
      for (const auto& n : p.nodes)
        if (n.slot == slot) return n.var;
      for (const auto& r : p.rels)
        if (r.slot == slot) return r.var;
      if (p.path_slot == slot) return p.path_var;
    }
    return "?";
  }

  void projection(const Clause& c, const std::string& indent) {
    const Projection& p = c.proj;
    std::string items;
    for (const auto& item : p.items) items += (items.empty() ? "" : ", ") + item.name;
    if (p.star) items = items.empty() ? "*" : "*, " + items;
    std::string head = c.kind == Clause::Kind::return_ ? "Return " : "With ";
    if (p.distinct) head += "DISTINCT ";
    line(indent, head + items + (p.aggregating ? " (groups: keeps one row per group)" : ""));
    if (p.distinct) line(indent + "  ", "distinct: keeps the rows seen");
    if (!p.order.empty()) {
      std::string keys;
      for (const auto& s : p.order)
        keys += (keys.empty() ? "" : ", ") + source(*s.expr) + (s.descending ? " DESC" : "");
      line(indent + "  ", "sort: " + keys + " (keeps its rows)");
    }
    if (p.skip) line(indent + "  ", "skip: " + source(*p.skip));
    if (p.limit) line(indent + "  ", "limit: " + source(*p.limit) + " (then stops its input)");
    if (p.where) line(indent + "  ", "filter: " + source(*p.where));
  }

  const Text& text_;
  std::string out_;
};

}  // namespace

std::string explain(const Statement& st, const Text& text) { return Explainer(text).statement(st); }

}  // namespace diplograph::ql
