// load(): reads graph files into an Assembler, element by element, and places every problem
// at its line and column.
#include <algorithm>
#include <cerrno>

#include "diplograph/io.hpp"
#include "graph/assembler_thread.hpp"
#include "io/input_file.hpp"
#include "io/json/fast_item.hpp"
#include "io/json/item_reader.hpp"
#include "io/json/schema_reader.hpp"

namespace diplograph {

namespace fs = std::filesystem;
using namespace detail::json;
using detail::throw_io;

namespace {

// Where each node and edge came from: its file and the offset of its opening brace, enough to
// find any of its fields again should a cross-check fail.
struct Origin {
  std::uint32_t file;
  std::uint64_t offset;
};

// The events of one graph file. The top level is walked by hand; each element of "nodes" and
// "edges" (and the "schema" member) is built into a Tree and read as a whole.
class GraphFile : public Events {
 public:
  struct Shared {
    std::optional<detail::Assembler> assembler;
    std::optional<detail::AssemblerThread> feed;  // the only way to the assembler until drained
    void start(Schema schema) {
      assembler.emplace(std::move(schema));
      feed.emplace(*assembler);
    }
    std::vector<Origin> node_origins, edge_origins;
    std::vector<Diagnostic> diagnostics;
    std::function<std::optional<Schema>()> fallback_schema;  // when the file embeds none
  };

  GraphFile(FileProblems problems, std::uint32_t index, Shared& shared, bool may_embed_schema)
      : problems_(std::move(problems)), index_(index), shared_(shared), may_embed_schema_(may_embed_schema) {}

  FileProblems& problems() { return problems_; }

  bool null(std::uint64_t end) override {
    if (in_item_) return item_event(fast_.null());
    if (in_tree()) return builder_.null(end) && after_tree_event();
    return scalar(Kind::null, end);
  }
  bool boolean(bool b, std::uint64_t end) override {
    if (in_item_) return item_event(fast_.boolean(b));
    if (in_tree()) return builder_.boolean(b, end) && after_tree_event();
    return scalar(Kind::boolean, end);
  }
  bool number(std::string_view text, std::uint64_t end) override {
    if (in_item_) return item_event(fast_.number(text));
    if (in_tree()) return builder_.number(text, end) && after_tree_event();
    if (depth_ == 1 && key_ == "diplograph") {
      if (text != "1")
        problems_.at_offset(end, true, ErrorCode::value,
                            "unsupported format version " + std::string(text) + " (this diplograph reads version 1)");
      return true;
    }
    return scalar(Kind::number, end);
  }
  bool string(std::string_view text, std::uint64_t end) override {
    if (in_item_) return item_event(fast_.string(text));
    if (in_tree()) return builder_.string(text, end) && after_tree_event();
    return scalar(Kind::string, end);
  }
  bool key(std::string_view text, std::uint64_t end) override {
    if (in_item_) return item_event(fast_.key(text));
    if (in_tree()) return builder_.key(text, end);
    key_.assign(text);
    if (key_ == "diplograph") versioned_ = true;
    if (std::find(seen_.begin(), seen_.end(), key_) != seen_.end()) {
      problems_.at_offset(end, true, ErrorCode::duplicate, "duplicate key '" + key_ + "'");
      skip_ = true;
    } else {
      seen_.push_back(key_);
      skip_ = false;
    }
    if (!skip_ && key_ != "diplograph" && key_ != "nodes" && key_ != "edges" && key_ != "schema") {
      problems_.at_offset(end, true, ErrorCode::schema,
                          unknown_field(key_, "a graph file", {"diplograph", "schema", "nodes", "edges"}));
      skip_ = true;
    }
    return true;
  }
  bool start_object(std::uint64_t end) override {
    if (in_item_) return item_event(fast_.start_object());
    if (in_tree()) return builder_.start_object(end);
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    if (depth_ == 1 && key_ == "schema" && !skip_) {
      if (!may_embed_schema_) {
        problems_.at_offset(end, false, ErrorCode::schema,
                            "a graph directory takes its schema from schema.json; this file may not embed one");
      } else if (shared_.assembler) {
        problems_.at_offset(end, false, ErrorCode::schema, "'schema' must come before 'nodes' and 'edges'");
      } else {
        tree_target_ = Target::schema;
      }
    } else if (depth_ == 1 && !skip_) {
      wrong_member_kind(end, false, "an object");
    } else if (depth_ == 2 && !skip_) {
      begin_item(end);
      return true;
    }
    return begin_tree() && builder_.start_object(end);
  }
  bool end_object(std::uint64_t end) override {
    if (in_item_) return item_event(fast_.end_object());
    if (in_tree()) return builder_.end_object(end) && after_tree_event();
    depth_ = 0;
    return true;
  }
  bool start_array(std::uint64_t end) override {
    if (in_item_) return item_event(fast_.start_array());
    if (in_tree()) return builder_.start_array(end);
    if (depth_ == 0) return root_not_object(end);
    if (depth_ == 1 && !skip_ && (key_ == "nodes" || key_ == "edges")) {
      if (!ensure_assembler(end)) skip_ = true;
      section_ = key_ == "nodes" ? Section::nodes : Section::edges;
      depth_ = 2;
      return true;
    }
    if (depth_ == 1 && !skip_) wrong_member_kind(end, false, "an array");
    return begin_tree() && builder_.start_array(end);
  }
  bool end_array(std::uint64_t end) override {
    if (in_item_) return item_event(fast_.end_array());
    if (in_tree()) return builder_.end_array(end) && after_tree_event();
    depth_ = 1;
    section_ = Section::none;
    return true;
  }

  /// Called after a parse without syntax errors: what the file lacked.
  void finish() {
    if (!versioned_)
      problems_.add({ErrorCode::schema, Location{problems_.file().string(), 1, 1},
                     "not a diplograph graph file: missing \"diplograph\": 1"});
  }

 private:
  enum class Section { none, nodes, edges };
  enum class Target { skip, schema };

  bool in_tree() const { return tree_active_; }
  bool begin_tree() {
    tree_.clear();
    tree_active_ = true;
    return true;
  }
  bool after_tree_event() {
    if (!tree_.complete()) return true;
    tree_active_ = false;
    switch (tree_target_) {
      case Target::schema:
        read_embedded_schema();
        break;
      case Target::skip:
        break;
    }
    tree_target_ = Target::skip;
    return true;
  }
  bool scalar(Kind kind, std::uint64_t end) {
    if (depth_ == 0) return root_not_object(end);
    if (depth_ == 1 && !skip_) wrong_member_kind(end, true, std::string(kind_noun(kind)));
    if (depth_ == 2 && !skip_)
      problems_.at_offset(end, true, ErrorCode::schema,
                          std::string("each of '") + (section_ == Section::nodes ? "nodes" : "edges") +
                              "' must be an object, not " + std::string(kind_noun(kind)));
    return true;
  }
  bool root_not_object(std::uint64_t offset) {
    failure = Failure{offset, "a graph file must hold one JSON object", false};
    return false;
  }
  void wrong_member_kind(std::uint64_t offset, bool token_end, const std::string& got) {
    const char* wanted = key_ == "schema" ? "an object" : key_ == "diplograph" ? "the number 1" : "an array";
    problems_.at_offset(offset, token_end, ErrorCode::schema, "'" + key_ + "' must be " + wanted + ", not " + got);
  }
  bool ensure_assembler(std::uint64_t offset) {
    if (shared_.assembler) return true;
    if (auto schema = shared_.fallback_schema()) {
      shared_.start(std::move(*schema));
      return true;
    }
    if (!no_schema_reported_)
      problems_.at_offset(offset, false, ErrorCode::schema,
                          "no schema: embed a \"schema\" member before the nodes, or put schema.json beside the file");
    no_schema_reported_ = true;
    return false;
  }
  void read_embedded_schema() {
    if (auto schema = read_schema(tree_, tree_.root(), problems_)) {
      shared_.start(std::move(*schema));
    } else {
      // The schema's own problems say it all: no other schema, and no "no schema" complaint.
      shared_.fallback_schema = [] { return std::optional<Schema>(); };
      no_schema_reported_ = true;
    }
  }
  // Nodes and edges go through the fast reader; one it gives up on is read again with the
  // tree reader, which reports what is wrong. Problems the assembler finds are placed once it
  // is done, by reading the item again.
  void begin_item(std::uint64_t offset) {
    auto& feed = *shared_.feed;
    edge_ = section_ == Section::edges;
    item_offset_ = offset;
    in_item_ = true;
    fast_.begin(edge_ ? nullptr : &feed.node_slot(), edge_ ? &feed.edge_slot() : nullptr);
    fast_.start_object();
  }
  bool item_event(bool closed) {
    if (!closed) return true;
    in_item_ = false;
    auto& feed = *shared_.feed;
    bool ok = fast_.accepted();
    if (!ok) {
      reread_item(problems_, item_offset_, tree_);
      ok = edge_ ? read_edge(tree_, problems_, feed.edge_slot()) : read_node(tree_, problems_, feed.node_slot());
    }
    if (!ok) return true;
    (edge_ ? shared_.edge_origins : shared_.node_origins).push_back(Origin{index_, item_offset_});
    edge_ ? feed.commit_edge() : feed.commit_node();
    return true;
  }

  FileProblems problems_;
  std::uint32_t index_;
  Shared& shared_;
  bool may_embed_schema_;
  Tree tree_;
  TreeBuilder builder_{tree_};
  bool tree_active_ = false;
  FastItem fast_;
  bool in_item_ = false;
  bool edge_ = false;
  std::uint64_t item_offset_ = 0;
  Target tree_target_ = Target::skip;
  int depth_ = 0;
  Section section_ = Section::none;
  std::string key_;
  std::vector<std::string> seen_;
  bool skip_ = false;
  bool versioned_ = false;
  bool no_schema_reported_ = false;
};

// "file:line:column" of a location, for messages that point at a second place.
std::string place_text(const Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

// The graph files of a directory: every `*.json` but schema.json and subdirectories. An
// entry that is not a regular file is kept, for the reader to refuse by name.
std::vector<fs::path> graph_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto& p = it->path();
    if (p.extension() != ".json" || p.filename() == "schema.json") continue;
    std::error_code status;
    const bool subdirectory = it->is_directory(status);
    if (status) throw_io(p, status.value());
    if (!subdirectory) files.push_back(p);
  }
  if (ec) throw_io(dir, ec.value(), "cannot list directory");
  std::sort(files.begin(), files.end());
  return files;
}

// One graph file to read: a file by its path, or a text in memory.
struct Input {
  fs::path name;
  std::optional<std::string_view> text;
};

// Reads `inputs` into a graph. With a directory the schema is already given to `shared`;
// otherwise `shared.fallback_schema` gives it to a file that embeds none.
Graph load_inputs(const std::vector<Input>& inputs, GraphFile::Shared& shared, bool directory, std::uint64_t max_size) {
  std::vector<std::unique_ptr<GraphFile>> readers;
  for (std::uint32_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    FileProblems problems = in.text ? FileProblems(in.name.string(), shared.diagnostics, *in.text)
                                    : FileProblems(in.name, shared.diagnostics, max_size);
    readers.push_back(std::make_unique<GraphFile>(std::move(problems), i, shared, !directory));
    auto syntax = in.text ? parse_text(*in.text, in.name.string(), *readers.back())
                          : parse_file(in.name, *readers.back(), max_size);
    if (syntax) {
      shared.diagnostics.push_back(*syntax);
    } else {
      readers.back()->finish();
    }
  }
  if (!shared.assembler) {
    if (shared.diagnostics.empty()) return Graph();  // files with neither nodes nor edges nor schema: an empty graph
    throw Error(std::move(shared.diagnostics));
  }
  shared.feed->drain();
  auto& assembler = *shared.assembler;
  std::optional<Graph> graph = assembler.finish();
  // Find each item the assembler complained about again in its file to place the problem.
  Tree tree;
  for (std::size_t i = 0; i < assembler.problems().size(); ++i) {
    const detail::Problem& p = assembler.problems()[i];
    const auto& origins = p.edge ? shared.edge_origins : shared.node_origins;
    const Origin& o = origins[p.item];
    FileProblems& fp = readers[o.file]->problems();
    reread_item(fp, o.offset, tree);
    Diagnostic d{p.code, field_location(tree, p, fp), p.message};
    if (p.first) {
      const Origin& f = origins[*p.first];
      d.message += " (first defined at " + place_text(readers[f.file]->problems().location(f.offset, false)) + ")";
    }
    shared.diagnostics.push_back(std::move(d));
  }
  if (!shared.diagnostics.empty() || !graph) {
    // In the order of the files, as a compiler lists them.
    std::stable_sort(shared.diagnostics.begin(), shared.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::tie(a.where.file, a.where.line, a.where.column) <
                              std::tie(b.where.file, b.where.line, b.where.column);
                     });
    throw Error(std::move(shared.diagnostics));
  }
  return std::move(*graph);
}

// Whether `file` exists, without following a failure into an exception: a path the system
// cannot resolve (a symlink loop, no permission) is an Error(ErrorCode::io) naming it.
bool path_exists(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (status.type() == fs::file_type::not_found) return false;
  if (ec) throw_io(file, ec.value());
  return true;
}

}  // namespace

Schema load_schema(const fs::path& file, const LoadOptions& options) {
  std::vector<Diagnostic> diagnostics;
  Tree tree;
  TreeBuilder builder(tree);
  if (auto syntax = parse_file(file, builder, options.max_file_size)) throw Error(std::vector<Diagnostic>{*syntax});
  FileProblems problems(file, diagnostics, options.max_file_size);
  auto schema = read_schema(tree, tree.root(), problems);
  if (!schema) throw Error(std::move(diagnostics));
  return std::move(*schema);
}

Graph load(const fs::path& path, const LoadOptions& options) {
  std::error_code ec;
  const bool directory = fs::is_directory(path, ec);
  if (!directory && !path_exists(path)) throw_io(path, ENOENT);
  const std::vector<fs::path> files = directory ? graph_files(path) : std::vector<fs::path>{path};
  GraphFile::Shared shared;
  const fs::path schema_file = (directory ? path : path.parent_path()) / "schema.json";
  if (directory) {
    shared.start(load_schema(schema_file, options));
  } else {
    shared.fallback_schema = [&]() -> std::optional<Schema> {
      if (!path_exists(schema_file)) return std::nullopt;
      try {
        return load_schema(schema_file, options);
      } catch (const Error& e) {
        if (e.code() == ErrorCode::io) throw;  // as it would be in a directory
        for (const auto& d : e.diagnostics()) shared.diagnostics.push_back(d);
        shared.fallback_schema = [] { return std::optional<Schema>(); };
        return std::nullopt;
      }
    };
  }
  std::vector<Input> inputs;
  for (const auto& f : files) inputs.push_back({f, std::nullopt});
  return load_inputs(inputs, shared, directory, options.max_file_size);
}

Graph load_from_string(std::string_view text, const std::string& name, const std::optional<Schema>& schema) {
  GraphFile::Shared shared;
  shared.fallback_schema = [&schema] { return schema; };
  return load_inputs({Input{name, text}}, shared, false, 0);
}

}  // namespace diplograph
