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

void
rocznik_pdf_calls (Pdf *pdf)
{
  const RocznikReportCalls *calls = pdf->content->calls;
  int section;

  if (calls == NULL)
    return;
  section = rocznik_pdf_heading (pdf, calls->heading, 120);
  rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", calls->intro, &MUTED, 8);
  for (guint i = 0; i < calls->tables->len; i++)
    {
      const RocznikReportCallsTable *t = g_ptr_array_index (calls->tables, i);

      if (i > 0)
        pdf->y += 8;
      /* The subheading keeps with its sentences and the table's first rows. */
      rocznik_pdf_ensure_space (pdf, 140);
      rocznik_pdf_add_outline (pdf, section, t->heading);
      rocznik_pdf_subheading (pdf, t->heading);
      for (guint j = 0; t->sentences[j]; j++)
        rocznik_pdf_paragraph (pdf, FONT_SERIF " 10.5", t->sentences[j], &INK, 4);
      pdf->y += 4;
      calls_table (pdf, t);
      rocznik_pdf_charts (pdf, t->charts, NULL, section);
      if (g_cancellable_is_cancelled (pdf->cancellable))
        return;
    }
}
