#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GTK test on its own X server and its own session bus, so it needs no
# display and never meets a running Rocznik.
exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- "$@"
