# Generates a small synthetic graph twice (same seed) and checks that it validates and that the
# output is deterministic.
file(REMOVE_RECURSE ${DIR})
foreach(run a b)
  execute_process(COMMAND ${GENERATE} --nodes 2000 --edges 20000 --seed 7 -o ${DIR}/${run}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "diplograph-generate failed: ${rc}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${DIR}/a/graph.json ${DIR}/b/graph.json
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generator is not deterministic for a given seed")
endif()
execute_process(COMMAND ${CLI} validate --graph ${DIR}/a RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generated graph does not validate: ${rc}")
endif()
