# errcat_add_catalog(<target> CATALOGS <file.yaml>... [TEMPLATES <dir>] [OUTPUT_DIR <dir>])
#
# Creates a library target <target> with the C++ generated from the catalogs (one
# <catalog>_errors.hpp/.cpp per file plus errcat_runtime.hpp) and their include directory.
# Outputs go to the binary dir (default ${CMAKE_CURRENT_BINARY_DIR}/<target>_errcat). The code
# is regenerated when a catalog or a template changes (errcat writes a depfile), and errcat
# rewrites only files whose bytes changed, so an edit that changes nothing recompiles nothing.
include_guard(GLOBAL)

function(errcat_add_catalog target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEMPLATES;OUTPUT_DIR" "CATALOGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "errcat_add_catalog(${target}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_CATALOGS)
    message(FATAL_ERROR "errcat_add_catalog(${target}): CATALOGS needs at least one .yaml file")
  endif()
  if(NOT TARGET errcat::errcat)
    message(FATAL_ERROR "errcat_add_catalog: no errcat::errcat target; call find_package(errcat CONFIG REQUIRED) first")
  endif()

  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}_errcat")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)
  cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${arg_OUTPUT_DIR}" in_binary_dir)
  if(NOT in_binary_dir)
    message(FATAL_ERROR "errcat_add_catalog(${target}): OUTPUT_DIR must be inside the build tree, not ${arg_OUTPUT_DIR}")
  endif()

  # Output names come from each catalog's id (`catalog: token` -> token_errors.cpp); read it
  # here, and re-configure when a catalog changes so a renamed id is picked up.
  set(catalogs "")
  set(outputs "${arg_OUTPUT_DIR}/errcat_runtime.hpp")
  set(sources "")
  foreach(catalog IN LISTS arg_CATALOGS)
    cmake_path(ABSOLUTE_PATH catalog BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    if(NOT EXISTS "${catalog}" OR IS_DIRECTORY "${catalog}")
      message(FATAL_ERROR "errcat_add_catalog(${target}): ${catalog} is not a catalog file")
    endif()
    file(STRINGS "${catalog}" id_line REGEX "^catalog:" LIMIT_COUNT 1)
    if(NOT id_line MATCHES "^catalog:[ \t]*[\"']?([a-z][a-z0-9_]*)[\"']?[ \t]*(#.*)?$")
      message(FATAL_ERROR "errcat_add_catalog(${target}): ${catalog} has no top-level `catalog: <id>` line")
    endif()
    set(id "${CMAKE_MATCH_1}")
    list(APPEND catalogs "${catalog}")
    list(APPEND outputs "${arg_OUTPUT_DIR}/${id}_errors.hpp" "${arg_OUTPUT_DIR}/${id}_errors.cpp")
    list(APPEND sources "${arg_OUTPUT_DIR}/${id}_errors.cpp")
  endforeach()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${catalogs})

  set(template_args "")
  set(template_files "")
  if(arg_TEMPLATES)
    cmake_path(ABSOLUTE_PATH arg_TEMPLATES BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    set(template_args --templates "${arg_TEMPLATES}")
    # The depfile names the templates errcat read; globbing also notices a newly added one.
    file(GLOB_RECURSE template_files CONFIGURE_DEPENDS "${arg_TEMPLATES}/cpp/*.mustache")
  endif()

  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}_errcat.d")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND errcat::errcat generate --cpp "${arg_OUTPUT_DIR}" --depfile "${depfile}"
            --source-root "${CMAKE_CURRENT_SOURCE_DIR}" --color never ${template_args} ${catalogs}
    DEPENDS ${catalogs} ${template_files} errcat::errcat
    DEPFILE "${depfile}"
    COMMENT "errcat: generating C++ for ${target}"
    VERBATIM)

  add_library(${target} ${sources})
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${arg_OUTPUT_DIR}>")
  target_compile_features(${target} PUBLIC cxx_std_17)
  target_link_libraries(${target} PUBLIC fmt::fmt)
endfunction()
