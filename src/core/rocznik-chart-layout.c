/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-layout.c — placing a chart for a size, and painting it
 *
 * Layout first, paint second: everything is measured with Pango and placed
 * as a list of rectangles, lines and texts, so the widget's hit tests, the
 * tests' geometry checks and every export share one set of positions.
 * Text grows with the canvas; when rows do not fit, text shrinks a little,
 * then the smallest rows are left out and a note says so.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"

typedef struct
{
  RocznikChart *chart;
  ChartLayout  *out;
  PangoContext *pango;
  double        width, height;
  double        s;          /* base text size */
  double        pad;
  gboolean      any_highlight;
  GPtrArray    *measures;   /* Measures*, per label size, kept across passes */
} Ctx;

typedef struct
{
  double x, y, w, h;
} Box;

/* Okabe–Ito colours, safe for colour-blind readers, per theme. */
static const guint32 theme_colours[3][PAINT_SERIES + CHART_MAX_SERIES] = {
  [ROCZNIK_CHART_THEME_LIGHT] = {
    0xffffff, 0x1a1a1a, 0x595959, 0xe0e0e0, 0x6e6e6e, 0x0072b2, 0xd55e00, 0xb8c5d0,
    0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00,
  },
  [ROCZNIK_CHART_THEME_DARK] = {
    0x242424, 0xf2f2f2, 0xb0b0b0, 0x3c3c3c, 0x8c8c8c, 0x56b4e9, 0xe69f00, 0x56636e,
    0x56b4e9, 0xe69f00, 0x009e73, 0xcc79a7, 0x0072b2, 0xd55e00,
  },
  [ROCZNIK_CHART_THEME_HIGH_CONTRAST] = {
    0xffffff, 0x000000, 0x000000, 0x9a9a9a, 0x000000, 0x000000, 0xc04b00, 0x8a8a8a,
    0x000000, 0xe69f00, 0x0072b2, 0xcc79a7, 0x56b4e9, 0xd55e00,
  },
};

/* Helpers */

static PangoContext *
measuring_context (RocznikChart *chart)
{
  cairo_font_options_t *options;

  if (chart->pango)
    return chart->pango;

  /* Unhinted metrics: the same widths on screen, in PNG and in PDF. */
  chart->pango = pango_font_map_create_context (chart->font_map ? chart->font_map
                                                                : pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (chart->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (chart->pango, pango_language_from_string ("pl-pl"));
  /* Whole-pixel advances squeeze small text: Cantarell's 2.3 px space at
   * 10 px rounds to 2 beside widened letters and "Liczba rozmów" reads as
   * one word. Fractional positions keep every gap its true width. */
  pango_context_set_round_glyph_positions (chart->pango, FALSE);
  return chart->pango;
}

static PangoLayout *
text_new (Ctx           *c,
          const char    *text,
          double         size,
          gboolean       bold,
          double         width,
          int            max_lines,
          PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (c->pango);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, ROCZNIK_CHART_DEFAULT_FONT);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

/* The widest single line @text needs at this size. */
static double
natural_width (Ctx        *c,
               const char *text,
               double      size,
               gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_new (c, text, size, bold, -1, 0, PANGO_ALIGN_LEFT);
  double w;

  text_size (layout, &w, NULL);
  return w;
}

static ChartPrim *
add_prim (Ctx          *c,
          ChartPrimKind kind,
          RocznikChartItemKind item,
          int           paint)
{
  ChartPrim p = { 0 };

  p.kind = kind;
  p.item = item;
  p.paint = paint;
  p.alpha = 1;
  p.line_width = 1;
  p.bar = -1;
  g_array_append_val (c->out->prims, p);
  return &g_array_index (c->out->prims, ChartPrim, c->out->prims->len - 1);
}

/* Takes @layout; (@x, @y) is the layout's origin. */
static ChartPrim *
add_text (Ctx                 *c,
          PangoLayout         *layout,
          double               x,
          double               y,
          int                  paint,
          RocznikChartItemKind item)
{
  ChartPrim *p = add_prim (c, PRIM_TEXT, item, paint);

  p->layout = layout;
  p->x = x;
  p->y = y;
  return p;
}

static ChartPrim *
add_rect (Ctx   *c,
          double x,
          double y,
          double w,
          double h,
          int    paint,
          RocznikChartItemKind item)
{
  ChartPrim *p = add_prim (c, PRIM_RECT, item, paint);

  p->x = x;
  p->y = y;
  p->w = w;
  p->h = h;
  return p;
}

/* Hairlines sit on the pixel grid so they stay one crisp pixel wide. */
static void
add_line (Ctx   *c,
          double x,
          double y,
          double w,
          double h,
          int    paint)
{
  ChartPrim *p = add_prim (c, PRIM_LINE, ROCZNIK_CHART_ITEM_LABEL, paint);

  if (w == 0)
    x = floor (x) + 0.5;
  if (h == 0)
    y = floor (y) + 0.5;
  p->x = x;
  p->y = y;
  p->w = w;
  p->h = h;
}

/* A grid line at tick @value: reported in the layout for geometry checks. */
static void
add_grid_line (Ctx   *c,
               double x,
               double y,
               double w,
               double h,
               double value)
{
  ChartPrim *p;

  add_line (c, x, y, w, h, PAINT_GRID);
  p = &g_array_index (c->out->prims, ChartPrim, c->out->prims->len - 1);
  p->item = ROCZNIK_CHART_ITEM_GRID;
  p->value = (gint64) value;
}

/* 1, 2, 2.5 or 5 times a power of ten; counts never need finer steps than 1. */
static double
nice_step (double range,
           int    target)
{
  double raw, mag, f;

  if (range <= 0 || target < 1)
    return 1;
  raw = range / target;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  f = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return MAX (1, f * mag);
}

static gint64
max_value (RocznikChart *chart,
           int           n_groups)
{
  gint64 max = 0;

  for (int i = 0; i < n_groups; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      for (int s = 0; s < chart->n_series; s++)
        max = MAX (max, g->values[s]);
    }
  return max;
}

static gint64
max_value_of (const ChartGroup *g,
              int               n_series)
{
  gint64 max = 0;

  for (int s = 0; s < n_series; s++)
    max = MAX (max, g->values[s]);
  return max;
}

static int
bar_index (RocznikChart *chart,
           int           group,
           int           series)
{
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const ChartBar *b = &g_array_index (chart->bars, ChartBar, i);
      if (b->group == group && b->series == series)
        return i;
    }
  return -1;
}

/* Year on year: the later year is the stronger colour. */
static int
series_paint (RocznikChart *chart,
              int           series)
{
  if (chart->type == ROCZNIK_CHART_YOY)
    return PAINT_SERIES + (series == 0 ? 4 : 0);
  return PAINT_SERIES + series;
}

static void
bar_paint (Ctx              *c,
           const ChartGroup *g,
           int               series,
           ChartPrim        *p)
{
  if (c->chart->n_series > 1)
    {
      p->paint = series_paint (c->chart, series);
      if (c->any_highlight && !g->highlighted)
        p->alpha = 0.35;
    }
  else if (c->any_highlight)
    p->paint = g->highlighted ? PAINT_ACCENT : PAINT_MUTED_BAR;
  else
    p->paint = PAINT_BAR;
}

static char *
value_text (const ChartGroup *g,
            int               series,
            gboolean          compact)
{
  gint64 v = g->values[series];

  if (v == CHART_NO_VALUE)
    return g_strdup ("b.d.");
  if (g->more_than[series] || (compact && v >= 100000))
    return rocznik_format_short (v, g->more_than[series]);
  return rocznik_format_count (v);
}

/* Header, legend and footer */

static double
add_block (Ctx        *c,
           const char *text,
           double      size,
           gboolean    bold,
           int         max_lines,
           int         paint,
           double      y)
{
  PangoLayout *layout;
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = text_new (c, text, size, bold, c->width - 2 * c->pad, max_lines, PANGO_ALIGN_LEFT);
  text_size (layout, NULL, &h);
  add_text (c, layout, c->pad, y, paint, ROCZNIK_CHART_ITEM_LABEL);
  return h;
}

static double
measure_block (Ctx        *c,
               const char *text,
               double      size,
               int         max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = text_new (c, text, size, FALSE, c->width - 2 * c->pad, max_lines, PANGO_ALIGN_LEFT);
  text_size (layout, NULL, &h);
  return h;
}

/* Swatches and years, flowing onto more lines on a narrow canvas. */
static double
add_legend (Ctx   *c,
            double y)
{
  RocznikChart *chart = c->chart;
  double size = 0.85 * c->s;
  double sw = 0.8 * size;
  double x = c->pad, line_h = 0;
  double top = y;

  for (int s = 0; s < chart->n_series; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d" ROCZNIK_NBSP "r.", chart->series_years[s]);
      PangoLayout *layout = text_new (c, label, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double w, h, item_w;

      text_size (layout, &w, &h);
      item_w = sw + 0.35 * size + w;
      if (x > c->pad && x + item_w > c->width - c->pad)
        {
          x = c->pad;
          y += line_h + 0.3 * size;
        }
      line_h = MAX (line_h, h);
      add_rect (c, x, y + (h - sw) / 2, sw, sw, series_paint (chart, s), ROCZNIK_CHART_ITEM_LABEL);
      add_text (c, layout, x + sw + 0.35 * size, y, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
      x += item_w + 1.1 * size;
    }
  return y + line_h - top;
}

/* Horizontal bars: ranking, comparison, year on year */

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

static void
measures_free (Measures *m)
{
  g_free (m->w);
  g_free (m->h);
  g_free (m->wrap_w);
  g_free (m->wrap_h);
  g_free (m->cut);
  g_free (m);
}

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
  probe = text_new (c, "0123456789", value_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  text_size (probe, NULL, &m->value_h);
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
      g_autoptr(PangoLayout) layout = text_new (c, g->name, m->size, g->highlighted, -1, 0, PANGO_ALIGN_LEFT);

      text_size (layout, &m->w[m->n], &m->h[m->n]);
      m->wrap_w[m->n] = 0;
    }
}

/* A name's height in at most two lines of @width; *@cut when it had to be
 * shortened. One line when it is no wider than @width. */
static double
text_height_in (Ctx        *c,
                const char *text,
                double      size,
                gboolean    bold,
                double      width,
                gboolean   *cut)
{
  g_autoptr(PangoLayout) layout = text_new (c, text, size, bold, width, 2, PANGO_ALIGN_LEFT);
  double h;

  text_size (layout, NULL, &h);
  *cut = pango_layout_is_ellipsized (layout);
  return h;
}

static double
label_height (Ctx      *c,
              Measures *m,
              int       i,
              double    width,
              gboolean *cut)
{
  const ChartGroup *g;

  *cut = FALSE;
  if (m->w[i] <= width)
    return m->h[i];
  if (m->wrap_w[i] != width)
    {
      g = g_ptr_array_index (c->chart->groups, i);
      m->wrap_h[i] = text_height_in (c, g->name, m->size, g->highlighted, width, &m->cut[i]);
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
      r->label_h[i] = label_height (c, r->m, i, r->label_w, &cut);
      whole &= !cut;
    }
  if (r->rest_name)
    {
      cut = FALSE;
      r->label_h[r->n_groups] = r->rest_w <= r->label_w ? r->rest_h
        : text_height_in (c, r->rest_name, r->label_size, FALSE, r->label_w, &cut);
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
      layout = text_new (c, r->rest_name, r->label_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      text_size (layout, &r->rest_w, &r->rest_h);
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

/* The value axis ends on the round tick at or above the largest value, so
 * every bar ends inside the grid. */
static double
axis_domain (gint64  max,
             int     target,
             int     max_ticks,
             double *step)
{
  double domain;

  *step = nice_step (max, target);
  domain = MAX (1, ceil (max / *step)) * *step;
  /* A finer round step that still leaves room for its labels wastes less
   * of the axis: 100 990 ends at 120 tys., not 150 tys. */
  for (int t = target + 1; t <= max_ticks; t++)
    {
      double finer = nice_step (max, t);
      double d = MAX (1, ceil (max / finer)) * finer;

      if (d / finer <= max_ticks && d < domain)
        {
          domain = d;
          *step = finer;
        }
    }
  return domain;
}

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
      g_autofree char *label = rocznik_format_axis (v);
      PangoLayout *layout = text_new (c, label, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double x = x0 + v * k, w;

      text_size (layout, &w, NULL);
      if (v > 0 && grid)
        g_array_append_val (grid, x);
      else if (v > 0)
        add_grid_line (c, x, top, 0, bottom - top, v);
      add_text (c, layout, MAX (x - w / 2, c->pad / 2), bottom + 0.3 * c->s,
                PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
}

static int
layout_horizontal (Ctx *c,
                   Box  plot)
{
  RocznikChart *chart = c->chart;
  gboolean yoy = chart->type == ROCZNIK_CHART_YOY;
  int n_all = chart->groups->len;
  int shown = n_all;
  double tick_h = 0.8 * c->s * 1.3 + 0.3 * c->s;
  double header_h = 0, change_w = 0, right, x0, k, y, step, domain, outer, avail;
  double f_min = MAX (0.72, 9.5 / (0.95 * c->s));
  g_autoptr(ChartGroup) rest = NULL;
  Rows r;
  gboolean fits = FALSE;
  g_autoptr(GArray) grid = g_array_new (FALSE, FALSE, sizeof (double));

  /* Year on year: a column of changes at the right. */
  if (yoy)
    {
      /* only the rows that could be shown, and the others' change */
      int n = MIN (n_all, rows_bound (c, f_min, plot.h - tick_h));

      for (int i = 0; i < n; i++)
        {
          const ChartGroup *g = g_ptr_array_index (chart->groups, i);
          change_w = MAX (change_w, natural_width (c, g->change, 0.85 * c->s, TRUE));
        }
      if (n < n_all)
        change_w = MAX (change_w, natural_width (c, "+000,0%", 0.85 * c->s, TRUE));
      change_w = MAX (change_w, natural_width (c, "zmiana", 0.8 * c->s, FALSE));
      change_w += 0.8 * c->s;
      header_h = 0.8 * c->s * 1.3 + 0.2 * c->s;
    }
  right = plot.x + plot.w - change_w;
  avail = plot.h - tick_h - header_h;

  /* Every topic, the text a little smaller if need be; else the largest
   * that fit and one row for the others (never a row for a single one). */
  for (double f = 1; f >= f_min - 1e-9 && !fits; f -= 0.07)
    if (n_all <= rows_bound (c, MAX (f, f_min), avail))
      fits = rows_fit (c, &r, MAX (f, f_min), n_all, FALSE, right - plot.x, avail);
  for (shown = MIN (n_all - 2, rows_bound (c, f_min, avail) - 1); !fits && shown >= 1; shown--)
    fits = rows_fit (c, &r, f_min, shown, TRUE, right - plot.x, avail);
  if (!fits)
    return 0;
  shown = r.n_groups;
  if (r.rest_name)
    rest = rest_group_new (chart, shown, r.rest_name);

  x0 = r.side ? plot.x + r.label_w + 0.6 * r.label_size : plot.x;

  /* One scale for all bars: the axis's last round tick inside the plot,
   * and room for each bar's value label. */
  {
    double tick_size = 0.8 * c->s;
    double axis_right = right - 0.35 * r.value_size;
    double tick_w = natural_width (c, "000" ROCZNIK_NBSP "tys.", tick_size, FALSE);
    g_autofree char *last = NULL;

    domain = axis_domain (MAX (max_value (chart, shown), rest ? max_value_of (rest, chart->n_series) : 0),
                          CLAMP ((int) floor ((axis_right - x0) / (tick_w * 2.2)), 1, 6),
                          CLAMP ((int) floor ((axis_right - x0) / (tick_w * 1.5)), 1, 6), &step);
    last = rocznik_format_axis (domain);
    axis_right = MIN (axis_right, c->width - c->pad - natural_width (c, last, tick_size, FALSE) / 2);
    k = (axis_right - x0) / domain;
    for (int i = 0; i < r.n_rows; i++)
      {
        const ChartGroup *g = i < shown ? g_ptr_array_index (chart->groups, i) : rest;
        for (int s = 0; s < chart->n_series; s++)
          {
            g_autofree char *text = value_text (g, s, FALSE);
            double w = natural_width (c, text, r.value_size, FALSE);

            if (g->values[s] > 0)
              k = MIN (k, (right - x0 - 0.35 * r.value_size - w) / g->values[s]);
          }
      }
    if (k < 0)
      k = 0;

    /* Room left after the rows' caps: half above the first row, half
     * below the last, inside the grid, as a band scale pads its ends. */
    outer = MAX (0, (plot.h - tick_h - header_h - r.total) / 2);
    y = plot.y + header_h;
    if (yoy)
      {
        PangoLayout *head = text_new (c, "zmiana", 0.8 * c->s, FALSE, -1, 0, PANGO_ALIGN_LEFT);
        double w;

        text_size (head, &w, NULL);
        add_text (c, head, plot.x + plot.w - w, plot.y, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
      }
    /* Names above the bars: grid lines only beside the bars, never through text. */
    add_ticks_horizontal (c, x0, k, step, domain, y, y + r.total + 2 * outer, r.side ? NULL : grid);
    y += outer;

    for (int i = 0; i < r.n_rows; i++)
      {
        const ChartGroup *g = i < shown ? g_ptr_array_index (chart->groups, i) : rest;
        double row_h = r.side ? MAX (r.label_h[i], r.block) : r.label_h[i] + 0.15 * r.label_size + r.block;
        double block_y = r.side ? y + (row_h - r.block) / 2 : y + r.label_h[i] + 0.15 * r.label_size;
        double first_y = block_y + (MAX (r.thickness, r.value_h) - r.thickness) / 2;

        for (guint l = 0; l < grid->len; l++)
          add_grid_line (c, g_array_index (grid, double, l), block_y, 0, r.block, (l + 1) * step);
        if (!r.side)
          add_line (c, x0, block_y, 0, r.block, PAINT_BASELINE);
        add_text (c, text_new (c, g->name, r.label_size, g->highlighted, r.label_w, 2,
                               r.side ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT),
                  plot.x, r.side ? y + (row_h - r.label_h[i]) / 2 : y,
                  PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);

        for (int s = 0; s < chart->n_series; s++)
          {
            double by = first_y + s * r.pitch;
            double bw = g->values[s] > 0 ? g->values[s] * k : 0;
            g_autofree char *text = value_text (g, s, FALSE);
            PangoLayout *value = text_new (c, text, r.value_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
            int index = g == rest ? -1 : bar_index (chart, i, s);
            ChartPrim *p;
            double vh;

            if (g->values[s] != CHART_NO_VALUE)
              {
                p = add_rect (c, x0, by, bw, r.thickness, PAINT_BAR, ROCZNIK_CHART_ITEM_BAR);
                bar_paint (c, g, s, p);
                if (g == rest && chart->n_series == 1)
                  p->paint = PAINT_MUTED_BAR;   /* many topics, not one */
                p->bar = index;
                p->value = g->values[s];
                p->year = chart->series_years[s];
              }
            text_size (value, NULL, &vh);
            p = add_text (c, value, x0 + bw + 0.35 * r.value_size, by + (r.thickness - vh) / 2,
                          g->values[s] == CHART_NO_VALUE ? PAINT_MUTED_TEXT : PAINT_TEXT,
                          g->values[s] == CHART_NO_VALUE ? ROCZNIK_CHART_ITEM_LABEL : ROCZNIK_CHART_ITEM_VALUE);
            p->flags |= PRIM_KNOCKOUT;
            p->bar = g->values[s] == CHART_NO_VALUE ? -1 : index;
            p->value = g->values[s];
          }

        if (yoy && g->change)
          {
            PangoLayout *change = text_new (c, g->change, 0.85 * c->s, TRUE, -1, 0, PANGO_ALIGN_LEFT);
            double w, h;

            text_size (change, &w, &h);
            add_text (c, change, plot.x + plot.w - w, block_y + (r.block - h) / 2,
                      PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
          }
        y += row_h + r.gap;
      }
  }

  /* The zero line, over the bars' starts. */
  if (r.side)
    add_line (c, x0, plot.y + header_h, 0, y - r.gap + outer - plot.y - header_h, PAINT_BASELINE);
  rows_clear (&r);
  return shown;
}

/* Vertical columns: totals over time */

static int
layout_vertical (Ctx *c,
                 Box  plot)
{
  RocznikChart *chart = c->chart;
  int n = chart->groups->len;
  double year_size = 0.85 * c->s;
  double tick_size = 0.8 * c->s;
  double gutter, x0, slot, col_w, base_y, year_h, k = G_MAXDOUBLE, value_size;
  double step, domain, tick_h;
  g_autofree PangoLayout **values = g_new0 (PangoLayout *, n);
  g_autofree double *value_h = g_new0 (double, n);
  gint64 max = max_value (chart, n);
  int year_every = 1;
  gboolean compact = FALSE;

  /* The axis ends on a round tick above the tallest column. */
  domain = axis_domain (max, CLAMP ((int) floor ((plot.h - 1.6 * year_size) / (tick_size * 3.2)), 1, 6),
                        CLAMP ((int) floor ((plot.h - 1.6 * year_size) / (tick_size * 2.4)), 1, 6), &step);
  {
    g_autofree char *widest = rocznik_format_axis (domain);
    PangoLayout *probe = text_new (c, widest, tick_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);

    text_size (probe, &gutter, &tick_h);
    g_object_unref (probe);
    gutter += 0.5 * c->s;
  }
  x0 = plot.x + gutter;
  slot = (plot.x + plot.w - x0) / n;
  col_w = MIN (slot * 0.64, 4.5 * c->s);

  /* Value labels over the columns: smaller, then shorter, until they fit. */
  for (int attempt = 0; attempt < 8; attempt++)
    {
      gboolean ok = TRUE;

      value_size = MAX (0.85 * c->s * (1 - 0.07 * (attempt % 4)), 8.5);
      compact = attempt >= 4;
      for (int i = 0; i < n; i++)
        {
          const ChartGroup *g = g_ptr_array_index (chart->groups, i);
          g_autofree char *text = NULL;

          g_clear_object (&values[i]);
          if (g->values[0] == CHART_NO_VALUE)
            continue;
          text = value_text (g, 0, compact);
          values[i] = text_new (c, text, value_size, FALSE, slot - 2, 2, PANGO_ALIGN_CENTER);
          text_size (values[i], NULL, &value_h[i]);
          if (pango_layout_is_ellipsized (values[i]) || natural_width (c, "ponad", value_size, FALSE) > slot - 2)
            ok = FALSE;
          else
            {
              /* A word cut in two is no label either. */
              PangoLayoutIter *iter = pango_layout_get_iter (values[i]);
              do
                {
                  PangoRectangle line;
                  pango_layout_iter_get_line_extents (iter, NULL, &line);
                  ok &= line.width / PANGO_SCALE <= slot - 2;
                }
              while (pango_layout_iter_next_line (iter));
              pango_layout_iter_free (iter);
              ok &= pango_layout_get_unknown_glyphs_count (values[i]) == 0;
              if (strchr (text, ' ') == NULL && pango_layout_get_line_count (values[i]) > 1)
                ok = FALSE;
            }
        }
      if (ok)
        break;
    }

  {
    PangoLayout *probe = text_new (c, "2000", year_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
    double w;

    text_size (probe, &w, &year_h);
    g_object_unref (probe);
    while (year_every * slot < w + 0.4 * c->s && year_every < n)
      year_every++;
  }
  base_y = plot.y + plot.h - year_h - 0.35 * c->s;

  for (int i = 0; i < n; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      if (g->values[0] > 0)
        k = MIN (k, (base_y - plot.y - value_h[i] - 0.25 * c->s) / g->values[0]);
    }
  k = MIN (k, (base_y - plot.y - tick_h / 2) / domain);
  if (k < 0)
    k = 0;

  /* Grid and ticks: round values, labels right-aligned in the gutter. */
  if (k > 0)
    {
      for (double v = 0; v <= domain + step / 2; v += step)
        {
          g_autofree char *label = rocznik_format_axis (v);
          PangoLayout *layout = text_new (c, label, tick_size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
          double w, h, ly = base_y - v * k;

          text_size (layout, &w, &h);
          if (v > 0)
            add_grid_line (c, x0, ly, plot.x + plot.w - x0, 0, v);
          add_text (c, layout, x0 - 0.5 * c->s - w, ly - h / 2, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
        }
    }

  for (int i = 0; i < n; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      double sx = x0 + i * slot;
      double cx = sx + (slot - col_w) / 2;

      if (i % year_every == 0)
        {
          g_autofree char *label = g_strdup_printf ("%d", g->year);
          PangoLayout *layout = text_new (c, label, year_size, g->highlighted, -1, 0, PANGO_ALIGN_LEFT);
          double w;

          text_size (layout, &w, NULL);
          add_text (c, layout, sx + (slot - w) / 2, base_y + 0.35 * c->s, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
        }

      if (g->values[0] == CHART_NO_VALUE)
        {
          /* A missing year: an empty slot that says so, never a zero. */
          PangoLayout *gap = text_new (c, "brak danych", MAX (0.72 * c->s, 8.5), FALSE,
                                       slot - 2, 2, PANGO_ALIGN_CENTER);
          ChartPrim *p = add_rect (c, sx, plot.y, slot, base_y - plot.y, PAINT_BG, ROCZNIK_CHART_ITEM_GAP);
          double h;

          p->alpha = 0;
          p->year = g->year;
          text_size (gap, NULL, &h);
          add_text (c, gap, sx + 1, base_y - h - 0.3 * c->s, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
          continue;
        }

      {
        double h = g->values[0] * k;
        ChartPrim *p = add_rect (c, cx, base_y - h, col_w, h, PAINT_BAR, ROCZNIK_CHART_ITEM_BAR);

        bar_paint (c, g, 0, p);
        if (g->more_than[0])
          {
            p->flags |= PRIM_HATCH;
            p->line_width = MAX (1, 0.09 * c->s);
          }
        p->bar = bar_index (chart, i, 0);
        p->value = g->values[0];
        p->year = g->year;

        p = add_text (c, g_steal_pointer (&values[i]), sx + 1, base_y - h - 0.25 * c->s - value_h[i],
                      PAINT_TEXT, ROCZNIK_CHART_ITEM_VALUE);
        p->bar = bar_index (chart, i, 0);
        p->value = g->values[0];
        p->year = g->year;
      }
    }
  add_line (c, x0, base_y, plot.x + plot.w - x0, 0, PAINT_BASELINE);

  for (int i = 0; i < n; i++)
    g_clear_object (&values[i]);
  return n;
}

/* How many topics the chart shows, and what its "pozostałe" row holds. */
static char *
shown_note_text (RocznikChart *chart,
                 int           shown)
{
  guint n_all = chart->groups->len;
  guint n_rest = n_all - shown;
  g_autofree char *rest = rocznik_format_count (n_rest);
  g_autofree char *all = rocznik_format_count (n_all);
  gint64 sum = 0;

  if (chart->type != ROCZNIK_CHART_RANKING)
    return g_strdup_printf ("Pokazano %d" ROCZNIK_NBSP "z" ROCZNIK_NBSP "%s tematów; "
                            "„pozostałe” to suma %s pozostałych.", shown, all, rest);
  for (guint i = shown; i < n_all; i++)
    sum += MAX (0, ((const ChartGroup *) g_ptr_array_index (chart->groups, i))->values[0]);
  {
    g_autofree char *count = rocznik_format_count (sum);

    return g_strdup_printf ("Pokazano %d" ROCZNIK_NBSP "%s z" ROCZNIK_NBSP "%s; "
                            "„pozostałe” to suma %s pozostałych: %s %s.",
                            shown, rocznik_plural (shown, "największy temat", "największe tematy", "największych tematów"),
                            all, rest, count, rocznik_plural (sum, "rozmowa", "rozmowy", "rozmów"));
  }
}

/* The whole canvas; @shown_note: rows a previous pass had room for, or 0. */
static int
compose (Ctx *c,
         int  shown_note)
{
  RocznikChart *chart = c->chart;
  g_autofree char *notes = NULL;
  double y, bottom, h;
  gboolean legend = chart->n_series > 1;
  int shown;

  if (shown_note > 0)
    {
      g_autofree char *note = shown_note_text (chart, shown_note);
      notes = chart->notes ? g_strconcat (chart->notes, " ", note, NULL) : g_steal_pointer (&note);
    }
  else
    notes = g_strdup (chart->notes);

  y = c->pad;
  y += add_block (c, chart->title, 1.35 * c->s, TRUE, 2, PAINT_TEXT, y);
  h = add_block (c, chart->subtitle, 0.95 * c->s, FALSE, 2, PAINT_MUTED_TEXT, y + 0.15 * c->s);
  y += h > 0 ? h + 0.15 * c->s : 0;
  if (legend)
    y += 0.5 * c->s + add_legend (c, y + 0.5 * c->s);
  y += 0.9 * c->s;

  bottom = c->height - c->pad;
  h = measure_block (c, chart->source, 0.78 * c->s, 2);
  bottom -= h;
  add_block (c, chart->source, 0.78 * c->s, FALSE, 2, PAINT_MUTED_TEXT, bottom);
  if (notes)
    {
      h = measure_block (c, notes, 0.78 * c->s, 4);
      bottom -= h + (chart->source ? 0.2 * c->s : 0);
      add_block (c, notes, 0.78 * c->s, FALSE, 4, PAINT_TEXT, bottom);
    }
  bottom -= 0.8 * c->s;

  if (bottom - y < 2 * c->s)
    return 0;
  if (chart->type == ROCZNIK_CHART_TREND)
    shown = layout_vertical (c, (Box) { c->pad, y, c->width - 2 * c->pad, bottom - y });
  else
    shown = layout_horizontal (c, (Box) { c->pad, y, c->width - 2 * c->pad, bottom - y });
  return shown;
}

static void
prims_clear (gpointer data)
{
  ChartPrim *p = data;

  g_clear_object (&p->layout);
}

static ChartLayout *
layout_new (double width,
            double height)
{
  ChartLayout *layout = g_new0 (ChartLayout, 1);

  layout->width = width;
  layout->height = height;
  layout->prims = g_array_new (FALSE, TRUE, sizeof (ChartPrim));
  g_array_set_clear_func (layout->prims, prims_clear);
  return layout;
}

static void
set_source (cairo_t          *cr,
            RocznikChartTheme theme,
            int               paint,
            double            alpha)
{
  guint32 rgb = theme_colours[theme][CLAMP (paint, 0, PAINT_SERIES + CHART_MAX_SERIES - 1)];

  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* A lower bound: a pale fill crossed by diagonal lines, outlined. */
static void
paint_hatch (cairo_t          *cr,
             RocznikChartTheme theme,
             const ChartPrim  *p)
{
  double spacing = p->line_width * 4;

  cairo_save (cr);
  set_source (cr, theme, p->paint, 0.3 * p->alpha);
  cairo_rectangle (cr, p->x, p->y, p->w, p->h);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  set_source (cr, theme, p->paint, p->alpha);
  cairo_set_line_width (cr, p->line_width);
  for (double d = -p->h; d < p->w; d += spacing)
    {
      cairo_move_to (cr, p->x + d, p->y + p->h);
      cairo_line_to (cr, p->x + d + p->h, p->y);
    }
  cairo_stroke (cr);
  cairo_reset_clip (cr);
  cairo_rectangle (cr, p->x + p->line_width / 2, p->y + p->line_width / 2,
                   p->w - p->line_width, p->h - p->line_width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Internal API */

ChartLayout *
rocznik_chart_layout_compute (RocznikChart *chart,
                              double        width,
                              double        height)
{
  Ctx c = { 0 };
  int shown = 0, assumed = 0;

  c.chart = chart;
  c.pango = measuring_context (chart);
  c.width = width;
  c.height = height;
  /* Text follows the canvas: 11 px on a phone, ~18 px at 1200×675, 24 px at most. */
  c.s = CLAMP (MIN (width / 55, height / 38), 11, 24);
  c.pad = round (0.9 * c.s);
  c.any_highlight = g_hash_table_size (chart->highlight) > 0;
  c.measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_free);

  /* Leaving rows out adds a note, which may leave room for fewer rows. */
  for (int pass = 0; pass < 4; pass++)
    {
      if (c.out)
        rocznik_chart_layout_free (c.out);
      c.out = layout_new (width, height);
      shown = compose (&c, assumed);
      if (shown == 0 || shown >= (int) chart->groups->len || shown == assumed)
        break;
      assumed = shown;
    }
  g_ptr_array_unref (c.measures);
  return c.out;
}

void
rocznik_chart_layout_free (ChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->prims);
  g_free (layout);
}

void
rocznik_chart_text_extents (PangoLayout *layout,
                            double      *x,
                            double      *y,
                            double      *width,
                            double      *height)
{
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  *x = (double) ink.x / PANGO_SCALE;
  *y = (double) ink.y / PANGO_SCALE;
  *width = (double) ink.width / PANGO_SCALE;
  *height = (double) ink.height / PANGO_SCALE;
}

void
rocznik_chart_layout_paint (ChartLayout      *layout,
                            RocznikChartTheme theme,
                            cairo_t          *cr)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  set_source (cr, theme, PAINT_BG, 1);
  cairo_paint (cr);

  for (guint i = 0; i < layout->prims->len; i++)
    {
      const ChartPrim *p = &g_array_index (layout->prims, ChartPrim, i);

      switch (p->kind)
        {
        case PRIM_RECT:
          if (p->alpha <= 0 || p->w <= 0 || p->h <= 0)
            break;
          if (p->flags & PRIM_HATCH)
            paint_hatch (cr, theme, p);
          else
            {
              set_source (cr, theme, p->paint, p->alpha);
              cairo_rectangle (cr, p->x, p->y, p->w, p->h);
              cairo_fill (cr);
            }
          break;
        case PRIM_LINE:
          set_source (cr, theme, p->paint, p->alpha);
          cairo_set_line_width (cr, theme == ROCZNIK_CHART_THEME_HIGH_CONTRAST ? 1.5 * p->line_width : p->line_width);
          cairo_move_to (cr, p->x, p->y);
          cairo_rel_line_to (cr, p->w, p->h);
          cairo_stroke (cr);
          break;
        case PRIM_TEXT:
          if (p->flags & PRIM_KNOCKOUT)
            {
              double w, h;

              text_size (p->layout, &w, &h);
              set_source (cr, theme, PAINT_BG, 1);
              cairo_rectangle (cr, p->x - 2, p->y, w + 4, h);
              cairo_fill (cr);
            }
          set_source (cr, theme, p->paint, p->alpha);
          cairo_move_to (cr, p->x, p->y);
          pango_cairo_show_layout (cr, p->layout);
          break;
        }
    }
  cairo_restore (cr);
}
