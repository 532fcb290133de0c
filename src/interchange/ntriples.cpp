#include <map>
#include <ostream>
#include <sstream>

#include "diplograph/interchange.hpp"
#include "interchange/text.hpp"

namespace diplograph {
namespace {

constexpr std::string_view rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
constexpr std::string_view skos_alt = "<http://www.w3.org/2004/02/skos/core#altLabel>";
constexpr std::string_view vocab = "urn:diplograph:vocab#";

class Writer {
 public:
  explicit Writer(std::ostream& os) : os_(os) {}
  ~Writer() { os_ << out_; }

  static std::string node(std::string_view id) { return wrap("urn:diplograph:node:", id); }
  static std::string type(std::string_view name) { return wrap("urn:diplograph:type:", name); }
  static std::string rel(std::string_view name) { return wrap("urn:diplograph:rel:", name); }
  static std::string prop(std::string_view name) { return wrap("urn:diplograph:prop:", name); }
  static std::string term(std::string_view ns, std::string_view local) {
    return "<" + std::string(ns) + std::string(local) + ">";
  }

  void triple(std::string_view s, std::string_view p, std::string_view o) {
    out_ += s;
    out_ += ' ';
    out_ += p;
    out_ += ' ';
    out_ += o;
    out_ += " .\n";
    if (out_.size() > (1 << 16)) {
      os_ << out_;
      out_.clear();
    }
  }
  void literal(std::string_view s, std::string_view p, std::string_view text) {
    std::string o;
    interchange::append_nt_string(o, text);
    triple(s, p, o);
  }
  std::string blank() { return "_:c" + std::to_string(blanks_++); }

 private:
  static std::string wrap(std::string_view ns, std::string_view local) {
    std::string s = "<";
    s += ns;
    interchange::append_iri_text(s, local);
    return s + ">";
  }
  std::ostream& os_;
  std::string out_;
  std::size_t blanks_ = 0;
};

std::string date_literal(const Date& d) {
  std::string o;
  interchange::append_nt_string(o, d.to_string());
  if (d.is_span()) return o;
  switch (d.precision()) {
    case Precision::year:
      return o + "^^" + Writer::term(xsd, "gYear");
    case Precision::month:
      return o + "^^" + Writer::term(xsd, "gYearMonth");
    case Precision::day:
      return o + "^^" + Writer::term(xsd, "date");
  }
  return o;
}

std::string day_literal(std::int32_t days) {
  return "\"" + Date::from_days(days).to_string() + "\"^^" + Writer::term(xsd, "date");
}

// A date as the data gives it (typed by precision), plus the first and last day it covers as
// xsd:date, which SPARQL compares: `fieldEarliest <= D` holds where the date possibly reaches D.
void date_triples(Writer& w, const std::string& s, const std::string& field, const Date& d) {
  w.triple(s, Writer::term(vocab, field), date_literal(d));
  w.triple(s, Writer::term(vocab, field + "Earliest"), day_literal(d.earliest()));
  w.triple(s, Writer::term(vocab, field + "Latest"), day_literal(d.latest()));
}

void value_triples(Writer& w, const std::string& s, const std::string& p, const Value& v) {
  std::string o;
  if (v.is_list()) {
    for (const Value& item : v.as_list()) value_triples(w, s, p, item);
    return;
  }
  if (v.is_date()) {
    o = date_literal(v.as_date());
  } else if (v.is_bool()) {
    o = std::string(v.as_bool() ? "\"true\"" : "\"false\"") + "^^" + Writer::term(xsd, "boolean");
  } else if (v.is_int()) {
    o = "\"" + std::to_string(v.as_int()) + "\"^^" + Writer::term(xsd, "integer");
  } else if (v.is_real()) {
    o = "\"" + v.to_string() + "\"^^" + Writer::term(xsd, "double");
  } else if (v.is_string()) {
    interchange::append_nt_string(o, v.as_string());
  } else {
    return;
  }
  w.triple(s, p, o);
}

template <class Fact>
void fact_triples(Writer& w, const std::string& s, const Fact& f) {
  if (auto d = f.date()) date_triples(w, s, "date", *d);
  if (auto d = f.start()) date_triples(w, s, "start", *d);
  if (auto d = f.end()) date_triples(w, s, "end", *d);
  if (f.modality() != Modality::actual) w.literal(s, Writer::term(vocab, "modality"), modality_name(f.modality()));
  for (const PropertyRef& p : f.props()) value_triples(w, s, Writer::prop(p.name), p.value);
  for (const CitationRef& c : f.sources()) {
    const std::string source = Writer::node(c.source);
    if (c.stance == Stance::asserts) w.triple(s, Writer::term(prov, "wasDerivedFrom"), source);
    const std::string b = w.blank();
    w.triple(s, Writer::term(prov, "qualifiedDerivation"), b);
    w.triple(b, rdf_type, Writer::term(prov, "Derivation"));
    w.triple(b, Writer::term(prov, "entity"), source);
    if (!c.quote.empty()) w.literal(b, Writer::term(vocab, "quote"), c.quote);
    w.literal(b, Writer::term(vocab, "stance"), stance_name(c.stance));
  }
}

void schema_triples(Writer& w, const Schema& schema) {
  for (const NodeType& t : schema.node_types()) {
    const std::string s = Writer::type(t.name);
    w.triple(s, rdf_type, Writer::term(rdfs, "Class"));
    w.literal(s, Writer::term(rdfs, "label"), t.name);
    if (t.parent) w.triple(s, Writer::term(rdfs, "subClassOf"), Writer::type(schema.node_type(*t.parent).name));
  }
  for (const EdgeType& t : schema.edge_types()) {
    const std::string s = Writer::rel(t.name);
    w.triple(s, rdf_type, Writer::term(rdf, "Property"));
    w.literal(s, Writer::term(rdfs, "label"), t.name);
  }
}

// An edge's IRI: its id, or else type.from.to with a counter for parallel edges.
std::string edge_iri(const Edge& e, std::map<std::string, int>& seen) {
  std::string local;
  if (!e.id().empty()) {
    local = "id:" + std::string(e.id());
  } else {
    local = std::string(e.type()) + "." + std::string(e.from().id()) + "." + std::string(e.to().id());
    local += "." + std::to_string(seen[local]++);
  }
  std::string s = "<urn:diplograph:edge:";
  interchange::append_iri_text(s, local);
  return s + ">";
}

}  // namespace

void write_ntriples(const Graph& graph, std::ostream& os) {
  Writer w(os);
  schema_triples(w, graph.schema());
  const auto source_type = graph.schema().source_type();
  for (Node n : graph.nodes()) {
    const std::string s = Writer::node(n.id());
    // Every supertype too (the RDFS entailment, materialised): `?x a t:Event` finds summits in
    // any store, without property paths, which Virtuoso 7.2 answers wrongly inside joins.
    for (std::optional<TypeId> t = n.type_id(); t; t = graph.schema().node_type(*t).parent)
      w.triple(s, rdf_type, Writer::type(graph.schema().node_type(*t).name));
    if (source_type && n.type_id() == *source_type) w.triple(s, rdf_type, Writer::term(prov, "Entity"));
    w.literal(s, Writer::term(rdfs, "label"), n.label());
    for (std::string_view alias : n.aliases()) w.literal(s, skos_alt, alias);
    fact_triples(w, s, n);
  }
  std::map<std::string, int> seen;
  for (Edge e : graph.edges()) {
    const std::string from = Writer::node(e.from().id()), to = Writer::node(e.to().id());
    const std::string p = Writer::rel(e.type());
    w.triple(from, p, to);
    const std::string s = edge_iri(e, seen);
    w.triple(s, rdf_type, Writer::term(rdf, "Statement"));
    w.triple(s, Writer::term(rdf, "subject"), from);
    w.triple(s, Writer::term(rdf, "predicate"), p);
    w.triple(s, Writer::term(rdf, "object"), to);
    fact_triples(w, s, e);
  }
}

std::string to_ntriples(const Graph& graph) {
  std::ostringstream out;
  write_ntriples(graph, out);
  return std::move(out).str();
}

}  // namespace diplograph
