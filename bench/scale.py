#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How time grows with the number of topics and years, against a reference.

Generates workspaces of 17, 300 and 3 000 topics × 5 and 30 years (a wide
CSV, topics in rows and one column per year, imported by each build's own
`rocznik --import`; counts fall off with the rank like real request types)
and times, in the same run for this build and for a reference build (by
default the commit this branch left main at, built in /tmp with the
window's frame hook of this tree applied so both report the same way):

  rocznik --list --year Y
  rocznik --export raport.xlsx --year Y
  rocznik --export raport.pdf --year Y
  rocznik --export wykres.png --chart ranking --year Y
  rocznik-window: time to the first painted frame, then STEPS size changes
                  (ROCZNIK_BENCH_FRAMES=STEPS, under Xvfb, GSK_RENDERER=cairo):
                  the app steps like a drag, out and back 40 px at a time,
                  every width new in the run, and prints each step's time
                  from the size asked for to the frame painted at that size

Each command: best of RUNS, the builds taking turns, as wall time and CPU
time (user + system; on a shared machine the steadier of the two); a command
that runs out of TIMEOUT seconds is shown as "> TIMEOUT". The size changes
are shown three ways, each best of RUNS like the rest: the median step and
the worst step (of wall time and, apart, of CPU time) after the first, and
the first step alone (the first time at another size: a warm-up); then how
many steps of all runs, the first ones left out, took 50 ms of wall time or
more. Then the growth 300/17 and 3000/300 of each, of CPU time, and the load
average (1 minute) seen while each build measured each shape, lowest–highest.

Usage: bench/scale.py [BUILD_DIR] [--reference COMMIT|none] [--runs N]
                      [--timeout S] [--shapes 17x5,300x30,...] [--steps N]
"""
import argparse
import hashlib
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument('build', nargs='?', default=os.path.join(source, 'build'))
ap.add_argument('--reference', default='merge-base')
ap.add_argument('--runs', type=int, default=3)
ap.add_argument('--timeout', type=float, default=60)
ap.add_argument('--shapes', default='17x5,300x5,3000x5,17x30,300x30,3000x30')
ap.add_argument('--steps', type=int, default=12)
args = ap.parse_args()
shapes = [tuple(int(x) for x in s.split('x')) for s in args.shapes.split(',')]
tmp = os.path.join(tempfile.gettempdir(), 'rocznik-scale')
os.makedirs(tmp, exist_ok=True)
WORDS = ('gospodarka odpadami transport miejski strefa parkowania oświata podatki opłaty lokalne '
         'zieleń drogi mieszkania świadczenia zdrowie kultura sport ewidencja ludności urodzeń '
         'zgonów meldunki dowody osobiste').split()


def git(*argv):
    return subprocess.run(['git', '-C', source] + list(argv), check=True,
                          capture_output=True, text=True).stdout.strip()


def reference_build():
    """Builds the reference commit in /tmp (kept between runs)."""
    if args.reference == 'none':
        return None
    commit = git('merge-base', 'HEAD', 'main') if args.reference == 'merge-base' else git('rev-parse', args.reference)
    src = os.path.join(tmp, f'ref-{commit[:12]}')
    build = os.path.join(src, 'build')
    if not os.path.exists(os.path.join(build, 'build.ninja')):
        shutil.rmtree(src, ignore_errors=True)
        os.makedirs(src)
        archive = subprocess.run(['git', '-C', source, 'archive', commit], check=True, capture_output=True).stdout
        subprocess.run(['tar', '-x', '-C', src], input=archive, check=True)
        subprocess.run(['meson', 'setup', build], cwd=src, check=True, stdout=subprocess.DEVNULL)
    # the same frame hook as this tree, so the window is timed alike
    hook = os.path.join(source, 'src', 'app', 'rocznik-application.c')
    shutil.copy(hook, os.path.join(src, 'src', 'app', 'rocznik-application.c'))
    subprocess.run(['meson', 'compile', '-C', build, 'rocznik', 'rocznik-export', 'rocznik-window'],
                   check=True, stdout=subprocess.DEVNULL)
    return build, commit[:12]


def build_tag(build):
    """What a build's workspaces are kept under: its rocznik's contents."""
    with open(os.path.join(build, 'src', 'rocznik'), 'rb') as f:
        return hashlib.sha1(f.read()).hexdigest()[:12]


def make_workspace(build, topics, years):
    """A workspace of @topics × @years, ending in 2021 (the sample's years
    before the first generated one stay as they are), imported by @build
    itself from the same file: each build reads its own format, none pays
    for upgrading another's."""
    rocznik = os.path.join(build, 'src', 'rocznik')
    ws = os.path.join(tmp, f'ws-{topics}x{years}-{build_tag(build)}.db')
    if os.path.exists(ws):
        return ws
    rng = random.Random(topics * 1000 + years)
    year_list = list(range(2022 - years, 2022))
    csv = os.path.join(tmp, f'wide-{topics}x{years}.csv')
    with open(csv + '.part', 'w', encoding='utf-8') as f:
        f.write(';'.join(['Temat'] + [str(y) for y in year_list]) + '\n')
        for i in range(topics):
            name = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))) + f' {i + 1}'
            base = int(70000 / (i + 1) ** 0.8) + rng.randint(0, 50)
            f.write(';'.join([name] + [str(max(1, int(base * rng.uniform(0.7, 1.3)))) for _ in year_list]) + '\n')
    os.rename(csv + '.part', csv)
    subprocess.run([rocznik, '--workspace', ws + '.part', '--import', '--replace', csv],
                   check=True, stdout=subprocess.DEVNULL)
    os.rename(ws + '.part', ws)
    shutil.rmtree(ws + '.part.snapshots', ignore_errors=True)   # the import's undo snapshot
    return ws


loads = {}   # (build, shape) -> load averages seen while measuring


def note_load(key):
    loads.setdefault(key, []).append(os.getloadavg()[0])


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv, env=None):
    """(wall, CPU) seconds of one run, or None past the timeout."""
    start, cpu = time.perf_counter(), cpu_of_children()
    try:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=args.timeout, env=env)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start, cpu_of_children() - cpu


def window_times(build, ws, display):
    """(first frame, [size changes]) as (wall, CPU) seconds, from the app's
    own hook; None for what did not come."""
    env = dict(os.environ, DISPLAY=display, GSK_RENDERER='cairo', GTK_A11Y='none', NO_AT_BRIDGE='1',
               ROCZNIK_BENCH_FRAMES=str(args.steps), GSETTINGS_BACKEND='memory', LC_ALL='pl_PL.UTF-8')
    env.pop('DBUS_SESSION_BUS_ADDRESS', None)
    try:
        p = subprocess.run([os.path.join(build, 'src', 'rocznik-window'), '--workspace', ws, '--year', '2021'],
                           capture_output=True, text=True, timeout=args.timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, None
    def times(kind):
        # "kind<TAB>wall ms<TAB>CPU ms[<TAB>size<TAB>page faults]", the decimal comma of the locale
        return [tuple(float(x.replace(',', '.')) / 1000 for x in l.split('\t')[1:3])
                for l in p.stdout.splitlines() if l.startswith(kind + '\t')]
    first, resize = times('first-frame'), times('resize')
    return (first[0] if first else None), (resize if len(resize) == args.steps else None)


def resize_stats(steps):
    """{median, worst, first} as (wall, CPU) of one run's size changes; the
    median and the worst leave the first step out."""
    if steps is None:
        return {k: None for k in ('median', 'worst', 'first')}
    rest = steps[1:] or steps
    return {'median': (statistics.median(w for w, _ in rest), statistics.median(c for _, c in rest)),
            'worst': (max(w for w, _ in rest), max(c for _, c in rest)),
            'first': steps[0]}


def seconds(t):
    return f'{t * 1000:.0f} ms' if t < 1 else f'{t:.2f} s'


def fmt(t):
    """wall (CPU)"""
    if t is None:
        return f'>{args.timeout:.0f} s'
    return f'{seconds(t[0])} ({seconds(t[1])})'


def best(a, b):
    """the smaller wall time and the smaller CPU time of two runs"""
    return min(a[0], b[0]), min(a[1], b[1])


def stop(signum, frame):
    sys.exit(1)   # through main()'s finally: Xvfb is stopped


def main():
    signal.signal(signal.SIGTERM, stop)
    builds = [('this', os.path.abspath(args.build))]
    ref = reference_build()
    if ref:
        builds.append((f'ref {ref[1]}', ref[0]))
    # a free display, chosen by Xvfb itself: other programs may run their own
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_fd,))
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = ':' + f.readline().strip()
    out = os.path.join(tmp, 'out')
    os.makedirs(out, exist_ok=True)
    pl = dict(os.environ, LC_ALL='pl_PL.UTF-8')
    tasks = (('--list', lambda b, ws: timed([b + '/src/rocznik', '--workspace', ws, '--list', '--year', '2021'], pl)),
             ('XLSX', lambda b, ws: timed([b + '/src/rocznik', '--workspace', ws, '--export', out + '/raport.xlsx', '--year', '2021'], pl)),
             ('PDF', lambda b, ws: timed([b + '/src/rocznik', '--workspace', ws, '--export', out + '/raport.pdf', '--year', '2021'], pl)),
             ('PNG ranking', lambda b, ws: timed([b + '/src/rocznik', '--workspace', ws, '--export', out + '/wykres.png',
                                                  '--chart', 'ranking', '--year', '2021'], pl)))
    results = {}   # (build, task, shape) -> seconds or None
    slow = {}      # (build, shape) -> [size changes ≥ 50 ms, size changes], first ones left out
    try:
        for shape in shapes:
            workspaces = {name: make_workspace(build, *shape) for name, build in builds}
            # the builds take turns, so a change in the machine's load hits both
            for _ in range(args.runs):
                for name, build in builds:
                    ws = workspaces[name]
                    # a copy per run: a command may touch its workspace
                    copy = os.path.join(tmp, f'run-{shape[0]}x{shape[1]}.db')
                    for task, run in tasks:
                        shutil.copy(ws, copy)
                        key = (name, task, shape)
                        if key in results and (results[key] is None or results[key][0] > 5):
                            continue   # slow enough: one run tells
                        note_load((name, shape))
                        t = run(build, copy)
                        results[key] = t if key not in results or t is None else best(t, results[key])
                    key = (name, 'window first frame', shape)
                    if key in results and results[key] is None:
                        continue   # ran out of time once: enough
                    shutil.copy(ws, copy)
                    note_load((name, shape))
                    first, resize = window_times(build, copy, display)
                    stats = resize_stats(resize)
                    slow.setdefault((name, shape), [0, 0])
                    if resize:
                        slow[(name, shape)][0] += sum(1 for w, _ in resize[1:] if w >= 0.05)
                        slow[(name, shape)][1] += len(resize[1:])
                    for task, t in (('window first frame', first), ('window resize median', stats['median']),
                                    ('window resize worst', stats['worst']), ('window resize first', stats['first'])):
                        key = (name, task, shape)
                        results[key] = t if key not in results or t is None or results[key] is None else best(t, results[key])
            print(f'{shape[0]} topics × {shape[1]} years: done', file=sys.stderr)
    finally:
        xvfb.terminate()

    task_names = [t for t, _ in tasks] + ['window first frame', 'window resize median', 'window resize worst',
                                          'window resize first']
    print(f'load average at the end: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores); best of {args.runs}; '
          f'each cell: wall time (CPU time); {args.steps} size changes a run, their median and worst '
          'after the first, and the first; growth: of CPU time, per number of years; '
          'the last rows: size changes of all runs at 50 ms or more, and the load average while each was measured')
    print(f'| what | build | ' + ' | '.join(f'{t}×{y}' for t, y in shapes) + ' | growth 300/17 | growth 3000/300 |')
    print('|---|---|' + '---|' * len(shapes) + '---|---|')
    for task in task_names:
        for name, _ in builds:
            cells = [fmt(results.get((name, task, s))) for s in shapes]
            growth = []
            for a, b in ((17, 300), (300, 3000)):
                ratios = []
                for y in sorted({y for _, y in shapes}):
                    ta, tb = results.get((name, task, (a, y))), results.get((name, task, (b, y)))
                    if ta and tb:
                        ratios.append(f'{tb[1] / ta[1]:.1f}× ({y} y.)')
                    elif ta and (b, y) in shapes:
                        ratios.append(f'>{args.timeout / ta[0]:.0f}× ({y} y.)')
                growth.append(', '.join(ratios) or '–')
            print(f'| {task} | {name} | ' + ' | '.join(cells) + ' | ' + ' | '.join(growth) + ' |')
    for name, _ in builds:
        cells = [f'{slow[(name, s)][0]} of {slow[(name, s)][1]}' if (name, s) in slow else '–' for s in shapes]
        print(f'| window resize ≥ 50 ms | {name} | ' + ' | '.join(cells) + ' | | |')
    for name, _ in builds:
        cells = []
        for s in shapes:
            seen = loads.get((name, s))
            cells.append(f'{min(seen):.1f}–{max(seen):.1f}' if seen else '–')
        print(f'| load average | {name} | ' + ' | '.join(cells) + ' | | |')


main()
