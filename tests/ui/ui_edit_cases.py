# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases of tests/ui/ui-tests.py on what is edited and chosen in dialogs and
on the year page: the topic dialogs, the year page refilled by a save and
its undo, the chart export dialog's sizes, the import dialog's choices kept
when the file is read again."""

import csv
import datetime
import os
import re
import time

import pyatspi
from rocznik_ui import *  # noqa: F401,F403
from rocznik_window import *  # noqa: F401,F403
from rocznik_ui import Failure

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def sensitive(acc):
    return pyatspi.STATE_SENSITIVE in states(acc)


@case
def topic_dialogs(c):
    """The four dialogs on topics (correct, rename, merge, add to a
    category): each asks its question in Polish, a count that is no number
    cannot be saved while it is typed, the answer is stored, Cancel stores
    nothing."""
    c.start()

    def dialog(heading):
        return wait_for(lambda: next((t for t in children(c.app.acc) if pyatspi.STATE_VISIBLE in states(t)
                                      and find_all(t, 'label', name_is=heading)), None), 5, f'the dialog „{heading}”')

    def button(dlg, label):
        return find(dlg, pred=lambda a: role(a) == 'push button' and (
            re.match(rf'^_?{label}$', plain(name(a)))
            or any(re.match(rf'^_?{label}$', plain(name(x))) for x in walk(a, only_shown=False) if role(x) == 'label')),
            what=f'the button „{label}”')

    def closed(heading):
        wait_for(lambda: not any(find_all(t, 'label', name_is=heading) for t in children(c.app.acc)
                                 if pyatspi.STATE_VISIBLE in states(t)), 5, f'the dialog „{heading}” closed')

    # correct: 1389 calls on „oświata” in 2018; „12x” is refused while typed
    click(row_acc(c.w, 'oświata'))
    key('F2')
    dlg = dialog('Popraw temat')
    c.shot('correct')
    count = find(dlg, pred=lambda a: role(a) in ('text', 'entry') and 'Liczba' in plain(name(a)), what='the count field')
    click(count)
    key('ctrl+a')
    type_text('12x')
    wait_for(lambda: not sensitive(button(dlg, 'Zapisz')), 3, '„Zapisz” refused for the count „12x”')
    key('Return')
    time.sleep(0.5)
    check(stored_count(c, 2018, 'oświata') == 1389, 'Enter stored the count „12x”')
    key('ctrl+a')
    type_text('1400')
    wait_for(lambda: sensitive(button(dlg, 'Zapisz')), 3, '„Zapisz” offered for the count 1400')
    click(button(dlg, 'Zapisz'))
    wait_for(lambda: stored_count(c, 2018, 'oświata') == 1400, 5, 'oświata stored as 1400')
    closed('Popraw temat')

    # rename in every year
    click(row_acc(c.w, 'oświata'))
    open_menu(c.w, 'Działania na tematach')
    click(menu_item(c.w, 'Zmień nazwę we wszystkich latach…'))
    dlg = dialog('Zmień nazwę tematu we wszystkich latach')
    c.shot('rename')
    key('ctrl+a')
    type_text('edukacja')
    click(button(dlg, 'Zmień nazwę'))
    wait_for(lambda: stored_count(c, 2018, 'edukacja') == 1400 and stored_count(c, 2018, 'oświata') is None, 5,
             '„oświata” renamed „edukacja”')
    closed('Zmień nazwę tematu we wszystkich latach')

    # merge: 192 calls of „Powstanie Wielkopolskie” join the 513 of „Akcja Zima”
    click(row_acc(c.w, 'Powstanie Wielkopolskie'))
    open_menu(c.w, 'Działania na tematach')
    click(menu_item(c.w, 'Połącz z innym tematem…'))
    dlg = dialog('Połącz z innym tematem')
    check(sensitive(button(dlg, 'Połącz')), '„Połącz” is not offered with a topic chosen')
    combo = find(dlg, 'combo box', name_re=r'^Temat docelowy', what='the menu „Temat docelowy”')
    click(next(a for a in walk(combo) if role(a) == 'push button'))
    click(wait_for(lambda: [a for a, t in dropdown_items(combo) if t == 'Akcja Zima'], 3, '„Akcja Zima” offered')[-1])
    time.sleep(0.4)
    c.shot('merge')
    # the first click after the menu closed may only take the pointer back
    for attempt in (1, 2):
        click(button(dlg, 'Połącz'))
        try:
            closed('Połącz z innym tematem')
            break
        except Failure:
            if attempt == 2:
                raise
    wait_for(lambda: stored_count(c, 2018, 'Akcja Zima') == 513 + 192, 5, 'Akcja Zima 705 after the merge')
    check(stored_count(c, 2018, 'Powstanie Wielkopolskie') is None, '„Powstanie Wielkopolskie” is still stored')

    # add to a category, cancelled
    click(row_acc(c.w, 'Akcja Zima'))
    open_menu(c.w, 'Działania na tematach')
    click(menu_item(c.w, 'Dodaj do kategorii…'))
    dlg = dialog('Dodaj do kategorii')
    type_text('Zima')
    c.shot('category')
    click(button(dlg, 'Anuluj'))
    closed('Dodaj do kategorii')
    time.sleep(0.4)
    check(not c.db('SELECT name FROM category'), 'Cancel stored a category')


@case
def year_page_refill(c):
    """The year page stays on the chosen year through the refills a save and
    an undo make, shows what is stored, and offers nothing to save after
    either: showing a year is not an edit (the year panel's fill)."""
    c.with_2019()
    c.start('--year', '2019')
    key('alt+2')
    find(c.w, 'label', name_is='Rok 2019', what='the heading „Rok 2019”')
    save = find(c.w, 'push button', name_re=r'^_?Zapisz zmiany', what='the button „Zapisz zmiany”')
    revert = find(c.w, 'push button', name_re=r'^_?Przywróć', what='the button „Przywróć”')
    check(not sensitive(save) and not sensitive(revert), 'a year just shown offers to save or revert')
    c.shot('2019')
    def stored_org():
        got = c.db('SELECT organisation FROM year WHERE year = 2019')
        return got[0][0] or '' if got else None

    before = stored_org()
    check(before is not None, '2019 is not in the workspace')
    org = find(c.w, 'text', 'Organizacja', what='the field „Organizacja”')
    check(plain(text(org)) == before, f'„Organizacja” shows „{text(org)}”, not the stored „{before}”')
    click(org)
    key('End')
    type_text('Biuro Testowe')
    wait_for(lambda: sensitive(save), 3, '„Zapisz zmiany” offered after typing')
    click(save)
    wait_for(lambda: stored_org() == before + 'Biuro Testowe', 5, 'the organisation of 2019 stored')
    time.sleep(0.5)
    c.shot('saved')
    find(c.w, 'label', name_is='Rok 2019', what='„Rok 2019” still shown after saving')
    check(not find_all(c.w, 'label', name_re=r'^Rok (?!2019)\d{4}$'), 'another year is shown after saving')
    check(not sensitive(save) and not sensitive(revert), 'after saving, the year offers to be saved again')
    check(plain(text(find(c.w, 'text', 'Organizacja'))) == before + 'Biuro Testowe',
          'the field does not show the organisation stored')
    # the undo of the save refills the page once more: meanwhile Save and
    # Revert are never offered, not even for a moment
    offered = []

    def sensitivity_cb(event):
        try:
            if event.detail1 and re.match(r'^_?(Zapisz zmiany|Przywróć)', plain(name(event.source))):
                offered.append(plain(name(event.source)))
        except Exception:
            pass
    pyatspi.Registry.registerEventListener(sensitivity_cb, 'object:state-changed:sensitive')
    try:
        click(find(c.w, 'label', name_is='Rok 2019'))
        key('ctrl+z')
        wait_for(lambda: stored_org() == before, 5, 'the organisation of 2019 back after Ctrl+Z')
        pump(0.8)
    finally:
        pyatspi.Registry.deregisterEventListener(sensitivity_cb, 'object:state-changed:sensitive')
    check(not offered, f'showing the year again offered {offered} for a moment')
    c.shot('undone')
    find(c.w, 'label', name_is='Rok 2019', what='„Rok 2019” still shown after Ctrl+Z')
    check(not sensitive(save) and not sensitive(revert), 'after Ctrl+Z, the year offers to be saved')
    check(plain(text(find(c.w, 'text', 'Organizacja'))) == before, 'the field does not show the organisation stored after Ctrl+Z')


# The core's presets as the Polish dialog names them, with their sizes.
CHART_PRESETS = {'Media społecznościowe': (1200, 675), 'Kwadratowy wpis': (1080, 1080), 'Ekran Full HD': (1920, 1080)}
CUSTOM_SIZE = 'Własny rozmiar'


@case
def export_chart_size_choice(c):
    """The chart export dialog: a preset chosen shows its size, a size typed
    chooses „Własny rozmiar” and keeps the other side, a preset chosen
    again takes its size back; the file has the size chosen last."""
    c.start()
    click(find(c.w, 'push button', 'Eksportuj wykres'))
    dlg = toplevel(c.app, 'Eksportuj wykres')
    width = find(dlg, 'spin button', 'Szerokość w pikselach')
    height = find(dlg, 'spin button', 'Wysokość w pikselach')
    radios = {n: find(dlg, name_re='^' + re.escape(n), pred=lambda a: role(a) in ('check box', 'radio button'),
                      what=f'the choice „{n}”')
              for n in list(CHART_PRESETS) + [CUSTOM_SIZE]}

    def size():
        return (int(width.queryValue().currentValue), int(height.queryValue().currentValue))

    def chosen():
        return [n for n, a in radios.items() if pyatspi.STATE_CHECKED in states(a)]

    def expect(choice, wh, after):
        wait_for(lambda: chosen() == [choice] and size() == wh, 3, f'„{choice}” {wh[0]}×{wh[1]} {after}')

    def type_into(spin, value):
        click(spin)
        key('ctrl+a')
        type_text(str(value))
        key('Tab')

    expect('Media społecznościowe', CHART_PRESETS['Media społecznościowe'], 'when the dialog opens')
    click(radios['Kwadratowy wpis'])
    expect('Kwadratowy wpis', (1080, 1080), 'after choosing it')
    c.shot('square')
    type_into(width, 1500)
    expect(CUSTOM_SIZE, (1500, 1080), 'after typing the width 1500')
    c.shot('custom')
    click(radios['Ekran Full HD'])
    expect('Ekran Full HD', (1920, 1080), 'after choosing it back from a custom size')
    click(radios[CUSTOM_SIZE])
    expect(CUSTOM_SIZE, (1920, 1080), 'after choosing a custom size (the size stays)')
    type_into(height, 900)
    expect(CUSTOM_SIZE, (1920, 900), 'after typing the height 900')
    click(radios['Kwadratowy wpis'])
    expect('Kwadratowy wpis', (1080, 1080), 'after choosing it again')
    time.sleep(0.3)
    check(chosen() == ['Kwadratowy wpis'], f'a moment later the choice is {chosen()}')
    scale = find(dlg, name_re='^Podwójna gęstość pikseli', pred=lambda a: role(a) in ('toggle button', 'switch', 'check box'),
                 what='the switch „Podwójna gęstość pikseli”')
    factor = 2 if pyatspi.STATE_CHECKED in states(scale) else 1
    click(find(dlg, 'push button', name_re=r'^_?Eksportuj…'))
    out = os.path.join(c.dir, 'wykres.png')
    file_chooser_save(c.app, r'Eksport|Zapisz', out)
    wait_file(out)
    from PIL import Image
    got = Image.open(out).size
    check(got == (1080 * factor, 1080 * factor), f'the PNG is {got[0]}×{got[1]}, not the square 1080×1080 ×{factor}')


@case
def import_choice_keeps_filter(c):
    """In the import dialog a filter chosen (the e-mails of a per-call file)
    stays chosen when a column's role is changed and the file is read again:
    the menus refilled by that read choose nothing themselves."""
    c.start()
    # 30 calls by phone, 10 by e-mail, 5 by chat: the e-mails are 10 and not
    # the most common value, which a refilled menu would fall back to
    rows = []
    for topic, first, n, channel in (('gospodarka odpadami', datetime.datetime(2019, 3, 4, 10, 0), 30, 'telefon'),
                                     ('oświata', datetime.datetime(2019, 5, 8, 14, 0), 10, 'e-mail'),
                                     ('transport miejski', datetime.datetime(2019, 6, 7, 9, 0), 5, 'czat')):
        for i in range(n):
            rows.append([(first + datetime.timedelta(minutes=i)).strftime('%d.%m.%Y %H:%M'), topic, channel, '2:00'])
    path = os.path.join(c.dir, 'rozmowy-2019.csv')
    with open(path, 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f, delimiter=';')
        out.writerow(['Data', 'Temat', 'Kanał', 'Czas rozmowy'])
        out.writerows(rows)
    key('ctrl+o')
    file_chooser_open(c.app, 'Importuj dane roku', path)
    dlg = toplevel(c.app, r'^rozmowy-2019\.csv|^Import$')
    button = find(dlg, 'push button', name_re=r'^_?Importuj', what='the button „Importuj”')

    def settled():
        return sensitive(button)

    def seen():
        return ' | '.join(plain(name(a)) + ' ' + plain(text(a)) for a in walk(dlg))

    def in_view(acc):
        _, wy, _, wh = extents(dlg)
        ay, ah = extents(acc)[1], extents(acc)[3]
        return ay >= wy + 60 and ay + ah <= wy + wh

    def shows(combo, item_text):
        return any(item_matches(t, item_text) for _, t in dropdown_items(combo))

    def choose(row, item_text):
        def chosen():
            combo = find(dlg, 'combo box', row, timeout=1)
            return settled() and shows(combo, item_text) and len(dropdown_items(combo)) == 1

        for attempt in (1, 2, 3):
            # the row is made anew by a read after a column choice
            combo = find(dlg, 'combo box', row, what=f'the row „{row}”')
            if not in_view(combo):
                # Tab to it: the dialog scrolls to the focused row
                focus_by_tab(lambda a: a == combo or is_inside(a, combo), f'the row „{row}”')
                wait_for(lambda: in_view(combo), 3, f'the row „{row}” scrolled into view')
            if len(dropdown_items(combo)) <= 1:
                click(combo)
            items = wait_for(lambda: [a for a, t in dropdown_items(combo) if item_matches(t, item_text)], 3,
                             f'„{item_text}” offered in „{row}”')
            click(items[-1])
            # a click in a menu just opened may be lost on a busy machine: once more
            try:
                wait_for(chosen, 4 * attempt, f'„{item_text}” chosen in „{row}”')
                return
            except Failure:
                if attempt == 3:
                    raise

    wait_for(settled, 8, 'the file read')
    choose('Licz wiersze, w których', 'Kanał')
    wait_for(lambda: settled() and 'telefon (30 w pierwszych wierszach)' in seen(), 8, 'the channel filter offered')
    choose('jest', 'e-mail')
    counted = r'2019: 1 temat, liczba rozmów 10\b'
    wait_for(lambda: settled() and re.search(counted, seen()), 8, 'the 10 e-mails counted')
    c.shot('filtered')
    choose('Czas rozmowy', 'pomijana')
    # read again: the columns line no longer names the handling time
    wait_for(lambda: settled() and 'Kolumny: data rozmowy' in seen() and 'czas obsługi „Czas' not in seen(), 8,
             'the file read again without the handling time')
    time.sleep(1.0)
    t = seen()
    check(settled(), 'the dialog keeps reading the file after one choice')
    check('e-mail (10 w pierwszych wierszach)' in t, 'the filter is no longer the e-mails after another column choice')
    check(re.search(counted, t), 'the e-mails are no longer counted after another column choice: ' +
          '; '.join(l for l in t.split(' | ') if '2019:' in l or 'Zliczono' in l))
    c.shot('column-changed')
    click(button)
    wait_for(lambda: c.stored(2019), 8, '2019 in the workspace')
    check(c.stored(2019) == [('oświata', 10)], f'stored {c.stored(2019)}, not the 10 e-mails on oświata')
