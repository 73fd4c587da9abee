#!/bin/sh
# sanitize.sh: builds the core, its tests and the fuzz targets with clang, ASan and UBSan, and runs them
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   sanitize.sh build              configure and build the sanitizer build dir
#   sanitize.sh test NAME          run the core test NAME there (meson test NAME)
#   sanitize.sh fuzz TARGET        the gate the hardening suite runs: TARGET (deck-parser, html-sanitizer,
#                                  page-renderer, review-log, study-format) fuzzed for a fixed number of
#                                  inputs (about a minute here; $BP_FUZZ_RUNS sets it) from a fixed seed,
#                                  the seeds and regressions only
#   sanitize.sh explore TARGET [S] fuzz TARGET for S seconds (default 600) from a random seed, growing
#                                  a corpus of its own in the build dir: how new bugs are found
#
# The gate is the same run on every machine, so it fails only where the code did: the
# mutations follow one seed and start from what the source tree holds, and a slow machine
# that reaches the time cap first has only run a part of the same sequence.
#
# The build dir is $BP_SANITIZE_BUILD_DIR, or _build-sanitize in the source tree. Only the
# core's programs are built there: WebKit's web process does not run under ASan, so the
# UI stays out. Meson runs these as the "hardening" suite (tests/hardening/meson.build).
set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BP_SANITIZE_BUILD_DIR:-"$source_dir/_build-sanitize"}

# Any finding stops the program with a report and a failing status: UBSan does not
# merely warn, and leaks count (LeakSanitizer runs at exit).
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

die() {
  echo "sanitize.sh: $*" >&2
  exit 1
}

# The core's test programs, as the sanitizer build's meson knows them, plus the writers
# that test-study-store and test-review-log start: nothing that links GTK or WebKit. A core
# test run by an interpreter (check-inspect.py drives the app) builds nothing here.
core_targets() {
  meson introspect "$build_dir" --tests | python3 -c '
import json, os, sys
build_dir = os.path.realpath(sys.argv[1])
for test in json.load(sys.stdin):
    program = os.path.realpath(test["cmd"][0])
    if (any(suite.split(":")[-1] == "core" for suite in test["suite"])
            and os.path.commonpath([program, build_dir]) == build_dir):
        print(os.path.relpath(program, build_dir))
' "$build_dir"
  echo tests/study-store-writer
  echo tests/review-log-writer
  # Every libFuzzer target: tests/fuzz/fuzz-<target>.c, beside the replay's own main.
  for source in "$source_dir"/tests/fuzz/fuzz-*.c; do
    name=$(basename "$source" .c)
    [ "$name" = fuzz-replay ] || echo "tests/fuzz/$name"
  done
}

# Several hardening tests start at once: one configures and builds, the others wait.
build() {
  command -v clang >/dev/null || die "clang is missing: run build-aux/install-deps.sh --test"
  mkdir -p "$(dirname "$build_dir")"
  exec 9>"$build_dir.lock"
  flock 9

  if [ ! -f "$build_dir/build.ninja" ]; then
    CC=clang meson setup "$build_dir" "$source_dir" \
      --buildtype=debugoptimized \
      -Db_sanitize=address,undefined \
      -Db_lundef=false \
      -Dc_args="-fno-sanitize-recover=all -fno-omit-frame-pointer" \
      -Dfuzzing=true \
      -Dtests=true >&2 || die "could not configure $build_dir"
  fi
  # Regenerated first if a meson.build changed, so the list of core tests is current.
  ninja -C "$build_dir" build.ninja >&2 || die "could not reconfigure $build_dir"
  # shellcheck disable=SC2046 # one word per target
  ninja -C "$build_dir" $(core_targets) >&2 || die "could not build the core in $build_dir"

  exec 9>&-
}

run_test() {
  name=$1
  build
  # The hardening test that runs this reads only its status; the report goes to its log.
  exec meson test -C "$build_dir" --no-rebuild --print-errorlogs --logbase "testlog-$name" "$name" >&2
}

# About a minute of each on two cores, under the sanitizers.
gate_runs() {
  case $1 in
    deck-parser) echo 80000 ;;
    html-sanitizer | page-renderer) echo 16000 ;;
    *) echo 800000 ;;
  esac
}

run_fuzzer() {
  mode=$1
  target=$2
  fuzzer="$build_dir/tests/fuzz/fuzz-$target"
  seeds="$source_dir/tests/fuzz/corpus/$target"
  regressions="$source_dir/tests/fuzz/regressions/$target"
  # New inputs go to the build dir, never into the seeds in the source tree.
  work="$build_dir/fuzz-corpus/$target"
  artifacts="$build_dir/fuzz-artifacts/$target"

  [ -d "$seeds" ] || die "no seed corpus $seeds"
  build
  mkdir -p "$work" "$artifacts"

  if [ "$mode" = gate ]; then
    # What the gate finds goes to a scratch corpus, emptied first, and is not read again.
    work="$build_dir/fuzz-gate/$target"
    rm -rf "$work"
    mkdir -p "$work"
    runs=${BP_FUZZ_RUNS:-$(gate_runs "$target")}
    limits="-seed=1 -runs=$runs -max_total_time=600"
    what="$runs inputs from seed 1"
  else
    limits="-max_total_time=$3"
    what="$3 s"
  fi

  log="$build_dir/fuzz-$target.log"
  # A target with a dictionary of its own uses it; the markdown targets share one.
  dict="$source_dir/tests/fuzz/$target.dict"
  [ -f "$dict" ] || dict="$source_dir/tests/fuzz/markdown.dict"

  echo "Fuzzing $target for $what; the whole log is $log" >&2
  status=0
  # shellcheck disable=SC2086 # one word per option
  "$fuzzer" "$work" "$seeds" "$regressions" \
    -dict="$dict" \
    $limits \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -error_exitcode=1 \
    -timeout_exitcode=1 \
    -artifact_prefix="$artifacts/" \
    -print_final_stats=1 2>"$log" || status=$?

  if [ "$status" -ne 0 ]; then
    # libFuzzer's own codes (77 by default) would read as "skipped" to meson.
    status=1
    # The report is at the end; the thousands of progress lines before it are not news.
    tail -n 80 "$log" >&2
    echo "fuzz-$target found a problem; the input is in $artifacts/." >&2
    echo "Replay it: $build_dir/tests/fuzz/fuzz-replay-$target INPUT" >&2
    echo "Once it is fixed, keep it in $regressions/ (named for the bug)." >&2
  else
    grep -E '^(Done|stat::)' "$log" >&2 || true
  fi
  exit "$status"
}

case "${1:-}" in
  build) build ;;
  test) [ $# -eq 2 ] || die "usage: sanitize.sh test NAME"; run_test "$2" ;;
  fuzz) [ $# -eq 2 ] || die "usage: sanitize.sh fuzz TARGET"; run_fuzzer gate "$2" ;;
  explore) [ $# -ge 2 ] || die "usage: sanitize.sh explore TARGET [SECONDS]"; run_fuzzer explore "$2" "${3:-600}" ;;
  *) die "usage: sanitize.sh build | test NAME | fuzz TARGET | explore TARGET [SECONDS]" ;;
esac
