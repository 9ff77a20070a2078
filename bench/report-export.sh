#!/bin/sh
# Times `rocznik --export` of the sample (a full report with charts) to XLSX
# and to PDF against gnumeric's ssconvert turning the same topic table (as
# CSV) into a plain XLSX, in the same run, and prints the ratios.
#   bench/report-export.sh [BUILD_DIR] [RUNS]
set -eu
build=${1:-build}
runs=${2:-20}
rocznik=$(readlink -f "$build/src/rocznik")
[ -x "$rocznik" ] || { echo "no $rocznik: build first" >&2; exit 1; }
command -v ssconvert >/dev/null || { echo "ssconvert (gnumeric) is not installed" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ws="$dir/workspace.db"
export LC_ALL=C
pl="env LC_ALL=pl_PL.UTF-8"   # the report runs under the Polish locale, as from the window
$pl "$rocznik" --workspace "$ws" --export "$dir/sample.csv" >/dev/null   # creates the sample workspace

# Mean wall time of a command in milliseconds over $runs runs (after one warm-up).
mean_ms () {
  "$@" >/dev/null 2>&1
  start=$(date +%s%N)
  i=0
  while [ $i -lt "$runs" ]; do
    "$@" >/dev/null 2>&1
    i=$((i + 1))
  done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))
}

xlsx=$(mean_ms $pl "$rocznik" --workspace "$ws" --export "$dir/raport.xlsx")
pdf=$(mean_ms $pl "$rocznik" --workspace "$ws" --export "$dir/raport.pdf")
csv=$(mean_ms $pl "$rocznik" --workspace "$ws" --export "$dir/raport.csv")
ss=$(mean_ms ssconvert "$dir/sample.csv" "$dir/ssconvert.xlsx")

ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf 'runs: %d each; rocznik under LC_ALL=pl_PL.UTF-8\n' "$runs"
printf 'rocznik --export raport.xlsx  %8.1f ms  (%s× ssconvert)\n' "$(ratio "$xlsx" 1000)" "$(ratio "$xlsx" "$ss")"
printf 'rocznik --export raport.pdf   %8.1f ms  (%s× ssconvert)\n' "$(ratio "$pdf" 1000)" "$(ratio "$pdf" "$ss")"
printf 'rocznik --export raport.csv   %8.1f ms  (%s× ssconvert)\n' "$(ratio "$csv" 1000)" "$(ratio "$csv" "$ss")"
printf 'ssconvert sample.csv → xlsx   %8.1f ms\n' "$(ratio "$ss" 1000)"
