# SPDX-License-Identifier: GPL-3.0-or-later
"""The web page of the report in a real browser, and its accessibility.

Usage: html-check.py ROCZNIK SCREENSHOT_DIR [CALLS_FILE]

Exports the sample's report with `rocznik --export raport.html` (and, given
CALLS_FILE, the report of a per-call export imported into a workspace of its
own, with its section on calls), then
  * reads it with html.parser: lang, title, heading order, names of every
    SVG and image, captions and header scopes of every table, the skip link,
    named focusable scroll regions; computes the contrast of the page's CSS
    colours on every ground it uses (WCAG 2.1 AA: 4.5:1);
  * renders it in headless Chromium at 390 and 1280 px: no sideways scroll
    of the page, charts within the viewport, the narrow chart on a phone and
    the wide one beside its data table on a desktop, the contrast of every
    piece of text as the browser computed its colours, a screenshot at each
    width (SCREENSHOT_DIR/html-390.png, html-1280.png), and a printed PDF.
Prints TAP; exits 1 on the first failed check.
"""

import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

ROCZNIK, SHOTS = sys.argv[1], sys.argv[2]
CALLS = sys.argv[3] if len(sys.argv) > 3 else None
n_tests = 0


def ok(condition, what):
    global n_tests
    n_tests += 1
    if not condition:
        print(f"not ok {n_tests} - {what}")
        print(f"1..{n_tests}")
        sys.exit(1)
    print(f"ok {n_tests} - {what}")


# ---- contrast (WCAG 2.1) ----------------------------------------------------

def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_rgb(text):
    text = text.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


# ---- the document's structure -----------------------------------------------

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.elements = []      # (tag, attrs, parent index)
        self.text = {}          # element index -> its text
        self.style = ""
        self.ids = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent = self.stack[-1] if self.stack else None
        self.elements.append((tag, attrs, parent))
        index = len(self.elements) - 1
        if "id" in attrs:
            assert attrs["id"] not in self.ids, f"duplicate id {attrs['id']}"
            self.ids[attrs["id"]] = index
        if tag not in ("meta", "br", "img", "input", "link", "path", "use", "rect", "image"):
            self.stack.append(index)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.elements[self.stack[-1]][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack:
            if self.elements[self.stack.pop()][0] == tag:
                break

    def handle_data(self, data):
        if self.stack:
            top = self.stack[-1]
            if self.elements[top][0] == "style":
                self.style += data
            for i in self.stack:
                self.text[i] = self.text.get(i, "") + data

    def find(self, tag):
        return [(i, e[1]) for i, e in enumerate(self.elements) if e[0] == tag]

    def ancestors(self, index):
        while index is not None:
            index = self.elements[index][2]
            if index is not None:
                yield index

    def descendants(self, index, tag):
        return [i for i, e in enumerate(self.elements) if e[0] == tag and index in self.ancestors(i)]


def check_structure(path, report_title="Biuro Poznań Kontakt — raport roczny 2018"):
    page = Page()
    page.feed(open(path, encoding="utf-8").read())

    html_attrs = page.find("html")[0][1]
    ok(html_attrs.get("lang") == "pl", 'the page says it is Polish: <html lang="pl">')
    title = page.text.get(page.find("title")[0][0], "")
    ok(re.fullmatch(report_title, title), f"the title names the report: {title}")

    levels = [int(e[0][1]) for e in page.elements if re.fullmatch(r"h[1-6]", e[0])]
    ok(levels and levels[0] == 1 and levels.count(1) == 1, "one h1, first")
    ok(all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"headings never skip a level: {levels}")

    svgs = page.find("svg")
    ok(len(svgs) >= 4, f"charts are inline SVG ({len(svgs)})")
    for i, attrs in svgs:
        ok(attrs.get("role") == "img", f"svg {attrs.get('class')} {i} has role=img")
        names = attrs.get("aria-labelledby", "").split()
        ok(len(names) == 2 and all(n in page.ids for n in names), f"svg {i} is labelled by ids that exist")
        kinds = [page.elements[page.ids[n]][0] for n in names]
        ok(kinds == ["title", "desc"] and all(i in page.ancestors(page.ids[n]) for n in names),
           f"svg {i} is named by its own <title> and <desc>")
        ok(all(len(page.text.get(page.ids[n], "").strip()) > 10 for n in names), f"svg {i}'s title and desc say something")
    for i, attrs in page.find("img"):
        ok(attrs.get("alt"), f"img {i} has alt text")

    tables = page.find("table")
    ok(len(tables) >= 1 + len(svgs) // 2, f"a topic table and a data table per chart ({len(tables)})")
    for i, _ in tables:
        ok(len(page.descendants(i, "caption")) == 1, f"table {i} has a caption")
        ths = page.descendants(i, "th")
        ok(ths and all(page.elements[t][1].get("scope") in ("col", "row") for t in ths),
           f"table {i}: every th has scope")
        body_rows = [r for r in page.descendants(i, "tr") if page.elements[page.elements[r][2]][0] != "thead"]
        ok(all(page.descendants(r, "th") for r in body_rows), f"table {i}: every row has a header cell")
        region = page.elements[i][2]
        rattrs = page.elements[region][1]
        ok(rattrs.get("tabindex") == "0" and rattrs.get("role") == "region"
           and rattrs.get("aria-labelledby") in page.ids,
           f"table {i} scrolls in a focusable, named region")

    first_link = page.find("a")[0][1]
    ok(first_link.get("href") == "#tresc" and "tresc" in page.ids
       and page.elements[page.ids["tresc"]][0] == "main", "the first link skips to the main content")
    ok(not page.find("script") and not page.find("link") and "src=" not in open(path).read(),
       "self-contained: no script, no external file")
    ok("@media print" in page.style, "a print style")
    ok("max-width:30rem" in page.style or "max-width: 30rem" in page.style, "a phone layout")

    # The CSS colours: every text colour on every ground the page paints.
    variables = dict(re.findall(r"--([a-z]+):(#[0-9a-fA-F]{3,6})", page.style))
    texts = ["ink", "muted", "accent"]
    grounds = {"white": "#ffffff", "stripe": variables["stripe"], "head": variables["head"]}
    for t in texts:
        for g, colour in grounds.items():
            ratio = contrast(hex_rgb(variables[t]), hex_rgb(colour))
            ok(ratio >= 4.5, f"CSS contrast of {t} {variables[t]} on {g} {colour}: {ratio:.2f} ≥ 4.5")
    return page


# ---- the browser ------------------------------------------------------------

PROBE = r"""
<script>
(function () {
  function rgb(s) { var m = s.match(/[\d.]+/g) || [0, 0, 0, 0]; return m.map(Number); }
  function ground(e) {
    for (; e; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  }
  function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  var out = { width: innerWidth, scrollWidth: document.documentElement.scrollWidth, svgs: [], regions: [], texts: [], figures: [] };
  document.querySelectorAll('figure svg').forEach(function (s) {
    out.svgs.push({ cls: s.getAttribute('class'), shown: getComputedStyle(s).display !== 'none', box: box(s) });
  });
  document.querySelectorAll('.scroll').forEach(function (r) {
    out.regions.push({ scroll: r.scrollWidth, client: r.clientWidth, tabindex: r.tabIndex, right: box(r)[2] });
  });
  document.querySelectorAll('figure').forEach(function (f) {
    var svg = Array.prototype.filter.call(f.querySelectorAll('svg'), function (s) { return getComputedStyle(s).display !== 'none'; })[0];
    out.figures.push({ svg: svg ? box(svg) : null, table: box(f.querySelector('.scroll')) });
  });
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var n = walker.nextNode(); n; n = walker.nextNode()) {
    var e = n.parentElement;
    if (!n.textContent.trim() || e.closest('svg') || e.closest('script') || e.closest('.skip')) continue;
    var cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    out.texts.push({ text: n.textContent.trim().slice(0, 40), color: rgb(cs.color).slice(0, 3), ground: ground(e),
                     size: parseFloat(cs.fontSize), weight: parseInt(cs.fontWeight, 10) });
  }
  parent.postMessage(JSON.stringify(out), '*');
})();
</script>
"""

# Headless Chromium's window is at least 500 px wide: the page is measured
# in a frame of the width wanted, which is its viewport (media queries too).
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="probe.html" style="border:0;width:%dpx;height:900px"></iframe>
<pre id="probe"></pre>
<script>addEventListener('message', function (e) { document.getElementById('probe').textContent = e.data; });</script>
</body></html>
"""


def chromium(*args):
    command = [shutil.which("chromium"), "--headless=new", "--no-sandbox", "--disable-gpu",
               "--hide-scrollbars", "--no-first-run", "--disable-extensions", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def check_browser(path, tmp, name="html", printed_texts=("gospodarka odpadami", "Uwagi i źródła")):
    probe = os.path.join(tmp, "probe.html")
    text = open(path, encoding="utf-8").read()
    open(probe, "w", encoding="utf-8").write(text.replace("</body>", PROBE + "</body>"))

    for width in (390, 1280):
        frame = os.path.join(tmp, f"frame-{width}.html")
        open(frame, "w").write(FRAME % width)
        run = chromium("--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom", "file://" + frame)
        found = re.search(r'<pre id="probe">(.+?)</pre>', run.stdout, re.S)
        ok(found, f"{width} px: Chromium rendered the page ({run.stderr.strip()[-200:] if not found else 'ok'})")
        m = json.loads(html.unescape(found.group(1)))
        ok(m["width"] == width, f"{width} px: the viewport is {m['width']} px")
        ok(m["scrollWidth"] <= width, f"{width} px: the page does not scroll sideways ({m['scrollWidth']} px)")
        shown = [s for s in m["svgs"] if s["shown"]]
        ok(len(shown) == len(m["svgs"]) // 2, f"{width} px: one drawing of each chart is shown")
        want = "narrow" if width < 480 else "wide"
        ok(all(s["cls"] == want for s in shown), f"{width} px: the {want} charts are shown")
        ok(all(s["box"][0] >= 0 and s["box"][2] <= width for s in shown), f"{width} px: every chart fits the viewport")
        ok(all(r["right"] <= width for r in m["regions"]), f"{width} px: every table region fits the viewport")
        ok(all(r["tabindex"] == 0 for r in m["regions"] if r["scroll"] > r["client"]),
           f"{width} px: tables wider than the screen scroll in a focusable region "
           f"({sum(r['scroll'] > r['client'] for r in m['regions'])} do)")
        for f in m["figures"]:
            svg, table = f["svg"], f["table"]
            if width < 480:
                ok(table[1] >= svg[3] - 1, f"{width} px: a chart's data table is below it")
            else:
                ok(table[0] >= svg[2] - 1, f"{width} px: a chart's data table is beside it")
        low = []
        for t in m["texts"]:
            large = t["size"] >= 24 or (t["size"] >= 18.66 and t["weight"] >= 700)
            ratio = contrast(t["color"], t["ground"])
            if ratio < (3.0 if large else 4.5):
                low.append((t["text"], round(ratio, 2)))
        ok(len(m["texts"]) > 200 and not low,
           f"{width} px: every text of {len(m['texts'])} has contrast ≥ 4.5:1 (large ≥ 3:1) {low[:3]}")

        shot = os.path.join(SHOTS, f"{name}-{width}.png")
        run = chromium(f"--window-size={width},7000", f"--screenshot={shot}", "file://" + path)
        ok(os.path.exists(shot) and png_size(shot)[0] == width, f"{width} px: screenshot {shot}")

    pdf = os.path.join(tmp, "print.pdf")
    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "file://" + path)
    printed = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = printed.count("\f")
    ok(all(t in printed for t in printed_texts) and "Przejdź do treści" not in printed,
       f"printed ({pages} pages): the whole report, without the skip link")


def check_calls(tmp, env):
    """A per-call export's report: the section on calls, in the same checks."""
    workspace = os.path.join(tmp, "calls.db")
    path = os.path.join(tmp, "zgloszenia.html")
    run = subprocess.run([ROCZNIK, "--workspace", workspace, "--import", CALLS], capture_output=True, text=True, env=env)
    ok(run.returncode == 0, f"rocznik --import {os.path.basename(CALLS)} {run.stderr.strip()}")
    run = subprocess.run([ROCZNIK, "--workspace", workspace, "--year", "2019", "--export", path],
                         capture_output=True, text=True, env=env)
    ok(run.returncode == 0 and os.path.exists(path), f"rocznik --export zgloszenia.html {run.stderr.strip()}")
    page = check_structure(path, r".+ — raport roczny 2019")
    section = page.ids.get("zgloszenia")
    ok(section is not None and page.text.get(section) == "Kiedy i jak mieszkańcy się zgłaszają",
       "the report of per-call records has its section on calls")
    captions = [page.text.get(i, "") for i, _ in page.find("caption")]
    for caption in ("Zgłoszenia w\u00a0miesiącach 2019 r.", "Zgłoszenia według kanału w\u00a02019 r."):
        ok(caption in captions, f"the section's table: {caption}")
    check_browser(path, tmp, "html-calls", ("Kiedy i jak mieszkańcy się zgłaszają", "Czas obsługi"))


def main():
    os.makedirs(SHOTS, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rocznik-html-") as tmp:
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_CACHE_HOME=os.path.join(tmp, "cache"), LC_ALL="C.UTF-8")
        path = os.path.join(tmp, "raport.html")
        run = subprocess.run([ROCZNIK, "--workspace", os.path.join(tmp, "ws.db"), "--export", path],
                             capture_output=True, text=True, env=env)
        ok(run.returncode == 0 and os.path.exists(path), f"rocznik --export raport.html {run.stderr.strip()}")
        check_structure(path)
        ok(shutil.which("chromium"), "Debian's chromium is installed (.ci/setup)")
        check_browser(path, tmp)
        if CALLS:
            check_calls(tmp, env)
    print(f"1..{n_tests}")


main()
