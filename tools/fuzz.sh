#!/bin/sh
# Builds one libFuzzer target (tools/fuzz/fuzz_TARGET.cpp) in build-fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs it for SECONDS.
# Usage: tools/fuzz.sh load|query|dot|date SECONDS [more libFuzzer options]
# Exit status: 0 when the run found nothing; otherwise libFuzzer's, with the input that failed
# in build-fuzz/fuzz/findings/ (add it to tools/fuzz/corpus/TARGET/ once the bug is fixed).
set -eu
cd "$(dirname "$0")/.."
target=$1
seconds=$2
shift 2

# clang 16, not the 14 of the design: clang 14 cannot compile libstdc++ 12's <ranges>
# (iota_view), which the public graph.hpp uses.
if [ ! -f build-fuzz/build.ninja ]; then
  # Debian's RapidJSON 1.1.0 does pointer arithmetic past its buffers that UBSan's
  # pointer-overflow check flags although it is harmless there (as in tools/test.sh).
  flags="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=pointer-overflow -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-16 \
        -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DDIPLOGRAPH_BUILD_TESTS=OFF -DDIPLOGRAPH_BUILD_TOOLS=OFF -DDIPLOGRAPH_BUILD_FUZZERS=ON >/dev/null
fi
cmake --build build-fuzz -j2 --target "fuzz_$target"

# Seeds, made afresh from the test suite: fixtures, JSONTestSuite, the golden queries.
work=build-fuzz/fuzz
seeds=$work/seeds/$target
rm -rf "$seeds"
mkdir -p "$seeds" "$work/corpus/$target" "$work/findings"
case $target in
  load)
    cp tests/fixtures/invalid/*.json tests/golden/basic.json tests/third_party/JSONTestSuite/test_parsing/*.json "$seeds"/
    for f in tests/fixtures/*/graph.json tests/fixtures/graphs/*/graph.json graph-data/*.json; do
      cp "$f" "$seeds/$(echo "$f" | tr / _)"
    done
    options="-dict=tools/fuzz/load.dict -max_len=16384" ;;
  query)
    python3 - "$seeds" tests/queries/*.test tests/cli/*.cypher <<'PY'
import sys, pathlib
out, n = pathlib.Path(sys.argv[1]), 0
for name in sys.argv[2:]:
    text = pathlib.Path(name).read_text(encoding="utf-8")
    if name.endswith(".cypher"):
        statements = [text]
    else:
        statements, current = [], None
        for line in text.split("\n"):
            if line.startswith("-STATEMENT "):
                current = [line[len("-STATEMENT "):]]
                statements.append(current)
            elif current is not None and not line.startswith("-") and line.strip():
                current.append(line)
            else:
                current = None
        statements = ["\n".join(s) for s in statements]
    for s in statements:
        (out / f"q{n}").write_text(s, encoding="utf-8")
        n += 1
PY
    options="-dict=tools/fuzz/query.dict -max_len=512" ;;
  dot | date)
    # The labels, or the dates, of the test fixtures and the shipped graph.
    python3 - "$seeds" "$target" tests/fixtures/diagram/graph.json tests/fixtures/query/graph.json graph-data/*.json <<'PY'
import json, sys, pathlib
out, target, found = pathlib.Path(sys.argv[1]), sys.argv[2], set()
keys = {"label", "title"} if target == "dot" else {"date", "start", "end", "earliest", "latest"}
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in keys and isinstance(x, str): found.add(x)
            walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
for name in sys.argv[3:]:
    walk(json.loads(pathlib.Path(name).read_text(encoding="utf-8")))
for i, text in enumerate(sorted(found)):
    (out / f"s{i}").write_text(text, encoding="utf-8")
PY
    options="-max_len=256" ;;
  *) echo "unknown target '$target' (load, query, dot or date)" >&2; exit 1 ;;
esac

# New inputs go to the first corpus folder (build-fuzz/, not committed); the committed corpus
# of inputs that once found a bug and the seeds are read only.
# The committed corpus (inputs that once found a problem) exists only for targets that had one.
committed=tools/fuzz/corpus/$target
[ -d "$committed" ] || committed=
exec nice build-fuzz/tools/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/findings/$target-" $options "$@" \
  "$work/corpus/$target" ${committed:+"$committed"} "$seeds"
