/* rocznik-report-private.h — what the workbook, the PDF and the CSV share */
#pragma once

#include <locale.h>

#include "rocznik-report.h"
#include "rocznik-table.h"
#include "rocznik-year.h"

G_BEGIN_DECLS

/* A topic or category chosen for the comparison: its count in every year
 * (-1 where the year has no figure for it: a gap, never a zero). */
typedef struct
{
  char   *name;
  gint64 *counts;   /* one per RocznikReport.years entry */
} RocznikReportSeries;

/* Everything a report shows, resolved once from the workspace. */
typedef struct
{
  GPtrArray         *years;        /* RocznikYear*, ascending */
  GPtrArray         *categories;   /* RocznikCategory* of the workspace */
  const RocznikYear *year;
  const RocznikYear *compare;      /* NULL: no comparison year */
  const RocznikYear *previous;     /* the previous year with a declared total, or NULL */
  RocznikTable      *table;        /* sorted by count, largest first */
  GPtrArray         *series;       /* RocznikReportSeries*, the chosen topics */
  GStrv              topics;       /* their keys (a category's name), for the chart spec */
  GDateTime         *now;
} RocznikReport;

RocznikReport *rocznik_report_new  (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    GError                    **error);
void           rocznik_report_free (RocznikReport              *report);

/* The file's title and the organisation that speaks in it. */
char          *rocznik_report_title        (const RocznikReport *report);
const char    *rocznik_report_organisation (const RocznikReport *report);
/* Years that have topics, ascending: the comparison's columns. */
GArray        *rocznik_report_topic_years  (const RocznikReport *report);

/* Writes @temp (a fresh file beside @path) from @report. */
typedef gboolean (*RocznikReportWriter) (const RocznikReport *report,
                                         const char          *temp,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* Resolves the report, runs @writer on a temporary file with LC_NUMERIC
 * "C" for this thread, and renames it over @path only on success. */
gboolean       rocznik_report_write_with   (RocznikWorkspace           *ws,
                                            const RocznikReportOptions *options,
                                            const char                 *path,
                                            RocznikReportWriter         writer,
                                            GCancellable               *cancellable,
                                            GError                    **error);

/* Switches this thread's LC_NUMERIC to "C" while libraries print numbers
 * into a file; returns the locale to give back to rocznik_report_c_numeric_end(). */
locale_t       rocznik_report_c_numeric_begin (void);
void           rocznik_report_c_numeric_end   (locale_t saved);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikReport, rocznik_report_free)

G_END_DECLS
