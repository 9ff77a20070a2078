# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the built Rocznik window as a person does: reads it through the
accessibility tree (AT-SPI, pyatspi) and acts on it with real X input
(xdotool: pointer clicks at the control's place on screen, key presses).

Used by tests/ui/ui-tests.py; tests/ui/run.sh provides the X server, the
session bus and the accessibility bus.
"""

import os
import re
import signal
import subprocess
import time

import pyatspi
from gi.repository import Atspi

# A window that does not answer within this is busy; the default waits 15 s
# for an application started in the last 15 s.
Atspi.set_timeout(1500, 3000)

BUILD = os.environ.get('ROCZNIK_BUILD_DIR', 'build')
ROCZNIK = os.path.join(BUILD, 'src', 'rocznik')
SHOT_DIR = os.environ.get('ROCZNIK_UI_SCREENSHOTS', os.path.join(BUILD, 'tests', 'ui-screenshots'))
NBSP = '\u00a0'


class Failure(AssertionError):
    pass


class Hung(Failure):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def wait_for(pred, timeout=5.0, what='the window'):
    """Polls pred until it returns something true; the time limit of a step."""
    end = time.monotonic() + timeout
    last = None
    while True:
        try:
            result = pred()
        except Exception as e:  # the tree changes while it is read
            result, last = None, e
        if result:
            return result
        if time.monotonic() > end:
            raise Failure(f'{what}: not seen within {timeout:g} s' + (f' ({last})' if last else ''))
        time.sleep(0.1)


def plain(text):
    """Visible text with non-breaking spaces as spaces, for comparisons."""
    return (text or '').replace(NBSP, ' ').replace('\u202f', ' ')


# --- the accessibility tree ------------------------------------------------

def states(acc):
    return set(acc.getState().getStates())


def extents(acc):
    try:
        e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return e.x, e.y, e.width, e.height
    except Exception:
        return 0, 0, 0, 0


def shown(acc):
    """Given room on screen. GTK 4.8 reports no SHOWING state for children,
    and a hidden stack page keeps VISIBLE; it has no size though."""
    x, y, w, h = extents(acc)
    return w > 0 and h > 0


def children(acc):
    out = []
    try:
        n = acc.childCount
    except Exception:
        return out
    for i in range(n):
        try:
            c = acc.getChildAtIndex(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


def _is_stack_page(acc):
    try:
        return acc.name == 'GtkStackPage' and acc.getRoleName() == 'panel'
    except Exception:
        return False


LEAVES = ('label', 'image', 'separator', 'scroll bar', 'text')


def walk(root, only_shown=True):
    """Every node under root, depth first, in the order of the tree; with
    only_shown, subtrees that are hidden are left out. Each AT-SPI call is a
    D-Bus round trip, so leaves are not asked for children."""
    stack = [root]
    while stack:
        acc = stack.pop()
        yield acc
        if role(acc) in LEAVES and acc is not root:
            continue
        kids = children(acc)
        if only_shown:
            kids = [k for k in kids if shown(k) or _is_stack_page(k)]
        stack.extend(reversed(kids))


_roles = {}


def role(acc):
    """A node's role never changes: asked once (each ask is a round trip)."""
    try:
        return _roles[acc]
    except KeyError:
        pass
    except TypeError:
        return ''
    try:
        r = acc.getRoleName()
    except Exception:
        return ''
    _roles[acc] = r
    return r


def name(acc):
    try:
        return acc.name or ''
    except Exception:
        return ''


def description(acc):
    try:
        return acc.description or ''
    except Exception:
        return ''


def text(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ''


def find_all(root, role_name=None, name_is=None, name_re=None, pred=None, only_shown=True):
    out = []
    for acc in walk(root, only_shown):
        if role_name and role(acc) != role_name:
            continue
        if name_is is not None and plain(name(acc)) != plain(name_is):
            continue
        if name_re is not None and not re.search(name_re, plain(name(acc))):
            continue
        if pred and not pred(acc):
            continue
        out.append(acc)
    return out


_found = {}


def find(root, role_name=None, name_is=None, name_re=None, pred=None, timeout=5.0, what=None):
    """The first shown node that fits; a control found once is asked again
    directly (a whole-window walk costs hundreds of D-Bus round trips)."""
    memo = (root, role_name, name_is, name_re) if pred is None else None
    if memo is not None and memo in _found:
        acc = _found[memo]
        try:
            if shown(acc) and (name_is is None or plain(name(acc)) == plain(name_is)) \
                    and (name_re is None or re.search(name_re, plain(name(acc)))):
                return acc
        except Exception:
            pass
        del _found[memo]

    def one():
        found = find_all(root, role_name, name_is, name_re, pred)
        return found[0] if found else None
    acc = wait_for(one, timeout, what or f'{role_name or "control"} {name_is or name_re or ""}'.strip())
    if memo is not None:
        _found[memo] = acc
    return acc


def labels(root):
    """The label texts a person reads, in tree order."""
    return [plain(name(a)) for a in walk(root) if role(a) == 'label']


def do_action(acc, action_name=None):
    ai = acc.queryAction()
    for i in range(ai.nActions):
        if action_name is None or ai.getName(i) == action_name:
            ai.doAction(i)
            return
    raise Failure(f'{role(acc)} "{name(acc)}" has no action {action_name}')


# --- X input ----------------------------------------------------------------

def xdo(*args):
    r = subprocess.run(['xdotool', *args], capture_output=True, text=True, timeout=10)
    return r.stdout.strip()


def key(*combos):
    """Key presses as X events, e.g. key('ctrl+f'), key('Tab', 'Tab')."""
    for c in combos:
        xdo('key', '--clearmodifiers', c)
        time.sleep(0.08)


def type_text(s):
    """Typing as X key events. A letter missing from the keyboard map (ł, ą…)
    is typed through a keycode xdotool maps for it; GTK reads the new map
    asynchronously, so such letters go one at a time with a pause."""
    chunk = ''
    for ch in s + '\0':
        if ch != '\0' and ord(ch) < 128:
            chunk += ch
            continue
        if chunk:
            xdo('type', '--delay', '15', chunk)
            chunk = ''
        if ch != '\0':
            time.sleep(0.12)
            xdo('type', ch)
            time.sleep(0.12)
    time.sleep(0.1)


def _x_windows(pid):
    out = []
    for wid in xdo('search', '--onlyvisible', '--pid', str(pid), '--name', '').split():
        geo = xdo('getwindowgeometry', '--shell', wid)
        v = dict(line.split('=', 1) for line in geo.splitlines() if '=' in line)
        out.append((int(wid), xdo('getwindowname', wid), int(v['X']), int(v['Y']), int(v['WIDTH']), int(v['HEIGHT'])))
    return out


def screen_point(acc, dx, dy):
    """Where a point of the accessible is on the X screen. GTK reports
    coordinates inside its own surface: a toplevel's X window, or for a
    popover (a surface of its own) relative to the window that owns it."""
    pid = acc.get_process_id()
    x, y, w, h = extents(acc)
    node, popover = acc, None
    while True:
        p = node.parent
        if p is None or role(p) == 'application':
            break
        if popover is None and name(p) in ('GtkPopover', 'GtkPopoverMenu') or role(p) == 'menu' and popover is None:
            popover = p
        node = p
    wins = _x_windows(pid)
    if popover is not None:
        px, py, pw, ph = extents(popover)
        fits = [wn for wn in wins if wn[4] == pw and 0 <= wn[5] - ph <= 16]
        if fits:
            wid, _, ox, oy, ow, oh = max(fits)
            top = oy + (oh - ph if oy > py else 0)
            return ox + (x - px) + dx, top + (y - py) + dy
    for wid, title, ox, oy, ow, oh in wins:
        if title == name(node) and ow > 1:
            return ox + x + dx, oy + y + dy
    return x + dx, y + dy


def click(acc, button=1, where=None):
    """A pointer click in the middle of the control (or at where=(dx, dy))."""
    x, y, w, h = extents(acc)
    check(w > 0 and h > 0, f'{role(acc)} "{name(acc)}" is not on screen')
    px, py = screen_point(acc, *((w // 2, h // 2) if where is None else where))
    xdo('mousemove', str(px), str(py))
    time.sleep(0.05)
    xdo('click', str(button))
    time.sleep(0.15)


def screenshot(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(['import', '-window', 'root', path], capture_output=True, timeout=20)


# --- the application --------------------------------------------------------

GTK_MESSAGE = re.compile(r'(CRITICAL|WARNING)\s*\*\*|-CRITICAL|-WARNING|Gtk-|GLib-GObject-|Sanitizer|runtime error')


class App:
    """One run of `rocznik` on a workspace of its own, as a person starts it."""

    def __init__(self, workspace, log_path, args=(), env=None):
        self.workspace = workspace
        self.log_path = log_path
        self.args = list(args)
        self.env = env
        self.proc = None
        self.acc = None

    def start(self, timeout=20):
        self.log = open(self.log_path, 'w')
        self.proc = subprocess.Popen([ROCZNIK, '--workspace', self.workspace, *self.args],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=self.env)

        def app_node():
            if self.proc.poll() is not None:
                raise Failure(f'rocznik exited with {self.proc.returncode}: {self.messages()}')
            desk = pyatspi.Registry.getDesktop(0)
            for a in children(desk):
                try:
                    if a.get_process_id() == self.proc.pid:
                        return a
                except Exception:
                    pass
            return None
        xdo('mousemove', '4000', '4000')  # the pointer away: no hover on what opens
        self.acc = wait_for(app_node, timeout, 'the application on the accessibility bus')
        wait_for(lambda: self.window(), timeout, 'the main window')
        time.sleep(1.0)
        return self

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def toplevels(self):
        return [w for w in children(self.acc) if role(w) in ('frame', 'dialog', 'window', 'file chooser')
                and pyatspi.STATE_VISIBLE in states(w)]

    def window(self):
        for w in children(self.acc):
            if role(w) == 'frame' and name(w).startswith('Rocznik') and pyatspi.STATE_VISIBLE in states(w):
                return w
        return None

    def messages(self):
        try:
            with open(self.log_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def gtk_messages(self):
        return [line for line in self.messages().splitlines() if GTK_MESSAGE.search(line)]

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
