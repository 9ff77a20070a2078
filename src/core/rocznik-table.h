/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-table.h — the topic table of a year, with shares and changes
 *
 * What the window's table, `rocznik --list`, the workbook and the PDF report
 * show is computed here once.
 */
#pragma once

#include <glib.h>

#include "rocznik-comparison.h"
#include "rocznik-year.h"

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_ROW_TOPIC,
  ROCZNIK_ROW_REMAINDER,   /* calls without a topic: declared total − sum */
  ROCZNIK_ROW_TOTAL,
  ROCZNIK_ROW_COMMON,      /* the topics both years have, compared */
  ROCZNIK_ROW_DECLARED,    /* the declared totals, compared */
} RocznikRowKind;

typedef enum
{
  ROCZNIK_COLUMN_NAME,
  ROCZNIK_COLUMN_COUNT,
  ROCZNIK_COLUMN_SHARE,
  ROCZNIK_COLUMN_OTHER,
  ROCZNIK_COLUMN_CHANGE,
  ROCZNIK_COLUMN_CHANGE_PERCENT,
} RocznikColumn;

typedef struct
{
  RocznikRowKind kind;
  char    *name;
  char    *key;
  gint64   count;
  gboolean more_than;       /* the remainder of a "ponad" total */
  double   share;           /* percent of the sum of topics */
  int      other_year;      /* 0: no figure to compare with */
  gint64   other_count;
  gint64   change;
  gboolean has_change_percent;
  double   change_percent;
} RocznikRow;

typedef struct
{
  int         year;
  int         compare_year;   /* 0: each topic against the previous year that has it */
  gint64      sum;
  gint64      declared_total;
  gboolean    declared_more_than;
  GPtrArray  *rows;           /* RocznikRow*, topics only */
  RocznikRow *remainder;      /* NULL without a declared total */
  RocznikRow *total;          /* compared only when both years have the same topics */
  RocznikComparison *comparison;  /* NULL without a comparison year */
  RocznikRow *common;         /* basis COMMON: the sums over the shared topics */
  RocznikRow *declared;       /* basis DECLARED: the declared totals */
} RocznikTable;

RocznikTable *rocznik_table_new        (GPtrArray          *years,
                                        int                 year,
                                        int                 compare_year,
                                        GError            **error);
void          rocznik_table_free       (RocznikTable       *table);
void          rocznik_table_sort       (RocznikTable       *table,
                                        RocznikColumn       column,
                                        gboolean            descending);
int           rocznik_row_compare      (const RocznikRow   *a,
                                        const RocznikRow   *b,
                                        RocznikColumn       column);
const RocznikYear *rocznik_years_find  (GPtrArray          *years,
                                        int                 year);
const RocznikYear *rocznik_years_latest_with_topics (GPtrArray *years,
                                                     int        before);
int           rocznik_years_default    (GPtrArray          *years);
char         *rocznik_rows_to_tsv      (const RocznikRow *const *rows,
                                        guint               n_rows,
                                        int                 compare_year);
GStrv         rocznik_table_top_keys   (const RocznikTable *table,
                                        guint               n);
char         *rocznik_table_to_tsv     (const RocznikTable *table);
char         *rocznik_row_format_count (const RocznikRow   *row);
char         *rocznik_table_get_note   (const RocznikTable *table);
char         *rocznik_table_get_summary (const RocznikTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikTable, rocznik_table_free)

G_END_DECLS
