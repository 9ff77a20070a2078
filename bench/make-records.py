#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes N per-call records (date-time;topic;duration) for bench/import.sh.

Topics are the seed's 17 with the seed's proportions; dates spread over
the year; deterministic. Usage: make-records.py N OUT
"""
import os
import random
import re
import sys

n = int(sys.argv[1])
out = sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
seed = os.path.join(here, '..', 'resources', 'sample', 'poznan-kontakt-2018.txt')
topics = []
for line in open(seed, encoding='utf-8'):
    m = re.match(r'^\s*•\s*(.+?)\s*–\s*(\d[\d\s\u00a0]*\d)[,.]?\s*$', line)
    if m:
        topics.append((m.group(1), int(re.sub(r'\D', '', m.group(2)))))
assert len(topics) == 17
names = [t for t, _ in topics]
weights = [c for _, c in topics]
rng = random.Random(2018)
block = 100000
with open(out, 'w', encoding='utf-8', newline='\n') as f:
    f.write('data i godzina;temat;czas trwania\n')
    done = 0
    while done < n:
        k = min(block, n - done)
        chosen = rng.choices(names, weights, k=k)
        lines = []
        for i, t in enumerate(chosen):
            j = done + i
            day = j * 365 // n
            month = 1 + min(11, day * 12 // 365)
            lines.append(f'2018-{month:02d}-{1 + day % 28:02d} {7 + j % 13:02d}:{j % 60:02d}:{(j * 7) % 60:02d};{t};00:{j % 20:02d}:{(j * 13) % 60:02d}\n')
        f.write(''.join(lines))
        done += k
