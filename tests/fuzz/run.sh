#!/usr/bin/env bash
# The `fuzz` ctest: builds the libFuzzer targets in their own clang build folder and runs
# each for TWITCHCHECK_FUZZ_SECONDS (default 45). Any crash, leak, timeout, out-of-memory,
# sanitizer report or broken api invariant fails the test. docs/quality.md tells how to
# run them longer.
#   tests/fuzz/run.sh SOURCE_DIR FUZZ_BUILD_DIR SHARED_DIR [TARGET...]
set -uo pipefail
source_dir=$1 build_dir=$2 shared_dir=$3
shift 3
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(assess journal analyze report rules session)
seconds=${TWITCHCHECK_FUZZ_SECONDS:-45}

echo "fuzz: building the fuzz targets in ${build_dir}"
cmake -S "$source_dir" -B "$build_dir" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTWITCHCHECK_FUZZ=ON -DTWITCHCHECK_WASM=OFF -DTWITCHCHECK_BROWSER_TESTS=OFF \
  -DTWITCHCHECK_SHARED_DIR="$shared_dir" >"$build_dir.configure.log" 2>&1 \
  || { cat "$build_dir.configure.log"; echo "fuzz: 0 passed, ${#targets[@]} failed (configure)"; exit 1; }
cmake --build "$build_dir" --target fuzz_targets -j "${TWITCHCHECK_FUZZ_JOBS:-2}" \
  || { echo "fuzz: 0 passed, ${#targets[@]} failed (build)"; exit 1; }

# Input size limits: an assessment is small; journals and the rule file need room.
declare -A max_len=([assess]=4096 [journal]=16384 [analyze]=16384 [report]=16384 [rules]=16384 [session]=16384)
declare -A dict=([assess]=assess [journal]=journal [analyze]=journal [report]=journal [rules]=rules [session]=journal)

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=1:symbolize=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
fuzzers="$build_dir/fuzzers"
passed=0 failed=0 summary=()
rm -rf "$fuzzers/artifacts"  # what is listed on failure is from this run only
for t in "${targets[@]}"; do
  corpus="$fuzzers/corpus/$t" artifacts="$fuzzers/artifacts" log="$fuzzers/$t.log"
  mkdir -p "$corpus" "$artifacts"
  # New finds go to the kept corpus (first folder); the seeds are read fresh every run.
  "$fuzzers/${t}_fuzz" "$corpus" "$build_dir/tests/fuzz/seeds/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$t]}" \
    -dict="$source_dir/tests/fuzz/${dict[$t]}.dict" -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t-" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $status -eq 0 ] && ! grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:|fuzz invariant broken|ERROR: libFuzzer' "$log"; then
    passed=$((passed + 1))
    summary+=("$(printf 'fuzz %-8s ok      %10s executions in %ss, %s, corpus %s files' "$t" "${runs:-?}" "$seconds" "${coverage:-cov: ?}" "$(ls "$corpus" | wc -l)")")
  else
    failed=$((failed + 1))
    summary+=("$(printf 'fuzz %-8s FAILED  %10s executions (exit %s); log %s' "$t" "${runs:-?}" "$status" "$log")")
    echo "----- $t: last lines of $log -----"
    tail -n 60 "$log"
    ls "$artifacts" | sed "s|^|artifact: $artifacts/|"
  fi
done
printf '%s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
