#!/bin/sh
# Set up, build and run every test; then the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer, and under ThreadSanitizer.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
ctest --test-dir build -j2 --output-on-failure

# Debian's RapidJSON 1.1.0 does pointer arithmetic past its buffers that UBSan's
# pointer-overflow check flags although it is harmless there.
asan="-fsanitize=address,undefined -fno-sanitize=pointer-overflow -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1 $asan" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build build-asan -j2
# The consumer test installs and builds an outside program, the Virtuoso test starts a database
# server, the Kùzu and browser tests drive outside engines through the CLI: one run of each
# (above) is enough; the code they exercise runs here through the doctest and CLI suites.
LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -j2 --output-on-failure -E '^(consumer|virtuoso|kuzu|browser)\.'

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1 -fsanitize=thread" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
cmake --build build-tsan -j2 --target diplograph_tests
# Every suite but the diagrams': loading runs on two threads, and concurrent readers share a
# graph. Graphviz's renderer starts glib and fontconfig threads of its own that TSan flags
# inside those libraries, so the suites that render (dot_test.cpp, html_test.cpp) stay out.
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/diplograph_tests --source-file-exclude='*dot_test.cpp,*html_test.cpp'
tools/fuzz-ci.sh 60
echo "all tests passed"
