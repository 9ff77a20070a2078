/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts: geometry of every type at phone, social, full HD and A4 sizes,
 * drawn for the bundled sample; exports read back as a user's tools would.
 *
 * `test-chart --images DIR` writes the README's chart images instead
 * (tests/make-chart-images.sh).
 */

#include <cairo.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <math.h>
#include <string.h>

#include "rocznik-chart.h"
#include "rocznik-chart-preset.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-workspace.h"
#include "rocznik-test-chart.h"
#include "rocznik-test-util.h"

#define NBSP ROCZNIK_NBSP

static const struct { int w, h; } sizes[] = {
  { 320, 400 }, { 320, 568 }, { 1200, 675 }, { 1080, 1080 }, { 1920, 1080 },
  { 595, 842 },   /* A4 in points, as the PDF report draws it */
  { 794, 1123 },  /* A4 at 96 dpi */
};

/* The sample, plus (when asked) topic counts for 2017 that are NOT
 * published: made up for the year-on-year chart, and said so. */
static GPtrArray *
load_years (gboolean with_2017_topics)
{
  GPtrArray *years = sample_years ();

  if (with_2017_topics)
    {
      static const struct { const char *name; gint64 count; } made_up[] = {
        { "gospodarka odpadami", 81210 },
        { "świadczenia wychowawcze 500+, działania prorodzinne i" NBSP "pomoc społeczna", 60470 },
        { "transport miejski i" NBSP "strefa parkowania", 61004 },
        { "uprawnienia transportowe, sprawy urodzeń, małżeństw, zameldowania i" NBSP "zgonów", 40112 },
        { "podatki i" NBSP "opłaty lokalne, działalność gospodarcza", 17020 },
        { "sprawy organizacyjne UMP, Sekretariat Prezydenta", 7905 },
        { "urbanistyka i" NBSP "architektura", 6140 },
        { "oświata", 1650 },
        { "Akcja Zima", 702 },
        { "sprawy ogólne (w tym Poznański Budżet Obywatelski, działania na rzecz seniorów)", 92448 },
      };
      RocznikYear *y2017 = NULL;

      for (guint i = 0; i < years->len; i++)
        if (((RocznikYear *) g_ptr_array_index (years, i))->year == 2017)
          y2017 = g_ptr_array_index (years, i);
      g_assert_nonnull (y2017);
      for (guint i = 0; i < G_N_ELEMENTS (made_up); i++)
        rocznik_year_add_topic (y2017, made_up[i].name, made_up[i].count);
    }
  return years;
}

/* Every bar's length is its count times one scale, within a pixel. */
static void
check_proportional (GPtrArray *bars,
                    gboolean   vertical)
{
  double k = 0;

  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);
      k = MAX (k, (vertical ? b->height : b->width) / (double) b->value);
    }
  g_assert_cmpfloat (k, >, 0);
  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);
      g_assert_cmpfloat (fabs ((vertical ? b->height : b->width) - b->value * k), <=, 1.0);
    }
}

static int
count_desc (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* A year's topic counts as stored, largest first: the chart's input. */
static GArray *
year_counts (GPtrArray *years,
             int        year)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      for (guint k = 0; y->year == year && k < y->topics->len; k++)
        g_array_append_val (counts, ((RocznikTopic *) g_ptr_array_index (y->topics, k))->count);
    }
  g_array_sort (counts, count_desc);
  return counts;
}

/* Polish, written out here rather than asked of the program. */
static const char *
topics_word (guint n)
{
  if (n == 1)
    return "temat";
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
    return "tematy";
  return "tematów";
}

/* When the chart leaves topics out, its last bar is "pozostałe (N tematów)"
 * with the exact sum of the @counts (largest first) it left out, in the
 * muted colour of no single topic, and the note says so. Returns how many
 * topics have a bar of their own. */
static guint
check_rest_row (GPtrArray    *items,
                GPtrArray    *bars,
                const gint64 *counts,
                guint         n_counts)
{
  const RocznikChartItem *last = g_ptr_array_index (bars, bars->len - 1);
  guint shown = bars->len - 1, n_rest;
  gint64 sum = 0;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *rest_text = NULL;
  g_autofree char *all_text = NULL;

  if (bars->len == n_counts)
    {
      for (guint i = 0; i < bars->len; i++)
        g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, i))->bar, >=, 0);
      g_assert_false (has_text (items, "pozostałe"));
      return n_counts;
    }
  g_assert_cmpuint (bars->len, <, n_counts);
  n_rest = n_counts - shown;
  g_assert_cmpuint (n_rest, >=, 2);   /* one left out is shown, not summed */
  for (guint i = shown; i < n_counts; i++)
    sum += counts[i];
  for (guint i = 0; i < shown; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);
      g_assert_cmpint (b->bar, >=, 0);
      g_assert_cmpint (b->value, ==, counts[i]);
    }
  g_assert_cmpint (last->bar, ==, -1);
  g_assert_cmpint (last->value, ==, sum);
  rest_text = test_grouped (n_rest, NBSP);
  all_text = test_grouped (n_counts, NBSP);
  sum_text = test_grouped (sum, NBSP);
  label = g_strdup_printf ("pozostałe (%s %s)", rest_text, topics_word (n_rest));
  g_assert_true (has_text (items, label));
  g_assert_true (has_text (items, sum_text));
  note = g_strdup_printf ("Pokazano %u" NBSP "%s z" NBSP "%s; „pozostałe” to suma %s pozostałych: %s %s.",
                          shown,
                          shown == 1 ? "największy temat" : g_str_equal (topics_word (shown), "tematy")
                                                            ? "największe tematy" : "największych tematów",
                          all_text, rest_text, sum_text,
                          sum == 1 ? "rozmowa" : g_str_equal (topics_word (sum), "tematy") ? "rozmowy" : "rozmów");
  if (!has_text (items, note))
    g_error ("no note „%s”", note);
  return shown;
}

static void
test_ranking (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(GArray) counts = year_counts (years, 2018);
  guint n_topics;

  g_assert_cmpuint (counts->len, ==, 17);
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 17);
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Tematy rozmów w" NBSP "2018" NBSP "r.");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
      g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
      g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);

      g_test_message ("ranking at %d×%d: %u bars", sizes[s].w, sizes[s].h, bars->len);
      check_clean (items, sizes[s].w, sizes[s].h);
      g_assert_cmpuint (bars->len, >=, 8);
      g_assert_cmpuint (values->len, ==, bars->len);
      check_proportional (bars, FALSE);
      n_topics = check_rest_row (items, bars, (const gint64 *) counts->data, counts->len);
      for (guint i = 1; i < n_topics; i++)
        {
          const RocznikChartItem *a = g_ptr_array_index (bars, i - 1);
          const RocznikChartItem *b = g_ptr_array_index (bars, i);

          g_assert_cmpint (a->value, >=, b->value);
          g_assert_cmpfloat (a->width, >=, b->width);
          g_assert_cmpfloat (a->y + a->height, <=, b->y);
          g_assert_cmpfloat (a->x, ==, b->x);
        }
      /* the largest topic first, all topics or the largest and "pozostałe" */
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 0))->value, ==, 100990);
      g_assert_true (has_text (items, "100" NBSP "990"));
      g_assert_true (has_text (items, "70" NBSP "055"));
      /* honest about the calls no topic covers */
      g_assert_true (has_text (items, "Suma tematów: 388" NBSP "468 z" NBSP "ponad 586" NBSP "tys. rozmów; "
                                      "ponad 197" NBSP "532 rozmowy bez przypisanego tematu."));
      g_assert_true (has_text (items, "Źródło: Biuro Poznań Kontakt, 2018"));
    }

  /* At 1200×675 all 17 fit, and the longest name wraps instead of being cut. */
  {
    g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
    g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);

    g_assert_cmpuint (bars->len, ==, 17);
    g_assert_true (has_text (items, "20" NBSP "tys."));   /* round ticks */
    g_assert_true (has_text (items, "100" NBSP "tys."));
    g_assert_true (has_text (items, "sprawy ogólne (w" NBSP "tym Poznański Budżet Obywatelski, działania na" NBSP "rzecz seniorów)"));
    g_assert_false (has_text (items, "…"));
  }
}

/* 300 and 3 000 topics: at every size the chart stays clean, shows the
 * largest topics in order and one "pozostałe" bar with the exact sum of the
 * rest; year on year too, each year's "pozostałe" its own exact sum. */
static void
test_many_topics (void)
{
  static const guint counts_of[] = { 300, 3000 };

  for (guint c = 0; c < G_N_ELEMENTS (counts_of); c++)
    {
      g_autoptr(GPtrArray) years = many_topic_years (counts_of[c]);
      g_autoptr(RocznikChart) ranking = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
      g_autoptr(RocznikChart) yoy = chart_for (years, ROCZNIK_CHART_YOY, NULL, 0);
      g_autoptr(GArray) counts = year_counts (years, 2021);
      g_autoptr(GArray) earlier = year_counts (years, 2020);

      g_assert_cmpuint (counts->len, ==, counts_of[c]);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(GPtrArray) items = rocznik_chart_get_layout (ranking, sizes[s].w, sizes[s].h);
          g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
          g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
          g_autoptr(GPtrArray) yoy_items = rocznik_chart_get_layout (yoy, sizes[s].w, sizes[s].h);
          g_autoptr(GPtrArray) yoy_bars = items_of (yoy_items, ROCZNIK_CHART_ITEM_BAR);
          gint64 rest[2] = { 0, 0 }, shown_sum[2] = { 0, 0 };
          gint64 all[2] = { 0, 0 };

          g_test_message ("%u topics at %d×%d: %u bars", counts_of[c], sizes[s].w, sizes[s].h, bars->len);
          check_clean (items, sizes[s].w, sizes[s].h);
          check_proportional (bars, FALSE);
          g_assert_cmpuint (values->len, ==, bars->len);
          g_assert_cmpuint (bars->len, >=, 3);
          check_rest_row (items, bars, (const gint64 *) counts->data, counts->len);

          /* year on year: the bars of topics and the two "pozostałe" bars
           * add up to each year's sum of topics */
          check_clean (yoy_items, sizes[s].w, sizes[s].h);
          for (guint i = 0; i < counts->len; i++)
            all[1] += g_array_index (counts, gint64, i);
          for (guint i = 0; i < earlier->len; i++)
            all[0] += g_array_index (earlier, gint64, i);
          for (guint i = 0; i < yoy_bars->len; i++)
            {
              const RocznikChartItem *b = g_ptr_array_index (yoy_bars, i);
              int series = b->year == 2021;

              g_assert_true (b->year == 2020 || b->year == 2021);
              if (b->bar == -1)
                rest[series] += b->value;
              else
                shown_sum[series] += b->value;
            }
          g_assert_cmpint (shown_sum[0] + rest[0], ==, all[0]);
          g_assert_cmpint (shown_sum[1] + rest[1], ==, all[1]);
          g_assert_true (has_text (yoy_items, "pozostałe ("));
        }
    }
}

static void
test_trend (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_TREND, NULL, 0);

  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 5);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
      g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
      g_autoptr(GPtrArray) gaps = items_of (items, ROCZNIK_CHART_ITEM_GAP);
      static const int bar_years[] = { 2015, 2017, 2018, 2020, 2021 };

      check_clean (items, sizes[s].w, sizes[s].h);
      g_assert_cmpuint (bars->len, ==, 5);
      g_assert_cmpuint (gaps->len, ==, 2);
      for (guint i = 0; i < bars->len; i++)
        {
          const RocznikChartItem *b = g_ptr_array_index (bars, i);
          g_assert_cmpint (b->year, ==, bar_years[i]);
          g_assert_cmpfloat (b->height, >, 10);
          if (i > 0)
            g_assert_cmpfloat (b->x, >, ((RocznikChartItem *) g_ptr_array_index (bars, i - 1))->x);
        }
      check_proportional (bars, TRUE);
      /* 2016 and 2019: a marked gap in its place between the years, never a bar */
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (gaps, 0))->year, ==, 2016);
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (gaps, 1))->year, ==, 2019);
      for (guint i = 0; i < gaps->len; i++)
        {
          const RocznikChartItem *gap = g_ptr_array_index (gaps, i);
          const RocznikChartItem *before = g_ptr_array_index (bars, i == 0 ? 0 : 2);
          const RocznikChartItem *after = g_ptr_array_index (bars, i == 0 ? 1 : 3);

          g_assert_cmpfloat (gap->x, >=, before->x + before->width);
          g_assert_cmpfloat (gap->x + gap->width, <=, after->x);
        }
      g_assert_true (has_text (items, "brak danych") || has_text (items, "brak\ndanych"));
      g_assert_true (has_text (items, "472" NBSP "553") || has_text (items, "473" NBSP "tys."));
      g_assert_true (has_text (items, "586" NBSP "tys."));
      g_assert_true (has_text (items, "Brak danych za lata 2016 i" NBSP "2019."));
      g_assert_true (has_text (items, "dolną granicę"));
    }
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) years = load_years (TRUE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) topics = g_strsplit ("gospodarka odpadami;transport;wybory", ";", -1);
  const int list[] = { 2017, 2018, 0 };
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_COMPARE, .topics = topics, .years = list };
  g_autoptr(RocznikChart) chart = rocznik_chart_new (years, NULL, &spec, &error);

  g_assert_no_error (error);
  /* "wybory" has no 2017 figure: 5 bars, not 6, and no zero */
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 5);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 2), ==, "transport miejski i strefa parkowania");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
      g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);

      check_clean (items, sizes[s].w, sizes[s].h);
      g_assert_cmpuint (bars->len, ==, 5);
      check_proportional (bars, FALSE);
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 0))->year, ==, 2017);
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 1))->year, ==, 2018);
      g_assert_true (has_text (items, "2017" NBSP "r."));   /* legend */
      g_assert_true (has_text (items, "b.d."));
      g_assert_true (has_text (items, "transport miejski i" NBSP "strefa parkowania"));
    }
}

static void
test_yoy (void)
{
  g_autoptr(GPtrArray) years = load_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_YOY, NULL, 0);
  g_autoptr(GPtrArray) sample = load_years (FALSE);
  g_autoptr(GError) error = NULL;
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_YOY };
  g_autofree char *tip = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
      g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);

      check_clean (items, sizes[s].w, sizes[s].h);
      check_proportional (bars, FALSE);
      /* gospodarka odpadami: 81 210 → 70 055 */
      g_assert_true (has_text (items, "−13,7%"));
      g_assert_true (has_text (items, "zmiana"));
    }
  /* 17 topics in 2018 of which 10 in 2017 */
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 27);
  tip = rocznik_chart_describe_bar (chart, 3);
  g_assert_cmpstr (tip, ==, "gospodarka odpadami\n2017" NBSP "r.: 81" NBSP "210 rozmów\n2018" NBSP "r.: 70" NBSP "055 rozmów\n"
                            "Zmiana: −11" NBSP "155 (−13,7%)");

  /* the sample alone has no earlier year with topics: a clear error */
  g_assert_null (rocznik_chart_new (sample, NULL, &spec, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  spec.compare_year = 2017;   /* a total, but no topics: nothing to compare */
  g_assert_null (rocznik_chart_new (sample, NULL, &spec, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2017"));
}

/* The value axis ends on a round tick at or above the largest value: every
 * bar ends inside the grid, and the last grid line is that tick. */
static double
check_bars_inside_grid (GPtrArray *items,
                        gboolean   vertical)
{
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autoptr(GPtrArray) grid = items_of (items, ROCZNIK_CHART_ITEM_GRID);
  double last = vertical ? G_MAXDOUBLE : 0;
  gint64 last_value = 0, max = 0;

  g_assert_cmpuint (grid->len, >, 0);
  for (guint i = 0; i < grid->len; i++)
    {
      const RocznikChartItem *line = g_ptr_array_index (grid, i);

      g_assert_cmpfloat (vertical ? line->height : line->width, ==, 0);
      last = vertical ? MIN (last, line->y) : MAX (last, line->x);
      last_value = MAX (last_value, line->value);
    }
  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);

      max = MAX (max, b->value);
      if (vertical)
        g_assert_cmpfloat (b->y, >=, last - 1);
      else
        g_assert_cmpfloat (b->x + b->width, <=, last + 1);
    }
  g_assert_cmpint (last_value, >=, max);
  return last_value;
}

static void
test_axis_domain (void)
{
  g_autoptr(GPtrArray) years = load_years (TRUE);
  const struct { RocznikChartType type; const char *topics; gint64 last; } charts[] = {
    { ROCZNIK_CHART_RANKING, NULL, 120000 },                            /* 100 990 */
    { ROCZNIK_CHART_COMPARE, "gospodarka odpadami;transport miejski", 80000 },  /* 70 055 */
    { ROCZNIK_CHART_YOY, NULL, 0 },
    { ROCZNIK_CHART_TREND, NULL, 800000 },
  };

  for (guint t = 0; t < G_N_ELEMENTS (charts); t++)
    {
      g_autoptr(RocznikChart) chart = chart_for (years, charts[t].type, charts[t].topics, 0);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
          gint64 last;

          g_test_message ("%s at %d×%d", rocznik_chart_type_to_string (charts[t].type), sizes[s].w, sizes[s].h);
          check_clean (items, sizes[s].w, sizes[s].h);
          last = check_bars_inside_grid (items, charts[t].type == ROCZNIK_CHART_TREND);
          if (charts[t].last && sizes[s].w == 1200)
            g_assert_cmpint (last, ==, charts[t].last);
        }
    }
}

/* A few bars use the height they are given: thicker bars, then wider gaps,
 * never a plot crammed at the top above an empty canvas. */
static void
test_few_bars_fill (void)
{
  g_autoptr(GPtrArray) years = load_years (TRUE);
  const char *topic_lists[] = {
    "gospodarka odpadami;transport miejski",
    "gospodarka odpadami;transport miejski;oświata",
  };
  const RocznikChartType types[] = { ROCZNIK_CHART_COMPARE, ROCZNIK_CHART_YOY };

  for (guint l = 0; l < G_N_ELEMENTS (topic_lists); l++)
    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_autoptr(RocznikChart) chart = chart_for (years, types[t], topic_lists[l], 0);

        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);
            g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
            double top = G_MAXDOUBLE, bottom = 0, ink = 0, footer = G_MAXDOUBLE, axis = 0;

            for (guint i = 0; i < bars->len; i++)
              {
                const RocznikChartItem *b = g_ptr_array_index (bars, i);

                top = MIN (top, b->y);
                bottom = MAX (bottom, b->y + b->height);
                ink += b->height;
              }
            for (guint i = 0; i < items->len; i++)
              {
                const RocznikChartItem *item = g_ptr_array_index (items, i);

                if (item->text && g_str_has_prefix (item->text, "Źródło:"))
                  footer = item->y;
                else if (item->text && g_str_has_suffix (item->text, "tys."))
                  axis = MAX (axis, item->y + item->height);   /* the value axis's ticks */
              }
            g_test_message ("%s, %u bars at %d×%d: bars %g of %g px, axis %g, footer %g",
                            rocznik_chart_type_to_string (types[t]), bars->len, sizes[s].w, sizes[s].h,
                            ink, bottom - top, axis, footer);
            /* the bars span most of the plot and are a good part of it */
            g_assert_cmpfloat (bottom - top, >=, 0.55 * (footer - top));
            g_assert_cmpfloat (ink, >=, 0.3 * (bottom - top));
            /* the axis sits just above the source line: no hole below the plot */
            g_assert_cmpfloat (footer - axis, <=, 3 * MIN (sizes[s].w / 55.0, sizes[s].h / 38.0) + 20);
            /* thick, but still bars: no slab taller than a fifth of the canvas */
            for (guint i = 0; i < bars->len; i++)
              g_assert_cmpfloat (((RocznikChartItem *) g_ptr_array_index (bars, i))->height, <=, sizes[s].h / 5.0);
          }
      }
}

static void
test_errors (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = g_strsplit ("gospodarka odpadami;lot na Marsa", ";", -1);
  g_auto(GStrv) vague = g_strsplit ("sprawy", ";", -1);
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_COMPARE, .topics = unknown };
  RocznikChartSpec missing = { .type = ROCZNIK_CHART_RANKING, .year = 2016 };

  g_assert_null (rocznik_chart_new (years, NULL, &spec, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lot na Marsa"));
  g_clear_error (&error);

  spec.topics = vague;   /* "sprawy ogólne…" and "sprawy organizacyjne…" */
  g_assert_null (rocznik_chart_new (years, NULL, &spec, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (rocznik_chart_new (years, NULL, &missing, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
}

static void
test_categories (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_category_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikChart) chart = NULL;
  g_auto(GStrv) topics = g_strsplit ("Komunikacja;gospodarka odpadami", ";", -1);
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_COMPARE, .topics = topics };
  RocznikCategory *c = g_new0 (RocznikCategory, 1);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) bars = NULL;

  c->name = g_strdup ("Komunikacja");
  c->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (c->keys, rocznik_topic_key ("transport miejski i strefa parkowania"));
  g_ptr_array_add (c->keys, rocznik_topic_key ("uprawnienia transportowe, sprawy urodzeń, małżeństw, zameldowania i zgonów"));
  g_ptr_array_add (categories, c);

  chart = rocznik_chart_new (years, categories, &spec, &error);
  g_assert_no_error (error);
  items = rocznik_chart_get_layout (chart, 1200, 675);
  bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_assert_cmpuint (bars->len, ==, 2);
  g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 0))->value, ==, 58759 + 45263);
  g_assert_true (has_text (items, "104" NBSP "022"));
  check_clean (items, 1200, 675);
}

static void
test_hit_and_describe (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autofree char *tip = NULL;
  g_autofree char *all = NULL;
  const RocznikChartItem *b = g_ptr_array_index (bars, 1);
  const char *keys[] = { "gospodarka odpadami", NULL };

  g_assert_cmpint (rocznik_chart_hit_test (chart, 1200, 675, b->x + b->width / 2, b->y + b->height / 2), ==, b->bar);
  g_assert_cmpint (rocznik_chart_hit_test (chart, 1200, 675, 3, 3), ==, -1);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, b->bar), ==, "gospodarka odpadami");
  tip = rocznik_chart_describe_bar (chart, b->bar);
  g_assert_cmpstr (tip, ==, "gospodarka odpadami\n2018" NBSP "r.: 70" NBSP "055 rozmów (18,0% sumy tematów)");
  all = rocznik_chart_describe (chart);
  g_assert_true (g_str_has_prefix (all, "Wykres słupkowy: Tematy rozmów w" NBSP "2018" NBSP "r."));
  g_assert_nonnull (strstr (all, "Powstanie Wielkopolskie: 192 rozmowy"));

  /* highlighting changes colours, never positions */
  rocznik_chart_set_highlight (chart, keys);
  {
    g_autoptr(GPtrArray) again = rocznik_chart_get_layout (chart, 1200, 675);
    g_autoptr(GPtrArray) bars2 = items_of (again, ROCZNIK_CHART_ITEM_BAR);
    const RocznikChartItem *b2 = g_ptr_array_index (bars2, 1);

    g_assert_cmpfloat (fabs (b2->width - b->width), <, 1);
    check_clean (again, 1200, 675);
  }
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static void
test_themes (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 600, 400);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  const RocznikChartItem *b = g_ptr_array_index (bars, 0);
  cairo_surface_t *light, *dark;

  light = rocznik_chart_render_image (chart, 600, 400, 1);
  rocznik_chart_set_theme (chart, ROCZNIK_CHART_THEME_DARK);
  dark = rocznik_chart_render_image (chart, 600, 400, 1);
  g_assert_cmphex (pixel (light, 1, 1), ==, 0xffffff);
  g_assert_cmphex (pixel (dark, 1, 1), ==, 0x242424);
  /* Okabe–Ito blue on light, its sky blue on dark */
  g_assert_cmphex (pixel (light, b->x + b->width / 2, b->y + b->height / 2), ==, 0x0072b2);
  g_assert_cmphex (pixel (dark, b->x + b->width / 2, b->y + b->height / 2), ==, 0x56b4e9);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
check_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  cairo_surface_destroy (image);
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_export (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rocznik-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "ranking.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "ranking@2x.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "ranking.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ranking.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "ranking.gif", NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_assert_true (rocznik_chart_export (chart, png, 1200, 675, 0, &error));
  g_assert_no_error (error);
  check_png (png, 1200, 675);

  g_assert_true (rocznik_chart_export (chart, png2, 1080, 1080, 192, &error));
  check_png (png2, 2160, 2160);

  g_assert_true (rocznik_chart_export (chart, svg, 1920, 1080, 96, &error));
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"1920px\""));
  g_assert_nonnull (strstr (svg_text, "height=\"1080px\""));

  g_assert_true (rocznik_chart_export (chart, pdf, 1200, 675, 96, &error));
  fonts = run_tool ((const char *[]) { "pdffonts", pdf, NULL });
  g_assert_nonnull (strstr (fonts, "Cantarell"));
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    for (guint i = 2; lines[i] && *lines[i]; i++)
      g_assert_nonnull (strstr (lines[i], " yes "));   /* every font embedded */
  }
  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Tematy rozmów w"));
  g_assert_nonnull (strstr (text, "świadczenia wychowawcze 500+"));
  g_assert_nonnull (strstr (text, "Źródło: Biuro Poznań Kontakt, 2018"));
  info = run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "900 x 506.25 pts"));

  /* an unknown format or an impossible size writes nothing */
  g_assert_false (rocznik_chart_export (chart, bad, 1200, 675, 96, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (rocznik_chart_export (chart, png, 20, 20, 96, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  /* …and leaves a good file as it was */
  check_png (png, 1200, 675);

  /* a folder that cannot be written */
  g_assert_false (rocznik_chart_export (chart, "/proc/rocznik/chart.png", 1200, 675, 96, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO);

  g_unlink (png);
  g_unlink (png2);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static int
run_cli (const char *const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ROCZNIK_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* `rocznik --export chart.png --chart …`, with no display at all. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-chart-cli-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *png = g_build_filename (dir, "trend.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "ranking.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "compare.pdf", NULL);
  g_autofree char *text = NULL;
  char *err = NULL;

  g_assert_nonnull (g_getenv ("ROCZNIK_BIN"));   /* meson test sets it */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", png, "--chart", "trend",
                                               "--size", "1080x1080", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  check_png (png, 1080, 1080);
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", svg, "--year", "2018",
                                               "--size", "640×400", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", pdf, "--chart", "compare",
                                               "--topics", "gospodarka odpadami;transport", "--title",
                                               "Odpady czy komunikacja?", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Odpady czy komunikacja?"));
  g_assert_nonnull (strstr (text, "58"));

  /* bad usage: 2; data that cannot make the chart: 1 */
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", png, "--chart", "pie", NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, "pie"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", png, "--size", "big", NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", png, "--chart", "yoy", NULL }, &err), ==, 1);
  g_assert_nonnull (strstr (err, "2018"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--workspace", ws, "--export", png, "--chart", "ranking",
                                               "--year", "2016", NULL }, &err), ==, 1);
  g_clear_pointer (&err, g_free);
  check_png (png, 1080, 1080);   /* the failed exports left the earlier file alone */

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (ws);
  g_rmdir (dir);
}

/* `--images DIR`: the README's pictures (tests/make-chart-images.sh). */
static int
make_images (const char *dir)
{
  g_autoptr(GPtrArray) sample = load_years (FALSE);
  g_autoptr(GPtrArray) demo = load_years (TRUE);
  g_auto(GStrv) compare_topics = g_strsplit ("gospodarka odpadami;transport miejski;świadczenia wychowawcze", ";", -1);
  const int compare_years[] = { 2017, 2018, 0 };
  const char *highlight[] = { "gospodarka odpadami", NULL };
  const char *made_up = "Liczby tematów za 2017" NBSP "r. zmyślone na potrzeby przykładu.";
  const struct {
    const char *file;
    GPtrArray *years;
    RocznikChartSpec spec;
    int w, h;
    RocznikChartTheme theme;
  } images[] = {
    { "chart-ranking.png", sample, { .type = ROCZNIK_CHART_RANKING, .highlight = (GStrv) highlight }, 1200, 675 },
    { "chart-trend.png", sample, { .type = ROCZNIK_CHART_TREND }, 1200, 675 },
    { "chart-compare.png", demo, { .type = ROCZNIK_CHART_COMPARE, .years = compare_years,
                                   .topics = compare_topics, .notes = (char *) made_up }, 1200, 675 },
    { "chart-yoy.png", demo, { .type = ROCZNIK_CHART_YOY, .notes = (char *) made_up }, 1080, 1080 },
    { "chart-ranking-phone.png", sample, { .type = ROCZNIK_CHART_RANKING }, 320, 568 },
    { "chart-trend-dark.png", sample, { .type = ROCZNIK_CHART_TREND, .theme = ROCZNIK_CHART_THEME_DARK }, 640, 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikChart) chart = rocznik_chart_new (images[i].years, NULL, &images[i].spec, &error);
      g_autofree char *path = g_build_filename (dir, images[i].file, NULL);

      if (chart == NULL || !rocznik_chart_export (chart, path, images[i].w, images[i].h, 96, &error))
        {
          g_printerr ("%s: %s\n", images[i].file, error->message);
          return 1;
        }
      g_print ("%s\n", path);
    }
  return 0;
}

/* Texts the window edits: defaults when not given, the user's when given. */
static void
test_texts_and_presets (void)
{
  g_autoptr(GPtrArray) years = load_years (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikChart) plain = chart_for (years, ROCZNIK_CHART_RANKING, NULL, 0);
  g_autoptr(RocznikChart) own = NULL;
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_RANKING, .year = 2018 };
  const RocznikChartPreset *p;
  g_autofree char *size = NULL;
  guint n;

  g_assert_cmpstr (rocznik_chart_get_title (plain), ==, "Tematy rozmów w" NBSP "2018" NBSP "r.");
  g_assert_cmpstr (rocznik_chart_get_subtitle (plain), ==, "Biuro Poznań Kontakt: liczba rozmów według tematu");
  g_assert_cmpstr (rocznik_chart_get_source (plain), ==, "Źródło: Biuro Poznań Kontakt, 2018");
  g_assert_nonnull (strstr (rocznik_chart_get_notes (plain), "bez przypisanego tematu"));
  g_assert_cmpint (rocznik_chart_get_chart_type (plain), ==, ROCZNIK_CHART_RANKING);

  spec.title = (char *) "Odpady na drugim miejscu";
  spec.subtitle = (char *) "";
  spec.source = (char *) "Źródło: UMP";
  spec.notes = (char *) "Dane wstępne.";
  own = rocznik_chart_new (years, NULL, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rocznik_chart_get_title (own), ==, "Odpady na drugim miejscu");
  g_assert_null (rocznik_chart_get_subtitle (own));
  g_assert_cmpstr (rocznik_chart_get_source (own), ==, "Źródło: UMP");
  /* the user's note comes after the ones the data calls for */
  g_assert_true (g_str_has_suffix (rocznik_chart_get_notes (own), "Dane wstępne."));
  g_assert_nonnull (strstr (rocznik_chart_get_notes (own), "bez przypisanego tematu"));

  p = rocznik_chart_presets (&n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (p[0].id, ==, "social");
  g_assert_cmpint (p[0].width, ==, 1200);
  g_assert_cmpint (p[0].height, ==, 675);
  g_assert_true (rocznik_chart_preset_find ("square") == &p[1]);
  g_assert_cmpint (rocznik_chart_preset_find ("full-hd")->width, ==, 1920);
  g_assert_null (rocznik_chart_preset_find ("a4"));
  g_assert_true (rocznik_chart_preset_for_size (1080, 1080) == &p[1]);
  g_assert_null (rocznik_chart_preset_for_size (1080, 1081));
  size = rocznik_chart_format_size (1200, 675);
  g_assert_cmpstr (size, ==, "1200" NBSP "×" NBSP "675" NBSP "px");
}

int
main (int argc, char **argv)
{
  int status;

  if (argc == 3 && strcmp (argv[1], "--images") == 0)
    {
      status = make_images (argv[2]);
      rocznik_chart_release_fonts ();
      return status;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/ranking", test_ranking);
  g_test_add_func ("/chart/many-topics", test_many_topics);
  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/compare", test_compare);
  g_test_add_func ("/chart/yoy", test_yoy);
  g_test_add_func ("/chart/axis-domain", test_axis_domain);
  g_test_add_func ("/chart/few-bars-fill", test_few_bars_fill);
  g_test_add_func ("/chart/categories", test_categories);
  g_test_add_func ("/chart/errors", test_errors);
  g_test_add_func ("/chart/hit-and-describe", test_hit_and_describe);
  g_test_add_func ("/chart/themes", test_themes);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/cli", test_cli);
  g_test_add_func ("/chart/texts-and-presets", test_texts_and_presets);
  status = g_test_run ();
  rocznik_chart_release_fonts ();
  return status;
}
