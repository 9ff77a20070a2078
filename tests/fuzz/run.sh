#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each importer's libFuzzer target for SECONDS (default 60) on the
# fixtures as seed corpus. Builds build-fuzz with clang, ASan and UBSan
# (float-cast-overflow included, no recovery) first. Any sanitizer report or
# crash fails the run; its input is left in build-fuzz/fuzz-artifacts/: fix
# it, then keep the input in tests/fixtures/fuzz/ (test-import replays it).
#   tests/fuzz/run.sh [SECONDS] [TARGET…]     TARGET: csv, xlsx, report-text
set -eu
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-csv xlsx report-text}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$src/build-fuzz

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized
fi
ninja -C "$build" tests/fuzz/fuzz-csv tests/fuzz/fuzz-xlsx tests/fuzz/fuzz-report-text tests/seed-2018-openpyxl.xlsx \
  tests/zgloszenia-2014-2015.txt tests/rozmowy-2019-cp1250.csv

work=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
mkdir -p "$work/csv" "$work/xlsx" "$work/report-text" "$artifacts"
# every fixture of every importer, by its kind; the generated workbooks; the seeds in tests/fuzz/corpus
find "$src/tests/fixtures" -type f ! -path '*/fuzz/*' ! -name '*.py' ! -name '*.expected' ! -name 'README*' |
  while read -r f; do
    case "$f" in
      *.xlsx) cp "$f" "$work/xlsx/" ;;
      *.txt) cp "$f" "$work/report-text/" ;;
      *) cp "$f" "$work/csv/" ;;
    esac
  done
cp "$build"/tests/*.xlsx "$work/xlsx/"
# the generated per-request exports (UTF-16 "Unicode text" as .txt, 311-style CSV): delimited, and
# the .txt ones are what the report-text target meets first too
for f in "$build"/tests/*.txt "$build"/tests/*.csv; do
  [ -e "$f" ] || continue
  cp "$f" "$work/csv/"
  case "$f" in *.txt) cp "$f" "$work/report-text/" ;; esac
done
# slow to inflate on every mutation and beyond -max_len; their checks are in the tests
rm -f "$work/xlsx/bomb.xlsx" "$work/xlsx/strings-too-many-2019.xlsx"
cp "$src"/resources/sample/*.txt "$work/report-text/"
for target in csv xlsx report-text; do
  cp "$src/tests/fuzz/corpus/$target/"* "$work/$target/" 2>/dev/null || true
done
for f in "$src"/tests/fixtures/fuzz/*; do
  [ -e "$f" ] || continue
  case "$f" in
    *.xlsx) cp "$f" "$work/xlsx/" ;;
    *.txt) cp "$f" "$work/report-text/" ;;
    *README*) ;;
    *) cp "$f" "$work/csv/" ;;
  esac
done

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in $targets; do
  log=$build/fuzz-$target.log
  echo "== fuzz-$target for ${seconds}s"
  "$build/tests/fuzz/fuzz-$target" "$work/$target" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=1024 -timeout=10 -artifact_prefix="$artifacts/$target-" -print_final_stats=1 >"$log" 2>&1 || true
  grep -E "^(#[0-9]+.*(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" "$log" || true
  if grep -qE "runtime error:|==[0-9]+==ERROR|Sanitizer|ERROR: libFuzzer|deadly signal" "$log"; then
    echo "fuzz-$target: a sanitizer or libFuzzer report, see $log:"
    grep -E -m5 -A3 "runtime error:|==[0-9]+==ERROR|Sanitizer|ERROR: libFuzzer|deadly signal" "$log"
    status=1
  fi
  if ls "$artifacts/$target-"* >/dev/null 2>&1; then
    echo "fuzz-$target left inputs: $(ls "$artifacts/$target-"*)"
    status=1
  fi
done
exit $status
