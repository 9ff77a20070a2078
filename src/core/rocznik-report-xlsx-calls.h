/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-xlsx-calls.h — the workbook's sheets on when and how residents call */
#pragma once

#include <xlsxwriter.h>

#include "rocznik-report-calls.h"

G_BEGIN_DECLS

/* Adds a sheet per part of @content's calls section (none without one);
 * returns the first libxlsxwriter failure, with its sheet, row and column
 * (row (lxw_row_t) -1: no cell), or LXW_NO_ERROR. */
lxw_error rocznik_report_xlsx_calls (lxw_workbook               *wb,
                                     const RocznikReportContent *content,
                                     char                      **err_sheet,
                                     lxw_row_t                  *err_row,
                                     lxw_col_t                  *err_col);

G_END_DECLS
