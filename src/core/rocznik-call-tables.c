/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-tables.c — a year's per-call data as tables and the figures
 * a summary names
 *
 * TSV for scripts: plain integers, whatever the locale. A table the year
 * has no data for is an error that says so, never a table of zeros.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-call-tables.h"
#include "rocznik-error.h"
#include "rocznik-format.h"

static const char *const by_names[] = { "month", "hour", "channel", "duration" };

gboolean
rocznik_calls_by_from_string (const char     *text,
                              RocznikCallsBy *by)
{
  g_return_val_if_fail (by != NULL, FALSE);

  for (guint i = 0; text && i < G_N_ELEMENTS (by_names); i++)
    if (g_ascii_strcasecmp (text, by_names[i]) == 0)
      {
        *by = i;
        return TRUE;
      }
  return FALSE;
}

/* Months and handling time are kept per topic; hours and channels only for
 * the whole year, so they cannot be narrowed to topics. */
gboolean
rocznik_calls_by_per_topic (RocznikCallsBy by)
{
  return by == ROCZNIK_CALLS_BY_MONTH || by == ROCZNIK_CALLS_BY_DURATION;
}

static gboolean
chosen (const RocznikTopic *topic,
        GHashTable         *keys)
{
  return keys == NULL || g_hash_table_contains (keys, topic->key);
}

/* Whole seconds, rounded to the nearest, halves up; 0 without calls. */
gint64
rocznik_call_average_seconds (gint64 calls,
                              gint64 seconds)
{
  if (calls <= 0 || seconds < 0)
    return 0;
  /* stored counts are below 2^53, so twice the seconds still fits */
  return (2 * seconds + calls) / (2 * calls);
}

/* Calls in each month over the topics in @keys (NULL: all) that have
 * months; FALSE when none of them has. */
gboolean
rocznik_call_tables_month_totals (const RocznikYear *year,
                                  GHashTable        *keys,
                                  gint64             totals[12])
{
  gboolean any = FALSE;

  g_return_val_if_fail (year != NULL, FALSE);

  for (int m = 0; m < 12; m++)
    totals[m] = 0;
  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);

      if (!topic->has_months || !chosen (topic, keys))
        continue;
      any = TRUE;
      for (int m = 0; m < 12; m++)
        totals[m] += topic->months[m];
    }
  return any;
}

/* The month with the most calls (1–12; the earliest of equals). */
gboolean
rocznik_call_tables_busiest_month (const RocznikYear *year,
                                   int               *month,
                                   gint64            *calls)
{
  gint64 totals[12];
  int best = -1;

  g_return_val_if_fail (year != NULL, FALSE);

  if (!rocznik_call_tables_month_totals (year, NULL, totals))
    return FALSE;
  for (int m = 0; m < 12; m++)
    if (totals[m] > 0 && (best < 0 || totals[m] > totals[best]))
      best = m;
  if (best < 0)
    return FALSE;
  if (month)
    *month = best + 1;
  if (calls)
    *calls = totals[best];
  return TRUE;
}

/* The hour of the week with the most calls (weekday 0 = Monday; the first
 * of equals in the week's order). */
gboolean
rocznik_call_profile_peak_hour (const RocznikCallProfile *profile,
                                int                      *weekday,
                                int                      *hour,
                                gint64                   *calls)
{
  int best_d = -1, best_h = -1;

  if (profile == NULL || !profile->has_hours)
    return FALSE;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      if (profile->hours[d][h] > 0 && (best_d < 0 || profile->hours[d][h] > profile->hours[best_d][best_h]))
        {
          best_d = d;
          best_h = h;
        }
  if (best_d < 0)
    return FALSE;
  if (weekday)
    *weekday = best_d;
  if (hour)
    *hour = best_h;
  if (calls)
    *calls = profile->hours[best_d][best_h];
  return TRUE;
}

gint64
rocznik_call_profile_channels_total (const RocznikCallProfile *profile)
{
  gint64 total = 0;

  g_return_val_if_fail (profile != NULL, 0);

  for (guint i = 0; i < profile->channels->len; i++)
    total += ((const RocznikChannel *) g_ptr_array_index (profile->channels, i))->calls;
  return total;
}

/* The topic whose timed calls took longest on average (the first of equals
 * in the year's order), or NULL. */
const RocznikTopic *
rocznik_call_tables_longest_handling (const RocznikYear *year)
{
  const RocznikTopic *best = NULL;
  double best_average = -1;

  g_return_val_if_fail (year != NULL, NULL);

  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);
      double average;

      if (!topic->has_duration || topic->duration_calls <= 0)
        continue;
      average = (double) topic->duration_seconds / topic->duration_calls;
      if (average > best_average)
        {
          best = topic;
          best_average = average;
        }
    }
  return best;
}

static gboolean
no_data (const RocznikYear *year,
         RocznikCallsBy     by,
         GHashTable        *keys,
         GError           **error)
{
  switch (by)
    {
    case ROCZNIK_CALLS_BY_MONTH:
      if (keys)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("The chosen topics have no calls by month in %d"), year->year);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("The year %d has no calls by month: import a file with a date or a month for each row"), year->year);
      break;
    case ROCZNIK_CALLS_BY_HOUR:
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d has no calls by hour: import its per-call records with the time of each call"), year->year);
      break;
    case ROCZNIK_CALLS_BY_CHANNEL:
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d has no calls by channel: import its per-call records with a channel column"), year->year);
      break;
    case ROCZNIK_CALLS_BY_DURATION:
    default:
      if (keys)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("The chosen topics have no handling time in %d"), year->year);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("The year %d has no handling time: import its per-call records with a duration column"), year->year);
      break;
    }
  return FALSE;
}

/* "month<TAB>calls": only the months with calls (a gap, never a zero). */
static gboolean
append_months (GString           *out,
               const RocznikYear *year,
               GHashTable        *keys)
{
  gint64 totals[12];

  if (!rocznik_call_tables_month_totals (year, keys, totals))
    return FALSE;
  for (int m = 0; m < 12; m++)
    if (totals[m] > 0)
      g_string_append_printf (out, "%d\t%" G_GINT64_FORMAT "\n", m + 1, totals[m]);
  return out->len > 0;
}

/* "weekday<TAB>hour<TAB>calls": the whole week, 1 = Monday, 0–23. */
static gboolean
append_hours (GString                  *out,
              const RocznikCallProfile *profile)
{
  if (profile == NULL || !profile->has_hours)
    return FALSE;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      g_string_append_printf (out, "%d\t%d\t%" G_GINT64_FORMAT "\n", d + 1, h, profile->hours[d][h]);
  return TRUE;
}

static gboolean
append_channels (GString                  *out,
                 const RocznikCallProfile *profile)
{
  if (profile == NULL || profile->channels->len == 0)
    return FALSE;
  for (guint i = 0; i < profile->channels->len; i++)
    {
      const RocznikChannel *channel = g_ptr_array_index (profile->channels, i);
      g_autofree char *name = rocznik_collapse_spaces (channel->name);

      g_string_append_printf (out, "%s\t%" G_GINT64_FORMAT "\n", name, channel->calls);
    }
  return TRUE;
}

/* "topic<TAB>calls<TAB>average seconds", in the year's order. */
static gboolean
append_durations (GString           *out,
                  const RocznikYear *year,
                  GHashTable        *keys)
{
  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);
      g_autofree char *name = NULL;

      if (!topic->has_duration || topic->duration_calls <= 0 || !chosen (topic, keys))
        continue;
      name = rocznik_collapse_spaces (topic->name);
      g_string_append_printf (out, "%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", name, topic->duration_calls,
                              rocznik_call_average_seconds (topic->duration_calls, topic->duration_seconds));
    }
  return out->len > 0;
}

/* The table @by of @year as TSV lines, narrowed to the topic keys in @keys
 * (a set; NULL for all) where the data is kept per topic. NULL with @error
 * set when the year has no such data. */
char *
rocznik_call_tables_tsv (const RocznikYear *year,
                         RocznikCallsBy     by,
                         GHashTable        *keys,
                         GError           **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail (keys == NULL || rocznik_calls_by_per_topic (by), NULL);

  switch (by)
    {
    case ROCZNIK_CALLS_BY_MONTH:
      ok = append_months (out, year, keys);
      break;
    case ROCZNIK_CALLS_BY_HOUR:
      ok = append_hours (out, year->calls);
      break;
    case ROCZNIK_CALLS_BY_CHANNEL:
      ok = append_channels (out, year->calls);
      break;
    case ROCZNIK_CALLS_BY_DURATION:
    default:
      ok = append_durations (out, year, keys);
      break;
    }
  if (!ok)
    return (no_data (year, by, keys, error), NULL);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "12 345 calls" in the interface's language; the plural follows the last
 * digits, as gettext's rule for Polish reads them. */
static char *
calls_text (gint64 n)
{
  g_autofree char *number = rocznik_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s call", "%s calls", (gulong) (n % 1000000)), number);
}

/* "marzec: 12 345 rozmów", or NULL without months. */
char *
rocznik_call_tables_describe_busiest_month (const RocznikYear *year)
{
  g_autofree char *calls = NULL;
  gint64 n;
  int month;

  g_return_val_if_fail (year != NULL, NULL);

  if (!rocznik_call_tables_busiest_month (year, &month, &n))
    return NULL;
  calls = calls_text (n);
  return g_strdup_printf ("%s: %s", rocznik_format_month_name (month), calls);
}

/* "poniedziałek, 10:00–11:00: 1 234 rozmowy", or NULL without hours. */
char *
rocznik_call_tables_describe_peak_hour (const RocznikCallProfile *profile)
{
  g_autofree char *band = NULL;
  g_autofree char *calls = NULL;
  gint64 n;
  int weekday, hour;

  if (!rocznik_call_profile_peak_hour (profile, &weekday, &hour, &n))
    return NULL;
  band = rocznik_format_hour_band (hour);
  calls = calls_text (n);
  return g_strdup_printf ("%s, %s: %s", rocznik_format_weekday (weekday), band, calls);
}

/* "telefon 57,1%, e-mail 25,7%, czat 17,1%": each channel's share of the
 * calls that had a channel, in the profile's order; NULL without any. */
char *
rocznik_call_tables_describe_channels (const RocznikCallProfile *profile)
{
  g_autoptr(GString) out = NULL;
  gint64 total;

  if (profile == NULL || profile->channels->len == 0)
    return NULL;
  total = rocznik_call_profile_channels_total (profile);
  if (total <= 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < profile->channels->len; i++)
    {
      const RocznikChannel *channel = g_ptr_array_index (profile->channels, i);
      g_autofree char *name = rocznik_collapse_spaces (channel->name);
      g_autofree char *share = rocznik_format_percent (100.0 * channel->calls / total, 1);

      g_string_append_printf (out, "%s%s" ROCZNIK_NBSP "%s", i ? ", " : "", name, share);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Gospodarka odpadami: 3 min 5 s on average (1 100 calls)", or NULL. */
char *
rocznik_call_tables_describe_longest_handling (const RocznikYear *year)
{
  const RocznikTopic *topic;
  g_autofree char *name = NULL;
  g_autofree char *average = NULL;
  g_autofree char *calls = NULL;

  g_return_val_if_fail (year != NULL, NULL);

  topic = rocznik_call_tables_longest_handling (year);
  if (topic == NULL)
    return NULL;
  name = rocznik_collapse_spaces (topic->name);
  /* rounded as --by duration rounds it, so both say the same */
  average = rocznik_format_duration (rocznik_call_average_seconds (topic->duration_calls, topic->duration_seconds));
  calls = calls_text (topic->duration_calls);
  /* Translators: a topic, its average handling time, the calls it was measured on */
  return g_strdup_printf (_("%s: %s on average (%s)"), name, average, calls);
}
