// The openCypher TCK driver: runs query jobs for tests/tck/run.py through diplograph's public
// API. One job per stdin line, {"graph": DIR or null, "query": TEXT, "params": {...}}; one
// answer per stdout line, {"columns": [...], "rows": [[...], ...]} or
// {"error": {"code": "<ErrorCode name>", "phase": "load"|"compile"|"run", "message": "..."}}.
// A null graph is the empty graph (no types); each graph directory is loaded once.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <iostream>
#include <map>
#include <string>

#include "diplograph/diplograph.hpp"

namespace {

// NaN and infinities are written as NaN/Infinity, which Python's json module reads.
using Writer = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
                                 rapidjson::kWriteNanAndInfFlag>;

std::string_view code_name(diplograph::ErrorCode code) {
  switch (code) {
    case diplograph::ErrorCode::syntax:
      return "syntax";
    case diplograph::ErrorCode::schema:
      return "schema";
    case diplograph::ErrorCode::reference:
      return "reference";
    case diplograph::ErrorCode::duplicate:
      return "duplicate";
    case diplograph::ErrorCode::value:
      return "value";
    case diplograph::ErrorCode::io:
      return "io";
    case diplograph::ErrorCode::query:
      return "query";
    case diplograph::ErrorCode::render:
      return "render";
    case diplograph::ErrorCode::argument:
      return "argument";
    case diplograph::ErrorCode::limit:
      return "limit";
  }
  return "unknown";
}

void write_string(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_value(Writer& w, const diplograph::Value& v) {
  if (v.is_null())
    w.Null();
  else if (v.is_bool())
    w.Bool(v.as_bool());
  else if (v.is_int())
    w.Int64(v.as_int());
  else if (v.is_real())
    w.Double(v.as_real());
  else if (v.is_string())
    write_string(w, v.as_string());
  else if (v.is_date())
    write_string(w, v.as_date().to_string());
  else {
    w.StartArray();
    for (const auto& item : v.as_list()) write_value(w, item);
    w.EndArray();
  }
}

void write_properties(Writer& w, const std::vector<diplograph::PropertyRef>& props) {
  w.Key("properties");
  w.StartObject();
  for (const auto& p : props) {
    write_string(w, p.name);
    write_value(w, p.value);
  }
  w.EndObject();
}

void write_cell(Writer& w, const diplograph::Cell& cell) {
  using Kind = diplograph::Cell::Kind;
  switch (cell.kind) {
    case Kind::node:
      w.StartObject();
      w.Key("id"), write_string(w, cell.node->id());
      w.Key("type"), write_string(w, cell.node->type());
      w.Key("label"), write_string(w, cell.node->label());
      write_properties(w, cell.node->props());
      w.EndObject();
      return;
    case Kind::edge:
      w.StartObject();
      w.Key("id"), write_string(w, cell.edge->id());
      w.Key("type"), write_string(w, cell.edge->type());
      w.Key("from"), write_string(w, cell.edge->from().id());
      w.Key("to"), write_string(w, cell.edge->to().id());
      write_properties(w, cell.edge->props());
      w.EndObject();
      return;
    case Kind::list:
      w.StartArray();
      for (const auto& item : cell.items) write_cell(w, item);
      w.EndArray();
      return;
    case Kind::map:
      w.StartObject();
      for (std::size_t k = 0; k < cell.items.size(); ++k) {
        write_string(w, cell.keys[k]);
        write_cell(w, cell.items[k]);
      }
      w.EndObject();
      return;
    case Kind::path:
      w.StartObject();
      w.Key("nodes");
      w.StartArray();
      for (std::size_t k = 0; k < cell.items.size(); k += 2) write_cell(w, cell.items[k]);
      w.EndArray();
      w.Key("relationships");
      w.StartArray();
      for (std::size_t k = 1; k < cell.items.size(); k += 2) write_cell(w, cell.items[k]);
      w.EndArray();
      w.EndObject();
      return;
    case Kind::value:
      write_value(w, cell.value);
      return;
  }
}

std::string result_line(const diplograph::QueryResult& result) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  w.Key("columns");
  w.StartArray();
  for (const auto& c : result.columns) write_string(w, c);
  w.EndArray();
  w.Key("rows");
  w.StartArray();
  for (const auto& row : result.rows) {
    w.StartArray();
    for (const auto& cell : row) write_cell(w, cell);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  return out.GetString();
}

std::string error_line(std::string_view code, std::string_view phase, std::string_view message) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  w.Key("error");
  w.StartObject();
  w.Key("code"), write_string(w, code);
  w.Key("phase"), write_string(w, phase);
  w.Key("message"), write_string(w, message);
  w.EndObject();
  w.EndObject();
  return out.GetString();
}

class Driver {
 public:
  std::string run(const std::string& line) {
    rapidjson::Document job;
    if (job.Parse(line.c_str()).HasParseError() || !job.IsObject() || !job.HasMember("query") ||
        !job["query"].IsString())
      return error_line("syntax", "load", "bad job line");
    std::string phase = "load";
    try {
      const diplograph::Graph& graph = graph_for(job);
      diplograph::QueryOptions options;
      options.limits.timeout = std::chrono::seconds(10);
      if (job.HasMember("params") && job["params"].IsObject() && job["params"].MemberCount() > 0) {
        rapidjson::StringBuffer params;
        rapidjson::Writer<rapidjson::StringBuffer> pw(params);
        job["params"].Accept(pw);
        options.params.set_json_object(params.GetString());
      }
      phase = "compile";
      const auto query = diplograph::Query::compile(graph.schema(), job["query"].GetString());
      phase = "run";
      return result_line(query.run(graph, options));
    } catch (const diplograph::Error& e) {
      return error_line(code_name(e.code()), phase, e.what());
    } catch (const std::exception& e) {
      return error_line("exception", phase, e.what());
    }
  }

 private:
  const diplograph::Graph& graph_for(const rapidjson::Document& job) {
    if (!job.HasMember("graph") || !job["graph"].IsString()) return empty_;
    const std::string dir = job["graph"].GetString();
    auto it = graphs_.find(dir);
    if (it == graphs_.end()) it = graphs_.emplace(dir, diplograph::load(dir)).first;
    return it->second;
  }

  diplograph::Graph empty_;
  std::map<std::string, diplograph::Graph> graphs_;
};

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  Driver driver;
  for (std::string line; std::getline(std::cin, line);) std::cout << driver.run(line) << '\n' << std::flush;
  return 0;
}
