# SPDX-License-Identifier: GPL-3.0-or-later
"""What a person sees and does in the Rocznik window, for tests/ui/ui-tests.py:
a case's own workspace and app (Ctx), the header dropdowns chosen by click
or keyboard, the topics table read row by row, focus followed as a screen
reader hears it, file choosers filled in by typing, the data behind it all.
"""

import csv
import locale
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time

import pyatspi
from gi.repository import GLib

from rocznik_ui import (App, Failure, Hung, NBSP, ROCZNIK, SHOT_DIR, check, children, click,  # noqa: F401
                        description, extents, find, find_all, key, name, plain,
                        role, screenshot, shown, states, type_text, wait_for, walk, xdo)

CASE_SECONDS = 100         # a case that takes longer is stuck
YEAR_SECONDS = 8           # a year switch not shown by then is the freeze

# The published 2018 figures (resources/sample/poznan-kontakt-2018.txt), as
# the city printed them: the expected values are these, not the program's.
SAMPLE_2018 = {
    'sprawy ogólne (w tym Poznański Budżet Obywatelski, działania na rzecz seniorów)': 100990,
    'gospodarka odpadami': 70055,
    'świadczenia wychowawcze 500+, działania prorodzinne i pomoc społeczna': 67941,
    'transport miejski i strefa parkowania': 58759,
    'uprawnienia transportowe, sprawy urodzeń, małżeństw, zameldowania i zgonów': 45263,
    'podatki i opłaty lokalne, działalność gospodarcza': 16395,
    'sprawy organizacyjne UMP, Sekretariat Prezydenta': 8477,
    'urbanistyka i architektura': 5622,
    'wykorzystanie i obsługa komunalnych zasobów lokalowych': 5043,
    'nieodpłatna pomoc prawna': 3128,
    'wybory samorządowe': 3030,
    'oświata': 1389,
    'akcje prozdrowotne': 712,
    'zgłoszenia awarii informatycznych': 570,
    'Akcja Zima': 513,
    'administracja cmentarzy komunalnych': 389,
    'Powstanie Wielkopolskie': 192,
}

# A 2019 with six topics, as a spreadsheet saves it (written by csv below).
TOPICS_2019 = [
    ('gospodarka odpadami', 72110),
    ('transport miejski i strefa parkowania', 61004),
    ('oświata', 1502),
    ('nieodpłatna pomoc prawna', 2987),
    ('Akcja Zima', 455),
    ('wybory samorządowe', 2871),
]


def fmt_int(n):
    """Polish grouping: 70 055 with a no-break space."""
    s = f'{abs(n):,}'.replace(',', NBSP)
    return ('−' if n < 0 else '') + s


# --- the run ---------------------------------------------------------------

class Ctx:
    """What one case has: a temp dir, its workspace, its app, its screenshots."""

    def __init__(self, case_name, env):
        self.name = case_name
        self.env = env
        self.dir = tempfile.mkdtemp(prefix=f'rocznik-ui-{case_name}-')
        self.workspace = os.path.join(self.dir, 'workspace.rocznik')
        self.apps = []
        self.n_shots = 0

    def cli(self, *args, check_rc=True):
        r = subprocess.run([ROCZNIK, '--workspace', self.workspace, *args], capture_output=True,
                           text=True, env=self.env, timeout=30)
        if check_rc and r.returncode != 0:
            raise Failure(f'rocznik {" ".join(args)}: {r.returncode} {r.stderr}')
        return r.stdout

    def with_2019(self):
        path = os.path.join(self.dir, 'rozmowy-2019.csv')
        with open(path, 'w', newline='', encoding='utf-8') as f:
            out = csv.writer(f, delimiter=';')
            out.writerow(['Temat', 'Liczba rozmów 2019'])
            out.writerows(TOPICS_2019)
        self.cli('--import', '--year', '2019', path)
        return path

    def start(self, *args):
        app = App(self.workspace, os.path.join(self.dir, f'app{len(self.apps)}.log'), args, self.env)
        self.apps.append(app)
        app.start()
        self.app = app
        self.w = app.window()
        return app

    def shot(self, label):
        self.n_shots += 1
        screenshot(os.path.join(SHOT_DIR, f'{self.name}-{self.n_shots:02d}-{label}.png'))

    def db(self, sql, *params):
        con = sqlite3.connect(f'file:{self.workspace}?mode=ro', uri=True)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def stored(self, year):
        return self.db('SELECT name, count FROM year_topic WHERE year = ? ORDER BY position', year)

    def finish(self):
        problems = []
        for app in self.apps:
            hung = app.alive() and not responsive(app)
            app.stop()
            problems += [f'GTK said: {m}' for m in app.gtk_messages()]
            if hung:
                problems.append('the window no longer answers (hung)')
        shutil.rmtree(self.dir, ignore_errors=True)
        return problems


def responsive(app):
    try:
        return app.window() is not None
    except Exception:
        return False


# --- what a person sees and does ------------------------------------------

def pump(seconds=0.0):
    end = time.monotonic() + seconds
    ctx = GLib.MainContext.default()
    while True:
        while ctx.iteration(False):
            pass
        if time.monotonic() >= end:
            break
        time.sleep(0.02)


def dropdown_button(w, label):
    combo = find(w, 'combo box', label)
    buttons = [a for a in walk(combo) if role(a) == 'push button']
    check(buttons, f'dropdown "{label}" has no button')
    return combo, buttons[0]


def dropdown_items(combo):
    """The open dropdown's items with their texts."""
    items = []
    for a in walk(combo):
        if role(a) == 'list item':
            items.append((a, ' '.join(plain(name(x)) for x in walk(a) if role(x) == 'label')))
    return items


def item_matches(t, item_text):
    return t.startswith(item_text) or re.search(rf'(^|\s){re.escape(item_text)}(\s|$)', t) is not None


def choosable(item):
    """Not greyed out: the item and what it shows are sensitive."""
    return all(pyatspi.STATE_SENSITIVE in states(a) for a in [item] + children(item))


def choose_by_click(w, dropdown, item_text):
    combo, button = dropdown_button(w, dropdown)
    click(button)
    items = wait_for(lambda: [a for a, t in dropdown_items(combo) if item_matches(t, item_text)], 3, f'"{item_text}" in the "{dropdown}" list')
    click(items[0])


def choose_by_keyboard(w, dropdown, item_text):
    """Focus the dropdown with Tab from the window's first control, open it
    with Space, walk the list with arrow keys, take the item with Enter."""
    combo, button = dropdown_button(w, dropdown)
    focus_by_tab(lambda a: a == button or is_inside(a, combo), f'the "{dropdown}" dropdown')
    key('space')
    items = wait_for(lambda: dropdown_items(combo) or None, 3, f'the "{dropdown}" list open')
    texts = [t for _, t in items]
    target = [i for i, t in enumerate(texts) if item_matches(t, item_text)]
    check(target, f'"{item_text}" not offered in {texts}')
    check(choosable(items[target[0]][0]), f'“{texts[target[0]]}” is greyed out')

    def at():
        now = [i for i, (a, _) in enumerate(dropdown_items(combo)) if pyatspi.STATE_FOCUSED in states(a)]
        return now[0] if now else None
    for _ in range(len(items) + 2):
        i = wait_for(lambda: at() is not None, 3, 'focus in the open list') and at()
        if i == target[0]:
            break
        key('Down' if i < target[0] else 'Up')
        time.sleep(0.15)
    check(at() == target[0], f'the arrow keys do not reach “{texts[target[0]]}”')
    key('Return')


def is_inside(acc, ancestor):
    node = acc
    for _ in range(60):
        if node is None:
            return False
        if node == ancestor:
            return True
        node = node.parent
    return False


def focused(root):
    for a in walk(root):
        if pyatspi.STATE_FOCUSED in states(a) and role(a) not in ('frame', 'application'):
            return a
    return None


class FocusLog:
    """Focus changes as a screen reader hears them (AT-SPI events)."""

    def __init__(self):
        self.events = []
        pyatspi.Registry.registerEventListener(self._cb, 'object:state-changed:focused')

    def _cb(self, event):
        if event.detail1:
            try:
                self.events.append((role(event.source), plain(name(event.source)), event.source))
            except Exception:
                pass

    def close(self):
        pyatspi.Registry.deregisterEventListener(self._cb, 'object:state-changed:focused')

    def last(self, settle=0.4):
        pump(settle)
        return self.events[-1] if self.events else None


def focus_by_tab(pred, what, limit=60):
    log = FocusLog()
    try:
        for _ in range(limit):
            key('Tab')
            ev = log.last(0.15)
            if ev and pred(ev[2]):
                return ev[2]
        raise Failure(f'{what} never takes focus in {limit} Tab presses')
    finally:
        log.close()


_summary_cache = {}


def summary(w):
    """The line above the table: "2018: deklarowana liczba rozmów …"."""
    lab = _summary_cache.get(w)
    if lab is not None:
        t = plain(name(lab))
        if re.match(r'^\d{4}\b.*:', t) and shown(lab):
            return t
    for a in walk(w):
        if role(a) == 'label' and re.match(r'^\d{4}\b.*:', plain(name(a))):
            _summary_cache[w] = a
            return plain(name(a))
    return ''


def summary_label(w):
    summary(w)
    return _summary_cache.get(w)


def year_shown(w, year):
    return summary(w).startswith(str(year))


def wait_year(app, year, how):
    try:
        wait_for(lambda: year_shown(app.window(), year), YEAR_SECONDS, f'{year} after choosing it {how}')
    except Failure as e:
        cpu = subprocess.run(['ps', '-o', 'time=', '-p', str(app.proc.pid)], capture_output=True, text=True).stdout
        raise Hung(f'{e} (the window is busy: {cpu.strip()} CPU time) — the freeze of issue 10 item 1')


_table_cache = {}


def table(w):
    t = _table_cache.get(w)
    if t is None or not shown(t):
        t = find(w, 'tree table', 'Tematy roku', what='the topics table')
        _table_cache[w] = t
    return t


def row_nodes(w):
    """The table's rows on screen (a GtkColumnView makes only those)."""
    out = []
    for part in children(table(w)):
        if role(part) == 'table row':  # the header row
            continue
        for r in children(part):
            if role(r) == 'table row' and shown(r):
                out.append(r)
    return out


def cell_texts(r):
    cells = []
    for cell in children(r):
        texts = [plain(name(x)) for x in walk(cell, only_shown=False) if role(x) == 'label']
        cells.append(' '.join(t for t in texts if t))
    return cells


def rows(w):
    """Each data row of the table as the texts of its cells, top to bottom."""
    rs = [(extents(r)[1], cell_texts(r)) for r in row_nodes(w)]
    return [cells for _, cells in sorted(rs, key=lambda p: p[0]) if any(cells)]


def topic_rows(w):
    return [r for r in rows(w) if r[0] not in ('Razem', 'Rozmowy bez tematu') and not r[0].startswith('Razem')]


def totals_row(w):
    rs = [r for r in rows(w) if r[0].startswith('Razem')]
    return rs[0] if rs else None


def scroll_table_to_end(w):
    """The mouse wheel over the table until its end is on screen."""
    t = table(w)
    x, y, wd, h = extents(t)
    click(t, button=5, where=(wd // 2, h // 2))
    for _ in range(3):
        xdo('click', '--repeat', '10', '--delay', '20', '5')
    time.sleep(0.4)


def column_headers(w):
    out = []
    for part in children(table(w)):
        if role(part) == 'table row':
            out += children(part)
        elif role(part) == 'column header':
            out.append(part)
    return out


def header(w, title):
    for h in column_headers(w):
        if any(plain(name(x)) == title for x in walk(h)) or plain(name(h)) == title:
            return h
    raise Failure(f'no column header "{title}"')


def row_acc(w, topic):
    for r in row_nodes(w):
        cells = cell_texts(r)
        if cells and cells[0] == plain(topic):
            return r
    raise Failure(f'no row "{topic}" on screen')


def chart(w):
    return find(w, 'image', pred=lambda a: 'Wykres' in description(a) or 'wykres' in description(a),
                what='the chart')


def open_menu(w, button_name):
    b = find(w, 'push button', button_name, pred=lambda a: pyatspi.STATE_FOCUSABLE in states(a))
    click(b)
    return b


def menu_item(w, label, timeout=3, pattern=None):
    """An item of the open menu, by its text (or a pattern of texts)."""
    return find(w, 'menu item', pred=lambda a: plain(name(a)).rstrip('…') == label.rstrip('…')
                or (pattern is not None and re.search(pattern, plain(name(a)))),
                timeout=timeout, what=f'menu item "{label}"')


def toplevel(app, title_re, timeout=6):
    return wait_for(lambda: next((t for t in children(app.acc) if re.search(title_re, plain(name(t)))
                                  and pyatspi.STATE_VISIBLE in states(t)), None),
                    timeout, f'a window "{title_re}"')


def file_chooser_open(app, title_re, path):
    dlg = toplevel(app, title_re)
    time.sleep(0.4)
    key('ctrl+l')
    type_text(path)
    time.sleep(0.4)
    key('Return')
    time.sleep(1.0)
    if pyatspi.STATE_VISIBLE in states(dlg) and shown(dlg):
        accept = [a for a in walk(dlg) if role(a) == 'push button' and re.match(r'_?(Importuj|Otwórz)', name(a))]
        if accept:
            click(accept[-1])
    return dlg


def file_chooser_save(app, title_re, path):
    dlg = toplevel(app, title_re)
    time.sleep(0.4)
    entry = wait_for(lambda: [a for a in walk(dlg) if role(a) in ('text', 'entry')
                              and pyatspi.STATE_EDITABLE in states(a)], 3, 'the file name field')[0]
    click(entry)
    key('ctrl+a')
    type_text(path)
    key('Return')
    return dlg


def wait_file(path, timeout=10):
    wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, timeout, f'the file {path}')
    time.sleep(0.3)


def orange_pixels(img):
    """Pixels of the chart's highlight (the orange accent of its light theme)."""
    img = img.convert('RGB')
    n = 0
    for r, g, b in img.getdata():
        if r > 180 and 60 < g < 140 and b < 60:
            n += 1
    return n



def compare_column(w, year):
    return any(str(year) in plain(name(x)) for h in column_headers(w) for x in walk(h))


def polish_sorted(names):
    locale.setlocale(locale.LC_COLLATE, 'pl_PL.UTF-8')
    return sorted(names, key=locale.strxfrm)


def menu_by_keyboard(w, pattern, limit=20):
    """In an open menu, Down until the item is focused, then Enter."""
    log = FocusLog()
    try:
        wait_for(lambda: find_all(w, 'menu item'), 3, 'the menu')
        for _ in range(limit):
            ev = log.last(0.2)
            if ev and ev[0] == 'menu item' and re.search(pattern, ev[1]):
                key('Return')
                return
            key('Down')
        raise Failure(f'no menu item “{pattern}” reached with the arrow keys')
    finally:
        log.close()


def select_two_topics(c):
    """Click “gospodarka odpadami”, Shift+Down adds the row below it."""
    click(row_acc(c.w, 'gospodarka odpadami'))
    key('shift+Down')
    time.sleep(0.3)
    return ['gospodarka odpadami', 'świadczenia wychowawcze 500+, działania prorodzinne i pomoc społeczna']


def set_chart_title(c, title):
    key('ctrl+shift+t')
    field = find(c.w, 'text', name_re='^Tytuł wykresu', what='the chart title field')
    click(field)
    type_text(title)
    key('Escape')
    wait_for(lambda: title in plain(name(chart(c.w))), 8, 'the chart with its new title')


def export_report(c, item, filename):
    open_menu(c.w, 'Eksportuj')
    click(menu_item(c.w, item))
    out = os.path.join(c.dir, filename)
    file_chooser_save(c.app, r'Eksport|Zapisz', out)
    wait_file(out, 20)
    return out


def edit_count(c, topic, value):
    click(row_acc(c.w, topic))
    key('F2')
    entry = wait_for(lambda: [a for t in children(c.app.acc) for a in walk(t)
                              if role(a) in ('text', 'entry') and re.search('Liczba', plain(name(a)))], 3,
                     'the count field of the correction dialog')[0]
    click(entry)
    key('ctrl+a')
    type_text(str(value))
    key('Return')


def stored_count(c, year, topic):
    r = c.db('SELECT count FROM year_topic WHERE year = ? AND name = ?', year, topic)
    return r[0][0] if r else None


CONTROLS = ('push button', 'toggle button', 'combo box', 'check box', 'radio button', 'menu item',
            'page tab', 'table row', 'list item', 'entry', 'text', 'image', 'spin button', 'slider',
            'column header', 'frame', 'dialog', 'switch')
BAD_NAME = re.compile(r'^(Gtk|Adw)[A-Z]\w+$')


def name_problems(root):
    problems = []
    for a in walk(root):
        r, n = role(a), plain(name(a))
        st = states(a)
        interactive = r in CONTROLS and (pyatspi.STATE_FOCUSABLE in st or r in ('table row', 'combo box'))
        if not interactive:
            continue
        if BAD_NAME.match(n):
            problems.append(f'{r} named “{n}”')
        words = n.split(' ')
        half = len(words) // 2
        if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
            problems.append(f'{r} named twice “{n}”')
        elif re.search(r'(^|\s)_\w', n):
            problems.append(f'{r} with a raw mnemonic “{n}”')
        else:
            lab = [plain(name(x)) for x in children(a) for x in walk(x) if role(x) == 'label']
            if len(lab) == 1 and lab[0] and n != lab[0] and n.endswith(' ' + lab[0]):
                problems.append(f'{r} named “{n}” while it shows “{lab[0]}”')
    return problems


def window_xid(c):
    for wid in xdo('search', '--onlyvisible', '--pid', str(c.app.proc.pid), '--name', '^Rocznik$').split():
        if 'Geometry: 1x1' not in xdo('getwindowgeometry', wid):
            return wid
    raise Failure('no X window of Rocznik')
