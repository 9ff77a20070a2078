# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a person uses it: every case starts the built `rocznik` on a
workspace of its own under pl_PL.UTF-8, acts with pointer clicks and key
presses, and checks what the screen (the accessibility tree) and the
workspace say. Prints TAP, one line per case; each case leaves screenshots in
build/tests/ui-screenshots/. Run through tests/ui/run.sh.

    tests/ui/run.sh [CASE...]      # all cases, or the named ones
"""

import csv
import datetime
import os
import re
import signal
import subprocess
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from rocznik_ui import *  # noqa: E402,F401,F403
from rocznik_window import *  # noqa: E402,F401,F403
from rocznik_window import CASE_SECONDS, YEAR_SECONDS  # noqa: E402
from ui_edit_cases import CASES as EDIT_CASES  # noqa: E402


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def year_by_click(c):
    """Choosing another year with the mouse shows it (issue 10 item 1)."""
    c.start()
    check(year_shown(c.w, 2018), f'2018 is shown first, not “{summary(c.w)}”')
    for year in ('2020', '2018', '2015', '2018'):
        choose_by_click(c.w, 'Rok', year)
        wait_year(c.app, year, 'by a click')
        c.shot(f'year-{year}')


@case
def year_by_keyboard(c):
    """Choosing another year with Tab, Space, arrows and Enter (item 1)."""
    c.start()
    for year in ('2017', '2018'):
        choose_by_keyboard(c.w, 'Rok', year)
        wait_year(c.app, year, 'with the keyboard')
        c.shot(f'year-{year}')


@case
def compare_by_click(c):
    """Choosing a comparison year with the mouse adds its columns (item 1)."""
    c.with_2019()
    c.start('--year', '2018')
    choose_by_click(c.w, 'Porównaj z', '2019')
    wait_for(lambda: compare_column(c.w, 2019), YEAR_SECONDS, 'the 2019 column after choosing it by a click')
    c.shot('compare-2019')
    choose_by_click(c.w, 'Porównaj z', 'Bez porównania')
    wait_for(lambda: not compare_column(c.w, 2019), YEAR_SECONDS, 'no 2019 column after “Bez porównania”')


@case
def compare_by_keyboard(c):
    """Choosing a comparison year with the keyboard (item 1)."""
    c.with_2019()
    c.start('--year', '2019')
    choose_by_keyboard(c.w, 'Porównaj z', '2018')
    wait_for(lambda: compare_column(c.w, 2018), YEAR_SECONDS, 'the 2018 column after choosing it with the keyboard')
    c.shot('compare-2018')


@case
def compare_from_command_line(c):
    """`rocznik --year 2019 --compare 2018` opens with the comparison."""
    c.with_2019()
    c.start('--year', '2019', '--compare', '2018')
    wait_for(lambda: year_shown(c.w, 2019) and compare_column(c.w, 2018), YEAR_SECONDS,
             '2019 compared with 2018 as the command line asks')


@case
def sort_by_click(c):
    """Clicking the column headers sorts the rows."""
    c.start()
    by_count = [n for n, _ in sorted(SAMPLE_2018.items(), key=lambda kv: -kv[1])]
    check([r[0] for r in topic_rows(c.w)] == by_count, 'rows start by count, largest first')
    click(header(c.w, 'Temat'))
    wait_for(lambda: [r[0] for r in topic_rows(c.w)] == polish_sorted(SAMPLE_2018),
             3, 'rows in Polish alphabetical order after clicking “Temat”')
    c.shot('by-name')
    click(header(c.w, 'Rozmowy'))
    click(header(c.w, 'Rozmowy')) if [r[0] for r in topic_rows(c.w)][0] != by_count[0] else None
    wait_for(lambda: [r[0] for r in topic_rows(c.w)] in (by_count, by_count[::-1]),
             3, 'rows by count after clicking “Rozmowy”')
    check(totals_row(c.w) is not None and rows(c.w)[-2][0] == 'Razem', 'the totals row stays at the end')


@case
def sort_by_keyboard(c):
    """Sorting without the mouse (item 5): a column header that takes focus
    and Enter, or the table's context menu (Shift+F10) and its sort items."""
    c.start()
    log = FocusLog()
    header_focus = None
    try:
        for _ in range(30):
            key('Tab')
            ev = log.last(0.12)
            if ev and (ev[0] == 'column header' or ev[1] in ('Temat', 'Rozmowy', 'Udział')):
                header_focus = ev
                break
            if ev and ev[0] == 'table row':
                break
    finally:
        log.close()
    if header_focus:
        check(header_focus[1].startswith('Temat'), f'the first header to take focus is {header_focus}')
        key('Return')
    else:
        f = focused(c.w)
        check(f is not None and role(f) in ('table row', 'list', 'tree table'),
              'neither a column header nor the table takes focus with Tab')
        key('shift+F10')
        menu_by_keyboard(c.w, r'^Sortuj według tematu|^Sortuj.*temat')
    wait_for(lambda: [r[0] for r in topic_rows(c.w)] == polish_sorted(SAMPLE_2018),
             3, 'rows in alphabetical order after sorting by topic from the keyboard')
    c.shot('sorted')


@case
def search(c):
    """Ctrl+F, a word without Polish letters: the matching rows, and a totals
    row that says it shows the search, not the year (item 7)."""
    c.start()
    key('ctrl+f')
    find(c.w, 'entry', 'Wyszukiwanie tematów', pred=lambda a: pyatspi.STATE_FOCUSED in states(a),
                 what='the focused search field')
    type_text('swiadczenia')
    expect = [n for n in SAMPLE_2018 if 'świadczenia' in n]
    wait_for(lambda: [r[0] for r in topic_rows(c.w)] == expect, 3, f'only {expect}')
    c.shot('search')
    total = totals_row(c.w)
    shown_sum = sum(SAMPLE_2018[n] for n in expect)
    says_search = any(re.search(r'wyszuk|pasując|filtr|pokazan', l, re.I) for l in (total or []) + [summary(c.w)])
    check(total and (total[1] == plain(fmt_int(shown_sum)) or says_search),
          f'with a search active the totals row {total} shows the whole year without saying so')
    key('ctrl+a')
    type_text('xyzzy')
    wait_for(lambda: find_all(c.w, name_is='Brak pasujących tematów'), 3, 'the “no match” page')
    key('Escape')
    wait_for(lambda: len(topic_rows(c.w)) == 17, 3, 'all 17 rows after Escape')


@case
def select_and_highlight(c):
    """Clicking rows selects them; the chart shows them highlighted; its
    description says which."""
    c.start()
    chosen = select_two_topics(c)
    wait_for(lambda: all(pyatspi.STATE_SELECTED in states(row_acc(c.w, t)) for t in chosen), 3,
             'both rows selected')
    c.shot('selected')
    x, y, wd, h = extents(chart(c.w))
    path = os.path.join(c.dir, 'screen.png')
    screenshot(path)
    from PIL import Image
    screen = Image.open(path).crop((x, y, x + wd, y + h))
    check(orange_pixels(screen) > 50, 'the chart on screen shows no highlighted bar')


@case
def chart_types(c):
    """Every chart type from the chart type dropdown, by clicks (the four
    of per-call records greyed out for a year of totals)."""
    c.with_2019()
    c.start('--year', '2019')
    choose_by_click(c.w, 'Porównaj z', '2018')
    wait_for(lambda: compare_column(c.w, 2018), YEAR_SECONDS, 'the 2018 column')
    titles = {}
    for i in (1, 2, 3, 0):
        combo, button = dropdown_button(c.w, 'Rodzaj wykresu')
        click(button)
        items = wait_for(lambda: dropdown_items(combo), 3, 'the chart types')
        check(len(items) == 8, f'eight chart types, not {[t for _, t in items]}')
        # a year of totals: the per-call charts are offered greyed out
        check(all(choosable(it) for it, _ in items[:4]) and not any(choosable(it) for it, _ in items[4:]),
              f'the per-call charts should be greyed out for a year of totals: {[t for _, t in items]}')
        kind = items[i][1]
        click(items[i][0])
        wait_for(lambda: plain(name(dropdown_button(c.w, 'Rodzaj wykresu')[1])) == kind or
                 kind in [plain(name(x)) for x in walk(combo) if role(x) == 'label'], 3, f'{kind} chosen')
        time.sleep(0.4)
        ch = chart(c.w)
        titles[kind] = plain(name(ch))
        check(description(ch), f'the {kind} chart has no description')
        c.shot(f'chart-{i}')
    check(len(set(titles.values())) == 4, f'each chart type has its own title: {titles}')


@case
def export_chart_png_highlight(c):
    """Export chart → PNG through the dialog and the file chooser: the file
    shows the highlight the window shows (item 2)."""
    c.start()
    select_two_topics(c)
    x, y, wd, h = extents(chart(c.w))
    screen = os.path.join(c.dir, 'screen.png')
    screenshot(screen)
    from PIL import Image
    check(orange_pixels(Image.open(screen).crop((x, y, x + wd, y + h))) > 50,
          'the window shows no highlighted bar')
    click(find(c.w, 'push button', 'Eksportuj wykres'))
    dlg = toplevel(c.app, 'Eksportuj wykres')
    c.shot('export-dialog')
    click(find(dlg, 'push button', name_re=r'^_?Eksportuj…'))
    out = os.path.join(c.dir, 'wykres.png')
    file_chooser_save(c.app, r'Eksport|Zapisz', out)
    wait_file(out)
    c.shot('exported')
    png = Image.open(out)
    check(orange_pixels(png) > 50, 'the exported PNG shows no highlighted bar while the window does')


@case
def chart_title_no_leak(c):
    """A title set for 2018 is not the title of 2020 after switching (item 3)."""
    c.start()
    set_chart_title(c, 'Rozmowy Poznań Kontakt 2018 — własny tytuł')
    c.shot('title-2018')
    choose_by_click(c.w, 'Rok', '2020')
    wait_year(c.app, '2020', 'by a click')
    ch = chart(c.w) if find_all(c.w, 'image', pred=lambda a: 'ykres' in description(a)) else None
    texts = plain(name(ch)) + ' ' + plain(description(ch)) if ch else ''
    check('własny tytuł' not in texts and '2018' not in texts,
          f'2020 shows texts of 2018: {texts[:160]}')
    c.shot('year-2020')


@case
def import_csv(c):
    """Ctrl+O, a CSV typed into the file chooser, the import dialog: the year
    is stored with exactly the file's counts; a chart title set on 2018 does
    not come along to the imported year (item 3)."""
    c.start()
    set_chart_title(c, 'Tytuł tylko dla 2018')
    path = os.path.join(c.dir, 'rozmowy-2019.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, delimiter=';')
        out.writerow(['Temat', 'Liczba rozmów 2019'])
        out.writerows(TOPICS_2019)
    key('ctrl+o')
    file_chooser_open(c.app, 'Importuj dane roku', path)
    dlg = toplevel(c.app, r'^rozmowy-2019\.csv|^Import$')
    c.shot('import-dialog')
    button = find(dlg, 'push button', name_re=r'^_?Importuj', pred=lambda a: pyatspi.STATE_SENSITIVE in states(a))
    click(button)
    wait_for(lambda: c.stored(2019), 8, '2019 in the workspace')
    check(c.stored(2019) == TOPICS_2019, f'stored {c.stored(2019)}')
    wait_year(c.app, 2019, 'after the import')
    check([(r[0], r[1]) for r in topic_rows(c.w)] ==
          [(n, plain(fmt_int(v))) for n, v in sorted(TOPICS_2019, key=lambda kv: -kv[1])],
          f'the table shows {topic_rows(c.w)}')
    c.shot('imported')
    t = plain(name(chart(c.w)))
    check('Tytuł tylko dla 2018' not in t, f'the imported 2019 shows the 2018 title “{t}”')


@case
def import_dialog_helps(c):
    """The import dialog previews the rows, offers the organisation, and
    shows the year of the file chosen (item 7)."""
    c.start()
    path = os.path.join(c.dir, 'rozmowy-2019.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        csv.writer(f, delimiter=';').writerows([('Temat', 'Liczba rozmów 2019')] + TOPICS_2019)
    key('ctrl+o')
    file_chooser_open(c.app, 'Importuj dane roku', path)
    dlg = toplevel(c.app, r'^rozmowy-2019\.csv|^Import$')
    time.sleep(0.5)
    c.shot('dialog')
    seen = ' | '.join(plain(name(a)) + ' ' + plain(text(a)) for a in walk(dlg))
    check('2019' in seen, 'the dialog does not show the year 2019 of the file')
    check('gospodarka odpadami' in seen and '72' in seen, 'the dialog shows no preview of the rows')
    check(re.search(r'Organizacja', seen), 'the dialog has no field for the organisation')


@case
def export_pdf(c):
    """Export → PDF report through the file chooser; the text of the file."""
    c.start()
    out = export_report(c, 'Raport PDF…', 'raport-2018.pdf')
    c.shot('exported')
    txt = plain(subprocess.run(['pdftotext', '-layout', out, '-'], capture_output=True, text=True).stdout)
    check('388 468' in txt, 'the PDF has no sum of topics 388 468')
    check('gospodarka odpadami' in txt and '70 055' in txt, 'the PDF has no row gospodarka odpadami 70 055')
    check('586' in txt, 'the PDF does not give the declared total (ponad 586 tys.)')


@case
def export_xlsx(c):
    """Export → Excel workbook through the file chooser; its cells."""
    c.start()
    out = export_report(c, 'Skoroszyt Excel…', 'raport-2018.xlsx')
    c.shot('exported')
    import openpyxl
    wb = openpyxl.load_workbook(out, data_only=True)
    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            if row and isinstance(row[0], str) and isinstance(row[1] if len(row) > 1 else None, (int, float)):
                cells[plain(row[0])] = row[1]
    for topic, count in SAMPLE_2018.items():
        check(cells.get(topic) == count, f'the workbook has {cells.get(topic)} for {topic}, not {count}')


@case
def undo_redo(c):
    """A corrected count, Ctrl+Z brings it back, Ctrl+Shift+Z does it again;
    focus stays in the table (items 5 and 7)."""
    c.start()
    edit_count(c, 'oświata', 1400)
    wait_for(lambda: stored_count(c, 2018, 'oświata') == 1400, 5, 'oświata stored as 1400')
    c.shot('corrected')
    click(row_acc(c.w, 'oświata'))
    key('ctrl+z')
    wait_for(lambda: stored_count(c, 2018, 'oświata') == 1389, 5, 'oświata back at 1389 after Ctrl+Z')
    c.shot('undone')
    f = focused(c.w)
    check(f is not None and not re.match(r'Import', plain(name(f))),
          f'after Ctrl+Z the focus jumps to {role(f)} “{name(f)}”' if f else 'no focus after Ctrl+Z')
    key('ctrl+shift+z')
    wait_for(lambda: stored_count(c, 2018, 'oświata') == 1400, 3, 'oświata 1400 again after Ctrl+Shift+Z (redo)')


@case
def preferences_and_shortcuts(c):
    """Preferences from the main menu and with Ctrl+, ; the shortcuts window."""
    c.start()
    open_menu(c.w, 'Menu główne')
    click(menu_item(c.w, 'Preferencje'))
    toplevel(c.app, 'Preferencje')
    c.shot('preferences')
    key('Escape')
    wait_for(lambda: not [t for t in children(c.app.acc) if plain(name(t)) == 'Preferencje'
                          and pyatspi.STATE_VISIBLE in states(t)], 3, 'preferences closed')
    open_menu(c.w, 'Menu główne')
    click(menu_item(c.w, 'Skróty klawiszowe'))
    others = wait_for(lambda: [t for t in children(c.app.acc) if plain(name(t)) not in ('Rocznik', 'Preferencje')
                               and pyatspi.STATE_VISIBLE in states(t)], 4, 'the shortcuts window')
    check(re.search('Skróty', plain(name(others[0]))), f'the shortcuts window is announced as “{name(others[0])}”')
    c.shot('shortcuts')
    key('Escape')
    time.sleep(0.5)
    key('ctrl+comma')
    toplevel(c.app, 'Preferencje', timeout=3)
    c.shot('preferences-ctrl-comma')


@case
def print_dialog(c):
    """Ctrl+P opens the print dialog, with a preview (item 7)."""
    c.start()
    key('ctrl+p')
    dlg = toplevel(c.app, r'^(Wydruk|Drukuj|Drukowanie)', timeout=8)
    # GTK's own dialog names its buttons “P_odgląd Podgląd”: not ours to check.
    find(dlg, 'push button', pred=lambda a: 'Podgląd' in name(a).replace('_', ''), what='the print preview button')
    c.shot('print')
    key('Escape')


@case
def tab_order(c):
    """One full round of Tab (until focus is back on the first control it
    reached) stops on every control and the chart, and once on the table, not
    once per row (items 5 and 6). More Tabs only go round again, so the round
    is cut at its end rather than counted over a fixed number of presses."""
    c.start()
    log = FocusLog()
    first = None
    stops = []
    try:
        for _ in range(60):
            key('Tab')
            pump(0.1)
            if first is None and log.events:
                first = log.events[0][2]
            if first is not None and len(log.events) > 1 and log.events[-1][2] == first:
                break
        pump(0.4)
    finally:
        log.close()
    check(first is not None, 'Tab never moves the focus')
    for r, n, a in log.events[1:]:
        if a == first:
            break
        stops.append((r, n))
    else:
        raise Failure(f'focus never comes back to “{log.events[0][1]}” in 60 Tabs; stops: {stops[:40]}')
    stops.insert(0, log.events[0][:2])
    c.shot('after-tabs')
    for want in ('Rok', 'Porównaj z', 'Wyszukaj tematy', 'Eksportuj', 'Menu główne', 'Rodzaj wykresu',
                 'Eksportuj wykres', 'Kopiuj wykres jako obraz'):
        check(any(n == want or n.startswith(want) for r, n in stops),
              f'one round of Tab never reaches “{want}”; stops: {stops}')
    rows = [n for r, n in stops if r in ('table row', 'list item')]
    check(len(rows) == 1, f'one round of Tab stops on {len(rows)} table rows, not 1: {rows}')
    check(any(r == 'image' for r, n in stops), f'the chart never takes focus in one round: {stops}')


@case
def notes_tab(c):
    """Tab leaves the notes field without typing a tab or marking the year
    changed (item 5)."""
    c.start()
    key('alt+2')
    notes = find(c.w, 'text', 'Notatki', what='the notes field')
    click(notes)
    type_text('Uwaga')
    key('ctrl+a', 'BackSpace')
    key('Tab')
    time.sleep(0.4)
    f = focused(c.w)
    check(f is not None and f != notes and plain(name(f)) != 'Notatki', 'Tab stays in the notes field')
    check('\t' not in text(notes), 'Tab typed a tab character into the notes')
    c.shot('after-tab')


# What Tab, arrows or a click land on; GTK 4.8's own inner nodes (GtkColumnViewCell,
# a popup's GtkListView) are out of the app's reach and not checked.
@case
def accessible_names(c):
    """No control announced by its class name, twice, or with an underscore
    (item 6) — in the window, the open dropdowns and the dialogs."""
    c.start()
    problems = name_problems(c.w)
    combo, button = dropdown_button(c.w, 'Rok')
    click(button)
    time.sleep(0.4)
    problems += name_problems(combo)
    key('Escape')
    key('ctrl+shift+t')
    time.sleep(0.4)
    problems += name_problems(c.w)
    key('Escape')
    key('alt+2')
    time.sleep(0.4)
    problems += name_problems(c.w)
    c.shot('year-page')
    problems = sorted(set(problems))
    check(not problems, f'{len(problems)} bad names: ' + '; '.join(problems[:14]))


@case
def chart_focus(c):
    """The chart takes focus and reads its description (item 6)."""
    c.start()
    ch = chart(c.w)
    check('Wykres' in description(ch) and '70 055' in plain(description(ch)),
          f'the chart description lacks the figures: {description(ch)[:100]}')
    check(pyatspi.STATE_FOCUSABLE in states(ch), 'the chart cannot take focus')
    focus_by_tab(lambda a: role(a) == 'image' and a == ch, 'the chart')


@case
def compare_total_only_year(c):
    """2018 against 2017, which has only a declared total: never 2017 = 0 or
    a +388 468 change (item 4)."""
    c.start('--year', '2018')
    combo, button = dropdown_button(c.w, 'Porównaj z')
    click(button)
    items = [(a, t) for a, t in wait_for(lambda: dropdown_items(combo), 3, 'the comparison list')
             if item_matches(t, '2017')]
    check(items, 'the comparison list has no 2017 at all')
    if not choosable(items[0][0]):
        key('Escape')
        c.shot('2017-not-offered')
        return  # 2017 cannot be chosen: nothing can mislead
    click(items[0][0])
    wait_for(lambda: compare_column(c.w, 2017), YEAR_SECONDS, 'the 2017 column')
    scroll_table_to_end(c.w)
    c.shot('2018-vs-2017')
    total = totals_row(c.w)
    check(total is not None, 'no totals row')
    check(not any(re.search(r'\+\s*388 468', x) for x in total), f'totals row shows a +388 468 change: {total}')
    check(not any(x.strip() in ('0', '+388 468') for x in total[1:]), f'totals row shows 2017 as 0: {total}')
    zero_rows = [r for r in topic_rows(c.w) if len(r) > 2 and r[1] == '0' or (len(r) > 2 and r[2] == '0')]
    check(not zero_rows, f'topics of 2017 shown as 0: {zero_rows[:3]}')


@case
def compare_like_with_like(c):
    """2019 (6 topics) against 2018 (17): the change is over the topics both
    have, and the missing ones are named (item 4)."""
    c.with_2019()
    c.start('--year', '2019')
    choose_by_click(c.w, 'Porównaj z', '2018')
    wait_for(lambda: compare_column(c.w, 2018), YEAR_SECONDS, 'the 2018 column')
    time.sleep(0.5)
    c.shot('2019-vs-2018')
    common = [n for n, _ in TOPICS_2019 if n in SAMPLE_2018]
    now = sum(v for n, v in TOPICS_2019 if n in common)
    before = sum(SAMPLE_2018[n] for n in common)
    pct = (now - before) * 100.0 / before
    naive = (sum(v for _, v in TOPICS_2019) - sum(SAMPLE_2018.values())) * 100.0 / sum(SAMPLE_2018.values())
    shown_text = ' | '.join(labels(c.w))
    naive_s = f'{naive:.1f}'.replace('.', ',').replace('-', '−')
    check(naive_s not in shown_text and naive_s.replace('−', '-') not in shown_text,
          f'the window shows {naive_s} %, 6 topics against 17')
    want = f'{abs(pct):.1f}'.replace('.', ',')
    check(want in shown_text, f'the like-for-like change {pct:.1f} % (over {len(common)} topics) is not shown')
    out = export_report(c, 'Raport PDF…', 'raport-2019.pdf')
    pdf = plain(subprocess.run(['pdftotext', '-layout', out, '-'], capture_output=True, text=True).stdout)
    check(naive_s not in pdf and naive_s.replace('−', '-') not in pdf,
          f'the PDF report gives {naive_s} %, 6 topics against 17')


@case
def total_only_year_empty_state(c):
    """A year with only a declared total says so and offers a way on (item 7)."""
    c.start('--year', '2017')
    time.sleep(0.5)
    c.shot('2017')
    seen = labels(c.w)
    check(any('574' in s for s in seen), f'2017 does not show its declared total ponad 574 tys.: {seen[:8]}')
    line = summary(c.w)
    check(line == '2017: deklarowana liczba rozmów ponad 574 tys.; brak liczb dla tematów',
          f'the summary line of 2017 (only a total) reads {line!r}')
    page = [a for a in walk(c.w) if role(a) == 'panel' and plain(name(a)).startswith('Brak')]
    onward = [b for p in page for b in walk(p) if role(b) == 'push button' and shown(b)]
    check(onward, f'the empty state ({[plain(name(p)) for p in page]}) offers no way onward')


@case
def year_menus_say_what_they_hold(c):
    """The year list tells years with topics from totals only; the comparison
    list offers only years that can be compared (item 7)."""
    c.start()
    combo, button = dropdown_button(c.w, 'Rok')
    click(button)
    items = dict((t.split(' ')[0], t) for _, t in wait_for(lambda: dropdown_items(combo), 3, 'the year list'))
    c.shot('year-list')
    key('Escape')
    strip = lambda y: items.get(y, '').replace(y, '').strip()  # noqa: E731
    check(strip('2018') != strip('2017'), f'the year list shows 2018 and 2017 alike: {list(items.values())}')
    combo, button = dropdown_button(c.w, 'Porównaj z')
    click(button)
    offered = [t for a, t in wait_for(lambda: dropdown_items(combo), 3, 'the comparison list')
               if choosable(a)]
    c.shot('compare-list')
    key('Escape')
    check(not any(t.split(' ')[0] == '2018' for t in offered), f'2018 is offered to compare with itself: {offered}')


@case
def delete_topic_and_year(c):
    """A topic and a year can be deleted from the window, and undone (item 7)."""
    c.with_2019()
    c.start('--year', '2019')
    click(row_acc(c.w, 'Akcja Zima'))
    open_menu(c.w, 'Działania na tematach')
    click(menu_item(c.w, 'Usuń temat', pattern=r'^Usuń (temat|z tego roku)'))
    wait_for(lambda: stored_count(c, 2019, 'Akcja Zima') is None, 5, 'Akcja Zima deleted from 2019')
    key('ctrl+z')
    wait_for(lambda: stored_count(c, 2019, 'Akcja Zima') == 455, 5, 'Akcja Zima back after Ctrl+Z')
    open_menu(c.w, 'Menu główne')
    click(menu_item(c.w, 'Usuń rok', pattern=r'^Usuń (ten )?rok'))
    wait_for(lambda: not c.db('SELECT 1 FROM year WHERE year = 2019'), 5, '2019 deleted')
    key('ctrl+z')
    wait_for(lambda: len(c.stored(2019)) == 6, 5, '2019 back after Ctrl+Z')


@case
def narrow_window(c):
    """The window takes 360 px, as the metainfo promises; at the default size
    the comparison columns are not cut off (item 7)."""
    c.with_2019()
    c.start('--year', '2019')
    choose_by_click(c.w, 'Porównaj z', '2018')
    wait_for(lambda: compare_column(c.w, 2018), YEAR_SECONDS, 'the 2018 column')
    time.sleep(0.4)
    c.shot('default-size')
    x, y, wd, h = extents(table(c.w))
    texts = [l for h in column_headers(c.w) for l in walk(h) if role(l) == 'label']
    texts += [l for r in row_nodes(c.w) for l in walk(r) if role(l) == 'label']
    # A label's box is its cell, padding included: a few pixels past the edge are padding.
    cut = [plain(name(l)) for l in texts if extents(l)[0] + extents(l)[2] > x + wd + 6]
    check(not cut, f'cut off at the default width: {cut[:6]}')
    wid = window_xid(c)
    for width in (1200, 600, 360):
        xdo('windowsize', wid, str(width), '700')
        wait_for(lambda: abs(extents(c.app.window())[2] - width) <= 10, 4,
                 f'the window {width} px wide (it is {extents(c.app.window())[2]} px)')
        time.sleep(0.5)
        c.shot(f'{width}px')
        fw = extents(c.app.window())[2]
        outside = [f'{role(a)} “{plain(name(a))}”' for a in walk(c.w)
                   if role(a) in ('push button', 'combo box', 'page tab') and extents(a)[0] + extents(a)[2] > fw]
        check(not outside, f'at {width} px these controls are off the window: {outside}')


@case
def sample_banner_gap(c):
    """No blank band stays where the sample banner was (item 7)."""
    c.with_2019()
    c.start()
    choose_by_click(c.w, 'Rok', '2019')
    wait_year(c.app, 2019, 'by a click')
    time.sleep(0.6)
    c.shot('2019')
    header_bottom = max(extents(a)[1] + extents(a)[3] for a in find_all(c.w, 'push button', 'Menu główne'))
    check(summary(c.w).startswith('2019'), 'no summary for 2019')
    gap = extents(summary_label(c.w))[1] - header_bottom
    check(gap < 40, f'{gap} px between the header and the summary: the sample banner left a blank band')


@case
def chart_note_reads_right(c):
    """The chart's note agrees with the table and reads well (item 7)."""
    c.start()
    d = plain(description(chart(c.w)))
    remainder = [r for r in rows(c.w) if r[0] == 'Rozmowy bez tematu']
    check(remainder, 'no row for calls without a topic')
    check('197 532' not in d or '197 532' in remainder[0][1],
          f'the chart says 197 532 while the table says {remainder[0][1]}')
    check(not re.search(r'Pokazano 16 z 17 największych', d), 'the chart note reads “Pokazano 16 z 17 największych tematów”')


@case
def categories_chart_title(c):
    """Topics put into a category; the categories chart is not titled as
    a comparison of topics (item 7)."""
    c.start()
    select_two_topics(c)
    open_menu(c.w, 'Działania na tematach')
    click(menu_item(c.w, 'Dodaj do kategorii…'))
    time.sleep(0.6)
    type_text('Sprawy komunalne')
    key('Return')
    wait_for(lambda: c.db('SELECT name FROM category'), 5, 'the category stored')
    choose_by_click(c.w, 'Rodzaj wykresu', 'Porównanie')
    time.sleep(0.4)
    choose_by_click(c.w, 'Co porównać', 'Kategorie')
    time.sleep(0.6)
    c.shot('categories')
    t = plain(name(chart(c.w)))
    check('tematów' not in t, f'the categories chart is titled “{t}”')


# --- main -------------------------------------------------------------------

class Timeout(Exception):
    pass


def import_calls_2019(c):
    """A per-call export of 2019 (date and time, topic, channel, handling
    time), imported as a user would; returns its rows."""
    rows = []
    for topic, start, n, channel, took in (('gospodarka odpadami', datetime.datetime(2019, 3, 4, 10, 0), 30, 'telefon', '3:05'),
                                           ('oświata', datetime.datetime(2019, 5, 8, 14, 0), 10, 'e-mail', '5:01'),
                                           ('transport miejski', datetime.datetime(2019, 6, 7, 9, 0), 5, 'czat', '')):
        for i in range(n):
            rows.append([(start + datetime.timedelta(minutes=i)).strftime('%d.%m.%Y %H:%M'), topic, channel, took])
    path = os.path.join(c.dir, 'rozmowy-2019.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, delimiter=';')
        out.writerow(['Data', 'Temat', 'Kanał', 'Czas rozmowy'])
        out.writerows(rows)
    c.cli('--import', path)
    return rows


@case
def call_summary(c):
    """The year page sums up a year's per-call data in Polish, and shows
    nothing of the kind for a year without it (issue 12 item 1)."""
    import_calls_2019(c)
    c.start('--year', '2019')
    key('alt+2')
    # 30 calls on Monday 4 March from 10:00, 10 on Wednesday 8 May from 14:00,
    # 5 on Friday 7 June at 9:00; channels of 45 calls: 30, 10, 5; handling
    # 185 s for the waste, 301 s for the schools, none for the transport
    expected = ['marzec: 30 rozmów', 'poniedziałek, 10:00–11:00: 30 rozmów',
                'telefon 66,7%, e-mail 22,2%, czat 11,1%', 'oświata: średnio 5 min 1 s (10 rozmów)']
    for value in expected:
        find(c.w, 'label', name_is=value, what=f'the summary line „{value}”')
    find(c.w, name_is='Najbardziej obłożony miesiąc', what='the row „Najbardziej obłożony miesiąc”')
    # the mouse wheel over the page until the summary's last line is on screen
    x, y, wd, h = extents(c.w)
    last = find(c.w, 'label', name_is=expected[-1])
    for _ in range(6):
        if extents(last)[1] + extents(last)[3] <= y + h:
            break
        click(c.w, button=5, where=(wd // 2, h // 2))
        xdo('click', '--repeat', '5', '--delay', '20', '5')
        time.sleep(0.3)
    check(extents(last)[1] + extents(last)[3] <= y + h, 'the summary cannot be scrolled into view')
    c.shot('2019')
    problems = sorted(set(name_problems(c.w)))
    check(not problems, f'{len(problems)} bad names: ' + '; '.join(problems[:14]))
    choose_by_click(c.w, 'Rok', '2018')
    wait_year(c.app, 2018, 'by a click')
    time.sleep(0.6)
    check(not find_all(c.w, name_is='Kiedy i jak dzwonią mieszkańcy'), 'a summary of per-call data for 2018, which has none')
    check(not find_all(c.w, 'label', name_is=expected[0]), '2019’s busiest month still shown for 2018')
    c.shot('2018')


# the cases on dialogs and the year page (tests/ui/ui_edit_cases.py)
CASES.extend(EDIT_CASES)


def alarm(signum, frame):
    raise Hung(f'the case took longer than {CASE_SECONDS} s')


# Cases that fail for a known, open bug: still run and reported on every run
# ("not ok … # TODO"), never counted as passed; remove a line when it is fixed.
KNOWN_FAILURES = {
}


def run_case(fn, cname, env):
    c = Ctx(cname, env)
    problems = []
    t0 = time.monotonic()
    signal.alarm(CASE_SECONDS)
    try:
        fn(c)
    except Exception as e:
        problems.append(f'{type(e).__name__}: {e}' if not isinstance(e, Failure) else str(e))
        if not isinstance(e, Failure):
            problems.append(traceback.format_exc().strip().splitlines()[-3])
    finally:
        signal.alarm(0)
    if problems or c.n_shots == 0:
        try:
            c.shot('end')
        except Exception:
            pass
    problems += c.finish()
    return problems, time.monotonic() - t0


def main(argv):
    wanted = set(argv[1:])
    cases = [f for f in CASES if not wanted or f.__name__ in wanted or f.__name__.replace('_', '-') in wanted]
    env = dict(os.environ)
    os.makedirs(SHOT_DIR, exist_ok=True)
    for f in os.listdir(SHOT_DIR):
        if f.endswith('.png') and (not wanted or any(f.startswith(w.replace('_', '-')) for w in wanted)):
            os.remove(os.path.join(SHOT_DIR, f))
    signal.signal(signal.SIGALRM, alarm)
    print(f'1..{len(cases)}', flush=True)
    failed = known = 0
    started = time.monotonic()
    for i, fn in enumerate(cases, 1):
        cname = fn.__name__.replace('_', '-')
        problems, dt = run_case(fn, cname, env)
        first = []
        if problems and cname not in KNOWN_FAILURES:
            # One more try on a fresh app and workspace: a loaded machine can
            # miss a step's time limit. What failed the first time is printed.
            first = problems
            problems, dt2 = run_case(fn, cname, env)
            dt += dt2
        if problems:
            if cname in KNOWN_FAILURES:
                known += 1
                print(f'not ok {i} {cname} ({dt:.1f} s) # TODO {KNOWN_FAILURES[cname]}', flush=True)
            else:
                failed += 1
                print(f'not ok {i} {cname} ({dt:.1f} s)', flush=True)
            for p in problems:
                for line in str(p).splitlines():
                    print(f'# {line}', flush=True)
        else:
            print(f'ok {i} {cname} ({dt:.1f} s)' + (' after a second try' if first else ''), flush=True)
        for p in first:
            for line in str(p).splitlines():
                print(f'# first try: {line}', flush=True)
    print(f'# {len(cases) - failed - known} passed, {failed} failed, {known} known failures '
          f'in {time.monotonic() - started:.0f} s', flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
