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
#include "rocznik-report-xlsx-calls.h"

#define TABLE_FIRST_ROW 3   /* the header; topics start below it */
#define NAME_WIDTH_MAX  90
#define CHART_TOPICS    20  /* a year's chart: the largest topics, then "pozostałe" */
#define NO_CELL         ((lxw_row_t) -1)

typedef struct
{
  lxw_workbook *wb;
  lxw_format *title;
  lxw_format *note;
  lxw_format *paragraph;
  lxw_format *header;
  lxw_format *header_number;
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
  const char *sheet;       /* the sheet being written */
  /* the first failure of libxlsxwriter: what, and where */
  lxw_error err;
  char *err_sheet;
  lxw_row_t err_row;
  lxw_col_t err_col;
} Writer;

static lxw_format *
add_format (lxw_workbook *wb,
            gboolean      bold,
            gboolean      top_border,
            const char   *num_format)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, "Calibri");
  if (bold)
    format_set_bold (f);
  if (top_border)
    format_set_top (f, LXW_BORDER_THIN);
  /* Index 3 is Excel's built-in "#,##0": shown as "70 055" in Polish Excel. */
  if (g_strcmp0 (num_format, "#,##0") == 0)
    format_set_num_format_index (f, 3);
  else if (num_format)
    format_set_num_format (f, num_format);
  return f;
}

static void
writer_init (Writer       *w,
             lxw_workbook *wb)
{
  const char *pct = "0.0%";
  const char *signed_count = "+#,##0;-#,##0;0";
  const char *signed_pct = "+0.0%;-0.0%;0.0%";

  w->wb = wb;
  w->title = add_format (wb, TRUE, FALSE, NULL);
  format_set_font_size (w->title, 14);
  w->note = add_format (wb, FALSE, FALSE, NULL);
  format_set_italic (w->note);
  /* Notes wrap inside the name column instead of running under the chart. */
  w->paragraph = add_format (wb, FALSE, FALSE, NULL);
  format_set_text_wrap (w->paragraph);
  format_set_align (w->paragraph, LXW_ALIGN_VERTICAL_TOP);
  w->header = add_format (wb, TRUE, FALSE, NULL);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  format_set_bg_color (w->header, 0xE8EEF4);
  w->header_number = add_format (wb, TRUE, FALSE, NULL);
  format_set_bottom (w->header_number, LXW_BORDER_THIN);
  format_set_bg_color (w->header_number, 0xE8EEF4);
  format_set_align (w->header_number, LXW_ALIGN_RIGHT);
  w->count = add_format (wb, FALSE, FALSE, "#,##0");
  w->share = add_format (wb, FALSE, FALSE, pct);
  w->change = add_format (wb, FALSE, FALSE, signed_count);
  w->change_share = add_format (wb, FALSE, FALSE, signed_pct);
  w->total_name = add_format (wb, TRUE, TRUE, NULL);
  w->total_count = add_format (wb, TRUE, TRUE, "#,##0");
  w->total_share = add_format (wb, TRUE, TRUE, pct);
  w->total_change = add_format (wb, TRUE, TRUE, signed_count);
  w->total_change_share = add_format (wb, TRUE, TRUE, signed_pct);
  w->aside_name = add_format (wb, FALSE, FALSE, NULL);
  format_set_italic (w->aside_name);
  w->aside_count = add_format (wb, FALSE, FALSE, "#,##0");
  format_set_italic (w->aside_count);
}

static char *
cell (lxw_row_t row,
      lxw_col_t col)
{
  char buf[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (buf, row, col);
  return g_strdup (buf);
}

static char *
column_sum (lxw_row_t first,
            lxw_row_t last,
            lxw_col_t col)
{
  g_autofree char *a = cell (first, col);
  g_autofree char *b = cell (last, col);

  return g_strdup_printf ("=SUM(%s:%s)", a, b);
}

/* Keeps the first error of a libxlsxwriter call, so none passes unseen
 * (a cell too long for Excel would otherwise just be left out). */
static void
check (Writer   *w,
       lxw_row_t row,
       lxw_col_t col,
       lxw_error err)
{
  if (err == LXW_NO_ERROR || w->err != LXW_NO_ERROR)
    return;
  w->err = err;
  w->err_sheet = g_strdup (w->sheet);
  w->err_row = row;
  w->err_col = col;
}

static void
put_number (Writer        *w,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value,
            lxw_format    *format)
{
  check (w, row, col, worksheet_write_number (ws, row, col, value, format));
}

static void
put_formula (Writer        *w,
             lxw_worksheet *ws,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *formula,
             lxw_format    *format,
             double         value)
{
  check (w, row, col, worksheet_write_formula_num (ws, row, col, formula, format, value));
}

static void
put_blank (Writer        *w,
           lxw_worksheet *ws,
           lxw_row_t      row,
           lxw_col_t      col,
           lxw_format    *format)
{
  check (w, row, col, worksheet_write_blank (ws, row, col, format));
}

/* Excel's column width is in characters of the default font. */
static double
text_width (const char *text)
{
  return (double) g_utf8_strlen (text, -1) + 2;
}

/* Text as written in the workbook: never a formula, and with plain spaces
 * (the report text's U+00A0 glue is for laid-out pages), so a topic has one
 * spelling on every sheet and in CSV, and VLOOKUP across sheets finds it. */
static void
write_text (Writer        *w,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *plain = rocznik_collapse_spaces (text ? text : "");

  check (w, row, col, worksheet_write_string (ws, row, col, plain, format));
}

static void
write_change (Writer           *w,
              lxw_worksheet    *ws,
              lxw_row_t         row,
              const RocznikRow *r,
              gboolean          total)
{
  g_autofree char *now = cell (row, 1);
  g_autofree char *then = cell (row, 3);
  g_autofree char *change = g_strdup_printf ("=%s-%s", now, then);
  g_autofree char *percent = g_strdup_printf ("=IF(%s>0,(%s-%s)/%s,\"\")", then, now, then, then);

  put_formula (w, ws, row, 4, change,
                               total ? w->total_change : w->change, (double) r->change);
  if (r->has_change_percent)
    put_formula (w, ws, row, 5, percent,
                                 total ? w->total_change_share : w->change_share,
                                 r->change_percent / 100.0);
  else
    put_blank (w, ws, row, 5, total ? w->total_change_share : w->change_share);
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

      write_text (w, ws, row, data_col, r->name, NULL);
      put_number (w, ws, row, data_col + 1, (double) r->count, NULL);
    }
  else if (i == shown)
    {
      g_autofree char *others = rocznik_format_others (table->rows->len - shown);
      g_autofree char *sum = column_sum (first + shown, last, 1);

      write_text (w, ws, row, data_col, others, NULL);
      put_formula (w, ws, row, data_col + 1, sum, NULL, (double) rest);
    }
}

static void
add_year_chart (Writer             *w,
                lxw_worksheet      *ws,
                const char         *sheet,
                const RocznikTable *table,
                lxw_col_t           at_col)
{
  lxw_chart *chart;
  lxw_chart_series *series;
  guint n_bars = MIN (table->rows->len, CHART_TOPICS);
  lxw_chart_options options = { .x_offset = 10, .y_offset = 0, .x_scale = 1.6,
                                .y_scale = 1.0 + n_bars / 8.0 };
  g_autofree char *title = g_strdup_printf ("Tematy rozmów w %d r.", table->year);
  lxw_chart_fill fill = { .color = 0x2F6DB5 };
  lxw_chart_font font = { .name = "Calibri", .size = 9 };
  lxw_row_t first = TABLE_FIRST_ROW + 1, last = TABLE_FIRST_ROW + table->rows->len;
  lxw_col_t data_col = chart_data_col (table, at_col);

  if (table->rows->len == 0)
    return;
  if (data_col)
    {
      lxw_row_col_options hidden = { .hidden = LXW_TRUE };

      check (w, NO_CELL, data_col, worksheet_set_column_opt (ws, data_col, data_col + 1, 12, NULL, &hidden));
      last = first + CHART_TOPICS - 1;
    }
  chart = workbook_add_chart (w->wb, LXW_CHART_BAR);
  series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  if (series == NULL)
    {
      check (w, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  if (data_col)
    chart_show_hidden_data (chart);
  chart_series_set_categories (series, sheet, first, data_col, last, data_col);
  chart_series_set_values (series, sheet, first, data_col + 1, last, data_col + 1);
  chart_series_set_name (series, "Liczba rozmów");
  chart_series_set_fill (series, &fill);
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "#,##0");
  chart_series_set_labels_font (series, &font);
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* The largest topic on top, as in the table. */
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_axis_set_num_format (chart->x_axis, "#,##0");
  chart_axis_set_num_font (chart->x_axis, &font);
  options.description = title;
  check (w, NO_CELL, 0, worksheet_insert_chart_opt (ws, TABLE_FIRST_ROW, at_col, chart, &options));
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

      write_text (w, ws, row, 0, label, w->aside_name);
      worksheet_write_number (ws, row, 1, (double) r->count, w->aside_count);
      worksheet_write_number (ws, row, 3, (double) r->other_count, w->aside_count);
      write_change (w, ws, row, r, FALSE);
      *name_width = MAX (*name_width, text_width (label));
      row++;
    }
  if (note)
    write_text (w, ws, row++, 0, note, w->note);
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

  write_text (w, ws, 0, 0, title, w->title);
  write_text (w, ws, 1, 0, "Tematy według liczby rozmów; udział w sumie rozmów z przypisanym tematem.", w->note);

  write_text (w, ws, TABLE_FIRST_ROW, 0, "Temat", w->header);
  write_text (w, ws, TABLE_FIRST_ROW, 1, count_header, w->header_number);
  write_text (w, ws, TABLE_FIRST_ROW, 2, "Udział", w->header_number);
  if (other_header)
    {
      write_text (w, ws, TABLE_FIRST_ROW, 3, other_header, w->header_number);
      write_text (w, ws, TABLE_FIRST_ROW, 4, "Zmiana", w->header_number);
      write_text (w, ws, TABLE_FIRST_ROW, 5, "Zmiana (%)", w->header_number);
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
      g_autofree char *count = cell (row, 1);
      /* B$22: the sum's row stays put when a user copies the formula. */
      g_autofree char *share = g_strdup_printf ("=%s/B$%u", count, (unsigned) sum_row + 1);

      write_text (w, ws, row, 0, r->name, NULL);
      put_number (w, ws, row, 1, (double) r->count, w->count);
      put_formula (w, ws, row, 2, share, w->share, r->share / 100.0);
      *name_width = MAX (*name_width, text_width (r->name));
      if (compare && r->other_year)
        {
          put_number (w, ws, row, 3, (double) r->other_count, w->count);
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

  write_text (w, ws, sum_row, 0, "Suma tematów", w->total_name);
  if (table->rows->len > 0)
    {
      g_autofree char *sum = column_sum (first, sum_row - 1, 1);
      g_autofree char *shares = column_sum (first, sum_row - 1, 2);

      put_formula (w, ws, sum_row, 1, sum, w->total_count, (double) table->sum);
      put_formula (w, ws, sum_row, 2, shares, w->total_share, 1.0);
    }
  else
    {
      put_number (w, ws, sum_row, 1, 0, w->total_count);
      put_blank (w, ws, sum_row, 2, w->total_share);
    }
  if (compare)
    {
      if (table->total->other_year && table->rows->len > 0)
        {
          g_autofree char *sum = column_sum (first, sum_row - 1, 3);

          put_formula (w, ws, sum_row, 3, sum, w->total_count, (double) table->total->other_count);
          write_change (w, ws, sum_row, table->total, TRUE);
        }
      else
        for (lxw_col_t c = 3; c <= 5; c++)
          put_blank (w, ws, sum_row, c, w->total_name);
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
  g_autofree char *declared_cell = cell (sum_row + 2, 1);
  g_autofree char *sum_cell = cell (sum_row, 1);
  g_autofree char *remainder = g_strdup_printf ("=%s-%s", declared_cell, sum_cell);
  g_autofree char *declared_short = rocznik_format_short (table->declared_total, table->declared_more_than);
  g_autofree char *declared_label = g_strdup_printf ("Liczba rozmów ogółem (deklarowana: %s)", declared_short);
  const char *remainder_label = table->declared_more_than
    ? "Rozmowy bez przypisanego tematu (co najmniej; ogółem minus suma tematów)"
    : "Rozmowy bez przypisanego tematu (ogółem minus suma tematów)";

  write_text (w, ws, sum_row + 1, 0, remainder_label, w->aside_name);
  put_formula (w, ws, sum_row + 1, 1, remainder, w->aside_count,
                               (double) table->remainder->count);
  write_text (w, ws, sum_row + 2, 0, declared_label, w->aside_name);
  put_number (w, ws, sum_row + 2, 1, (double) table->declared_total, w->aside_count);
  *name_width = MAX (*name_width, text_width (remainder_label));
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
  write_text (w, ws, row++, 0, "Uwagi", w->total_name);
  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]))
      write_text (w, ws, row++, 0, paragraphs[i], w->paragraph);
}

/* Column widths, panes and printing: none of them writes a row. */
static void
set_year_layout (Writer        *w,
                 lxw_worksheet *ws,
                 double         name_width,
                 const char    *count_header,
                 const char    *other_header)
{
  check (w, NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (name_width, NAME_WIDTH_MAX), NULL));
  check (w, NO_CELL, 0, worksheet_set_column (ws, 1, 1, MAX (text_width (count_header), 12), NULL));
  check (w, NO_CELL, 0, worksheet_set_column (ws, 2, 2, 10, NULL));
  if (other_header)
    {
      check (w, NO_CELL, 0, worksheet_set_column (ws, 3, 3, MAX (text_width (other_header), 12), NULL));
      check (w, NO_CELL, 0, worksheet_set_column (ws, 4, 5, 12, NULL));
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
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, name);
  g_autofree char *count_header = g_strdup_printf ("Liczba rozmów %d", y->year);
  g_autofree char *other_header = compare ? g_strdup_printf ("Liczba rozmów %d", table->compare_year) : NULL;
  lxw_col_t last_col = compare ? 5 : 2;
  lxw_row_t sum_row = TABLE_FIRST_ROW + 1 + table->rows->len;
  lxw_row_t next_row;
  double name_width = text_width ("Suma tematów (rozmowy z przypisanym tematem)");
  lxw_col_t data_col = chart_data_col (table, last_col + 2);

  w->sheet = name;
  if (ws == NULL)
    {
      check (w, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  worksheet_set_paper (ws, 9); /* A4 */
  write_year_header (w, ws, report, y, count_header, other_header);

  /* Before the rows: in constant memory, a range above the row being
   * written counts as out of range. */
  check (w, NO_CELL, 0, worksheet_autofilter (ws, TABLE_FIRST_ROW, 0, MAX (sum_row - 1, TABLE_FIRST_ROW), last_col));
  check (w, NO_CELL, 0, worksheet_repeat_rows (ws, TABLE_FIRST_ROW, TABLE_FIRST_ROW));
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

  write_text (w, ws, row, 0, "Temat", w->header);
  for (guint c = 0; c < topic_years->len; c++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (topic_years, int, c));
      write_text (w, ws, row, 1 + c, label, w->header_number);
    }
  for (guint s = 0; s < report->series->len; s++)
    {
      const RocznikReportSeries *series = g_ptr_array_index (report->series, s);

      row++;
      write_text (w, ws, row, 0, series->name, NULL);
      *name_width = MAX (*name_width, text_width (series->name));
      for (guint c = 0; c < topic_years->len; c++)
        for (guint i = 0; i < years->len; i++)
          {
            const RocznikYear *y = g_ptr_array_index (years, i);

            if (y->year == g_array_index (topic_years, int, c) && series->counts[i] >= 0)
              put_number (w, ws, row, 1 + c, (double) series->counts[i], w->count);
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

  write_text (w, ws, row, 0, "Rok", w->header);
  for (int c = 0; c < span; c++)
    {
      g_autofree char *label = g_strdup_printf ("%d", first_year->year + c);
      write_text (w, ws, row, 1 + c, label, w->header_number);
    }
  /* A row at a time: the workbook is written in constant memory. */
  write_text (w, ws, row + 1, 0, "Liczba rozmów ogółem (deklarowana)", NULL);
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (y->declared_total != ROCZNIK_NO_TOTAL)
        put_number (w, ws, row + 1, 1 + y->year - first_year->year, (double) y->declared_total, w->count);
    }
  write_text (w, ws, row + 2, 0, "Suma tematów", NULL);
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (y->topics->len > 0)
        put_number (w, ws, row + 2, 1 + y->year - first_year->year, (double) rocznik_year_topic_sum (y), w->count);
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
  lxw_chart *chart = workbook_add_chart (w->wb, LXW_CHART_COLUMN);
  lxw_chart_options options = { .x_offset = 0, .y_offset = 10, .x_scale = 1.6, .y_scale = 1.3,
                                .description = "Porównanie wybranych tematów w latach" };

  for (guint c = 0; chart && c < topic_years->len; c++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        {
          check (w, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return FALSE;
        }

      chart_series_set_categories (series, sheet, TABLE_FIRST_ROW + 1, 0, TABLE_FIRST_ROW + n_series, 0);
      chart_series_set_values (series, sheet, TABLE_FIRST_ROW + 1, 1 + c, TABLE_FIRST_ROW + n_series, 1 + c);
      chart_series_set_name_range (series, sheet, TABLE_FIRST_ROW, 1 + c);
    }
  chart_title_set_name (chart, "Porównanie wybranych tematów w latach");
  chart_axis_set_num_format (chart->y_axis, "#,##0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  check (w, NO_CELL, 0, worksheet_insert_chart_opt (ws, totals_header + 4, 0, chart, &options));
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
  lxw_chart *chart = workbook_add_chart (w->wb, LXW_CHART_COLUMN);
  lxw_chart_series *declared = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  lxw_chart_series *sum = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  lxw_chart_options options = { .x_offset = 0, .y_offset = 10, .x_scale = 1.6, .y_scale = 1.3,
                                .description = "Liczba rozmów w kolejnych latach" };

  if (declared == NULL || sum == NULL)
    {
      check (w, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
  check (w, NO_CELL, 0, worksheet_insert_chart_opt (ws, totals_header + 24, 0, chart, &options));
}

static void
write_comparison_sheet (Writer              *w,
                        const RocznikReport *report)
{
  const char *sheet = "Porównanie";
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, sheet);
  GArray *topic_years = report->topic_years;
  GPtrArray *years = report->years;
  const RocznikYear *first_year = g_ptr_array_index (years, 0);
  const RocznikYear *last_year = g_ptr_array_index (years, years->len - 1);
  int span = last_year->year - first_year->year + 1;
  lxw_row_t totals_header;
  double name_width = text_width ("Liczba rozmów ogółem (deklarowana)");

  w->sheet = sheet;
  if (ws == NULL)
    {
      check (w, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  worksheet_set_paper (ws, 9);
  write_text (w, ws, 0, 0, "Porównanie lat", w->title);
  write_text (w, ws, 1, 0, "Puste pole: brak danych za dany rok (nie zero).", w->note);

  totals_header = write_topic_rows (w, ws, report, &name_width) + 2;
  write_totals_rows (w, ws, report, totals_header, span);

  check (w, NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (name_width, NAME_WIDTH_MAX), NULL));
  check (w, NO_CELL, 0, worksheet_set_column (ws, 1, MAX (span, (int) topic_years->len), 11, NULL));
  worksheet_freeze_panes (ws, TABLE_FIRST_ROW + 1, 1);
  worksheet_fit_to_pages (ws, 1, 0);

  if (report->series->len > 0 && topic_years->len > 0
      && !add_topics_chart (w, ws, sheet, report, totals_header))
    return;
  add_totals_chart (w, ws, sheet, totals_header, span);
}

/* The workbook's first failure, said where it happened. */
static void
set_writer_error (const Writer *w,
                  const char   *path,
                  GError      **error)
{
  char cell_name[LXW_MAX_CELL_NAME_LENGTH] = "";

  if (w->err_row != NO_CELL)
    lxw_rowcol_to_cell (cell_name, w->err_row, w->err_col);
  if (w->err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("Cannot save %s: the text of the cell %s on the sheet „%s” is longer than Excel allows in a cell (32 767 characters); shorten that text and export again"),
                 path, cell_name, w->err_sheet);
  else if (w->err_row != NO_CELL)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: the cell %s on the sheet „%s” cannot be written: %s"),
                 path, cell_name, w->err_sheet, lxw_strerror (w->err));
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: the sheet „%s” cannot be written: %s"),
                 path, w->err_sheet ? w->err_sheet : "", lxw_strerror (w->err));
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
  check (&w, NO_CELL, 0, workbook_set_properties (wb, &properties));

  write_year_sheet (&w, report, report->year, report->table, report->compare != NULL);
  for (guint i = topic_years->len; i > 0 && w.err == LXW_NO_ERROR; i--)
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
  if (w.err == LXW_NO_ERROR)
    write_comparison_sheet (&w, report);
  if (w.err == LXW_NO_ERROR)
    w.err = rocznik_report_xlsx_calls (wb, content, &w.err_sheet, &w.err_row, &w.err_col);

  if (w.err != LXW_NO_ERROR)
    set_writer_error (&w, path, error);
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
  g_free (w.err_sheet);
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
