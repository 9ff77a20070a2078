/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-data.c — what every chart type's data needs: years,
 * topics resolved from the user's words, counts, Polish word lists */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

ChartGroup *
chart_group_new (const char *name,
                 const char *key)
{
  ChartGroup *g = g_new0 (ChartGroup, 1);

  g->name = rocznik_typography (name);
  g->key = g_strdup (key);
  for (int i = 0; i < CHART_MAX_SERIES; i++)
    g->values[i] = CHART_NO_VALUE;
  return g;
}

void
chart_group_free (ChartGroup *g)
{
  g_free (g->name);
  g_free (g->key);
  g_free (g->change);
  g_free (g->short_name);
  g_free (g);
}

const RocznikYear *
chart_find_year (GPtrArray *years,
                 int        year,
                 GError   **error)
{
  const RocznikYear *y = rocznik_years_find (years, year);

  if (y == NULL)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                 _("The year %d is not in the workspace"), year);
  return y;
}

/* The year a chart is about: the one asked for, or the latest with topics. */
const RocznikYear *
chart_main_year (GPtrArray *years,
                 int        year,
                 GError   **error)
{
  const RocznikYear *y;

  if (year != 0)
    return chart_find_year (years, year, error);
  y = rocznik_years_latest_with_topics (years, 0);
  if (y == NULL)
    g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                         _("No year in the workspace has topics to chart"));
  return y;
}

gboolean
chart_resolve_entry (GPtrArray  *years,
                     GPtrArray  *categories,
                     const char *text,
                     ChartEntry      *out,
                     GError    **error)
{
  return rocznik_topics_resolve (years, categories, NULL, text, out, error);
}

gboolean
chart_resolve_entries (GPtrArray  *years,
                       GPtrArray  *categories,
                       GStrv       topics,
                       GArray     *out,
                       GError    **error)
{
  for (guint i = 0; topics && topics[i]; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (topics[i]));
      ChartEntry e;

      if (*text == '\0')
        continue;
      if (!chart_resolve_entry (years, categories, text, &e, error))
        return FALSE;
      g_array_append_val (out, e);
    }
  return TRUE;
}

/* A topic of @y by its stored key: through @index (rocznik_year_index_topics())
 * when a chart looks up every topic, else by a scan. */
static const RocznikTopic *
find_topic (const RocznikYear *y,
            GHashTable        *index,
            const char        *key)
{
  return index ? g_hash_table_lookup (index, key) : rocznik_year_find_topic (y, key);
}

/* An entry's count in a year; a category adds up the topics it has. */
gint64
chart_entry_value_in (const ChartEntry       *e,
                      const RocznikYear *y,
                      GHashTable        *index)
{
  gint64 sum = 0;
  gboolean any = FALSE;

  if (y == NULL)
    return CHART_NO_VALUE;
  if (e->keys == NULL)
    {
      const RocznikTopic *t = find_topic (y, index, e->key);
      return t ? t->count : CHART_NO_VALUE;
    }
  for (guint i = 0; i < e->keys->len; i++)
    {
      const RocznikTopic *t = find_topic (y, index, g_ptr_array_index (e->keys, i));
      if (t)
        {
          sum += t->count;
          any = TRUE;
        }
    }
  return any ? sum : CHART_NO_VALUE;
}

gint64
chart_entry_value (const ChartEntry       *e,
                   const RocznikYear *y)
{
  return chart_entry_value_in (e, y, NULL);
}

void
chart_entries_from_year (const RocznikYear *y,
                         GArray            *out,
                         guint              limit)
{
  g_autoptr(RocznikYear) sorted = rocznik_year_copy (y);

  rocznik_year_sort_by_count (sorted);
  for (guint i = 0; i < sorted->topics->len && (limit == 0 || i < limit); i++)
    {
      const RocznikTopic *t = g_ptr_array_index (sorted->topics, i);
      ChartEntry e = { g_strdup (t->name), g_strdup (t->key), NULL };
      g_array_append_val (out, e);
    }
}

const char *
chart_organisation_of (GPtrArray *years,
                       const int *list,
                       int        n)
{
  for (int i = n - 1; i >= 0; i--)
    {
      const RocznikYear *y = rocznik_years_find (years, list[i]);
      if (y && y->organisation && *y->organisation)
        return y->organisation;
    }
  return NULL;
}

/* "2015, 2017 i 2018" */
char *
chart_join_years (const int *list,
                  int        n)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i == n - 1 ? " i" ROCZNIK_NBSP : ", ");
      g_string_append_printf (s, "%d", list[i]);
    }
  return g_string_free (s, FALSE);
}

char *
chart_year_span (const int *list,
                 int        n)
{
  if (n == 1)
    return g_strdup_printf ("%d", list[0]);
  return g_strdup_printf ("%d–%d", list[0], list[n - 1]);
}

int
chart_compare_groups_desc (gconstpointer a,
                           gconstpointer b,
                           gpointer      data)
{
  const ChartGroup *ga = *(ChartGroup **) a;
  const ChartGroup *gb = *(ChartGroup **) b;
  int s = GPOINTER_TO_INT (data);

  if (ga->values[s] != gb->values[s])
    return ga->values[s] > gb->values[s] ? -1 : 1;
  if (s > 0 && ga->values[0] != gb->values[0])
    return ga->values[0] > gb->values[0] ? -1 : 1;
  return rocznik_collate (ga->name, gb->name);
}

void
chart_add_note (GString    *notes,
                const char *note)
{
  if (notes->len)
    g_string_append_c (notes, ' ');
  g_string_append (notes, note);
}

char *
chart_count_with_noun (gint64   n,
                       gboolean more_than)
{
  g_autofree char *num = rocznik_format_count (n);

  return g_strdup_printf ("%s%s %s", more_than ? "ponad " : "", num,
                          more_than ? "rozmów" : rocznik_plural (n, "rozmowa", "rozmowy", "rozmów"));
}

/* Whether any topic of @y has calls by month. */
gboolean
chart_year_has_months (const RocznikYear *y)
{
  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (y->topics, i);

      if (t->has_months)
        for (int m = 0; m < 12; m++)
          if (t->months[m] > 0)
            return TRUE;
    }
  return FALSE;
}

/* The calls of @y's channels, 0 without per-call channels. */
gint64
chart_year_channel_sum (const RocznikYear *y)
{
  gint64 sum = 0;

  if (y->calls == NULL || y->calls->channels == NULL)
    return 0;
  for (guint i = 0; i < y->calls->channels->len; i++)
    sum += ((const RocznikChannel *) g_ptr_array_index (y->calls->channels, i))->calls;
  return sum;
}

/* @seconds over @calls, to the nearest whole second (halves up). */
gint64
chart_average_seconds (gint64 seconds,
                       gint64 calls)
{
  g_return_val_if_fail (calls > 0 && seconds >= 0, 0);
  return seconds / calls + (2 * (seconds % calls) >= calls ? 1 : 0);
}

/* A chart of one year @y: its series, and the default texts: @title
 * (with %d for the year) unless the chart has one, @subtitle after the
 * organisation's name or alone with a capital letter. */
void
chart_year_texts (RocznikChart           *chart,
                  const RocznikChartSpec *spec,
                  const RocznikYear      *y,
                  const char             *title,
                  const char             *subtitle)
{
  const char *org = y->organisation;

  chart->year = y->year;
  chart->n_series = MAX (chart->n_series, 1);
  for (int s = 0; s < chart->n_series; s++)
    chart->series_years[s] = y->year;
  if (chart->title == NULL)
    chart->title = spec->title ? g_strdup (spec->title) : g_strdup_printf (title, y->year);
  if (spec->subtitle == NULL && org)
    chart->subtitle = g_strdup_printf ("%s: %s", org, subtitle);
  else if (spec->subtitle == NULL)
    {
      g_autofree char *first = g_utf8_strup (subtitle, g_utf8_next_char (subtitle) - subtitle);

      chart->subtitle = g_strconcat (first, g_utf8_next_char (subtitle), NULL);
    }
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %d", org, y->year);
}

/* The year a chart of @type is about, when it holds what the chart needs;
 * else NULL and an error that says what to import. */
const RocznikYear *
chart_year_with_data (GPtrArray        *years,
                      int               year,
                      RocznikChartType  type,
                      GError          **error)
{
  const RocznikYear *y = chart_main_year (years, year, error);
  const char *format;

  if (y == NULL || rocznik_chart_type_has_data (type, y))
    return y;
  switch (type)
    {
    case ROCZNIK_CHART_HEATMAP:
      format = _("The year %d has no calls by hour: import a file of one row per call with the time of each call");
      break;
    case ROCZNIK_CHART_CHANNEL:
      format = _("The year %d has no calls by channel: import a file of one row per call with a channel column");
      break;
    case ROCZNIK_CHART_DURATION:
      format = _("The year %d has no handling times: import a file of one row per call with a duration column");
      break;
    case ROCZNIK_CHART_MONTH:
    default:
      format = _("The year %d has no calls by month: import a file of one row per call, or one with a column for each month");
      break;
    }
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, format, y->year);
  return NULL;
}
