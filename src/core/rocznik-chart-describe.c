/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-describe.c — a chart in words: tooltips for each bar or
 * cell, and the whole chart for screen readers, in Polish */

#include "config.h"

#include "rocznik-chart-private.h"
#include "rocznik-format.h"

/* Helpers */

static char *
describe_cell (RocznikChart *chart,
               int           d,
               int           h)
{
  g_autofree char *count = chart_count_with_noun (chart->heat[d][h], FALSE);

  return g_strdup_printf ("%s, %d:00–%d:59\n%s", chart_weekday_name (d), h, h, count);
}

/* The handling time of a topic: "średnio 1 min 35 s (z 1 000 rozmów)". */
static char *
describe_duration (const ChartGroup *g)
{
  g_autofree char *time = rocznik_format_duration (g->values[0]);
  g_autofree char *calls = rocznik_format_count (g->weight);

  return g_strdup_printf ("średnio %s (z" ROCZNIK_NBSP "%s %s)", time, calls,
                          rocznik_plural (g->weight, "rozmowy", "rozmów", "rozmów"));
}

/* One value as the whole-chart description reads it. */
static char *
describe_value (RocznikChart     *chart,
                const ChartGroup *g,
                int               k)
{
  if (g->values[k] == CHART_NO_VALUE)
    return g_strdup ("brak danych");
  if (chart->type == ROCZNIK_CHART_DURATION)
    return describe_duration (g);
  if (chart->type == ROCZNIK_CHART_CHANNEL)
    {
      g_autofree char *count = chart_count_with_noun (g->values[k], FALSE);
      g_autofree char *share = rocznik_format_percent (g->share, 1);

      return g_strdup_printf ("%s (%s)", count, share);
    }
  return chart_count_with_noun (g->values[k], g->more_than[k]);
}

/* Per weekday: the day's calls and its busiest hour; then the office
 * hours marked. */
static void
describe_heatmap (RocznikChart *chart,
                  GString      *s)
{
  g_autofree char *office = chart_office_hours_text (&chart->office_hours);

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      gint64 sum = 0;
      int peak = 0;
      g_autofree char *total = NULL;
      g_autofree char *most = NULL;

      for (int h = 0; h < ROCZNIK_HOURS; h++)
        {
          sum += chart->heat[d][h];
          if (chart->heat[d][h] > chart->heat[d][peak])
            peak = h;
        }
      total = chart_count_with_noun (sum, FALSE);
      most = chart_count_with_noun (chart->heat[d][peak], FALSE);
      g_string_append_printf (s, "%s %s: razem %s, najwięcej o %d:00–%d:59 (%s)",
                              d ? ";" : "", chart_weekday_name (d), total, peak, peak, most);
    }
  g_string_append (s, ".");
  if (office)
    g_string_append_printf (s, " Obramowane godziny pracy biura: %s.", office);
}

/* Public API */

/* A tooltip: the exact figures behind a bar, in Polish. */
char *
rocznik_chart_describe_bar (RocznikChart *chart,
                            int           index)
{
  const ChartBar *bar;
  const ChartGroup *g;
  g_autofree char *count = NULL;
  gint64 value;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint) index < chart->bars->len, NULL);

  bar = &g_array_index (chart->bars, ChartBar, index);
  if (chart->type == ROCZNIK_CHART_HEATMAP)
    return describe_cell (chart, bar->group, bar->series);
  g = g_ptr_array_index (chart->groups, bar->group);
  value = g->values[bar->series];
  count = chart_count_with_noun (value, g->more_than[bar->series]);

  switch (chart->type)
    {
    case ROCZNIK_CHART_RANKING:
      {
        g_autofree char *share = rocznik_format_percent (g->share, 1);
        return g_strdup_printf ("%s\n%d" ROCZNIK_NBSP "r.: %s (%s sumy tematów)",
                                g->name, chart->series_years[0], count, share);
      }
    case ROCZNIK_CHART_YOY:
      {
        GString *s = g_string_new (g->name);

        for (int i = 0; i < 2; i++)
          {
            g_autofree char *c = g->values[i] == CHART_NO_VALUE ? g_strdup ("brak danych")
                                                                : chart_count_with_noun (g->values[i], FALSE);
            g_string_append_printf (s, "\n%d" ROCZNIK_NBSP "r.: %s", chart->series_years[i], c);
          }
        if (g->values[0] != CHART_NO_VALUE && g->values[1] != CHART_NO_VALUE)
          {
            g_autofree char *change = rocznik_format_signed_count (g->values[1] - g->values[0]);
            g_string_append_printf (s, "\nZmiana: %s (%s)", change, g->change);
          }
        return g_string_free (s, FALSE);
      }
    case ROCZNIK_CHART_TREND:
      if (g->more_than[0])
        {
          g_autofree char *exact = rocznik_format_count (value);
          return g_strdup_printf ("%d" ROCZNIK_NBSP "r.: %s\nSprawozdanie podaje „ponad”; słupek kończy się na %s.",
                                  g->year, count, exact);
        }
      return g_strdup_printf ("%d" ROCZNIK_NBSP "r.: %s%s", g->year, count,
                              g->is_sum[0] ? "\nSuma tematów (brak liczby wszystkich rozmów)" : "");
    case ROCZNIK_CHART_MONTH:
      if (chart->series_names[bar->series])
        return g_strdup_printf ("%s\n%s %d" ROCZNIK_NBSP "r.: %s", chart->series_names[bar->series],
                                g->name, g->year, count);
      return g_strdup_printf ("%s %d" ROCZNIK_NBSP "r.: %s", g->name, g->year, count);
    case ROCZNIK_CHART_CHANNEL:
      {
        g_autofree char *share = rocznik_format_percent (g->share, 1);
        return g_strdup_printf ("%s\n%s (%s rozmów z podanym kanałem)", g->name, count, share);
      }
    case ROCZNIK_CHART_DURATION:
      {
        g_autofree char *time = describe_duration (g);
        return g_strdup_printf ("%s\n%s", g->name, time);
      }
    case ROCZNIK_CHART_HEATMAP:
    case ROCZNIK_CHART_COMPARE:
    default:
      return g_strdup_printf ("%s\n%d" ROCZNIK_NBSP "r.: %s", g->name, chart->series_years[bar->series], count);
    }
}

/* For screen readers: the title and every figure, in reading order. */
char *
rocznik_chart_describe (RocznikChart *chart)
{
  GString *s;

  g_return_val_if_fail (chart != NULL, NULL);

  s = g_string_new (chart->type == ROCZNIK_CHART_HEATMAP ? "Mapa cieplna: " : "Wykres słupkowy: ");
  g_string_append (s, chart->title);
  g_string_append (s, ".");
  if (chart->subtitle && *chart->subtitle)
    g_string_append_printf (s, " %s.", chart->subtitle);
  if (chart->type == ROCZNIK_CHART_HEATMAP)
    describe_heatmap (chart, s);
  for (guint i = 0; chart->type != ROCZNIK_CHART_HEATMAP && i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);

      g_string_append_printf (s, "%s %s:", i ? ";" : "", g->name);
      for (int k = 0; k < chart->n_series; k++)
        {
          g_autofree char *v = describe_value (chart, g, k);

          if (chart->n_series > 1 && chart->series_names[k])
            g_string_append_printf (s, "%s %s %s", k ? "," : "", chart->series_names[k], v);
          else if (chart->n_series > 1)
            g_string_append_printf (s, "%s %d" ROCZNIK_NBSP "r. %s", k ? "," : "", chart->series_years[k], v);
          else
            g_string_append_printf (s, " %s", v);
        }
      if (g->change)
        g_string_append_printf (s, ", zmiana %s", g->change);
    }
  if (chart->type != ROCZNIK_CHART_HEATMAP)
    g_string_append (s, ".");
  if (chart->notes)
    g_string_append_printf (s, " %s", chart->notes);
  return g_string_free (s, FALSE);
}
