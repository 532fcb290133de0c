#!/bin/sh
# Installs puppeteer-core, as tests/browser/package-lock.json pins it, into DIR/node_modules
# (again only when the lock file changed). Used by the browser tests and the README screenshot.
# Usage: tools/browser-node.sh DIR
set -eu
lock=$(cd "$(dirname "$0")/../tests/browser" && pwd)
dir=$1
for tool in chromium node npm; do
  command -v $tool >/dev/null || { echo "error: $tool is missing: run tools/setup.sh" >&2; exit 1; }
done
mkdir -p "$dir"
if ! cmp -s "$lock/package-lock.json" "$dir/package-lock.json" || [ ! -d "$dir/node_modules/puppeteer-core" ]; then
  cp "$lock/package.json" "$lock/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
