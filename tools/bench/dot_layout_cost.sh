#!/bin/sh
# Measures the CPU time of Graphviz's dot layout on graphs from diplograph-generate, for the
# render guard of include/diplograph/dot.hpp. Each graph is exported as the renderer draws it
# (default drawing options: legend, edge labels, dates) and laid out by the `dot` program,
# which runs the same layout code as the in-process render. A run past LIMIT seconds of CPU is
# stopped and shown as ">LIMIT".
# Usage: tools/bench/dot_layout_cost.sh BUILD_DIR [LIMIT] [SIZES] [EDGES_PER_NODE]
#   e.g. tools/bench/dot_layout_cost.sh build 60 "100 200 300 400 600 800" "1 2 3"
set -eu
build=$1
limit=${2:-90}
sizes=${3:-"100 200 300 400 600 800"}
ratios=${4:-"1 2 3"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "nodes edges dot_nodes dot_edges cpu_seconds"
for ratio in $ratios; do
  over=""
  for n in $sizes; do
    [ -n "$over" ] && continue  # a larger graph of the same density only takes longer
    m=$(awk -v n="$n" -v r="$ratio" 'BEGIN { printf "%d", n * r }')
    "$build"/tools/bench/diplograph-generate --nodes "$n" --edges "$m" --seed 1 -o "$work/g" >/dev/null
    "$build"/tools/diplograph --graph "$work/g" export --format dot -o "$work/g.dot"
    # Nodes and edges as dot sees them (the legend adds a few).
    counts=$(gvpr 'BEG_G { printf("%d %d", nNodes($G), nEdges($G)) }' "$work/g.dot" 2>/dev/null || echo "? ?")
    if /usr/bin/time -o "$work/time" -f "%U %S" sh -c "ulimit -t $limit; exec dot -Tsvg -o /dev/null '$work/g.dot'" 2>/dev/null; then
      echo "$n $m $counts $(awk '{ printf "%.1f", $1 + $2 }' "$work/time")"
    else
      echo "$n $m $counts >$limit"
      over=yes
    fi
  done
done
