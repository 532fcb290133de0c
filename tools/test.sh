#!/bin/sh
# Set up, build and run every test; then the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the concurrent-reader tests under ThreadSanitizer.
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
# The consumer test installs and builds an outside program; one run of it (above) is enough.
LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -j2 --output-on-failure -E '^consumer\.'

cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1 -fsanitize=thread" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
cmake --build build-tsan -j2 --target diplograph_tests
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/diplograph_tests --test-case='*concurrent*'
echo "all tests passed"
