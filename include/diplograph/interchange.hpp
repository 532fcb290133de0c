#pragma once
/// \file
/// Interchange with other tools: GraphML (NetworkX, Gephi, yEd), N-Triples (rdflib, any
/// SPARQL store), PLOVER-style JSON lines (event-data tools) and bulk-load CSV (neo4j-admin,
/// Kùzu). Each writer is deterministic:
/// the same graph gives the same bytes. The vocabularies are documented in the README
/// ("Diagrams and interchange").

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "diplograph/graph.hpp"

namespace diplograph {

/// GraphML 1.0: one `<key>` per attribute with its type declared (`string`, `long`, `double`,
/// `boolean`); node ids are diplograph ids; dates, lists, aliases and citations are written as
/// strings (lists and citations as JSON arrays). Property names that clash with the fixed keys
/// (`type`, `label`, ...) get a `prop_` prefix. Cost: O(nodes + edges).
void write_graphml(const Graph& graph, std::ostream& out);
std::string to_graphml(const Graph& graph);

/// N-Triples (RDF 1.1). Nodes are `<urn:diplograph:node:ID>` typed with
/// `<urn:diplograph:type:TYPE>` (classes, with rdfs:subClassOf from the schema), labels are
/// rdfs:label, aliases skos:altLabel, properties `<urn:diplograph:prop:NAME>`, dates typed
/// xsd:gYear / xsd:gYearMonth / xsd:date by precision. Each edge is the triple
/// `from <urn:diplograph:rel:TYPE> to` and a reified rdf:Statement carrying its dates and
/// sources; events are resources of their own, so n-ary facts survive. Sources are PROV:
/// prov:wasDerivedFrom for asserting sources, and a prov:qualifiedDerivation with
/// `<urn:diplograph:vocab#quote>` and `#stance` for every citation. Cost: O(nodes + edges).
void write_ntriples(const Graph& graph, std::ostream& out);
std::string to_ntriples(const Graph& graph);

/// PLOVER-style JSON lines, one per event (a node with a PLOVER category, or of a type named
/// `Event` or below it), sorted by date then id: id, label, date, event_type, mode, contexts,
/// quad_code (1 verbal cooperation ... 4 material conflict), quad_class, score, actors,
/// recipients, participants, hosts, mediators, locations (node ids), modality, citations.
void write_plover_jsonl(const Graph& graph, std::ostream& out);
std::string to_plover_jsonl(const Graph& graph);

/// One file of the CSV export: its name in the export directory and its content.
struct CsvFile {
  std::string name;
  std::string text;
};

/// Bulk-load CSV for property-graph databases, in the layout `neo4j-admin database import`
/// reads: `nodes-<Type>.csv` per node type that has nodes (`id:ID`, `:LABEL` = the type and its
/// ancestors, `label`, `aliases:string[]`, `date`, `start`, `end`, `modality`, `sources` as a
/// JSON array of citations, then the type's properties as `name:long|double|boolean|string`,
/// `[]` for lists) and `edges-<TYPE>.csv` per edge type that has edges (`:START_ID`, `:END_ID`,
/// `:TYPE`, `id`, the same fixed columns, the properties, and `from_type:IGNORE`,
/// `to_type:IGNORE` naming the end nodes' types). Arrays are `;`-joined; dates are strings with
/// their precision; an empty field is an absent value; RFC 4180 quoting. Last comes
/// `kuzu-schema.cypher`, Kùzu's CREATE NODE/REL TABLE and COPY statements for the same files.
/// Files are in name order (node files, then edge files). Throws Error(ErrorCode::value) for a
/// list element that holds `;`. Cost: O(nodes + edges).
std::vector<CsvFile> to_csv_files(const Graph& graph);

/// Writes to_csv_files(graph) into the directory `dir` atomically: into a temporary directory
/// beside it, renamed into place when every file is written. An existing `dir` is replaced only
/// when it is empty or holds nothing but a previous CSV export; otherwise, and on any failure,
/// `dir` is left as it was and Error(ErrorCode::io) is thrown.
void write_csv_export(const Graph& graph, const std::filesystem::path& dir);

}  // namespace diplograph
