#!/usr/bin/env bash
# The `sanitizer_tests` ctest: builds core_tests with -DTWITCHCHECK_SANITIZE=ON (ASan +
# UBSan, no recovery) in its own folder and runs every unit test there; any sanitizer
# report or leak fails.
#   tests/sanitizer/run.sh SOURCE_DIR ASAN_BUILD_DIR SHARED_DIR
set -euo pipefail
source_dir=$1 build_dir=$2 shared_dir=$3
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTWITCHCHECK_SANITIZE=ON -DTWITCHCHECK_WASM=OFF -DTWITCHCHECK_BROWSER_TESTS=OFF \
  -DTWITCHCHECK_SHARED_DIR="$shared_dir" >"$build_dir.configure.log" 2>&1 \
  || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" --target core_tests -j "${TWITCHCHECK_SANITIZER_JOBS:-2}"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
log="$build_dir/core_tests.log"
set +e
"$build_dir/tests/core_tests" >"$log" 2>&1
status=$?
set -e
tail -n 40 "$log"
if grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' "$log"; then
  echo "sanitizer_tests: a sanitizer reported a problem (full log: $log)"
  grep -E -A30 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' "$log" | head -80
  exit 1
fi
[ "$status" -eq 0 ] || { echo "sanitizer_tests: core_tests exited with $status (full log: $log)"; exit 1; }
echo "sanitizer_tests: every core test passed under ASan+UBSan (detect_leaks=1)"
