#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the README screenshots into resources/screenshots/: the window on the
# bundled sample, in Polish, rendered under Xvfb by the window test itself.
# Usage: tests/make-screenshots.sh [BUILD_DIR]   (default: build)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ninja -C "$build" >/dev/null

env LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 LANGUAGE=pl \
    ROCZNIK_LOCALEDIR="$build/po" \
    GSETTINGS_SCHEMA_DIR="$build/resources" GSETTINGS_BACKEND=memory \
    GDK_BACKEND=x11 GSK_RENDERER=cairo LIBGL_ALWAYS_SOFTWARE=1 GTK_A11Y=none NO_AT_BRIDGE=1 \
    ROCZNIK_SCREENSHOT_DIR="$out" \
    "$src/tests/run-under-xvfb.sh" "$build/tests/test-window" \
      -p /window/sample 2>&1 | grep -E "^(not )?ok|ERROR|Bail" >&2

mkdir -p "$src/resources/screenshots"
# Only states of the bundled sample: later tests add made-up years.
for pair in "01-sample-2018:window"; do
  from=${pair%%:*}
  to=${pair#*:}
  # metadata stripped and maximum compression: small files for the repository
  convert "$out/$from.png" -strip -define png:compression-level=9 "$src/resources/screenshots/$to.png"
  echo "resources/screenshots/$to.png"
done
