"""rdflib parses diplograph's N-Triples with the graph's node and edge counts, every label
intact, and a SPARQL query answers as the diplograph query language does.

Usage: check_rdf.py DIPLOGRAPH_BINARY GRAPH_PATH [SPARQL CYPHER]
"""
import csv
import io
import json
import subprocess
import sys

import rdflib

from sparql_prefixes import PREFIXES

NODE = "urn:diplograph:node:"


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout


def main():
    binary, graph = sys.argv[1], sys.argv[2]
    native = json.loads(run(binary, "--graph", graph, "export", "--format", "json"))
    g = rdflib.Graph()
    g.parse(data=run(binary, "--graph", graph, "export", "--format", "nt").decode("utf-8"), format="nt")
    nodes = {str(s) for s, in g.query(PREFIXES + "SELECT DISTINCT ?s WHERE { ?s a ?c . FILTER(STRSTARTS(STR(?c), 'urn:diplograph:type:')) }")}
    assert len(nodes) == len(native["nodes"]), (len(nodes), len(native["nodes"]))
    edges = list(g.query(PREFIXES + "SELECT ?e WHERE { ?e a rdf:Statement }"))
    assert len(edges) == len(native["edges"]), (len(edges), len(native["edges"]))
    for node in native["nodes"]:
        labels = [str(o) for o in g.objects(rdflib.URIRef(NODE + node["id"]), rdflib.RDFS.label)]
        assert labels == [node["label"]], (node["id"], labels)
    if len(sys.argv) > 4:
        sparql, cypher = sys.argv[3], sys.argv[4]
        got = sorted(tuple(str(v).removeprefix(NODE) for v in row) for row in g.query(PREFIXES + sparql))
        rows = list(csv.reader(io.StringIO(run(binary, "--graph", graph, "query", "--format", "csv", cypher).decode())))
        want = sorted(tuple(r) for r in rows[1:])
        assert got == want, (got, want)
        print(f"SPARQL and query language agree on {len(got)} rows")
    print(f"rdflib {rdflib.__version__}: {len(nodes)} nodes, {len(edges)} edges, {len(g)} triples")


main()
