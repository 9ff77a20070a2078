/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-xlsx.c — the annual report as an Excel workbook
 *
 * One sheet per year with topics (the report's year first), each with its
 * topic table and a native bar chart, then a comparison sheet with years as
 * columns. Counts are numbers, totals and shares live formulas with their
 * results cached, and every name from an import is written as a string:
 * a topic called "=HYPERLINK(…)" stays text.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-report-xlsx-private.h"

#define TABLE_FIRST_ROW 3   /* the header; topics start below it */
#define NAME_WIDTH_MAX  90
#define CHART_TOPICS    20  /* a year's chart: the largest topics, then "pozostałe" */

typedef struct
{
  XlsxWriter x;            /* the cells, the shared formats, the first error */
  lxw_format *note;
  lxw_format *paragraph;
  lxw_format *count;
  lxw_format *share;
  lxw_format *change;
  lxw_format *change_share;
  lxw_format *total_name;
  lxw_format *total_count;
  lxw_format *total_share;
  lxw_format *total_change;
  lxw_format *total_change_share;
  lxw_format *aside_name;
  lxw_format *aside_count;
} Writer;

static void
writer_init (Writer       *w,
             lxw_workbook *wb)
{
  const char *pct = "0.0%";
  const char *signed_count = "+#,##0;-#,##0;0";
  const char *signed_pct = "+0.0%;-0.0%;0.0%";

  xlsx_writer_init (&w->x, wb);
  w->note = xlsx_add_format (wb, FALSE, FALSE, NULL);
  format_set_italic (w->note);
  /* Notes wrap inside the name column instead of running under the chart. */
  w->paragraph = xlsx_add_format (wb, FALSE, FALSE, NULL);
  format_set_text_wrap (w->paragraph);
  format_set_align (w->paragraph, LXW_ALIGN_VERTICAL_TOP);
  w->count = xlsx_add_format (wb, FALSE, FALSE, "#,##0");
  w->share = xlsx_add_format (wb, FALSE, FALSE, pct);
  w->change = xlsx_add_format (wb, FALSE, FALSE, signed_count);
  w->change_share = xlsx_add_format (wb, FALSE, FALSE, signed_pct);
  w->total_name = xlsx_add_format (wb, TRUE, TRUE, NULL);
  w->total_count = xlsx_add_format (wb, TRUE, TRUE, "#,##0");
  w->total_share = xlsx_add_format (wb, TRUE, TRUE, pct);
  w->total_change = xlsx_add_format (wb, TRUE, TRUE, signed_count);
  w->total_change_share = xlsx_add_format (wb, TRUE, TRUE, signed_pct);
  w->aside_name = xlsx_add_format (wb, FALSE, FALSE, NULL);
  format_set_italic (w->aside_name);
  w->aside_count = xlsx_add_format (wb, FALSE, FALSE, "#,##0");
  format_set_italic (w->aside_count);
}

static char *
column_sum (lxw_row_t first,
            lxw_row_t last,
            lxw_col_t col)
{
  g_autofree char *a = xlsx_cell_name (first, col, FALSE);
  g_autofree char *b = xlsx_cell_name (last, col, FALSE);

  return g_strdup_printf ("=SUM(%s:%s)", a, b);
}

static void
write_change (Writer           *w,
              lxw_worksheet    *ws,
              lxw_row_t         row,
              const RocznikRow *r,
              gboolean          total)
{
  g_autofree char *now = xlsx_cell_name (row, 1, FALSE);
  g_autofree char *then = xlsx_cell_name (row, 3, FALSE);
  g_autofree char *change = g_strdup_printf ("=%s-%s", now, then);
  g_autofree char *percent = g_strdup_printf ("=IF(%s>0,(%s-%s)/%s,\"\")", then, now, then, then);

  xlsx_write_formula (&w->x, ws, row, 4, change, total ? w->total_change : w->change, (double) r->change);
  if (r->has_change_percent)
    xlsx_write_formula (&w->x, ws, row, 5, percent, total ? w->total_change_share : w->change_share,
                        r->change_percent / 100.0);
  else
    xlsx_write_blank (&w->x, ws, row, 5, total ? w->total_change_share : w->change_share);
}

/* Many topics: the year's chart reads two hidden columns beside it, the
 * largest topics and one "pozostałe" bar summing the rest of the table
 * exactly; their column, or 0 when the chart reads the table itself. */
static lxw_col_t
chart_data_col (const RocznikTable *table,
                lxw_col_t           at_col)
{
  return table->rows->len > CHART_TOPICS ? at_col + 16 : 0;
}

/* The hidden chart data on the table's row @i (written with the row: the
 * workbook is written a row at a time, in constant memory). */
static void
write_chart_data (Writer             *w,
                  lxw_worksheet      *ws,
                  const RocznikTable *table,
                  guint               i,
                  lxw_col_t           data_col,
                  gint64              rest)
{
  const guint shown = CHART_TOPICS - 1;
  lxw_row_t first = TABLE_FIRST_ROW + 1, last = TABLE_FIRST_ROW + table->rows->len;
  lxw_row_t row = first + i;

  if (i < shown)
    {
      const RocznikRow *r = g_ptr_array_index (table->rows, i);

      xlsx_write_text (&w->x, ws, row, data_col, r->name, NULL);
      xlsx_write_number (&w->x, ws, row, data_col + 1, (double) r->count, NULL);
    }
  else if (i == shown)
    {
      g_autofree char *others = rocznik_format_others (table->rows->len - shown);
      g_autofree char *sum = column_sum (first + shown, last, 1);

      xlsx_write_text (&w->x, ws, row, data_col, others, NULL);
      xlsx_write_formula (&w->x, ws, row, data_col + 1, sum, NULL, (double) rest);
    }
}

static void
add_year_chart (Writer             *w,
                lxw_worksheet      *ws,
                const char         *sheet,
                const RocznikTable *table,
                lxw_col_t           at_col)
{
  guint n_bars = MIN (table->rows->len, CHART_TOPICS);
  g_autofree char *title = g_strdup_printf ("Tematy rozmów w %d r.", table->year);
  lxw_chart_options options = { .x_offset = 10, .y_offset = 0, .x_scale = 1.6,
                                .y_scale = 1.0 + n_bars / 8.0, .description = title };
  lxw_row_t first = TABLE_FIRST_ROW + 1, last = TABLE_FIRST_ROW + table->rows->len;
  lxw_col_t data_col = chart_data_col (table, at_col);
  lxw_chart_series *series;
  lxw_chart *chart;

  if (table->rows->len == 0)
    return;
  if (data_col)
    {
      lxw_row_col_options hidden = { .hidden = LXW_TRUE };

      xlsx_check (&w->x, XLSX_NO_CELL, data_col, worksheet_set_column_opt (ws, data_col, data_col + 1, 12, NULL, &hidden));
      last = first + CHART_TOPICS - 1;
    }
  chart = xlsx_add_chart (&w->x, LXW_CHART_BAR, title, "#,##0", &series);
  if (chart == NULL)
    return;
  if (data_col)
    chart_show_hidden_data (chart);
  chart_series_set_categories (series, sheet, first, data_col, last, data_col);
  chart_series_set_values (series, sheet, first, data_col + 1, last, data_col + 1);
  chart_series_set_name (series, "Liczba rozmów");
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_insert_chart_opt (ws, TABLE_FIRST_ROW, at_col, chart, &options));
}

/* When the totals are not compared on the same topics: the row they are
 * compared on, and a sentence saying why, from @row; returns the row after. */
static lxw_row_t
write_comparison (Writer             *w,
                  lxw_worksheet      *ws,
                  const RocznikTable *table,
                  lxw_row_t           row,
                  double             *name_width)
{
  const RocznikRow *r = table->common ? table->common : table->declared;
  g_autofree char *note = table->comparison ? rocznik_comparison_note_pl (table->comparison) : NULL;

  if (r)
    {
      const char *label = table->common ? "Suma tematów obecnych w obu latach"
                                        : "Liczba rozmów ogółem (ze sprawozdań)";

      xlsx_write_text (&w->x, ws, row, 0, label, w->aside_name);
      xlsx_write_number (&w->x, ws, row, 1, (double) r->count, w->aside_count);
      xlsx_write_number (&w->x, ws, row, 3, (double) r->other_count, w->aside_count);
      write_change (w, ws, row, r, FALSE);
      *name_width = MAX (*name_width, xlsx_text_width (label));
      row++;
    }
  if (note)
    xlsx_write_text (&w->x, ws, row++, 0, note, w->note);
  return row + 1;
}

/* The year sheet's title, its note and the table's header row. */
static void
write_year_header (Writer              *w,
                   lxw_worksheet       *ws,
                   const RocznikReport *report,
                   const RocznikYear   *y,
                   const char          *count_header,
                   const char          *other_header)
{
  g_autofree char *title = g_strdup_printf ("%s — tematy rozmów w %d r.",
                                            y->organisation && *y->organisation ? y->organisation
                                                                               : report->organisation,
                                            y->year);

  xlsx_write_text (&w->x, ws, 0, 0, title, w->x.title);
  xlsx_write_text (&w->x, ws, 1, 0, "Tematy według liczby rozmów; udział w sumie rozmów z przypisanym tematem.", w->note);

  xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 0, "Temat", w->x.header);
  xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 1, count_header, w->x.header_number);
  xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 2, "Udział", w->x.header_number);
  if (other_header)
    {
      xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 3, other_header, w->x.header_number);
      xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 4, "Zmiana", w->x.header_number);
      xlsx_write_text (&w->x, ws, TABLE_FIRST_ROW, 5, "Zmiana (%)", w->x.header_number);
    }
}

/* The topic rows, top to bottom, each with its hidden chart data. */
static void
write_year_rows (Writer             *w,
                 lxw_worksheet      *ws,
                 const RocznikTable *table,
                 gboolean            compare,
                 lxw_col_t           data_col,
                 lxw_row_t           sum_row,
                 double             *name_width)
{
  lxw_row_t row = TABLE_FIRST_ROW + 1;
  gint64 rest = 0;

  for (guint i = CHART_TOPICS - 1; data_col && i < table->rows->len; i++)
    rest += ((const RocznikRow *) g_ptr_array_index (table->rows, i))->count;
  for (guint i = 0; i < table->rows->len; i++, row++)
    {
      const RocznikRow *r = g_ptr_array_index (table->rows, i);
      g_autofree char *count = xlsx_cell_name (row, 1, FALSE);
      g_autofree char *sum = xlsx_cell_name (sum_row, 1, TRUE);
      g_autofree char *share = g_strdup_printf ("=%s/%s", count, sum);

      xlsx_write_text (&w->x, ws, row, 0, r->name, NULL);
      xlsx_write_number (&w->x, ws, row, 1, (double) r->count, w->count);
      xlsx_write_formula (&w->x, ws, row, 2, share, w->share, r->share / 100.0);
      *name_width = MAX (*name_width, xlsx_text_width (r->name));
      if (compare && r->other_year)
        {
          xlsx_write_number (&w->x, ws, row, 3, (double) r->other_count, w->count);
          write_change (w, ws, row, r, FALSE);
        }
      if (data_col)
        write_chart_data (w, ws, table, i, data_col, rest);
    }
}

/* The "Suma tematów" row under the topics. */
static void
write_year_total (Writer             *w,
                  lxw_worksheet      *ws,
                  const RocznikTable *table,
                  gboolean            compare,
                  lxw_row_t           sum_row)
{
  lxw_row_t first = TABLE_FIRST_ROW + 1;

  xlsx_write_text (&w->x, ws, sum_row, 0, "Suma tematów", w->total_name);
  if (table->rows->len > 0)
    {
      g_autofree char *sum = column_sum (first, sum_row - 1, 1);
      g_autofree char *shares = column_sum (first, sum_row - 1, 2);

      xlsx_write_formula (&w->x, ws, sum_row, 1, sum, w->total_count, (double) table->sum);
      xlsx_write_formula (&w->x, ws, sum_row, 2, shares, w->total_share, 1.0);
    }
  else
    {
      xlsx_write_number (&w->x, ws, sum_row, 1, 0, w->total_count);
      xlsx_write_blank (&w->x, ws, sum_row, 2, w->total_share);
    }
  if (compare)
    {
      if (table->total->other_year && table->rows->len > 0)
        {
          g_autofree char *sum = column_sum (first, sum_row - 1, 3);

          xlsx_write_formula (&w->x, ws, sum_row, 3, sum, w->total_count, (double) table->total->other_count);
          write_change (w, ws, sum_row, table->total, TRUE);
        }
      else
        for (lxw_col_t c = 3; c <= 5; c++)
          xlsx_write_blank (&w->x, ws, sum_row, c, w->total_name);
    }
}

/* The declared total is not the sum of topics: show both and the
 * difference, labelled, below the table and outside its filter. */
static void
write_year_remainder (Writer             *w,
                      lxw_worksheet      *ws,
                      const RocznikTable *table,
                      lxw_row_t           sum_row,
                      double             *name_width)
{
  g_autofree char *declared_cell = xlsx_cell_name (sum_row + 2, 1, FALSE);
  g_autofree char *sum_cell = xlsx_cell_name (sum_row, 1, FALSE);
  g_autofree char *remainder = g_strdup_printf ("=%s-%s", declared_cell, sum_cell);
  g_autofree char *declared_short = rocznik_format_short (table->declared_total, table->declared_more_than);
  g_autofree char *declared_label = g_strdup_printf ("Liczba rozmów ogółem (deklarowana: %s)", declared_short);
  const char *remainder_label = table->declared_more_than
    ? "Rozmowy bez przypisanego tematu (co najmniej; ogółem minus suma tematów)"
    : "Rozmowy bez przypisanego tematu (ogółem minus suma tematów)";

  xlsx_write_text (&w->x, ws, sum_row + 1, 0, remainder_label, w->aside_name);
  xlsx_write_formula (&w->x, ws, sum_row + 1, 1, remainder, w->aside_count, (double) table->remainder->count);
  xlsx_write_text (&w->x, ws, sum_row + 2, 0, declared_label, w->aside_name);
  xlsx_write_number (&w->x, ws, sum_row + 2, 1, (double) table->declared_total, w->aside_count);
  *name_width = MAX (*name_width, xlsx_text_width (remainder_label));
}

/* The year's notes (source, context) from @row, a paragraph a row. */
static void
write_year_notes (Writer            *w,
                  lxw_worksheet     *ws,
                  const RocznikYear *y,
                  lxw_row_t          row)
{
  g_auto(GStrv) paragraphs = NULL;

  if (y->notes == NULL || *y->notes == '\0')
    return;
  paragraphs = g_strsplit (y->notes, "\n", -1);
  xlsx_write_text (&w->x, ws, row++, 0, "Uwagi", w->total_name);
  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]))
      xlsx_write_text (&w->x, ws, row++, 0, paragraphs[i], w->paragraph);
}

/* Column widths, panes and printing: none of them writes a row. */
static void
set_year_layout (Writer        *w,
                 lxw_worksheet *ws,
                 double         name_width,
                 const char    *count_header,
                 const char    *other_header)
{
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (name_width, NAME_WIDTH_MAX), NULL));
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 1, 1, MAX (xlsx_text_width (count_header), 12), NULL));
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 2, 2, 10, NULL));
  if (other_header)
    {
      xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 3, 3, MAX (xlsx_text_width (other_header), 12), NULL));
      xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 4, 5, 12, NULL));
    }
  worksheet_freeze_panes (ws, TABLE_FIRST_ROW + 1, 1);
  worksheet_fit_to_pages (ws, 1, 0);
}

/* Rows strictly top to bottom: the workbook is written in constant memory. */
static void
write_year_sheet (Writer             *w,
                  const RocznikReport *report,
                  const RocznikYear  *y,
                  const RocznikTable *table,
                  gboolean            compare)
{
  g_autofree char *name = g_strdup_printf ("%d", y->year);
  lxw_worksheet *ws = xlsx_add_sheet (&w->x, name);
  g_autofree char *count_header = g_strdup_printf ("Liczba rozmów %d", y->year);
  g_autofree char *other_header = compare ? g_strdup_printf ("Liczba rozmów %d", table->compare_year) : NULL;
  lxw_col_t last_col = compare ? 5 : 2;
  lxw_row_t sum_row = TABLE_FIRST_ROW + 1 + table->rows->len;
  lxw_row_t next_row;
  double name_width = xlsx_text_width ("Suma tematów (rozmowy z przypisanym tematem)");
  lxw_col_t data_col = chart_data_col (table, last_col + 2);

  if (ws == NULL)
    return;
  write_year_header (w, ws, report, y, count_header, other_header);

  /* Before the rows: in constant memory, a range above the row being
   * written counts as out of range. */
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_autofilter (ws, TABLE_FIRST_ROW, 0, MAX (sum_row - 1, TABLE_FIRST_ROW), last_col));
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_repeat_rows (ws, TABLE_FIRST_ROW, TABLE_FIRST_ROW));
  write_year_rows (w, ws, table, compare, data_col, sum_row, &name_width);
  write_year_total (w, ws, table, compare, sum_row);
  if (table->remainder)
    write_year_remainder (w, ws, table, sum_row, &name_width);

  next_row = sum_row + (table->remainder ? 4 : 2);
  if (compare)
    next_row = write_comparison (w, ws, table, next_row - 1, &name_width);
  write_year_notes (w, ws, y, next_row);

  set_year_layout (w, ws, name_width, count_header, other_header);
  add_year_chart (w, ws, name, table, last_col + 2);
}

/* The chosen topics from TABLE_FIRST_ROW: one column per year that has
 * topics, a row per series; returns the last row written. */
static lxw_row_t
write_topic_rows (Writer              *w,
                  lxw_worksheet       *ws,
                  const RocznikReport *report,
                  double              *name_width)
{
  GArray *topic_years = report->topic_years;
  GPtrArray *years = report->years;
  lxw_row_t row = TABLE_FIRST_ROW;

  xlsx_write_text (&w->x, ws, row, 0, "Temat", w->x.header);
  for (guint c = 0; c < topic_years->len; c++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (topic_years, int, c));
      xlsx_write_text (&w->x, ws, row, 1 + c, label, w->x.header_number);
    }
  for (guint s = 0; s < report->series->len; s++)
    {
      const RocznikReportSeries *series = g_ptr_array_index (report->series, s);

      row++;
      xlsx_write_text (&w->x, ws, row, 0, series->name, NULL);
      *name_width = MAX (*name_width, xlsx_text_width (series->name));
      for (guint c = 0; c < topic_years->len; c++)
        for (guint i = 0; i < years->len; i++)
          {
            const RocznikYear *y = g_ptr_array_index (years, i);

            if (y->year == g_array_index (topic_years, int, c) && series->counts[i] >= 0)
              xlsx_write_number (&w->x, ws, row, 1 + c, (double) series->counts[i], w->count);
          }
    }
  return row;
}

/* Totals over time from @row: every calendar year, so a missing one shows
 * as a gap. */
static void
write_totals_rows (Writer              *w,
                   lxw_worksheet       *ws,
                   const RocznikReport *report,
                   lxw_row_t            row,
                   int                  span)
{
  GPtrArray *years = report->years;
  const RocznikYear *first_year = g_ptr_array_index (years, 0);

  xlsx_write_text (&w->x, ws, row, 0, "Rok", w->x.header);
  for (int c = 0; c < span; c++)
    {
      g_autofree char *label = g_strdup_printf ("%d", first_year->year + c);
      xlsx_write_text (&w->x, ws, row, 1 + c, label, w->x.header_number);
    }
  /* A row at a time: the workbook is written in constant memory. */
  xlsx_write_text (&w->x, ws, row + 1, 0, "Liczba rozmów ogółem (deklarowana)", NULL);
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (y->declared_total != ROCZNIK_NO_TOTAL)
        xlsx_write_number (&w->x, ws, row + 1, 1 + y->year - first_year->year, (double) y->declared_total, w->count);
    }
  xlsx_write_text (&w->x, ws, row + 2, 0, "Suma tematów", NULL);
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (y->topics->len > 0)
        xlsx_write_number (&w->x, ws, row + 2, 1 + y->year - first_year->year, (double) rocznik_year_topic_sum (y), w->count);
    }
}

/* The chosen topics' chart below the totals; FALSE when out of memory. */
static gboolean
add_topics_chart (Writer              *w,
                  lxw_worksheet       *ws,
                  const char          *sheet,
                  const RocznikReport *report,
                  lxw_row_t            totals_header)
{
  GArray *topic_years = report->topic_years;
  guint n_series = report->series->len;
  lxw_chart *chart = workbook_add_chart (w->x.wb, LXW_CHART_COLUMN);
  lxw_chart_options options = { .x_offset = 0, .y_offset = 10, .x_scale = 1.6, .y_scale = 1.3,
                                .description = "Porównanie wybranych tematów w latach" };

  for (guint c = 0; c < topic_years->len; c++)
    {
      lxw_chart_series *series = chart ? chart_add_series (chart, NULL, NULL) : NULL;

      if (series == NULL)
        {
          xlsx_check (&w->x, XLSX_NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return FALSE;
        }

      chart_series_set_categories (series, sheet, TABLE_FIRST_ROW + 1, 0, TABLE_FIRST_ROW + n_series, 0);
      chart_series_set_values (series, sheet, TABLE_FIRST_ROW + 1, 1 + c, TABLE_FIRST_ROW + n_series, 1 + c);
      chart_series_set_name_range (series, sheet, TABLE_FIRST_ROW, 1 + c);
    }
  chart_title_set_name (chart, "Porównanie wybranych tematów w latach");
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_insert_chart_opt (ws, totals_header + 4, 0, chart, &options));
  return TRUE;
}

/* The declared totals and the sums of topics, year by year. */
static void
add_totals_chart (Writer        *w,
                  lxw_worksheet *ws,
                  const char    *sheet,
                  lxw_row_t      totals_header,
                  int            span)
{
  lxw_chart *chart = workbook_add_chart (w->x.wb, LXW_CHART_COLUMN);
  lxw_chart_series *declared = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  lxw_chart_series *sum = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  lxw_chart_options options = { .x_offset = 0, .y_offset = 10, .x_scale = 1.6, .y_scale = 1.3,
                                .description = "Liczba rozmów w kolejnych latach" };

  if (declared == NULL || sum == NULL)
    {
      xlsx_check (&w->x, XLSX_NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }

  chart_series_set_categories (declared, sheet, totals_header, 1, totals_header, span);
  chart_series_set_values (declared, sheet, totals_header + 1, 1, totals_header + 1, span);
  chart_series_set_name_range (declared, sheet, totals_header + 1, 0);
  chart_series_set_categories (sum, sheet, totals_header, 1, totals_header, span);
  chart_series_set_values (sum, sheet, totals_header + 2, 1, totals_header + 2, span);
  chart_series_set_name_range (sum, sheet, totals_header + 2, 0);
  chart_title_set_name (chart, "Liczba rozmów w kolejnych latach");
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_insert_chart_opt (ws, totals_header + 24, 0, chart, &options));
}

static void
write_comparison_sheet (Writer              *w,
                        const RocznikReport *report)
{
  const char *sheet = "Porównanie";
  lxw_worksheet *ws = xlsx_add_sheet (&w->x, sheet);
  GArray *topic_years = report->topic_years;
  GPtrArray *years = report->years;
  const RocznikYear *first_year = g_ptr_array_index (years, 0);
  const RocznikYear *last_year = g_ptr_array_index (years, years->len - 1);
  int span = last_year->year - first_year->year + 1;
  lxw_row_t totals_header;
  double name_width = xlsx_text_width ("Liczba rozmów ogółem (deklarowana)");

  if (ws == NULL)
    return;
  xlsx_write_text (&w->x, ws, 0, 0, "Porównanie lat", w->x.title);
  xlsx_write_text (&w->x, ws, 1, 0, "Puste pole: brak danych za dany rok (nie zero).", w->note);

  totals_header = write_topic_rows (w, ws, report, &name_width) + 2;
  write_totals_rows (w, ws, report, totals_header, span);

  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (name_width, NAME_WIDTH_MAX), NULL));
  xlsx_check (&w->x, XLSX_NO_CELL, 0, worksheet_set_column (ws, 1, MAX (span, (int) topic_years->len), 11, NULL));
  worksheet_freeze_panes (ws, TABLE_FIRST_ROW + 1, 1);
  worksheet_fit_to_pages (ws, 1, 0);

  if (report->series->len > 0 && topic_years->len > 0
      && !add_topics_chart (w, ws, sheet, report, totals_header))
    return;
  add_totals_chart (w, ws, sheet, totals_header, span);
}

/* Builds the workbook at @file, libxlsxwriter's own temporary files in @dir. */
static gboolean
build_workbook (const RocznikReportContent *content,
                const char                 *file,
                const char                 *dir,
                const char                 *path,
                GCancellable               *cancellable,
                GError                    **error)
{
  const RocznikReport *report = content->data;
  char *title = content->title;
  char *subject = content->subject;
  GArray *topic_years = report->topic_years;
  /* Constant memory: each row goes to the sheet's file once it is done,
   * instead of a tree of cells (3 000 topics × 30 years: 540 000 cells)
   * kept until the end; rows must come in order, strings are inline. */
  lxw_workbook_options wb_options = { .constant_memory = LXW_TRUE, .tmpdir = (char *) dir };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *wb;
  lxw_error err;
  Writer w = { 0 };
  gboolean ok = FALSE;

  wb = workbook_new_opt (file, &wb_options);
  if (wb == NULL)
    {
      rocznik_file_set_error (error, path, errno ? errno : ENOMEM);
      return FALSE;
    }
  writer_init (&w, wb);

  properties.title = title;
  properties.subject = subject;
  properties.author = (char *) report->organisation;
  properties.company = (char *) report->organisation;
  properties.keywords = "raport roczny, tematy rozmów, call center";
  properties.comments = "Utworzono w programie Rocznik.";
  properties.created = (time_t) g_date_time_to_unix (report->now);
  xlsx_check (&w.x, XLSX_NO_CELL, 0, workbook_set_properties (wb, &properties));

  write_year_sheet (&w, report, report->year, report->table, report->compare != NULL);
  for (guint i = topic_years->len; i > 0 && w.x.err == LXW_NO_ERROR; i--)
    {
      int year = g_array_index (topic_years, int, i - 1);
      int previous = i > 1 ? g_array_index (topic_years, int, i - 2) : 0;
      g_autoptr(RocznikTable) table = NULL;

      if (year == report->year->year)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;
      table = rocznik_table_new (report->years, year, previous, error);
      if (table == NULL)
        goto out;
      write_year_sheet (&w, report, rocznik_years_find (report->years, year), table, previous != 0);
    }
  if (w.x.err == LXW_NO_ERROR)
    write_comparison_sheet (&w, report);
  if (w.x.err == LXW_NO_ERROR)
    rocznik_report_xlsx_calls (&w.x, content);

  if (w.x.err != LXW_NO_ERROR)
    xlsx_writer_error (&w.x, path, error);
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = TRUE;

out:
  errno = 0;
  err = workbook_close (wb);
  if (ok && err != LXW_NO_ERROR)
    {
      if (errno != 0)
        rocznik_file_set_error (error, path, errno);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("Cannot save %s: %s"), path, lxw_strerror (err));
      ok = FALSE;
    }
  xlsx_writer_clear (&w.x);
  return ok;
}

/* libxlsxwriter writes by file name: it writes into a folder of our own
 * (mode 0700, nobody can plant a link there), and the result is copied
 * into @out, the file created exclusively beside the target. */
gboolean
rocznik_report_xlsx_render (const RocznikReportContent *content,
                            RocznikFile                *out,
                            const char                 *path,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rocznik-xlsx-XXXXXX", &local);
  g_autofree char *file = NULL;
  gboolean ok;

  if (dir == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("Cannot save %s: %s"), path, local->message);
      return FALSE;
    }
  file = g_build_filename (dir, "r.xlsx", NULL);
  ok = build_workbook (content, file, dir, path, cancellable, error)
       && rocznik_file_copy_from (out, file, error);
  g_unlink (file);
  g_rmdir (dir);
  return ok;
}
