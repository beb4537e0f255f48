# CMake functions of errcat, the same whether errcat came in by find_package(errcat),
# add_subdirectory() or FetchContent:
#
# errcat_add_catalog(<target> CATALOGS <file.yaml>... [TEMPLATES <dir>] [OUTPUT_DIR <dir>]
#                    [INSTALL_INCLUDEDIR <dir>] [LOCK <errcat.lock>])
#   A library <target> with the C++ generated from the catalogs (one <catalog>_errors.hpp/.cpp
#   per file plus errcat_runtime.hpp), its include directory ($<BUILD_INTERFACE> the output
#   folder, $<INSTALL_INTERFACE> INSTALL_INCLUDEDIR, default ${CMAKE_INSTALL_INCLUDEDIR}) and
#   fmt::fmt. Outputs go to the binary dir (default ${CMAKE_CURRENT_BINARY_DIR}/<target>_errcat).
#   The code is regenerated when a catalog or a template changes (errcat writes a depfile), and
#   errcat rewrites only files whose bytes changed, so an edit that changes nothing recompiles
#   nothing. With LOCK, the build first checks the catalogs against that lock file (a removed,
#   reused or re-signed code fails the build; `errcat lock` updates it).
#
# errcat_install_catalog(<target> [DESTINATION <dir>] [COMPONENT <name>])
#   Installs the generated headers of <target> (default destination: its INSTALL_INCLUDEDIR);
#   install(TARGETS <target> EXPORT ...) installs the library itself, as for any library.
#
# errcat_add_docs(<target> CATALOGS <file.yaml>... [HTML <dir>] [MARKDOWN <dir>]
#                 [TEMPLATES <dir>] [ALL])
#   A custom target that builds the HTML site and/or the Markdown reference, with the same
#   depfile and rewrite-only-what-changed guarantees as the C++.
#
# The generator runs on the build host: set ERRCAT_EXECUTABLE (cache variable) to a host errcat
# when cross-compiling; errcat's own build then does not build the tool for the target.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(ERRCAT_EXECUTABLE "${ERRCAT_EXECUTABLE}" CACHE FILEPATH
    "errcat to run at build time (a build-host binary when cross-compiling); empty: the errcat::errcat target")

# The command that runs errcat, and what a custom command must depend on for it.
function(_errcat_command out_command out_depends)
  if(ERRCAT_EXECUTABLE)
    set(${out_command} "${ERRCAT_EXECUTABLE}" PARENT_SCOPE)
    set(${out_depends} "${ERRCAT_EXECUTABLE}" PARENT_SCOPE)
  elseif(TARGET errcat::errcat)
    set(${out_command} errcat::errcat PARENT_SCOPE)
    set(${out_depends} errcat::errcat PARENT_SCOPE)
  else()
    message(FATAL_ERROR "errcat: no errcat to run; call find_package(errcat CONFIG REQUIRED), add errcat with "
                        "add_subdirectory()/FetchContent, or set ERRCAT_EXECUTABLE")
  endif()
endfunction()

# The checks every function makes of its parsed arguments (in the caller's `arg_` variables).
macro(_errcat_check_arguments fn target)
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${fn}(${target}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_CATALOGS)
    message(FATAL_ERROR "${fn}(${target}): CATALOGS needs at least one .yaml file")
  endif()
endmacro()

# TEMPLATES <dir>: errcat's arguments, and the template files to depend on (the depfile names
# those errcat read; globbing also notices a newly added one). `pattern` is below the folder.
function(_errcat_templates dir pattern out_args out_files)
  set(args "")
  set(files "")
  if(dir)
    cmake_path(ABSOLUTE_PATH dir BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    set(args --templates "${dir}")
    file(GLOB_RECURSE files CONFIGURE_DEPENDS "${dir}/${pattern}")
  endif()
  set(${out_args} "${args}" PARENT_SCOPE)
  set(${out_files} "${files}" PARENT_SCOPE)
endfunction()

# Catalog files as absolute paths; checks they exist.
function(_errcat_catalog_files fn target out)
  set(files "")
  foreach(catalog IN LISTS ARGN)
    cmake_path(ABSOLUTE_PATH catalog BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    if(NOT EXISTS "${catalog}" OR IS_DIRECTORY "${catalog}")
      message(FATAL_ERROR "${fn}(${target}): ${catalog} is not a catalog file")
    endif()
    list(APPEND files "${catalog}")
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# The ids of the catalogs, from `errcat check --print-catalog-ids`. A tool that this very build
# makes (errcat's own tree, add_subdirectory, FetchContent) does not exist yet at configure time;
# then the top-level `catalog:` line is read (an id must be a plain [a-z][a-z0-9_]* word there).
function(_errcat_catalog_ids target out)
  set(ids "")
  set(program "")
  if(ERRCAT_EXECUTABLE)
    set(program "${ERRCAT_EXECUTABLE}")
  else()
    get_target_property(imported errcat::errcat IMPORTED)
    if(imported)
      get_target_property(program errcat::errcat LOCATION)
    endif()
  endif()
  if(program)
    # errcat's diagnostics go to stderr as they are (file:line:col: error: ...), unwrapped.
    execute_process(COMMAND "${program}" check --print-catalog-ids --color never ${ARGN}
                    OUTPUT_VARIABLE ids RESULT_VARIABLE result OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "errcat_add_catalog(${target}): the catalogs do not load (errcat's report above)")
    endif()
    string(REPLACE "\n" ";" ids "${ids}")
  else()
    foreach(catalog IN LISTS ARGN)
      # A translation (`translation: <id>`) gives texts to a catalog; it has no outputs of its own.
      file(STRINGS "${catalog}" translation_line REGEX "^translation:" LIMIT_COUNT 1)
      if(translation_line)
        continue()
      endif()
      file(STRINGS "${catalog}" id_line REGEX "^catalog:" LIMIT_COUNT 1)
      if(NOT id_line MATCHES "^catalog:[ \t]*[\"']?([a-z][a-z0-9_]*)[\"']?[ \t]*(#.*)?$")
        message(FATAL_ERROR "errcat_add_catalog(${target}): ${catalog} has no top-level `catalog: <id>` line")
      endif()
      list(APPEND ids "${CMAKE_MATCH_1}")
    endforeach()
  endif()
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

function(errcat_add_catalog target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEMPLATES;OUTPUT_DIR;INSTALL_INCLUDEDIR;LOCK" "CATALOGS")
  _errcat_check_arguments(errcat_add_catalog ${target})
  _errcat_command(errcat_command errcat_depends)
  # The generated code needs fmt. Found here, in the caller's directory, so that the imported
  # target is visible where the library is defined whether or not the caller found fmt itself.
  if(NOT TARGET fmt::fmt)
    find_package(fmt REQUIRED)
  endif()

  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}_errcat")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)
  cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${arg_OUTPUT_DIR}" in_binary_dir)
  if(NOT in_binary_dir)
    message(FATAL_ERROR "errcat_add_catalog(${target}): OUTPUT_DIR must be inside the build tree, not ${arg_OUTPUT_DIR}")
  endif()
  if(NOT arg_INSTALL_INCLUDEDIR)
    set(arg_INSTALL_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
  endif()

  _errcat_catalog_files(errcat_add_catalog ${target} catalogs ${arg_CATALOGS})
  # Output names come from each catalog's id (`catalog: token` -> token_errors.cpp), which
  # errcat reads at configure time; configure re-runs when a catalog changes, so a renamed id
  # is picked up and a broken catalog is reported right away.
  _errcat_catalog_ids(${target} ids ${catalogs})
  set(outputs "${arg_OUTPUT_DIR}/errcat_runtime.hpp")
  set(sources "")
  set(headers "${arg_OUTPUT_DIR}/errcat_runtime.hpp")
  foreach(id IN LISTS ids)
    list(APPEND outputs "${arg_OUTPUT_DIR}/${id}_errors.hpp" "${arg_OUTPUT_DIR}/${id}_errors.cpp")
    list(APPEND sources "${arg_OUTPUT_DIR}/${id}_errors.cpp")
    list(APPEND headers "${arg_OUTPUT_DIR}/${id}_errors.hpp")
  endforeach()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${catalogs})

  _errcat_templates("${arg_TEMPLATES}" "cpp/*.mustache" template_args template_files)

  set(lock_check "")
  set(lock_file "")
  if(arg_LOCK)
    cmake_path(ABSOLUTE_PATH arg_LOCK BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE OUTPUT_VARIABLE lock_file)
    set(lock_check COMMAND ${errcat_command} check --lock "${lock_file}" --color never ${catalogs})
  endif()

  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}_errcat.d")
  add_custom_command(
    OUTPUT ${outputs}
    ${lock_check}
    COMMAND ${errcat_command} generate --cpp "${arg_OUTPUT_DIR}" --depfile "${depfile}"
            --source-root "${CMAKE_CURRENT_SOURCE_DIR}" --color never ${template_args} ${catalogs}
    DEPENDS ${catalogs} ${template_files} ${lock_file} ${errcat_depends}
    DEPFILE "${depfile}"
    COMMENT "errcat: generating C++ for ${target}"
    VERBATIM)

  add_library(${target} ${sources})
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${arg_OUTPUT_DIR}>"
                                              "$<INSTALL_INTERFACE:${arg_INSTALL_INCLUDEDIR}>")
  target_compile_features(${target} PUBLIC cxx_std_17)
  target_link_libraries(${target} PUBLIC fmt::fmt)
  set_target_properties(${target} PROPERTIES ERRCAT_HEADERS "${headers}"
                                             ERRCAT_INSTALL_INCLUDEDIR "${arg_INSTALL_INCLUDEDIR}")
endfunction()

function(errcat_install_catalog target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "DESTINATION;COMPONENT" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "errcat_install_catalog(${target}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "errcat_install_catalog(${target}): no such target")
  endif()
  get_target_property(headers ${target} ERRCAT_HEADERS)
  if(NOT headers)
    message(FATAL_ERROR "errcat_install_catalog(${target}): ${target} was not made by errcat_add_catalog()")
  endif()
  if(NOT arg_DESTINATION)
    get_target_property(arg_DESTINATION ${target} ERRCAT_INSTALL_INCLUDEDIR)
  endif()
  set(component "")
  if(arg_COMPONENT)
    set(component COMPONENT "${arg_COMPONENT}")
  endif()
  install(FILES ${headers} DESTINATION "${arg_DESTINATION}" ${component})
endfunction()

function(errcat_add_docs target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ALL" "HTML;MARKDOWN;TEMPLATES" "CATALOGS")
  _errcat_check_arguments(errcat_add_docs ${target})
  if(NOT arg_HTML AND NOT arg_MARKDOWN)
    message(FATAL_ERROR "errcat_add_docs(${target}): give HTML <dir>, MARKDOWN <dir> or both")
  endif()
  _errcat_command(errcat_command errcat_depends)
  _errcat_catalog_files(errcat_add_docs ${target} catalogs ${arg_CATALOGS})

  # errcat's depfile names the first back end's main page (Markdown's index.md, else the site's
  # index.html), which is therefore the first output.
  set(outputs "")
  set(args "")
  foreach(kind IN ITEMS MARKDOWN HTML)
    if(arg_${kind})
      cmake_path(ABSOLUTE_PATH arg_${kind} BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)
      string(TOLOWER "${kind}" flag)
      list(APPEND args --${flag} "${arg_${kind}}")
      if(kind STREQUAL "MARKDOWN")
        list(APPEND outputs "${arg_${kind}}/index.md")
      else()
        list(APPEND outputs "${arg_${kind}}/index.html")
      endif()
    endif()
  endforeach()
  _errcat_templates("${arg_TEMPLATES}" "*.mustache" template_args template_files)
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}_errcat_docs.d")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${errcat_command} generate ${args} --depfile "${depfile}"
            --source-root "${CMAKE_CURRENT_SOURCE_DIR}" --color never ${template_args} ${catalogs}
    DEPENDS ${catalogs} ${template_files} ${errcat_depends}
    DEPFILE "${depfile}"
    COMMENT "errcat: generating docs for ${target}"
    VERBATIM)
  set(all "")
  if(arg_ALL)
    set(all ALL)
  endif()
  add_custom_target(${target} ${all} DEPENDS ${outputs})
endfunction()
