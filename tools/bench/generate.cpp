// diplograph-generate: writes a large synthetic graph (schema.json + graph.json) that is valid
// against the given schema, for benchmarks. Deterministic for a given seed.

#include <CLI/CLI.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/error.hpp"
#include "diplograph/json.hpp"
#include "diplograph/schema.hpp"

namespace {

namespace dg = diplograph;

// std distributions differ between standard libraries; these do not.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n), n > 0; rejection removes the modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do x = engine_();
    while (x >= limit);
    return x % n;
  }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& v) {
    return v[below(N)];
  }
  // Skewed towards small indices, so that some nodes become hubs.
  std::uint64_t skewed_below(std::uint64_t n) {
    const double u = unit();
    const auto i = static_cast<std::uint64_t>(u * u * static_cast<double>(n));
    return i < n ? i : n - 1;
  }

 private:
  std::mt19937_64 engine_;
};

// Buffered output straight to a FILE, so the whole graph never sits in memory.
class Output {
 public:
  explicit Output(const std::filesystem::path& file) : file_(std::fopen(file.c_str(), "wb")) {
    if (!file_) throw std::runtime_error("cannot write " + file.string());
    buffer_.reserve(capacity);
  }
  ~Output() {
    if (file_) std::fclose(file_);
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  Output& operator<<(std::string_view s) {
    buffer_ += s;
    if (buffer_.size() >= capacity) flush();
    return *this;
  }
  Output& operator<<(std::uint64_t n) { return *this << std::string_view(std::to_string(n)); }
  // A JSON string literal; escapes what JSON requires.
  Output& quoted(std::string_view s) {
    buffer_ += '"';
    for (const char c : s) {
      if (c == '"' || c == '\\') {
        buffer_ += '\\';
        buffer_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
        buffer_ += hex;
      } else {
        buffer_ += c;
      }
    }
    buffer_ += '"';
    return *this;
  }
  void close() {
    flush();
    if (std::fclose(file_) != 0) throw std::runtime_error("write failed");
    file_ = nullptr;
  }

 private:
  static constexpr std::size_t capacity = 1 << 20;
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw std::runtime_error("write failed");
    buffer_.clear();
  }
  std::FILE* file_;
  std::string buffer_;
};

// Words for labels: Latin, Azerbaijani (ə, ı, ş, ğ, ç, ö, ü, İ) and Cyrillic.
constexpr std::array<std::string_view, 24> words = {
    "Baku",    "Moscow",      "Əliyev", "Şuşa",     "Gəncə",      "İlham",       "Xankəndi", "Naxçıvan",
    "Qarabağ", "Sumqayıt",    "Dağlıq", "Ağdam",    "Москва",     "Россия",      "Кремль",   "Путин",
    "Лавров",  "Азербайджан", "Каспий", "corridor", "commission", "declaration", "summit",   "Zəngəzur"};
constexpr std::array<std::string_view, 12> quotes = {
    "the downing of AZAL Flight 8243 of December 2024",
    "relations entered a “new normal”",
    "Baku and Moscow four years later",
    "Azərbaycan Respublikasının Prezidenti",
    "as Moscow’s influence in the South Caucasus wanes",
    "«в рамках союзнического взаимодействия»",
    "the so-called \"allied\" declaration",
    "Şuşa Bəyannaməsi",
    "the arrests in Yekaterinburg — and the raids that followed",
    "a calculated confrontation",
    "Кремль выразил сожаление",
    "the corridor through Zəngəzur",
};
constexpr std::array<std::string_view, 6> strings = {"transport corridor", "energy corridor", "city", "region",
                                                     "Nazirlər Kabineti",  "министерство"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A date at year, month or day precision, in [from_year, from_year + years).
std::string date(Random& r, int from_year, int years) {
  std::string s = std::to_string(from_year + static_cast<int>(r.below(static_cast<std::uint64_t>(years))));
  const auto precision = r.below(3);
  if (precision == 0) return s;
  const auto month = 1 + r.below(12);
  s += month < 10 ? "-0" : "-";
  s += std::to_string(month);
  if (precision == 1) return s;
  const auto day = 1 + r.below(28);
  s += day < 10 ? "-0" : "-";
  s += std::to_string(day);
  return s;
}

struct Plan {
  const dg::Schema& schema;
  std::vector<dg::TypeId> node_types;               // concrete, not Source
  std::vector<dg::TypeId> type_of;                  // per node
  std::vector<std::string> id_of;                   // per node
  std::vector<std::vector<std::uint32_t>> by_type;  // node indexes per TypeId
  std::vector<std::uint32_t> sources;               // Source node indexes
};

// Dates on a node or edge: a point, an uncertain span, an interval, or none.
void write_dates(Output& out, Random& r, bool required) {
  const auto roll = r.below(10);
  if (roll < 4 || required) {
    out << ", \"date\": \"" << date(r, 1991, 36) << "\"";
  } else if (roll < 5) {
    const int y = 1991 + static_cast<int>(r.below(30));
    out << ", \"date\": \"" << date(r, y, 1) << ".." << date(r, y + 1, 4) << "\"";
  } else if (roll < 7) {
    const int y = 1991 + static_cast<int>(r.below(30));
    out << ", \"start\": \"" << date(r, y, 1) << "\"";
    if (r.chance(0.6)) out << ", \"end\": \"" << date(r, y + 1, 5) << "\"";
  } else if (roll < 8) {
    out << ", \"end\": \"" << date(r, 1991, 36) << "\"";
  }
}

void write_value(Output& out, Random& r, const dg::Schema& schema, const dg::PropertySpec& spec) {
  switch (spec.kind) {
    case dg::ValueKind::string:
      out.quoted(r.pick(strings));
      break;
    case dg::ValueKind::integer:
      out << r.below(1000);
      break;
    case dg::ValueKind::real:
      out << std::string_view(std::to_string(r.below(10000)) + ".5");
      break;
    case dg::ValueKind::boolean:
      out << (r.chance(0.5) ? "true" : "false");
      break;
    case dg::ValueKind::date:
      out << "\"" << date(r, 1991, 36) << "\"";
      break;
    case dg::ValueKind::enumeration:
      if (spec.vocabulary == dg::Schema::plover_vocabulary) {
        const auto cats = schema.plover_categories();
        out.quoted(cats[r.below(cats.size())].name);
      } else {
        const auto& values = schema.vocabulary(spec.vocabulary)->values;
        out.quoted(r.pick(values));
      }
      break;
  }
}

// Required properties always, optional ones now and then.
void write_props(Output& out, Random& r, const dg::Schema& schema, const std::vector<const dg::PropertySpec*>& specs) {
  bool first = true;
  for (const auto* spec : specs) {
    if (!spec->required && !r.chance(0.15)) continue;
    out << (first ? ", \"props\": {" : ", ");
    first = false;
    out.quoted(spec->name) << ": ";
    if (spec->list) {
      const auto n = 1 + r.below(3);
      out << "[";
      for (std::uint64_t i = 0; i < n; ++i) {
        if (i) out << ", ";
        write_value(out, r, schema, *spec);
      }
      out << "]";
    } else {
      write_value(out, r, schema, *spec);
    }
  }
  if (!first) out << "}";
}

void write_sources(Output& out, Random& r, const Plan& plan) {
  out << ", \"sources\": [";
  const auto n = r.chance(0.1) ? 2 : 1;
  for (int i = 0; i < n; ++i) {
    if (i) out << ", ";
    out << "{\"source\": \"" << plan.id_of[r.pick(plan.sources)] << "\", \"quote\": ";
    out.quoted(r.pick(quotes));
    if (i == 1) out << ", \"stance\": \"disputes\"";
    out << "}";
  }
  out << "]";
}

std::string label(Random& r, std::uint64_t i) {
  std::string s(r.pick(words));
  s += ' ';
  s += r.pick(words);
  s += ' ';
  s += std::to_string(i);
  return s;
}

void write_node(Output& out, Random& r, const Plan& plan, std::uint32_t i) {
  const auto type = plan.type_of[i];
  const auto& nt = plan.schema.node_type(type);
  const bool is_source = type == plan.schema.source_type();
  out << (i ? ",\n" : "\n") << "{\"id\": \"" << plan.id_of[i] << "\", \"type\": \"" << nt.name << "\", \"label\": ";
  out.quoted(is_source ? "Article " + std::to_string(i) : label(r, i));
  if (r.chance(0.2)) {
    out << ", \"aliases\": [";
    out.quoted(r.pick(words)) << "]";
  }
  write_dates(out, r, false);
  if (r.chance(0.03)) out << ", \"modality\": \"expected\"";
  write_props(out, r, plan.schema, plan.schema.node_properties(type));
  if (!is_source) write_sources(out, r, plan);
  out << "}";
}

struct EdgeChoice {
  const dg::EdgeType* type;
  std::vector<std::uint32_t> from, to;  // candidate node indexes
};

std::vector<EdgeChoice> edge_choices(const Plan& plan) {
  std::vector<EdgeChoice> choices;
  for (const auto& et : plan.schema.edge_types()) {
    EdgeChoice c{&et, {}, {}};
    for (std::size_t t = 0; t < plan.by_type.size(); ++t) {
      const auto tid = static_cast<dg::TypeId>(t);
      bool as_from = false, as_to = false;
      for (const auto f : et.from) as_from |= plan.schema.is_a(tid, f);
      for (const auto f : et.to) as_to |= plan.schema.is_a(tid, f);
      if (as_from) c.from.insert(c.from.end(), plan.by_type[t].begin(), plan.by_type[t].end());
      if (as_to) c.to.insert(c.to.end(), plan.by_type[t].begin(), plan.by_type[t].end());
    }
    if (!c.from.empty() && !c.to.empty()) choices.push_back(std::move(c));
  }
  return choices;
}

void write_edge(Output& out, Random& r, const Plan& plan, const std::vector<EdgeChoice>& choices, std::uint64_t i) {
  const EdgeChoice* c;
  std::uint32_t from, to;
  do {
    c = &choices[r.below(choices.size())];
    from = c->from[r.skewed_below(c->from.size())];
    to = c->to[r.skewed_below(c->to.size())];
  } while (from == to || !plan.schema.allows(c->type->id, plan.type_of[from], plan.type_of[to]));
  out << (i ? ",\n" : "\n") << "{\"id\": \"e-" << i << "\", \"type\": \"" << c->type->name << "\", \"from\": \""
      << plan.id_of[from] << "\", \"to\": \"" << plan.id_of[to] << "\"";
  write_dates(out, r, c->type->date == dg::DateRule::required);
  if (r.chance(0.02)) out << ", \"modality\": \"possible\"";
  std::vector<const dg::PropertySpec*> specs;
  for (const auto& p : c->type->props) specs.push_back(&p);
  write_props(out, r, plan.schema, specs);
  write_sources(out, r, plan);
  out << "}";
}

Plan plan_nodes(const dg::Schema& schema, Random& r, std::uint32_t nodes) {
  Plan plan{schema, {}, {}, {}, std::vector<std::vector<std::uint32_t>>(schema.node_types().size()), {}};
  const auto source_type = schema.source_type();
  for (const auto& nt : schema.node_types())
    if (!nt.abstract && nt.id != source_type) plan.node_types.push_back(nt.id);
  if (plan.node_types.empty()) throw std::runtime_error("the schema has no concrete node type");
  // A few sources, every other node cites one of them.
  const std::uint32_t source_count = source_type ? std::min<std::uint32_t>(nodes / 2, 3 + nodes / 10000) : 0;
  for (std::uint32_t i = 0; i < nodes; ++i) {
    const dg::TypeId type = i < source_count ? *source_type : r.pick(plan.node_types);
    plan.type_of.push_back(type);
    plan.id_of.push_back(i < source_count ? "src-" + std::to_string(i)
                                          : lower(schema.node_type(type).name) + "-" + std::to_string(i));
    plan.by_type[type].push_back(i);
    if (i < source_count) plan.sources.push_back(i);
  }
  if (schema.sources_required() && plan.sources.empty()) throw std::runtime_error("too few nodes for the sources");
  return plan;
}

void generate(const std::filesystem::path& schema_file, std::uint32_t nodes, std::uint64_t edges, std::uint64_t seed,
              const std::filesystem::path& dir) {
  const dg::Schema schema = dg::load_schema(schema_file);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(schema_file, dir / "schema.json", std::filesystem::copy_options::overwrite_existing);
  Random r(seed);
  const Plan plan = plan_nodes(schema, r, nodes);
  const auto choices = edge_choices(plan);
  if (edges && choices.empty()) throw std::runtime_error("no edge type fits the generated nodes");

  Output out(dir / "graph.json");
  out << "{\"diplograph\": 1,\n\"nodes\": [";
  for (std::uint32_t i = 0; i < nodes; ++i) write_node(out, r, plan, i);
  out << "\n],\n\"edges\": [";
  for (std::uint64_t i = 0; i < edges; ++i) write_edge(out, r, plan, choices, i);
  out << "\n]}\n";
  out.close();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a synthetic diplograph graph (DIR/schema.json and DIR/graph.json) for benchmarks"};
  std::uint32_t nodes = 100000;
  std::uint64_t edges = 1000000;
  std::uint64_t seed = 1;
  std::string schema = DIPLOGRAPH_SOURCE_SCHEMA;
  std::string dir;
  app.add_option("--nodes", nodes, "Number of nodes")->capture_default_str()->check(CLI::Range(2u, 100000000u));
  app.add_option("--edges", edges, "Number of edges")->capture_default_str();
  app.add_option("--seed", seed, "Random seed; the same seed gives the same bytes")->capture_default_str();
  app.add_option("--schema", schema, "Schema to generate against (copied to DIR)")->capture_default_str();
  app.add_option("-o,--output", dir, "Output directory")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    generate(schema, nodes, edges, seed, dir);
  } catch (const dg::Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
