#pragma once
/// \file
/// Interchange with other tools: GraphML (NetworkX, Gephi, yEd), N-Triples (rdflib, any
/// SPARQL store) and PLOVER-style JSON lines (event-data tools). Each writer is deterministic:
/// the same graph gives the same bytes. The vocabularies are documented in the README
/// ("Diagrams and interchange").

#include <iosfwd>
#include <string>

#include "diplograph/graph.hpp"

namespace diplograph {

/// GraphML 1.0: one `<key>` per attribute with its type declared (`string`, `long`, `double`,
/// `boolean`); node ids are diplograph ids; dates, lists, aliases and citations are written as
/// strings (lists and citations as JSON arrays). Property names that clash with the fixed keys
/// (`type`, `label`, ...) get a `prop_` prefix. Cost: O(nodes + edges).
void write_graphml(const Graph& graph, std::ostream& out);
[[nodiscard]] std::string to_graphml(const Graph& graph);

/// N-Triples (RDF 1.1). Nodes are `<urn:diplograph:node:ID>` typed with
/// `<urn:diplograph:type:TYPE>` (classes, with rdfs:subClassOf from the schema), labels are
/// rdfs:label, aliases skos:altLabel, properties `<urn:diplograph:prop:NAME>`, dates typed
/// xsd:gYear / xsd:gYearMonth / xsd:date by precision. Each edge is the triple
/// `from <urn:diplograph:rel:TYPE> to` and a reified rdf:Statement carrying its dates and
/// sources; events are resources of their own, so n-ary facts survive. Sources are PROV:
/// prov:wasDerivedFrom for asserting sources, and a prov:qualifiedDerivation with
/// `<urn:diplograph:vocab#quote>` and `#stance` for every citation. Cost: O(nodes + edges).
void write_ntriples(const Graph& graph, std::ostream& out);
[[nodiscard]] std::string to_ntriples(const Graph& graph);

/// PLOVER-style JSON lines, one per event (a node with a PLOVER category, or of a type named
/// `Event` or below it), sorted by date then id: id, label, date, event_type, mode, contexts,
/// quad_code (1 verbal cooperation ... 4 material conflict), quad_class, score, actors,
/// recipients, participants, hosts, mediators, locations (node ids), modality, citations.
void write_plover_jsonl(const Graph& graph, std::ostream& out);
[[nodiscard]] std::string to_plover_jsonl(const Graph& graph);

}  // namespace diplograph
