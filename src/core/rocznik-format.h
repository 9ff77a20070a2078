/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-format.h — Polish numbers, plurals, dates, collation and text keys
 *
 * Everything a person reads goes through here, so that the window, the
 * command line, the charts and the reports speak the same Polish.
 * None of these functions depend on the process locale.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* U+00A0: Polish thousands separator and the glue after one-letter words. */
#define ROCZNIK_NBSP "\xc2\xa0"

char    *rocznik_format_count          (gint64       n);
char    *rocznik_format_decimal        (double       value,
                                        guint        decimals);
char    *rocznik_format_percent        (double       percent,
                                        guint        decimals);
char    *rocznik_format_signed_count   (gint64       n);
char    *rocznik_format_signed_percent (double       percent,
                                        guint        decimals);
char    *rocznik_format_short          (gint64       n,
                                        gboolean     more_than);
char    *rocznik_format_millions       (gint64       n,
                                        gboolean     more_than);
char    *rocznik_format_axis           (double       value);
char    *rocznik_format_date           (GDateTime   *date);
const char *rocznik_format_month_name  (int          month);
const char *rocznik_format_weekday     (int          weekday);
char    *rocznik_format_hour_band      (int          hour);

guint    rocznik_plural_form           (gint64       n);
char    *rocznik_format_others         (gint64       n_topics);
char    *rocznik_format_duration       (double       seconds);
const char *rocznik_plural             (gint64       n,
                                        const char  *one,
                                        const char  *few,
                                        const char  *many);

char    *rocznik_typography            (const char  *text);

int      rocznik_collate               (const char  *a,
                                        const char  *b);
char    *rocznik_collation_key         (const char  *text);

typedef enum
{
  ROCZNIK_COUNT_OK,
  ROCZNIK_COUNT_EMPTY,
  ROCZNIK_COUNT_NOT_NUMBER,
  ROCZNIK_COUNT_NEGATIVE,
  ROCZNIK_COUNT_FRACTION,
  ROCZNIK_COUNT_TOO_LARGE,
} RocznikCountResult;

RocznikCountResult rocznik_parse_count (const char *text,
                                        gssize      length,
                                        gint64     *count);
char    *rocznik_count_problem         (RocznikCountResult  result,
                                        const char         *text);
gboolean rocznik_parse_count_typed     (const char  *text,
                                        gint64      *count,
                                        GError     **error);

char    *rocznik_topic_key             (const char  *name);
char    *rocznik_search_fold           (const char  *text);
char    *rocznik_collapse_spaces       (const char  *text);
gboolean rocznik_unichar_is_invisible  (gunichar     c);

G_END_DECLS
