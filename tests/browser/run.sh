#!/bin/sh
# Browser tests of the interactive HTML page (issue 14): builds the pages and their oracles
# with the CLI, installs puppeteer-core into WORK/node (tools/browser-node.sh), and runs
# page.test.mjs with Node's test runner against Debian's headless chromium.
# Usage: tests/browser/run.sh path/to/diplograph WORK
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
work=$2
data=$here/../../graph-data
mkdir -p "$work/hostile"
"$here/../../tools/browser-node.sh" "$work/node"

# The whole shipped graph; the README's crisis view, and the oracles for its time window:
# what the views keep.
"$bin" --graph "$data" render -o "$work/all.html" >/dev/null
"$bin" --graph "$data" render --center az-ru-crisis --depth 1 --wrap 28 -o "$work/crisis.html" >/dev/null
"$bin" --graph "$data" export --from 2025-09 --to 2025-10 -o "$work/window.json"
"$bin" --graph "$data" export --as-of 2025-01-15 -o "$work/as-of.json"

# Labels, aliases, properties, quotes and a title that try to be markup or script.
cp "$here/../fixtures/diagram/schema.json" "$here/hostile/graph.json" "$work/hostile/"
"$bin" --graph "$work/hostile" render --title '</title><script>window.__pwned=12</script>' -o "$work/hostile.html" >/dev/null

DG_WORK=$work node --test --test-reporter=spec "$here/page.test.mjs"
