#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-call records import: rocznik --import against wc -l and mawk.

Generates files of 1 and 10 million rows (date-time;topic;duration, the
seed's 17 topics in the seed's proportions) into /tmp, then times in the
same run, page cache warm, best of three taken in turns:
  wc -l                      the floor
  mawk -F';' '{c[$2]++}'     what a data-savvy user would type instead
  rocznik --import --replace the whole import, start-up and SQLite included
and prints rows/s, MB/s, both ratios and peak RSS (/usr/bin/time -v).

Usage: bench/import.py [BUILD_DIR] [ROWS...]   (default: build 1000000 10000000)
"""
import os
import re
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build')
sizes = [int(a) for a in sys.argv[2:]] or [1000000, 10000000]
rocznik = os.path.join(build, 'src', 'rocznik')
tmp = os.path.join(tempfile.gettempdir(), 'rocznik-bench')
os.makedirs(tmp, exist_ok=True)
workspace = os.path.join(tmp, 'workspace.db')


def run(argv):
    """Wall time of one run, and its peak RSS (KB)."""
    start = time.perf_counter()
    p = subprocess.run(['/usr/bin/time', '-v'] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f'{argv[0]} failed:\n{p.stderr}')
    m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stderr)
    return elapsed, int(m.group(1)) if m else 0


print(f'{"rows":>10} {"MB":>7} {"tool":<8} {"seconds":>8} {"Mrows/s":>8} {"MB/s":>8} {"peak RSS":>9}')
for n in sizes:
    path = os.path.join(tmp, f'records-{n}.csv')
    if not os.path.exists(path):
        subprocess.run(['/usr/bin/python3', os.path.join(here, 'make-records.py'), str(n), path], check=True)
    mb = os.path.getsize(path) / 1e6
    subprocess.run(['cat', path], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    tools = (('wc -l', ['wc', '-l', path]),
             ('mawk', ['mawk', '-F;', '{c[$2]++}', path]),
             ('rocznik', [rocznik, '--workspace', workspace, '--import', '--replace', path]))
    # best of three, the tools taking turns: a burst of load elsewhere
    # slows one round of all of them rather than one tool's three runs
    results, rsses = {}, {}
    for _ in range(3):
        for tool, argv in tools:
            seconds, rss = run(argv)
            results[tool] = min(seconds, results.get(tool, seconds))
            rsses[tool] = rss
    for tool, argv in tools:
        seconds, rss = results[tool], rsses[tool]
        print(f'{n:>10} {mb:>7.0f} {tool:<8} {seconds:>8.3f} {n / seconds / 1e6:>8.2f} {mb / seconds:>8.0f} {rss / 1024:>7.1f} MB')
    print(f'{"":>10} rocznik is {results["mawk"] / results["rocznik"]:.2f}× faster than mawk, '
          f'{results["rocznik"] / results["wc -l"]:.1f}× slower than wc -l')
