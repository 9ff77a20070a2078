#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
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

# The four commands run in turn, $runs rounds after a warm-up, so a busy
# machine slows them alike; totals in nanoseconds per command.
xlsx=0 pdf=0 csv=0 ss=0 start=0
now () { date +%s%N; }
timed () {
  t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
  echo $((t1 - t0))
}
round=0
while [ $round -le "$runs" ]; do
  a=$(timed $pl "$rocznik" --workspace "$ws" --export "$dir/raport.xlsx")
  b=$(timed $pl "$rocznik" --workspace "$ws" --export "$dir/raport.pdf")
  c=$(timed $pl "$rocznik" --workspace "$ws" --export "$dir/raport.csv")
  d=$(timed ssconvert "$dir/sample.csv" "$dir/ssconvert.xlsx")
  e=$(timed $pl "$rocznik" --version)
  if [ $round -gt 0 ]; then   # round 0 warms the caches
    xlsx=$((xlsx + a)) pdf=$((pdf + b)) csv=$((csv + c)) ss=$((ss + d)) start=$((start + e))
  fi
  round=$((round + 1))
done
xlsx=$((xlsx / runs / 1000)) pdf=$((pdf / runs / 1000)) csv=$((csv / runs / 1000)) ss=$((ss / runs / 1000))
start=$((start / runs / 1000))

ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf 'runs: %d each; rocznik under LC_ALL=pl_PL.UTF-8\n' "$runs"
printf 'rocznik --export raport.xlsx  %8.1f ms  (%s× ssconvert)\n' "$(ratio "$xlsx" 1000)" "$(ratio "$xlsx" "$ss")"
printf 'rocznik --export raport.pdf   %8.1f ms  (%s× ssconvert)\n' "$(ratio "$pdf" 1000)" "$(ratio "$pdf" "$ss")"
printf 'rocznik --export raport.csv   %8.1f ms  (%s× ssconvert)\n' "$(ratio "$csv" 1000)" "$(ratio "$csv" "$ss")"
printf 'ssconvert sample.csv → xlsx   %8.1f ms\n' "$(ratio "$ss" 1000)"
printf 'rocznik --version (start-up)  %8.1f ms\n' "$(ratio "$start" 1000)"
# Where a PDF's time goes inside the process: five more runs, the fastest.
for i in 1 2 3 4 5; do
  G_MESSAGES_DEBUG=Rocznik $pl "$rocznik" --workspace "$ws" --export "$dir/raport.pdf" 2>&1 |
    sed -n 's/.*report: PDF /PDF breakdown: /p'
done | awk '{ t = $4 + $7 + $10 + $13 } NR == 1 || t < best { best = t; line = $0 } END { if (NR) print line }'
