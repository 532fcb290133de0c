#include "io/json/schema_reader.hpp"

#include <charconv>
#include <cmath>

#include "core/messages.hpp"
#include "diplograph/json.hpp"
#include "schema/enum_names.hpp"
#include "schema/located_parts.hpp"

namespace diplograph::detail::json {

bool number_value(std::string_view text, Value& out) {
  const char* end = text.data() + text.size();
  if (text.find_first_of(".eE") == std::string_view::npos) {
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(text.data(), end, i);
    if (ec == std::errc() && p == end) {
      out = Value(i);
      return true;
    }
  }
  double d = 0;
  auto [p, ec] = std::from_chars(text.data(), end, d);
  if (ec != std::errc() || p != end || !std::isfinite(d)) return false;
  out = Value(d);
  return true;
}

namespace {

struct SchemaReader {
  const Tree& tree;
  FileProblems& problems;
  std::vector<NodeId> node_values, edge_values;  // where each type is declared
  NodeId source_type_value = none;

  void error(NodeId v, std::string message) { problems.at_value(tree, v, ErrorCode::schema, std::move(message)); }

  bool expect(NodeId v, Kind kind, std::string_view what) {
    if (tree[v].kind == kind) return true;
    error(v, std::string(what) + " must be " + std::string(kind_noun(kind)) + ", not " +
                 std::string(kind_noun(tree[v].kind)));
    return false;
  }
  std::string string(NodeId v, std::string_view what) {
    return expect(v, Kind::string, what) ? std::string(tree.text(v)) : std::string();
  }
  bool boolean(NodeId v, std::string_view what) { return expect(v, Kind::boolean, what) && tree[v].boolean; }
  std::vector<std::string> strings(NodeId v, std::string_view what) {
    std::vector<std::string> out;
    if (!expect(v, Kind::array, what)) return out;
    tree.for_each_child(v, [&](NodeId c) {
      if (expect(c, Kind::string, std::string(what) + " entries")) out.emplace_back(tree.text(c));
    });
    return out;
  }
  template <class F>
  void members(NodeId v, std::string_view what, F&& f) {
    if (expect(v, Kind::object, what)) for_each_member(tree, v, problems, f);
  }
  void unknown(NodeId v, std::string_view key, std::string_view where, std::vector<std::string_view> known) {
    problems.at_key(tree, v, ErrorCode::schema, unknown_field(key, where, known));
  }

  std::vector<PropertySpec> props(NodeId v, const std::string& owner) {
    std::vector<PropertySpec> out;
    members(v, "'props' of " + owner, [&](std::string_view name, NodeId spec_value) {
      PropertySpec spec;
      spec.name = name;
      const std::string what = "property '" + spec.name + "' of " + owner;
      bool has_type = false;
      members(spec_value, what, [&](std::string_view key, NodeId f) {
        if (key == "type") {
          has_type = true;
          const std::string t = string(f, what + ": 'type'");
          if (auto kind = parse_kind(t))
            spec.kind = *kind;
          else if (tree[f].kind == Kind::string)
            error(f, what + ": " + detail::unknown("property type", t, kind_names.all()));
        } else if (key == "vocabulary") {
          spec.vocabulary = string(f, what + ": 'vocabulary'");
        } else if (key == "list") {
          spec.list = boolean(f, what + ": 'list'");
        } else if (key == "required") {
          spec.required = boolean(f, what + ": 'required'");
        } else if (key == "doc") {
          spec.doc = string(f, what + ": 'doc'");
        } else {
          unknown(f, key, what, {"type", "vocabulary", "list", "required", "doc"});
        }
      });
      if (!has_type) error(spec_value, what + " has no 'type'");
      if (spec.kind == ValueKind::enumeration && spec.vocabulary.empty())
        error(spec_value, what + ": an enum property needs a 'vocabulary'");
      out.push_back(std::move(spec));
    });
    return out;
  }

  void plover(NodeId v, Schema::Parts& parts) {
    members(v, "'plover'", [&](std::string_view key, NodeId f) {
      if (key == "version") {
        parts.plover_version = string(f, "'plover.version'");
      } else if (key == "categories") {
        members(f, "'plover.categories'", [&](std::string_view name, NodeId c) {
          PloverCategory category;
          category.name = name;
          const std::string what = "PLOVER category '" + category.name + "'";
          bool has_quad = false;
          members(c, what, [&](std::string_view k, NodeId x) {
            if (k == "quad") {
              has_quad = true;
              const std::string q = string(x, what + ": 'quad'");
              if (auto quad = parse_quad(q))
                category.quad = *quad;
              else if (tree[x].kind == Kind::string)
                error(x, what + ": " + detail::unknown("quad class", q) + one_of(quad_names.all()));
            } else if (k == "score") {
              Value score;
              if (expect(x, Kind::number, what + ": 'score'")) {
                if (!number_value(tree.text(x), score) || score.as_real() < -10 || score.as_real() > 10)
                  error(x, what + ": score " + std::string(tree.text(x)) + " is not within -10..10");
                else
                  category.score = score.as_real();
              }
            } else if (k == "doc") {
              category.doc = string(x, what + ": 'doc'");
            } else {
              unknown(x, k, what, {"quad", "score", "doc"});
            }
          });
          if (!has_quad) error(c, what + " has no 'quad'");
          parts.plover.push_back(std::move(category));
        });
      } else {
        unknown(f, key, "'plover'", {"version", "categories"});
      }
    });
  }

  // The schema file's top level: each member goes to the step that reads it.
  Schema::Parts read(NodeId root) {
    Schema::Parts parts;
    bool versioned = false;
    members(root, "a schema", [&](std::string_view key, NodeId f) {
      if (key == "diplograph_schema")
        versioned = true, version(f);
      else if (key == "plover")
        plover(f, parts);
      else if (key == "provenance")
        provenance(f, parts);
      else if (key == "vocabularies")
        vocabularies(f, parts);
      else if (key == "node_types")
        types(f, "'node_types'", node_values, parts.node_types, &SchemaReader::node_type);
      else if (key == "edge_types")
        types(f, "'edge_types'", edge_values, parts.edge_types, &SchemaReader::edge_type);
      else
        unknown(f, key, "a schema",
                {"diplograph_schema", "plover", "provenance", "vocabularies", "node_types", "edge_types"});
    });
    if (tree[root].kind == Kind::object && !versioned)
      error(root, "not a diplograph schema: missing \"diplograph_schema\": 1");
    return parts;
  }

  void version(NodeId v) {
    if (tree[v].kind != Kind::number || tree.text(v) != "1")
      error(v, "unsupported schema version " + quote(tree.text(v)) + " (this diplograph reads version 1)");
  }

  void provenance(NodeId v, Schema::Parts& parts) {
    members(v, "'provenance'", [&](std::string_view k, NodeId x) {
      if (k == "source_type") {
        source_type_value = x;
        parts.source_type = string(x, "'provenance.source_type'");
      } else if (k == "required")
        parts.sources_required = boolean(x, "'provenance.required'");
      else
        unknown(x, k, "'provenance'", {"source_type", "required"});
    });
  }

  void vocabularies(NodeId v, Schema::Parts& parts) {
    members(v, "'vocabularies'", [&](std::string_view name, NodeId x) {
      parts.vocabularies.push_back({std::string(name), strings(x, "vocabulary " + quote(name))});
    });
  }

  // Each member of `v` read by `read_one`, remembering where it was declared.
  template <class Item>
  void types(NodeId v, std::string_view what, std::vector<NodeId>& declared, std::vector<Item>& out,
             Item (SchemaReader::*read_one)(std::string_view, NodeId)) {
    members(v, what, [&](std::string_view name, NodeId x) {
      declared.push_back(x);
      out.push_back((this->*read_one)(name, x));
    });
  }

  Schema::Parts::Node node_type(std::string_view name, NodeId v) {
    Schema::Parts::Node n;
    n.name = name;
    const std::string what = "node type " + quote(name);
    members(v, what, [&](std::string_view k, NodeId y) {
      if (k == "parent")
        n.parent = string(y, what + ": 'parent'");
      else if (k == "abstract")
        n.abstract = boolean(y, what + ": 'abstract'");
      else if (k == "doc")
        n.doc = string(y, what + ": 'doc'");
      else if (k == "props")
        n.props = props(y, what);
      else
        unknown(y, k, what, {"parent", "abstract", "doc", "props"});
    });
    return n;
  }

  Schema::Parts::Edge edge_type(std::string_view name, NodeId v) {
    Schema::Parts::Edge e;
    e.name = name;
    const std::string what = "edge type " + quote(name);
    members(v, what, [&](std::string_view k, NodeId y) {
      if (k == "from")
        e.from = strings(y, what + ": 'from'");
      else if (k == "to")
        e.to = strings(y, what + ": 'to'");
      else if (k == "doc")
        e.doc = string(y, what + ": 'doc'");
      else if (k == "props")
        e.props = props(y, what);
      else if (k == "date")
        e.date = date_rule(y, what);
      else
        unknown(y, k, what, {"from", "to", "date", "doc", "props"});
    });
    return e;
  }

  DateRule date_rule(NodeId v, const std::string& what) {
    const std::string rule = string(v, what + ": 'date'");
    if (rule == "required") return DateRule::required;
    if (rule != "optional" && tree[v].kind == Kind::string)
      error(v, what + ": 'date' must be \"required\" or \"optional\", not " + quote(rule));
    return DateRule::optional;
  }
};

}  // namespace

std::optional<Schema> read_schema(const Tree& tree, NodeId object, FileProblems& problems, bool place_types) {
  std::vector<Diagnostic> found;
  FileProblems local(problems, found);
  SchemaReader reader{tree, local, {}, {}, none};
  Schema::Parts parts = reader.read(object);
  for (auto& d : found) problems.add(std::move(d));
  if (!found.empty()) return std::nullopt;
  auto place = [&] {
    PartLocations where;
    for (std::size_t i = 0; i < parts.node_types.size(); ++i)
      where.node_types.push_back(problems.value_location(tree, reader.node_values[i]));
    for (std::size_t i = 0; i < parts.edge_types.size(); ++i)
      where.edge_types.push_back(problems.value_location(tree, reader.edge_values[i]));
    if (reader.source_type_value != none) where.source_type = problems.value_location(tree, reader.source_type_value);
    return where;
  };
  try {
    return place_types ? SchemaAccess::from_parts(parts, place()) : Schema::from_parts(parts);
  } catch (const Error&) {
    // Only now are positions worth reading: place each type at its declaration and check again.
    // Placed before the call: an argument list's evaluation order is unspecified, and
    // moving `parts` first (clang does) would leave place() nothing to place.
    const PartLocations where = place();
    try {
      (void)SchemaAccess::from_parts(std::move(parts), where);
    } catch (const Error& e) {
      for (const auto& d : e.diagnostics()) problems.add(d);
    }
    return std::nullopt;
  }
}

}  // namespace diplograph::detail::json
