/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-columns.c — vertical columns: totals over time, a gap for
 * each missing year; calls per month, a gap for each month without data */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"

/* Helpers */

/* A value label fits its slot: not cut, no line wider than the slot, no
 * word broken in two, every glyph known. */
static gboolean
value_label_fits (Ctx         *c,
                  PangoLayout *layout,
                  const char  *text,
                  double       slot,
                  double       value_size)
{
  PangoLayoutIter *iter;
  gboolean ok = TRUE;

  if (pango_layout_is_ellipsized (layout))
    return FALSE;
  /* room for a "ponad" lower bound, where totals may be one */
  if (c->chart->type == ROCZNIK_CHART_TREND && chart_natural_width (c, "ponad", value_size, FALSE) > slot - 2)
    return FALSE;
  /* A word cut in two is no label either. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line;
      pango_layout_iter_get_line_extents (iter, NULL, &line);
      ok &= line.width / PANGO_SCALE <= slot - 2;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  ok &= pango_layout_get_unknown_glyphs_count (layout) == 0;
  if (strchr (text, ' ') == NULL && pango_layout_get_line_count (layout) > 1)
    ok = FALSE;
  return ok;
}

/* Value labels over the columns: smaller, then shorter, until they fit;
 * FALSE when even the last try does not. */
static gboolean
fit_value_labels (Ctx          *c,
                  double        slot,
                  PangoLayout **values,
                  double       *value_h)
{
  RocznikChart *chart = c->chart;
  int n = chart->groups->len;

  for (int attempt = 0; attempt < 8; attempt++)
    {
      double value_size = MAX (0.85 * c->s * (1 - 0.07 * (attempt % 4)), 8.5);
      gboolean compact = attempt >= 4;
      gboolean ok = TRUE;

      for (int i = 0; i < n; i++)
        {
          const ChartGroup *g = g_ptr_array_index (chart->groups, i);
          g_autofree char *text = NULL;

          g_clear_object (&values[i]);
          if (g->values[0] == CHART_NO_VALUE)
            continue;
          text = chart_value_text (chart, g, 0, compact);
          values[i] = chart_text_new (c, text, value_size, FALSE, slot - 2, 2, PANGO_ALIGN_CENTER);
          chart_text_size (values[i], NULL, &value_h[i]);
          ok &= value_label_fits (c, values[i], text, slot, value_size);
        }
      if (ok)
        return TRUE;
    }
  return FALSE;
}

/* Every how many slots a label of @probe's width has room, and its height. */
static int
label_every (Ctx        *c,
             const char *probe,
             double      size,
             double      slot,
             int         n,
             double     *height)
{
  PangoLayout *layout = chart_text_new (c, probe, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  int every = 1;
  double w;

  chart_text_size (layout, &w, height);
  g_object_unref (layout);
  while (every * slot < w + 0.4 * c->s && every < n)
    every++;
  return every;
}

static gboolean
all_missing (const ChartGroup *g,
             int               n_series)
{
  for (int s = 0; s < n_series; s++)
    if (g->values[s] != CHART_NO_VALUE)
      return FALSE;
  return TRUE;
}

/* Months named in full when every name has room, else shortened. */
static gboolean
full_month_names (Ctx    *c,
                  double  size,
                  double  slot)
{
  for (guint i = 0; i < c->chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (c->chart->groups, i);

      if (chart_natural_width (c, g->name, size, FALSE) + 0.4 * c->s > slot)
        return FALSE;
    }
  return TRUE;
}

static char *
slot_label (const ChartGroup *g,
            gboolean          full)
{
  if (g->month > 0)
    return g_strdup (full ? g->name : g->short_name);
  return g_strdup_printf ("%d", g->year);
}

/* A month's columns side by side, one per series (no value labels: the
 * axis and the tooltips give the figures). */
static void
add_series_columns (Ctx              *c,
                    const ChartGroup *g,
                    int               i,
                    double            sx,
                    double            slot,
                    double            base_y,
                    double            k)
{
  RocznikChart *chart = c->chart;
  double group_w = MIN (slot * 0.82, chart->n_series * 2.2 * c->s);
  double col_w = group_w / chart->n_series;

  for (int s = 0; s < chart->n_series; s++)
    {
      double h = MAX (g->values[s], 0) * k;
      ChartPrim *p;

      if (g->values[s] == CHART_NO_VALUE)
        continue;
      p = chart_add_rect (c, sx + (slot - group_w) / 2 + s * col_w, base_y - h, col_w, h,
                          PAINT_BAR, ROCZNIK_CHART_ITEM_BAR);
      chart_bar_paint (c, g, s, p);
      p->bar = chart_bar_index (chart, i, s);
      p->value = g->values[s];
      p->year = g->year;
    }
}

/* One column, hatched when it is a lower bound, and its value label. */
static void
add_column (Ctx              *c,
            const ChartGroup *g,
            int               i,
            double            sx,
            double            slot,
            double            col_w,
            double            base_y,
            double            k,
            PangoLayout      *value,
            double            value_h)
{
  double h = g->values[0] * k;
  ChartPrim *p = chart_add_rect (c, sx + (slot - col_w) / 2, base_y - h, col_w, h, PAINT_BAR, ROCZNIK_CHART_ITEM_BAR);
  int index = chart_bar_index (c->chart, i, 0);

  chart_bar_paint (c, g, 0, p);
  if (g->more_than[0])
    {
      p->flags |= PRIM_HATCH;
      p->line_width = MAX (1, 0.09 * c->s);
    }
  p->bar = index;
  p->value = g->values[0];
  p->year = g->year;

  if (value == NULL)
    return;
  p = chart_add_text (c, value, sx + 1, base_y - h - 0.25 * c->s - value_h,
                      PAINT_TEXT, ROCZNIK_CHART_ITEM_VALUE);
  p->bar = index;
  p->value = g->values[0];
  p->year = g->year;
}

/* Internal API */

/* The width of the value axis's labels up to @domain, a gap included. */
double
chart_axis_gutter (Ctx    *c,
                   double  domain,
                   double  tick_size,
                   double *tick_h)
{
  g_autofree char *widest = rocznik_format_axis (domain);
  PangoLayout *probe = chart_text_new (c, widest, tick_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  double gutter;

  chart_text_size (probe, &gutter, tick_h);
  g_object_unref (probe);
  return gutter + 0.5 * c->s;
}

/* Grid and ticks of a vertical value axis: round values, labels
 * right-aligned in the gutter left of @x0. */
void
chart_add_value_axis (Ctx    *c,
                      double  x0,
                      double  right,
                      double  base_y,
                      double  k,
                      double  step,
                      double  domain,
                      double  tick_size)
{
  if (k <= 0)
    return;
  for (double v = 0; v <= domain + step / 2; v += step)
    {
      g_autofree char *label = rocznik_format_axis (v);
      PangoLayout *layout = chart_text_new (c, label, tick_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double w, h, ly = base_y - v * k;

      chart_text_size (layout, &w, &h);
      if (v > 0)
        chart_add_grid_line (c, x0, ly, right - x0, 0, v);
      chart_add_text (c, layout, x0 - 0.5 * c->s - w, ly - h / 2, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
}

/* A slot without data: empty, and saying so, never a zero ("b.d." when
 * a narrow slot would break "danych" in two). */
void
chart_add_gap (Ctx    *c,
               double  sx,
               double  slot,
               double  top,
               double  base_y,
               int     year)
{
  double size = MAX (0.72 * c->s, 8.5);
  const char *text = c->chart->type == ROCZNIK_CHART_TREND || chart_natural_width (c, "danych", size, FALSE) <= slot - 2
                     ? "brak danych" : "b.d.";
  PangoLayout *gap = chart_text_new (c, text, size, FALSE, slot - 2, 2, PANGO_ALIGN_CENTER);
  ChartPrim *p = chart_add_rect (c, sx, top, slot, base_y - top, PAINT_BG, ROCZNIK_CHART_ITEM_GAP);
  double h;

  p->alpha = 0;
  p->year = year;
  chart_text_size (gap, NULL, &h);
  chart_add_text (c, gap, sx + 1, base_y - h - 0.3 * c->s, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
}

int
chart_layout_vertical (Ctx *c,
                       Box  plot)
{
  RocznikChart *chart = c->chart;
  int n = chart->groups->len;
  double year_size = 0.85 * c->s;
  double tick_size = 0.8 * c->s;
  double gutter, x0, slot, col_w, base_y, year_h, k = G_MAXDOUBLE;
  double step, domain, tick_h;
  g_autofree PangoLayout **values = g_new0 (PangoLayout *, n);
  g_autofree double *value_h = g_new0 (double, n);
  gint64 max = chart_max_value (chart, n);
  int year_every;
  gboolean full = FALSE, labels;

  /* The axis ends on a round tick above the tallest column. */
  domain = chart_axis_domain (max, CLAMP ((int) floor ((plot.h - 1.6 * year_size) / (tick_size * 3.2)), 1, 6),
                              CLAMP ((int) floor ((plot.h - 1.6 * year_size) / (tick_size * 2.4)), 1, 6), &step);
  gutter = chart_axis_gutter (c, domain, tick_size, &tick_h);
  x0 = plot.x + gutter;
  slot = (plot.x + plot.w - x0) / n;
  col_w = MIN (slot * 0.64, 4.5 * c->s);

  /* Several series side by side leave no room for values over them. */
  labels = chart->n_series == 1 && fit_value_labels (c, slot, values, value_h);
  if (!labels && chart->type == ROCZNIK_CHART_MONTH)
    for (int i = 0; i < n; i++)
      {
        g_clear_object (&values[i]);
        value_h[i] = 0;
      }
  if (chart->type == ROCZNIK_CHART_MONTH)
    {
      full = full_month_names (c, year_size, slot);
      year_every = label_every (c, full ? "październik" : "paź", year_size, slot, n, &year_h);
    }
  else
    year_every = label_every (c, "2000", year_size, slot, n, &year_h);
  base_y = plot.y + plot.h - year_h - 0.35 * c->s;

  for (int i = 0; i < n; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      if (g->values[0] > 0 && values[i])
        k = MIN (k, (base_y - plot.y - value_h[i] - 0.25 * c->s) / g->values[0]);
    }
  k = MIN (k, (base_y - plot.y - tick_h / 2) / domain);
  if (k < 0)
    k = 0;

  chart_add_value_axis (c, x0, plot.x + plot.w, base_y, k, step, domain, tick_size);

  for (int i = 0; i < n; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      double sx = x0 + i * slot;

      if (i % year_every == 0)
        {
          g_autofree char *label = slot_label (g, full);
          PangoLayout *layout = chart_text_new (c, label, year_size, g->highlighted, -1, 0, PANGO_ALIGN_LEFT);
          double w;

          chart_text_size (layout, &w, NULL);
          chart_add_text (c, layout, sx + (slot - w) / 2, base_y + 0.35 * c->s, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
        }

      /* A missing year or month: an empty slot that says so, never a zero. */
      if (all_missing (g, chart->n_series))
        chart_add_gap (c, sx, slot, plot.y, base_y, g->year);
      else if (chart->n_series > 1)
        add_series_columns (c, g, i, sx, slot, base_y, k);
      else
        add_column (c, g, i, sx, slot, col_w, base_y, k, g_steal_pointer (&values[i]), value_h[i]);
    }
  chart_add_line (c, x0, base_y, plot.x + plot.w - x0, 0, PAINT_BASELINE);

  for (int i = 0; i < n; i++)
    g_clear_object (&values[i]);
  return n;
}
