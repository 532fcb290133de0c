// Query::compile and Query::run: the clauses as a pipeline over binding rows (MATCH, OPTIONAL
// MATCH, UNWIND, WITH, RETURN; UNION between queries), with projection, grouping and
// aggregation, DISTINCT, ORDER BY, SKIP and LIMIT.

#include <algorithm>
#include <unordered_map>

#include "diplograph/query.hpp"
#include "query/aggregate.hpp"
#include "query/match.hpp"
#include "query/parser.hpp"
#include "query/plan.hpp"

namespace diplograph {

namespace detail {
struct ParameterData {
  ql::ParamMap values;
  static ql::ParamMap& of(Parameters& p) { return p.data_->values; }
  static const ql::ParamMap& of(const Parameters& p) { return p.data_->values; }
};
}  // namespace detail

namespace {

using ql::Row;
using ql::V;

struct RowsHash {
  std::size_t operator()(const std::vector<V>& r) const {
    std::size_t h = 0;
    for (const V& v : r) h = h * 31 + ql::hash_value(v);
    return h;
  }
};
struct RowsSame {
  bool operator()(const std::vector<V>& a, const std::vector<V>& b) const {
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!ql::same_values(a[k], b[k])) return false;
    return true;
  }
};

bool contains_aggregate(const ql::Expr& e) {
  if (e.kind == ql::Expr::Kind::aggregate || e.kind == ql::Expr::Kind::count_star) return true;
  for (const auto& a : e.args)
    if (a && contains_aggregate(*a)) return true;
  return false;
}

class Executor {
 public:
  Executor(const detail::QueryPlan& plan, const Graph& g, const QueryOptions& options)
      : plan_(plan),
        budget_(options.limits, plan.text),
        env_{g, plan.text, detail::ParameterData::of(options.params), budget_, nullptr},
        limits_(options.limits) {}

  QueryResult run() {
    QueryResult result;
    result.columns = plan_.st.columns;
    std::vector<std::vector<V>> all;
    for (std::size_t p = 0; p < plan_.st.parts.size(); ++p) {
      auto rows = part(plan_.st.parts[p]);
      all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    const bool dedupe = std::any_of(plan_.st.union_all.begin(), plan_.st.union_all.end(), [](bool a) { return !a; });
    if (dedupe) distinct(all);
    if (limits_.max_rows && all.size() > limits_.max_rows)
      throw Error(ErrorCode::limit,
                  "query stopped after " + std::to_string(limits_.max_rows) +
                      " rows (--max-rows); add LIMIT or aggregate the rows",
                  Location{"<query>", 0, 0});
    for (const auto& values : all) {
      std::vector<Cell> cells;
      cells.reserve(values.size());
      for (const V& v : values) cells.push_back(ql::to_cell(env_.g, v));
      result.rows.push_back(std::move(cells));
    }
    return result;
  }

 private:
  static void distinct(std::vector<std::vector<V>>& rows) {
    std::unordered_map<std::vector<V>, bool, RowsHash, RowsSame> seen;
    std::vector<std::vector<V>> out;
    for (auto& r : rows)
      if (seen.emplace(r, true).second) out.push_back(std::move(r));
    rows = std::move(out);
  }

  std::vector<std::vector<V>> part(const ql::SingleQuery& q) {
    width_ = static_cast<std::size_t>(q.slot_count);
    std::vector<Row> rows{Row(width_)};
    for (const auto& c : q.clauses) {
      switch (c.kind) {
        case ql::Clause::Kind::match:
          rows = match(c, rows);
          break;
        case ql::Clause::Kind::unwind:
          rows = unwind(c, rows);
          break;
        case ql::Clause::Kind::with:
        case ql::Clause::Kind::return_:
          rows = project(c.proj, rows);
          break;
      }
    }
    // The RETURN's columns, in order.
    const ql::Projection& ret = q.clauses.back().proj;
    std::vector<std::vector<V>> out;
    out.reserve(rows.size());
    for (Row& r : rows) {
      std::vector<V> values;
      for (const auto& item : ret.items) values.push_back(r[static_cast<std::size_t>(item.slot)]);
      for (int s : ret.star_slots) values.push_back(r[static_cast<std::size_t>(s)]);
      out.push_back(std::move(values));
    }
    return out;
  }

  std::vector<Row> match(const ql::Clause& c, std::vector<Row>& in) {
    std::vector<const ql::Pattern*> patterns;
    for (const auto& p : c.patterns) patterns.push_back(&p);
    std::vector<Row> out;
    for (Row& row : in) {
      bool found = false;
      ql::match_patterns(patterns, c.new_slots, row, env_, [&](Row& r) {
        if (c.where && ql::truth(ql::eval(*c.where, r, env_), env_, c.where->pos) != true) return true;
        budget_.step();
        out.push_back(r);
        found = true;
        return true;
      });
      if (!found && c.optional) {
        for (int s : c.new_slots) row[static_cast<std::size_t>(s)] = V();
        out.push_back(std::move(row));
      }
    }
    return out;
  }

  std::vector<Row> unwind(const ql::Clause& c, std::vector<Row>& in) {
    std::vector<Row> out;
    for (Row& row : in) {
      const V list = ql::eval(*c.expr, row, env_);
      if (list.is_null()) continue;
      if (!list.is_list()) {
        row[static_cast<std::size_t>(c.slot)] = list;
        out.push_back(std::move(row));
        continue;
      }
      for (const V& x : list.list()) {
        budget_.step();
        Row r = row;
        r[static_cast<std::size_t>(c.slot)] = x;
        out.push_back(std::move(r));
      }
    }
    return out;
  }

  struct Out {
    Row row;
    std::vector<V> keys;  // ORDER BY keys
  };

  void sort_keys(const ql::Projection& p, Out& o) {
    for (const auto& s : p.order) o.keys.push_back(ql::eval(*s.expr, o.row, env_));
  }

  std::vector<Out> plain_projection(const ql::Projection& p, std::vector<Row>& in) {
    std::vector<Out> out;
    out.reserve(in.size());
    for (Row& row : in) {
      std::vector<V> values;
      for (const auto& item : p.items) values.push_back(ql::eval(*item.expr, row, env_));
      for (std::size_t k = 0; k < values.size(); ++k)
        row[static_cast<std::size_t>(p.items[k].slot)] = std::move(values[k]);
      out.push_back(Out{std::move(row), {}});
    }
    return out;
  }

  struct Group {
    Row first;
    std::vector<ql::Accumulator> accs;
  };

  std::vector<Out> grouping_projection(const ql::Projection& p, std::vector<Row>& in) {
    std::vector<std::size_t> keys;  // the items that group
    for (std::size_t k = 0; k < p.items.size(); ++k)
      if (!contains_aggregate(*p.items[k].expr)) keys.push_back(k);
    std::unordered_map<std::vector<V>, std::size_t, RowsHash, RowsSame> index;
    std::vector<Group> groups;
    auto fresh_group = [&](Row row) {
      Group g{std::move(row), {}};
      for (const ql::Expr* a : p.aggregates) g.accs.emplace_back(*a);
      return g;
    };
    for (Row& row : in) {
      std::vector<V> key;
      for (std::size_t k : keys) key.push_back(ql::eval(*p.items[k].expr, row, env_));
      auto [it, added] = index.try_emplace(key, groups.size());
      if (added) {
        for (std::size_t k = 0; k < keys.size(); ++k) row[static_cast<std::size_t>(p.items[keys[k]].slot)] = key[k];
        groups.push_back(fresh_group(row));
      }
      for (auto& acc : groups[it->second].accs) acc.add(row, env_);
    }
    if (groups.empty() && keys.empty()) groups.push_back(fresh_group(Row(in.empty() ? width_ : in.front().size())));
    std::vector<Out> out;
    for (Group& g : groups) {
      std::vector<V> aggs;
      for (const auto& acc : g.accs) aggs.push_back(acc.result(env_));
      env_.aggs = &aggs;
      Out o{std::move(g.first), {}};
      for (const auto& item : p.items)
        if (contains_aggregate(*item.expr))
          o.row[static_cast<std::size_t>(item.slot)] = ql::eval(*item.expr, o.row, env_);
      sort_keys(p, o);
      env_.aggs = nullptr;
      out.push_back(std::move(o));
    }
    return out;
  }

  std::int64_t count_value(const ql::Expr* e, const char* what) {
    if (!e) return -1;
    Row none(width_);
    const V v = ql::eval(*e, none, env_);
    if (!v.is_int() || v.i() < 0)
      ql::fail(env_, e->pos, ErrorCode::syntax,
               std::string(what) + " needs a non-negative integer, got " +
                   (v.is_int() ? std::to_string(v.i()) : std::string(ql::kind_of(v))));
    return v.i();
  }

  std::vector<Row> project(const ql::Projection& p, std::vector<Row>& in) {
    if (!in.empty()) width_ = in.front().size();
    std::vector<Out> out = p.aggregating ? grouping_projection(p, in) : plain_projection(p, in);
    if (!p.aggregating)
      for (Out& o : out) sort_keys(p, o);
    if (p.distinct) {
      std::unordered_map<std::vector<V>, bool, RowsHash, RowsSame> seen;
      std::vector<Out> kept;
      for (Out& o : out) {
        std::vector<V> values;
        for (const auto& item : p.items) values.push_back(o.row[static_cast<std::size_t>(item.slot)]);
        for (int s : p.star_slots) values.push_back(o.row[static_cast<std::size_t>(s)]);
        if (seen.emplace(std::move(values), true).second) kept.push_back(std::move(o));
      }
      out = std::move(kept);
    }
    if (!p.order.empty())
      std::stable_sort(out.begin(), out.end(), [&](const Out& a, const Out& b) {
        for (std::size_t k = 0; k < p.order.size(); ++k)
          if (int c = ql::order_values(a.keys[k], b.keys[k]); c != 0) return p.order[k].descending ? c > 0 : c < 0;
        return false;
      });
    const std::int64_t skip = std::max<std::int64_t>(0, count_value(p.skip.get(), "SKIP"));
    const std::int64_t limit = count_value(p.limit.get(), "LIMIT");
    std::vector<Row> rows;
    // SKIP and LIMIT are compared separately, so skip + limit never overflows.
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (static_cast<std::int64_t>(k) < skip) continue;
      if (limit >= 0 && static_cast<std::int64_t>(rows.size()) >= limit) break;
      rows.push_back(std::move(out[k].row));
    }
    if (p.where) {
      std::vector<Row> kept;
      for (Row& r : rows)
        if (ql::truth(ql::eval(*p.where, r, env_), env_, p.where->pos) == true) kept.push_back(std::move(r));
      rows = std::move(kept);
    }
    return rows;
  }

  const detail::QueryPlan& plan_;
  ql::Budget budget_;
  ql::Env env_;
  const QueryLimits& limits_;
  std::size_t width_ = 0;
};

// JSON parameter values are Cypher literals: the parser reads them, and only constants pass.
V constant_value(const ql::Expr& e, const ql::Text& text) {
  switch (e.kind) {
    case ql::Expr::Kind::literal:
      return e.value;
    case ql::Expr::Kind::neg: {
      V x = constant_value(*e.args[0], text);
      if (x.is_int()) return V(-x.i());
      if (x.is_real()) return V(-x.num());
      break;
    }
    case ql::Expr::Kind::list: {
      ql::VList out;
      for (const auto& a : e.args) out.push_back(constant_value(*a, text));
      return V(std::move(out));
    }
    case ql::Expr::Kind::map: {
      std::map<std::string, V> m;
      for (std::size_t k = 0; k < e.args.size(); ++k) m[e.names[k]] = constant_value(*e.args[k], text);
      return V(ql::VMap(m.begin(), m.end()));
    }
    default:
      break;
  }
  text.fail(ErrorCode::syntax, e.pos, "a parameter value must be a JSON value");
}

}  // namespace

Parameters::Parameters() : data_(std::make_shared<detail::ParameterData>()) {}

Parameters& Parameters::set(const std::string& name, Value value) {
  if (data_.use_count() > 1) data_ = std::make_shared<detail::ParameterData>(*data_);
  data_->values[name] = ql::from_value(value);
  return *this;
}

Parameters& Parameters::set_json(const std::string& name, std::string_view json) {
  ql::Text text(json);
  ql::ExprPtr e = ql::parse_value(text);
  V v = constant_value(*e, text);
  if (data_.use_count() > 1) data_ = std::make_shared<detail::ParameterData>(*data_);
  data_->values[name] = std::move(v);
  return *this;
}

Parameters& Parameters::set_json_object(std::string_view json) {
  ql::Text text(json);
  ql::ExprPtr e = ql::parse_value(text);
  V v = constant_value(*e, text);
  if (!v.is_map()) text.fail(ErrorCode::syntax, 0, "parameters must be a JSON object");
  if (data_.use_count() > 1) data_ = std::make_shared<detail::ParameterData>(*data_);
  for (const auto& [k, x] : v.map()) data_->values[k] = x;
  return *this;
}

bool Parameters::has(const std::string& name) const { return data_->values.count(name) != 0; }

Query Query::compile(const Schema& schema, std::string_view text) {
  try {
    auto plan = std::make_shared<detail::QueryPlan>(detail::QueryPlan{ql::Text(text), {}});
    plan->st = ql::parse(plan->text);
    ql::compile(plan->st, schema, plan->text);
    return Query(std::move(plan));
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::query, "out of memory compiling the query", Location{"<query>", 0, 0});
  }
}

QueryResult Query::run(const Graph& graph, const QueryOptions& options) const {
  try {
    return Executor(*plan_, graph, options).run();
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::limit, "out of memory running the query; bound it with LIMIT or --max-rows",
                Location{"<query>", 0, 0});
  }
}

const std::vector<std::string>& Query::columns() const noexcept { return plan_->st.columns; }

QueryResult query(const Graph& graph, std::string_view text, const QueryOptions& options) {
  return Query::compile(graph.schema(), text).run(graph, options);
}

}  // namespace diplograph
