#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README's chart images in resources/screenshots/ from the
# bundled sample (and the clearly marked made-up 2017 topics of the
# year-on-year and comparison examples), using the real renderer.
#   tests/make-chart-images.sh [BUILD_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
out=$top/resources/screenshots
ninja -C "$build" tests/test-chart >/dev/null
mkdir -p "$out"
LC_ALL=pl_PL.UTF-8 "$build/tests/test-chart" --images "$out"
ls -l "$out"/chart-*.png
