#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Chart and report exports in a loop while other processes load the CPU:
# every one must end with status 0 and a complete file (a crash at exit,
# such as an abort in a library's teardown, fails it).
#
#   tests/export-loop.sh ROCZNIK N      (CI runs 20; run 200 by hand)
set -u
rocznik=$1
n=${2:-200}
dir=$(mktemp -d)
ws="$dir/workspace.db"
loads=""
cleanup () {
  for pid in $loads; do kill "$pid" 2>/dev/null; done
  rm -rf "$dir"
}
trap cleanup EXIT

"$rocznik" --workspace "$ws" --list >/dev/null || exit 1
# two busy loops: the machine's cores are taken, threads get preempted
for i in 1 2; do
  ( while :; do :; done ) &
  loads="$loads $!"
done

complete () {
  case "$1" in
    *.png) /usr/bin/python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); sys.exit(not (d[:8]==b"\x89PNG\r\n\x1a\n" and d[-8:-4]==b"IEND"))' "$1" ;;
    *.svg) /usr/bin/python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1" ;;
    *.pdf) pdfinfo "$1" >/dev/null 2>&1 && tail -c 8 "$1" | grep -q '%%EOF' ;;
    *.xlsx) /usr/bin/python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1" ;;
  esac
}

failed=0
i=0
while [ "$i" -lt "$n" ]; do
  case $((i % 5)) in
    0) out="$dir/k.png"; set -- --chart ranking ;;
    1) out="$dir/k.svg"; set -- --chart ranking ;;
    2) out="$dir/k.pdf"; set -- --chart compare --compare 2017 ;;
    3) out="$dir/r.pdf"; set -- ;;
    4) out="$dir/r.xlsx"; set -- ;;
  esac
  rm -f "$out"
  "$rocznik" --workspace "$ws" --year 2018 --export "$out" "$@" 2>"$dir/err"
  status=$?
  if [ "$status" -ne 0 ] || ! complete "$out"; then
    failed=$((failed + 1))
    echo "export $i to $(basename "$out"): status $status, complete: $(complete "$out" && echo yes || echo no)"
    cat "$dir/err"
  fi
  i=$((i + 1))
done
echo "$n exports, $failed failed"
[ "$failed" -eq 0 ]
