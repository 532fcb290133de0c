#!/bin/sh
# Renders the README's picture from the bundled graph: the Azerbaijan-Russia crisis that began
# in December 2024 and everything one hop from it (its causes, its parts, the two states'
# roles), left to right, labels wrapped, with the legend. By default it regenerates
# graph-data/azerbaijan-russia.{svg,png}; tools/demo.sh draws the same into out/.
# Usage: tools/render-readme-diagram.sh [path/to/diplograph [output-directory]]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/tools/diplograph}
dir=${2:-$here/graph-data}
mkdir -p "$dir"
for ext in svg png; do
  "$bin" --graph "$here/graph-data" render --center az-ru-crisis --depth 1 --wrap 28 \
    --title "The Azerbaijan–Russia crisis from December 2024: what led to it, what it consists of" \
    -o "$dir/azerbaijan-russia.$ext"
done
