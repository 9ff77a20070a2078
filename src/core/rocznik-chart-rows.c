/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-rows.c — horizontal bars, one row per topic: ranking,
 * comparison, year on year; the largest that fit and one "pozostałe" row */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"

/* Each name measured once per text size, the largest topics first and only
 * as many as rows could fit: laying out 3 000 topics costs the rows shown,
 * not the topics, and never their square. */
typedef struct
{
  double    size;
  double    value_h;      /* a value label's height */
  int       n, alloc;     /* groups measured so far */
  double   *w, *h;        /* on one line */
  double   *wrap_w;       /* the width wrap_h was measured at; 0: not yet */
  double   *wrap_h;
  gboolean *cut;          /* ellipsized in two lines of wrap_w */
} Measures;


static Measures *
measures_for (Ctx    *c,
              double  size,
              double  value_size)
{
  g_autoptr(PangoLayout) probe = NULL;
  Measures *m;

  for (guint i = 0; i < c->measures->len; i++)
    {
      m = g_ptr_array_index (c->measures, i);
      if (m->size == size)
        return m;
    }
  m = g_new0 (Measures, 1);
  m->size = size;
  probe = chart_text_new (c, "0123456789", value_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  chart_text_size (probe, NULL, &m->value_h);
  g_ptr_array_add (c->measures, m);
  return m;
}

static void
measure_upto (Ctx      *c,
              Measures *m,
              int       n)
{
  if (n > m->alloc)
    {
      m->alloc = MAX (n, 2 * m->alloc);
      m->w = g_renew (double, m->w, m->alloc);
      m->h = g_renew (double, m->h, m->alloc);
      m->wrap_w = g_renew (double, m->wrap_w, m->alloc);
      m->wrap_h = g_renew (double, m->wrap_h, m->alloc);
      m->cut = g_renew (gboolean, m->cut, m->alloc);
    }
  for (; m->n < n; m->n++)
    {
      const ChartGroup *g = g_ptr_array_index (c->chart->groups, m->n);
      g_autoptr(PangoLayout) layout = chart_text_new (c, g->name, m->size, g->highlighted, -1, 0, PANGO_ALIGN_LEFT);

      chart_text_size (layout, &m->w[m->n], &m->h[m->n]);
      m->wrap_w[m->n] = 0;
    }
}

/* A name's height in at most two lines of @width; *@cut when it had to be
 * shortened. One line when it is no wider than @width. Measured aligned as
 * the row will draw it (the height is the same either way), so the row
 * draws the very layout measured here. */
static double
text_height_in (Ctx           *c,
                const char    *text,
                double         size,
                gboolean       bold,
                double         width,
                PangoAlignment align,
                gboolean      *cut)
{
  g_autoptr(PangoLayout) layout = chart_text_new (c, text, size, bold, width, 2, align);
  double h;

  chart_text_size (layout, NULL, &h);
  *cut = pango_layout_is_ellipsized (layout);
  return h;
}

static double
label_height (Ctx           *c,
              Measures      *m,
              int            i,
              double         width,
              PangoAlignment align,
              gboolean      *cut)
{
  const ChartGroup *g;

  *cut = FALSE;
  if (m->w[i] <= width)
    return m->h[i];
  if (m->wrap_w[i] != width)
    {
      g = g_ptr_array_index (c->chart->groups, i);
      m->wrap_h[i] = text_height_in (c, g->name, m->size, g->highlighted, width, align, &m->cut[i]);
      m->wrap_w[i] = width;
    }
  *cut = m->cut[i];
  return m->wrap_h[i];
}

typedef struct
{
  gboolean     side;          /* names left of the bars, or above them */
  double       label_w;
  double       label_size, value_size;
  double       thickness, pitch, block;
  double       gap;
  double       total;         /* height of all rows */
  double       plot_w;
  int          n_groups;      /* topics shown, the largest */
  int          n_rows;        /* and one more for "pozostałe" */
  int          n_series;
  Measures    *m;
  char        *rest_name;     /* NULL: every topic has its row */
  double       rest_w, rest_h;
  double      *label_h;       /* per row */
  double       value_h;
} Rows;

static void
rows_clear (Rows *r)
{
  g_clear_pointer (&r->label_h, g_free);
  g_clear_pointer (&r->rest_name, g_free);
}

static double
rows_height (const Rows *r,
             double      t)
{
  double total = 0;
  double pitch = MAX (t * 1.18, r->value_h);
  double block = (r->n_series - 1) * pitch + MAX (t, r->value_h);

  for (int i = 0; i < r->n_rows; i++)
    total += r->side ? MAX (r->label_h[i], block)
                     : r->label_h[i] + 0.15 * r->label_size + block;
  return total + r->gap * (r->n_rows - 1);
}

/* FALSE when a name had to be cut short. */
static gboolean
row_labels (Ctx    *c,
            Rows   *r,
            double  label_cap)
{
  PangoAlignment align = r->side ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  gboolean whole = TRUE, cut;

  r->label_w = 0;
  if (r->side)
    {
      for (int i = 0; i < r->n_groups; i++)
        r->label_w = MAX (r->label_w, r->m->w[i]);
      if (r->rest_name)
        r->label_w = MAX (r->label_w, r->rest_w);
      r->label_w = MIN (ceil (r->label_w) + 1, label_cap);
    }
  else
    r->label_w = r->plot_w;

  g_free (r->label_h);
  r->label_h = g_new0 (double, r->n_rows);
  for (int i = 0; i < r->n_groups; i++)
    {
      r->label_h[i] = label_height (c, r->m, i, r->label_w, align, &cut);
      whole &= !cut;
    }
  if (r->rest_name)
    {
      cut = FALSE;
      r->label_h[r->n_groups] = r->rest_w <= r->label_w ? r->rest_h
        : text_height_in (c, r->rest_name, r->label_size, FALSE, r->label_w, align, &cut);
      whole &= !cut;
    }
  return whole;
}

/* At most how many rows could fit into @avail at scale @f: each is at least
 * a value label high, with a gap. Names beyond it are never measured. */
static int
rows_bound (Ctx    *c,
            double  f,
            double  avail)
{
  double label_size = 0.95 * c->s * f;
  Measures *m = measures_for (c, label_size, 0.85 * c->s * f);
  double least = m->value_h + 0.3 * label_size;

  return least > 0 ? (int) floor ((avail + 0.3 * label_size) / least) + 1 : G_MAXINT;
}

/* Lays out the @n_groups largest rows (and, with @rest, one row for the
 * others) at text scale @f into @avail height. */
static gboolean
rows_fit (Ctx      *c,
          Rows     *r,
          double    f,
          int       n_groups,
          gboolean  rest,
          double    plot_w,
          double    avail)
{
  RocznikChart *chart = c->chart;
  double label_cap = 0.38 * plot_w;
  double t_max, t_min, base_gap;

  memset (r, 0, sizeof *r);
  r->label_size = 0.95 * c->s * f;
  r->value_size = 0.85 * c->s * f;
  r->n_groups = n_groups;
  r->n_rows = n_groups + (rest ? 1 : 0);
  r->n_series = chart->n_series;
  r->plot_w = plot_w;
  r->side = label_cap >= 12 * r->label_size;
  r->m = measures_for (c, r->label_size, r->value_size);
  r->value_h = r->m->value_h;
  measure_upto (c, r->m, n_groups);
  if (rest)
    {
      g_autoptr(PangoLayout) layout = NULL;

      r->rest_name = rocznik_format_others (chart->groups->len - n_groups);
      layout = chart_text_new (c, r->rest_name, r->label_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      chart_text_size (layout, &r->rest_w, &r->rest_h);
    }

  /* Names beside the bars when they fit in two lines, above them otherwise. */
  if (!row_labels (c, r, label_cap) && r->side)
    {
      r->side = FALSE;
      row_labels (c, r, label_cap);
    }
  base_gap = (chart->n_series > 1 ? 0.7 : r->side ? 0.3 : 0.6) * r->label_size;

  /* Bars grow with the room, like a band scale, up to a cap (two topics
   * stay bars, not slabs); the gap between rows grows with them. */
  t_max = chart->n_series > 1 ? MAX (3 * r->label_size, 0.1 * avail)
                              : MAX (6 * r->label_size, 0.2 * avail);
  t_max = MAX (2.2 * r->label_size, MIN (t_max, (chart->n_series > 1 ? 0.1 : 0.2) * plot_w));
  t_min = MAX (0.5 * r->label_size, 4);
  /* The rows only grow with t: when the thinnest bars do not fit, none do. */
  r->gap = MAX (base_gap, (chart->n_series > 1 ? 0.5 : 0.3) * t_min);
  if (rows_height (r, t_min) > avail)
    {
      rows_clear (r);
      return FALSE;
    }
  for (double t = t_max; t >= t_min; t -= 0.5)
    {
      r->gap = MAX (base_gap, (chart->n_series > 1 ? 0.5 : 0.3) * t);
      if (rows_height (r, t) > avail)
        continue;
      r->thickness = t;
      r->pitch = MAX (t * 1.18, r->value_h);
      r->block = (chart->n_series - 1) * r->pitch + MAX (t, r->value_h);
      r->total = rows_height (r, t);
      /* Spare height loosens the rows; the caller centres what is left. */
      if (r->n_rows > 1 && r->total < avail)
        {
          double cap = (chart->n_series > 1 ? 1.2 : 1.4) * r->block;
          r->gap += CLAMP ((avail - r->total) / (r->n_rows - 1), 0, MAX (0, cap - r->gap));
          r->total = rows_height (r, t);
        }
      return TRUE;
    }
  rows_clear (r);
  return FALSE;
}

/* The row standing for the groups from @shown on: their sum in each
 * series, exact; "b.d." only where none of them has a value. */
static ChartGroup *
rest_group_new (RocznikChart *chart,
                int           shown,
                const char   *name)
{
  ChartGroup *rest = g_new0 (ChartGroup, 1);

  rest->name = g_strdup (name);
  for (int s = 0; s < CHART_MAX_SERIES; s++)
    rest->values[s] = CHART_NO_VALUE;
  for (guint i = shown; i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);

      rest->share += g->share;
      for (int s = 0; s < chart->n_series; s++)
        if (g->values[s] != CHART_NO_VALUE)
          {
            rest->values[s] = MAX (rest->values[s], 0) + g->values[s];
            rest->more_than[s] |= g->more_than[s];
          }
    }
  /* Handling times: the others' average over all their calls, not a sum. */
  if (chart->type == ROCZNIK_CHART_DURATION)
    {
      for (guint i = shown; i < chart->groups->len; i++)
        {
          const ChartGroup *g = g_ptr_array_index (chart->groups, i);

          rest->seconds += g->seconds;
          rest->weight += g->weight;
        }
      rest->values[0] = rest->weight > 0 ? chart_average_seconds (rest->seconds, rest->weight) : CHART_NO_VALUE;
    }
  if (chart->type == ROCZNIK_CHART_YOY && rest->values[0] > 0 && rest->values[1] != CHART_NO_VALUE)
    rest->change = rocznik_format_signed_percent (100.0 * (rest->values[1] - rest->values[0]) / rest->values[0], 1);
  return rest;
}

static void
rest_group_free (ChartGroup *rest)
{
  g_free (rest->name);
  g_free (rest->change);
  g_free (rest);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartGroup, rest_group_free)

static void
add_ticks_horizontal (Ctx   *c,
                      double x0,
                      double k,
                      double step,
                      double domain,
                      double top,
                      double bottom,
                      GArray *grid)
{
  double size = 0.8 * c->s;

  if (k <= 0)
    return;
  for (double v = 0; v <= domain + step / 2; v += step)
    {
      g_autofree char *label = chart_axis_label (c->chart, v);
      PangoLayout *layout = chart_text_new (c, label, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double x = x0 + v * k, w;

      chart_text_size (layout, &w, NULL);
      if (v > 0 && grid)
        g_array_append_val (grid, x);
      else if (v > 0)
        chart_add_grid_line (c, x, top, 0, bottom - top, v);
      chart_add_text (c, layout, MAX (x - w / 2, c->pad / 2), bottom + 0.3 * c->s,
                      PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
}

/* Year on year: the width of the column of changes at the right. */
static double
change_width (Ctx    *c,
              double  f_min,
              double  avail)
{
  RocznikChart *chart = c->chart;
  int n_all = chart->groups->len;
  /* only the rows that could be shown, and the others' change */
  int n = MIN (n_all, rows_bound (c, f_min, avail));
  double w = 0;

  for (int i = 0; i < n; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      w = MAX (w, chart_natural_width (c, g->change, 0.85 * c->s, TRUE));
    }
  if (n < n_all)
    w = MAX (w, chart_natural_width (c, "+000,0%", 0.85 * c->s, TRUE));
  w = MAX (w, chart_natural_width (c, "zmiana", 0.8 * c->s, FALSE));
  return w + 0.8 * c->s;
}

/* Every topic, the text a little smaller if need be; else the largest
 * that fit and one row for the others (never a row for a single one). */
static gboolean
rows_choose (Ctx    *c,
             Rows   *r,
             double  f_min,
             double  plot_w,
             double  avail)
{
  int n_all = c->chart->groups->len;
  gboolean fits = FALSE;

  for (double f = 1; f >= f_min - 1e-9 && !fits; f -= 0.07)
    if (n_all <= rows_bound (c, MAX (f, f_min), avail))
      fits = rows_fit (c, r, MAX (f, f_min), n_all, FALSE, plot_w, avail);
  for (int shown = MIN (n_all - 2, rows_bound (c, f_min, avail) - 1); !fits && shown >= 1; shown--)
    fits = rows_fit (c, r, f_min, shown, TRUE, plot_w, avail);
  return fits;
}

/* One scale for all bars: the axis's last round tick inside the plot,
 * and room for each bar's value label. Returns px per unit. */
static double
rows_scale (Ctx              *c,
            const Rows       *r,
            const ChartGroup *rest,
            double            x0,
            double            right,
            double           *step,
            double           *domain)
{
  RocznikChart *chart = c->chart;
  double tick_size = 0.8 * c->s;
  double axis_right = right - 0.35 * r->value_size;
  double tick_w = chart_natural_width (c, chart->type == ROCZNIK_CHART_DURATION ? "00" ROCZNIK_NBSP "min 00" ROCZNIK_NBSP "s"
                                                                              : "000" ROCZNIK_NBSP "tys.", tick_size, FALSE);
  g_autofree char *last = NULL;
  double k;

  *domain = chart_value_domain (chart, MAX (chart_max_value (chart, r->n_groups), rest ? chart_max_value_of (rest, chart->n_series) : 0),
                                CLAMP ((int) floor ((axis_right - x0) / (tick_w * 2.2)), 1, 6),
                                CLAMP ((int) floor ((axis_right - x0) / (tick_w * 1.5)), 1, 6), step);
  last = chart_axis_label (chart, *domain);
  axis_right = MIN (axis_right, c->width - c->pad - chart_natural_width (c, last, tick_size, FALSE) / 2);
  k = (axis_right - x0) / *domain;
  for (int i = 0; i < r->n_rows; i++)
    {
      const ChartGroup *g = i < r->n_groups ? g_ptr_array_index (chart->groups, i) : rest;
      for (int s = 0; s < chart->n_series; s++)
        {
          g_autofree char *text = chart_value_text (c->chart, g, s, FALSE);
          double w = chart_natural_width (c, text, r->value_size, FALSE);

          if (g->values[s] > 0)
            k = MIN (k, (right - x0 - 0.35 * r->value_size - w) / g->values[s]);
        }
    }
  return MAX (k, 0);
}

/* A row's bars and their value labels, one per series, from @first_y. */
static void
add_row_bars (Ctx              *c,
              const Rows       *r,
              const ChartGroup *g,
              int               i,
              gboolean          is_rest,
              double            x0,
              double            k,
              double            first_y)
{
  RocznikChart *chart = c->chart;

  for (int s = 0; s < chart->n_series; s++)
    {
      double by = first_y + s * r->pitch;
      double bw = g->values[s] > 0 ? g->values[s] * k : 0;
      g_autofree char *text = chart_value_text (c->chart, g, s, FALSE);
      PangoLayout *value = chart_text_new (c, text, r->value_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      int index = is_rest ? -1 : chart_bar_index (chart, i, s);
      ChartPrim *p;
      double vh;

      if (g->values[s] != CHART_NO_VALUE)
        {
          p = chart_add_rect (c, x0, by, bw, r->thickness, PAINT_BAR, ROCZNIK_CHART_ITEM_BAR);
          chart_bar_paint (c, g, s, p);
          if (is_rest && chart->n_series == 1)
            p->paint = PAINT_MUTED_BAR;   /* many topics, not one */
          p->bar = index;
          p->value = g->values[s];
          p->year = chart->series_years[s];
        }
      chart_text_size (value, NULL, &vh);
      p = chart_add_text (c, value, x0 + bw + 0.35 * r->value_size, by + (r->thickness - vh) / 2,
                          g->values[s] == CHART_NO_VALUE ? PAINT_MUTED_TEXT : PAINT_TEXT,
                          g->values[s] == CHART_NO_VALUE ? ROCZNIK_CHART_ITEM_LABEL : ROCZNIK_CHART_ITEM_VALUE);
      p->flags |= PRIM_KNOCKOUT;
      p->bar = g->values[s] == CHART_NO_VALUE ? -1 : index;
      p->value = g->values[s];
    }
}

/* Row @i at @y: grid, name, bars, values and (year on year) the change.
 * Returns the row's height. */
static double
add_row (Ctx              *c,
         const Rows       *r,
         const ChartGroup *g,
         int               i,
         gboolean          is_rest,
         Box               plot,
         double            x0,
         double            k,
         double            y,
         GArray           *grid,
         double            step)
{
  double row_h = r->side ? MAX (r->label_h[i], r->block) : r->label_h[i] + 0.15 * r->label_size + r->block;
  double block_y = r->side ? y + (row_h - r->block) / 2 : y + r->label_h[i] + 0.15 * r->label_size;
  double first_y = block_y + (MAX (r->thickness, r->value_h) - r->thickness) / 2;

  for (guint l = 0; l < grid->len; l++)
    chart_add_grid_line (c, g_array_index (grid, double, l), block_y, 0, r->block, (l + 1) * step);
  if (!r->side)
    chart_add_line (c, x0, block_y, 0, r->block, PAINT_BASELINE);
  chart_add_text (c, chart_text_new (c, g->name, r->label_size, g->highlighted, r->label_w, 2,
                                     r->side ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT),
                  plot.x, r->side ? y + (row_h - r->label_h[i]) / 2 : y,
                  PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
  add_row_bars (c, r, g, i, is_rest, x0, k, first_y);

  if (c->chart->type == ROCZNIK_CHART_YOY && g->change)
    {
      PangoLayout *change = chart_text_new (c, g->change, 0.85 * c->s, TRUE, -1, 0, PANGO_ALIGN_LEFT);
      double w, h;

      chart_text_size (change, &w, &h);
      chart_add_text (c, change, plot.x + plot.w - w, block_y + (r->block - h) / 2,
                      PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
  return row_h;
}

/* Internal API */

int
chart_layout_horizontal (Ctx *c,
                         Box  plot)
{
  RocznikChart *chart = c->chart;
  gboolean yoy = chart->type == ROCZNIK_CHART_YOY;
  double tick_h = 0.8 * c->s * 1.3 + 0.3 * c->s;
  double header_h = 0, change_w = 0, right, x0, k, y, step, domain, outer, avail;
  double f_min = MAX (0.72, 9.5 / (0.95 * c->s));
  g_autoptr(ChartGroup) rest = NULL;
  g_autoptr(GArray) grid = g_array_new (FALSE, FALSE, sizeof (double));
  int shown;
  Rows r;

  /* Year on year: a column of changes at the right. */
  if (yoy)
    {
      change_w = change_width (c, f_min, plot.h - tick_h);
      header_h = 0.8 * c->s * 1.3 + 0.2 * c->s;
    }
  right = plot.x + plot.w - change_w;
  avail = plot.h - tick_h - header_h;

  if (!rows_choose (c, &r, f_min, right - plot.x, avail))
    return 0;
  shown = r.n_groups;
  if (r.rest_name)
    rest = rest_group_new (chart, shown, r.rest_name);

  x0 = r.side ? plot.x + r.label_w + 0.6 * r.label_size : plot.x;
  k = rows_scale (c, &r, rest, x0, right, &step, &domain);

  /* Room left after the rows' caps: half above the first row, half
   * below the last, inside the grid, as a band scale pads its ends. */
  outer = MAX (0, (plot.h - tick_h - header_h - r.total) / 2);
  y = plot.y + header_h;
  if (yoy)
    {
      PangoLayout *head = chart_text_new (c, "zmiana", 0.8 * c->s, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double w;

      chart_text_size (head, &w, NULL);
      chart_add_text (c, head, plot.x + plot.w - w, plot.y, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
  /* Names above the bars: grid lines only beside the bars, never through text. */
  add_ticks_horizontal (c, x0, k, step, domain, y, y + r.total + 2 * outer, r.side ? NULL : grid);
  y += outer;

  for (int i = 0; i < r.n_rows; i++)
    {
      const ChartGroup *g = i < shown ? g_ptr_array_index (chart->groups, i) : rest;

      y += add_row (c, &r, g, i, g == rest, plot, x0, k, y, grid, step) + r.gap;
    }

  /* The zero line, over the bars' starts. */
  if (r.side)
    chart_add_line (c, x0, plot.y + header_h, 0, y - r.gap + outer - plot.y - header_h, PAINT_BASELINE);
  rows_clear (&r);
  return shown;
}

void
chart_measures_free (gpointer measures)
{
  Measures *m = measures;

  g_free (m->w);
  g_free (m->h);
  g_free (m->wrap_w);
  g_free (m->wrap_h);
  g_free (m->cut);
  g_free (m);
}
