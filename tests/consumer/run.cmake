# Installs diplograph into a temporary prefix, builds tests/consumer against it with
# find_package(diplograph), runs it on the installed graph and checks what it prints.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build -G Ninja
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/count ${prefix}/share/diplograph/graph-data)
execute_process(COMMAND ${prefix}/bin/diplograph validate RESULT_VARIABLE code OUTPUT_VARIABLE expected)
string(REGEX REPLACE "^ok: " "" expected "${expected}")
if(NOT last_output STREQUAL expected)
  message(FATAL_ERROR "the consumer printed '${last_output}', the installed CLI says '${expected}'")
endif()
# The installed pkg-config file describes the same library.
run(${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/lib/pkgconfig pkg-config --libs --static diplograph)
if(NOT last_output MATCHES "-ldiplograph")
  message(FATAL_ERROR "pkg-config --libs diplograph printed '${last_output}'")
endif()

