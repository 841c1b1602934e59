# Quality gates registered from the top-level native build (included by tests/CMakeLists.txt):
# fuzzing, the unit tests under ASan+UBSan, benchmarks with budgets, Lighthouse.
# docs/quality.md explains each and how to run it alone.
option(TWITCHCHECK_FUZZ "build the libFuzzer targets (clang only; tests/fuzz)" OFF)
option(TWITCHCHECK_QUALITY_TESTS "register the fuzz, sanitizer, bench and Lighthouse tests" ON)

if(TWITCHCHECK_FUZZ)
  add_subdirectory("${CMAKE_CURRENT_LIST_DIR}/fuzz" "${CMAKE_CURRENT_BINARY_DIR}/fuzz")
endif()

# The native half of tests/module/differential.test.mjs: many api calls in one process.
if(TWITCHCHECK_WASM)
  add_executable(api_batch "${CMAKE_CURRENT_LIST_DIR}/module/api_batch.cpp")
  target_link_libraries(api_batch PRIVATE twitchcheck::core)
endif()

# The sub-builds below configure this tree again; they must not register these tests again.
if(TWITCHCHECK_QUALITY_TESTS AND NOT TWITCHCHECK_FUZZ AND NOT TWITCHCHECK_SANITIZE)
  find_program(BASH_EXECUTABLE bash REQUIRED)

  add_test(NAME fuzz
    COMMAND ${BASH_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/fuzz/run.sh"
            "${CMAKE_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/fuzz" "${TWITCHCHECK_SHARED_DIR}")
  set_tests_properties(fuzz PROPERTIES TIMEOUT 1800)

  add_test(NAME sanitizer_tests
    COMMAND ${BASH_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/sanitizer/run.sh"
            "${CMAKE_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/asan" "${TWITCHCHECK_SHARED_DIR}")
  set_tests_properties(sanitizer_tests PROPERTIES TIMEOUT 1800)

  if(TWITCHCHECK_WASM)
    find_program(NODE_EXECUTABLE node REQUIRED)
    add_test(NAME bench_report COMMAND ${NODE_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/bench/report")
    set_tests_properties(bench_report PROPERTIES TIMEOUT 900 ENVIRONMENT
      "TWITCHCHECK_BUILD_DIR=${CMAKE_BINARY_DIR};TWITCHCHECK_SHARED_DIR=${TWITCHCHECK_SHARED_DIR}")

    if(TWITCHCHECK_BROWSER_TESTS)
      add_test(NAME lighthouse COMMAND ${NODE_EXECUTABLE} "${CMAKE_CURRENT_LIST_DIR}/lighthouse/run.mjs")
      set_tests_properties(lighthouse PROPERTIES TIMEOUT 600 ENVIRONMENT
        "TWITCHCHECK_SITE_DIR=${CMAKE_BINARY_DIR}/site")
    endif()
  endif()
endif()
