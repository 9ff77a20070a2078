/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-topics.c — the topic charts' data: one year's ranking,
 * a comparison of chosen topics over years, year on year */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-table.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

/* Helpers */

/* The years a comparison shows, oldest first (the legend reads like a
 * timeline), each in the workspace once; their number, 0 on an error. */
static int
compare_years (GPtrArray              *years,
               const RocznikChartSpec *spec,
               int                     list[CHART_MAX_SERIES],
               GError                **error)
{
  int n = 0;

  if (spec->years && spec->years[0])
    {
      for (int i = 0; spec->years[i]; i++)
        {
          if (n == CHART_MAX_SERIES)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("A chart compares at most %d years"), CHART_MAX_SERIES);
              return 0;
            }
          list[n++] = spec->years[i];
        }
    }
  else
    {
      const RocznikYear *y = chart_main_year (years, spec->year, error);
      if (y == NULL)
        return 0;
      list[n++] = y->year;
      if (spec->compare_year && spec->compare_year != y->year)
        list[n++] = spec->compare_year;
    }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && list[j - 1] > list[j]; j--)
      {
        int t = list[j];
        list[j] = list[j - 1];
        list[j - 1] = t;
      }
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && list[i] == list[i - 1])
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The year %d is given twice"), list[i]);
          return 0;
        }
      if (chart_find_year (years, list[i], error) == NULL)
        return 0;
    }
  return n;
}

/* The topics asked for; else every topic of the later year, largest
 * first, and those of the earlier year that disappeared. */
static gboolean
yoy_entries (GPtrArray              *years,
             GPtrArray              *categories,
             const RocznikChartSpec *spec,
             const RocznikYear      *earlier,
             const RocznikYear      *later,
             GArray                 *entries,
             GError                **error)
{
  if (spec->topics && spec->topics[0])
    {
      if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

      chart_entries_from_year (later, entries, 0);
      for (guint i = 0; i < entries->len; i++)
        g_hash_table_add (keys, g_array_index (entries, ChartEntry, i).key);
      /* Topics that disappeared belong in the picture too. */
      for (guint i = 0; i < earlier->topics->len; i++)
        {
          const RocznikTopic *t = g_ptr_array_index (earlier->topics, i);
          if (!g_hash_table_contains (keys, t->key))
            {
              ChartEntry e = { g_strdup (t->name), g_strdup (t->key), NULL };
              g_array_append_val (entries, e);
            }
        }
    }
  return TRUE;
}

/* Internal API */

gboolean
chart_prepare_ranking (RocznikChart           *chart,
                       GPtrArray              *years,
                       GPtrArray              *categories,
                       const RocznikChartSpec *spec,
                       GString                *notes,
                       GError                **error)
{
  const RocznikYear *y = chart_main_year (years, spec->year, error);
  g_autoptr(RocznikTable) table = NULL;
  g_autoptr(GArray) entries = NULL;
  const char *org;

  if (y == NULL)
    return FALSE;
  chart->n_series = 1;
  chart->series_years[0] = y->year;
  org = y->organisation;

  if (spec->topics && spec->topics[0])
    {
      gint64 sum = rocznik_year_topic_sum (y);

      entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
      g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
      if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
      for (guint i = 0; i < entries->len; i++)
        {
          const ChartEntry *e = &g_array_index (entries, ChartEntry, i);
          ChartGroup *g = chart_group_new (e->name, e->key);

          g->values[0] = chart_entry_value (e, y);
          g->share = sum > 0 && g->values[0] > 0 ? 100.0 * g->values[0] / sum : 0;
          g_ptr_array_add (chart->groups, g);
        }
      g_ptr_array_sort_with_data (chart->groups, chart_compare_groups_desc, GINT_TO_POINTER (0));
    }
  else
    {
      table = rocznik_table_new (years, y->year, 0, error);
      if (table == NULL)
        return FALSE;
      if (table->rows->len == 0)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       _("The year %d has no topics to chart"), y->year);
          return FALSE;
        }
      for (guint i = 0; i < table->rows->len; i++)
        {
          const RocznikRow *row = g_ptr_array_index (table->rows, i);
          ChartGroup *g = chart_group_new (row->name, row->key);

          g->values[0] = row->count;
          g->share = row->share;
          g_ptr_array_add (chart->groups, g);
        }
      /* The topics rarely cover every call: say how many they leave out. */
      if (table->remainder)
        {
          g_autofree char *sum = rocznik_format_count (table->sum);
          g_autofree char *total = table->declared_more_than
            ? rocznik_format_short (table->declared_total, TRUE)
            : rocznik_format_count (table->declared_total);
          g_autofree char *rest = rocznik_row_format_count (table->remainder);
          g_autofree char *note = g_strdup_printf ("Suma tematów: %s z %s rozmów; %s %s bez przypisanego tematu.",
                                                   sum, total, rest,
                                                   rocznik_plural (table->remainder->count, "rozmowa", "rozmowy", "rozmów"));
          chart->remainder_note = rocznik_typography (note);
        }
    }

  chart->title = spec->title ? g_strdup (spec->title)
                             : g_strdup_printf ("Tematy rozmów w %d" ROCZNIK_NBSP "r.", y->year);
  if (spec->subtitle == NULL)
    chart->subtitle = org ? g_strdup_printf ("%s: liczba rozmów według tematu", org)
                          : g_strdup ("Liczba rozmów według tematu");
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %d", org, y->year);
  if (chart->remainder_note)
    chart_add_note (notes, chart->remainder_note);
  return TRUE;
}

gboolean
chart_prepare_compare (RocznikChart           *chart,
                       GPtrArray              *years,
                       GPtrArray              *categories,
                       const RocznikChartSpec *spec,
                       GString                *notes,
                       GError                **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
  g_autofree char *span = NULL;
  const char *org;
  int list[CHART_MAX_SERIES];
  int n;
  gboolean missing = FALSE;
  gboolean all_categories = TRUE;
  const char *what;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  n = compare_years (years, spec, list, error);
  if (n == 0)
    return FALSE;
  for (int i = 0; i < n; i++)
    chart->series_years[i] = list[i];
  chart->n_series = n;

  if (spec->topics && spec->topics[0])
    {
      if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
    }
  else if (categories && categories->len > 0)
    {
      for (guint i = 0; i < categories->len && i < 8; i++)
        {
          const RocznikCategory *c = g_ptr_array_index (categories, i);
          ChartEntry e;

          if (!chart_resolve_entry (years, categories, c->name, &e, error))
            return FALSE;
          g_array_append_val (entries, e);
        }
    }
  else
    {
      const RocznikYear *last = rocznik_years_find (years, list[n - 1]);
      chart_entries_from_year (last, entries, 5);
    }
  if (entries->len == 0)
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                           _("There are no topics to compare"));
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const ChartEntry *e = &g_array_index (entries, ChartEntry, i);
      ChartGroup *g = chart_group_new (e->name, e->key);

      for (int s = 0; s < n; s++)
        {
          g->values[s] = chart_entry_value (e, rocznik_years_find (years, list[s]));
          missing |= g->values[s] == CHART_NO_VALUE;
        }
      g_ptr_array_add (chart->groups, g);
    }

  /* Categories compared are named as such, not as topics. */
  for (guint i = 0; i < entries->len; i++)
    all_categories &= g_array_index (entries, ChartEntry, i).keys != NULL;
  what = all_categories ? "kategorii" : "tematów";
  org = chart_organisation_of (years, list, n);
  span = chart_year_span (list, n);
  if (spec->title)
    chart->title = g_strdup (spec->title);
  else if (n == 1)
    chart->title = g_strdup_printf ("Porównanie %s w %d" ROCZNIK_NBSP "r.", what, list[0]);
  else
    {
      g_autofree char *joined = chart_join_years (list, n);
      chart->title = g_strdup_printf ("Porównanie %s: %s", what, joined);
    }
  if (spec->subtitle == NULL)
    chart->subtitle = g_strdup (n > 1 ? "Liczba rozmów w kolejnych latach" : "Liczba rozmów");
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %s", org, span);
  if (missing)
    chart_add_note (notes, "b.d. – brak danych o tym temacie w danym roku.");
  return TRUE;
}

gboolean
chart_prepare_yoy (RocznikChart           *chart,
                   GPtrArray              *years,
                   GPtrArray              *categories,
                   const RocznikChartSpec *spec,
                   GString                *notes,
                   GError                **error)
{
  const RocznikYear *later = chart_main_year (years, spec->year, error);
  const RocznikYear *earlier;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
  g_autoptr(GHashTable) earlier_index = NULL;
  g_autoptr(GHashTable) later_index = NULL;
  gboolean any_new = FALSE;
  int list[2];
  const char *org;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (later == NULL)
    return FALSE;
  if (spec->compare_year)
    {
      earlier = chart_find_year (years, spec->compare_year, error);
      if (earlier == NULL)
        return FALSE;
      if (earlier->year == later->year)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The year %d is given twice"), later->year);
          return FALSE;
        }
      if (earlier->year > later->year)
        {
          const RocznikYear *t = earlier;
          earlier = later;
          later = t;
        }
      /* Every topic would look new: no comparison at all. */
      if (earlier->topics->len == 0 || later->topics->len == 0)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       _("The year %d has no topics to compare"),
                       earlier->topics->len == 0 ? earlier->year : later->year);
          return FALSE;
        }
    }
  else
    {
      earlier = rocznik_years_latest_with_topics (years, later->year);
      if (earlier == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       _("No year before %d has topics to compare with"), later->year);
          return FALSE;
        }
    }
  chart->n_series = 2;
  chart->series_years[0] = list[0] = earlier->year;
  chart->series_years[1] = list[1] = later->year;

  if (!yoy_entries (years, categories, spec, earlier, later, entries, error))
    return FALSE;

  /* every topic of two years: look them up by key, not by a scan each */
  earlier_index = rocznik_year_index_topics (earlier);
  later_index = rocznik_year_index_topics (later);
  for (guint i = 0; i < entries->len; i++)
    {
      const ChartEntry *e = &g_array_index (entries, ChartEntry, i);
      ChartGroup *g = chart_group_new (e->name, e->key);

      g->values[0] = chart_entry_value_in (e, earlier, earlier_index);
      g->values[1] = chart_entry_value_in (e, later, later_index);
      if (g->values[0] > 0 && g->values[1] != CHART_NO_VALUE)
        g->change = rocznik_format_signed_percent (100.0 * (g->values[1] - g->values[0]) / g->values[0], 1);
      else if (g->values[0] == CHART_NO_VALUE && g->values[1] != CHART_NO_VALUE)
        {
          g->change = g_strdup ("nowy");
          any_new = TRUE;
        }
      else
        g->change = g_strdup ("b.d.");
      g_ptr_array_add (chart->groups, g);
    }
  if (!(spec->topics && spec->topics[0]))
    g_ptr_array_sort_with_data (chart->groups, chart_compare_groups_desc, GINT_TO_POINTER (1));

  org = chart_organisation_of (years, list, 2);
  chart->title = spec->title ? g_strdup (spec->title)
                             : g_strdup_printf ("Tematy rozmów: %d" ROCZNIK_NBSP "r. wobec %d" ROCZNIK_NBSP "r.",
                                                later->year, earlier->year);
  if (spec->subtitle == NULL)
    chart->subtitle = g_strdup_printf ("Liczba rozmów i zmiana wobec %d" ROCZNIK_NBSP "r.", earlier->year);
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %d i" ROCZNIK_NBSP "%d", org, earlier->year, later->year);
  if (any_new)
    {
      g_autofree char *note = g_strdup_printf ("„nowy” – temat nieobecny w %d" ROCZNIK_NBSP "r.", earlier->year);
      chart_add_note (notes, note);
    }
  return TRUE;
}
