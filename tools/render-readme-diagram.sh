#!/bin/sh
# Regenerates the README's picture, graph-data/azerbaijan-russia.{svg,png}, from the bundled
# graph: the Azerbaijan-Russia crisis that began in December 2024 and everything one hop from
# it (its causes, its parts, the two states' roles), left to right, with the legend.
# Usage: tools/render-readme-diagram.sh [path/to/diplograph]   (default: build/tools/diplograph)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/tools/diplograph}
for ext in svg png; do
  "$bin" --graph "$here/graph-data" render --center az-ru-crisis --depth 1 \
    --title "The Azerbaijan–Russia crisis from December 2024: what led to it, what it consists of" \
    -o "$here/graph-data/azerbaijan-russia.$ext"
done
