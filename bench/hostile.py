#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile input costs what is kept, not what the file claims.

Times `rocznik --import` (best of three, peak RSS from /usr/bin/time -v), each
against a reference of the same size run in the same session:
  report text   a paragraph of N digits      vs  N bytes of ordinary prose lines
  XLSX          styled blank cells at XFD     vs  the same sheet without them
  XLSX          sharedStrings claiming 84 M   vs  the same sheet claiming 3
  XLSX          4 Mi + 1 empty shared strings (refused): time and memory
A linear reader keeps the ratio of the first rows flat as N doubles.

Usage: bench/hostile.py [BUILD_DIR]
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build')
rocznik = os.path.join(build, 'src', 'rocznik')
tmp = tempfile.mkdtemp(prefix='rocznik-bench-hostile-')
workspace = os.path.join(tmp, 'workspace.db')


def run(path):
    best, rss = None, 0
    for _ in range(3):
        t = time.perf_counter()
        p = subprocess.run(['/usr/bin/time', '-v', rocznik, '--import', '--replace', path, '--workspace', workspace],
                           capture_output=True, text=True)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
        m = re.search(r'Maximum resident set size \(kbytes\): (\d+)', p.stderr)
        rss = max(rss, int(m.group(1)) if m else 0)
    return best, rss / 1024


def compare(label, path, ref):
    t, rss = run(path)
    rt, rrss = run(ref)
    print(f'{label:44} {t:7.3f} s {rss:7.1f} MB   reference {rt:7.3f} s {rrss:7.1f} MB   ratio {t / rt:5.2f}')


HEAD = 'W 2019 r. konsultanci przeprowadzili ponad 12 tys. rozmów z klientami.\n • podatki lokalne – 4 321,\n'
for n in (50000, 100000, 200000):
    digits = os.path.join(tmp, f'digits-{n}.txt')
    prose = os.path.join(tmp, f'prose-{n}.txt')
    with open(digits, 'w') as f:
        f.write(HEAD + ''.join(str(i % 10) for i in range(n)) + '\n')
    with open(prose, 'w') as f:
        line = 'Mieszkańcy pytali o wiele spraw miasta, a konsultanci odpowiadali.\n'
        f.write(HEAD + line * (n // len(line) + 1))
    compare(f'report text, {n} digits on one line', digits, prose)


def package(name, sheet, sst):
    path = os.path.join(tmp, name)
    ws = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Arkusz1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{ws}" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', sheet)
        z.writestr('xl/sharedStrings.xml', sst)
    return path


def sst(claim, extra=''):
    names = ['Temat', 'Liczba rozmów'] + [f'temat {i}' for i in range(17)]
    return (f'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{claim}" '
            f'uniqueCount="{claim}">' + ''.join(f'<si><t>{n}</t></si>' for n in names) + extra + '</sst>')


# long shape: each row a topic, so 17 topics repeat; the rows are records instead
rows = 20000
recs = lambda far: ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    '<row r="1"><c r="A1" t="inlineStr"><is><t>Data</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
                    + ''.join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>2019-0{1 + r % 9}-15</t></is></c>'
                              f'<c r="B{r}" t="s"><v>{2 + r % 17}</v></c>' + (f'<c r="XFD{r}" s="1"/>' if far else '')
                              + '</row>' for r in range(2, rows + 2)) + '</sheetData></worksheet>')
compare(f'XLSX, {rows} records, blank styled cell at XFD', package('far.xlsx', recs(True), sst(19)),
        package('near.xlsx', recs(False), sst(19)))
compare(f'XLSX, {rows} records, sharedStrings claims 84 M', package('claims.xlsx', recs(False), sst(84000000)),
        package('honest.xlsx', recs(False), sst(19)))
rng = random.Random(9)
many = 4 * 1024 * 1024 + 1
body = ''.join('<si/>' * 64 + '<!--%08x-->' % rng.getrandbits(32) for _ in range(many // 64 + 1))
t, rss = run(package('too-many.xlsx', recs(False), sst(many, body)))
print(f'{"XLSX, 4 Mi + 1 shared strings (refused)":44} {t:7.3f} s {rss:7.1f} MB')
