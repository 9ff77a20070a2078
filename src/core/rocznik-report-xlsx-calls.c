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
#include "rocznik-report-xlsx-private.h"

typedef struct
{
  XlsxWriter *w;
  lxw_format *text;
  lxw_format *formats[2][5];   /* [total][RocznikReportCellKind] */
} Calls;

static void
calls_init (Calls      *c,
            XlsxWriter *w)
{
  static const char *const numbers[] = { NULL, "#,##0", "0.0%", "[h]:mm:ss", NULL };

  c->w = w;
  c->text = xlsx_add_format (w->wb, FALSE, FALSE, NULL);
  for (int total = 0; total < 2; total++)
    for (int kind = 0; kind < 5; kind++)
      c->formats[total][kind] = xlsx_add_format (w->wb, total, total, numbers[kind]);
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
      xlsx_write_text (c->w, ws, row, col, cell->text, format);
      return;
    case ROCZNIK_REPORT_CELL_GAP:
      xlsx_write_blank (c->w, ws, row, col, format);
      return;
    case ROCZNIK_REPORT_CELL_COUNT:
      if (total && t->rows->len > 0)
        {
          g_autofree char *a = xlsx_cell_name (first, col, FALSE);
          g_autofree char *b = xlsx_cell_name (total_row - 1, col, FALSE);

          formula = g_strdup_printf ("=SUM(%s:%s)", a, b);
        }
      break;
    case ROCZNIK_REPORT_CELL_SHARE:
      {
        g_autofree char *count = xlsx_cell_name (row, col - 1, FALSE);
        g_autofree char *whole = xlsx_cell_name (total_row, col - 1, TRUE);

        formula = g_strdup_printf ("=%s/%s", count, whole);
      }
      break;
    case ROCZNIK_REPORT_CELL_SECONDS:
      /* Excel counts time in days. */
      xlsx_write_number (c->w, ws, row, col, cell->value / 86400.0, format);
      return;
    }
  if (formula)
    xlsx_write_formula (c->w, ws, row, col, formula, format, cell->value);
  else
    xlsx_write_number (c->w, ws, row, col, cell->value, format);
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
  g_autofree char *plain = rocznik_collapse_spaces (title);
  lxw_chart_options options = { .x_offset = 10, .y_offset = 0, .x_scale = 1.4,
                                .y_scale = type == LXW_CHART_BAR ? 1.0 + (last - first + 1) / 10.0 : 1.2,
                                .description = plain };
  const char *num_format = t->kind == ROCZNIK_REPORT_CALLS_DURATION ? "[m]:ss" : "#,##0";
  const char *sheet = c->w->sheet;
  lxw_chart_series *series;
  lxw_chart *chart = xlsx_add_chart (c->w, type, plain, num_format, &series);

  if (chart == NULL)
    return;
  chart_series_set_categories (series, sheet, first, 0, last, 0);
  chart_series_set_values (series, sheet, first, col, last, col);
  chart_series_set_name_range (series, sheet, first - 1, col);
  xlsx_check (c->w, XLSX_NO_CELL, 0, worksheet_insert_chart_opt (ws, at_row, t->n_columns + 1, chart, &options));
}

static void
write_sheet (Calls                         *c,
             const RocznikReportCallsTable *t)
{
  XlsxWriter *w = c->w;
  lxw_worksheet *ws = xlsx_add_sheet (w, t->sheet);
  lxw_row_t row = 0, header, first, total_row;
  double label_width = 12;

  if (ws == NULL)
    return;
  xlsx_write_text (w, ws, row++, 0, t->caption, w->title);
  for (guint i = 0; t->sentences[i]; i++)
    xlsx_write_text (w, ws, row++, 0, t->sentences[i], c->text);
  header = ++row;
  for (guint col = 0; col < t->n_columns; col++)
    xlsx_write_text (w, ws, header, col, t->columns[col], col ? w->header_number : w->header);
  first = header + 1;
  total_row = first + t->rows->len;
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RocznikReportCell *cells = g_ptr_array_index (t->rows, i);

      for (guint col = 0; col < t->n_columns; col++)
        put_cell (c, ws, t, &cells[col], first + i, col, first, total_row, FALSE);
      label_width = MAX (label_width, xlsx_text_width (cells[0].text));
    }
  if (t->total)
    {
      for (guint col = 0; col < t->n_columns; col++)
        put_cell (c, ws, t, &t->total[col], total_row, col, first, total_row, TRUE);
      label_width = MAX (label_width, xlsx_text_width (t->total[0].text));
    }

  xlsx_check (w, XLSX_NO_CELL, 0, worksheet_set_column (ws, 0, 0, MIN (label_width, 60), NULL));
  xlsx_check (w, XLSX_NO_CELL, 0, worksheet_set_column (ws, 1, t->n_columns - 1, t->n_columns > 4 ? 9 : 16, NULL));
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

void
rocznik_report_xlsx_calls (XlsxWriter                 *w,
                           const RocznikReportContent *content)
{
  Calls c;

  g_return_if_fail (w != NULL);
  g_return_if_fail (content != NULL);

  if (content->calls == NULL)
    return;
  calls_init (&c, w);
  for (guint i = 0; i < content->calls->tables->len && w->err == LXW_NO_ERROR; i++)
    write_sheet (&c, g_ptr_array_index (content->calls->tables, i));
}
