# Writes the seed corpora into SEEDS_DIR (one folder a fuzz target) from the shared worked
# cases and the built-in rule file, so nothing is copied into the repository.
# cmake -DSHARED_DIR=... -DRULES_FILE=... -DSEEDS_DIR=... -P seeds.cmake
foreach(target assess journal analyze report rules)
  file(REMOVE_RECURSE "${SEEDS_DIR}/${target}")
  file(MAKE_DIRECTORY "${SEEDS_DIR}/${target}")
endforeach()

function(seed target name text)
  file(WRITE "${SEEDS_DIR}/${target}/${name}" "${text}")
endfunction()

# A journal goes to the three journal targets; the report target's first byte picks the
# format (0 json, 1 html, 2 csv).
function(journal_seed name text)
  seed(journal "${name}" "${text}")
  seed(analyze "${name}" "${text}")
  seed(report "${name}-json" "0${text}")
  seed(report "${name}-html" "1${text}")
  seed(report "${name}-csv" "2${text}")
endfunction()

# Assessments: every vignette's input, and every example input of the rule file.
file(GLOB vignettes "${SHARED_DIR}/vignettes/*.json")
foreach(file ${vignettes})
  get_filename_component(name "${file}" NAME_WE)
  file(READ "${file}" content)
  string(JSON input GET "${content}" input)
  seed(assess "${name}" "${input}")
endforeach()
file(READ "${RULES_FILE}" rules)
seed(rules "checker-rules" "${rules}")
string(JSON examples LENGTH "${rules}" examples)
math(EXPR last "${examples} - 1")
foreach(i RANGE ${last})
  string(JSON input GET "${rules}" examples ${i} input)
  seed(assess "rule-example-${i}" "${input}")
endforeach()

# Journals: every worked example and every bad journal of the shared set.
file(GLOB journals "${SHARED_DIR}/journal-examples/[0-9]*.json")
foreach(file ${journals})
  get_filename_component(name "${file}" NAME_WE)
  file(READ "${file}" content)
  string(JSON journal GET "${content}" journal)
  journal_seed("${name}" "${journal}")
endforeach()
file(READ "${SHARED_DIR}/journal-examples/bad-journals.json" bad)
string(JSON count LENGTH "${bad}")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON text GET "${bad}" ${i} text)
  journal_seed("bad-${i}" "${text}")
endforeach()
