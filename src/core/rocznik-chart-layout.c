/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-layout.c — the layout engine: text, primitives, axes,
 * the header, legend and footer around every chart type's plot
 *
 * Layout first, paint second: everything is measured with Pango and placed
 * as a list of rectangles, lines and texts, so the widget's hit tests, the
 * tests' geometry checks and every export share one set of positions.
 * Text grows with the canvas; when rows do not fit, text shrinks a little,
 * then the smallest rows are left out and a note says so.
 *
 * Each text is shaped once per chart: a window resized by a drag lays the
 * chart out again at every size, and most labels come back with the same
 * text, size and wrap width (chart_text_new() keeps them, see TEXTS_KEPT).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"

/* Laid-out texts kept between layouts: beyond this many, those the last
 * two layouts did not use are let go. */
#define TEXTS_KEPT 1024

typedef struct
{
  PangoLayout *layout;
  guint        used;         /* the chart's generation when last asked for */
} KeptText;

/* Helpers */

static void
kept_text_free (gpointer data)
{
  KeptText *kept = data;

  g_object_unref (kept->layout);
  g_free (kept);
}

/* Every parameter chart_text_new() gives the layout, as it gives it. */
static char *
text_key (const char    *text,
          double         size,
          gboolean       bold,
          double         width,
          int            max_lines,
          PangoAlignment align)
{
  int wrap = width > 0 ? (int) floor (width * PANGO_SCALE) : -1;

  return g_strdup_printf ("%a|%d|%d|%d|%d|%s", size, bold != FALSE, wrap,
                          wrap > 0 && max_lines > 0 ? max_lines : 0, align, text);
}

static PangoLayout *
text_layout_new (PangoContext  *pango,
                 const char    *text,
                 double         size,
                 gboolean       bold,
                 double         width,
                 int            max_lines,
                 PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (pango);
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

static gboolean
text_is_stale (gpointer key,
               gpointer value,
               gpointer generation)
{
  const KeptText *kept = value;

  return kept->used + 1 < GPOINTER_TO_UINT (generation);
}

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
  layout = chart_text_new (c, text, size, bold, c->width - 2 * c->pad, max_lines, PANGO_ALIGN_LEFT);
  chart_text_size (layout, NULL, &h);
  chart_add_text (c, layout, c->pad, y, paint, ROCZNIK_CHART_ITEM_LABEL);
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
  layout = chart_text_new (c, text, size, FALSE, c->width - 2 * c->pad, max_lines, PANGO_ALIGN_LEFT);
  chart_text_size (layout, NULL, &h);
  return h;
}

/* Swatches and years (or topics), flowing onto more lines on a narrow
 * canvas; a name wider than the canvas wraps, in two lines at most. */
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
      g_autofree char *label = chart->series_names[s] ? g_strdup (chart->series_names[s])
                                                      : g_strdup_printf ("%d" ROCZNIK_NBSP "r.", chart->series_years[s]);
      PangoLayout *layout = chart_text_new (c, label, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double room = c->width - 2 * c->pad - sw - 0.35 * size;
      double w, h, item_w;

      chart_text_size (layout, &w, &h);
      if (w > room)
        {
          g_object_unref (layout);
          layout = chart_text_new (c, label, size, FALSE, room, 2, PANGO_ALIGN_LEFT);
          chart_text_size (layout, &w, &h);
        }
      item_w = sw + 0.35 * size + w;
      if (x > c->pad && x + item_w > c->width - c->pad)
        {
          x = c->pad;
          y += line_h + 0.3 * size;
        }
      line_h = MAX (line_h, h);
      chart_add_rect (c, x, y + (h - sw) / 2, sw, sw, chart_series_paint (chart, s), ROCZNIK_CHART_ITEM_LABEL);
      chart_add_text (c, layout, x + sw + 0.35 * size, y, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
      x += item_w + 1.1 * size;
    }
  return y + line_h - top;
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

  if (chart->type == ROCZNIK_CHART_DURATION)
    return g_strdup_printf ("Pokazano %d" ROCZNIK_NBSP "z" ROCZNIK_NBSP "%s tematów; "
                            "„pozostałe” to średni czas %s pozostałych.", shown, all, rest);
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
  switch (chart->type)
    {
    case ROCZNIK_CHART_TREND:
    case ROCZNIK_CHART_MONTH:
      shown = chart_layout_vertical (c, (Box) { c->pad, y, c->width - 2 * c->pad, bottom - y });
      break;
    case ROCZNIK_CHART_HEATMAP:
      shown = chart_layout_heatmap (c, (Box) { c->pad, y, c->width - 2 * c->pad, bottom - y });
      break;
    case ROCZNIK_CHART_RANKING:
    case ROCZNIK_CHART_COMPARE:
    case ROCZNIK_CHART_YOY:
    case ROCZNIK_CHART_CHANNEL:
    case ROCZNIK_CHART_DURATION:
    default:
      shown = chart_layout_horizontal (c, (Box) { c->pad, y, c->width - 2 * c->pad, bottom - y });
      break;
    }
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

/* Internal API */

/* A new reference to @text laid out so; nobody changes a layout once made,
 * so one made for an earlier layout of the chart serves as it is. */
PangoLayout *
chart_text_new (Ctx           *c,
                const char    *text,
                double         size,
                gboolean       bold,
                double         width,
                int            max_lines,
                PangoAlignment align)
{
  RocznikChart *chart = c->chart;
  g_autofree char *key = text_key (text, size, bold, width, max_lines, align);
  KeptText *kept;

  if (chart->texts == NULL)
    chart->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_text_free);
  kept = g_hash_table_lookup (chart->texts, key);
  if (kept == NULL)
    {
      kept = g_new0 (KeptText, 1);
      kept->layout = text_layout_new (c->pango, text, size, bold, width, max_lines, align);
      g_hash_table_insert (chart->texts, g_steal_pointer (&key), kept);
    }
  kept->used = chart->generation;
  return g_object_ref (kept->layout);
}

void
chart_text_size (PangoLayout *layout,
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
double
chart_natural_width (Ctx        *c,
                     const char *text,
                     double      size,
                     gboolean    bold)
{
  g_autoptr(PangoLayout) layout = chart_text_new (c, text, size, bold, -1, 0, PANGO_ALIGN_LEFT);
  double w;

  chart_text_size (layout, &w, NULL);
  return w;
}

ChartPrim *
chart_add_prim (Ctx          *c,
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
ChartPrim *
chart_add_text (Ctx                 *c,
                PangoLayout         *layout,
                double               x,
                double               y,
                int                  paint,
                RocznikChartItemKind item)
{
  ChartPrim *p = chart_add_prim (c, PRIM_TEXT, item, paint);

  p->layout = layout;
  p->x = x;
  p->y = y;
  return p;
}

ChartPrim *
chart_add_rect (Ctx   *c,
                double x,
                double y,
                double w,
                double h,
                int    paint,
                RocznikChartItemKind item)
{
  ChartPrim *p = chart_add_prim (c, PRIM_RECT, item, paint);

  p->x = x;
  p->y = y;
  p->w = w;
  p->h = h;
  return p;
}

/* Hairlines sit on the pixel grid so they stay one crisp pixel wide. */
void
chart_add_line (Ctx   *c,
                double x,
                double y,
                double w,
                double h,
                int    paint)
{
  ChartPrim *p = chart_add_prim (c, PRIM_LINE, ROCZNIK_CHART_ITEM_LABEL, paint);

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
void
chart_add_grid_line (Ctx   *c,
                     double x,
                     double y,
                     double w,
                     double h,
                     double value)
{
  ChartPrim *p;

  chart_add_line (c, x, y, w, h, PAINT_GRID);
  p = &g_array_index (c->out->prims, ChartPrim, c->out->prims->len - 1);
  p->item = ROCZNIK_CHART_ITEM_GRID;
  p->value = (gint64) value;
}

/* 1, 2, 2.5 or 5 times a power of ten; counts never need finer steps than 1. */
double
chart_nice_step (double range,
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

gint64
chart_max_value (RocznikChart *chart,
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

gint64
chart_max_value_of (const ChartGroup *g,
                    int               n_series)
{
  gint64 max = 0;

  for (int s = 0; s < n_series; s++)
    max = MAX (max, g->values[s]);
  return max;
}

int
chart_bar_index (RocznikChart *chart,
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
int
chart_series_paint (RocznikChart *chart,
                    int           series)
{
  if (chart->type == ROCZNIK_CHART_YOY)
    return PAINT_SERIES + (series == 0 ? 4 : 0);
  return PAINT_SERIES + series;
}

void
chart_bar_paint (Ctx              *c,
                 const ChartGroup *g,
                 int               series,
                 ChartPrim        *p)
{
  if (c->chart->n_series > 1)
    {
      p->paint = chart_series_paint (c->chart, series);
      if (c->any_highlight && !g->highlighted)
        p->alpha = 0.35;
    }
  else if (c->any_highlight)
    p->paint = g->highlighted ? PAINT_ACCENT : PAINT_MUTED_BAR;
  else
    p->paint = PAINT_BAR;
}

char *
chart_value_text (RocznikChart     *chart,
                  const ChartGroup *g,
                  int               series,
                  gboolean          compact)
{
  gint64 v = g->values[series];

  if (v == CHART_NO_VALUE)
    return g_strdup ("b.d.");
  if (chart->type == ROCZNIK_CHART_DURATION)
    return rocznik_format_duration (v);
  if (chart->type == ROCZNIK_CHART_CHANNEL)
    {
      g_autofree char *count = rocznik_format_count (v);
      g_autofree char *share = rocznik_format_percent (g->share, 1);

      return g_strdup_printf ("%s (%s)", count, share);
    }
  if (g->more_than[series] || (compact && v >= 100000))
    return rocznik_format_short (v, g->more_than[series]);
  return rocznik_format_count (v);
}

/* The value axis ends on the round tick at or above the largest value, so
 * every bar ends inside the grid. */
double
chart_axis_domain (gint64  max,
                   int     target,
                   int     max_ticks,
                   double *step)
{
  double domain;

  *step = chart_nice_step (max, target);
  domain = MAX (1, ceil (max / *step)) * *step;
  /* A finer round step that still leaves room for its labels wastes less
   * of the axis: 100 990 ends at 120 tys., not 150 tys. */
  for (int t = target + 1; t <= max_ticks; t++)
    {
      double finer = chart_nice_step (max, t);
      double d = MAX (1, ceil (max / finer)) * finer;

      if (d / finer <= max_ticks && d < domain)
        {
          domain = d;
          *step = finer;
        }
    }
  return domain;
}

/* Handling times step by round seconds, then whole minutes: the step
 * whose last tick at or above @max wastes least of the axis, with no more
 * than @max_ticks steps (the finer of two that end alike). */
static double
time_domain (gint64  max,
             int     max_ticks,
             double *step)
{
  static const double steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800 };
  double best = 0;

  *step = steps[G_N_ELEMENTS (steps) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double n = MAX (1, ceil (max / steps[i]));

      if (n <= max_ticks && (best == 0 || n * steps[i] < best))
        {
          best = n * steps[i];
          *step = steps[i];
        }
    }
  return best > 0 ? best : MAX (1, ceil (max / *step)) * *step;
}

/* The value axis of @chart: counts, or handling times in seconds. */
double
chart_value_domain (RocznikChart *chart,
                    gint64        max,
                    int           target,
                    int           max_ticks,
                    double       *step)
{
  if (chart->type == ROCZNIK_CHART_DURATION)
    return time_domain (max, max_ticks, step);
  return chart_axis_domain (max, target, max_ticks, step);
}

char *
chart_axis_label (RocznikChart *chart,
                  double        value)
{
  if (chart->type == ROCZNIK_CHART_DURATION)
    return value > 0 ? rocznik_format_duration ((gint64) value) : g_strdup ("0");
  return rocznik_format_axis (value);
}

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
  c.measures = g_ptr_array_new_with_free_func (chart_measures_free);
  chart->generation++;

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
  if (chart->texts && g_hash_table_size (chart->texts) > TEXTS_KEPT)
    g_hash_table_foreach_remove (chart->texts, text_is_stale, GUINT_TO_POINTER (chart->generation));
  return c.out;
}

/* The fonts changed: no kept text measures true any more. */
void
chart_texts_clear (RocznikChart *chart)
{
  g_clear_pointer (&chart->texts, g_hash_table_unref);
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
