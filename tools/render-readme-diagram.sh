#!/bin/sh
# Renders the README's picture from the bundled graph: the Azerbaijan-Russia crisis that began
# in December 2024 and everything one hop from it (its causes, its parts, the two states'
# roles), left to right, labels wrapped, with the legend; also the same view as an
# interactive HTML page. By default it regenerates graph-data/azerbaijan-russia.{svg,png} and
# the page's screenshot graph-data/azerbaijan-russia-page.png (headless chromium, through
# tools/page-screenshot.mjs), with the page itself in build/; tools/demo.sh draws the same
# into out/, page included, without the screenshot.
# Usage: tools/render-readme-diagram.sh [path/to/diplograph [output-directory]]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/tools/diplograph}
dir=${2:-$here/graph-data}
page_dir=${2:-$here/build}
mkdir -p "$dir" "$page_dir"
render() {
  "$bin" --graph "$here/graph-data" render --center az-ru-crisis --depth 1 --wrap 28 \
    --title "The Azerbaijan–Russia crisis from December 2024: what led to it, what it consists of" -o "$1"
}
for ext in svg png; do render "$dir/azerbaijan-russia.$ext"; done
render "$page_dir/azerbaijan-russia.html"
if [ $# -lt 2 ]; then
  "$here/tools/browser-node.sh" "$here/build/browser-node"
  node "$here/tools/page-screenshot.mjs" "$here/build/browser-node" "$page_dir/azerbaijan-russia.html" \
    az-ru-rupture "$dir/azerbaijan-russia-page.png"
  echo "wrote $dir/azerbaijan-russia-page.png"
fi
