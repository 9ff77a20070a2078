/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-xlsx-private.h — writing the workbook's cells, shared by its sheets
 *
 * rocznik-report-xlsx.c writes the year and comparison sheets, and
 * rocznik-report-xlsx-calls.c the sheets on calls, through one writer:
 * the same formats, text with plain spaces and never a formula, and one
 * error path (the first failure of libxlsxwriter is kept with its sheet
 * and cell, said in Polish, and the export writes nothing).
 */
#pragma once

#include <xlsxwriter.h>

#include "rocznik-report-calls.h"

G_BEGIN_DECLS

#define XLSX_NO_CELL ((lxw_row_t) -1)   /* an error of a sheet, not of a cell */

typedef struct
{
  lxw_workbook *wb;
  lxw_format   *title;          /* a sheet's title */
  lxw_format   *header;         /* a table's header, over text */
  lxw_format   *header_number;  /* … over numbers: right-aligned */
  const char   *sheet;          /* the sheet being written */
  /* the first failure of libxlsxwriter: what, and where */
  lxw_error     err;
  char         *err_sheet;
  lxw_row_t     err_row;
  lxw_col_t     err_col;
} XlsxWriter;

void           xlsx_writer_init   (XlsxWriter        *w,
                                   lxw_workbook      *wb);
void           xlsx_writer_clear  (XlsxWriter        *w);
/* Says the first failure in Polish, naming @path, the sheet and the cell. */
void           xlsx_writer_error  (const XlsxWriter  *w,
                                   const char        *path,
                                   GError           **error);
lxw_format    *xlsx_add_format    (lxw_workbook      *wb,
                                   gboolean           bold,
                                   gboolean           top_border,
                                   const char        *num_format);
lxw_worksheet *xlsx_add_sheet     (XlsxWriter        *w,
                                   const char        *name);
void           xlsx_check         (XlsxWriter        *w,
                                   lxw_row_t          row,
                                   lxw_col_t          col,
                                   lxw_error          err);
char          *xlsx_cell_name     (lxw_row_t          row,
                                   lxw_col_t          col,
                                   gboolean           fixed_row);
double         xlsx_text_width    (const char        *text);
void           xlsx_write_text    (XlsxWriter        *w,
                                   lxw_worksheet     *ws,
                                   lxw_row_t          row,
                                   lxw_col_t          col,
                                   const char        *text,
                                   lxw_format        *format);
void           xlsx_write_number  (XlsxWriter        *w,
                                   lxw_worksheet     *ws,
                                   lxw_row_t          row,
                                   lxw_col_t          col,
                                   double             value,
                                   lxw_format        *format);
void           xlsx_write_formula (XlsxWriter        *w,
                                   lxw_worksheet     *ws,
                                   lxw_row_t          row,
                                   lxw_col_t          col,
                                   const char        *formula,
                                   lxw_format        *format,
                                   double             value);
void           xlsx_write_blank   (XlsxWriter        *w,
                                   lxw_worksheet     *ws,
                                   lxw_row_t          row,
                                   lxw_col_t          col,
                                   lxw_format        *format);
lxw_chart     *xlsx_add_chart     (XlsxWriter        *w,
                                   lxw_chart_type     type,
                                   const char        *title,
                                   const char        *num_format,
                                   lxw_chart_series **series);

/* The sheets on calls (rocznik-report-xlsx-calls.c): one per part of
 * @content's calls section, none without one. */
void           rocznik_report_xlsx_calls (XlsxWriter                 *w,
                                          const RocznikReportContent *content);

G_END_DECLS
