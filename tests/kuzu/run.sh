#!/bin/sh
# The Kùzu differential test: installs the pinned kuzu npm package into a cache under build/,
# exports the shipped graph and a small generated one as CSV, and runs oracle.js over them.
# Usage: run.sh DIPLOGRAPH_CLI TCK_DRIVER DIPLOGRAPH_GENERATE WORK_DIR
# Exits 77 (ctest: skipped) when node or npm is missing.
set -eu
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: the Kùzu oracle needs node and npm (tools/setup.sh installs Debian's nodejs and npm)"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
cli=$1 driver=$2 generate=$3 work=$4
mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/kuzu" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
"$cli" --graph "$here/../../graph-data" export --format csv -o "$work/shipped-csv"
"$generate" --nodes 300 --edges 1500 --seed 11 -o "$work/generated" >/dev/null
"$cli" --graph "$work/generated" export --format csv -o "$work/generated-csv"
NODE_PATH="$work/node_modules" exec node "$here/oracle.js" --driver "$driver" --corpus "$here/queries.cypher" \
  shipped="$here/../../graph-data"="$work/shipped-csv" generated="$work/generated"="$work/generated-csv"
