/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-calls.c — what per-call records add, as bars: calls by
 * channel with their shares, average handling time by topic */

#include "config.h"

#include "rocznik-chart-private.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

/* Helpers */

/* An entry's handling time: its topics' seconds and calls that had one. */
static void
entry_duration (const ChartEntry  *e,
                const RocznikYear *y,
                gint64            *seconds,
                gint64            *calls)
{
  guint n = e->keys ? e->keys->len : 1;

  *seconds = *calls = 0;
  for (guint i = 0; i < n; i++)
    {
      const RocznikTopic *t = rocznik_year_find_topic (y, e->keys ? g_ptr_array_index (e->keys, i) : e->key);

      if (t && t->has_duration && t->duration_calls > 0)
        {
          *seconds += t->duration_seconds;
          *calls += t->duration_calls;
        }
    }
}

static ChartGroup *
duration_group_new (const char *name,
                    const char *key,
                    gint64      seconds,
                    gint64      calls)
{
  ChartGroup *g = chart_group_new (name, key);

  g->seconds = seconds;
  g->weight = calls;
  if (calls > 0)
    g->values[0] = chart_average_seconds (seconds, calls);
  return g;
}

static void
duration_notes (const RocznikYear *y,
                gint64             seconds,
                gint64             calls,
                GString           *notes)
{
  g_autofree char *average = rocznik_format_duration (chart_average_seconds (seconds, calls));
  g_autofree char *count = rocznik_format_count (calls);
  g_autofree char *note = g_strdup_printf ("Średnio %s na rozmowę; policzono z" ROCZNIK_NBSP "%s %s z podanym czasem.",
                                           average, count, rocznik_plural (calls, "rozmowy", "rozmów", "rozmów"));
  int without = 0;

  chart_add_note (notes, note);
  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (y->topics, i);
      without += !(t->has_duration && t->duration_calls > 0);
    }
  if (without > 0)
    {
      g_autofree char *rest = g_strdup_printf ("%d %s bez danych o czasie obsługi.", without,
                                               rocznik_plural (without, "temat", "tematy", "tematów"));
      chart_add_note (notes, rest);
    }
}

/* Internal API */

gboolean
chart_prepare_channel (RocznikChart           *chart,
                       GPtrArray              *years,
                       GPtrArray              *categories,
                       const RocznikChartSpec *spec,
                       GString                *notes,
                       GError                **error)
{
  const RocznikYear *y = chart_year_with_data (years, spec->year, ROCZNIK_CHART_CHANNEL, error);
  gint64 sum;

  if (y == NULL)
    return FALSE;
  sum = chart_year_channel_sum (y);
  for (guint i = 0; i < y->calls->channels->len; i++)
    {
      const RocznikChannel *ch = g_ptr_array_index (y->calls->channels, i);
      ChartGroup *g = chart_group_new (ch->name, NULL);

      g->values[0] = ch->calls;
      g->share = 100.0 * ch->calls / sum;
      g_ptr_array_add (chart->groups, g);
    }
  g_ptr_array_sort_with_data (chart->groups, chart_compare_groups_desc, GINT_TO_POINTER (0));
  chart_year_texts (chart, spec, y, "Rozmowy według kanału w %d" ROCZNIK_NBSP "r.", "liczba rozmów i udział kanału");
  {
    g_autofree char *count = rocznik_format_count (sum);
    g_autofree char *note = g_strdup_printf ("Udział: odsetek %s %s z podanym kanałem.", count,
                                             rocznik_plural (sum, "rozmowy", "rozmów", "rozmów"));
    chart_add_note (notes, note);
  }
  return TRUE;
}

gboolean
chart_prepare_duration (RocznikChart           *chart,
                        GPtrArray              *years,
                        GPtrArray              *categories,
                        const RocznikChartSpec *spec,
                        GString                *notes,
                        GError                **error)
{
  const RocznikYear *y = chart_year_with_data (years, spec->year, ROCZNIK_CHART_DURATION, error);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
  gint64 all_seconds = 0, all_calls = 0;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (y == NULL)
    return FALSE;
  if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
    return FALSE;
  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (y->topics, i);

      if (!(t->has_duration && t->duration_calls > 0))
        continue;
      all_seconds += t->duration_seconds;
      all_calls += t->duration_calls;
      if (entries->len == 0)
        g_ptr_array_add (chart->groups, duration_group_new (t->name, t->key, t->duration_seconds, t->duration_calls));
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const ChartEntry *e = &g_array_index (entries, ChartEntry, i);
      gint64 seconds, calls;

      entry_duration (e, y, &seconds, &calls);
      g_ptr_array_add (chart->groups, duration_group_new (e->name, e->key, seconds, calls));
    }
  g_ptr_array_sort_with_data (chart->groups, chart_compare_groups_desc, GINT_TO_POINTER (0));

  chart_year_texts (chart, spec, y, "Średni czas obsługi rozmowy według tematu w %d" ROCZNIK_NBSP "r.",
             "średni czas jednej rozmowy");
  duration_notes (y, all_seconds, all_calls, notes);
  return TRUE;
}
