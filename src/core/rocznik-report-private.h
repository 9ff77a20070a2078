/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-private.h — the report's content model and its writers
 *
 * rocznik-report.c resolves the workspace into a RocznikReport (numbers)
 * and formats it once into a RocznikReportContent (Polish text); the
 * writers (PDF, XLSX, CSV, HTML) only render that content.
 */
#pragma once

#include <locale.h>

#include "rocznik-chart.h"
#include "rocznik-file.h"
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
  const char        *organisation; /* who speaks in the report */
  GArray            *topic_years;  /* int: years with topics, ascending */
} RocznikReport;

/* A key figure: "388 468" over "rozmów przypisanych do 17 tematów…". */
typedef struct
{
  char *figure;
  char *caption;
} RocznikReportFigure;

/* A list of services or information, under its heading. */
typedef struct
{
  char  *heading;
  GStrv  items;
} RocznikReportList;

/* A chart of the report, drawn by the one chart renderer. */
typedef struct
{
  RocznikChartSpec spec;    /* owns its topics and years */
  double           height;  /* at the PDF's text width; G_MAXDOUBLE: as tall as a page */
} RocznikReportChart;

#define ROCZNIK_REPORT_MAX_COLUMNS 7

/* A row of the topic table, every cell as printed ("70 055", "18,0%", "—"). */
typedef struct
{
  char *cells[ROCZNIK_REPORT_MAX_COLUMNS];
} RocznikReportRow;

/* When and how residents call (rocznik-report-calls.h); NULL without per-call data. */
typedef struct _RocznikReportCalls RocznikReportCalls;

/* Everything the report says, formatted once in Polish. Running text is
 * already typeset (Polish quotes, one-letter words glued to the next). */
typedef struct
{
  RocznikReport *data;           /* the numbers, for the workbook and CSV cells */
  char          *title;          /* "Biuro… — raport roczny 2018" */
  char          *subject;        /* "Tematy rozmów w 2018 r." */
  char          *kicker;         /* "RAPORT ROCZNY 2018" */
  char          *subtitle;
  char          *lead;
  char          *footer;         /* "Biuro… · raport roczny 2018 · wygenerowano …" */
  char          *figures_heading;
  GArray        *figures;        /* RocznikReportFigure */
  char          *top_heading;    /* NULL: no topics */
  GStrv          top_items;      /* the largest topics, in order */
  char          *table_heading;
  char          *table_intro;    /* or, without topics, the sentence saying so */
  char          *table_continued;
  guint          n_columns;
  char          *columns[ROCZNIK_REPORT_MAX_COLUMNS];
  gboolean       numeric[ROCZNIK_REPORT_MAX_COLUMNS];
  GPtrArray     *rows;           /* RocznikReportRow*, largest first */
  RocznikReportRow *sum;         /* NULL without topics */
  RocznikReportRow *remainder;   /* NULL without a declared total */
  RocznikReportRow *declared;
  RocznikReportRow *compared;    /* the totals like with like, when not the sum row */
  char          *compare_note;   /* what the comparison is made on, or NULL */
  char          *charts_heading;
  GArray        *charts;         /* RocznikReportChart */
  RocznikReportCalls *calls;     /* NULL: the year has no per-call data */
  char          *lists_heading;
  GPtrArray     *lists;          /* RocznikReportList* */
  char          *notes_heading;
  GStrv          notes;          /* paragraphs */
} RocznikReportContent;

RocznikReport *rocznik_report_new  (RocznikWorkspace           *ws,
                                    const RocznikReportOptions *options,
                                    GError                    **error);
void           rocznik_report_free (RocznikReport              *report);

RocznikReportContent *rocznik_report_content_new  (RocznikWorkspace           *ws,
                                                  const RocznikReportOptions *options,
                                                  GError                    **error);
void                  rocznik_report_content_free (RocznikReportContent       *content);
/* Running text: Polish quotes, one-letter words glued to the next. */
char                 *rocznik_report_running_text (const char                 *text);
gboolean              rocznik_report_chart_shows_all (RocznikChart            *chart,
                                                      double                   width,
                                                      double                   height);

/* The writers: each renders @content into @out (a file created exclusively
 * beside @path, named in messages) and calls nothing back in rocznik-report.c. */
gboolean rocznik_report_pdf_render  (const RocznikReportContent *content,
                                     RocznikFile                *out,
                                     const char                 *path,
                                     GCancellable               *cancellable,
                                     GError                    **error);
gboolean rocznik_report_xlsx_render (const RocznikReportContent *content,
                                     RocznikFile                *out,
                                     const char                 *path,
                                     GCancellable               *cancellable,
                                     GError                    **error);
/* The text writers return the file's contents. */
GString *rocznik_report_csv_render  (const RocznikReportContent *content);
GString *rocznik_report_html_render (const RocznikReportContent *content,
                                     GError                    **error);

/* The PDF report's own font map (this thread's), or NULL: the HTML's
 * charts are drawn with the same fonts as the PDF's. */
PangoFontMap *rocznik_report_font_map (void);

/* Switches this thread's LC_NUMERIC to "C" while libraries print numbers
 * into a file; returns the locale to give back to rocznik_report_c_numeric_end(). */
locale_t       rocznik_report_c_numeric_begin (void);
void           rocznik_report_c_numeric_end   (locale_t saved);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikReport, rocznik_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikReportContent, rocznik_report_content_free)

G_END_DECLS
