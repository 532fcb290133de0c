#!/bin/sh
# The main job on the bundled Azerbaijan-Russia graph: set up, build, check the graph, count
# it, render the diagram and answer a question.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
dg=build/tools/diplograph

echo "== validate"; $dg validate
echo "== stats"; $dg stats
echo "== find Əliyev"; $dg find "Əliyev"
