# The WebAssembly half: the same source tree configured again with Debian's Emscripten
# toolchain, built on every `cmake --build build`, its tests run from this ctest.
include(ExternalProject)
find_program(NODE_EXECUTABLE node REQUIRED)
set(TWITCHCHECK_WASM_BINARY_DIR "${CMAKE_BINARY_DIR}/wasm")
# The demo host page (web/CMakeLists.txt) is assembled in build/demo, apart from the site.
set(TWITCHCHECK_DEMO_WIDGET_ORIGINS "" CACHE STRING "origins the demo host may load the widget from, besides its own copy")
# Emscripten's JS tools need Debian's node modules (acorn) on NODE_PATH.
set(emscripten_env ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
ExternalProject_Add(twitchcheck_wasm
  SOURCE_DIR "${CMAKE_SOURCE_DIR}"
  BINARY_DIR "${TWITCHCHECK_WASM_BINARY_DIR}"
  CONFIGURE_COMMAND ${emscripten_env} ${CMAKE_COMMAND} -G Ninja
    -S "${CMAKE_SOURCE_DIR}" -B "${TWITCHCHECK_WASM_BINARY_DIR}"
    -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CROSSCOMPILING_EMULATOR=${NODE_EXECUTABLE}
    -DTWITCHCHECK_SHARED_DIR=${TWITCHCHECK_SHARED_DIR}
    -DTWITCHCHECK_SITE_DIR=${CMAKE_BINARY_DIR}/site
    -DTWITCHCHECK_DEMO_DIR=${CMAKE_BINARY_DIR}/demo
    "-DTWITCHCHECK_DEMO_WIDGET_ORIGINS=${TWITCHCHECK_DEMO_WIDGET_ORIGINS}"
  BUILD_COMMAND ${emscripten_env} ${CMAKE_COMMAND} --build "${TWITCHCHECK_WASM_BINARY_DIR}"
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD ON)

add_test(NAME wasm_core_tests
  COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${TWITCHCHECK_WASM_BINARY_DIR}" --output-on-failure)
