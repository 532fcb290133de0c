#!/bin/sh
# The main job on the bundled Azerbaijan-Russia graph: set up, build, check the graph, count
# it, render the diagram and answer a question.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
dg=build/tools/diplograph

echo "== validate"; $dg validate
echo "== stats"; $dg stats
echo "== find ALIYEV, then detente (case and accents folded)"; $dg find "ALIYEV"; $dg find "detente"

echo "== render the Azerbaijan-Russia crisis diagram, and the same as an interactive page"
tools/render-readme-diagram.sh "$PWD/$dg" out
echo "open $PWD/out/azerbaijan-russia.html in a browser: click a node or an edge for its sources"

echo "== which events involving Russia and Azerbaijan happened between August and October 2025?"
$dg query "MATCH (r:State {id:'russia'})-[]->(e:Event)<-[]-(a:State {id:'azerbaijan'})
           WHERE e.date >= date('2025-08') AND e.date <= date('2025-10') AND e.type <> 'Development'
           RETURN DISTINCT e.date AS date, e.label AS event ORDER BY date"
echo "== who brokered the agreement that gave Azerbaijan road access to Nakhijevan?"
$dg query "MATCH (b)-[:BROKER]->(d:Agreement)-[:CONCERNS]->(p:Place {id:'nakhijevan'}) RETURN b.label AS broker, d.label AS agreement"
