#include "io/json/item_reader.hpp"

#include "core/messages.hpp"
#include "graph/enum_names.hpp"
#include "io/json/format.hpp"
#include "io/json/schema_reader.hpp"

namespace diplograph::detail::json {

namespace {

using format::CitationField;
using format::ItemField;

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

  // A string naming a value of an enum, spelled as in its table.
  template <class E, std::size_t N>
  void enumerated(NodeId v, std::string_view field, std::string_view what, const EnumNames<E, N>& names, E& out) {
    std::string text;
    if (!string(v, field, text)) return;
    if (auto parsed = names.parse(text))
      out = *parsed;
    else
      error(v, ErrorCode::value, detail::unknown(what, text) + one_of(names.all()));
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

  // The fields nodes and edges share.
  template <class Data>
  void common(ItemField field, NodeId v, Data& d) {
    const std::string_view key = name(field);
    switch (field) {
      case ItemField::props:
        if (tree_[v].kind != Kind::object) {
          error(v, ErrorCode::value, quote(key) + " must be an object, not " + std::string(kind_noun(tree_[v].kind)));
          return;
        }
        for_each_member(tree_, v, problems_, [&](std::string_view prop, NodeId p) {
          d.props.push_back({std::string(prop), value(p)});
        });
        return;
      case ItemField::date:
        return date(v, key, d.date);
      case ItemField::start:
        return date(v, key, d.start);
      case ItemField::end:
        return date(v, key, d.end);
      case ItemField::modality:
        return enumerated(v, key, "modality", modality_names, d.modality);
      case ItemField::sources:
        return sources(v, d.sources);
      default:
        return;  // the fields of one kind only are read by read_node and read_edge
    }
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
        const auto field = format::citation_field_names.parse(key);
        if (!field) {
          problems_.at_key(tree_, f, ErrorCode::schema,
                           unknown_field(key, "a citation", format::citation_field_names.all()));
          return;
        }
        switch (*field) {
          case CitationField::source:
            has_source = string(f, key, citation.source);
            break;
          case CitationField::quote:
            string(f, key, citation.quote);
            break;
          case CitationField::stance:
            enumerated(f, key, "stance", stance_names, citation.stance);
            break;
        }
      });
      if (!has_source) {
        error(c, ErrorCode::schema, "citation has no " + quote(name(CitationField::source)));
        citation.source.clear();
      }
      out.push_back(std::move(citation));
    });
  }

  void unknown(NodeId v, std::string_view key, const std::vector<std::string_view>& fields) {
    problems_.at_key(tree_, v, ErrorCode::schema, unknown_field(key, what_, fields));
  }

 private:
  const Tree& tree_;
  FileProblems& problems_;
  std::string what_;
};

bool require(const Tree& tree, FileProblems& problems, bool present, std::string_view what, ItemField field) {
  if (!present)
    problems.at_value(tree, tree.root(), ErrorCode::schema, std::string(what) + " has no " + quote(name(field)));
  return present;
}

}  // namespace

bool read_node(const Tree& tree, FileProblems& problems, NodeData& n) {
  n = NodeData{};  // the slow path: whatever the fast reader left is dropped
  ItemReader r(tree, problems, "a node");
  bool has_id = false, has_type = false, has_label = false;
  for_each_member(tree, tree.root(), problems, [&](std::string_view key, NodeId v) {
    const auto field = format::parse_field(key, false);
    if (!field) return r.unknown(v, key, format::field_names(false));
    switch (*field) {
      case ItemField::id:
        has_id = r.string(v, key, n.id);
        break;
      case ItemField::type:
        has_type = r.string(v, key, n.type);
        break;
      case ItemField::label:
        has_label = r.string(v, key, n.label);
        break;
      case ItemField::aliases:
        if (tree[v].kind != Kind::array) {
          r.error(v, ErrorCode::value, quote(key) + " must be an array of strings");
          break;
        }
        tree.for_each_child(v, [&](NodeId a) {
          std::string alias;
          if (r.string(a, key, alias)) n.aliases.push_back(std::move(alias));
        });
        break;
      default:
        r.common(*field, v, n);
    }
  });
  if (has_id && has_type && has_label) return true;
  const std::string what = has_id ? "node '" + n.id + "'" : "a node";
  const bool ok =
      require(tree, problems, has_id, what, ItemField::id) & require(tree, problems, has_type, what, ItemField::type);
  if (has_id && !has_label) require(tree, problems, false, what, ItemField::label), n.label = n.id;
  return ok;
}

bool read_edge(const Tree& tree, FileProblems& problems, EdgeData& e) {
  e = EdgeData{};
  ItemReader r(tree, problems, "an edge");
  bool has_type = false, has_from = false, has_to = false;
  for_each_member(tree, tree.root(), problems, [&](std::string_view key, NodeId v) {
    const auto field = format::parse_field(key, true);
    if (!field) return r.unknown(v, key, format::field_names(true));
    switch (*field) {
      case ItemField::id:
        r.string(v, key, e.id);
        break;
      case ItemField::type:
        has_type = r.string(v, key, e.type);
        break;
      case ItemField::from:
        has_from = r.string(v, key, e.from);
        break;
      case ItemField::to:
        has_to = r.string(v, key, e.to);
        break;
      default:
        r.common(*field, v, e);
    }
  });
  if (has_type && has_from && has_to) return true;
  const std::string what = e.id.empty() ? "an edge" : "edge '" + e.id + "'";
  require(tree, problems, has_type, what, ItemField::type), require(tree, problems, has_from, what, ItemField::from);
  require(tree, problems, has_to, what, ItemField::to);
  return false;
}

namespace {
// The member of the item's JSON that each kind of assembler problem concerns.
std::optional<ItemField> json_field(Field field) {
  switch (field) {
    case Field::object:
      return std::nullopt;
    case Field::id:
      return ItemField::id;
    case Field::type:
      return ItemField::type;
    case Field::label:
      return ItemField::label;
    case Field::from:
      return ItemField::from;
    case Field::to:
      return ItemField::to;
    case Field::date:
      return ItemField::date;
    case Field::start:
      return ItemField::start;
    case Field::end:
      return ItemField::end;
    case Field::prop:
      return ItemField::props;
    case Field::source:
      return ItemField::sources;
  }
  return std::nullopt;
}
}  // namespace

Location field_location(const Tree& tree, const Problem& p, FileProblems& problems) {
  const std::optional<ItemField> field = json_field(p.field);
  NodeId target = tree.root();
  if (field) {
    tree.for_each_child(tree.root(), [&](NodeId c) {
      if (target == tree.root() && tree.key(c) == name(*field)) target = c;
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
        if (target == citation && tree.key(c) == name(CitationField::source)) target = c;
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
