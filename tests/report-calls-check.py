#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second reader (openpyxl, and the package's chart parts) for the workbook
of test-report-calls: the 2019 year of profile_year() in test-report-calls.c.

  report-calls-check.py FILE.xlsx

Every expected number is worked out here from the year's own figures.
Exits non-zero with a message on the first failed check.
"""
import datetime
import re
import sys
import zipfile

import openpyxl

WASTE = [1200, 1100, 5000, None, None, 2000, 2100, 1900, 2200, 2300, 2400, 1500]
TAXES = [300, 400, 432, None, None, 500, 200, 100, 300, 400, 200, 50]
MONTHS = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
          "wrzesień", "październik", "listopad", "grudzień"]


def check(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def hours():
    h = [[0] * 24 for _ in range(7)]
    for d in range(5):
        for hour in range(7, 20):
            h[d][hour] = 10
    h[0][9], h[0][10], h[1][9] = 100, 90, 50
    return h


def seconds(value):
    """A duration cell as openpyxl gives it, in seconds."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, datetime.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, datetime.datetime):
        return (value - datetime.datetime(1899, 12, 30)).total_seconds()
    return value * 86400


def header_row(ws, first):
    for row in range(1, 12):
        if ws.cell(row=row, column=1).value == first:
            return row
    sys.exit("FAILED: no header %r on %s" % (first, ws.title))


def months_sheet(ws):
    check(ws["A1"].value == "Zgłoszenia w miesiącach 2019 r.", "months title %r" % ws["A1"].value)
    check(ws["A2"].value.startswith("Najwięcej w marcu: 5 432 zgłoszenia"), "months sentence %r" % ws["A2"].value)
    h = header_row(ws, "Miesiąc")
    check([c.value for c in ws[h]][:3] == ["Miesiąc", "Zgłoszenia", "Udział"], "months header")
    total = sum(w + t for w, t in zip(WASTE, TAXES) if w is not None)
    for m in range(12):
        r = h + 1 + m
        check(ws.cell(row=r, column=1).value == MONTHS[m], "month name %d" % m)
        count = ws.cell(row=r, column=2).value
        if WASTE[m] is None:
            check(count is None, "a month without records is empty, not %r" % count)
        else:
            check(count == WASTE[m] + TAXES[m] and isinstance(count, int), "month %d: %r" % (m, count))
            check(ws.cell(row=r, column=3).value == "=B%d/B$%d" % (r, h + 13), "share formula %r"
                  % ws.cell(row=r, column=3).value)
            check(ws.cell(row=r, column=3).number_format == "0.0%", "share format")
            check(ws.cell(row=r, column=2).number_format == "#,##0", "count format")
    check(ws.cell(row=h + 13, column=2).value == "=SUM(B%d:B%d)" % (h + 1, h + 12), "months total formula")
    return total


def hours_sheet(ws):
    h = header_row(ws, "Godzina")
    head = [c.value for c in ws[h]][:9]
    check(head == ["Godzina", "pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz.", "Razem"], "hours header %r" % head)
    grid = hours()
    for i, hour in enumerate(range(7, 20)):
        r = h + 1 + i
        check(ws.cell(row=r, column=1).value == "%d:00–%d:00" % (hour, hour + 1), "hour label %r"
              % ws.cell(row=r, column=1).value)
        got = [ws.cell(row=r, column=2 + d).value for d in range(7)] + [ws.cell(row=r, column=9).value]
        want = [grid[d][hour] for d in range(7)] + [sum(grid[d][hour] for d in range(7))]
        check(got == want, "hour %d: %r, expected %r" % (hour, got, want))
    check(ws.cell(row=h + 14, column=1).value == "Razem", "hours total label")
    check(ws.cell(row=h + 14, column=9).value == "=SUM(I%d:I%d)" % (h + 1, h + 13), "hours total formula")


def channels_sheet(ws):
    h = header_row(ws, "Kanał")
    rows = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) for r in range(h + 1, h + 4)]
    check(rows == [("telefon", 537), ("e-mail", 200), ("aplikacja", 123)], "channels %r" % rows)
    check(ws.cell(row=h + 4, column=2).value == "=SUM(B%d:B%d)" % (h + 1, h + 3), "channels total")


def duration_sheet(ws):
    h = header_row(ws, "Temat")
    check(ws.cell(row=h + 1, column=1).value == "gospodarka odpadami", "longest first")
    check(ws.cell(row=h + 1, column=2).value == 21000, "calls with a duration")
    check(abs(seconds(ws.cell(row=h + 1, column=3).value) - 205) < 1e-3, "average 205 s: %r"
          % ws.cell(row=h + 1, column=3).value)
    check(abs(seconds(ws.cell(row=h + 2, column=4).value) - 2882 * 65) < 1e-2, "total time of the taxes")
    overall = (21000 * 205 + 2882 * 65) / (21000 + 2882)
    check(abs(seconds(ws.cell(row=h + 3, column=3).value) - overall) < 1e-3, "overall average")
    check(ws.cell(row=h + 1, column=3).number_format == "[h]:mm:ss", "duration format %r"
          % ws.cell(row=h + 1, column=3).number_format)


def charts(path):
    """Each sheet has its native chart over its own table."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
    wanted = {"Miesiące": "col", "Dni i godziny": "col", "Kanały": "bar", "Czas obsługi": "bar"}
    for sheet, direction in wanted.items():
        found = [p for p in parts if "<c:f>'%s'!" % sheet in p]
        check(len(found) == 1, "one chart on %s: %d" % (sheet, len(found)))
        check('<c:barDir val="%s"/>' % direction in found[0], "%s chart direction" % sheet)
        # (a missing c:dispBlanksAs is Excel's default, a gap, as XlsxWriter writes it)
        check("dispBlanksAs" not in found[0] or '<c:dispBlanksAs val="gap"/>' in found[0],
              "%s: blanks are gaps" % sheet)
    months = [p for p in parts if "<c:f>'Miesiące'!" in p][0]
    check("<c:f>'Miesiące'!$B$" in months and "<c:f>'Miesiące'!$A$" in months, "months chart ranges")


def main(path):
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    check(names[-4:] == ["Miesiące", "Dni i godziny", "Kanały", "Czas obsługi"], "sheets %r" % names)
    total = months_sheet(wb["Miesiące"])
    hours_sheet(wb["Dni i godziny"])
    channels_sheet(wb["Kanały"])
    duration_sheet(wb["Czas obsługi"])
    # one spelling in cells: plain spaces, never U+00A0
    for ws in wb.worksheets[-4:]:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                check(not (isinstance(v, str) and "\u00a0" in v), "U+00A0 in %r" % v)
    # the formulas' cached results, as a reader without a calculator sees them
    values = openpyxl.load_workbook(path, data_only=True)["Miesiące"]
    h = header_row(values, "Miesiąc")
    check(values.cell(row=h + 13, column=2).value == total, "cached months total %r"
          % values.cell(row=h + 13, column=2).value)
    check(abs(values.cell(row=h + 3, column=3).value - 5432 / total) < 1e-12, "cached share of March")
    charts(path)
    print("ok")


main(sys.argv[1])
