#include "io/json/item_reader.hpp"

#include "io/json/schema_reader.hpp"

namespace diplograph::detail::json {

namespace {

constexpr std::string_view node_fields[] = {"id",   "type",  "label", "aliases",  "props",
                                            "date", "start", "end",   "modality", "sources"};
constexpr std::string_view edge_fields[] = {"id",   "type",  "from", "to",       "props",
                                            "date", "start", "end",  "modality", "sources"};

// Reads the fields common to nodes and edges; returns false for a field it does not know.
class ItemReader {
 public:
  ItemReader(const Tree& tree, FileProblems& problems, std::string_view what)
      : tree_(tree), problems_(problems), what_(what) {}

  void error(NodeId v, ErrorCode code, std::string message) { problems_.at_value(tree_, v, code, std::move(message)); }

  bool string(NodeId v, std::string_view field, std::string& out) {
    if (tree_[v].kind != Kind::string) {
      error(v, ErrorCode::value,
            "'" + std::string(field) + "' must be a string, not " + std::string(kind_noun(tree_[v].kind)));
      return false;
    }
    out = tree_.text(v);
    return true;
  }

  void date(NodeId v, std::string_view field, std::optional<Date>& out) {
    std::string text;
    if (!string(v, field, text)) return;
    Date d;
    std::string why;
    if (Date::try_parse(text, d, &why))
      out = d;
    else
      error(v, ErrorCode::value, "bad date '" + text + "' in '" + std::string(field) + "': " + why);
  }

  Value value(NodeId v) {
    Value out;
    switch (tree_[v].kind) {
      case Kind::null:
        break;
      case Kind::boolean:
        out = Value(tree_[v].boolean);
        break;
      case Kind::string:
        out = Value(std::string(tree_.text(v)));
        break;
      case Kind::number:
        if (!number_value(tree_.text(v), out))
          error(v, ErrorCode::value, "number " + std::string(tree_.text(v)) + " is out of range");
        break;
      case Kind::array: {
        List items;
        tree_.for_each_child(v, [&](NodeId c) {
          if (tree_[c].kind == Kind::array || tree_[c].kind == Kind::object)
            error(c, ErrorCode::value,
                  "a property list holds plain values, not " + std::string(kind_noun(tree_[c].kind)));
          else
            items.push_back(value(c));
        });
        out = Value(std::move(items));
        break;
      }
      case Kind::object:
        error(v, ErrorCode::value, "a property value cannot be an object");
        break;
    }
    return out;
  }

  // Returns false when `key` is none of the common fields.
  template <class Data>
  bool common(std::string_view key, NodeId v, Data& d) {
    if (key == "props") {
      if (tree_[v].kind != Kind::object) {
        error(v, ErrorCode::value, "'props' must be an object, not " + std::string(kind_noun(tree_[v].kind)));
        return true;
      }
      for_each_member(tree_, v, problems_, [&](std::string_view name, NodeId p) {
        d.props.push_back({std::string(name), value(p)});
      });
    } else if (key == "date") {
      date(v, key, d.date);
    } else if (key == "start") {
      date(v, key, d.start);
    } else if (key == "end") {
      date(v, key, d.end);
    } else if (key == "modality") {
      std::string m;
      if (!string(v, key, m)) return true;
      bool found = false;
      for (auto candidate : {Modality::actual, Modality::expected, Modality::possible, Modality::hypothetical})
        if (modality_name(candidate) == m) d.modality = candidate, found = true;
      if (!found)
        error(v, ErrorCode::value, "unknown modality '" + m + "' (one of actual, expected, possible, hypothetical)");
    } else if (key == "sources") {
      sources(v, d.sources);
    } else {
      return false;
    }
    return true;
  }

  void sources(NodeId v, std::vector<Citation>& out) {
    if (tree_[v].kind != Kind::array) {
      error(v, ErrorCode::value, "'sources' must be an array, not " + std::string(kind_noun(tree_[v].kind)));
      return;
    }
    tree_.for_each_child(v, [&](NodeId c) {
      Citation citation;
      if (tree_[c].kind != Kind::object) {
        error(c, ErrorCode::value, "each citation must be an object, not " + std::string(kind_noun(tree_[c].kind)));
        out.push_back(citation);  // keeps the citations' positions in step with the array
        return;
      }
      bool has_source = false;
      for_each_member(tree_, c, problems_, [&](std::string_view key, NodeId f) {
        if (key == "source") {
          has_source = string(f, key, citation.source);
        } else if (key == "quote") {
          string(f, key, citation.quote);
        } else if (key == "stance") {
          std::string stance;
          if (!string(f, key, stance)) return;
          if (stance == "disputes")
            citation.stance = Stance::disputes;
          else if (stance != "asserts")
            error(f, ErrorCode::value, "unknown stance '" + stance + "' (one of asserts, disputes)");
        } else {
          problems_.at_key(tree_, f, ErrorCode::schema,
                           unknown_field(key, "a citation", {"source", "quote", "stance"}));
        }
      });
      if (!has_source) {
        error(c, ErrorCode::schema, "citation has no 'source'");
        citation.source.clear();
      }
      out.push_back(std::move(citation));
    });
  }

  void unknown(NodeId v, std::string_view key, std::span<const std::string_view> fields) {
    problems_.at_key(tree_, v, ErrorCode::schema,
                     unknown_field(key, what_, std::vector<std::string_view>(fields.begin(), fields.end())));
  }

 private:
  const Tree& tree_;
  FileProblems& problems_;
  std::string what_;
};

bool require(const Tree& tree, FileProblems& problems, bool present, std::string_view what, std::string_view field) {
  if (!present)
    problems.at_value(tree, tree.root(), ErrorCode::schema, std::string(what) + " has no '" + std::string(field) + "'");
  return present;
}

}  // namespace

bool read_node(const Tree& tree, FileProblems& problems, NodeData& n) {
  n = NodeData{};  // the slow path: whatever the fast reader left is dropped
  ItemReader r(tree, problems, "a node");
  bool has_id = false, has_type = false, has_label = false;
  for_each_member(tree, tree.root(), problems, [&](std::string_view key, NodeId v) {
    if (key == "id")
      has_id = r.string(v, key, n.id);
    else if (key == "type")
      has_type = r.string(v, key, n.type);
    else if (key == "label")
      has_label = r.string(v, key, n.label);
    else if (key == "aliases") {
      if (tree[v].kind != Kind::array) {
        r.error(v, ErrorCode::value, "'aliases' must be an array of strings");
        return;
      }
      tree.for_each_child(v, [&](NodeId a) {
        std::string alias;
        if (r.string(a, "aliases", alias)) n.aliases.push_back(std::move(alias));
      });
    } else if (!r.common(key, v, n)) {
      r.unknown(v, key, node_fields);
    }
  });
  if (has_id && has_type && has_label) return true;
  const std::string what = has_id ? "node '" + n.id + "'" : "a node";
  const bool ok = require(tree, problems, has_id, what, "id") & require(tree, problems, has_type, what, "type");
  if (has_id && !has_label) require(tree, problems, false, what, "label"), n.label = n.id;
  return ok;
}

bool read_edge(const Tree& tree, FileProblems& problems, EdgeData& e) {
  e = EdgeData{};
  ItemReader r(tree, problems, "an edge");
  bool has_type = false, has_from = false, has_to = false;
  for_each_member(tree, tree.root(), problems, [&](std::string_view key, NodeId v) {
    if (key == "id")
      r.string(v, key, e.id);
    else if (key == "type")
      has_type = r.string(v, key, e.type);
    else if (key == "from")
      has_from = r.string(v, key, e.from);
    else if (key == "to")
      has_to = r.string(v, key, e.to);
    else if (!r.common(key, v, e))
      r.unknown(v, key, edge_fields);
  });
  if (has_type && has_from && has_to) return true;
  const std::string what = e.id.empty() ? "an edge" : "edge '" + e.id + "'";
  require(tree, problems, has_type, what, "type"), require(tree, problems, has_from, what, "from");
  require(tree, problems, has_to, what, "to");
  return false;
}

Location field_location(const Tree& tree, const Problem& p, FileProblems& problems) {
  const char* name = nullptr;
  switch (p.field) {
    case Field::object:
      break;
    case Field::id:
      name = "id";
      break;
    case Field::type:
      name = "type";
      break;
    case Field::label:
      name = "label";
      break;
    case Field::from:
      name = "from";
      break;
    case Field::to:
      name = "to";
      break;
    case Field::date:
      name = "date";
      break;
    case Field::start:
      name = "start";
      break;
    case Field::end:
      name = "end";
      break;
    case Field::prop:
      name = "props";
      break;
    case Field::source:
      name = "sources";
      break;
  }
  NodeId target = tree.root();
  if (name) {
    tree.for_each_child(tree.root(), [&](NodeId c) {
      if (target == tree.root() && tree.key(c) == name) target = c;
    });
  }
  if (target != tree.root() && p.field == Field::prop) {
    const NodeId props = target;
    tree.for_each_child(props, [&](NodeId c) {
      if (target == props && tree.key(c) == p.key) target = c;
    });
  } else if (target != tree.root() && p.field == Field::source && tree[target].kind == Kind::array) {
    std::uint32_t i = 0;
    NodeId citation = none;
    tree.for_each_child(target, [&](NodeId c) {
      if (i++ == p.sub) citation = c;
    });
    if (citation != none) {
      target = citation;
      tree.for_each_child(citation, [&](NodeId c) {
        if (target == citation && tree.key(c) == "source") target = c;
      });
    }
  }
  return problems.value_location(tree, target);
}

void reread_item(FileProblems& problems, std::uint64_t offset, Tree& tree) {
  tree.clear();
  TreeBuilder builder(tree, offset);
  parse_text(problems.positions().text().substr(offset), problems.file().string(), builder, true);
}

}  // namespace diplograph::detail::json
