// Query::compile and Query::run (the pipeline that runs a query is in pipeline.cpp), and query
// parameters.

#include <cctype>

#include "diplograph/query.hpp"
#include "query/parser.hpp"
#include "query/pipeline.hpp"
#include "query/planner.hpp"

namespace diplograph {

namespace detail {
struct ParameterData {
  ql::ParamMap values;
  static ql::ParamMap& of(Parameters& p) { return p.data_->values; }
  static const ql::ParamMap& of(const Parameters& p) { return p.data_->values; }
};
}  // namespace detail

namespace {

using ql::V;

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

namespace {
// `EXPLAIN <query>`: the keyword is blanked out, so positions in errors stay those of the text.
bool strip_explain(std::string& text) {
  const std::size_t at = text.find_first_not_of(" \t\r\n");
  constexpr std::string_view keyword = "explain";
  if (at == std::string::npos || text.size() < at + keyword.size() + 1) return false;
  for (std::size_t k = 0; k < keyword.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != keyword[k]) return false;
  if (!std::isspace(static_cast<unsigned char>(text[at + keyword.size()]))) return false;
  text.replace(at, keyword.size(), keyword.size(), ' ');
  return true;
}
}  // namespace

Query Query::compile(const Schema& schema, std::string_view text) {
  try {
    std::string body(text);
    const bool explain = strip_explain(body);
    auto plan = std::make_shared<detail::QueryPlan>(detail::QueryPlan{ql::Text(body), {}, explain});
    plan->st = ql::parse(plan->text);
    ql::compile(plan->st, schema, plan->text);
    ql::plan(plan->st, schema, plan->text);
    return Query(std::move(plan));
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::query, "out of memory compiling the query", Location{"<query>", 0, 0});
  }
}

std::string Query::explain() const { return ql::explain(plan_->st, plan_->text); }

bool Query::is_explain() const noexcept { return plan_->explain; }

QueryResult Query::run(const Graph& graph, const QueryOptions& options) const {
  if (plan_->explain) {
    QueryResult plan{{"plan"}, {}};
    const std::string text = explain();
    for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
      end = text.find('\n', at);
      Cell line;
      line.value = Value(text.substr(at, end - at));
      plan.rows.push_back({line});
    }
    return plan;
  }
  try {
    return ql::execute(*plan_, graph, options, detail::ParameterData::of(options.params));
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
