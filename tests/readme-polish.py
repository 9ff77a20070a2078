# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's run command speaks Polish, with nothing set but the locale.

Usage: readme-polish.py SOURCE_ROOT BUILD_ROOT SCREENSHOT_DIR  (under a display)

Reads the command of the README's Quick start, checks that the binary it
starts is the one this build made, and runs that binary under pl_PL.UTF-8
without ROCZNIK_LOCALEDIR (or LANGUAGE): `--help` and an error message are
Polish, and the window it opens loads the Polish catalogue built beside it
and stays up without criticals. Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

SOURCE, BUILD, SHOTS = sys.argv[1:4]
n_tests = 0


def ok(condition, what):
    global n_tests
    n_tests += 1
    print(f"{'ok' if condition else 'not ok'} {n_tests} - {what}")
    if not condition:
        print(f"1..{n_tests}")
        sys.exit(1)


readme = open(os.path.join(SOURCE, "README.md"), encoding="utf-8").read()
quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
command = next(line for line in quick.splitlines() if "meson setup build" in line and "build/src/rocznik" in line)
ok(command.strip() == "bash .ci/setup && meson setup build && meson compile -C build && build/src/rocznik",
   f"the README's run command: {command.strip()}")
binary = command.split("&&")[-1].strip()              # build/src/rocznik
ok(binary.startswith("build/"), "it runs a binary of the build directory")
rocznik = os.path.join(BUILD, binary[len("build/"):])  # the same path in this build
ok(os.access(rocznik, os.X_OK), f"this build made {binary} ({rocznik})")

tmp = tempfile.mkdtemp(prefix="rocznik-readme-")
env = {k: v for k, v in os.environ.items() if k not in ("ROCZNIK_LOCALEDIR", "LANGUAGE", "LC_MESSAGES")}
env.update(LANG="pl_PL.UTF-8", LC_ALL="pl_PL.UTF-8", XDG_DATA_HOME=os.path.join(tmp, "data"),
           XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_CACHE_HOME=os.path.join(tmp, "cache"),
           GSETTINGS_BACKEND="memory", GDK_BACKEND="x11", GSK_RENDERER="cairo", NO_AT_BRIDGE="1")

run = subprocess.run([rocznik, "--help"], capture_output=True, text=True, env=env)
ok(run.returncode == 0, "rocznik --help")
ok(run.stdout.startswith("Użycie:\n"), f"--help starts in Polish: {run.stdout.splitlines()[0]!r}")
ok("Eksportuje do pliku WYJŚCIE" in run.stdout and "Opcje pomocy:" in run.stdout, "--help describes the options in Polish")

workspace = os.path.join(tmp, "workspace.db")
run = subprocess.run([rocznik, "--list", "--year", "1990", "--workspace", workspace], capture_output=True, text=True, env=env)
ok(run.returncode == 1 and run.stderr == "rocznik: Roku 1990 nie ma w obszarze roboczym\n",
   f"a message in Polish: {run.stderr.strip()!r}")
run = subprocess.run([rocznik, "--list", "--workspace", workspace], capture_output=True, text=True, env=env)
ok(run.returncode == 0 and "gospodarka odpadami\t70055\t18.0\n" in run.stdout, "--list on the sample")

# The window: `rocznik` becomes `rocznik-window` (same process) and reads
# its messages from the catalogue meson built in the build tree.
catalogue = os.path.realpath(os.path.join(BUILD, "po", "pl", "LC_MESSAGES", "rocznik.mo"))
ok(os.path.exists(catalogue), f"the Polish catalogue is built beside the binaries: {catalogue}")
window = subprocess.Popen([rocznik, "--workspace", workspace], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
loaded = False
deadline = time.monotonic() + 60
while time.monotonic() < deadline and window.poll() is None and not loaded:
    try:
        maps = open(f"/proc/{window.pid}/maps").read()
        exe = os.readlink(f"/proc/{window.pid}/exe")
        loaded = exe.endswith("rocznik-window") and catalogue in maps
    except OSError:
        pass
    time.sleep(0.2)
ok(loaded, "the window runs with the Polish catalogue of the build tree loaded")
time.sleep(3)
alive = window.poll() is None
os.makedirs(SHOTS, exist_ok=True)
shot = os.path.join(SHOTS, "readme-window-pl.png")
subprocess.run(["import", "-window", "root", shot], capture_output=True)
window.terminate()
out, err = window.communicate(timeout=30)
ok(alive, "the window stays up")
ok("CRITICAL" not in err and "WARNING" not in err, f"without criticals or warnings {err.strip()[:300]}")
print(f"1..{n_tests}")
