# Copies web/ (less the build files) and the modules into SITE_DIR, checks and builds the
# page's languages, then writes precache.js: the service worker's cache version and the
# list of files it precaches (every language's words, manifest and engine words).
file(REMOVE_RECURSE "${SITE_DIR}")
file(MAKE_DIRECTORY "${SITE_DIR}")
file(GLOB_RECURSE sources RELATIVE "${WEB_DIR}" "${WEB_DIR}/*")
foreach(rel ${sources})
  # The demo host is no part of the site (cmake/demo-host.mjs builds it beside the site).
  if(rel MATCHES "(^|/)CMakeLists\\.txt$" OR rel MATCHES "\\.cmake$" OR rel MATCHES "^demo/")
    continue()
  endif()
  get_filename_component(dir "${SITE_DIR}/${rel}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  file(COPY_FILE "${WEB_DIR}/${rel}" "${SITE_DIR}/${rel}")
endforeach()
file(COPY_FILE "${MODULE_JS}" "${SITE_DIR}/twitchcheck.js")
file(COPY_FILE "${MODULE_WASM}" "${SITE_DIR}/twitchcheck.wasm")
# The widget's smaller, checker-only module (wasm/CMakeLists.txt).
file(COPY_FILE "${CHECKER_MODULE_JS}" "${SITE_DIR}/twitchcheck-checker.js")
file(COPY_FILE "${CHECKER_MODULE_WASM}" "${SITE_DIR}/twitchcheck-checker.wasm")
# The licence and the third-party notices, as text the About line links to (and a
# browser shows rather than downloads).
file(COPY_FILE "${SOURCE_DIR}/LICENSE" "${SITE_DIR}/LICENSE.txt")
file(COPY_FILE "${SOURCE_DIR}/THIRD-PARTY-NOTICES" "${SITE_DIR}/THIRD-PARTY-NOTICES.txt")
# The project's one version (CMake's project(VERSION)): the About line and the widget's
# `version` property read it from here; the service worker's cache name carries it.
file(WRITE "${SITE_DIR}/version.js"
  "// Generated at build time from CMake's project(VERSION).\nexport const version = \"${PROJECT_VERSION}\";\n")
# The engine's checker words of each language, for the checker-only module (addLanguage).
file(GLOB engine_words "${ENGINE_WORDS_DIR}/*.json")
file(COPY ${engine_words} DESTINATION "${SITE_DIR}/engine-words")
# The page's words: every language checked against English (the build fails naming the
# file and the key), then the language list, one manifest per language and the pages'
# English defaults written (cmake/page-languages.mjs).
execute_process(
  COMMAND "${NODE_EXECUTABLE}" "${PAGE_LANGUAGES}" --web "${WEB_DIR}" --engine-lang "${ENGINE_LANG_DIR}" --site "${SITE_DIR}"
  RESULT_VARIABLE languages_result)
if(NOT languages_result EQUAL 0)
  message(FATAL_ERROR "The page's language files have problems (above).")
endif()

# The site's own JavaScript ships without its comment lines (cmake/strip-comments.mjs; the
# source keeps them): about 30% of the widget's gzip bytes. The modules' glue is left as
# Emscripten wrote it.
file(GLOB_RECURSE scripts "${SITE_DIR}/*.js")
list(FILTER scripts EXCLUDE REGEX "/twitchcheck(-checker)?\\.js$")
execute_process(COMMAND "${NODE_EXECUTABLE}" "${STRIP_COMMENTS}" ${scripts} RESULT_VARIABLE strip_result)
if(NOT strip_result EQUAL 0)
  message(FATAL_ERROR "Could not strip the comment lines of the site's JavaScript.")
endif()
# And its stylesheets without their comments (cmake/strip-css-comments.mjs, beside it):
# about a quarter of the widget's styles, gzipped.
file(GLOB_RECURSE stylesheets "${SITE_DIR}/*.css")
execute_process(COMMAND "${NODE_EXECUTABLE}" "${SOURCE_DIR}/cmake/strip-css-comments.mjs" ${stylesheets} RESULT_VARIABLE css_result)
if(NOT css_result EQUAL 0)
  message(FATAL_ERROR "Could not strip the comments of the site's stylesheets.")
endif()

# The app precaches everything it serves except the service worker itself and what only
# embedding sites load (the widget's script, element and iframe page):
# an app visitor does not download those. The checker-only module is precached: the
# app's checker screen runs on it (the journal screens on the full module).
file(GLOB_RECURSE shipped RELATIVE "${SITE_DIR}" "${SITE_DIR}/*")
list(SORT shipped)
set(list "")
set(hash_input "")
foreach(rel ${shipped})
  if(rel STREQUAL "sw.js" OR rel STREQUAL "precache.js" OR rel MATCHES "^widget/"
     OR rel MATCHES "^(widget\\.js|embed\\.html)$")
    continue()
  endif()
  file(SHA256 "${SITE_DIR}/${rel}" digest)
  string(APPEND hash_input "${rel}:${digest}\n")
  string(APPEND list "  \"./${rel}\",\n")
endforeach()
string(SHA256 version "${hash_input}")
string(SUBSTRING "${version}" 0 12 version)
# The cache name: the project's version, then the content's hash (a rebuild with changed
# files is a new cache even within one version).
set(version "${PROJECT_VERSION}-${version}")
file(WRITE "${SITE_DIR}/precache.js"
  "// Generated at build time: the cache version and every file the app needs offline.\n"
  "self.TWITCHCHECK_PRECACHE = {\n  version: \"${version}\",\n  files: [\n  \"./\",\n${list}  ],\n};\n")
