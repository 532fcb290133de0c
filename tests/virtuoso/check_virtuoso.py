"""Virtuoso answers the questions of questions.txt over its SPARQL HTTP endpoint as diplograph does.

Usage: check_virtuoso.py DIPLOGRAPH_BINARY GRAPH_PATH QUESTIONS_FILE

Exports GRAPH_PATH as N-Triples, bulk-loads it into a throw-away Virtuoso on 127.0.0.1
(tools/virtuoso.sh, which stops it again whatever happens), and for every question compares
Virtuoso's rows with diplograph's, row for row: in order where the SPARQL has ORDER BY, else
as sorted lists. A question is a `==` title line, a diplograph query, a `--` line and a SPARQL
query (with the prefixes of tests/interchange/sparql_prefixes.py). Instead of a query the diplograph side may be
`@citations [stance=S] [fact=ID]`: the query language does not read citations yet, so those
rows (fact, source, stance, quote) come from diplograph's native JSON export.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interchange"))
from sparql_prefixes import PREFIXES  # noqa: E402

# Resources compare by their diplograph id.
ID_PREFIXES = ("urn:diplograph:node:", "urn:diplograph:edge:id:", "urn:diplograph:type:", "urn:diplograph:rel:")
GRAPH = "urn:diplograph:graph:bundled"


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout


def parse_questions(path):
    questions = []
    for block in open(path, encoding="utf-8").read().split("\n==")[1:]:
        title, _, body = block.partition("\n")
        body = "\n".join(line for line in body.splitlines() if not line.startswith("#"))
        native, sep, sparql = body.partition("\n--\n")
        assert sep, f"question {title.strip()!r} has no '--' line"
        questions.append((title.strip(), native.strip(), sparql.strip()))
    return questions


def cell(value):
    """A diplograph JSON value or a SPARQL JSON binding as comparable text."""
    if value is None:
        return ""
    if isinstance(value, dict) and "id" in value:  # a diplograph node or edge
        return value["id"]
    if isinstance(value, dict):  # a SPARQL binding
        text = value["value"]
        if value["type"] == "uri":
            for prefix in ID_PREFIXES:
                text = text.removeprefix(prefix)
        return text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(sorted(cell(v) for v in value))
    return str(value)


def diplograph_rows(binary, graph, native):
    if native.startswith("@citations"):
        return citation_rows(binary, graph, dict(arg.split("=", 1) for arg in native.split()[1:]))
    rows = json.loads(run(binary, "--graph", graph, "query", "--format", "json", native))
    return [tuple(cell(v) for v in row.values()) for row in rows]


def citation_rows(binary, graph, where):
    data = json.loads(run(binary, "--graph", graph, "export", "--format", "json"))
    rows = []
    for fact in data["nodes"] + data["edges"]:
        for c in fact.get("sources", []):
            row = (fact.get("id", ""), c["source"], c.get("stance", "asserts"), c.get("quote", ""))
            if where.get("stance", row[2]) == row[2] and where.get("fact", row[0]) == row[0]:
                rows.append(row)
    return rows


def sparql_rows(endpoint, query):
    data = urllib.parse.urlencode({"query": PREFIXES + query, "default-graph-uri": GRAPH}).encode()
    request = urllib.request.Request(endpoint, data, {"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        result = json.load(response)
    columns = result["head"]["vars"]
    return [tuple(cell(b.get(c)) for c in columns) for b in result["results"]["bindings"]]


def check(binary, graph, questions_path):
    endpoint = os.environ["VIRTUOSO_SPARQL"]
    questions = parse_questions(questions_path)
    failed = 0
    for title, native, sparql in questions:
        want = diplograph_rows(binary, graph, native)
        try:
            got = sparql_rows(endpoint, sparql)
        except urllib.error.HTTPError as e:
            got = [("SPARQL error", e.read().decode(errors="replace").strip())]
        ordered = "ORDER BY" in sparql.upper()
        if not ordered:
            want, got = sorted(want), sorted(got)
        if got == want and want:
            print(f"ok   {title}: {len(want)} rows")
            continue
        failed += 1
        print(f"FAIL {title}: diplograph {len(want)} rows, Virtuoso {len(got)} rows" + ("" if want else " (no rows)"))
        for row in [r for r in want if r not in got][:5]:
            print("  only diplograph:", row)
        for row in [r for r in got if r not in want][:5]:
            print("  only Virtuoso:  ", row)
    print(f"{len(questions) - failed} of {len(questions)} questions agree")
    return 1 if failed else 0


def main():
    binary, graph, questions = (os.path.abspath(a) for a in sys.argv[1:4])
    if "VIRTUOSO_SPARQL" in os.environ:
        return check(binary, graph, questions)
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "virtuoso.sh")
    with tempfile.TemporaryDirectory() as tmp:
        nt = os.path.join(tmp, "graph.nt")
        with open(nt, "wb") as f:
            f.write(run(binary, "--graph", graph, "export", "--format", "nt"))
        start = time.monotonic()
        status = subprocess.run(["sh", script, nt, GRAPH, sys.executable, *sys.argv]).returncode
        print(f"Virtuoso start, load, {len(parse_questions(questions))} questions and stop: "
              f"{time.monotonic() - start:.1f} s")
        return status


sys.exit(main())
