#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli.hpp"
#include "diplograph/error.hpp"
#include "diplograph/query.hpp"
#include "table.hpp"

namespace cli {
namespace {

struct QueryArgs {
  std::string text;
  std::string file;
  std::string format = "table";
  std::vector<std::string> params;  // name=JSON
  std::string params_file;
  double timeout = 30;
  std::size_t max_rows = 0;
};

diplograph::QueryOptions query_options(const QueryArgs& args) {
  diplograph::QueryOptions options;
  if (!args.params_file.empty()) {
    std::ifstream in(args.params_file, std::ios::binary);
    if (!in)
      throw diplograph::Error(diplograph::ErrorCode::io, "cannot read parameter file '" + args.params_file + "'");
    std::ostringstream text;
    text << in.rdbuf();
    options.params.set_json_object(text.str());
  }
  for (const std::string& p : args.params) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw diplograph::Error(diplograph::ErrorCode::syntax, "--param needs NAME=VALUE, got '" + p + "'");
    options.params.set_json(p.substr(0, eq), p.substr(eq + 1));
  }
  if (args.timeout > 0) options.limits.timeout = std::chrono::milliseconds(static_cast<long long>(args.timeout * 1000));
  options.limits.max_rows = args.max_rows;
  return options;
}

void print_csv(const diplograph::QueryResult& r) {
  print_csv_line(std::cout, r.columns);
  for (const auto& row : r.rows) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(cell.to_string());
    print_csv_line(std::cout, fields);
  }
}

void print_table(const diplograph::QueryResult& r) {
  Table table(r.columns);
  for (const auto& row : r.rows) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(cell.to_string());
    table.add(std::move(fields));
  }
  table.print(std::cout);
  std::cout << "(" << r.rows.size() << (r.rows.size() == 1 ? " row)\n" : " rows)\n");
}

std::string read_query(const QueryArgs& args) {
  if (!args.file.empty() && !args.text.empty())
    throw diplograph::Error(diplograph::ErrorCode::query, "give the query as an argument or with --file, not both");
  if (!args.text.empty() && args.text != "-") return args.text;
  if (args.file.empty() || args.file == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(args.file, std::ios::binary);
  if (!in) throw diplograph::Error(diplograph::ErrorCode::io, "cannot read query file '" + args.file + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void add_query(CLI::App& app, const Globals& globals) {
  auto* cmd = app.add_subcommand("query", "Run a query (read-only openCypher) and print its rows");
  cmd->footer(
      "Example: diplograph query \"MATCH (s:State)-[:SIGNATORY]->(a:Agreement) RETURN s.label, a.label\"\n"
      "The query is read from standard input when neither QUERY nor --file is given (or QUERY is -).");
  auto args = std::make_shared<QueryArgs>();
  cmd->add_option("QUERY", args->text, "The query text");
  cmd->add_option("-f,--file", args->file, "Read the query from this file");
  cmd->add_option("--param", args->params, "A parameter $NAME as NAME=VALUE, VALUE a JSON literal (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--params", args->params_file, "Parameters from a JSON object in this file");
  cmd->add_option("--timeout", args->timeout, "Stop the query after this many seconds (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-rows", args->max_rows, "Stop the query when it would return more rows (0: no limit)");
  cmd->add_option("--format", args->format, "Output: an aligned table, a JSON array of row objects, or CSV")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([&globals, args] {
    const std::string text = read_query(*args);
    const auto graph = load_graph(globals);
    const auto query = diplograph::Query::compile(graph.schema(), text);
    // Warnings go to stderr before the plan or the rows; the query still runs.
    for (const diplograph::Diagnostic& w : query.warnings()) std::cerr << w.to_string() << '\n';
    if (query.is_explain()) {
      std::cout << query.explain();
      return;
    }
    const auto result = query.run(graph, query_options(*args));
    if (args->format == "json")
      std::cout << diplograph::to_json(result);
    else if (args->format == "csv")
      print_csv(result);
    else
      print_table(result);
  });
}

}  // namespace cli
