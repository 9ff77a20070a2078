/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart.c — a chart's data, its words, and its export
 *
 * rocznik_chart_new() turns the workspace's years into groups of bars once;
 * rocznik-chart-layout.c places them for a size and paints them. Every
 * figure and word is Polish, formatted by rocznik-format.h.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-table.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

/* A topic or a category the user named, resolved against the years. */
typedef RocznikTopicRef Entry;

static const char *type_names[] = { "ranking", "compare", "yoy", "trend" };

/* Helpers */

static ChartGroup *
group_new (const char *name,
           const char *key)
{
  ChartGroup *g = g_new0 (ChartGroup, 1);

  g->name = rocznik_typography (name);
  g->key = g_strdup (key);
  for (int i = 0; i < CHART_MAX_SERIES; i++)
    g->values[i] = CHART_NO_VALUE;
  return g;
}

static void
group_free (ChartGroup *g)
{
  g_free (g->name);
  g_free (g->key);
  g_free (g->change);
  g_free (g);
}

static const RocznikYear *
find_year (GPtrArray *years,
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
static const RocznikYear *
main_year (GPtrArray *years,
           int        year,
           GError   **error)
{
  const RocznikYear *y;

  if (year != 0)
    return find_year (years, year, error);
  y = rocznik_years_latest_with_topics (years, 0);
  if (y == NULL)
    g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                         _("No year in the workspace has topics to chart"));
  return y;
}

static gboolean
resolve_entry (GPtrArray  *years,
               GPtrArray  *categories,
               const char *text,
               Entry      *out,
               GError    **error)
{
  return rocznik_topics_resolve (years, categories, NULL, text, out, error);
}

static gboolean
resolve_entries (GPtrArray  *years,
                 GPtrArray  *categories,
                 GStrv       topics,
                 GArray     *out,
                 GError    **error)
{
  for (guint i = 0; topics && topics[i]; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (topics[i]));
      Entry e;

      if (*text == '\0')
        continue;
      if (!resolve_entry (years, categories, text, &e, error))
        return FALSE;
      g_array_append_val (out, e);
    }
  return TRUE;
}

/* An entry's count in a year; a category adds up the topics it has. */
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
static gint64
entry_value_in (const Entry       *e,
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

static gint64
entry_value (const Entry       *e,
             const RocznikYear *y)
{
  return entry_value_in (e, y, NULL);
}

static void
entries_from_year (const RocznikYear *y,
                   GArray            *out,
                   guint              limit)
{
  g_autoptr(RocznikYear) sorted = rocznik_year_copy (y);

  rocznik_year_sort_by_count (sorted);
  for (guint i = 0; i < sorted->topics->len && (limit == 0 || i < limit); i++)
    {
      const RocznikTopic *t = g_ptr_array_index (sorted->topics, i);
      Entry e = { g_strdup (t->name), g_strdup (t->key), NULL };
      g_array_append_val (out, e);
    }
}

static const char *
organisation_of (GPtrArray *years,
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
static char *
join_years (const int *list,
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

static char *
year_span (const int *list,
           int        n)
{
  if (n == 1)
    return g_strdup_printf ("%d", list[0]);
  return g_strdup_printf ("%d–%d", list[0], list[n - 1]);
}

static int
compare_groups_desc (gconstpointer a,
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

static void
add_note (GString    *notes,
          const char *note)
{
  if (notes->len)
    g_string_append_c (notes, ' ');
  g_string_append (notes, note);
}

/* Chart types */

static gboolean
prepare_ranking (RocznikChart           *chart,
                 GPtrArray              *years,
                 GPtrArray              *categories,
                 const RocznikChartSpec *spec,
                 GString                *notes,
                 GError                **error)
{
  const RocznikYear *y = main_year (years, spec->year, error);
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

      entries = g_array_new (FALSE, TRUE, sizeof (Entry));
      g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
      if (!resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *e = &g_array_index (entries, Entry, i);
          ChartGroup *g = group_new (e->name, e->key);

          g->values[0] = entry_value (e, y);
          g->share = sum > 0 && g->values[0] > 0 ? 100.0 * g->values[0] / sum : 0;
          g_ptr_array_add (chart->groups, g);
        }
      g_ptr_array_sort_with_data (chart->groups, compare_groups_desc, GINT_TO_POINTER (0));
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
          ChartGroup *g = group_new (row->name, row->key);

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
    add_note (notes, chart->remainder_note);
  return TRUE;
}

static gboolean
prepare_compare (RocznikChart           *chart,
                 GPtrArray              *years,
                 GPtrArray              *categories,
                 const RocznikChartSpec *spec,
                 GString                *notes,
                 GError                **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autofree char *span = NULL;
  const char *org;
  int list[CHART_MAX_SERIES];
  int n = 0;
  gboolean missing = FALSE;
  gboolean all_categories = TRUE;
  const char *what;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (spec->years && spec->years[0])
    {
      for (int i = 0; spec->years[i]; i++)
        {
          if (n == CHART_MAX_SERIES)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("A chart compares at most %d years"), CHART_MAX_SERIES);
              return FALSE;
            }
          list[n++] = spec->years[i];
        }
    }
  else
    {
      const RocznikYear *y = main_year (years, spec->year, error);
      if (y == NULL)
        return FALSE;
      list[n++] = y->year;
      if (spec->compare_year && spec->compare_year != y->year)
        list[n++] = spec->compare_year;
    }
  /* Oldest first: the legend reads like a timeline. */
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
          return FALSE;
        }
      if (find_year (years, list[i], error) == NULL)
        return FALSE;
      chart->series_years[i] = list[i];
    }
  chart->n_series = n;

  if (spec->topics && spec->topics[0])
    {
      if (!resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
    }
  else if (categories && categories->len > 0)
    {
      for (guint i = 0; i < categories->len && i < 8; i++)
        {
          const RocznikCategory *c = g_ptr_array_index (categories, i);
          Entry e;

          if (!resolve_entry (years, categories, c->name, &e, error))
            return FALSE;
          g_array_append_val (entries, e);
        }
    }
  else
    {
      const RocznikYear *last = rocznik_years_find (years, list[n - 1]);
      entries_from_year (last, entries, 5);
    }
  if (entries->len == 0)
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                           _("There are no topics to compare"));
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      ChartGroup *g = group_new (e->name, e->key);

      for (int s = 0; s < n; s++)
        {
          g->values[s] = entry_value (e, rocznik_years_find (years, list[s]));
          missing |= g->values[s] == CHART_NO_VALUE;
        }
      g_ptr_array_add (chart->groups, g);
    }

  /* Categories compared are named as such, not as topics. */
  for (guint i = 0; i < entries->len; i++)
    all_categories &= g_array_index (entries, Entry, i).keys != NULL;
  what = all_categories ? "kategorii" : "tematów";
  org = organisation_of (years, list, n);
  span = year_span (list, n);
  if (spec->title)
    chart->title = g_strdup (spec->title);
  else if (n == 1)
    chart->title = g_strdup_printf ("Porównanie %s w %d" ROCZNIK_NBSP "r.", what, list[0]);
  else
    {
      g_autofree char *joined = join_years (list, n);
      chart->title = g_strdup_printf ("Porównanie %s: %s", what, joined);
    }
  if (spec->subtitle == NULL)
    chart->subtitle = g_strdup (n > 1 ? "Liczba rozmów w kolejnych latach" : "Liczba rozmów");
  if (spec->source == NULL && org)
    chart->source = g_strdup_printf ("Źródło: %s, %s", org, span);
  if (missing)
    add_note (notes, "b.d. – brak danych o tym temacie w danym roku.");
  return TRUE;
}

static gboolean
prepare_yoy (RocznikChart           *chart,
             GPtrArray              *years,
             GPtrArray              *categories,
             const RocznikChartSpec *spec,
             GString                *notes,
             GError                **error)
{
  const RocznikYear *later = main_year (years, spec->year, error);
  const RocznikYear *earlier;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
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
      earlier = find_year (years, spec->compare_year, error);
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

  if (spec->topics && spec->topics[0])
    {
      if (!resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

      entries_from_year (later, entries, 0);
      for (guint i = 0; i < entries->len; i++)
        g_hash_table_add (keys, g_array_index (entries, Entry, i).key);
      /* Topics that disappeared belong in the picture too. */
      for (guint i = 0; i < earlier->topics->len; i++)
        {
          const RocznikTopic *t = g_ptr_array_index (earlier->topics, i);
          if (!g_hash_table_contains (keys, t->key))
            {
              Entry e = { g_strdup (t->name), g_strdup (t->key), NULL };
              g_array_append_val (entries, e);
            }
        }
    }

  /* every topic of two years: look them up by key, not by a scan each */
  earlier_index = rocznik_year_index_topics (earlier);
  later_index = rocznik_year_index_topics (later);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      ChartGroup *g = group_new (e->name, e->key);

      g->values[0] = entry_value_in (e, earlier, earlier_index);
      g->values[1] = entry_value_in (e, later, later_index);
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
    g_ptr_array_sort_with_data (chart->groups, compare_groups_desc, GINT_TO_POINTER (1));

  org = organisation_of (years, list, 2);
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
      add_note (notes, note);
    }
  return TRUE;
}

static gboolean
prepare_trend (RocznikChart           *chart,
               GPtrArray              *years,
               GPtrArray              *categories,
               const RocznikChartSpec *spec,
               GString                *notes,
               GError                **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) sums = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *span = NULL;
  const Entry *topic = NULL;
  int first = G_MAXINT, last = G_MININT;
  int list[2];
  const char *org;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (spec->topics && spec->topics[0])
    {
      if (!resolve_entries (years, categories, spec->topics, entries, error))
        return FALSE;
      if (entries->len > 1)
        {
          g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                               _("A trend chart shows one topic or category at a time"));
          return FALSE;
        }
      if (entries->len == 1)
        topic = &g_array_index (entries, Entry, 0);
    }
  chart->n_series = 1;

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);
      gboolean has = topic ? entry_value (topic, y) != CHART_NO_VALUE
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
          first = MIN (first, y->year);
          last = MAX (last, y->year);
        }
    }
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
      ChartGroup *g = group_new (label, label);

      g->year = year;
      if (y && topic)
        g->values[0] = entry_value (topic, y);
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
  span = year_span (list, first == last ? 1 : 2);
  org = organisation_of (years, list, 2);
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
    add_note (notes, "Słupki kreskowane: sprawozdanie podaje tylko dolną granicę („ponad …”).");
  if (sums->len > 0)
    {
      g_autofree char *joined = join_years ((int *) sums->data, sums->len);
      g_autofree char *note = g_strdup_printf ("%s: suma tematów, bez podanej liczby wszystkich rozmów.", joined);
      add_note (notes, note);
    }
  if (gaps->len > 0)
    {
      g_autofree char *joined = join_years ((int *) gaps->data, gaps->len);
      g_autofree char *note = g_strdup_printf (gaps->len == 1 ? "Brak danych za %s" ROCZNIK_NBSP "r."
                                                              : "Brak danych za lata %s.", joined);
      add_note (notes, note);
    }
  return TRUE;
}

static void
update_highlight (RocznikChart *chart)
{
  for (guint i = 0; i < chart->groups->len; i++)
    {
      ChartGroup *g = g_ptr_array_index (chart->groups, i);
      g->highlighted = g_hash_table_contains (chart->highlight, g->key);
    }
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
}

static ChartLayout *
chart_layout (RocznikChart *chart,
              double        width,
              double        height)
{
  if (chart->layout && chart->layout->width == width && chart->layout->height == height)
    return chart->layout;
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
  chart->layout = rocznik_chart_layout_compute (chart, width, height);
  return chart->layout;
}

static char *
count_with_noun (gint64   n,
                 gboolean more_than)
{
  g_autofree char *num = rocznik_format_count (n);

  return g_strdup_printf ("%s%s %s", more_than ? "ponad " : "", num,
                          more_than ? "rozmów" : rocznik_plural (n, "rozmowa", "rozmowy", "rozmów"));
}

/* Public API */

gboolean
rocznik_chart_type_from_string (const char       *name,
                                RocznikChartType *type)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (name, type_names[i]) == 0)
      {
        if (type)
          *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rocznik_chart_type_to_string (RocznikChartType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (type_names), NULL);
  return type_names[type];
}

/* @years: every year of the workspace (rocznik_workspace_load_all());
 * @categories: RocznikCategory*, or NULL. The chart copies what it needs. */
RocznikChart *
rocznik_chart_new (GPtrArray              *years,
                   GPtrArray              *categories,
                   const RocznikChartSpec *spec,
                   GError                **error)
{
  g_autoptr(RocznikChart) chart = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  gboolean ok = FALSE;

  g_return_val_if_fail (years != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chart = g_new0 (RocznikChart, 1);
  chart->type = spec->type;
  chart->theme = spec->theme;
  chart->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  chart->bars = g_array_new (FALSE, FALSE, sizeof (ChartBar));
  chart->highlight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  switch (spec->type)
    {
    case ROCZNIK_CHART_RANKING:
      ok = prepare_ranking (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_COMPARE:
      ok = prepare_compare (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_YOY:
      ok = prepare_yoy (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_TREND:
      ok = prepare_trend (chart, years, categories, spec, notes, error);
      break;
    default:
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("Unknown chart type %d"), (int) spec->type);
    }
  if (!ok)
    return NULL;

  if (spec->subtitle)
    chart->subtitle = g_strdup (spec->subtitle);
  if (spec->source)
    chart->source = g_strdup (spec->source);
  if (spec->notes && *spec->notes)
    add_note (notes, spec->notes);
  chart->notes = notes->len ? rocznik_typography (notes->str) : NULL;
  {
    char *t = rocznik_typography (chart->title);
    g_free (chart->title);
    chart->title = t;
  }

  for (guint i = 0; i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      for (int s = 0; s < chart->n_series; s++)
        if (g->values[s] != CHART_NO_VALUE)
          {
            ChartBar bar = { (int) i, s };
            g_array_append_val (chart->bars, bar);
          }
    }
  rocznik_chart_set_highlight (chart, (const char * const *) spec->highlight);
  return g_steal_pointer (&chart);
}

void
rocznik_chart_free (RocznikChart *chart)
{
  if (chart == NULL)
    return;
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
  g_clear_object (&chart->pango);
  g_clear_object (&chart->font_map);
  g_clear_pointer (&chart->groups, g_ptr_array_unref);
  g_clear_pointer (&chart->bars, g_array_unref);
  g_clear_pointer (&chart->highlight, g_hash_table_unref);
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->source);
  g_free (chart->notes);
  g_free (chart->remainder_note);
  g_free (chart);
}

void
rocznik_chart_set_theme (RocznikChart     *chart,
                         RocznikChartTheme theme)
{
  g_return_if_fail (chart != NULL);
  chart->theme = theme;
}

RocznikChartTheme
rocznik_chart_get_theme (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, ROCZNIK_CHART_THEME_LIGHT);
  return chart->theme;
}

/* @keys: topic keys (or category names) to draw in the accent colour. */
void
rocznik_chart_set_highlight (RocznikChart      *chart,
                             const char * const *keys)
{
  g_return_if_fail (chart != NULL);

  g_hash_table_remove_all (chart->highlight);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *key = rocznik_topic_key (keys[i]);
      g_hash_table_add (chart->highlight, g_strdup (keys[i]));
      g_hash_table_add (chart->highlight, g_steal_pointer (&key));
    }
  update_highlight (chart);
}

const char *
rocznik_chart_get_title (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

void
rocznik_chart_set_font_map (RocznikChart *chart,
                            PangoFontMap *font_map)
{
  g_return_if_fail (chart != NULL);

  if (!g_set_object (&chart->font_map, font_map))
    return;
  /* Text measured with other fonts is stale. */
  g_clear_object (&chart->pango);
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
}

/* The texts as drawn (defaults filled in); NULL when the chart has none. */
const char *
rocznik_chart_get_subtitle (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->subtitle && *chart->subtitle ? chart->subtitle : NULL;
}

const char *
rocznik_chart_get_source (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->source && *chart->source ? chart->source : NULL;
}

const char *
rocznik_chart_get_notes (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->notes;
}

RocznikChartType
rocznik_chart_get_chart_type (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, ROCZNIK_CHART_RANKING);
  return chart->type;
}

/* Draws the whole chart, ground included, into (0, 0, @width, @height). */
void
rocznik_chart_draw (RocznikChart *chart,
                    cairo_t      *cr,
                    double        width,
                    double        height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (width < 1 || height < 1)
    return;
  rocznik_chart_layout_paint (chart_layout (chart, width, height), chart->theme, cr);
}

void
rocznik_chart_item_free (RocznikChartItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

/* The geometry of a draw at this size: RocznikChartItem*, in paint order. */
GPtrArray *
rocznik_chart_get_layout (RocznikChart *chart,
                          double        width,
                          double        height)
{
  GPtrArray *items;
  ChartLayout *layout;

  g_return_val_if_fail (chart != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_chart_item_free);
  layout = chart_layout (chart, width, height);
  for (guint i = 0; i < layout->prims->len; i++)
    {
      const ChartPrim *p = &g_array_index (layout->prims, ChartPrim, i);
      RocznikChartItem *item;

      if (p->kind == PRIM_LINE && p->item != ROCZNIK_CHART_ITEM_GRID)
        continue;
      item = g_new0 (RocznikChartItem, 1);
      item->kind = p->item;
      item->bar = p->bar;
      item->value = p->value;
      item->year = p->year;
      if (p->kind == PRIM_TEXT)
        {
          double x, y, w, h;

          rocznik_chart_text_extents (p->layout, &x, &y, &w, &h);
          item->x = p->x + x;
          item->y = p->y + y;
          item->width = w;
          item->height = h;
          item->text = g_strdup (pango_layout_get_text (p->layout));
        }
      else
        {
          item->x = p->x;
          item->y = p->y;
          item->width = p->w;
          item->height = p->h;
        }
      g_ptr_array_add (items, item);
    }
  return items;
}

int
rocznik_chart_get_n_bars (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->bars->len;
}

/* The topic key (or category name, or year) of a bar, for selecting its row. */
const char *
rocznik_chart_get_bar_key (RocznikChart *chart,
                           int           index)
{
  const ChartBar *bar;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint) index < chart->bars->len, NULL);

  bar = &g_array_index (chart->bars, ChartBar, index);
  return ((ChartGroup *) g_ptr_array_index (chart->groups, bar->group))->key;
}

/* The bar under (@x, @y), its value label included, or -1. */
int
rocznik_chart_hit_test (RocznikChart *chart,
                        double        width,
                        double        height,
                        double        x,
                        double        y)
{
  ChartLayout *layout;
  const double slack = 2;

  g_return_val_if_fail (chart != NULL, -1);

  layout = chart_layout (chart, width, height);
  for (guint i = 0; i < layout->prims->len; i++)
    {
      const ChartPrim *p = &g_array_index (layout->prims, ChartPrim, i);
      double px = p->x, py = p->y, pw = p->w, ph = p->h;

      if (p->bar < 0 || (p->item != ROCZNIK_CHART_ITEM_BAR && p->item != ROCZNIK_CHART_ITEM_VALUE))
        continue;
      if (p->kind == PRIM_TEXT)
        {
          rocznik_chart_text_extents (p->layout, &px, &py, &pw, &ph);
          px += p->x;
          py += p->y;
        }
      if (x >= px - slack && x <= px + pw + slack && y >= py - slack && y <= py + ph + slack)
        return p->bar;
    }
  return -1;
}

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
  g = g_ptr_array_index (chart->groups, bar->group);
  value = g->values[bar->series];
  count = count_with_noun (value, g->more_than[bar->series]);

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
                                                                : count_with_noun (g->values[i], FALSE);
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

  s = g_string_new ("Wykres słupkowy: ");
  g_string_append (s, chart->title);
  g_string_append (s, ".");
  if (chart->subtitle && *chart->subtitle)
    g_string_append_printf (s, " %s.", chart->subtitle);
  for (guint i = 0; i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);

      g_string_append_printf (s, "%s %s:", i ? ";" : "", g->name);
      for (int k = 0; k < chart->n_series; k++)
        {
          g_autofree char *v = g->values[k] == CHART_NO_VALUE ? g_strdup ("brak danych")
                                                              : count_with_noun (g->values[k], g->more_than[k]);
          if (chart->n_series > 1)
            g_string_append_printf (s, "%s %d" ROCZNIK_NBSP "r. %s", k ? "," : "", chart->series_years[k], v);
          else
            g_string_append_printf (s, " %s", v);
        }
      if (g->change)
        g_string_append_printf (s, ", zmiana %s", g->change);
    }
  g_string_append (s, ".");
  if (chart->notes)
    g_string_append_printf (s, " %s", chart->notes);
  return g_string_free (s, FALSE);
}

cairo_surface_t *
rocznik_chart_render_image (RocznikChart *chart,
                            int           width,
                            int           height,
                            double        scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rocznik_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Drops Pango's font map, so that a leak checker at exit sees only real
 * leaks. Call it last, with no chart, layout or Pango context alive. Cairo's
 * and fontconfig's own state stay: their debug resets abort while another
 * thread (GLib's, fontconfig's) is alive, after the file was written. */
void
rocznik_chart_release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
}

/* A fixed creation date keeps PDF exports byte-identical when asked
 * (SOURCE_DATE_EPOCH, as reproducible builds use). */
static void
pdf_set_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rocznik");
  if (epoch && *epoch)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
      g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S") : NULL;

      if (iso)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
        }
    }
}

gboolean
rocznik_chart_export (RocznikChart *chart,
                      const char   *path,
                      int           width,
                      int           height,
                      double        dpi,
                      GError      **error)
{
  g_autofree char *lower = NULL;
  RocznikFile *out;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } format;
  double scale;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PDF;
  else
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("Cannot save a chart as %s: use a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (dpi <= 0)
    dpi = 96;
  scale = dpi / 96.0;
  if (width < 100 || height < 100 || width > 10000 || height > 10000
      || dpi > 1200 || width * scale > 16000 || height * scale > 16000)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("A chart of %d×%d at %g dpi is too small or too large"), width, height, dpi);
      return FALSE;
    }

  out = rocznik_file_new (path, error);
  if (out == NULL)
    return FALSE;

  switch (format)
    {
    case PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) round (width * scale), (int) round (height * scale));
      break;
    case SVG:
      surface = cairo_svg_surface_create_for_stream (rocznik_file_cairo_write, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      scale = 1;
      break;
    case PDF:
      /* The same physical size as the picture at 96 dpi: 1 px = 0.75 pt. */
      surface = cairo_pdf_surface_create_for_stream (rocznik_file_cairo_write, out, width * 0.75, height * 0.75);
      pdf_set_metadata (surface, chart->title);
      scale = 0.75;
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rocznik_chart_draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PNG)
    status = cairo_surface_write_to_png_stream (surface, rocznik_file_cairo_write, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (!rocznik_file_take_error (out, error))
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                     _("Cannot save the chart %s: %s"), path, cairo_status_to_string (status));
      rocznik_file_abort (out);
      return FALSE;
    }
  return rocznik_file_commit (out, error);
}
