/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-comparison.h — what two years can honestly be compared on
 *
 * A year with 6 topics against one with 17 is not compared on its sums, a
 * year with only a declared total is never a zero: the basis is chosen
 * here once, for the window, the command line and the reports.
 */
#pragma once

#include <glib.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_COMPARISON_NONE,      /* nothing the two years both have */
  ROCZNIK_COMPARISON_TOPICS,    /* the same topics in both: their sums */
  ROCZNIK_COMPARISON_COMMON,    /* the sums over the topics both years have */
  ROCZNIK_COMPARISON_DECLARED,  /* the declared totals */
} RocznikComparisonBasis;

typedef struct
{
  int                    year;
  int                    other_year;
  RocznikComparisonBasis basis;
  gint64                 count;            /* @year's figure on that basis */
  gint64                 other_count;
  gboolean               more_than;        /* a declared total published as "ponad" */
  gboolean               other_more_than;
  gboolean               has_topics;       /* each year has topic counts */
  gboolean               other_has_topics;
  guint                  n_topics;         /* topics summed (TOPICS, COMMON) */
  GPtrArray             *only_here;        /* names of @year's topics the other year lacks */
  GPtrArray             *only_there;       /* names of the other year's topics @year lacks */
  gint64                 change;
  gboolean               has_change_percent;
  double                 change_percent;
} RocznikComparison;

RocznikComparison *rocznik_comparison_new      (const RocznikYear       *year,
                                                const RocznikYear       *other);
void               rocznik_comparison_free     (RocznikComparison       *comparison);
char              *rocznik_comparison_note     (const RocznikComparison *comparison);
char              *rocznik_comparison_note_pl  (const RocznikComparison *comparison);
GArray            *rocznik_comparison_years    (GPtrArray               *years,
                                                int                      year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikComparison, rocznik_comparison_free)

G_END_DECLS
