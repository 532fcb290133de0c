#!/bin/sh
# Runs ../shared/peer-bench (diplograph beside Boost.Graph, igraph, graph-tool, NetworkX and
# Kùzu on one 1M-edge graph; see its README) with this tree's copy of its dg_peer
# (tools/bench/peer/dg_peer.cpp, which asks Q1, Q3 and Q4 through the traversal API), against
# a Release build of this tree installed into DG_PREFIX. Debian 12, as root, 20-40 minutes.
#   PEER_BENCH=../shared/peer-bench WORKDIR=/some/scratch DG_PREFIX=/tmp/dg [REPS=3] tools/bench/peer-bench.sh
# The table: python3 $WORKDIR/report.py $WORKDIR/results.json
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${PEER_BENCH:-$here/../../../shared/peer-bench}
W=${WORKDIR:?set WORKDIR to a scratch folder}
: "${DG_PREFIX:?set DG_PREFIX to an installed Release build of diplograph}"
merged=$W.src
rm -rf "$merged" && mkdir -p "$merged" && cp -r "$src"/. "$merged"/ && chmod -R u+w "$merged"
cp "$here"/peer/dg_peer.cpp "$merged"/dg_peer/dg_peer.cpp
# REPS: repetitions per job (run.sh's 3 unless set; 1 when the host is too busy for 3).
sed -i "s/--reps 3/--reps ${REPS:-3}/" "$merged"/run.sh
exec sh "$merged"/run.sh
