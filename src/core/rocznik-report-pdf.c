/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rocznik-chart.h"
#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-report-pdf-private.h"

/* ---- text ------------------------------------------------------------- */

PangoLayout *
rocznik_pdf_text_layout (Pdf        *pdf,
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

double
rocznik_pdf_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

double
rocznik_pdf_layout_width (PangoLayout *layout)
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

void
rocznik_pdf_show_layout (Pdf         *pdf,
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
void
rocznik_pdf_show_right (Pdf         *pdf,
            PangoLayout *layout,
            double       right,
            double       y,
            const Rgb   *color)
{
  rocznik_pdf_show_layout (pdf, layout, right - rocznik_pdf_layout_width (layout), y, color);
}

void
rocznik_pdf_fill_rect (Pdf       *pdf,
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

void
rocznik_pdf_hline (Pdf       *pdf,
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
  const char *left = pdf->content->footer;
  g_autofree char *right = g_strdup_printf ("Strona %d z %d", pdf->page, n_pages);
  g_autoptr(PangoLayout) l = rocznik_pdf_text_layout (pdf, FONT_SANS " 8", TEXT_WIDTH - 80, left);
  g_autoptr(PangoLayout) r = rocznik_pdf_text_layout (pdf, FONT_SANS " 8", 0, right);

  rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y - 6, 0.5, &RULE);
  rocznik_pdf_show_layout (pdf, l, MARGIN_LEFT, FOOTER_Y, &MUTED);
  rocznik_pdf_show_right (pdf, r, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y, &MUTED);
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
gboolean
rocznik_pdf_ensure_space (Pdf   *pdf,
              double height)
{
  if (pdf->y + height <= BODY_BOTTOM || pdf->y <= MARGIN_TOP)
    return FALSE;
  new_page (pdf);
  return TRUE;
}

/* A bookmark to the cursor's place; returns its id for children. */
int
rocznik_pdf_add_outline (Pdf        *pdf,
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

void
rocznik_pdf_paragraph (Pdf        *pdf,
           const char *font,
           const char *text,
           const Rgb  *color,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = rocznik_pdf_text_layout (pdf, font, TEXT_WIDTH, text);
  double h;

  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  h = rocznik_pdf_layout_height (layout);
  rocznik_pdf_ensure_space (pdf, h);
  rocznik_pdf_show_layout (pdf, layout, MARGIN_LEFT, pdf->y, color);
  pdf->y += h + space_after;
}

/* A section heading, kept with at least @keep points of what follows;
 * returns its bookmark. */
int
rocznik_pdf_heading (Pdf        *pdf,
         const char *title,
         double      keep)
{
  g_autoptr(PangoLayout) layout = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 15", TEXT_WIDTH, title);
  double h = rocznik_pdf_layout_height (layout);

  if (pdf->y > MARGIN_TOP)
    pdf->y += 14;
  int id;

  rocznik_pdf_ensure_space (pdf, h + 10 + keep);
  id = rocznik_pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title);
  rocznik_pdf_show_layout (pdf, layout, MARGIN_LEFT, pdf->y, &ACCENT);
  pdf->y += h + 2;
  rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y + 2, 0.8, &ACCENT);
  pdf->y += 12;
  return id;
}

void
rocznik_pdf_subheading (Pdf        *pdf,
            const char *title)
{
  g_autoptr(PangoLayout) layout = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 11", TEXT_WIDTH, title);
  double h = rocznik_pdf_layout_height (layout);

  rocznik_pdf_ensure_space (pdf, h + 40);
  rocznik_pdf_show_layout (pdf, layout, MARGIN_LEFT, pdf->y, &INK);
  pdf->y += h + 5;
}

/* A list item with a hanging indent: "•" or "1." in the margin. */
void
rocznik_pdf_list_item (Pdf        *pdf,
           const char *font,
           const char *mark,
           double      indent,
           const char *text)
{
  g_autoptr(PangoLayout) m = rocznik_pdf_text_layout (pdf, font, 0, mark);
  g_autoptr(PangoLayout) layout = rocznik_pdf_text_layout (pdf, font, TEXT_WIDTH - indent, text);
  double h;

  pango_layout_set_spacing (layout, 1.5 * PANGO_SCALE);
  h = rocznik_pdf_layout_height (layout);
  rocznik_pdf_ensure_space (pdf, h);
  rocznik_pdf_show_layout (pdf, m, MARGIN_LEFT + 4, pdf->y, &ACCENT);
  rocznik_pdf_show_layout (pdf, layout, MARGIN_LEFT + indent, pdf->y, &INK);
  pdf->y += h + 2.5;
}

/* ---- 1. title and lead ------------------------------------------------ */

static void
title_block (Pdf *pdf)
{
  const RocznikReportContent *c = pdf->content;
  g_autoptr(PangoLayout) k = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 9", TEXT_WIDTH, c->kicker);
  g_autoptr(PangoLayout) t = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 26", TEXT_WIDTH, pdf->report->organisation);
  g_autoptr(PangoLayout) s = rocznik_pdf_text_layout (pdf, FONT_SANS " 14", TEXT_WIDTH, c->subtitle);

  rocznik_pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, pdf->report->organisation);
  rocznik_pdf_show_layout (pdf, k, MARGIN_LEFT, pdf->y, &ACCENT);
  pdf->y += rocznik_pdf_layout_height (k) + 6;
  rocznik_pdf_show_layout (pdf, t, MARGIN_LEFT, pdf->y, &INK);
  pdf->y += rocznik_pdf_layout_height (t) + 2;
  rocznik_pdf_show_layout (pdf, s, MARGIN_LEFT, pdf->y, &MUTED);
  pdf->y += rocznik_pdf_layout_height (s) + 18;
  rocznik_pdf_paragraph (pdf, FONT_SERIF " 12.5", c->lead, &INK, 4);
}

/* ---- 2. key figures --------------------------------------------------- */

static void
key_figures (Pdf *pdf)
{
  const RocznikReportContent *content = pdf->content;
  GArray *cards = content->figures;
  const double gap = 14, card_w = (TEXT_WIDTH - gap) / 2;

  rocznik_pdf_heading (pdf, content->figures_heading, 120);
  for (guint i = 0; i < cards->len; i += 2)
    {
      double row_h = 0;

      for (guint j = i; j < MIN (i + 2, cards->len); j++)
        {
          RocznikReportFigure *c = &g_array_index (cards, RocznikReportFigure, j);
          g_autoptr(PangoLayout) f = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 20", card_w - 24, c->figure);
          g_autoptr(PangoLayout) cap = rocznik_pdf_text_layout (pdf, FONT_SANS " 9", card_w - 24, c->caption);

          row_h = MAX (row_h, rocznik_pdf_layout_height (f) + rocznik_pdf_layout_height (cap) + 26);
        }
      rocznik_pdf_ensure_space (pdf, row_h);
      for (guint j = i; j < MIN (i + 2, cards->len); j++)
        {
          RocznikReportFigure *c = &g_array_index (cards, RocznikReportFigure, j);
          double x = MARGIN_LEFT + (j - i) * (card_w + gap);
          g_autoptr(PangoLayout) f = rocznik_pdf_text_layout (pdf, FONT_SANS " Bold 20", card_w - 24, c->figure);
          g_autoptr(PangoLayout) cap = rocznik_pdf_text_layout (pdf, FONT_SANS " 9", card_w - 24, c->caption);

          rocznik_pdf_fill_rect (pdf, x, pdf->y, card_w, row_h, &STRIPE);
          rocznik_pdf_fill_rect (pdf, x, pdf->y, 3, row_h, &ACCENT);
          rocznik_pdf_show_layout (pdf, f, x + 14, pdf->y + 10, &ACCENT);
          rocznik_pdf_show_layout (pdf, cap, x + 14, pdf->y + 14 + rocznik_pdf_layout_height (f), &MUTED);
        }
      pdf->y += row_h + gap;
    }

  if (content->top_heading == NULL)
    return;
  rocznik_pdf_subheading (pdf, content->top_heading);
  for (guint i = 0; content->top_items[i]; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%u.", i + 1);

      rocznik_pdf_list_item (pdf, FONT_SERIF " 11", mark, 20, content->top_items[i]);
    }
}

/* ---- 3. the topic table ---------------------------------------------- */

/* Column widths in points: the topic takes what the figures leave. */
static void
table_spec_init (TableSpec                  *spec,
                 const RocznikReportContent *content)
{
  const double compare_widths[] = { 26, 0, 64, 46, 60, 54, 56 };   /* "50." unbroken */
  const double year_widths[] = { 26, 0, 84, 46 };
  const double *widths = content->n_columns > 4 ? compare_widths : year_widths;
  double fixed;

  spec->n_cols = content->n_columns;
  spec->continued = content->table_continued;
  for (guint i = 0; i < spec->n_cols; i++)
    spec->cols[i] = (Column) { content->columns[i], widths[i], content->numeric[i] };
  fixed = 0;
  for (guint i = 0; i < spec->n_cols; i++)
    fixed += spec->cols[i].width;
  spec->cols[1].width = TEXT_WIDTH - fixed;
}

/* One table row: @cells[i] per column; returns its height. @draw FALSE only measures. */
double
rocznik_pdf_table_row (Pdf             *pdf,
           const TableSpec *spec,
           const char     **cells,
           const char      *font,
           gboolean         draw,
           const Rgb       *fill,
           const Rgb       *color)
{
  const double pad_x = 5, pad_y = 4;
  PangoLayout *layouts[PDF_MAX_COLUMNS];
  double h = 0, x = MARGIN_LEFT;

  for (guint i = 0; i < spec->n_cols; i++)
    {
      layouts[i] = rocznik_pdf_text_layout (pdf, font, spec->cols[i].width - 2 * pad_x, cells[i] ? cells[i] : "");
      if (spec->cols[i].numeric)
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_RIGHT);
      h = MAX (h, rocznik_pdf_layout_height (layouts[i]));
    }
  h += 2 * pad_y;
  if (draw)
    {
      if (fill)
        rocznik_pdf_fill_rect (pdf, MARGIN_LEFT, pdf->y, TEXT_WIDTH, h, fill);
      for (guint i = 0; i < spec->n_cols; i++)
        {
          rocznik_pdf_show_layout (pdf, layouts[i], x + pad_x, pdf->y + pad_y, color);
          x += spec->cols[i].width;
        }
    }
  for (guint i = 0; i < spec->n_cols; i++)
    g_object_unref (layouts[i]);
  return h;
}

void
rocznik_pdf_table_header (Pdf             *pdf,
              const TableSpec *spec,
              gboolean         continued)
{
  const char *cells[PDF_MAX_COLUMNS];
  double h;

  for (guint i = 0; i < spec->n_cols; i++)
    cells[i] = spec->cols[i].title;
  if (continued)
    {
      g_autoptr(PangoLayout) cd = rocznik_pdf_text_layout (pdf, FONT_SANS " Italic 8.5", TEXT_WIDTH,
                                               spec->continued);
      rocznik_pdf_show_layout (pdf, cd, MARGIN_LEFT, pdf->y, &MUTED);
      pdf->y += rocznik_pdf_layout_height (cd) + 4;
    }
  h = rocznik_pdf_table_row (pdf, spec, cells, FONT_SANS " Bold 8.5", TRUE, &HEADER_FILL, &INK);
  pdf->y += h;
  rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.8, &ACCENT);
}

/* Places a row, breaking the page (and repeating the header) when needed. */
void
rocznik_pdf_table_place (Pdf             *pdf,
             const TableSpec *spec,
             const char     **cells,
             const char      *font,
             const Rgb       *fill,
             const Rgb       *color)
{
  double h = rocznik_pdf_table_row (pdf, spec, cells, font, FALSE, NULL, NULL);

  if (rocznik_pdf_ensure_space (pdf, h))
    rocznik_pdf_table_header (pdf, spec, TRUE);
  rocznik_pdf_table_row (pdf, spec, cells, font, TRUE, fill, color);
  pdf->y += h;
}

static void
topic_table (Pdf *pdf)
{
  const RocznikReportContent *content = pdf->content;
  TableSpec spec;

  table_spec_init (&spec, content);
  rocznik_pdf_heading (pdf, content->table_heading, 90);
  rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", content->table_intro, &MUTED, 8);
  if (content->rows->len == 0)
    return;
  rocznik_pdf_ensure_space (pdf, 60);
  rocznik_pdf_table_header (pdf, &spec, FALSE);

  for (guint i = 0; i < content->rows->len; i++)
    {
      const RocznikReportRow *row = g_ptr_array_index (content->rows, i);

      rocznik_pdf_table_place (pdf, &spec, (const char **) row->cells, FONT_SANS " 9", i % 2 ? &STRIPE : NULL, &INK);
      if (g_cancellable_is_cancelled (pdf->cancellable))
        return;
    }

  {
    const char **cells = (const char **) content->sum->cells;
    double h = rocznik_pdf_table_row (pdf, &spec, cells, FONT_SANS " Bold 9", FALSE, NULL, NULL);

    if (rocznik_pdf_ensure_space (pdf, h))
      rocznik_pdf_table_header (pdf, &spec, TRUE);
    rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.8, &INK);
    rocznik_pdf_table_row (pdf, &spec, cells, FONT_SANS " Bold 9", TRUE, NULL, &INK);
    pdf->y += h;
  }
  if (content->remainder)
    {
      rocznik_pdf_table_place (pdf, &spec, (const char **) content->remainder->cells, FONT_SANS " Italic 9", NULL, &MUTED);
      rocznik_pdf_table_place (pdf, &spec, (const char **) content->declared->cells, FONT_SANS " Italic 9", NULL, &MUTED);
    }
  if (content->compared)
    rocznik_pdf_table_place (pdf, &spec, (const char **) content->compared->cells, FONT_SANS " Italic 9", NULL, &MUTED);
  rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.5, &RULE);
  pdf->y += 6;
  if (content->compare_note)
    rocznik_pdf_paragraph (pdf, FONT_SERIF " 9.5", content->compare_note, &MUTED, 8);
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
  if (p.height < CHART_MAX_HEIGHT && !rocznik_report_chart_shows_all (p.chart, TEXT_WIDTH, p.height))
    p.height = CHART_MAX_HEIGHT;
  g_array_append_val (placed, p);
}

void
rocznik_pdf_charts (Pdf        *pdf,
                    GArray     *charts,
                    const char *heading,
                    int         section)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedChart));

  g_array_set_clear_func (placed, (GDestroyNotify) placed_chart_clear);
  for (guint i = 0; i < charts->len; i++)
    {
      const RocznikReportChart *chart = &g_array_index (charts, RocznikReportChart, i);

      prepare_chart (pdf, placed, &chart->spec, MIN (chart->height, CHART_MAX_HEIGHT));
    }
  if (placed->len == 0)
    return;

  if (heading)
    section = rocznik_pdf_heading (pdf, heading, g_array_index (placed, PlacedChart, 0).height);
  for (guint i = 0; i < placed->len; i++)
    {
      PlacedChart *p = &g_array_index (placed, PlacedChart, i);

      rocznik_pdf_ensure_space (pdf, p->height);
      rocznik_pdf_add_outline (pdf, section, rocznik_chart_get_title (p->chart));
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
  rocznik_pdf_list_item (pdf, FONT_SERIF " 10.5", "•", 16, text);
}

static void
lists_and_notes (Pdf *pdf)
{
  const RocznikReportContent *content = pdf->content;

  if (content->lists->len > 0)
    {
      rocznik_pdf_heading (pdf, content->lists_heading, 60);
      for (guint i = 0; i < content->lists->len; i++)
        {
          const RocznikReportList *list = g_ptr_array_index (content->lists, i);

          if (i > 0)
            pdf->y += 8;
          rocznik_pdf_subheading (pdf, list->heading);
          for (guint j = 0; list->items[j]; j++)
            bullet (pdf, list->items[j]);
        }
    }

  if (content->notes[0])
    {
      rocznik_pdf_heading (pdf, content->notes_heading, 40);
      for (guint i = 0; content->notes[i]; i++)
        rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", content->notes[i], &INK, 6);
    }
}

/* ---- the document ----------------------------------------------------- */

static void
lay_out (Pdf *pdf)
{
  begin_page (pdf);
  title_block (pdf);
  key_figures (pdf);
  topic_table (pdf);
  rocznik_pdf_charts (pdf, pdf->content->charts, pdf->content->charts_heading, CAIRO_PDF_OUTLINE_ROOT);
  rocznik_pdf_calls (pdf);
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

gboolean
rocznik_report_pdf_render (const RocznikReportContent *content,
                           RocznikFile                *out,
                           const char                 *path,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  const RocznikReport *report = content->data;
  const char *title = content->title;
  const char *subject = content->subject;
  g_autofree char *date = iso_date (report->now);
  gint64 t0 = g_get_monotonic_time ();
  PangoFontMap *fonts = rocznik_report_font_map ();
  gint64 t1 = g_get_monotonic_time ();
  gint64 t2, t3, t4;
  PangoContext *context = pango_font_map_create_context (fonts ? fonts : pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();
  Pdf pdf = { .content = content, .report = report, .cancellable = cancellable };
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
  pdf.surface = cairo_pdf_surface_create_for_stream (rocznik_file_cairo_write, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, report->organisation);
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
      if (!rocznik_file_take_error (out, error))
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("Cannot save %s: %s"),
                     path, cairo_status_to_string (status));
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
