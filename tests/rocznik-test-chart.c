/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-chart.c — geometry checks and generated years every chart suite shares */

#include <string.h>

#include "rocznik-test-chart.h"
#include "rocznik-workspace.h"
#include "rocznik-year.h"

gboolean
overlap (const RocznikChartItem *a,
         const RocznikChartItem *b)
{
  const double eps = 0.5;

  return a->x + a->width > b->x + eps && b->x + b->width > a->x + eps
      && a->y + a->height > b->y + eps && b->y + b->height > a->y + eps;
}

GPtrArray *
items_of (GPtrArray           *items,
          RocznikChartItemKind kind)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      RocznikChartItem *item = g_ptr_array_index (items, i);
      if (item->kind == kind)
        g_ptr_array_add (out, item);
    }
  return out;
}

gboolean
has_text (GPtrArray  *items,
          const char *needle)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RocznikChartItem *item = g_ptr_array_index (items, i);
      if (item->text && strstr (item->text, needle))
        return TRUE;
    }
  return FALSE;
}

/* What every chart at every size must satisfy: text inside the canvas,
 * no text over other text, no text over a bar. */
void
check_clean (GPtrArray *items,
             double     width,
             double     height)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RocznikChartItem *a = g_ptr_array_index (items, i);

      if (a->text == NULL || a->width == 0)
        continue;
      if (a->x < 0 || a->y < 0 || a->x + a->width > width || a->y + a->height > height)
        g_error ("„%s” leaves the %g×%g canvas: %g,%g %g×%g", a->text, width, height,
                 a->x, a->y, a->width, a->height);
      for (guint j = 0; j < items->len; j++)
        {
          const RocznikChartItem *b = g_ptr_array_index (items, j);

          if (i == j || b->width == 0)
            continue;
          if (b->text && j > i && overlap (a, b))
            g_error ("„%s” overlaps „%s” at %g×%g", a->text, b->text, width, height);
          if (b->kind == ROCZNIK_CHART_ITEM_BAR && overlap (a, b))
            g_error ("„%s” covers bar %d at %g×%g", a->text, b->bar, width, height);
        }
    }
}

/* Generated years of @n topics: names of one to seven words (some long
 * enough to wrap), counts falling off with the rank, some topics missing
 * from the earlier year. */
GPtrArray *
many_topic_years (guint n)
{
  static const char *words[] = { "gospodarka", "odpadami", "transport", "miejski", "strefa",
                                 "parkowania", "oświata", "podatki", "opłaty", "lokalne",
                                 "zieleń", "drogi", "świadczenia", "działalność gospodarcza" };
  GPtrArray *years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);

  for (int y = 2020; y <= 2021; y++)
    {
      RocznikYear *year = rocznik_year_new (y);

      year->organisation = g_strdup ("Centrum Kontaktu");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GString) name = g_string_new (NULL);
          int n_words = g_rand_int_range (rand, 1, 8);

          if (y == 2020 && i % 7 == 3)
            continue;
          for (int w = 0; w < n_words; w++)
            g_string_append_printf (name, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_printf (name, "%u", i + 1);
          rocznik_year_add_topic (year, name->str, 70000 / (i + 1) + g_rand_int_range (rand, 0, 40));
        }
      g_ptr_array_add (years, year);
    }
  return years;
}

/* The bundled sample's years (RocznikYear*). */
GPtrArray *
sample_years (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GError) error = NULL;
  GPtrArray *years;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_no_error (error);
  years = rocznik_workspace_load_all (ws, &error);
  g_assert_no_error (error);
  return years;
}

RocznikChart *
chart_for (GPtrArray        *years,
           RocznikChartType  type,
           const char       *topics,
           int               compare_year)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = topics ? g_strsplit (topics, ";", -1) : NULL;
  RocznikChartSpec spec = { .type = type, .topics = list, .compare_year = compare_year };
  RocznikChart *chart = rocznik_chart_new (years, NULL, &spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}
