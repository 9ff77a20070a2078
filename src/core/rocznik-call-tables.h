/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-tables.h — a year's per-call data as tables: by month, by
 * hour of the week, by channel, handling time by topic; and the figures a
 * summary names (the busiest month, the peak hour, the longest handling)
 *
 * `rocznik --list --by` prints these tables; the window's summary reads
 * the same figures, so both say the same numbers.
 */
#pragma once

#include <glib.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_CALLS_BY_MONTH,
  ROCZNIK_CALLS_BY_HOUR,
  ROCZNIK_CALLS_BY_CHANNEL,
  ROCZNIK_CALLS_BY_DURATION,
} RocznikCallsBy;

gboolean      rocznik_calls_by_from_string        (const char         *text,
                                                   RocznikCallsBy     *by);
gboolean      rocznik_calls_by_per_topic          (RocznikCallsBy      by);

char         *rocznik_call_tables_tsv             (const RocznikYear  *year,
                                                   RocznikCallsBy      by,
                                                   GHashTable         *keys,
                                                   GError            **error);

gint64        rocznik_call_average_seconds        (gint64              calls,
                                                   gint64              seconds);
gboolean      rocznik_call_tables_month_totals    (const RocznikYear  *year,
                                                   GHashTable         *keys,
                                                   gint64              totals[12]);
gboolean      rocznik_call_tables_busiest_month   (const RocznikYear  *year,
                                                   int                *month,
                                                   gint64             *calls);
gboolean      rocznik_call_profile_peak_hour      (const RocznikCallProfile *profile,
                                                   int                *weekday,
                                                   int                *hour,
                                                   gint64             *calls);
gint64        rocznik_call_profile_channels_total (const RocznikCallProfile *profile);
const RocznikTopic *rocznik_call_tables_longest_handling (const RocznikYear *year);

char *rocznik_call_tables_describe_busiest_month     (const RocznikYear        *year);
char *rocznik_call_tables_describe_peak_hour         (const RocznikCallProfile *profile);
char *rocznik_call_tables_describe_channels          (const RocznikCallProfile *profile);
char *rocznik_call_tables_describe_longest_handling  (const RocznikYear        *year);

G_END_DECLS
