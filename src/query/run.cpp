// Query::compile and Query::run: projection, counting, DISTINCT, ORDER BY, SKIP and LIMIT over
// the matches the matcher finds.

#include <algorithm>
#include <map>
#include <set>

#include "diplograph/query.hpp"
#include "query/match.hpp"
#include "query/parser.hpp"

namespace diplograph {
namespace {

using ql::Binding;
using ql::Val;

struct ValsLess {
  bool operator()(const std::vector<Val>& a, const std::vector<Val>& b) const {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (int c = ql::compare(a[i], b[i]); c != 0) return c < 0;
    return false;
  }
};
struct ValLess {
  bool operator()(const Val& a, const Val& b) const { return ql::compare(a, b) < 0; }
};

struct Row {
  std::vector<Val> values;
  std::vector<Val> keys;  // ORDER BY keys that are not RETURN columns
};

bool is_count(const ql::Expr& e) {
  return e.kind == ql::Expr::Kind::count_star || (e.kind == ql::Expr::Kind::call && e.name == "count");
}

class Executor {
 public:
  Executor(const ql::Plan& plan, const Graph& g) : p_(plan), g_(g) {}

  QueryResult run() {
    const auto& st = p_.st;
    // Without ORDER BY the first SKIP + LIMIT rows are the answer, so matching can stop there.
    std::size_t enough = SIZE_MAX;
    if (st.limit && st.order.empty() && !p_.aggregate)
      enough = static_cast<std::size_t>(std::max<std::int64_t>(0, *st.limit) + st.skip.value_or(0));
    if (enough == 0) return finish();
    ql::match(p_, g_, [&](const Binding& b) {
      p_.aggregate ? accumulate(b) : project(b);
      return rows_.size() < enough;
    });
    if (p_.aggregate) close_groups();
    return finish();
  }

 private:
  void project(const Binding& b) {
    Row row;
    for (const auto& item : p_.st.items) row.values.push_back(ql::eval(*item.expr, g_, b));
    if (p_.st.distinct && !seen_.insert(row.values).second) return;
    for (const auto& s : p_.st.order)
      if (s.column < 0) row.keys.push_back(ql::eval(*s.expr, g_, b));
    rows_.push_back(std::move(row));
  }

  struct Group {
    std::vector<Val> values;
    std::vector<std::int64_t> counts;
    std::vector<std::set<Val, ValLess>> distinct;
  };

  void accumulate(const Binding& b) {
    const auto& items = p_.st.items;
    std::vector<Val> key;
    for (const auto& item : items)
      if (!is_count(*item.expr)) key.push_back(ql::eval(*item.expr, g_, b));
    auto [it, fresh] = group_index_.try_emplace(key, groups_.size());
    if (fresh)
      groups_.push_back(
          Group{{}, std::vector<std::int64_t>(items.size()), std::vector<std::set<Val, ValLess>>(items.size())});
    Group& group = groups_[it->second];
    if (fresh) group.values = key;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const ql::Expr& e = *items[i].expr;
      if (!is_count(e)) continue;
      if (e.kind == ql::Expr::Kind::count_star) {
        ++group.counts[i];
        continue;
      }
      Val v = ql::eval(*e.args[0], g_, b);
      if (v.value.is_null() && v.ref == Val::Ref::none) continue;
      if (e.distinct)
        group.distinct[i].insert(std::move(v));
      else
        ++group.counts[i];
    }
  }

  void close_groups() {
    const auto& items = p_.st.items;
    // count(*) over no match is one row of zeros, unless something is grouped on.
    const bool all_counts = std::all_of(items.begin(), items.end(), [](const auto& i) { return is_count(*i.expr); });
    if (groups_.empty() && all_counts)
      groups_.push_back(
          Group{{}, std::vector<std::int64_t>(items.size()), std::vector<std::set<Val, ValLess>>(items.size())});
    for (Group& group : groups_) {
      Row row;
      std::size_t k = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const ql::Expr& e = *items[i].expr;
        if (!is_count(e))
          row.values.push_back(group.values[k++]);
        else
          row.values.push_back(
              Val{Val::Ref::none, 0,
                  Value(e.distinct ? static_cast<std::int64_t>(group.distinct[i].size()) : group.counts[i])});
      }
      if (p_.st.distinct && !seen_.insert(row.values).second) continue;
      rows_.push_back(std::move(row));
    }
  }

  QueryResult finish() {
    const auto& order = p_.st.order;
    if (!order.empty())
      std::stable_sort(rows_.begin(), rows_.end(), [&](const Row& a, const Row& b) {
        std::size_t k = 0;
        for (const auto& s : order) {
          const Val& x = s.column >= 0 ? a.values[s.column] : a.keys[k];
          const Val& y = s.column >= 0 ? b.values[s.column] : b.keys[k];
          if (s.column < 0) ++k;
          if (int c = ql::compare(x, y); c != 0) return s.descending ? c > 0 : c < 0;
        }
        return false;
      });
    QueryResult result;
    result.columns = p_.columns;
    const auto skip = static_cast<std::size_t>(std::max<std::int64_t>(0, p_.st.skip.value_or(0)));
    const std::size_t limit =
        p_.st.limit ? static_cast<std::size_t>(std::max<std::int64_t>(0, *p_.st.limit)) : SIZE_MAX;
    for (std::size_t i = skip; i < rows_.size() && result.rows.size() < limit; ++i) {
      std::vector<Cell> cells;
      for (const Val& v : rows_[i].values) cells.push_back(ql::to_cell(g_, v));
      result.rows.push_back(std::move(cells));
    }
    return result;
  }

  const ql::Plan& p_;
  const Graph& g_;
  std::vector<Row> rows_;
  std::set<std::vector<Val>, ValsLess> seen_;
  std::map<std::vector<Val>, std::size_t, ValsLess> group_index_;
  std::vector<Group> groups_;
};

}  // namespace

std::string Cell::to_string() const { return value.is_null() ? std::string() : value.to_string(); }

Query Query::compile(const Schema& schema, std::string_view text) {
  auto plan = std::make_shared<detail::QueryPlan>(detail::QueryPlan{ql::Text(text), {}});
  plan->plan = ql::check(ql::parse(plan->text), schema, plan->text);
  return Query(std::move(plan));
}

QueryResult Query::run(const Graph& graph) const { return Executor(plan_->plan, graph).run(); }

const std::vector<std::string>& Query::columns() const noexcept { return plan_->plan.columns; }

QueryResult query(const Graph& graph, std::string_view text) { return Query::compile(graph.schema(), text).run(graph); }

}  // namespace diplograph
