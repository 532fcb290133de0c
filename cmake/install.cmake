# Installs the library, its public headers, the bundled graph, a CMake package and a
# pkg-config file, so that find_package(diplograph) and pkg-config both work.
include(CMakePackageConfigHelpers)

# The public surface, listed so that a header is published only on purpose (as RE2 does).
set(diplograph_public_headers
    algo.hpp atomic_file.hpp date.hpp diplograph.hpp dot.hpp error.hpp graph.hpp html.hpp interchange.hpp
    io.hpp json.hpp query.hpp schema.hpp value.hpp view.hpp)
list(TRANSFORM diplograph_public_headers PREPEND ${PROJECT_SOURCE_DIR}/include/diplograph/)
install(FILES ${diplograph_public_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/diplograph)
install(TARGETS diplograph EXPORT diplographTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT diplographTargets NAMESPACE diplograph:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/diplograph)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/graph-data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/diplograph/graph-data
        FILES_MATCHING PATTERN "*.json" PATTERN "*.md" PATTERN "*.png" PATTERN "*.svg")

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/diplographConfig.cmake.in
  ${PROJECT_BINARY_DIR}/diplographConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/diplograph)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/diplographConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/diplographConfig.cmake ${PROJECT_BINARY_DIR}/diplographConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/diplograph)

configure_file(${PROJECT_SOURCE_DIR}/cmake/diplograph.pc.in ${PROJECT_BINARY_DIR}/diplograph.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/diplograph.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
