/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-trend.c — the trend chart's data: declared totals (or one
 * topic) per year, every year of the span a slot, missing years gaps */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

/* Helpers */

/* The first and last year with a value (of @topic, or a total), among the
 * years asked for; @first > @last when there is none. */
static void
trend_span (GPtrArray              *years,
            const RocznikChartSpec *spec,
            const ChartEntry       *topic,
            int                    *first,
            int                    *last)
{
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);
      gboolean has = topic ? chart_entry_value (topic, y) != CHART_NO_VALUE
                           : y->declared_total != ROCZNIK_NO_TOTAL || y->topics->len > 0;

      if (spec->years && spec->years[0])
        {
          gboolean wanted = FALSE;
          for (int k = 0; spec->years[k]; k++)
            wanted |= spec->years[k] == y->year;
          if (!wanted)
            continue;
        }
      if (has)
        {
          *first = MIN (*first, y->year);
          *last = MAX (*last, y->year);
        }
    }
}

/* Internal API */

gboolean
chart_prepare_trend (RocznikChart           *chart,
                     GPtrArray              *years,
                     GPtrArray              *categories,
                     const RocznikChartSpec *spec,
                     GString                *notes,
                     GError                **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) sums = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *span = NULL;
  const ChartEntry *topic = NULL;
  int first = G_MAXINT, last = G_MININT;
  int list[2];
  const char *org;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (spec->topics && spec->topics[0])
    {
      if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
      if (entries->len > 1)
        {
          g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                               _("A trend chart shows one topic or category at a time"));
          return FALSE;
        }
      if (entries->len == 1)
        topic = &g_array_index (entries, ChartEntry, 0);
    }
  chart->n_series = 1;

  trend_span (years, spec, topic, &first, &last);
  if (first > last)
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                           _("No year in the workspace has a total to chart"));
      return FALSE;
    }
  if (last - first >= 60)
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("A trend chart spans at most 60 years"));
      return FALSE;
    }

  /* Every year of the span gets a slot: a missing year is a visible gap. */
  for (int year = first; year <= last; year++)
    {
      const RocznikYear *y = rocznik_years_find (years, year);
      g_autofree char *label = g_strdup_printf ("%d", year);
      ChartGroup *g = chart_group_new (label, label);

      g->year = year;
      if (y && topic)
        g->values[0] = chart_entry_value (topic, y);
      else if (y && y->declared_total != ROCZNIK_NO_TOTAL)
        {
          g->values[0] = y->declared_total;
          g->more_than[0] = y->declared_more_than;
          chart->has_more_than |= y->declared_more_than;
        }
      else if (y && y->topics->len > 0)
        {
          g->values[0] = rocznik_year_topic_sum (y);
          g->is_sum[0] = TRUE;
          g_array_append_val (sums, year);
        }
      if (g->values[0] == CHART_NO_VALUE)
        g_array_append_val (gaps, year);
      g_ptr_array_add (chart->groups, g);
    }

  list[0] = first;
  list[1] = last;
  span = chart_year_span (list, first == last ? 1 : 2);
  org = chart_organisation_of (years, list, 2);
  if (spec->title)
    chart->title = g_strdup (spec->title);
  else if (topic)
    chart->title = g_strdup_printf ("%s: liczba rozmów w latach %s", topic->name, span);
  else
    chart->title = g_strdup_printf ("Liczba rozmów w latach %s", span);
  if (spec->subtitle == NULL)
    chart->subtitle = topic ? g_strdup ("Rozmowy na ten temat w kolejnych latach")
                            : org ? g_strdup_printf ("%s: wszystkie rozmowy w roku, według sprawozdań", org)
                                  : g_strdup ("Wszystkie rozmowy w roku, według sprawozdań");
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %s", org, span);

  if (chart->has_more_than)
    chart_add_note (notes, "Słupki kreskowane: sprawozdanie podaje tylko dolną granicę („ponad …”).");
  if (sums->len > 0)
    {
      g_autofree char *joined = chart_join_years ((int *) sums->data, sums->len);
      g_autofree char *note = g_strdup_printf ("%s: suma tematów, bez podanej liczby wszystkich rozmów.", joined);
      chart_add_note (notes, note);
    }
  if (gaps->len > 0)
    {
      g_autofree char *joined = chart_join_years ((int *) gaps->data, gaps->len);
      g_autofree char *note = g_strdup_printf (gaps->len == 1 ? "Brak danych za %s" ROCZNIK_NBSP "r."
                                                              : "Brak danych za lata %s.", joined);
      chart_add_note (notes, note);
    }
  return TRUE;
}
