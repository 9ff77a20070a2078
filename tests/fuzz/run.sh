#!/bin/sh
# Runs each importer's libFuzzer target for SECONDS (default 60) on the
# fixtures as seed corpus. Builds build-fuzz with clang, ASan and UBSan first.
# A crash leaves its input in build-fuzz/fuzz-artifacts/ and exits non-zero:
# fix it, then keep the input in tests/fixtures/fuzz/ (test-import replays it).
#   tests/fuzz/run.sh [SECONDS]
set -eu
seconds=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$src/build-fuzz

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized
fi
ninja -C "$build" tests/fuzz/fuzz-csv tests/fuzz/fuzz-xlsx tests/fuzz/fuzz-report-text tests/seed-2018-openpyxl.xlsx

work=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
mkdir -p "$work/csv" "$work/xlsx" "$work/report-text" "$artifacts"
cp "$src"/tests/fixtures/*.csv "$src"/tests/fixtures/*.tsv "$src"/tests/fixtures/bad/* "$work/csv/" 2>/dev/null || true
cp "$build"/tests/*.xlsx "$work/xlsx/"
rm -f "$work/xlsx/bomb.xlsx"   # slow to inflate on every mutation; its check is in test-import
cp "$src"/resources/sample/*.txt "$work/report-text/"
for f in "$src"/tests/fixtures/fuzz/*; do
  [ -e "$f" ] || continue
  case "$f" in
    *.xlsx) cp "$f" "$work/xlsx/" ;;
    *.txt) cp "$f" "$work/report-text/" ;;
    *) cp "$f" "$work/csv/" ;;
  esac
done

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in csv xlsx report-text; do
  echo "== fuzz-$target for ${seconds}s"
  "$build/tests/fuzz/fuzz-$target" "$work/$target" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=1024 -timeout=10 -artifact_prefix="$artifacts/$target-" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+.*(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" || true
  if ls "$artifacts/$target-"* >/dev/null 2>&1; then
    echo "fuzz-$target found a crash: $(ls "$artifacts/$target-"*)"
    status=1
  fi
done
exit $status
