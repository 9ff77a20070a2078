/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-xlsx-calls.c — the workbook's sheets on when and how residents call
 *
 * One sheet per part of the report's calls section (months, weekdays and
 * hours, channels, handling time): its sentences, its table with counts
 * as numbers, shares and totals as live formulas with cached results,
 * times as Excel durations, a month without records an empty cell (never
 * a zero), and a native chart beside the table.
 */

#include "config.h"

#include "rocznik-format.h"
#include "rocznik-report-xlsx-calls.h"

#define NO_CELL ((lxw_row_t) -1)

typedef struct
{
  lxw_workbook *wb;
  lxw_format   *title;
  lxw_format   *text;
  lxw_format   *header;
  lxw_format   *header_number;
  lxw_format   *formats[2][5];   /* [total][RocznikReportCellKind] */
  const char   *sheet;
  lxw_error     err;
  char        **err_sheet;
  lxw_row_t    *err_row;
  lxw_col_t    *err_col;
} Calls;

static lxw_format *
add_format (lxw_workbook *wb,
            gboolean      total,
            const char   *num_format)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, "Calibri");
  if (total)
    {
      format_set_bold (f);
      format_set_top (f, LXW_BORDER_THIN);
    }
  /* Index 3 is Excel's built-in "#,##0": "70 055" in Polish Excel. */
  if (g_strcmp0 (num_format, "#,##0") == 0)
    format_set_num_format_index (f, 3);
  else if (num_format)
    format_set_num_format (f, num_format);
  return f;
}

static void
calls_init (Calls        *c,
            lxw_workbook *wb)
{
  static const char *const numbers[] = { NULL, "#,##0", "0.0%", "[h]:mm:ss", NULL };

  c->wb = wb;
  c->title = add_format (wb, FALSE, NULL);
  format_set_bold (c->title);
  format_set_font_size (c->title, 14);
  c->text = add_format (wb, FALSE, NULL);
  c->header = add_format (wb, FALSE, NULL);
  format_set_bold (c->header);
  format_set_bottom (c->header, LXW_BORDER_THIN);
  format_set_bg_color (c->header, 0xE8EEF4);
  c->header_number = add_format (wb, FALSE, NULL);
  format_set_bold (c->header_number);
  format_set_bottom (c->header_number, LXW_BORDER_THIN);
  format_set_bg_color (c->header_number, 0xE8EEF4);
  format_set_align (c->header_number, LXW_ALIGN_RIGHT);
  for (int total = 0; total < 2; total++)
    for (int kind = 0; kind < 5; kind++)
      c->formats[total][kind] = add_format (wb, total, numbers[kind]);
}

/* Keeps the first failure, and where it happened. */
static void
check (Calls    *c,
       lxw_row_t row,
       lxw_col_t col,
       lxw_error err)
{
  if (err == LXW_NO_ERROR || c->err != LXW_NO_ERROR)
    return;
  c->err = err;
  *c->err_sheet = g_strdup (c->sheet);
  *c->err_row = row;
  *c->err_col = col;
}

static char *
cell_name (lxw_row_t row,
           lxw_col_t col,
           gboolean  fixed_row)
{
  char buf[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (buf, row, col);
  if (!fixed_row)
    return g_strdup (buf);
  /* "B17" → "B$17": the total's row stays put when the formula is copied. */
  for (char *p = buf; *p; p++)
    if (g_ascii_isdigit (*p))
      return g_strdup_printf ("%.*s$%s", (int) (p - buf), buf, p);
  return g_strdup (buf);
}

/* Plain spaces in cells: the U+00A0 glue is for laid-out pages. */
static void
put_text (Calls         *c,
          lxw_worksheet *ws,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *plain = rocznik_collapse_spaces (text ? text : "");

  check (c, row, col, worksheet_write_string (ws, row, col, plain, format));
}

/* A cell of the table: numbers as numbers, a share as a formula of the
 * count beside it over the total's, a count of the total row as a sum. */
static void
put_cell (Calls                         *c,
          lxw_worksheet                 *ws,
          const RocznikReportCallsTable *t,
          const RocznikReportCell       *cell,
          lxw_row_t                      row,
          lxw_col_t                      col,
          lxw_row_t                      first,
          lxw_row_t                      total_row,
          gboolean                       total)
{
  lxw_format *format = c->formats[total][cell->kind];
  g_autofree char *formula = NULL;

  switch (cell->kind)
    {
    case ROCZNIK_REPORT_CELL_TEXT:
      put_text (c, ws, row, col, cell->text, format);
      return;
    case ROCZNIK_REPORT_CELL_GAP:
      check (c, row, col, worksheet_write_blank (ws, row, col, format));
      return;
    case ROCZNIK_REPORT_CELL_COUNT:
      if (total && t->rows->len > 0)
        {
          g_autofree char *a = cell_name (first, col, FALSE);
          g_autofree char *b = cell_name (total_row - 1, col, FALSE);

          formula = g_strdup_printf ("=SUM(%s:%s)", a, b);
        }
      break;
    case ROCZNIK_REPORT_CELL_SHARE:
      {
        g_autofree char *count = cell_name (row, col - 1, FALSE);
        g_autofree char *whole = cell_name (total_row, col - 1, TRUE);

        formula = g_strdup_printf ("=%s/%s", count, whole);
      }
      break;
    case ROCZNIK_REPORT_CELL_SECONDS:
      /* Excel counts time in days. */
      check (c, row, col, worksheet_write_number (ws, row, col, cell->value / 86400.0, format));
      return;
    }
  if (formula)
    check (c, row, col, worksheet_write_formula_num (ws, row, col, formula, format, cell->value));
  else
    check (c, row, col, worksheet_write_number (ws, row, col, cell->value, format));
}

/* A native chart of @t's column @col over its rows (categories: column A). */
static void
add_chart (Calls                         *c,
           lxw_worksheet                 *ws,
           const RocznikReportCallsTable *t,
           lxw_chart_type                 type,
           lxw_row_t                      first,
           lxw_row_t                      last,
           lxw_col_t                      col,
           lxw_row_t                      at_row,
           const char                    *title)
{
  lxw_chart *chart = workbook_add_chart (c->wb, type);
  lxw_chart_series *series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  lxw_chart_fill fill = { .color = 0x2F6DB5 };
  lxw_chart_font font = { .name = "Calibri", .size = 9 };
  g_autofree char *plain = rocznik_collapse_spaces (title);
  lxw_chart_options options = { .x_offset = 10, .y_offset = 0, .x_scale = 1.4,
                                .y_scale = type == LXW_CHART_BAR ? 1.0 + (last - first + 1) / 10.0 : 1.2,
                                .description = plain };
  const char *num_format = t->kind == ROCZNIK_REPORT_CALLS_DURATION ? "[m]:ss" : "#,##0";

  if (series == NULL)
    {
      check (c, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  chart_series_set_categories (series, c->sheet, first, 0, last, 0);
  chart_series_set_values (series, c->sheet, first, col, last, col);
  chart_series_set_name_range (series, c->sheet, first - 1, col);
  chart_series_set_fill (series, &fill);
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, num_format);
  chart_series_set_labels_font (series, &font);
  chart_title_set_name (chart, plain);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* A month without records is a gap in the columns, never a zero. */
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  if (type == LXW_CHART_BAR)
    {
      chart_axis_set_reverse (chart->y_axis);   /* the first row on top, as in the table */
      chart_axis_set_num_format (chart->x_axis, num_format);
    }
  else
    chart_axis_set_num_format (chart->y_axis, num_format);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  check (c, NO_CELL, 0, worksheet_insert_chart_opt (ws, at_row, t->n_columns + 1, chart, &options));
}

static void
write_sheet (Calls                         *c,
             const RocznikReportCallsTable *t)
{
  lxw_worksheet *ws = workbook_add_worksheet (c->wb, t->sheet);
  lxw_row_t row = 0, header, first, total_row;
  double label_width = 12;

  c->sheet = t->sheet;
  if (ws == NULL)
    {
      check (c, NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  worksheet_set_paper (ws, 9); /* A4 */
  put_text (c, ws, row++, 0, t->caption, c->title);
  for (guint i = 0; t->sentences[i]; i++)
    put_text (c, ws, row++, 0, t->sentences[i], c->text);
  header = ++row;
  for (guint col = 0; col < t->n_columns; col++)
    put_text (c, ws, header, col, t->columns[col], col ? c->header_number : c->header);
  first = header + 1;
  total_row = first + t->rows->len;
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RocznikReportCell *cells = g_ptr_array_index (t->rows, i);

      for (guint col = 0; col < t->n_columns; col++)
        put_cell (c, ws, t, &cells[col], first + i, col, first, total_row, FALSE);
      label_width = MAX (label_width, g_utf8_strlen (cells[0].text, -1) + 2);
    }
  if (t->total)
    {
      for (guint col = 0; col < t->n_columns; col++)
        put_cell (c, ws, t, &t->total[col], total_row, col, first, total_row, TRUE);
      label_width = MAX (label_width, g_utf8_strlen (t->total[0].text, -1) + 2);
    }

  check (c, NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (label_width, 60), NULL));
  check (c, NO_CELL, 0, worksheet_set_column (ws, 1, t->n_columns - 1, t->n_columns > 4 ? 9 : 16, NULL));
  worksheet_freeze_panes (ws, first, 1);
  worksheet_fit_to_pages (ws, 1, 0);

  switch (t->kind)
    {
    case ROCZNIK_REPORT_CALLS_MONTHS:
      add_chart (c, ws, t, LXW_CHART_COLUMN, first, total_row - 1, 1, header, t->caption);
      break;
    case ROCZNIK_REPORT_CALLS_HOURS:
      add_chart (c, ws, t, LXW_CHART_COLUMN, first, total_row - 1, t->n_columns - 1, header,
                 "Zgłoszenia według godziny (wszystkie dni)");
      break;
    case ROCZNIK_REPORT_CALLS_CHANNELS:
      add_chart (c, ws, t, LXW_CHART_BAR, first, total_row - 1, 1, header, t->caption);
      break;
    case ROCZNIK_REPORT_CALLS_DURATION:
      add_chart (c, ws, t, LXW_CHART_BAR, first, total_row - 1, 2, header, "Średni czas obsługi według tematu");
      break;
    }
}

lxw_error
rocznik_report_xlsx_calls (lxw_workbook               *wb,
                           const RocznikReportContent *content,
                           char                      **err_sheet,
                           lxw_row_t                  *err_row,
                           lxw_col_t                  *err_col)
{
  Calls c = { .err_sheet = err_sheet, .err_row = err_row, .err_col = err_col };

  g_return_val_if_fail (wb != NULL, LXW_ERROR_NULL_PARAMETER_IGNORED);
  g_return_val_if_fail (content != NULL, LXW_ERROR_NULL_PARAMETER_IGNORED);

  if (content->calls == NULL)
    return LXW_NO_ERROR;
  calls_init (&c, wb);
  for (guint i = 0; i < content->calls->tables->len && c.err == LXW_NO_ERROR; i++)
    write_sheet (&c, g_ptr_array_index (content->calls->tables, i));
  return c.err;
}
