"""The SVG that `diplograph render` writes is well-formed XML and shows every node label as text.

Usage: check_svg.py DIPLOGRAPH_BINARY GRAPH_PATH OUT_DIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    binary, graph, out = sys.argv[1], sys.argv[2], sys.argv[3]
    native = json.loads(subprocess.run([binary, "--graph", graph, "export", "--format", "json"], check=True,
                                       capture_output=True).stdout)
    svg = os.path.join(out, "check.svg")
    subprocess.run([binary, "--graph", graph, "render", "-o", svg], check=True, capture_output=True)
    root = ET.parse(svg).getroot()
    texts = {t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for node in native["nodes"]:
        lines = node["label"].rstrip("\n").split("\n")
        for line in lines:
            assert line in texts, (node["id"], line)
    print(f"{len(native['nodes'])} labels found in well-formed SVG")


main()
