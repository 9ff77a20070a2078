/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-pdf-calls.c — the PDF report's section on when and how residents call
 *
 * Each part (months, weekdays and hours, channels, handling time) is a
 * subheading, its sentences, its table and its charts, in the same flow
 * and styles as the rest of the report.
 */

#include "config.h"

#include <cairo-pdf.h>

#include "rocznik-report-pdf-private.h"

/* Column widths in points; 0: what the others leave (the label). */
static void
calls_spec_init (TableSpec                     *spec,
                 const RocznikReportCallsTable *t)
{
  static const double three[] = { 0, 96, 72 };
  static const double duration[] = { 0, 92, 78, 84 };
  static const double hours[] = { 0, 43, 43, 43, 43, 43, 43, 43, 56 };
  const double *widths = t->n_columns == 3 ? three : t->n_columns == 4 ? duration : hours;
  double fixed = 0;

  spec->n_cols = MIN (t->n_columns, PDF_MAX_COLUMNS);
  spec->continued = t->caption;
  for (guint i = 0; i < spec->n_cols; i++)
    {
      spec->cols[i] = (Column) { t->columns[i], widths[i], i > 0 };
      fixed += widths[i];
    }
  spec->cols[0].width = TEXT_WIDTH - fixed;
}

static void
cells_of (const RocznikReportCallsTable *t,
          const RocznikReportCell       *row,
          const char                   **cells)
{
  for (guint i = 0; i < t->n_columns && i < PDF_MAX_COLUMNS; i++)
    cells[i] = row[i].text;
}

static void
calls_table (Pdf                           *pdf,
             const RocznikReportCallsTable *t)
{
  const char *font = t->n_columns > 4 ? FONT_SANS " 8.5" : FONT_SANS " 9";
  const char *bold = t->n_columns > 4 ? FONT_SANS " Bold 8.5" : FONT_SANS " Bold 9";
  const char *cells[PDF_MAX_COLUMNS];
  TableSpec spec;
  double h;

  calls_spec_init (&spec, t);
  rocznik_pdf_ensure_space (pdf, 60);
  rocznik_pdf_table_header (pdf, &spec, FALSE);
  for (guint i = 0; i < t->rows->len; i++)
    {
      cells_of (t, g_ptr_array_index (t->rows, i), cells);
      rocznik_pdf_table_place (pdf, &spec, cells, font, i % 2 ? &STRIPE : NULL, &INK);
    }
  if (t->total)
    {
      cells_of (t, t->total, cells);
      h = rocznik_pdf_table_row (pdf, &spec, cells, bold, FALSE, NULL, NULL);
      if (rocznik_pdf_ensure_space (pdf, h))
        rocznik_pdf_table_header (pdf, &spec, TRUE);
      rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.8, &INK);
      rocznik_pdf_table_row (pdf, &spec, cells, bold, TRUE, NULL, &INK);
      pdf->y += h;
    }
  rocznik_pdf_hline (pdf, MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, pdf->y, 0.5, &RULE);
  pdf->y += 10;
}

/* The table's height as laid out: its header, rows and total. */
static double
table_height (Pdf                           *pdf,
              const RocznikReportCallsTable *t)
{
  const char *font = t->n_columns > 4 ? FONT_SANS " Bold 8.5" : FONT_SANS " Bold 9";
  const char *cells[PDF_MAX_COLUMNS];
  TableSpec spec;
  double h;

  calls_spec_init (&spec, t);
  for (guint i = 0; i < spec.n_cols; i++)
    cells[i] = spec.cols[i].title;
  h = rocznik_pdf_table_row (pdf, &spec, cells, FONT_SANS " Bold 8.5", FALSE, NULL, NULL);
  for (guint i = 0; i < t->rows->len; i++)
    {
      cells_of (t, g_ptr_array_index (t->rows, i), cells);
      h += rocznik_pdf_table_row (pdf, &spec, cells, font, FALSE, NULL, NULL);
    }
  if (t->total)
    {
      cells_of (t, t->total, cells);
      h += rocznik_pdf_table_row (pdf, &spec, cells, font, FALSE, NULL, NULL);
    }
  return h + 10;
}

static double
text_height (Pdf        *pdf,
             const char *font,
             const char *text,
             double      spacing)
{
  g_autoptr(PangoLayout) layout = rocznik_pdf_text_layout (pdf, font, TEXT_WIDTH, text);

  pango_layout_set_spacing (layout, spacing * PANGO_SCALE);
  return rocznik_pdf_layout_height (layout);
}

/* A part's subheading, text and table; a part that fits on a page starts
 * on one it fits on whole, a longer one keeps its subheading with its text
 * and first rows. */
static double
part_keep (Pdf                           *pdf,
           const RocznikReportCallsTable *t,
           const char                    *text)
{
  double h = text_height (pdf, FONT_SANS " Bold 11", t->heading, 0) + 5
             + text_height (pdf, FONT_SERIF " 10.5", text, 2) + 8 + table_height (pdf, t);

  return h <= BODY_BOTTOM - MARGIN_TOP - 40 ? h : 140;
}

void
rocznik_pdf_calls (Pdf *pdf)
{
  const RocznikReportCalls *calls = pdf->content->calls;
  g_autofree char *first = NULL;
  int section;

  if (calls == NULL)
    return;
  /* The heading and introduction stay with the first part. */
  first = g_strjoinv (" ", ((RocznikReportCallsTable *) g_ptr_array_index (calls->tables, 0))->sentences);
  section = rocznik_pdf_heading (pdf, calls->heading,
                                 text_height (pdf, FONT_SERIF " 10.5", calls->intro, 2) + 8
                                 + part_keep (pdf, g_ptr_array_index (calls->tables, 0), first));
  rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", calls->intro, &MUTED, 8);
  for (guint i = 0; i < calls->tables->len; i++)
    {
      const RocznikReportCallsTable *t = g_ptr_array_index (calls->tables, i);
      g_autofree char *text = g_strjoinv (" ", t->sentences);

      if (i > 0)
        pdf->y += 8;
      rocznik_pdf_ensure_space (pdf, part_keep (pdf, t, text));
      rocznik_pdf_add_outline (pdf, section, t->heading);
      rocznik_pdf_subheading (pdf, t->heading);
      rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", text, &INK, 8);
      calls_table (pdf, t);
      rocznik_pdf_charts (pdf, t->charts, NULL, section);
      if (g_cancellable_is_cancelled (pdf->cancellable))
        return;
    }
}
