#!/bin/sh
# Benchmark, not a test: the generator's graph loaded by diplograph and bulk-loaded into Virtuoso
# (tools/virtuoso.sh) in the same run. Prints the triples, the load times and the sizes.
#
# Usage: tools/bench/virtuoso_bench.sh [BUILD_DIR [NODES EDGES [WORK_DIR]]]
#   defaults: build-bench, 100000 1000000, /tmp/diplograph-virtuoso-bench
# BUILD_DIR needs diplograph-generate and the diplograph CLI (a Release build, see README.md).
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
nodes=${2:-100000}
edges=${3:-1000000}
work=${4:-/tmp/diplograph-virtuoso-bench}
cli=$build/tools/diplograph
graph=$work/graph-${nodes}-${edges}
mkdir -p "$work"

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
megabytes() { du -k "$1" | tail -n 1 | cut -f1 | python3 -c "print(f'{int(input()) / 1024:.1f}')"; }

[ -f "$graph/graph.json" ] ||
  "$build/tools/bench/diplograph-generate" --nodes "$nodes" --edges "$edges" --seed 1 -o "$graph" >/dev/null

# diplograph's own load: parse, check everything, index (validate does nothing more); best of 3.
best=""
for _ in 1 2 3; do
  t0=$(now)
  "$cli" --graph "$graph" validate >/dev/null
  t=$(seconds "$t0" "$(now)")
  if [ -z "$best" ] || python3 -c "import sys; sys.exit(not float(sys.argv[1]) < float(sys.argv[2]))" "$t" "$best"; then
    best=$t
  fi
done

t0=$(now)
"$cli" --graph "$graph" export --format nt >"$work/graph.nt"
export_time=$(seconds "$t0" "$(now)")
lines=$(wc -l <"$work/graph.nt")

echo "graph: $nodes nodes, $edges edges, $(megabytes "$graph/graph.json") MB of JSON"
echo "diplograph load (validate, best of 3): $best s"
echo "diplograph export --format nt (load + write): $export_time s, $lines lines, $(megabytes "$work/graph.nt") MB"
# The buffer pool: about 2.6 GB of 8 KB pages, as Virtuoso's own guide suggests for ~4 GB free.
VIRTUOSO_BUFFERS=${VIRTUOSO_BUFFERS:-340000} tools/virtuoso.sh "$work/graph.nt" urn:diplograph:graph:bench \
  python3 -c 'import os, urllib.parse, urllib.request
query = "SELECT (COUNT(*) AS ?statements) WHERE { ?e a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }"
data = urllib.parse.urlencode({"query": query}).encode()
request = urllib.request.Request(os.environ["VIRTUOSO_SPARQL"], data, {"Accept": "text/csv"})
print(urllib.request.urlopen(request, timeout=600).read().decode().replace("\n", " ").strip())'
rm -f "$work/graph.nt"
