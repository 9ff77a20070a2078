/* rocznik-report-pdf.c — the annual report as a PDF (Cairo + Pango)
 *
 * A4, laid out top to bottom by a small flow: headings keep with what
 * follows, the topic table repeats its header on every page it reaches,
 * charts are drawn as vectors by the one chart renderer. Pages are laid
 * out once into recording surfaces; when the page count is known they are
 * replayed into the PDF with their footers ("Strona 1 z 3").
 */

#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "rocznik-chart.h"
#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-report-private.h"

#define PAGE_WIDTH   595.276  /* A4 in points */
#define PAGE_HEIGHT  841.890
#define MARGIN_LEFT  64.0
#define MARGIN_RIGHT 64.0
#define MARGIN_TOP   64.0
#define BODY_BOTTOM  (PAGE_HEIGHT - 78.0)
#define FOOTER_Y     (PAGE_HEIGHT - 52.0)
#define TEXT_WIDTH   (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define FONT_SANS    "Cantarell"
#define FONT_SERIF   "P052"

typedef struct { double r, g, b; } Rgb;

static const Rgb INK = { 0.13, 0.14, 0.16 };
static const Rgb MUTED = { 0.38, 0.40, 0.44 };
static const Rgb ACCENT = { 0.11, 0.35, 0.62 };
static const Rgb RULE = { 0.78, 0.80, 0.83 };
static const Rgb STRIPE = { 0.95, 0.96, 0.975 };
static const Rgb HEADER_FILL = { 0.89, 0.92, 0.955 };

typedef struct
{
  const RocznikReport *report;
  GPtrArray           *categories;  /* RocznikCategory*, for the charts */
  PangoContext        *pango;
  PangoFontMap        *fonts;       /* the report's, for the charts too; NULL: the system's */
  cairo_surface_t     *surface;     /* the PDF */
  GPtrArray           *pages;       /* recording surfaces, finished pages */
  cairo_t             *cr;          /* the current page's recording */
  GCancellable        *cancellable;
  int                  page;        /* 1-based */
  double               y;
} Pdf;

/* ---- text ------------------------------------------------------------- */

/* „Polish quotes”: “…” and "…" become „…”. */
static char *
polish_quotes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);
  gboolean open = TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C || (c == '"' && open))
        {
          g_string_append (out, "\xe2\x80\x9e"); /* „ */
          open = FALSE;
        }
      else if (c == 0x201D || c == '"')
        {
          g_string_append (out, "\xe2\x80\x9d"); /* ” */
          open = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Running text: Polish quotes and no one-letter word at a line's end. */
static char *
running_text (const char *text)
{
  g_autofree char *quoted = polish_quotes (text);
  return rocznik_typography (quoted);
}

static PangoLayout *
text_layout (Pdf        *pdf,
             const char *font,
             double      width,
             const char *text)
{
  PangoLayout *layout = pango_layout_new (pdf->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
set_color (Pdf       *pdf,
           const Rgb *c)
{
  if (pdf->cr)
    cairo_set_source_rgb (pdf->cr, c->r, c->g, c->b);
}

static void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color)
{
  if (pdf->cr == NULL)
    return;
  set_color (pdf, color);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Right-aligned in a column that ends at @right. */
static void
show_right (Pdf         *pdf,
            PangoLayout *layout,
            double       right,
            double       y,
            const Rgb   *color)
{
  show_layout (pdf, layout, right - layout_width (layout), y, color);
}

static void
fill_rect (Pdf       *pdf,
           double     x,
           double     y,
           double     w,
           double     h,
           const Rgb *c)
{
  if (pdf->cr == NULL)
    return;
  set_color (pdf, c);
  cairo_rectangle (pdf->cr, x, y, w, h);
  cairo_fill (pdf->cr);
}

static void
hline (Pdf       *pdf,
       double     x0,
       double     x1,
       double     y,
       double     width,
       const Rgb *c)
{
  if (pdf->cr == NULL)
    return;
  set_color (pdf, c);
  cairo_set_line_width (pdf->cr, width);
  cairo_move_to (pdf->cr, x0, y);
  cairo_line_to (pdf->cr, x1, y);
  cairo_stroke (pdf->cr);
}

/* ---- pages ------------------------------------------------------------ */

static void
draw_footer (Pdf *pdf,
             int  n_pages)
{
  const RocznikReport *report = pdf->report;
  g_autofree char *date = rocznik_format_date (report->now);
  g_autofree char *left = g_strdup_printf ("%s · raport roczny %d · wygenerowano %s",
                                           rocznik_report_organisation (report),
                                           report->year->year, date);
  g_autofree char *right = g_strdup_printf ("Strona %d z %d", pdf->page, n_pages);
  g_autoptr(PangoLayout) l = text_layout (pdf, FONT_SANS " 8", TEXT_WIDTH - 80, left);
  g_autoptr(PangoLayout) r = text_layout (pdf, FONT_SANS " 8", 0, right);

  hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y - 6, 0.5, &RULE);
  show_layout (pdf, l, MARGIN_LEFT, FOOTER_Y, &MUTED);
  show_right (pdf, r, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y, &MUTED);
}

static void
begin_page (Pdf *pdf)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  pdf->cr = cairo_create (recording);
  g_ptr_array_add (pdf->pages, recording);
  pdf->page = pdf->pages->len;
  pdf->y = MARGIN_TOP;
}

static void
end_page (Pdf *pdf)
{
  g_clear_pointer (&pdf->cr, cairo_destroy);
}

static void
new_page (Pdf *pdf)
{
  end_page (pdf);
  begin_page (pdf);
}

/* Starts a new page unless @height fits below the cursor. */
static gboolean
ensure_space (Pdf   *pdf,
              double height)
{
  if (pdf->y + height <= BODY_BOTTOM || pdf->y <= MARGIN_TOP)
    return FALSE;
  new_page (pdf);
  return TRUE;
}

/* A bookmark to the cursor's place; returns its id for children. */
static int
add_outline (Pdf        *pdf,
             int         parent,
             const char *title)
{
  g_autofree char *link = NULL;

  if (pdf->surface == NULL)
    return CAIRO_PDF_OUTLINE_ROOT;
  /* Integers only: the attribute string must not meet a decimal comma. */
  link = g_strdup_printf ("page=%d pos=[%d %d]", pdf->page, (int) MARGIN_LEFT, (int) pdf->y);
  return cairo_pdf_surface_add_outline (pdf->surface, parent, title, link, 0);
}

/* ---- blocks ----------------------------------------------------------- */

static void
paragraph (Pdf        *pdf,
           const char *font,
           const char *text,
           const Rgb  *color,
           double      space_after)
{
  g_autofree char *typeset = running_text (text);
  g_autoptr(PangoLayout) layout = text_layout (pdf, font, TEXT_WIDTH, typeset);
  double h;

  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  h = layout_height (layout);
  ensure_space (pdf, h);
  show_layout (pdf, layout, MARGIN_LEFT, pdf->y, color);
  pdf->y += h + space_after;
}

/* A section heading, kept with at least @keep points of what follows;
 * returns its bookmark. */
static int
heading (Pdf        *pdf,
         const char *title,
         double      keep)
{
  g_autoptr(PangoLayout) layout = text_layout (pdf, FONT_SANS " Bold 15", TEXT_WIDTH, title);
  double h = layout_height (layout);

  if (pdf->y > MARGIN_TOP)
    pdf->y += 14;
  int id;

  ensure_space (pdf, h + 10 + keep);
  id = add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title);
  show_layout (pdf, layout, MARGIN_LEFT, pdf->y, &ACCENT);
  pdf->y += h + 2;
  hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y + 2, 0.8, &ACCENT);
  pdf->y += 12;
  return id;
}

static void
subheading (Pdf        *pdf,
            const char *title)
{
  g_autofree char *typeset = running_text (title);
  g_autoptr(PangoLayout) layout = text_layout (pdf, FONT_SANS " Bold 11", TEXT_WIDTH, typeset);
  double h = layout_height (layout);

  ensure_space (pdf, h + 40);
  show_layout (pdf, layout, MARGIN_LEFT, pdf->y, &INK);
  pdf->y += h + 5;
}

/* A list item with a hanging indent: "•" or "1." in the margin. */
static void
list_item (Pdf        *pdf,
           const char *font,
           const char *mark,
           double      indent,
           const char *text)
{
  g_autofree char *typeset = running_text (text);
  g_autoptr(PangoLayout) m = text_layout (pdf, font, 0, mark);
  g_autoptr(PangoLayout) layout = text_layout (pdf, font, TEXT_WIDTH - indent, typeset);
  double h;

  pango_layout_set_spacing (layout, 1.5 * PANGO_SCALE);
  h = layout_height (layout);
  ensure_space (pdf, h);
  show_layout (pdf, m, MARGIN_LEFT + 4, pdf->y, &ACCENT);
  show_layout (pdf, layout, MARGIN_LEFT + indent, pdf->y, &INK);
  pdf->y += h + 2.5;
}

/* ---- 1. title and lead ------------------------------------------------ */

/* The past tense agrees with the organisation's first noun: "Biuro …
 * przeprowadziło", "Infolinia … przeprowadziła", "Urząd … przeprowadził". */
static const char *
verb_ending (const char *organisation)
{
  g_autofree char *first = g_strndup (organisation, strcspn (organisation, " \xc2"));
  g_autofree char *lower = g_utf8_strdown (first, -1);

  if (g_str_has_suffix (lower, "a"))
    return "ła";
  if (g_str_has_suffix (lower, "o") || g_str_has_suffix (lower, "e") || g_str_has_suffix (lower, "um"))
    return "ło";
  return "ł";
}

static char *
quoted (const char *name)
{
  g_autofree char *plain = rocznik_collapse_spaces (name);
  return g_strconcat ("„", plain, "”", NULL);
}

static char *
lead_text (const RocznikReport *report)
{
  const RocznikYear *y = report->year;
  const RocznikTable *t = report->table;
  const char *org = rocznik_report_organisation (report);
  GString *lead = g_string_new (NULL);

  if (y->declared_total != ROCZNIK_NO_TOTAL)
    {
      g_autofree char *total = y->declared_more_than ? rocznik_format_short (y->declared_total, TRUE)
                                                     : rocznik_format_count (y->declared_total);
      const char *noun = y->declared_more_than ? "rozmów"
                                               : rocznik_plural (y->declared_total, "rozmowę", "rozmowy", "rozmów");

      g_string_append_printf (lead, "W %d r. %s przeprowadzi%s %s %s.", y->year, org,
                              verb_ending (org), total, noun);
    }
  else
    {
      g_autofree char *sum = rocznik_format_count (t->sum);

      g_string_append_printf (lead, "W %d r. %s przeprowadzi%s co najmniej %s %s.", y->year, org,
                              verb_ending (org), sum, rocznik_plural (t->sum, "rozmowę", "rozmowy", "rozmów"));
    }

  if (t->rows->len > 0)
    {
      const RocznikRow *top = g_ptr_array_index (t->rows, 0);
      g_autofree char *name = quoted (top->name);
      g_autofree char *share = rocznik_format_percent (top->share, 1);
      g_autofree char *sum = rocznik_format_count (t->sum);

      g_string_append_printf (lead, " Do %u %s przypisano %s %s; najwięcej dotyczyło tematu %s (%s).",
                              t->rows->len, rocznik_plural (t->rows->len, "tematu", "tematów", "tematów"),
                              sum, rocznik_plural (t->sum, "rozmowę", "rozmowy", "rozmów"), name, share);
    }
  return g_string_free (lead, FALSE);
}

static void
title_block (Pdf *pdf)
{
  const RocznikReport *report = pdf->report;
  g_autofree char *kicker = g_strdup_printf ("RAPORT ROCZNY %d", report->year->year);
  g_autofree char *subtitle = g_strdup_printf ("Tematy rozmów z mieszkańcami w %d r.", report->year->year);
  g_autofree char *lead = lead_text (report);
  g_autoptr(PangoLayout) k = text_layout (pdf, FONT_SANS " Bold 9", TEXT_WIDTH, kicker);
  g_autoptr(PangoLayout) t = text_layout (pdf, FONT_SANS " Bold 26", TEXT_WIDTH,
                                          rocznik_report_organisation (report));
  g_autofree char *sub_typeset = running_text (subtitle);
  g_autoptr(PangoLayout) s = text_layout (pdf, FONT_SANS " 14", TEXT_WIDTH, sub_typeset);

  add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, rocznik_report_organisation (report));
  show_layout (pdf, k, MARGIN_LEFT, pdf->y, &ACCENT);
  pdf->y += layout_height (k) + 6;
  show_layout (pdf, t, MARGIN_LEFT, pdf->y, &INK);
  pdf->y += layout_height (t) + 2;
  show_layout (pdf, s, MARGIN_LEFT, pdf->y, &MUTED);
  pdf->y += layout_height (s) + 18;
  paragraph (pdf, FONT_SERIF " 12.5", lead, &INK, 4);
}

/* ---- 2. key figures --------------------------------------------------- */

typedef struct
{
  char *figure;
  char *caption;
} Card;

static void
card_clear (Card *card)
{
  g_free (card->figure);
  g_free (card->caption);
}

static void
add_card (GArray     *cards,
          char       *figure,
          char       *caption)
{
  Card card = { figure, caption };
  g_array_append_val (cards, card);
}

/* The change since the previous year with figures, like with like: over
 * the topics both years have, or the declared totals; never a year as 0. */
static void
add_change_card (GArray            *cards,
                 const RocznikYear *y,
                 const RocznikYear *p)
{
  g_autoptr(RocznikComparison) c = rocznik_comparison_new (y, p);
  g_autofree char *delta = NULL;
  g_autofree char *before = NULL;
  g_autofree char *what = NULL;
  gboolean rounded;

  if (c->basis == ROCZNIK_COMPARISON_NONE || !c->has_change_percent)
    return;
  delta = rocznik_format_signed_count (c->change);
  rounded = c->basis == ROCZNIK_COMPARISON_DECLARED && (c->more_than || c->other_more_than);
  before = c->basis == ROCZNIK_COMPARISON_DECLARED && c->other_more_than
    ? rocznik_format_short (c->other_count, TRUE) : rocznik_format_count (c->other_count);
  if (c->basis == ROCZNIK_COMPARISON_DECLARED)
    what = g_strdup ("zmiana liczby rozmów ogółem");
  else if (c->basis == ROCZNIK_COMPARISON_COMMON)
    what = g_strdup_printf ("zmiana sumy %u %s obecnych w obu latach", c->n_topics,
                            rocznik_plural (c->n_topics, "tematu", "tematów", "tematów"));
  else
    what = g_strdup ("zmiana sumy tematów");
  add_card (cards, rocznik_format_signed_percent (c->change_percent, 1),
            g_strdup_printf ("%s wobec %d r. (%s rozmów; %s)%s", what, p->year, delta, before,
                             rounded ? ", według liczb zaokrąglonych" : ""));
}

static GArray *
key_cards (const RocznikReport *report)
{
  const RocznikYear *y = report->year;
  const RocznikTable *t = report->table;
  GArray *cards = g_array_new (FALSE, FALSE, sizeof (Card));

  g_array_set_clear_func (cards, (GDestroyNotify) card_clear);
  if (y->declared_total != ROCZNIK_NO_TOTAL)
    add_card (cards, y->declared_more_than ? rocznik_format_short (y->declared_total, TRUE)
                                           : rocznik_format_count (y->declared_total),
              g_strdup ("rozmów ogółem (liczba podana w sprawozdaniu)"));
  if (t->rows->len == 0)
    goto change;
  add_card (cards, rocznik_format_count (t->sum),
            g_strdup_printf ("rozmów przypisanych do %u %s (suma tematów)", t->rows->len,
                             rocznik_plural (t->rows->len, "tematu", "tematów", "tematów")));
  if (t->remainder)
    {
      g_autofree char *n = rocznik_format_count (t->remainder->count);

      add_card (cards, t->remainder->more_than ? g_strconcat ("ponad ", n, NULL) : g_strdup (n),
                g_strdup ("rozmów bez przypisanego tematu (ogółem minus suma tematów)"));
    }

change:
  if (report->previous)
    add_change_card (cards, y, report->previous);
  return cards;
}

static void
key_figures (Pdf *pdf)
{
  const RocznikTable *t = pdf->report->table;
  g_autoptr(GArray) cards = key_cards (pdf->report);
  const double gap = 14, card_w = (TEXT_WIDTH - gap) / 2;

  heading (pdf, "Najważniejsze liczby", 120);
  for (guint i = 0; i < cards->len; i += 2)
    {
      double row_h = 0;

      for (guint j = i; j < MIN (i + 2, cards->len); j++)
        {
          Card *c = &g_array_index (cards, Card, j);
          g_autoptr(PangoLayout) f = text_layout (pdf, FONT_SANS " Bold 20", card_w - 24, c->figure);
          g_autofree char *caption = running_text (c->caption);
          g_autoptr(PangoLayout) cap = text_layout (pdf, FONT_SANS " 9", card_w - 24, caption);

          row_h = MAX (row_h, layout_height (f) + layout_height (cap) + 26);
        }
      ensure_space (pdf, row_h);
      for (guint j = i; j < MIN (i + 2, cards->len); j++)
        {
          Card *c = &g_array_index (cards, Card, j);
          double x = MARGIN_LEFT + (j - i) * (card_w + gap);
          g_autoptr(PangoLayout) f = text_layout (pdf, FONT_SANS " Bold 20", card_w - 24, c->figure);
          g_autofree char *caption = running_text (c->caption);
          g_autoptr(PangoLayout) cap = text_layout (pdf, FONT_SANS " 9", card_w - 24, caption);

          fill_rect (pdf, x, pdf->y, card_w, row_h, &STRIPE);
          fill_rect (pdf, x, pdf->y, 3, row_h, &ACCENT);
          show_layout (pdf, f, x + 14, pdf->y + 10, &ACCENT);
          show_layout (pdf, cap, x + 14, pdf->y + 14 + layout_height (f), &MUTED);
        }
      pdf->y += row_h + gap;
    }

  if (t->rows->len == 0)
    return;
  subheading (pdf, t->rows->len >= 3 ? "Trzy najczęstsze tematy" : "Najczęstsze tematy");
  for (guint i = 0; i < MIN (3, t->rows->len); i++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, i);
      g_autofree char *name = quoted (row->name);
      g_autofree char *count = rocznik_format_count (row->count);
      g_autofree char *share = rocznik_format_percent (row->share, 1);
      g_autofree char *change = NULL;
      g_autofree char *line = NULL;

      if (row->other_year && row->has_change_percent)
        {
          g_autofree char *pct = rocznik_format_signed_percent (row->change_percent, 1);
          change = g_strdup_printf ("; %s wobec %d r.", pct, row->other_year);
        }
      g_autofree char *mark = g_strdup_printf ("%u.", i + 1);

      line = g_strdup_printf ("%s – %s %s, %s rozmów w tematach%s", name, count,
                              rocznik_plural (row->count, "rozmowa", "rozmowy", "rozmów"),
                              share, change ? change : "");
      list_item (pdf, FONT_SERIF " 11", mark, 20, line);
    }
}

/* ---- 3. the topic table ---------------------------------------------- */

typedef struct
{
  const char *title;
  double      width;
  gboolean    numeric;
} Column;

typedef struct
{
  Column  cols[7];
  guint   n_cols;
} TableSpec;

static void
table_spec_init (TableSpec           *spec,
                 const RocznikReport *report,
                 char               **other_title)
{
  gboolean compare = report->compare != NULL;
  double fixed;

  spec->n_cols = 0;
  spec->cols[spec->n_cols++] = (Column) { "Lp.", 22, TRUE };
  spec->cols[spec->n_cols++] = (Column) { "Temat", 0, FALSE };
  spec->cols[spec->n_cols++] = (Column) { "Liczba rozmów", compare ? 64 : 84, TRUE };
  spec->cols[spec->n_cols++] = (Column) { "Udział", 46, TRUE };
  if (compare)
    {
      *other_title = g_strdup_printf ("%d r.", report->compare->year);
      spec->cols[spec->n_cols++] = (Column) { *other_title, 60, TRUE };
      spec->cols[spec->n_cols++] = (Column) { "Zmiana", 54, TRUE };
      spec->cols[spec->n_cols++] = (Column) { "Zmiana %", 56, TRUE };
    }
  fixed = 0;
  for (guint i = 0; i < spec->n_cols; i++)
    fixed += spec->cols[i].width;
  spec->cols[1].width = TEXT_WIDTH - fixed;
}

/* One table row: @cells[i] per column; returns its height. @draw FALSE only measures. */
static double
table_row (Pdf             *pdf,
           const TableSpec *spec,
           const char     **cells,
           const char      *font,
           gboolean         draw,
           const Rgb       *fill,
           const Rgb       *color)
{
  const double pad_x = 5, pad_y = 4;
  PangoLayout *layouts[7];
  double h = 0, x = MARGIN_LEFT;

  for (guint i = 0; i < spec->n_cols; i++)
    {
      layouts[i] = text_layout (pdf, font, spec->cols[i].width - 2 * pad_x, cells[i] ? cells[i] : "");
      if (spec->cols[i].numeric)
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_RIGHT);
      h = MAX (h, layout_height (layouts[i]));
    }
  h += 2 * pad_y;
  if (draw)
    {
      if (fill)
        fill_rect (pdf, MARGIN_LEFT, pdf->y, TEXT_WIDTH, h, fill);
      for (guint i = 0; i < spec->n_cols; i++)
        {
          show_layout (pdf, layouts[i], x + pad_x, pdf->y + pad_y, color);
          x += spec->cols[i].width;
        }
    }
  for (guint i = 0; i < spec->n_cols; i++)
    g_object_unref (layouts[i]);
  return h;
}

static void
table_header (Pdf             *pdf,
              const TableSpec *spec,
              gboolean         continued)
{
  const char *cells[7];
  double h;

  for (guint i = 0; i < spec->n_cols; i++)
    cells[i] = spec->cols[i].title;
  if (continued)
    {
      g_autoptr(PangoLayout) cd = text_layout (pdf, FONT_SANS " Italic 8.5", TEXT_WIDTH,
                                               "Tematy rozmów (ciąg dalszy tabeli)");
      show_layout (pdf, cd, MARGIN_LEFT, pdf->y, &MUTED);
      pdf->y += layout_height (cd) + 4;
    }
  h = table_row (pdf, spec, cells, FONT_SANS " Bold 8.5", TRUE, &HEADER_FILL, &INK);
  pdf->y += h;
  hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.8, &ACCENT);
}

/* Places a row, breaking the page (and repeating the header) when needed. */
static void
table_place (Pdf             *pdf,
             const TableSpec *spec,
             const char     **cells,
             const char      *font,
             const Rgb       *fill,
             const Rgb       *color)
{
  double h = table_row (pdf, spec, cells, font, FALSE, NULL, NULL);

  if (ensure_space (pdf, h))
    table_header (pdf, spec, TRUE);
  table_row (pdf, spec, cells, font, TRUE, fill, color);
  pdf->y += h;
}

/* When the totals are not compared on the same topics: the row they are
 * compared on (the topics both years have, or the declared totals). */
static void
comparison_rows (Pdf             *pdf,
                 const TableSpec *spec)
{
  const RocznikTable *t = pdf->report->table;
  const RocznikRow *r = t->common ? t->common : t->declared;
  g_autofree char *count = NULL;
  g_autofree char *other = NULL;
  g_autofree char *change = NULL;
  g_autofree char *change_pct = NULL;
  const char *cells[7] = { "" };

  if (r == NULL)
    return;
  count = r->more_than ? rocznik_format_short (r->count, TRUE) : rocznik_format_count (r->count);
  other = t->declared && t->comparison->other_more_than ? rocznik_format_short (r->other_count, TRUE)
                                                        : rocznik_format_count (r->other_count);
  change = rocznik_format_signed_count (r->change);
  change_pct = r->has_change_percent ? rocznik_format_signed_percent (r->change_percent, 1) : g_strdup ("—");
  cells[1] = t->common ? "Tematy obecne w obu latach" : "Ogółem (liczby ze sprawozdań)";
  cells[2] = count;
  cells[3] = "";
  cells[4] = other;
  cells[5] = change;
  cells[6] = change_pct;
  table_place (pdf, spec, cells, FONT_SANS " Italic 9", NULL, &MUTED);
}

static void
topic_table (Pdf *pdf)
{
  const RocznikReport *report = pdf->report;
  const RocznikTable *t = report->table;
  g_autofree char *other_title = NULL;
  g_autofree char *intro = NULL;
  TableSpec spec;

  table_spec_init (&spec, report, &other_title);
  heading (pdf, "Tematy rozmów", 90);
  if (t->rows->len == 0)
    {
      g_autofree char *none = g_strdup_printf ("Za %d r. nie ma danych o tematach rozmów.", report->year->year);

      paragraph (pdf, FONT_SERIF " 10.5", none, &MUTED, 8);
      return;
    }
  intro = g_strdup_printf ("Tematy według liczby rozmów w %d r. Udział to odsetek sumy rozmów przypisanych do tematów%s.",
                           report->year->year,
                           t->remainder && t->remainder->count > 0
                             ? ", nie wszystkich rozmów: część rozmów nie ma przypisanego tematu" : "");
  paragraph (pdf, FONT_SERIF " 10.5", intro, &MUTED, 8);
  ensure_space (pdf, 60);
  table_header (pdf, &spec, FALSE);

  for (guint i = 0; i < t->rows->len; i++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, i);
      g_autofree char *n = g_strdup_printf ("%u.", i + 1);
      g_autofree char *name = rocznik_typography (row->name);
      g_autofree char *count = rocznik_format_count (row->count);
      g_autofree char *share = rocznik_format_percent (row->share, 1);
      g_autofree char *other = row->other_year ? rocznik_format_count (row->other_count) : g_strdup ("—");
      g_autofree char *change = row->other_year ? rocznik_format_signed_count (row->change) : g_strdup ("—");
      g_autofree char *change_pct = row->other_year && row->has_change_percent
        ? rocznik_format_signed_percent (row->change_percent, 1) : g_strdup ("—");
      const char *cells[7] = { n, name, count, share, other, change, change_pct };

      table_place (pdf, &spec, cells, FONT_SANS " 9", i % 2 ? &STRIPE : NULL, &INK);
      if (g_cancellable_is_cancelled (pdf->cancellable))
        return;
    }

  {
    g_autofree char *sum = rocznik_format_count (t->sum);
    g_autofree char *other = t->total->other_year ? rocznik_format_count (t->total->other_count) : g_strdup ("—");
    g_autofree char *change = t->total->other_year ? rocznik_format_signed_count (t->total->change) : g_strdup ("—");
    g_autofree char *change_pct = t->total->other_year && t->total->has_change_percent
      ? rocznik_format_signed_percent (t->total->change_percent, 1) : g_strdup ("—");
    const char *cells[7] = { "", "Suma tematów", sum, "100,0%", other, change, change_pct };
    double h = table_row (pdf, &spec, cells, FONT_SANS " Bold 9", FALSE, NULL, NULL);

    if (ensure_space (pdf, h))
      table_header (pdf, &spec, TRUE);
    hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.8, &INK);
    table_row (pdf, &spec, cells, FONT_SANS " Bold 9", TRUE, NULL, &INK);
    pdf->y += h;
  }
  if (t->remainder)
    {
      g_autofree char *n = rocznik_format_count (t->remainder->count);
      g_autofree char *remainder = t->remainder->more_than ? g_strconcat ("ponad ", n, NULL) : g_strdup (n);
      g_autofree char *declared = t->declared_more_than ? rocznik_format_short (t->declared_total, TRUE)
                                                        : rocznik_format_count (t->declared_total);
      const char *r_cells[7] = { "", "Bez przypisanego tematu", remainder, "", "", "", "" };
      const char *d_cells[7] = { "", "Ogółem (liczba ze sprawozdania)", declared, "", "", "", "" };

      table_place (pdf, &spec, r_cells, FONT_SANS " Italic 9", NULL, &MUTED);
      table_place (pdf, &spec, d_cells, FONT_SANS " Italic 9", NULL, &MUTED);
    }
  if (report->compare)
    comparison_rows (pdf, &spec);
  hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.5, &RULE);
  pdf->y += 6;
  if (t->comparison)
    {
      g_autofree char *note = rocznik_comparison_note_pl (t->comparison);

      if (note)
        paragraph (pdf, FONT_SERIF " 9.5", note, &MUTED, 8);
    }
}

/* ---- 4. charts --------------------------------------------------------- */

/* A page less room for the section heading above the first chart. */
#define CHART_MAX_HEIGHT (BODY_BOTTOM - MARGIN_TOP - 60)

typedef struct
{
  RocznikChart *chart;
  double        height;
} PlacedChart;

static void
placed_chart_clear (PlacedChart *p)
{
  g_clear_pointer (&p->chart, rocznik_chart_free);
}

static gboolean
all_bars_shown (RocznikChart *chart,
                double        height)
{
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, TEXT_WIDTH, height);
  int bars = 0;

  for (guint i = 0; i < items->len; i++)
    bars += ((RocznikChartItem *) g_ptr_array_index (items, i))->kind == ROCZNIK_CHART_ITEM_BAR;
  return bars >= rocznik_chart_get_n_bars (chart);
}

/* Prepares a chart at full width and the height @rows suggests, taller (up
 * to a page) if that height would leave bars out. A chart the data cannot
 * make (no earlier year for "year on year") is left out. */
static void
prepare_chart (Pdf                    *pdf,
               GArray                 *placed,
               const RocznikChartSpec *spec,
               double                  height)
{
  g_autoptr(GError) error = NULL;
  PlacedChart p = { rocznik_chart_new (pdf->report->years, pdf->categories, spec, &error), 0 };

  if (p.chart == NULL)
    {
      g_debug ("report: chart %s left out: %s", rocznik_chart_type_to_string (spec->type), error->message);
      return;
    }
  rocznik_chart_set_font_map (p.chart, pdf->fonts);
  p.height = MIN (height, CHART_MAX_HEIGHT);
  if (p.height < CHART_MAX_HEIGHT && !all_bars_shown (p.chart, p.height))
    p.height = CHART_MAX_HEIGHT;
  g_array_append_val (placed, p);
}

static void
charts (Pdf *pdf)
{
  const RocznikReport *report = pdf->report;
  const RocznikTable *t = report->table;
  g_autoptr(GArray) topic_years = rocznik_report_topic_years (report);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedChart));
  RocznikChartSpec spec = { .theme = ROCZNIK_CHART_THEME_LIGHT, .year = report->year->year };
  guint n_years = topic_years->len;
  int section;

  g_array_set_clear_func (placed, (GDestroyNotify) placed_chart_clear);
  /* The whole first (totals over the years), then its parts. */
  spec.type = ROCZNIK_CHART_TREND;
  prepare_chart (pdf, placed, &spec, 300);
  if (t->rows->len > 0)
    {
      spec.type = ROCZNIK_CHART_RANKING;
      /* Beyond a dozen topics it takes the page: no trial layout needed. */
      prepare_chart (pdf, placed, &spec, t->rows->len > 12 ? CHART_MAX_HEIGHT : 120 + 26 * t->rows->len);
    }
  if (report->series->len > 0)
    {
      int end = 0;

      g_array_append_val (topic_years, end);
      spec.type = ROCZNIK_CHART_COMPARE;
      spec.topics = report->topics;
      spec.years = (const int *) topic_years->data;
      prepare_chart (pdf, placed, &spec, 160 + 34 * report->series->len * MAX (1, n_years));
      spec.topics = NULL;
      spec.years = NULL;
    }
  if (report->compare && t->rows->len > 0)
    {
      spec.type = ROCZNIK_CHART_YOY;
      spec.compare_year = report->compare->year;
      prepare_chart (pdf, placed, &spec, 120 + 40 * t->rows->len);
      spec.compare_year = 0;
    }
  if (placed->len == 0)
    return;

  section = heading (pdf, "Wykresy", g_array_index (placed, PlacedChart, 0).height);
  for (guint i = 0; i < placed->len; i++)
    {
      PlacedChart *p = &g_array_index (placed, PlacedChart, i);

      ensure_space (pdf, p->height);
      add_outline (pdf, section, rocznik_chart_get_title (p->chart));
      if (pdf->cr)
        {
          cairo_save (pdf->cr);
          cairo_translate (pdf->cr, MARGIN_LEFT, pdf->y);
          rocznik_chart_draw (p->chart, pdf->cr, TEXT_WIDTH, p->height);
          cairo_restore (pdf->cr);
        }
      pdf->y += p->height + 22;
    }
}

/* ---- 5. lists and notes ----------------------------------------------- */

static void
bullet (Pdf        *pdf,
        const char *text)
{
  list_item (pdf, FONT_SERIF " 10.5", "•", 16, text);
}

/* "Nowe usługi informacyjne: 24, w tym wymienione poniżej 9". The stored
 * titles are lower case, as in running text: a heading starts upper case. */
static char *
list_heading (const RocznikList *list)
{
  GString *out = g_string_new (NULL);
  gboolean counted = list->declared != ROCZNIK_NO_TOTAL && list->declared > 0;

  if (*list->title)
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (list->title)));
      g_string_append (out, g_utf8_next_char (list->title));
    }
  if (counted)
    g_string_append_printf (out, ": %" G_GINT64_FORMAT, list->declared);
  if (counted && (guint64) list->declared != list->items->len)
    g_string_append_printf (out, ", w tym wymienione poniżej %u", list->items->len);
  return g_string_free (out, FALSE);
}

static void
lists_and_notes (Pdf *pdf)
{
  const RocznikYear *y = pdf->report->year;
  g_autofree char *title = g_strdup_printf ("Usługi i informacje w %d r.", y->year);

  if (y->lists->len > 0)
    {
      heading (pdf, title, 60);
      for (guint i = 0; i < y->lists->len; i++)
        {
          const RocznikList *list = g_ptr_array_index (y->lists, i);
          g_autofree char *h = list_heading (list);

          if (i > 0)
            pdf->y += 8;
          subheading (pdf, h);
          for (guint j = 0; j < list->items->len; j++)
            bullet (pdf, g_ptr_array_index (list->items, j));
        }
    }

  if (y->notes && *y->notes)
    {
      g_auto(GStrv) paragraphs = g_strsplit (y->notes, "\n", -1);

      heading (pdf, "Uwagi i źródła", 40);
      for (guint i = 0; paragraphs[i]; i++)
        if (*g_strstrip (paragraphs[i]))
          paragraph (pdf, FONT_SERIF " 10.5", paragraphs[i], &INK, 6);
    }
}

/* ---- fonts ------------------------------------------------------------- */

/* The report's fonts, and one for the glyphs they lack. */
static const char *const report_fonts[] = {
  FONT_SANS ":weight=regular", FONT_SANS ":weight=bold", FONT_SERIF ":style=Roman",
  "DejaVu Sans:style=Book",
};

/* The file fontconfig gives for @wanted, if it is of the family asked for. */
static char *
match_font_file (const char *wanted)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) wanted);
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL, *family = NULL, *wanted_family = NULL;
  char *found = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match
      && FcPatternGetString (pattern, FC_FAMILY, 0, &wanted_family) == FcResultMatch
      && FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch
      && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch
      && g_ascii_strcasecmp ((const char *) family, (const char *) wanted_family) == 0)
    found = g_strdup ((const char *) file);
  if (match)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return found;
}

/* Where fontconfig's answer can change: its configuration and the user's
 * font folders (a font installed there may take a family over). */
static GPtrArray *
font_config_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *env[] = { "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT" };

  for (guint i = 0; i < G_N_ELEMENTS (env); i++)
    if (g_getenv (env[i]))
      g_ptr_array_add (paths, g_strdup (g_getenv (env[i])));
  g_ptr_array_add (paths, g_strdup ("/etc/fonts/fonts.conf"));
  g_ptr_array_add (paths, g_strdup ("/etc/fonts/conf.d"));
  g_ptr_array_add (paths, g_build_filename (g_get_user_config_dir (), "fontconfig", NULL));
  g_ptr_array_add (paths, g_build_filename (g_get_user_data_dir (), "fonts", NULL));
  g_ptr_array_add (paths, g_build_filename (g_get_home_dir (), ".fonts", NULL));
  return paths;
}

/* "KIND MTIME.NSEC SIZE PATH"; a missing file is stamped 0. */
static void
append_stamp (GString    *out,
              char        kind,
              const char *path)
{
  struct stat st = { 0 };

  if (stat (path, &st) != 0)
    memset (&st, 0, sizeof st);
  g_string_append_printf (out, "%c %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT " %s\n", kind,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec, (gint64) st.st_size, path);
}

static char *
font_stamp (char **files)
{
  g_autoptr(GPtrArray) config = font_config_paths ();
  GString *out = g_string_new ("rocznik report fonts 1\n");

  for (guint i = 0; i < config->len; i++)
    append_stamp (out, 'C', g_ptr_array_index (config, i));
  for (guint i = 0; files[i]; i++)
    append_stamp (out, 'F', files[i]);
  return g_string_free (out, FALSE);
}

static char *
font_cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "rocznik", "report-fonts", NULL);
}

/* The files of the cache when nothing it was made from has changed. */
static char **
cached_font_files (void)
{
  g_autofree char *path = font_cache_path ();
  g_autofree char *cache = NULL;
  g_autofree char *stamp = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &cache, NULL, NULL))
    return NULL;
  lines = g_strsplit (cache, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);  /* F MTIME SIZE PATH */

      if (g_strv_length (fields) == 4 && strcmp (fields[0], "F") == 0)
        g_ptr_array_add (files, g_strdup (fields[3]));
    }
  if (files->len != G_N_ELEMENTS (report_fonts))
    return NULL;
  g_ptr_array_add (files, NULL);
  stamp = font_stamp ((char **) files->pdata);
  if (strcmp (stamp, cache) != 0)
    return NULL;
  return (char **) g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

/* The files of the report's fonts. Asking fontconfig loads the system's
 * whole configuration and font list (~7 ms here, a fifth of a report), so
 * the answer is kept in the user's cache folder and asked again only when
 * a font file or fontconfig's configuration changes. NULL when a font is
 * missing. */
static char **
report_font_files (void)
{
  char **files = cached_font_files ();
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (files)
    return files;

  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (report_fonts); i++)
    {
      char *file = match_font_file (report_fonts[i]);

      if (file == NULL)
        return NULL;
      g_ptr_array_add (found, file);
    }
  g_ptr_array_add (found, NULL);

  /* A cache that cannot be written costs only the time next run. */
  stamp = font_stamp ((char **) found->pdata);
  path = font_cache_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, stamp, -1, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static gboolean own_fonts_only;

void
rocznik_report_use_own_fonts (void)
{
  own_fonts_only = TRUE;
}

/* A font map of just the report's fonts. Pango asks Fontconfig to sort every
 * installed font for each new font size; over four files instead of the
 * whole system that costs next to nothing. NULL when a font is missing:
 * then the system's font map is used as is. */
static PangoFontMap *
report_font_map_new (void)
{
  g_auto(GStrv) files = report_font_files ();
  FcConfig *config;
  PangoFontMap *map;

  if (files == NULL)
    return NULL;
  config = FcConfigCreate ();
  for (guint i = 0; files[i]; i++)
    if (!FcConfigAppFontAddFile (config, (const FcChar8 *) files[i]))
      {
        /* Gone since the cache was checked: ask fontconfig next time. */
        g_autofree char *path = font_cache_path ();

        g_unlink (path);
        FcConfigDestroy (config);
        return NULL;
      }

  /* Pango initialises fontconfig's current configuration in a thread and
   * waits for it before the first font: with ours current that is free. */
  if (own_fonts_only)
    FcConfigSetCurrent (config);
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (map == NULL || !PANGO_IS_FC_FONT_MAP (map))
    {
      g_clear_object (&map);
      FcConfigDestroy (config);
      return NULL;
    }
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

/* One per thread, kept: font maps are not thread-safe, and Pango 1.50
 * never releases the FcConfig of a font map it finalizes. */
static PangoFontMap *
report_font_map (void)
{
  static GPrivate fonts = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&fonts);

  if (map == NULL)
    {
      map = report_font_map_new ();
      if (map)
        g_private_set (&fonts, map);
    }
  return map;
}

/* ---- the document ----------------------------------------------------- */

static void
lay_out (Pdf *pdf)
{
  begin_page (pdf);
  title_block (pdf);
  key_figures (pdf);
  topic_table (pdf);
  charts (pdf);
  lists_and_notes (pdf);
  end_page (pdf);
}

/* The recorded pages into the PDF, each with its "Strona N z M" footer. */
static void
replay_pages (Pdf *pdf)
{
  cairo_t *cr = cairo_create (pdf->surface);
  int n_pages = pdf->pages->len;

  for (int i = 0; i < n_pages; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (pdf->pages, i), 0, 0);
      cairo_paint (cr);
      pdf->cr = cr;
      pdf->page = i + 1;
      draw_footer (pdf, n_pages);
      cairo_show_page (cr);
    }
  pdf->cr = NULL;
  cairo_destroy (cr);
}

static char *
iso_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}

static gboolean
write_pdf (const RocznikReport *report,
           const char          *temp,
           const char          *path,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autofree char *title = rocznik_report_title (report);
  g_autofree char *subject = g_strdup_printf ("Tematy rozmów w %d r.", report->year->year);
  g_autofree char *date = iso_date (report->now);
  gint64 t0 = g_get_monotonic_time ();
  PangoFontMap *fonts = report_font_map ();
  gint64 t1 = g_get_monotonic_time ();
  gint64 t2, t3, t4;
  PangoContext *context = pango_font_map_create_context (fonts ? fonts : pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();
  Pdf pdf = { .report = report, .cancellable = cancellable };
  cairo_status_t status;

  /* Metrics for print: no hinting, so both passes and every screen agree. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("pl"));
  pango_context_set_round_glyph_positions (context, FALSE);
  pdf.pango = context;

  pdf.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pdf.categories = report->categories;
  pdf.surface = cairo_pdf_surface_create (temp, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, rocznik_report_organisation (report));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_KEYWORDS, "raport roczny, tematy rozmów, call center");
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Rocznik " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  pdf.fonts = fonts;
  lay_out (&pdf);
  t2 = g_get_monotonic_time ();
  if (!g_cancellable_is_cancelled (cancellable))
    replay_pages (&pdf);
  t3 = g_get_monotonic_time ();
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  t4 = g_get_monotonic_time ();
  /* bench/report-export.sh prints this breakdown. */
  g_debug ("report: PDF fonts %.1f ms, layout %.1f ms, pages %.1f ms, finish %.1f ms",
           (t1 - t0) / 1e3, (t2 - t1) / 1e3, (t3 - t2) / 1e3, (t4 - t3) / 1e3);
  g_ptr_array_unref (pdf.pages);
  g_object_unref (context);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("Cannot save %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
rocznik_report_write_pdf (RocznikWorkspace           *ws,
                          const RocznikReportOptions *options,
                          const char                 *path,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return rocznik_report_write_with (ws, options, path, write_pdf, cancellable, error);
}
