// load(): reads graph files into an Assembler, element by element, and places every problem
// at its line and column.
#include <algorithm>
#include <cerrno>
#include <functional>

#include "core/messages.hpp"
#include "diplograph/json.hpp"
#include "graph/assembler_thread.hpp"
#include "io/input_file.hpp"
#include "io/json/fast_item.hpp"
#include "io/json/format.hpp"
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

// Whether `file` exists, without following a failure into an exception: a path the system
// cannot resolve (a symlink loop, no permission) is an Error(ErrorCode::io) naming it.
bool path_exists(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (status.type() == fs::file_type::not_found) return false;
  if (ec) throw_io(file, ec.value());
  return true;
}

// The schema of a single graph file that embeds none: one the caller gives, or else the
// schema.json beside the file, read at most once, when the first node or edge needs it. Its
// problems join the load's diagnostics; a file the system cannot read fails the load, as it
// would in a directory.
class SchemaBeside {
 public:
  void look_in(fs::path file, const LoadOptions& options) {
    file_ = std::move(file);
    options_ = options;
  }
  void give(std::optional<Schema> schema) { given_ = std::move(schema); }
  /// Nothing more to look for: the file's own schema failed and was reported already.
  void stop() { tried_ = true; }
  std::optional<Schema> take(std::vector<Diagnostic>& diagnostics) {
    if (tried_) return std::nullopt;
    tried_ = true;
    if (given_) return std::move(given_);
    if (file_.empty() || !path_exists(file_)) return std::nullopt;
    try {
      return load_schema(file_, options_);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::io) throw;
      diagnostics.insert(diagnostics.end(), e.diagnostics().begin(), e.diagnostics().end());
      return std::nullopt;
    }
  }

 private:
  fs::path file_;
  LoadOptions options_;
  std::optional<Schema> given_;
  bool tried_ = false;
};

// The events of one graph file, as a state machine. The top-level object is walked by hand;
// each element of "nodes" and "edges" goes to the fast reader (falling back to the tree
// reader), and any other value (the "schema" member, or one to skip) is built into a Tree.
class GraphFile : public Events {
 public:
  struct Shared {
    std::optional<detail::Assembler> assembler;
    std::optional<detail::AssemblerThread> feed;  // the only way to the assembler until drained
    std::uint64_t input_bytes = 0;                // of every data file, to size the graph's pools
    void start(Schema schema) {
      assembler.emplace(std::move(schema));
      assembler->reserve_for_input(input_bytes);
      feed.emplace(*assembler);
    }
    std::vector<Origin> node_origins, edge_origins;
    std::vector<Diagnostic> diagnostics;
    SchemaBeside schema_beside;  // for a single file that embeds no schema
  };

  GraphFile(FileProblems problems, std::uint32_t index, Shared& shared, bool may_embed_schema)
      : problems_(std::move(problems)), index_(index), shared_(shared), may_embed_schema_(may_embed_schema) {}

  FileProblems& problems() { return problems_; }

  // Every callback first asks which state the parse is in; only the top-level states (members,
  // section, before_root) are handled here, the others go to their reader.
  bool null(std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.null());
    if (state_ == State::subtree) return subtree_event(builder_.null(end));
    return scalar(Kind::null, end);
  }
  bool boolean(bool b, std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.boolean(b));
    if (state_ == State::subtree) return subtree_event(builder_.boolean(b, end));
    return scalar(Kind::boolean, end);
  }
  bool number(std::string_view text, std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.number(text));
    if (state_ == State::subtree) return subtree_event(builder_.number(text, end));
    if (state_ == State::members && member_ == Member::version) return version(text, end);
    return scalar(Kind::number, end);
  }
  bool string(std::string_view text, std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.string(text));
    if (state_ == State::subtree) return subtree_event(builder_.string(text, end));
    return scalar(Kind::string, end);
  }
  bool key(std::string_view text, std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.key(text));
    if (state_ == State::subtree) return builder_.key(text, end);
    return member_key(text, end);  // only the top-level object has keys outside items and trees
  }
  bool start_object(std::uint64_t end) override {
    switch (state_) {
      case State::item:
        return item_event(fast_.start_object());
      case State::subtree:
        return builder_.start_object(end);
      case State::before_root:
        state_ = State::members;
        return true;
      case State::members:
        return member_object(end);
      case State::section:
        return begin_item(end);
      case State::after_root:
        break;
    }
    return true;
  }
  bool end_object(std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.end_object());
    if (state_ == State::subtree) return subtree_event(builder_.end_object(end));
    state_ = State::after_root;
    return true;
  }
  bool start_array(std::uint64_t end) override {
    switch (state_) {
      case State::item:
        return item_event(fast_.start_array());
      case State::subtree:
        return builder_.start_array(end);
      case State::before_root:
        return root_not_object(end);
      case State::members:
        return member_array(end);
      case State::section:
        not_an_item(end, false, Kind::array);
        return begin_subtree(Target::skip) && builder_.start_array(end);
      case State::after_root:
        break;
    }
    return true;
  }
  bool end_array(std::uint64_t end) override {
    if (state_ == State::item) return item_event(fast_.end_array());
    if (state_ == State::subtree) return subtree_event(builder_.end_array(end));
    state_ = State::members;  // the end of "nodes" or "edges"
    return true;
  }

  /// Called after a parse without syntax errors: what the file lacked.
  void finish() {
    if (!versioned_)
      problems_.add({ErrorCode::schema, Location{problems_.file().string(), 1, 1},
                     "not a diplograph graph file: missing \"" + std::string(format::version_key) + "\": 1"});
  }

 private:
  enum class State : std::uint8_t {
    before_root,  // nothing read yet: the file must open an object
    members,      // in the top-level object, between its members
    section,      // in the "nodes" or "edges" array, between its items
    item,         // inside a node or an edge: events go to the fast reader
    subtree,      // inside any other value: events build tree_ (the schema, or a value to skip)
    after_root,   // the top-level object is closed
  };
  // The top-level member being read.
  enum class Member : std::uint8_t { version, schema, nodes, edges, other };
  // What a finished subtree is for.
  enum class Target : std::uint8_t { skip, schema };

  // --- the top-level object

  bool member_key(std::string_view text, std::uint64_t end) {
    key_.assign(text);
    member_ = text == format::version_key  ? Member::version
              : text == format::schema_key ? Member::schema
              : text == format::nodes_key  ? Member::nodes
              : text == format::edges_key  ? Member::edges
                                           : Member::other;
    if (member_ == Member::version) versioned_ = true;
    skip_ = std::find(seen_.begin(), seen_.end(), key_) != seen_.end();
    if (skip_) {
      problems_.at_offset(end, true, ErrorCode::duplicate, "duplicate key " + detail::quote(key_));
      return true;
    }
    seen_.push_back(key_);
    if (member_ == Member::other) {
      problems_.at_offset(end, true, ErrorCode::schema,
                          unknown_field(key_, "a graph file", {format::file_keys.begin(), format::file_keys.end()}));
      skip_ = true;
    }
    return true;
  }
  bool version(std::string_view text, std::uint64_t end) {
    if (!skip_ && text != "1")
      problems_.at_offset(end, true, ErrorCode::value,
                          "unsupported format version " + std::string(text) + " (this diplograph reads version 1)");
    return true;
  }
  bool member_object(std::uint64_t end) {
    Target target = Target::skip;
    if (skip_) {
    } else if (member_ != Member::schema) {
      wrong_member_kind(end, false, std::string(kind_noun(Kind::object)));
    } else if (!may_embed_schema_) {
      problems_.at_offset(end, false, ErrorCode::schema,
                          "a graph directory takes its schema from schema.json; this file may not embed one");
    } else if (shared_.assembler) {
      problems_.at_offset(end, false, ErrorCode::schema, "'schema' must come before 'nodes' and 'edges'");
    } else {
      target = Target::schema;
    }
    return begin_subtree(target) && builder_.start_object(end);
  }
  bool member_array(std::uint64_t end) {
    const bool section = member_ == Member::nodes || member_ == Member::edges;
    if (!skip_ && section && ensure_assembler(end)) {
      state_ = State::section;
      return true;
    }
    if (!skip_ && !section) wrong_member_kind(end, false, std::string(kind_noun(Kind::array)));
    return begin_subtree(Target::skip) && builder_.start_array(end);
  }
  bool scalar(Kind kind, std::uint64_t end) {
    if (state_ == State::before_root) return root_not_object(end);
    if (state_ == State::members && !skip_) wrong_member_kind(end, true, std::string(kind_noun(kind)));
    if (state_ == State::section) not_an_item(end, true, kind);
    return true;
  }
  bool root_not_object(std::uint64_t offset) {
    failure = Failure{offset, "a graph file must hold one JSON object", false};
    return false;
  }
  void wrong_member_kind(std::uint64_t offset, bool token_end, const std::string& got) {
    const char* wanted = member_ == Member::schema    ? "an object"
                         : member_ == Member::version ? "the number 1"
                                                      : "an array";
    problems_.at_offset(offset, token_end, ErrorCode::schema,
                        detail::quote(key_) + " must be " + wanted + ", not " + got);
  }
  void not_an_item(std::uint64_t offset, bool token_end, Kind kind) {
    problems_.at_offset(offset, token_end, ErrorCode::schema,
                        "each of " + detail::quote(key_) + " must be an object, not " + std::string(kind_noun(kind)));
  }
  bool ensure_assembler(std::uint64_t offset) {
    if (shared_.assembler) return true;
    if (auto schema = shared_.schema_beside.take(shared_.diagnostics)) {
      shared_.start(std::move(*schema));
      return true;
    }
    if (!no_schema_reported_)
      problems_.at_offset(offset, false, ErrorCode::schema,
                          "no schema: embed a \"schema\" member before the nodes, or put schema.json beside the file");
    no_schema_reported_ = true;
    return false;
  }

  // --- values read whole into a tree

  bool begin_subtree(Target target) {
    tree_.clear();
    subtree_target_ = target;
    subtree_return_ = state_;
    state_ = State::subtree;
    return true;
  }
  bool subtree_event(bool ok) {
    if (!ok || !tree_.complete()) return ok;
    state_ = subtree_return_;
    if (subtree_target_ == Target::schema) read_embedded_schema();
    return true;
  }
  void read_embedded_schema() {
    if (auto schema = read_schema(tree_, tree_.root(), problems_)) {
      shared_.start(std::move(*schema));
    } else {
      // The schema's own problems say it all: no other schema, and no "no schema" complaint.
      shared_.schema_beside.stop();
      no_schema_reported_ = true;
    }
  }

  // --- nodes and edges
  // They go through the fast reader; one it gives up on is read again with the tree reader,
  // which reports what is wrong. Problems the assembler finds are placed once it is done, by
  // reading the item again.

  bool begin_item(std::uint64_t offset) {
    auto& feed = *shared_.feed;
    edge_ = member_ == Member::edges;
    item_offset_ = offset;
    state_ = State::item;
    fast_.begin(edge_ ? nullptr : &feed.node_slot(), edge_ ? &feed.edge_slot() : nullptr);
    fast_.start_object();
    return true;
  }
  bool item_event(bool closed) {
    if (!closed) return true;
    state_ = State::section;
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
  State state_ = State::before_root;
  // The top-level member being read, and the names met so far.
  std::string key_;
  Member member_ = Member::other;
  bool skip_ = false;  // a repeated or unknown member: read past it
  std::vector<std::string> seen_;
  bool versioned_ = false;
  bool no_schema_reported_ = false;
  // State::subtree
  Tree tree_;
  TreeBuilder builder_{tree_};
  Target subtree_target_ = Target::skip;
  State subtree_return_ = State::members;
  // State::item
  FastItem fast_;
  bool edge_ = false;
  std::uint64_t item_offset_ = 0;
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
// otherwise `shared.schema_beside` gives it to a file that embeds none.
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

}  // namespace

Schema load_schema(const fs::path& file, const LoadOptions& options) {
  std::vector<Diagnostic> diagnostics;
  Tree tree;
  TreeBuilder builder(tree);
  // Read once and kept: a schema file is small, and its text places each type (declared_at).
  const std::string text = detail::read_input(file, options.max_file_size);
  if (auto syntax = parse_text(text, file.string(), builder)) throw Error(std::vector<Diagnostic>{*syntax});
  FileProblems problems(file.string(), diagnostics, text);
  auto schema = read_schema(tree, tree.root(), problems, true);
  if (!schema) throw Error(std::move(diagnostics));
  return std::move(*schema);
}

// A hint only: 0 when the size cannot be read (the read itself reports why).
std::uint64_t file_size_or_zero(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  return ec ? 0 : size;
}

Graph load(const fs::path& path, const LoadOptions& options) {
  std::error_code ec;
  const bool directory = fs::is_directory(path, ec);
  if (!directory && !path_exists(path)) throw_io(path, ENOENT);
  const std::vector<fs::path> files = directory ? graph_files(path) : std::vector<fs::path>{path};
  GraphFile::Shared shared;
  for (const auto& f : files) shared.input_bytes += file_size_or_zero(f);
  const fs::path schema_file = (directory ? path : path.parent_path()) / "schema.json";
  if (directory) {
    shared.start(load_schema(schema_file, options));
  } else {
    shared.schema_beside.look_in(schema_file, options);
  }
  std::vector<Input> inputs;
  for (const auto& f : files) inputs.push_back({f, std::nullopt});
  return load_inputs(inputs, shared, directory, options.max_file_size);
}

Graph load_from_string(std::string_view text, const std::string& name, const std::optional<Schema>& schema) {
  GraphFile::Shared shared;
  shared.input_bytes = text.size();
  shared.schema_beside.give(schema);
  return load_inputs({Input{name, text}}, shared, false, 0);
}

}  // namespace diplograph
