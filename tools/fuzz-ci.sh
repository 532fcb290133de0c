#!/bin/sh
# CI: every fuzz target for a fixed budget each (60 s by default); fails on any finding.
# Usage: tools/fuzz-ci.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
mkdir -p build-fuzz/fuzz
for target in load query dot date; do
  echo "fuzz: $target"
  tools/fuzz.sh "$target" "${1:-60}" 2>"build-fuzz/fuzz/$target.log" || {
    tail -n 60 "build-fuzz/fuzz/$target.log" >&2
    echo "fuzz: $target found a problem (input in build-fuzz/fuzz/findings/)" >&2
    exit 1
  }
  grep -E "^(stat::number_of_executed_units|#[0-9]+ +DONE)" "build-fuzz/fuzz/$target.log" || true
done
