/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-xlsx-write.c — the workbook's cells, formats, charts and
 * first error, for every sheet (see rocznik-report-xlsx-private.h) */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-report-xlsx-private.h"

void
xlsx_writer_init (XlsxWriter   *w,
                  lxw_workbook *wb)
{
  *w = (XlsxWriter) { .wb = wb };
  w->title = xlsx_add_format (wb, TRUE, FALSE, NULL);
  format_set_font_size (w->title, 14);
  w->header = xlsx_add_format (wb, TRUE, FALSE, NULL);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  format_set_bg_color (w->header, 0xE8EEF4);
  w->header_number = xlsx_add_format (wb, TRUE, FALSE, NULL);
  format_set_bottom (w->header_number, LXW_BORDER_THIN);
  format_set_bg_color (w->header_number, 0xE8EEF4);
  format_set_align (w->header_number, LXW_ALIGN_RIGHT);
}

void
xlsx_writer_clear (XlsxWriter *w)
{
  g_clear_pointer (&w->err_sheet, g_free);
}

/* The workbook's first failure, said where it happened. */
void
xlsx_writer_error (const XlsxWriter *w,
                   const char       *path,
                   GError          **error)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH] = "";

  if (w->err_row != XLSX_NO_CELL)
    lxw_rowcol_to_cell (cell, w->err_row, w->err_col);
  if (w->err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("Cannot save %s: the text of the cell %s on the sheet „%s” is longer than Excel allows in a cell (32 767 characters); shorten that text and export again"),
                 path, cell, w->err_sheet);
  else if (w->err_row != XLSX_NO_CELL)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: the cell %s on the sheet „%s” cannot be written: %s"),
                 path, cell, w->err_sheet, lxw_strerror (w->err));
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: the sheet „%s” cannot be written: %s"),
                 path, w->err_sheet ? w->err_sheet : "", lxw_strerror (w->err));
}

lxw_format *
xlsx_add_format (lxw_workbook *wb,
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

/* A new A4 sheet @name, now the one being written; NULL (the error kept)
 * when out of memory. */
lxw_worksheet *
xlsx_add_sheet (XlsxWriter *w,
                const char *name)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, name);

  w->sheet = name;
  if (ws == NULL)
    {
      xlsx_check (w, XLSX_NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }
  worksheet_set_paper (ws, 9);
  return ws;
}

/* Keeps the first error of a libxlsxwriter call, so none passes unseen
 * (a cell too long for Excel would otherwise just be left out). */
void
xlsx_check (XlsxWriter *w,
            lxw_row_t   row,
            lxw_col_t   col,
            lxw_error   err)
{
  if (err == LXW_NO_ERROR || w->err != LXW_NO_ERROR)
    return;
  w->err = err;
  w->err_sheet = g_strdup (w->sheet);
  w->err_row = row;
  w->err_col = col;
}

/* "B17", or with @fixed_row "B$17": the row stays put when a user copies
 * the formula. */
char *
xlsx_cell_name (lxw_row_t row,
                lxw_col_t col,
                gboolean  fixed_row)
{
  char buf[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (buf, row, col);
  if (!fixed_row)
    return g_strdup (buf);
  for (char *p = buf; *p; p++)
    if (g_ascii_isdigit (*p))
      return g_strdup_printf ("%.*s$%s", (int) (p - buf), buf, p);
  return g_strdup (buf);
}

/* Excel's column width is in characters of the default font. */
double
xlsx_text_width (const char *text)
{
  return (double) g_utf8_strlen (text, -1) + 2;
}

/* Text as written in the workbook: never a formula, and with plain spaces
 * (the report text's U+00A0 glue is for laid-out pages), so a topic has one
 * spelling on every sheet and in CSV, and VLOOKUP across sheets finds it. */
void
xlsx_write_text (XlsxWriter    *w,
                 lxw_worksheet *ws,
                 lxw_row_t      row,
                 lxw_col_t      col,
                 const char    *text,
                 lxw_format    *format)
{
  g_autofree char *plain = rocznik_collapse_spaces (text ? text : "");

  xlsx_check (w, row, col, worksheet_write_string (ws, row, col, plain, format));
}

void
xlsx_write_number (XlsxWriter    *w,
                   lxw_worksheet *ws,
                   lxw_row_t      row,
                   lxw_col_t      col,
                   double         value,
                   lxw_format    *format)
{
  xlsx_check (w, row, col, worksheet_write_number (ws, row, col, value, format));
}

/* A live formula with its result cached, for readers that do not compute. */
void
xlsx_write_formula (XlsxWriter    *w,
                    lxw_worksheet *ws,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *formula,
                    lxw_format    *format,
                    double         value)
{
  xlsx_check (w, row, col, worksheet_write_formula_num (ws, row, col, formula, format, value));
}

void
xlsx_write_blank (XlsxWriter    *w,
                  lxw_worksheet *ws,
                  lxw_row_t      row,
                  lxw_col_t      col,
                  lxw_format    *format)
{
  xlsx_check (w, row, col, worksheet_write_blank (ws, row, col, format));
}

/* A native chart of one series in the report's style: blue bars with their
 * values, no legend, a gap for a blank cell; a bar chart's first row on
 * top, as in the table. The caller gives *@series its cells. NULL (the
 * error kept) when out of memory. */
lxw_chart *
xlsx_add_chart (XlsxWriter        *w,
                lxw_chart_type     type,
                const char        *title,
                const char        *num_format,
                lxw_chart_series **series)
{
  lxw_chart *chart = workbook_add_chart (w->wb, type);
  lxw_chart_fill fill = { .color = 0x2F6DB5 };
  lxw_chart_font font = { .name = "Calibri", .size = 9 };
  lxw_chart_axis *value_axis;

  *series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  if (*series == NULL)
    {
      xlsx_check (w, XLSX_NO_CELL, 0, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }
  chart_series_set_fill (*series, &fill);
  chart_series_set_labels (*series);
  chart_series_set_labels_num_format (*series, num_format);
  chart_series_set_labels_font (*series, &font);
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  /* a bar chart lies on its side: its values run along x */
  value_axis = type == LXW_CHART_BAR ? chart->x_axis : chart->y_axis;
  if (type == LXW_CHART_BAR)
    chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_num_format (value_axis, num_format);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  return chart;
}
