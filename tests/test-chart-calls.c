/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts of what per-call records tell: calls per month, weekday × hour,
 * channel, handling time. The data is built here by hand and every
 * figure expected is computed here, not read from the program.
 *
 * `test-chart-calls --images DIR` writes PNGs of each chart (light and
 * dark, 360 and 1200 px wide) to look at.
 */

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "rocznik-chart.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-workspace.h"
#include "rocznik-test-chart.h"
#include "rocznik-test-util.h"

#define NB ROCZNIK_NBSP
#define YEAR 2023

static const struct { int w, h; } sizes[] = {
  { 360, 400 }, { 360, 640 }, { 640, 400 }, { 1200, 675 }, { 1920, 1080 }, { 595, 842 },
};

/* Three topics: two by month (October to December empty: the records
 * end in September; in May only waste), one from a table of totals. */
static const gint64 waste_months[12] = { 5200, 4800, 6100, 7000, 9400, 8800, 7700, 7100, 6500, 0, 0, 0 };
static const gint64 transport_months[12] = { 3100, 2900, 3300, 2800, 0, 3600, 2500, 2400, 3900, 0, 0, 0 };

static const struct { const char *name; gint64 calls; } channels[] = {
  { "telefon", 305000 }, { "aplikacja", 230000 }, { "portal", 94000 }, { "e-mail", 66000 },
};

/* Calls started on weekday @d (0 = Monday) at hour @h: busy office hours,
 * quiet nights and weekends, a few zeros. */
static gint64
hour_calls (int d,
            int h)
{
  if (d < 5 && h >= 7 && h < 20)
    return 400 + 37 * h + 11 * d + (h == 9 ? 900 : 0);
  if (h < 6)
    return (d + h) % 3 == 0 ? 0 : d + h;
  return 20 + 3 * h + d;
}

static RocznikYear *
build_year (gboolean with_profile)
{
  RocznikYear *y = rocznik_year_new (YEAR);
  RocznikTopic *t;
  gint64 sum = 0;

  y->organisation = g_strdup ("Biuro Testowe");
  for (int m = 0; m < 12; m++)
    sum += waste_months[m];
  t = rocznik_year_add_topic (y, "gospodarka odpadami", sum);
  t->has_months = TRUE;
  memcpy (t->months, waste_months, sizeof waste_months);
  sum = 0;
  for (int m = 0; m < 12; m++)
    sum += transport_months[m];
  t = rocznik_year_add_topic (y, "transport miejski", sum);
  t->has_months = TRUE;
  memcpy (t->months, transport_months, sizeof transport_months);
  rocznik_year_add_topic (y, "oświata", 1400);
  if (!with_profile)
    return y;

  /* 95 s on average; 60 250 s over 500 calls is 120,5 s: 121 s rounded */
  t = rocznik_year_find_topic (y, "gospodarka odpadami");
  t->has_duration = TRUE;
  t->duration_calls = 1000;
  t->duration_seconds = 95000;
  t = rocznik_year_find_topic (y, "transport miejski");
  t->has_duration = TRUE;
  t->duration_calls = 500;
  t->duration_seconds = 60250;

  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      y->calls->hours[d][h] = hour_calls (d, h);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    rocznik_call_profile_add_channel (y->calls, channels[i].name, channels[i].calls);
  return y;
}

static GPtrArray *
build_years (gboolean with_profile)
{
  GPtrArray *years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);

  g_ptr_array_add (years, build_year (with_profile));
  return years;
}

static RocznikChart *
chart_new (GPtrArray        *years,
           RocznikChartType  type,
           const char       *topics,
           RocznikChartTheme theme)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = topics ? g_strsplit (topics, ";", -1) : NULL;
  RocznikChartSpec spec = { .type = type, .year = YEAR, .topics = list, .theme = theme };
  RocznikChart *chart = rocznik_chart_new (years, NULL, &spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* Relative luminance (WCAG 2) of 0xRRGGBB. */
static double
luminance (guint32 rgb)
{
  const double weight[3] = { 0.2126, 0.7152, 0.0722 };
  double l = 0;

  for (int i = 0; i < 3; i++)
    {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
      l += weight[i] * (c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }
  return l;
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Every size: nothing leaves the canvas, no text over text or a bar. */
static void
check_all_sizes (RocznikChart *chart)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, sizes[s].w, sizes[s].h);

      g_test_message ("%s at %d×%d", rocznik_chart_type_to_string (rocznik_chart_get_chart_type (chart)),
                      sizes[s].w, sizes[s].h);
      check_clean (items, sizes[s].w, sizes[s].h);
    }
}

/* The slot (0–11) a month label names, by the label under its middle. */
static const char *month_labels[2][12] = {
  { "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
    "październik", "listopad", "grudzień" },
  { "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru" },
};

static void
test_month (void)
{
  g_autoptr(GPtrArray) years = build_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_MONTH, NULL, ROCZNIK_CHART_THEME_LIGHT);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autoptr(GPtrArray) gaps = items_of (items, ROCZNIK_CHART_ITEM_GAP);
  g_autoptr(GPtrArray) narrow = rocznik_chart_get_layout (chart, 360, 400);
  g_autoptr(GPtrArray) narrow_gaps = items_of (narrow, ROCZNIK_CHART_ITEM_GAP);
  const char *notes = rocznik_chart_get_notes (chart);
  double k = 0;

  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Rozmowy w" NB "kolejnych miesiącach " G_STRINGIFY (YEAR) NB "r.");
  /* January to September: waste and transport added up, in month order */
  g_assert_cmpuint (bars->len, ==, 9);
  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);

      g_assert_cmpint (b->value, ==, waste_months[i] + transport_months[i]);
      g_assert_cmpint (b->year, ==, YEAR);
      if (i > 0)
        g_assert_cmpfloat (b->x, >, ((RocznikChartItem *) g_ptr_array_index (bars, i - 1))->x);
      k = MAX (k, b->height / b->value);
    }
  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);
      g_assert_cmpfloat (fabs (b->height - b->value * k), <=, 1.0);
    }

  /* October, November, December: gaps, never zero bars, after September */
  g_assert_cmpuint (gaps->len, ==, 3);
  g_assert_cmpuint (narrow_gaps->len, ==, 3);
  for (guint i = 0; i < gaps->len; i++)
    {
      const RocznikChartItem *g = g_ptr_array_index (gaps, i);
      const RocznikChartItem *last = g_ptr_array_index (bars, 8);

      g_assert_cmpfloat (g->x, >, last->x + last->width);
      g_assert_cmpint (g->year, ==, YEAR);
    }
  g_assert_true (has_text (items, "brak danych"));
  g_assert_true (has_text (narrow, "b.d."));
  /* every month named under its slot, in full when there is room */
  for (int m = 0; m < 12; m++)
    {
      g_assert_true (has_text (items, month_labels[0][m]));
    }
  g_assert_true (has_text (narrow, "paź") || has_text (narrow, "lis"));
  g_assert_nonnull (strstr (notes, "Brak danych za październik, listopad i" NB "grudzień."));
  g_assert_nonnull (strstr (notes, "1 temat nie ma podziału na miesiące i" NB "nie jest wliczony."));
  check_all_sizes (chart);
}

/* Chosen topics are series: May is a true zero for transport (waste had
 * calls then), a bar of no height with its value, not a gap. */
static void
test_month_topics (void)
{
  g_autoptr(GPtrArray) years = build_years (FALSE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_MONTH, "gospodarka odpadami;transport miejski",
                                             ROCZNIK_CHART_THEME_DARK);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autoptr(GPtrArray) gaps = items_of (items, ROCZNIK_CHART_ITEM_GAP);
  g_autofree char *tip = NULL;

  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 18);
  g_assert_cmpuint (bars->len, ==, 18);
  for (guint i = 0; i < bars->len; i++)
    {
      const RocznikChartItem *b = g_ptr_array_index (bars, i);
      const gint64 *series = i % 2 == 0 ? waste_months : transport_months;

      g_assert_cmpint (b->value, ==, series[i / 2]);
    }
  g_assert_cmpfloat (((RocznikChartItem *) g_ptr_array_index (bars, 9))->height, ==, 0);
  g_assert_cmpuint (gaps->len, ==, 3);
  /* the legend names the topics, not the year */
  g_assert_true (has_text (items, "gospodarka odpadami"));
  g_assert_true (has_text (items, "transport miejski"));
  g_assert_null (rocznik_chart_get_bar_key (chart, 0));
  tip = rocznik_chart_describe_bar (chart, 9);
  g_assert_cmpstr (tip, ==, "transport miejski\nmaj " G_STRINGIFY (YEAR) NB "r.: 0 rozmów");
  check_all_sizes (chart);
}

static guint32
cell_colour (GPtrArray *cells,
             int        bar)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const RocznikChartItem *c = g_ptr_array_index (cells, i);
      if (c->bar == bar)
        return c->colour;
    }
  g_assert_not_reached ();
}

/* More calls, never a lighter cell on a light ground (nor a darker one
 * on a dark ground; within a channel's 8-bit rounding); equal counts,
 * equal colours; the quietest and the busiest far apart. */
static void
check_monotonic (GPtrArray *cells,
                 gboolean   dark)
{
  for (guint i = 0; i < cells->len; i++)
    for (guint j = 0; j < cells->len; j++)
      {
        const RocznikChartItem *a = g_ptr_array_index (cells, i);
        const RocznikChartItem *b = g_ptr_array_index (cells, j);

        if (a->value == b->value)
          g_assert_cmphex (a->colour, ==, b->colour);
        else if (a->value < b->value && dark)
          g_assert_cmpfloat (luminance (a->colour), <=, luminance (b->colour) + 0.002);
        else if (a->value < b->value)
          g_assert_cmpfloat (luminance (a->colour), >=, luminance (b->colour) - 0.002);
        if (a->value == 0 && b->value > 1600)
          g_assert_cmpfloat (contrast (a->colour, b->colour), >=, 3);
      }
}

static void
test_heatmap (void)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_HEATMAP, NULL, ROCZNIK_CHART_THEME_LIGHT);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) cells = items_of (items, ROCZNIK_CHART_ITEM_CELL);
  g_autoptr(GPtrArray) legend = items_of (items, ROCZNIK_CHART_ITEM_LEGEND);
  g_autoptr(GPtrArray) marks = items_of (items, ROCZNIK_CHART_ITEM_MARK);
  const RocznikChartItem *first, *mark;
  double cw, ch;

  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 7 * 24);
  g_assert_cmpuint (cells->len, ==, 7 * 24);
  for (guint i = 0; i < cells->len; i++)
    {
      const RocznikChartItem *c = g_ptr_array_index (cells, i);

      g_assert_cmpint (c->bar, ==, i);
      g_assert_cmpint (c->value, ==, hour_calls (i / 24, i % 24));
    }
  check_monotonic (cells, FALSE);

  /* the legend: swatches growing in count, their colours as the cells' */
  g_assert_cmpuint (legend->len, >=, 8);
  for (guint i = 1; i < legend->len; i++)
    {
      const RocznikChartItem *a = g_ptr_array_index (legend, i - 1);
      const RocznikChartItem *b = g_ptr_array_index (legend, i);

      g_assert_cmpint (a->value, <, b->value);
      g_assert_cmpfloat (luminance (a->colour), >=, luminance (b->colour) - 0.002);
      g_assert_cmpfloat (b->x, >, a->x);
    }
  /* round counts under it, the Polish way: 1 400 → "1 400" with U+00A0 */
  g_assert_true (has_text (items, "liczba rozmów"));
  g_assert_true (has_text (items, "1" NB "000") || has_text (items, "1" NB "500"));
  g_assert_true (has_text (items, "poniedziałek"));
  g_assert_true (has_text (items, "niedziela"));

  /* Monday–Friday 7:30–20:00: one outline from the middle of 7:00 to 20:00 */
  g_assert_cmpuint (marks->len, ==, 1);
  first = g_ptr_array_index (cells, 0);
  cw = ((RocznikChartItem *) g_ptr_array_index (cells, 1))->x - first->x;
  ch = ((RocznikChartItem *) g_ptr_array_index (cells, 24))->y - first->y;
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpfloat (fabs (mark->x - (first->x + 7.5 * cw)), <=, 1.0);
  g_assert_cmpfloat (fabs (mark->width - 12.5 * cw), <=, 1.0);
  g_assert_cmpfloat (fabs (mark->y - first->y), <=, 1.0);
  g_assert_cmpfloat (fabs (mark->height - 5 * ch), <=, 1.0);
  g_assert_true (has_text (items, "godziny pracy biura: pn.–pt. 7:30–20:00"));
  check_all_sizes (chart);

  /* narrow: short weekday names, hours every few, still no overlap */
  {
    g_autoptr(GPtrArray) narrow = rocznik_chart_get_layout (chart, 360, 640);
    g_autoptr(GPtrArray) narrow_cells = items_of (narrow, ROCZNIK_CHART_ITEM_CELL);

    g_assert_cmpuint (narrow_cells->len, ==, 7 * 24);
    g_assert_true (has_text (narrow, "niedz."));
    g_assert_false (has_text (narrow, "niedziela"));
  }
}

/* The office hours are the chart's to change: weekends 9–15, or three
 * separate days (one outline each). */
static void
test_heatmap_office_hours (void)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_HEATMAP, NULL, ROCZNIK_CHART_THEME_LIGHT);
  RocznikOfficeHours weekend = { 0x60, 9 * 60, 15 * 60 };
  RocznikOfficeHours odd = { 0x15, 8 * 60, 16 * 60 };
  RocznikOfficeHours got = rocznik_chart_get_office_hours (chart);

  g_assert_cmphex (got.days, ==, 0x1f);
  g_assert_cmpint (got.open, ==, 450);
  g_assert_cmpint (got.close, ==, 1200);

  rocznik_chart_set_office_hours (chart, &weekend);
  {
    g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
    g_autoptr(GPtrArray) marks = items_of (items, ROCZNIK_CHART_ITEM_MARK);
    g_autoptr(GPtrArray) cells = items_of (items, ROCZNIK_CHART_ITEM_CELL);
    const RocznikChartItem *sat9 = g_ptr_array_index (cells, 5 * 24 + 9);

    g_assert_cmpuint (marks->len, ==, 1);
    g_assert_cmpfloat (fabs (((RocznikChartItem *) g_ptr_array_index (marks, 0))->y - sat9->y), <=, 1.0);
    g_assert_cmpfloat (fabs (((RocznikChartItem *) g_ptr_array_index (marks, 0))->x - sat9->x), <=, 1.0);
    g_assert_true (has_text (items, "godziny pracy biura: sob.–niedz. 9:00–15:00"));
  }
  rocznik_chart_set_office_hours (chart, &odd);
  {
    g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
    g_autoptr(GPtrArray) marks = items_of (items, ROCZNIK_CHART_ITEM_MARK);

    g_assert_cmpuint (marks->len, ==, 3);
    g_assert_true (has_text (items, "pn., śr., pt. 8:00–16:00"));
  }
}

/* Dark: more calls, brighter; every cell label readable on its cell. */
static void
test_heatmap_dark_labels (void)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_HEATMAP, NULL, ROCZNIK_CHART_THEME_DARK);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1920, 1080);
  g_autoptr(GPtrArray) cells = items_of (items, ROCZNIK_CHART_ITEM_CELL);
  g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
  g_autofree char *tip = NULL;
  g_autofree char *text = NULL;

  check_monotonic (cells, TRUE);
  g_assert_cmpuint (values->len, ==, 7 * 24);
  for (guint i = 0; i < values->len; i++)
    {
      const RocznikChartItem *v = g_ptr_array_index (values, i);
      g_autofree char *expected = rocznik_format_count (hour_calls (v->bar / 24, v->bar % 24));

      g_assert_cmpstr (v->text, ==, expected);
      g_assert_cmpfloat (contrast (v->colour, cell_colour (cells, v->bar)), >=, 4.5);
    }
  /* Monday 9:00: 400 + 37 × 9 + 900 = 1 633 */
  g_assert_cmpint (rocznik_chart_hit_test (chart, 1920, 1080,
                                           ((RocznikChartItem *) g_ptr_array_index (cells, 9))->x + 2,
                                           ((RocznikChartItem *) g_ptr_array_index (cells, 9))->y + 2), ==, 9);
  tip = rocznik_chart_describe_bar (chart, 9);
  g_assert_cmpstr (tip, ==, "poniedziałek, 9:00–9:59\n1" NB "633 rozmowy");
  g_assert_null (rocznik_chart_get_bar_key (chart, 9));
  text = rocznik_chart_describe (chart);
  g_assert_nonnull (strstr (text, "Mapa cieplna"));
  g_assert_nonnull (strstr (text, "najwięcej o 9:00–9:59 (1" NB "633 rozmowy)"));
  g_assert_nonnull (strstr (text, "pn.–pt. 7:30–20:00"));
  check_all_sizes (chart);
}

/* Painted, the outline's 7:30 edge gives way to the counts it runs
 * through: on the line's pixels within a count's box there is no trace of
 * the line's white halo, only the cell's colour and the black digits. */
static void
check_counts_over_edge (RocznikChart *chart,
                        GPtrArray    *items)
{
  g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
  g_autoptr(GPtrArray) marks = items_of (items, ROCZNIK_CHART_ITEM_MARK);
  const RocznikChartItem *mark = g_ptr_array_index (marks, 0);
  cairo_surface_t *image = rocznik_chart_render_image (chart, 1200, 675, 1.0);
  const guint8 *data;
  int stride, checked = 0;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (guint i = 0; i < values->len; i++)
    {
      const RocznikChartItem *v = g_ptr_array_index (values, i);

      if (v->bar % 24 != 7 || v->bar / 24 >= 5)
        continue;
      g_assert_cmphex (v->colour, ==, 0x000000);   /* black digits on these cells */
      /* the line and its white halo on either side */
      for (int x = (int) floor (mark->x) - 4; x <= (int) ceil (mark->x) + 4; x++)
        for (int y = (int) ceil (v->y) + 1; y < (int) floor (v->y + v->height) - 1; y++)
          {
            const guint32 px = *(const guint32 *) (data + y * stride + 4 * x);

            g_assert_false (((px >> 16) & 0xff) > 0xf0 && ((px >> 8) & 0xff) > 0xf0 && (px & 0xff) > 0xf0);
            checked++;
          }
    }
  g_assert_cmpint (checked, >, 5 * 9 * 5);
  cairo_surface_destroy (image);
}

/* Every cell keeps its count where the counts fit the cells, the office
 * hours' edge at 7:30 notwithstanding: the label of a cell the outline
 * crosses sits in its cell, above the outline (drawn after it). */
static void
test_heatmap_labels_everywhere (void)
{
  const struct { int w, h; } more[] = { { 800, 450 } };
  g_autoptr(GPtrArray) years = build_years (TRUE);

  for (RocznikChartTheme theme = ROCZNIK_CHART_THEME_LIGHT; theme <= ROCZNIK_CHART_THEME_HIGH_CONTRAST; theme++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes) + G_N_ELEMENTS (more); s++)
      {
        g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_HEATMAP, NULL, theme);
        int w = s < G_N_ELEMENTS (sizes) ? sizes[s].w : more[s - G_N_ELEMENTS (sizes)].w;
        int h = s < G_N_ELEMENTS (sizes) ? sizes[s].h : more[s - G_N_ELEMENTS (sizes)].h;
        g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, w, h);
        g_autoptr(GPtrArray) cells = items_of (items, ROCZNIK_CHART_ITEM_CELL);
        g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
        g_autoptr(GPtrArray) marks = items_of (items, ROCZNIK_CHART_ITEM_MARK);
        const RocznikChartItem *mark;
        guint mark_index = 0;
        gboolean seen[7 * 24] = { FALSE };

        g_test_message ("heat map labels at %d×%d, theme %d: %u", w, h, theme, values->len);
        /* from 800 px wide the cells have room for the widest count
         * (1 677), so for every count */
        if (w >= 800)
          g_assert_cmpuint (values->len, ==, 7 * 24);
        if (values->len == 0)
          continue;
        g_assert_cmpuint (values->len, ==, 7 * 24);
        g_assert_cmpuint (marks->len, ==, 1);
        mark = g_ptr_array_index (marks, 0);
        g_assert_true (g_ptr_array_find (items, mark, &mark_index));
        for (guint i = 0; i < values->len; i++)
          {
            const RocznikChartItem *v = g_ptr_array_index (values, i);
            const RocznikChartItem *c = g_ptr_array_index (cells, v->bar);
            g_autofree char *expected = rocznik_format_count (hour_calls (v->bar / 24, v->bar % 24));
            double left = mark->x, right = mark->x + mark->width;
            guint index = 0;

            g_assert_cmpint (c->bar, ==, v->bar);
            g_assert_false (seen[v->bar]);
            seen[v->bar] = TRUE;
            g_assert_cmpstr (v->text, ==, expected);
            g_assert_cmpfloat (v->x, >=, c->x - 0.5);
            g_assert_cmpfloat (v->x + v->width, <=, c->x + c->width + 0.5);
            g_assert_cmpfloat (v->y, >=, c->y - 0.5);
            g_assert_cmpfloat (v->y + v->height, <=, c->y + c->height + 0.5);
            /* over an edge of the outline (7:30 on weekdays): above it */
            if (v->y < mark->y + mark->height && v->y + v->height > mark->y
                && ((v->x < left && v->x + v->width > left) || (v->x < right && v->x + v->width > right)))
              {
                g_assert_true (g_ptr_array_find (items, v, &index));
                g_assert_cmpuint (index, >, mark_index);
              }
          }
        /* hour 7 on every weekday, cut by the outline at 7:30 */
        for (int d = 0; d < 5; d++)
          g_assert_true (seen[d * 24 + 7]);
        check_clean (items, w, h);
        if (theme == ROCZNIK_CHART_THEME_LIGHT && w == 1200)
          check_counts_over_edge (chart, items);
      }
}

static void
test_channel (void)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_CHANNEL, NULL, ROCZNIK_CHART_THEME_LIGHT);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
  /* 695 000 calls: 305 000 is 43,88…%, 230 000 33,09…%, 94 000 13,52…%, 66 000 9,49…% */
  const char *labels[] = { "305" NB "000 (43,9%)", "230" NB "000 (33,1%)", "94" NB "000 (13,5%)", "66" NB "000 (9,5%)" };
  g_autofree char *text = NULL;

  g_assert_cmpuint (bars->len, ==, G_N_ELEMENTS (channels));
  for (guint i = 0; i < bars->len; i++)
    {
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, i))->value, ==, channels[i].calls);
      g_assert_cmpstr (((RocznikChartItem *) g_ptr_array_index (values, i))->text, ==, labels[i]);
    }
  g_assert_true (has_text (items, "e-mail"));
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Rozmowy według kanału w" NB G_STRINGIFY (YEAR) NB "r.");
  text = rocznik_chart_describe (chart);
  g_assert_nonnull (strstr (text, "telefon: 305" NB "000 rozmów (43,9%)"));
  check_all_sizes (chart);
}

static void
test_duration (void)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  g_autoptr(RocznikChart) chart = chart_new (years, ROCZNIK_CHART_DURATION, NULL, ROCZNIK_CHART_THEME_LIGHT);
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, 1200, 675);
  g_autoptr(GPtrArray) bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_autoptr(GPtrArray) values = items_of (items, ROCZNIK_CHART_ITEM_VALUE);
  g_autofree char *tip = NULL;

  /* 60 250 / 500 = 120,5 → 121 s first; 95 000 / 1 000 = 95 s */
  g_assert_cmpuint (bars->len, ==, 2);
  g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 0))->value, ==, 121);
  g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, 1))->value, ==, 95);
  g_assert_cmpstr (((RocznikChartItem *) g_ptr_array_index (values, 0))->text, ==, "2" NB "min 1" NB "s");
  g_assert_cmpstr (((RocznikChartItem *) g_ptr_array_index (values, 1))->text, ==, "1" NB "min 35" NB "s");
  /* the axis counts minutes and seconds, not thousands */
  g_assert_false (has_text (items, "tys."));
  g_assert_true (has_text (items, "1" NB "min"));
  /* (95 000 + 60 250) / 1 500 = 103,5 → 1 min 44 s; oświata has no times */
  g_assert_nonnull (strstr (rocznik_chart_get_notes (chart), "Średnio 1" NB "min 44" NB "s" NB "na rozmowę"));
  g_assert_nonnull (strstr (rocznik_chart_get_notes (chart), "1 temat bez danych o" NB "czasie obsługi."));
  /* a bar of a topic selects that topic */
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 0), ==, "transport miejski");
  tip = rocznik_chart_describe_bar (chart, 1);
  g_assert_cmpstr (tip, ==, "gospodarka odpadami\nśrednio 1" NB "min 35" NB "s (z" NB "1" NB "000 rozmów)");
  check_all_sizes (chart);
}

/* Three hundred topics with times: the largest that fit and one row for
 * the rest, whose time is the average over all their calls. */
static void
test_duration_rest (void)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  RocznikYear *y = rocznik_year_new (YEAR);
  g_autoptr(RocznikChart) chart = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  const RocznikChartItem *rest;
  gint64 seconds = 0, calls = 0;
  guint shown;

  g_ptr_array_add (years, y);
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("temat %03d", i);
      RocznikTopic *t = rocznik_year_add_topic (y, name, 10 + i);

      t->has_duration = TRUE;
      t->duration_calls = 10 + i;
      t->duration_seconds = (gint64) (10 + i) * (60 + i) + i % 7;   /* 60 + i s, a little more */
    }
  chart = chart_new (years, ROCZNIK_CHART_DURATION, NULL, ROCZNIK_CHART_THEME_LIGHT);
  items = rocznik_chart_get_layout (chart, 360, 640);
  bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
  g_assert_cmpuint (bars->len, >, 2);
  g_assert_cmpuint (bars->len, <, 300);
  rest = g_ptr_array_index (bars, bars->len - 1);
  g_assert_cmpint (rest->bar, ==, -1);
  /* the shown ones are the longest: temat 299, 298, …; the rest the others */
  shown = bars->len - 1;
  for (int i = 0; i < 300 - (int) shown; i++)
    {
      seconds += (gint64) (10 + i) * (60 + i) + i % 7;
      calls += 10 + i;
    }
  g_assert_cmpint (rest->value, ==, (seconds + calls / 2) / calls);
  g_assert_true (has_text (items, "„pozostałe” to średni czas"));
  check_clean (items, 360, 640);
}

/* A year without the data: a clear Polish-worded refusal, no empty axis. */
static void
test_empty (void)
{
  g_autoptr(GPtrArray) plain = build_years (FALSE);
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  const RocznikChartType types[] = { ROCZNIK_CHART_HEATMAP, ROCZNIK_CHART_CHANNEL, ROCZNIK_CHART_DURATION };
  RocznikYear *y = rocznik_year_new (YEAR);

  rocznik_year_add_topic (y, "gospodarka odpadami", 100);
  g_ptr_array_add (totals, y);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = NULL;
      RocznikChartSpec spec = { .type = types[i], .year = YEAR };

      g_assert_false (rocznik_chart_type_has_data (types[i], g_ptr_array_index (plain, 0)));
      g_assert_null (rocznik_chart_new (plain, NULL, &spec, &error));
      g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, G_STRINGIFY (YEAR)));
    }
  {
    g_autoptr(GError) error = NULL;
    RocznikChartSpec spec = { .type = ROCZNIK_CHART_MONTH, .year = YEAR };

    g_assert_true (rocznik_chart_type_has_data (ROCZNIK_CHART_MONTH, g_ptr_array_index (plain, 0)));
    g_assert_false (rocznik_chart_type_has_data (ROCZNIK_CHART_MONTH, y));
    g_assert_true (rocznik_chart_type_has_data (ROCZNIK_CHART_RANKING, y));
    g_assert_null (rocznik_chart_new (totals, NULL, &spec, &error));
    g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  }
}

/* Calls per month of each month in records-2018.expected
 * ("topic<TAB>month<TAB>calls", written independently of the importer). */
static void
expected_months (gint64 months[12])
{
  g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "records-2018.expected", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  memset (months, 0, 12 * sizeof (gint64));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (cells) != 3)
        continue;
      months[g_ascii_strtoll (cells[1], NULL, 10) - 1] += g_ascii_strtoll (cells[2], NULL, 10);
    }
}

static void
check_png_size (const char *path,
                int         width,
                int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

/* `rocznik --export FILE --chart month|heatmap|channel|duration`: the
 * month chart of an imported per-call file, in every format; a year
 * without the data refused in Polish, exit 1, no file. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-chart-calls-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *monthly_ws = g_build_filename (dir, "monthly.db", NULL);
  g_autofree char *records = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "records-2018.csv", NULL);
  g_autofree char *monthly = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "monthly-2020-2021.csv", NULL);
  const char *formats[] = { "png", "svg", "pdf" };
  const char *refused[] = { "heatmap", "channel", "duration" };
  const char *words[] = { "godziny", "kanały", "czasu obsługi" };
  Run r = { 0 };

  run (&r, "C.UTF-8", "--workspace", ws, "--import", records, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("month.%s", formats[i]);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      g_autofree char *head = NULL;

      run (&r, "pl_PL.UTF-8", "--workspace", ws, "--export", out, "--chart", "month", "--year", "2018",
           "--size", "360x640", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &head, NULL, NULL));
      if (i == 0)
        check_png_size (out, 360, 640);
      else
        g_assert_nonnull (strstr (head, i == 1 ? "<svg" : "%PDF"));
      g_unlink (out);
    }

  /* the chart from what the workspace stored: each month the fixture's sum */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RocznikWorkspace) store = rocznik_workspace_open (ws, &error);
    g_autoptr(GPtrArray) years = NULL;
    g_autoptr(RocznikChart) chart = NULL;
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(GPtrArray) bars = NULL;
    gint64 months[12];

    g_assert_no_error (error);
    years = rocznik_workspace_load_all (store, &error);
    g_assert_no_error (error);
    chart = rocznik_chart_new (years, NULL, &(RocznikChartSpec) { .type = ROCZNIK_CHART_MONTH, .year = 2018 }, &error);
    g_assert_no_error (error);
    items = rocznik_chart_get_layout (chart, 1200, 675);
    bars = items_of (items, ROCZNIK_CHART_ITEM_BAR);
    expected_months (months);
    g_assert_cmpuint (bars->len, ==, 12);
    for (int m = 0; m < 12; m++)
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, m))->value, ==, months[m]);
  }

  /* a table of monthly totals has no hours, channels or durations */
  run (&r, "C.UTF-8", "--workspace", monthly_ws, "--import", monthly, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = g_build_filename (dir, "refused.png", NULL);

      run (&r, "pl_PL.UTF-8", "--workspace", monthly_ws, "--export", out, "--chart", refused[i], "--year", "2020", NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, "Rok 2020 nie ma"));
      g_assert_nonnull (strstr (r.err, words[i]));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  run (&r, "pl_PL.UTF-8", "--workspace", monthly_ws, "--export", "x.png", "--chart", "pie", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "heatmap, channel lub duration"));
  run (&r, "pl_PL.UTF-8", "--help", NULL);
  g_assert_nonnull (strstr (r.out, "month (miesiące), heatmap (dni tygodnia i godziny)"));

  run_clear (&r);
  remove_tree (dir);
}

/* The tables tests/fixtures/make-calls.py counted row by row. */
typedef struct
{
  gint64      months[12];
  gint64      hours[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];
  GPtrArray  *channels;      /* "name\tcalls", in the order expected */
  GHashTable *durations;     /* topic key → average seconds, rounded half up */
} Tables;

static void
tables_load (Tables     *t,
             const char *path,
             const char *year)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  memset (t, 0, sizeof *t);
  t->channels = g_ptr_array_new_with_free_func (g_free);
  t->durations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);

      if (n < 3 || strcmp (f[1], year) != 0)
        continue;
      if (strcmp (f[0], "month") == 0)
        t->months[atoi (f[2]) - 1] = g_ascii_strtoll (f[3], NULL, 10);
      else if (strcmp (f[0], "hour") == 0)
        t->hours[atoi (f[2])][atoi (f[3])] = g_ascii_strtoll (f[4], NULL, 10);
      else if (strcmp (f[0], "channel") == 0)
        g_ptr_array_add (t->channels, g_strdup_printf ("%s\t%s", f[2], f[3]));
      else if (strcmp (f[0], "topic") == 0 && g_ascii_strtoll (f[4], NULL, 10) > 0)
        {
          gint64 calls = g_ascii_strtoll (f[4], NULL, 10), seconds = g_ascii_strtoll (f[5], NULL, 10);

          g_hash_table_insert (t->durations, rocznik_topic_key (f[2]),
                               GINT_TO_POINTER ((int) ((2 * seconds + calls) / (2 * calls))));
        }
    }
}

static void
tables_clear (Tables *t)
{
  g_clear_pointer (&t->channels, g_ptr_array_unref);
  g_clear_pointer (&t->durations, g_hash_table_unref);
}

static GPtrArray *
bars_of (GPtrArray        *years,
         RocznikChartType  type,
         RocznikChart    **chart_out)
{
  g_autoptr(GError) error = NULL;
  RocznikChartSpec spec = { .type = type, .year = 2019 };
  RocznikChart *chart = rocznik_chart_new (years, NULL, &spec, &error);
  g_autoptr(GPtrArray) items = NULL;

  g_assert_no_error (error);
  *chart_out = chart;
  items = rocznik_chart_get_layout (chart, 1920, 1080);
  return items_of (g_steal_pointer (&items), type == ROCZNIK_CHART_HEATMAP ? ROCZNIK_CHART_ITEM_CELL
                                                                           : ROCZNIK_CHART_ITEM_BAR);
}

/* A real per-call export (Windows-1250, a channel and a duration column)
 * imported by `rocznik --import`, stored, read back: every chart's
 * figures are the ones counted from the file's rows. */
static void
test_imported (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-chart-imported-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *file = g_build_filename (g_getenv ("ROCZNIK_CALLS"), "rozmowy-2019-cp1250.csv", NULL);
  g_autofree char *expected = g_strconcat (file, ".calls", NULL);
  const char *types[] = { "month", "heatmap", "channel", "duration" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) store = NULL;
  g_autoptr(GPtrArray) years = NULL;
  Tables t;
  Run r = { 0 };

  run (&r, "C.UTF-8", "--workspace", ws, "--import", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", types[i]);
      g_autofree char *out = g_build_filename (dir, name, NULL);

      run (&r, "pl_PL.UTF-8", "--workspace", ws, "--export", out, "--chart", types[i], "--year", "2019",
           "--size", "1200x675", NULL);
      g_assert_cmpint (r.status, ==, 0);
      check_png_size (out, 1200, 675);
      g_unlink (out);
    }

  tables_load (&t, expected, "2019");
  store = rocznik_workspace_open (ws, &error);
  g_assert_no_error (error);
  years = rocznik_workspace_load_all (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RocznikChart) chart = NULL;
    g_autoptr(GPtrArray) bars = bars_of (years, ROCZNIK_CHART_MONTH, &chart);

    g_assert_cmpuint (bars->len, ==, 12);
    for (int m = 0; m < 12; m++)
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, m))->value, ==, t.months[m]);
  }
  {
    g_autoptr(RocznikChart) chart = NULL;
    g_autoptr(GPtrArray) cells = bars_of (years, ROCZNIK_CHART_HEATMAP, &chart);

    g_assert_cmpuint (cells->len, ==, 7 * 24);
    for (guint i = 0; i < cells->len; i++)
      g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (cells, i))->value, ==, t.hours[i / 24][i % 24]);
  }
  {
    g_autoptr(RocznikChart) chart = NULL;
    g_autoptr(GPtrArray) bars = bars_of (years, ROCZNIK_CHART_CHANNEL, &chart);

    g_assert_cmpuint (bars->len, ==, t.channels->len);
    for (guint i = 0; i < bars->len; i++)
      {
        g_autofree char *tip = rocznik_chart_describe_bar (chart, i);
        g_auto(GStrv) want = g_strsplit (g_ptr_array_index (t.channels, i), "\t", 2);

        g_assert_true (g_str_has_prefix (tip, want[0]));
        g_assert_cmpint (((RocznikChartItem *) g_ptr_array_index (bars, i))->value, ==, g_ascii_strtoll (want[1], NULL, 10));
      }
  }
  {
    g_autoptr(RocznikChart) chart = NULL;
    g_autoptr(GPtrArray) bars = bars_of (years, ROCZNIK_CHART_DURATION, &chart);

    g_assert_cmpuint (bars->len, ==, g_hash_table_size (t.durations));
    for (guint i = 0; i < bars->len; i++)
      {
        const RocznikChartItem *b = g_ptr_array_index (bars, i);
        gpointer want;

        g_assert_true (g_hash_table_lookup_extended (t.durations, rocznik_chart_get_bar_key (chart, b->bar), NULL, &want));
        g_assert_cmpint (b->value, ==, GPOINTER_TO_INT (want));
      }
  }
  tables_clear (&t);
  run_clear (&r);
  remove_tree (dir);
}

/* `--images DIR`: every new chart, light and dark, narrow and wide. */
static int
make_images (const char *dir)
{
  g_autoptr(GPtrArray) years = build_years (TRUE);
  const struct { const char *name; RocznikChartType type; const char *topics; } charts[] = {
    { "month", ROCZNIK_CHART_MONTH, NULL },
    { "month-topics", ROCZNIK_CHART_MONTH, "gospodarka odpadami;transport miejski" },
    { "heatmap", ROCZNIK_CHART_HEATMAP, NULL },
    { "channel", ROCZNIK_CHART_CHANNEL, NULL },
    { "duration", ROCZNIK_CHART_DURATION, NULL },
  };
  const struct { int w, h; } image_sizes[] = { { 360, 640 }, { 1200, 675 } };
  const char *themes[] = { "light", "dark", "hc" };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (guint s = 0; s < G_N_ELEMENTS (image_sizes); s++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RocznikChart) chart = chart_new (years, charts[c].type, charts[c].topics, t);
          g_autofree char *file = g_strdup_printf ("%s-%s-%d.png", charts[c].name, themes[t], image_sizes[s].w);
          g_autofree char *path = g_build_filename (dir, file, NULL);

          if (!rocznik_chart_export (chart, path, image_sizes[s].w, image_sizes[s].h, 96, &error))
            {
              g_printerr ("%s: %s\n", file, error->message);
              return 1;
            }
          g_print ("%s\n", path);
        }
  return 0;
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
  g_test_add_func ("/chart-calls/month", test_month);
  g_test_add_func ("/chart-calls/month-topics", test_month_topics);
  g_test_add_func ("/chart-calls/heatmap", test_heatmap);
  g_test_add_func ("/chart-calls/heatmap-office-hours", test_heatmap_office_hours);
  g_test_add_func ("/chart-calls/heatmap-dark-labels", test_heatmap_dark_labels);
  g_test_add_func ("/chart-calls/heatmap-labels-everywhere", test_heatmap_labels_everywhere);
  g_test_add_func ("/chart-calls/channel", test_channel);
  g_test_add_func ("/chart-calls/duration", test_duration);
  g_test_add_func ("/chart-calls/duration-rest", test_duration_rest);
  g_test_add_func ("/chart-calls/empty", test_empty);
  g_test_add_func ("/chart-calls/cli", test_cli);
  g_test_add_func ("/chart-calls/imported", test_imported);
  status = g_test_run ();
  rocznik_chart_release_fonts ();
  return status;
}
