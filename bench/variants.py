#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-call records in every shape real exports take: rocznik --import
against wc -l and mawk, one table from one run.

For each variant (tests/fixtures/make-variants.py writes it, about MB
megabytes, into /tmp, and the counts it expects), page cache warm, best of
three taken in turns:
  wc -l                      the floor
  mawk -F';' '{c[$2]++}'     what a data-savvy user would type instead
                             ($3 when an id comes first; -F'\\t' for UTF-16,
                             which Excel writes with TABs)
  rocznik --import --replace the whole import, start-up and SQLite included
then checks that rocznik counted every topic exactly as the generator did,
deletes the file, and prints the table with the load average before and
after (the machine's cores are shared: a busy machine slows every tool).

Usage: bench/variants.py [BUILD_DIR] [MB] [VARIANT...]   (default: build 1000, all)
"""
import os
import re
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build')
megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 1000
VARIANTS = {
    # name: (what the file looks like, mawk's field separator, mawk's topic field)
    'plain': ('date-time;topic;duration, LF, no quotes', ';', 2),
    'quoted-all': ('every field quoted', ';', 2),
    'quoted-some': ('topics quoted, dates not', ';', 2),
    'crlf': ('CRLF line ends', ';', 2),
    'cp1250': ('Windows-1250, CRLF', ';', 2),
    'utf16le': ('UTF-16 LE with BOM, TAB, CRLF', '\t', 2),
    'id-first': ('id;date;topic;channel;2 free-text columns (quoted ;, "" and line breaks)', ';', 3),
    'ddmm': ('dd.mm.yyyy hh:mm dates', ';', 2),
}
chosen = sys.argv[3:] or list(VARIANTS)
rocznik = os.path.join(build, 'src', 'rocznik')
generator = os.path.join(here, '..', 'tests', 'fixtures', 'make-variants.py')
tmp = os.path.join(tempfile.gettempdir(), 'rocznik-bench-variants')
os.makedirs(tmp, exist_ok=True)
workspace = os.path.join(tmp, 'workspace.db')


def load():
    return os.getloadavg()[0]


def run(argv):
    """Wall time of one run, its CPU time (user + system), peak RSS (KB) and output."""
    start = time.perf_counter()
    p = subprocess.run(['/usr/bin/time', '-v'] + argv, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f'{argv[0]} failed:\n{p.stderr}')
    m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stderr)
    cpu = sum(float(x) for x in re.findall(r'(?:User|System) time \(seconds\): ([\d.]+)', p.stderr))
    return elapsed, cpu, int(m.group(1)) if m else 0, p.stdout


def number(text):
    return int(re.sub(r'\D', '', text))


def check_counts(path, out):
    """rocznik's rows and every topic's count against the generator's."""
    want_rows, want = 0, {}
    for line in open(path + '.expected', encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[0] == 'rows':
            want_rows = int(f[1])
        elif f[0] not in ('skipped', 'hours', 'channel'):
            key = (int(f[0]), ' '.join(f[1].replace('\u00a0', ' ').split()))
            want[key] = want.get(key, 0) + int(f[2])
    m = re.search(r'^([\d\s\u00a0\u202f]+) call records? counted', out, re.M)
    if not m or number(m.group(1)) != want_rows:
        return f'rows: {m.group(1) if m else "?"} ≠ {want_rows}'
    got = {}
    for year in sorted({y for y, _ in want}):
        listing = subprocess.run([rocznik, '--workspace', workspace, '--list', '--year', str(year)],
                                 stdout=subprocess.PIPE, text=True, check=True).stdout
        for line in listing.splitlines():
            f = line.split('\t')
            if f[0] == 'Razem':   # the total row
                continue
            got[(year, ' '.join(f[0].replace('\u00a0', ' ').split()))] = int(f[1])
    return 'exact' if got == want else f'differ: {sorted(set(got.items()) ^ set(want.items()))[:3]}'


rows_out = []
load_before = load()
for variant in chosen:
    shape, separator, field = VARIANTS[variant]
    path = os.path.join(tmp, f'{variant}.' + ('txt' if variant.startswith('utf16') else 'csv'))
    subprocess.run(['/usr/bin/python3', generator, '--bench', path, variant, str(megabytes)], check=True)
    size = os.path.getsize(path)
    subprocess.run(['cat', path], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    tools = (('wc -l', ['wc', '-l', path]),
             ('mawk', ['mawk', '-F' + separator, f'{{c[${field}]++}}', path]),
             ('rocznik', [rocznik, '--workspace', workspace, '--import', '--replace', path]))
    # best of three, the tools taking turns: a burst of load elsewhere
    # slows one round of all of them rather than one tool's three runs
    best, cpu, rss, out = {}, {}, {}, ''
    for _ in range(3):
        for tool, argv in tools:
            seconds, cpu_seconds, kb, stdout = run(argv)
            best[tool] = min(seconds, best.get(tool, seconds))
            cpu[tool] = min(cpu_seconds, cpu.get(tool, cpu_seconds))
            rss[tool] = max(kb, rss.get(tool, 0))
            if tool == 'rocznik':
                out = stdout
    counts = check_counts(path, out)
    rows_out.append((variant, size, best, cpu, rss, counts, shape))
    os.unlink(path)
    os.unlink(path + '.expected')
load_after = load()

print(f'load average (1 min) {load_before:.2f} before, {load_after:.2f} after; '
      f'{os.cpu_count()} cores; files of about {megabytes:.0f} MB')
print('wall seconds, best of 3 (CPU seconds, user + system, of the same tool in brackets)')
print(f'{"variant":<12} {"MB":>6} {"wc -l":>7} {"mawk":>14} {"rocznik":>14} {"GB/s":>6} '
      f'{"× mawk":>7} {"RSS MB":>7}  counts')
for variant, size, best, cpu, rss, counts, shape in rows_out:
    r = best['rocznik']
    print(f'{variant:<12} {size / 1e6:>6.0f} {best["wc -l"]:>7.3f} {best["mawk"]:>6.3f} ({cpu["mawk"]:>5.2f}) '
          f'{r:>6.3f} ({cpu["rocznik"]:>5.2f}) {size / r / 1e9:>6.2f} {best["mawk"] / r:>7.2f} '
          f'{rss["rocznik"] / 1024:>7.1f}  {counts}')
print()
for variant, size, best, cpu, rss, counts, shape in rows_out:
    print(f'{variant:<12} {shape}')
