"""NetworkX reads diplograph's GraphML with the graph's node and edge counts and typed attributes.

Usage: check_graphml.py DIPLOGRAPH_BINARY GRAPH_PATH
"""
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout


def main():
    binary, graph = sys.argv[1], sys.argv[2]
    native = json.loads(run(binary, "--graph", graph, "export", "--format", "json"))
    text = run(binary, "--graph", graph, "export", "--format", "graphml")
    ET.fromstring(text)  # well-formed XML
    g = nx.read_graphml(io.BytesIO(text))
    assert g.number_of_nodes() == len(native["nodes"]), (g.number_of_nodes(), len(native["nodes"]))
    assert g.number_of_edges() == len(native["edges"]), (g.number_of_edges(), len(native["edges"]))
    for node in native["nodes"]:
        data = g.nodes[node["id"]]
        assert data["label"] == node["label"], (data["label"], node["label"])
        assert data["type"] == node["type"]
        for name, value in node.get("props", {}).items():
            got = data.get(name, data.get("prop_" + name))
            if isinstance(value, bool) or isinstance(value, (int, float)):
                assert got == value, (node["id"], name, got, value)
            elif isinstance(value, list):
                assert json.loads(got) == value, (node["id"], name, got, value)
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


main()
