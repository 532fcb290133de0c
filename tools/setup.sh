#!/bin/sh
# Installs the Debian packages diplograph needs (only those missing), then configures and
# builds it into build/. Usage: tools/setup.sh [extra cmake arguments]
set -eu
cd "$(dirname "$0")/.."

packages="cmake g++ ninja-build pkg-config libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
          doctest-dev libcli11-dev libutf8proc-dev libre2-dev python3 python3-networkx python3-rdflib
          chromium virtuoso-opensource-7-bin clang-16 libclang-rt-16-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# The Kùzu oracle (tests/kuzu) and the browser tests (tests/browser) need node and npm; any
# install of them will do (checked by command, as a node from elsewhere carries its own npm).
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build build -j2
