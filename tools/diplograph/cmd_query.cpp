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
};

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
  auto* cmd = app.add_subcommand("query", "Run a query (a Cypher subset) and print its rows");
  cmd->footer(
      "Example: diplograph query \"MATCH (s:State)-[:SIGNATORY]->(a:Agreement) RETURN s.label, a.label\"\n"
      "The query is read from standard input when neither QUERY nor --file is given (or QUERY is -).");
  auto args = std::make_shared<QueryArgs>();
  cmd->add_option("QUERY", args->text, "The query text");
  cmd->add_option("-f,--file", args->file, "Read the query from this file");
  cmd->add_option("--format", args->format, "Output: an aligned table, a JSON array of row objects, or CSV")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([&globals, args] {
    const std::string text = read_query(*args);
    const auto graph = load_graph(globals);
    const auto result = diplograph::query(graph, text);
    if (args->format == "json")
      std::cout << diplograph::to_json(result);
    else if (args->format == "csv")
      print_csv(result);
    else
      print_table(result);
  });
}

}  // namespace cli
