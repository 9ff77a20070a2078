/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report.h — the annual report: an Excel workbook, a PDF, a CSV table, a web page
 *
 * Everything in the files is generated from the workspace, in Polish, and
 * does not depend on the process locale. Writes are atomic: a temporary
 * file beside @path is renamed over it only when complete. The functions
 * are safe to call from a worker thread (GTask) as long as nothing else
 * uses @ws meanwhile.
 */
#pragma once

#include <gio/gio.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  int        year;          /* 0: the latest year with topics */
  int        compare_year;  /* 0: the previous year with topics, if any; -1: none */
  GStrv      topics;        /* topics or categories for the comparison chart;
                             * NULL: the year's three largest topics */
  GDateTime *now;           /* NULL: now; tests pass a fixed date */
} RocznikReportOptions;

gboolean rocznik_report_write_xlsx (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    const char                 *path,
                                    GCancellable               *cancellable,
                                    GError                    **error);
gboolean rocznik_report_write_pdf  (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    const char                 *path,
                                    GCancellable               *cancellable,
                                    GError                    **error);
gboolean rocznik_report_write_csv  (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    const char                 *path,
                                    GError                    **error);
/* The report as one self-contained, accessible web page (charts as SVG). */
gboolean rocznik_report_write_html (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    const char                 *path,
                                    GError                    **error);
/* Chooses the format by @path's extension (.xlsx, .pdf, .csv, .html). */
gboolean rocznik_report_write      (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    const char                 *path,
                                    GCancellable               *cancellable,
                                    GError                    **error);
/* TRUE when rocznik_report_write() knows @path's extension. */
gboolean rocznik_report_supports   (const char                 *path);

/* For a process that lays out no text but reports' (`rocznik --export`):
 * the PDF report's fonts become fontconfig's whole configuration, so the
 * system's configuration and font list are never loaded (~6 ms of an
 * export). Call before any text is laid out; never where GTK draws text. */
void     rocznik_report_use_own_fonts (void);

G_END_DECLS
