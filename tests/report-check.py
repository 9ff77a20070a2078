#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second reader for the exported workbooks (openpyxl), run by test-report.

  report-check.py sample FILE.xlsx   the sample's 2018 report
  report-check.py hostile FILE.xlsx  names that look like formulas stayed text
  report-check.py same A.xlsx B.xlsx same parts, docProps/core.xml aside
  report-check.py many FILE.xlsx DATA.tsv  3 000 topics a year, every number
  report-check.py pdf FILE.pdf       the sample's 2018 report as a PDF

Exits non-zero with a message on the first failed check.
"""
import re
import os
import subprocess
import sys
import zipfile
import zlib

import openpyxl


def check(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def sample(path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[0] == "2018", "first sheet is 2018: %r" % wb.sheetnames)
    check("Porównanie" in wb.sheetnames, "comparison sheet: %r" % wb.sheetnames)
    check(wb.properties.title == "Biuro Poznań Kontakt — raport roczny 2018", "title %r" % wb.properties.title)
    check(wb.properties.creator == "Biuro Poznań Kontakt", "author %r" % wb.properties.creator)
    check(wb.properties.created.year == 2026 and wb.properties.created.month == 11,
          "created %r" % wb.properties.created)

    ws = wb["2018"]
    check(ws["A1"].value.startswith("Biuro Poznań Kontakt"), "sheet title %r" % ws["A1"].value)
    header = [c.value for c in ws[4]][:3]
    check(header == ["Temat", "Liczba rozmów 2018", "Udział"], "header %r" % header)
    names = [ws.cell(row=r, column=1).value for r in range(5, 22)]
    counts = [ws.cell(row=r, column=2).value for r in range(5, 22)]
    check(len([n for n in names if n]) == 17, "17 topics: %r" % names)
    check(counts == sorted(counts, reverse=True), "sorted by count: %r" % counts)
    check(counts[0] == 100990 and counts[1] == 70055, "largest counts %r" % counts[:2])
    check(names[1] == "gospodarka odpadami", "second topic %r" % names[1])
    check(sum(counts) == 388468, "sum of topics %d" % sum(counts))
    check(all(isinstance(c, int) for c in counts), "counts are numbers")
    check(ws["B5"].number_format == "#,##0", "count format %r" % ws["B5"].number_format)
    check(ws["C5"].number_format == "0.0%", "share format %r" % ws["C5"].number_format)
    check(ws["C5"].value == "=B5/B$22", "share formula %r" % ws["C5"].value)
    check(ws["A22"].value == "Suma tematów", "sum label %r" % ws["A22"].value)
    check(ws["B22"].value == "=SUM(B5:B21)", "sum formula %r" % ws["B22"].value)
    check(ws["B23"].value == "=B24-B22", "remainder formula %r" % ws["B23"].value)
    check("bez przypisanego tematu" in ws["A23"].value, "remainder label %r" % ws["A23"].value)
    check(ws["B24"].value == 586000, "declared total %r" % ws["B24"].value)
    check("(deklarowana: ponad 586 tys.)" in ws["A24"].value, "declared label %r" % ws["A24"].value)
    check("transport miejski i strefa parkowania" in names, "the topic with plain spaces: %r" % names)
    # One spelling on every sheet: U+00A0 is for laid-out pages, not cells.
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for v in row:
                check(not isinstance(v, str) or "\u00a0" not in v,
                      "no U+00A0 in a cell of %s: %r" % (sheet.title, v))
    check(ws.freeze_panes == "B5", "frozen panes %r" % ws.freeze_panes)
    check(ws.auto_filter.ref == "A4:C21", "autofilter %r" % ws.auto_filter.ref)
    check(len(ws._charts) == 1, "one chart on the year's sheet")
    check(ws.column_dimensions["A"].width >= 60, "name column fits: %r" % ws.column_dimensions["A"].width)

    # Cached results: a reader that does not recalculate still sees the sums.
    values = openpyxl.load_workbook(path, data_only=True)["2018"]
    check(values["B22"].value == 388468, "cached sum %r" % values["B22"].value)
    check(values["B23"].value == 586000 - 388468, "cached remainder %r" % values["B23"].value)
    check(abs(values["C6"].value - 70055 / 388468) < 1e-9, "cached share %r" % values["C6"].value)

    cmp = wb["Porównanie"]
    check(len(cmp._charts) == 2, "two charts on the comparison sheet")
    rows = list(cmp.iter_rows(values_only=True))
    years = next(r for r in rows if r[0] == "Rok")
    check(list(years[1:8]) == [str(y) for y in range(2015, 2022)], "years as columns %r" % (years,))
    declared = next(r for r in rows if r[0] == "Liczba rozmów ogółem (deklarowana)")
    check(declared[1] == 472553 and declared[2] is None and declared[5] is None,
          "2016 and 2019 are gaps, not zeros: %r" % (declared,))

    with zipfile.ZipFile(path) as z:
        check("xl/charts/chart1.xml" in z.namelist(), "chart part")
        chart = z.read("xl/charts/chart1.xml").decode()
        check("Tematy rozmów w 2018 r." in chart, "chart title in Polish")


def hostile(path):
    wb = openpyxl.load_workbook(path)
    ws = wb[wb.sheetnames[0]]
    cells = [ws.cell(row=r, column=1) for r in range(5, 9)]
    texts = {c.value for c in cells}
    for evil in ('=HYPERLINK("http://example.com/x","kliknij")', "+cmd|' /C calc'!A0",
                 "@SUM(1+1)", "-2+3"):
        check(evil in texts, "%r kept as text: %r" % (evil, texts))
    for c in cells:
        check(c.data_type == "s", "%r is a string cell, not %r" % (c.value, c.data_type))
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        # the names are text (inline or shared strings), in no cell's formula
        formulas = " ".join(re.findall(r"<f[^>]*>(.*?)</f>", sheet, re.S))
        check("HYPERLINK" not in formulas and "cmd|" not in formulas, "no formula in the sheet XML")


def same(a, b):
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        check(sorted(za.namelist()) == sorted(zb.namelist()), "same parts")
        for name in za.namelist():
            if name == "docProps/core.xml":
                continue
            check(za.read(name) == zb.read(name), "%s differs between the locales" % name)


def polish_count(n):
    digits = str(n)
    return " ".join(digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)[::-1])


def many(path, data_path):
    """Each year's sheet against the generated counts: the order, every count,
    cached share, change and sum, and the chart's hidden „pozostałe” row."""
    years, rests = {}, {}
    for line in open(data_path, encoding="utf-8"):
        kind, year, a, b = line.rstrip("\n").split("\t")
        if kind == "topic":
            years.setdefault(int(year), {})[a] = int(b)
        else:
            rests[int(year)] = (int(a), int(b))
    formulas = openpyxl.load_workbook(path, read_only=True)
    values = openpyxl.load_workbook(path, read_only=True, data_only=True)
    check(formulas.sheetnames == ["2021", "2020", "2019", "Porównanie"], "sheets %r" % formulas.sheetnames)
    with zipfile.ZipFile(path) as z:
        charts = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/"))
    for year, topics in years.items():
        other = years.get(year - 1, {})
        compare = year > 2019
        f_rows = list(formulas[str(year)].iter_rows(values_only=True))
        v_rows = list(values[str(year)].iter_rows(values_only=True))
        ranked = sorted(topics.items(), key=lambda t: -t[1])
        total = sum(topics.values())
        n = len(ranked)
        for i, (name, count) in enumerate(ranked):
            f, v, r = f_rows[4 + i], v_rows[4 + i], 5 + i
            check(f[0] == name and f[1] == count, "%d row %d: %r, not %r" % (year, r, f[:2], (name, count)))
            check(f[2] == "=B%d/B$%d" % (r, 5 + n), "%d share formula %r" % (year, f[2]))
            check(abs(v[2] - count / total) <= 1e-15, "%d cached share of %s: %r" % (year, name, v[2]))
            if compare and name in other:
                then = other[name]
                check(f[3] == then and v[4] == count - then, "%d change of %s: %r" % (year, name, v[3:5]))
                check(abs(v[5] - (count - then) / then) <= 1e-15, "%d change %% of %s: %r" % (year, name, v[5]))
            elif compare:
                check(f[3:6] == (None, None, None), "%d: %s has no %d figure: %r" % (year, name, year - 1, f[3:6]))
        f, v = f_rows[4 + n], v_rows[4 + n]
        check(f[0] == "Suma tematów" and f[1] == "=SUM(B5:B%d)" % (4 + n), "%d sum row %r" % (year, f[:2]))
        check(v[1] == total, "%d cached sum %r, not %d" % (year, v[1], total))
        if compare:
            shared = [t for t in topics if t in other]
            row = next(r for r in v_rows if r[0] == "Suma tematów obecnych w obu latach")
            check(row[1] == sum(topics[t] for t in shared) and row[3] == sum(other[t] for t in shared),
                  "%d like-for-like row %r" % (year, row[:4]))
        # the chart's data: the 19 largest, then the rest as one row
        col = (5 if compare else 2) + 2 + 16
        n_rest, rest = rests[year]
        check(n_rest == n - 19 and rest == sum(c for _, c in ranked[19:]), "%d: the test's rest" % year)
        for i in range(19):
            check(f_rows[4 + i][col:col + 2] == ranked[i], "%d chart row %d: %r" % (year, i, f_rows[4 + i][col:col + 2]))
        word = ("temat" if n_rest == 1 else
                "tematy" if n_rest % 10 in (2, 3, 4) and n_rest % 100 not in (12, 13, 14) else "tematów")
        label = "pozostałe (%s %s)" % (polish_count(n_rest), word)
        check(f_rows[23][col] == label, "%d: %r, not %r" % (year, f_rows[23][col], label))
        check(f_rows[23][col + 1] == "=SUM(B24:B%d)" % (4 + n), "%d rest formula %r" % (year, f_rows[23][col + 1]))
        check(v_rows[23][col + 1] == rest, "%d cached rest %r, not %d" % (year, v_rows[23][col + 1], rest))
        check(all(len(r) <= col or r[col] is None for r in f_rows[24:]), "%d: 20 chart rows" % year)
        letter = openpyxl.utils.get_column_letter(col + 1)
        check("<c:f>%d!$%s$5:$%s$24</c:f>" % (year, letter, letter) in charts, "%d chart reads %s5:%s24" % (year, letter, letter))
    sums = next(r for r in values["Porównanie"].iter_rows(values_only=True) if r[0] == "Suma tematów")
    check(list(sums[1:4]) == [sum(years[y].values()) for y in (2019, 2020, 2021)], "totals over time %r" % (sums,))


def run(*argv):
    r = subprocess.run(argv, capture_output=True, text=True)
    if r.returncode != 0:
        size = os.path.getsize(argv[-1]) if os.path.exists(argv[-1]) else -1
        sys.exit("%s failed (%d), file of %d bytes: %s" % (" ".join(argv), r.returncode, size, r.stderr.strip()))
    return r.stdout


def pdf(path):
    info = run("pdfinfo", path)
    check("Title:           Biuro Poznań Kontakt — raport roczny 2018" in info, "title in\n" + info)
    check("Author:          Biuro Poznań Kontakt" in info, "author")
    check("Creator:         Rocznik" in info, "creator")
    check("Subject:         Tematy rozmów w 2018 r." in info, "subject")
    check("CreationDate:    Mon Nov 23 12:00:00 2026" in info, "creation date in\n" + info)
    check("(A4)" in info, "A4 pages")
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check(pages >= 3, "at least 3 pages, got %d" % pages)

    fonts = run("pdffonts", path).splitlines()[2:]
    check(len(fonts) >= 2, "fonts listed")
    for line in fonts:
        check(line.split()[-5] == "yes", "font not embedded: " + line)

    text = run("pdftotext", path, "-")
    flat = " ".join(text.split())
    for needle in ("W 2018 r. Biuro Poznań Kontakt przeprowadziło ponad 586 tys. rozmów.",
                   "gospodarka odpadami", "świadczenia wychowawcze 500+",
                   "Najważniejsze liczby", "Trzy najczęstsze tematy",
                   "70 055", "388 468", "ponad 197 532", "26,0%", "18,0%",
                   "Suma tematów", "Bez przypisanego tematu", "Ogółem (liczba ze sprawozdania)",
                   "Tematy rozmów (ciąg dalszy tabeli)", "Złota Rączka dla Seniora",
                   "Nowe usługi informacyjne: 24, w tym wymienione poniżej 9",
                   "„na telefon”", "wygenerowano 23 listopada 2026",
                   "Wykresy", "Liczba rozmów w latach 2015–2021", "Tematy rozmów w 2018 r.",
                   "Porównanie tematów", "brak danych",
                   "Strona 1 z %d" % pages, "Strona %d z %d" % (pages, pages)):
        check(needle in flat, "%r in the PDF text" % needle)
    check(flat.count("Liczba rozmów Udział") >= 2, "the table header repeats on the next page")
    check("\ufffd" not in text, "no replacement characters")

    # pdftotext prints U+00A0 as a space; the PDF itself carries it.
    raw = open(path, "rb").read()
    spans = b""
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            spans += zlib.decompress(m.group(1))
        except zlib.error:
            pass
    check(b"<feff00a0>" in spans.lower() or b"<00a0>" in spans.lower(), "U+00A0 kept in the PDF text")

    outline = run("pdftohtml", "-xml", "-i", "-stdout", path).replace("\u00a0", " ")
    for item in ('<item page="1">Najważniejsze liczby</item>', '<item page="1">Tematy rozmów</item>',
                 "Uwagi i źródła</item>", "Wykresy</item>", "Liczba rozmów w latach 2015–2021</item>",
                 "Tematy rozmów w 2018 r.</item>"):
        check(item in outline, "outline item %r" % item)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "sample":
        sample(sys.argv[2])
    elif mode == "hostile":
        hostile(sys.argv[2])
    elif mode == "pdf":
        pdf(sys.argv[2])
    elif mode == "many":
        many(sys.argv[2], sys.argv[3])
    elif mode == "same":
        same(sys.argv[2], sys.argv[3])
    else:
        sys.exit("unknown mode " + mode)
