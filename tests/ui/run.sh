#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window tested the way a person uses it (issue 10): the built rocznik is
# started on its own X server (Xvfb) and session bus with the accessibility
# bus running, under pl_PL.UTF-8, and driven by clicks and key presses
# (xdotool) while its accessibility tree (pyatspi) is read back. Prints TAP,
# one line per case; screenshots of every case go to
# BUILD/tests/ui-screenshots/.
#
#   tests/ui/run.sh [CASE...]               # from the source tree, build in ./build
#   ROCZNIK_BUILD_DIR=build-asan tests/ui/run.sh year-by-click
#   meson test -C build ui --print-errorlogs
#
# Needs python3-pyatspi, gir1.2-atspi-2.0, at-spi2-core, xdotool, xvfb, xauth,
# dbus-daemon, imagemagick, python3-pil, python3-openpyxl, poppler-utils
# (all in .ci/setup).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
: "${ROCZNIK_BUILD_DIR:=$here/../../build}"
ROCZNIK_BUILD_DIR=$(cd "$ROCZNIK_BUILD_DIR" && pwd)
export ROCZNIK_BUILD_DIR

if [ -z "${ROCZNIK_UI_SESSION:-}" ]; then
  export ROCZNIK_UI_SESSION=1
  # A display number of its own: other suites start Xvfb at the same time.
  # -noreset: by default the server resets when its last client leaves, and
  # a window started during the reset is refused ("cannot open display").
  exec xvfb-run -a -n "$(( 200 + $$ % 700 ))" -s "-screen 0 1280x1024x24 -nolisten tcp -noreset" \
    dbus-run-session -- "$0" "$@"
fi

# The app as a Polish user starts it, with accessibility on.
unset GTK_A11Y NO_AT_BRIDGE GTK_DEBUG G_DEBUG GDK_DEBUG
export LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 LANGUAGE=pl
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo LIBGL_ALWAYS_SOFTWARE=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rocznik-ui.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Translations of an uninstalled build.
if [ -z "${ROCZNIK_LOCALEDIR:-}" ] && [ -d "$ROCZNIK_BUILD_DIR/po" ]; then
  export ROCZNIK_LOCALEDIR="$ROCZNIK_BUILD_DIR/po"
fi
: "${ROCZNIK_UI_SCREENSHOTS:=$ROCZNIK_BUILD_DIR/tests/ui-screenshots}"
export ROCZNIK_UI_SCREENSHOTS

# The accessibility bus (started on demand through D-Bus activation; started
# here so the first case does not wait for it).
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$tmp/at-spi.log" 2>&1 &
sleep 0.5

exec /usr/bin/python3 "$here/ui-tests.py" "$@"
