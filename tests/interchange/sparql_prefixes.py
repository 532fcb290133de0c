"""The SPARQL prefixes of diplograph's N-Triples vocabulary (README: "Beyond one machine"),
shared by the rdflib and the Virtuoso checks."""

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dg: <urn:diplograph:vocab#>
PREFIX t: <urn:diplograph:type:>
PREFIX r: <urn:diplograph:rel:>
PREFIX p: <urn:diplograph:prop:>
PREFIX n: <urn:diplograph:node:>
"""
