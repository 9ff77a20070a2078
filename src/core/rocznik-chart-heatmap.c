/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-heatmap.c — calls by weekday × hour: the data, the grid of
 * cells on a colour-blind-safe sequential scale (viridis), its legend and
 * the office hours marked */

#include "config.h"

#include <math.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"
#include "rocznik-workspace.h"

static const char *weekday_short[ROCZNIK_WEEKDAYS] = {
  "pn.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz.",
};

/* viridis at nine even steps: lightness grows with t, and readers with
 * any common colour-vision deficiency still see one ordered scale. */
static const guint32 viridis[] = {
  0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725,
};

#define LEGEND_STEPS 48

/* Where the cells lie: hour 0 of Monday at x0, y0; an hour cw wide, a
 * day ch high; the count the scale's end stands for. */
typedef struct
{
  double x0, y0, cw, ch;
  double domain;
} Grid;

/* Helpers */

static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
to_srgb (double c)
{
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* Mixed in linear light: the luminance runs straight between the
 * anchors, so more calls never give a lighter (or darker) cell. */
static guint32
viridis_at (double t)
{
  double pos = CLAMP (t, 0, 1) * (G_N_ELEMENTS (viridis) - 1);
  int i = MIN ((int) floor (pos), (int) G_N_ELEMENTS (viridis) - 2);
  double f = pos - i;
  guint32 a = viridis[i], b = viridis[i + 1], out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = to_linear (((a >> shift) & 0xff) / 255.0), cb = to_linear (((b >> shift) & 0xff) / 255.0);
      out |= (guint32) lround (255 * to_srgb (ca + f * (cb - ca))) << shift;
    }
  return out;
}

/* More calls, more ink: dark on a light ground, bright on a dark one. */
static guint32
scale_colour (RocznikChartTheme theme,
              double            t)
{
  return viridis_at (theme == ROCZNIK_CHART_THEME_DARK ? t : 1 - t);
}

static double
luminance (guint32 rgb)
{
  double l = 0;
  static const double weight[3] = { 0.2126, 0.7152, 0.0722 };

  for (int i = 0; i < 3; i++)
    {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
      l += weight[i] * to_linear (c);
    }
  return l;
}

/* Black or white, whichever reads better on @ground (WCAG contrast). */
static guint32
label_colour (guint32 ground)
{
  double l = luminance (ground);

  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 0x000000 : 0xffffff;
}

/* "pn.–pt. 7:30–20:00"; NULL when no hours are marked. */
static char *
office_hours_text (const RocznikOfficeHours *h)
{
  GString *s;

  if (h->days == 0 || h->open >= h->close)
    return NULL;
  s = g_string_new (NULL);
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      int e = d;

      if (!(h->days & (1u << d)))
        continue;
      while (e + 1 < ROCZNIK_WEEKDAYS && (h->days & (1u << (e + 1))))
        e++;
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", weekday_short[d]);
      if (e > d)
        g_string_append_printf (s, "–%s", weekday_short[e]);
      d = e;
    }
  g_string_append_printf (s, " %d:%02d–%d:%02d", h->open / 60, h->open % 60, h->close / 60, h->close % 60);
  return g_string_free (s, FALSE);
}

/* Whether an edge of the office hours' outline runs through the span
 * @left–@right of weekday @d's row. */
static gboolean
mark_crosses (const RocznikOfficeHours *oh,
              const Grid               *g,
              int                       d,
              double                    left,
              double                    right)
{
  const int edges[2] = { oh->open, oh->close };

  if (oh->days == 0 || oh->open >= oh->close || !(oh->days & (1u << d)))
    return FALSE;
  for (int i = 0; i < 2; i++)
    {
      double x = g->x0 + edges[i] / 60.0 * g->cw;

      if (left < x && x < right)
        return TRUE;
    }
  return FALSE;
}

/* Cell labels when every count fits its cell at a legible size. */
static double
cell_label_size (Ctx    *c,
                 double  cw,
                 double  ch)
{
  RocznikChart *chart = c->chart;
  gint64 max = 0;

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      max = MAX (max, chart->heat[d][h]);
  for (double size = 0.75 * c->s; size >= 8.5; size -= 0.5)
    {
      g_autofree char *widest = rocznik_format_count (max);
      PangoLayout *probe = chart_text_new (c, widest, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double w, h;

      chart_text_size (probe, &w, &h);
      g_object_unref (probe);
      if (w <= cw - 4 && h <= ch - 2)
        return size;
    }
  return 0;
}

static guint32
cell_colour (Ctx        *c,
             const Grid *g,
             gint64      v)
{
  return scale_colour (c->chart->theme, g->domain > 0 ? v / g->domain : 0);
}

/* @p is cell @d × @h's (its rect or its count), painted in @rgb. */
static void
set_cell (ChartPrim    *p,
          RocznikChart *chart,
          int           d,
          int           h,
          guint32       rgb)
{
  p->flags |= PRIM_RGB;
  p->rgb = rgb;
  p->bar = d * ROCZNIK_HOURS + h;
  p->value = chart->heat[d][h];
  p->year = chart->year;
}

static void
add_cells (Ctx        *c,
           const Grid *g)
{
  double inset = g->cw >= 8 ? 1 : 0.5;

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      {
        ChartPrim *p = chart_add_rect (c, g->x0 + h * g->cw + inset / 2, g->y0 + d * g->ch + inset / 2,
                                       g->cw - inset, g->ch - inset, PAINT_BAR, ROCZNIK_CHART_ITEM_CELL);

        set_cell (p, c->chart, d, h, cell_colour (c, g, c->chart->heat[d][h]));
      }
}

/* Each cell's count, centred as in every cell, black or white as reads
 * best on it; added after the office hours' outline. Where the outline's
 * edge runs through a count (7:30 cuts the 7:00 cells in half), the
 * count is drawn over it on a halo of its cell's colour: the line stays
 * at 7:30, broken only behind the digits, as a contour line on a map is
 * for its label. The count keeps the middle of its cell: it is the whole
 * hour's, not the half's on one side of the line. */
static void
add_cell_labels (Ctx        *c,
                 const Grid *g)
{
  RocznikChart *chart = c->chart;
  double size = cell_label_size (c, g->cw, g->ch);

  for (int d = 0; size > 0 && d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      {
        g_autofree char *text = rocznik_format_count (chart->heat[d][h]);
        PangoLayout *layout = chart_text_new (c, text, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
        guint32 ground = cell_colour (c, g, chart->heat[d][h]);
        double w, th, x;
        ChartPrim *p;

        chart_text_size (layout, &w, &th);
        x = g->x0 + h * g->cw + (g->cw - w) / 2;
        p = chart_add_text (c, layout, x, g->y0 + d * g->ch + (g->ch - th) / 2, PAINT_TEXT, ROCZNIK_CHART_ITEM_VALUE);
        set_cell (p, chart, d, h, label_colour (ground));
        if (mark_crosses (&chart->office_hours, g, d, x - 2, x + w + 2))
          {
            p->flags |= PRIM_HALO;
            p->halo = ground;
          }
      }
}

/* The office hours: one outline per run of consecutive days. */
static void
add_office_marks (Ctx        *c,
                  const Grid *g)
{
  const RocznikOfficeHours *oh = &c->chart->office_hours;

  if (oh->days == 0 || oh->open >= oh->close)
    return;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      int e = d;
      ChartPrim *p;

      if (!(oh->days & (1u << d)))
        continue;
      while (e + 1 < ROCZNIK_WEEKDAYS && (oh->days & (1u << (e + 1))))
        e++;
      p = chart_add_rect (c, g->x0 + oh->open / 60.0 * g->cw, g->y0 + d * g->ch,
                          (oh->close - oh->open) / 60.0 * g->cw, (e - d + 1) * g->ch,
                          PAINT_TEXT, ROCZNIK_CHART_ITEM_MARK);
      p->flags |= PRIM_OUTLINE;
      p->line_width = MAX (1.5, 0.1 * c->s);
      d = e;
    }
}

/* Weekday names left of the rows, in full when they leave the cells room. */
static double
add_weekday_labels (Ctx    *c,
                    Box     plot,
                    double  y0,
                    double  ch,
                    double  size,
                    gboolean full)
{
  double label_w = 0;

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    label_w = MAX (label_w, chart_natural_width (c, full ? rocznik_format_weekday (d) : weekday_short[d], size, FALSE));
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      PangoLayout *layout = chart_text_new (c, full ? rocznik_format_weekday (d) : weekday_short[d], size, FALSE,
                                            ceil (label_w) + 1, 1, PANGO_ALIGN_RIGHT);
      double h;

      chart_text_size (layout, NULL, &h);
      chart_add_text (c, layout, plot.x, y0 + d * ch + (ch - h) / 2, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
  return ceil (label_w) + 1;
}

/* Hours under the columns, every 1, 2, 3, 4 or 6 as room allows; returns
 * the row's height. */
static double
add_hour_labels (Ctx    *c,
                 double  x0,
                 double  y,
                 double  cw,
                 double  size)
{
  static const int every[] = { 1, 2, 3, 4, 6 };
  double w = chart_natural_width (c, "00", size, FALSE) + 0.4 * c->s;
  double row_h = 0;
  int n = 6;

  for (guint i = 0; i < G_N_ELEMENTS (every); i++)
    if (every[i] * cw >= w)
      {
        n = every[i];
        break;
      }
  for (int h = 0; h < ROCZNIK_HOURS; h += n)
    {
      g_autofree char *text = g_strdup_printf ("%d", h);
      PangoLayout *layout = chart_text_new (c, text, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double tw, th;

      chart_text_size (layout, &tw, &th);
      row_h = MAX (row_h, th);
      chart_add_text (c, layout, x0 + h * cw + (cw - tw) / 2, y, PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
  return row_h;
}

/* The colour scale: a bar of swatches, round counts under it, a caption
 * beside (or above) it. Returns the height used. */
static double
add_scale (Ctx    *c,
           Box     plot,
           double  y,
           double  domain,
           double  step)
{
  double size = 0.8 * c->s;
  double caption_w = chart_natural_width (c, "liczba rozmów:", size, FALSE);
  double bw = MIN (plot.w, 18 * c->s);
  double bx = plot.x, bh = 0.7 * c->s, top = y, th = 0;

  if (plot.w - bw >= caption_w + c->s)
    {
      bx = plot.x + caption_w + 0.5 * c->s;
      bw = MIN (bw, plot.x + plot.w - bx);
    }
  else
    y += size * 1.3;
  chart_add_text (c, chart_text_new (c, "liczba rozmów:", size, FALSE, -1, 0, PANGO_ALIGN_LEFT),
                  plot.x, bx > plot.x ? y + (bh - size * 1.2) / 2 : top, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
  for (int i = 0; i < LEGEND_STEPS; i++)
    {
      double t = (i + 0.5) / LEGEND_STEPS;
      ChartPrim *p = chart_add_rect (c, bx + i * bw / LEGEND_STEPS, y, bw / LEGEND_STEPS + 0.5, bh,
                                     PAINT_BAR, ROCZNIK_CHART_ITEM_LEGEND);

      p->flags |= PRIM_RGB;
      p->rgb = scale_colour (c->chart->theme, t);
      p->value = (gint64) round (t * domain);
    }
  for (double v = 0; v <= domain + step / 2; v += step)
    {
      g_autofree char *text = rocznik_format_count ((gint64) v);
      PangoLayout *layout = chart_text_new (c, text, size, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double w, x = bx + v / domain * bw;

      chart_text_size (layout, &w, &th);
      chart_add_line (c, x, y + bh, 0, 0.25 * c->s, PAINT_BASELINE);
      chart_add_text (c, layout, CLAMP (x - w / 2, bx, bx + bw - w), y + bh + 0.3 * c->s,
                      PAINT_MUTED_TEXT, ROCZNIK_CHART_ITEM_LABEL);
    }
  return y + bh + 0.3 * c->s + th - top;
}

/* The office hours' key: an outlined swatch and the hours in words. */
static double
add_office_key (Ctx    *c,
                Box     plot,
                double  y)
{
  g_autofree char *hours = office_hours_text (&c->chart->office_hours);
  g_autofree char *text = NULL;
  double size = 0.8 * c->s, sw = 1.2 * size, h;
  PangoLayout *layout;
  ChartPrim *p;

  if (hours == NULL)
    return 0;
  text = g_strdup_printf ("godziny pracy biura: %s", hours);
  layout = chart_text_new (c, text, size, FALSE, plot.w - sw - 0.5 * size, 2, PANGO_ALIGN_LEFT);
  chart_text_size (layout, NULL, &h);
  p = chart_add_rect (c, plot.x + 1, y + MAX (0, (size * 1.2 - 0.8 * sw) / 2), sw - 2, 0.8 * sw,
                      PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
  p->flags |= PRIM_OUTLINE;
  p->line_width = MAX (1.5, 0.1 * c->s);
  chart_add_text (c, layout, plot.x + sw + 0.5 * size, y, PAINT_TEXT, ROCZNIK_CHART_ITEM_LABEL);
  return h;
}

static gint64
heat_max (RocznikChart *chart)
{
  gint64 max = 0;

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      max = MAX (max, chart->heat[d][h]);
  return max;
}

/* Internal API */

gboolean
chart_prepare_heatmap (RocznikChart           *chart,
                       GPtrArray              *years,
                       GPtrArray              *categories,
                       const RocznikChartSpec *spec,
                       GString                *notes,
                       GError                **error)
{
  const RocznikYear *y = chart_year_with_data (years, spec->year, ROCZNIK_CHART_HEATMAP, error);

  if (y == NULL)
    return FALSE;
  memcpy (chart->heat, y->calls->hours, sizeof chart->heat);
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      ChartGroup *g = chart_group_new (rocznik_format_weekday (d), NULL);

      g->short_name = g_strdup (weekday_short[d]);
      g->year = y->year;
      g_ptr_array_add (chart->groups, g);
      for (int h = 0; h < ROCZNIK_HOURS; h++)
        {
          ChartBar bar = { d, h };
          g_array_append_val (chart->bars, bar);
        }
    }

  chart_year_texts (chart, spec, y, "Rozmowy według dnia tygodnia i godziny w %d" ROCZNIK_NBSP "r.",
                    "liczba rozmów rozpoczętych w danej godzinie");
  chart_add_note (notes, "Godzina 8 to rozmowy rozpoczęte od 8:00 do 8:59.");
  return TRUE;
}

const char *
chart_weekday_name (int weekday)
{
  return rocznik_format_weekday (weekday);
}

char *
chart_office_hours_text (const RocznikOfficeHours *hours)
{
  return office_hours_text (hours);
}

int
chart_layout_heatmap (Ctx *c,
                      Box  plot)
{
  RocznikChart *chart = c->chart;
  double label_size = 0.85 * c->s, hour_size = 0.8 * c->s;
  double label_w, x0, cw, ch, hours_h, y, step, domain, legend_h;
  Grid grid;
  gboolean full;
  int ticks;

  /* Room under the grid: hour labels, the scale (two lines on a narrow
   * canvas) and the office hours' key. */
  hours_h = hour_size * 1.3 + 0.3 * c->s;
  legend_h = 0.9 * c->s + (plot.w < 30 * c->s ? 2 : 1) * 0.8 * c->s * 1.3 + 0.7 * c->s + 0.3 * c->s
             + 0.5 * c->s + 0.8 * c->s * 1.3 * (plot.w < 24 * c->s ? 2 : 1);
  ch = MIN ((plot.h - hours_h - legend_h) / ROCZNIK_WEEKDAYS, 2.6 * c->s);
  if (ch < MAX (0.6 * c->s, 7))
    return 0;

  /* Spare height above and below, not all at the bottom. */
  plot.y += MAX (0, (plot.h - ROCZNIK_WEEKDAYS * ch - hours_h - legend_h) / 2);
  full = chart_natural_width (c, "poniedziałek", label_size, FALSE) <= 0.12 * plot.w;
  label_w = add_weekday_labels (c, plot, plot.y, ch, label_size, full);
  x0 = plot.x + label_w + 0.5 * c->s;
  cw = (plot.x + plot.w - x0) / ROCZNIK_HOURS;

  ticks = CLAMP ((int) floor (MIN (plot.w, 18 * c->s) / (chart_natural_width (c, "00" ROCZNIK_NBSP "000", 0.8 * c->s, FALSE) + c->s)), 1, 5);
  domain = chart_axis_domain (heat_max (chart), MIN (4, ticks), ticks, &step);
  grid = (Grid) { x0, plot.y, cw, ch, domain };
  add_cells (c, &grid);
  add_office_marks (c, &grid);
  add_cell_labels (c, &grid);

  y = plot.y + ROCZNIK_WEEKDAYS * ch + 0.3 * c->s;
  y += add_hour_labels (c, x0, y, cw, hour_size) + 0.9 * c->s;
  y += add_scale (c, plot, y, domain, step) + 0.5 * c->s;
  add_office_key (c, plot, y);
  return chart->groups->len;
}
