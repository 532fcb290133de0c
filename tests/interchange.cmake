# Interchange checks with real tools: NetworkX reads the GraphML, rdflib the N-Triples (and a
# SPARQL query answers as the query language does), and the rendered SVG is well-formed XML.
# Debian's python3-networkx and python3-rdflib are needed: /usr/bin/python3, not a pyenv one.
set(interchange_dir ${CMAKE_CURRENT_SOURCE_DIR}/interchange)
set(diagram_fixture ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/diagram)
set(bundled_graph ${PROJECT_SOURCE_DIR}/graph-data)
foreach(graph IN ITEMS fixture bundled)
  set(path ${diagram_fixture})
  if(graph STREQUAL "bundled")
    set(path ${bundled_graph})
  endif()
  add_test(NAME interchange.graphml.${graph}
           COMMAND /usr/bin/python3 ${interchange_dir}/check_graphml.py $<TARGET_FILE:diplograph_cli> ${path})
  add_test(NAME interchange.rdf.${graph}
           COMMAND /usr/bin/python3 ${interchange_dir}/check_rdf.py $<TARGET_FILE:diplograph_cli> ${path})
endforeach()
add_test(NAME interchange.sparql.parties
         COMMAND /usr/bin/python3 ${interchange_dir}/check_rdf.py $<TARGET_FILE:diplograph_cli> ${bundled_graph}
                 "SELECT ?s ?a WHERE { ?s a t:State . ?s r:PARTY ?a . ?a a/rdfs:subClassOf* t:Agreement }"
                 "MATCH (s:State)-[:PARTY]->(a:Agreement) RETURN s.id, a.id")
add_test(NAME interchange.sparql.broker
         COMMAND /usr/bin/python3 ${interchange_dir}/check_rdf.py $<TARGET_FILE:diplograph_cli> ${bundled_graph}
                 "SELECT ?b ?a WHERE { ?b r:BROKER ?a . ?a a/rdfs:subClassOf* t:Agreement . ?a r:CONCERNS n:nakhijevan }"
                 "MATCH (b)-[:BROKER]->(a:Agreement)-[:CONCERNS]->(n {id:'nakhijevan'}) RETURN b.id, a.id")
add_test(NAME interchange.svg
         COMMAND /usr/bin/python3 ${interchange_dir}/check_svg.py $<TARGET_FILE:diplograph_cli> ${diagram_fixture}
                 ${CMAKE_CURRENT_BINARY_DIR})
