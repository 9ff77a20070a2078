/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-calls.h — the report's section on when and how residents call
 *
 * Built once from a year's per-call data (topic × month, weekday × hour,
 * channels, handling time) into tables and Polish sentences; the writers
 * render it. A year without any of that data has no section (NULL).
 */
#pragma once

#include "rocznik-report-private.h"

G_BEGIN_DECLS

/* What a cell holds, for the workbook (numbers as numbers) and the
 * alignment of the laid-out tables. */
typedef enum
{
  ROCZNIK_REPORT_CELL_TEXT,      /* a label */
  ROCZNIK_REPORT_CELL_COUNT,     /* value: a count */
  ROCZNIK_REPORT_CELL_SHARE,     /* value: a fraction, 0–1 */
  ROCZNIK_REPORT_CELL_SECONDS,   /* value: seconds */
  ROCZNIK_REPORT_CELL_GAP,       /* no data: an empty cell, never a zero */
} RocznikReportCellKind;

typedef struct
{
  RocznikReportCellKind kind;
  double                value;
  char                 *text;    /* as printed: "54 321", "62,4%", "3 min 25 s", "brak danych" */
} RocznikReportCell;

typedef enum
{
  ROCZNIK_REPORT_CALLS_MONTHS,
  ROCZNIK_REPORT_CALLS_HOURS,
  ROCZNIK_REPORT_CALLS_CHANNELS,
  ROCZNIK_REPORT_CALLS_DURATION,
} RocznikReportCallsKind;

#define ROCZNIK_REPORT_CALLS_MAX_COLUMNS 9

typedef struct
{
  RocznikReportCallsKind kind;
  char              *heading;     /* "Miesiące" */
  char              *sheet;       /* the workbook's sheet: "Miesiące" */
  char              *caption;     /* "Zgłoszenia w miesiącach 2018 r." */
  GStrv              sentences;   /* typeset running text */
  guint              n_columns;
  char              *columns[ROCZNIK_REPORT_CALLS_MAX_COLUMNS];
  GPtrArray         *rows;        /* RocznikReportCell[n_columns] */
  RocznikReportCell *total;       /* the "Razem" row, or NULL */
  GArray            *charts;      /* RocznikReportChart drawn under the table */
} RocznikReportCallsTable;

struct _RocznikReportCalls
{
  char      *heading;   /* "Kiedy i jak mieszkańcy się zgłaszają" */
  char      *intro;
  GPtrArray *tables;    /* RocznikReportCallsTable*, in the order above */
};

RocznikReportCalls *rocznik_report_calls_new             (const RocznikYear *year);
void                rocznik_report_calls_free            (RocznikReportCalls *calls);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikReportCalls, rocznik_report_calls_free)

G_END_DECLS
