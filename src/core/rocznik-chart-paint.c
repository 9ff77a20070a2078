/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-paint.c — painting a laid-out chart onto any cairo_t, in
 * the theme's colours */

#include "config.h"

#include "rocznik-chart-private.h"

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

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
set_source (cairo_t          *cr,
            RocznikChartTheme theme,
            int               paint,
            double            alpha)
{
  set_rgb (cr, theme_colours[theme][CLAMP (paint, 0, PAINT_SERIES + CHART_MAX_SERIES - 1)], alpha);
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

/* A mark over cells of any colour: a line of the ground under a line of
 * the text colour, so it shows on the lightest and the darkest. */
static void
paint_outline (cairo_t          *cr,
               RocznikChartTheme theme,
               const ChartPrim  *p)
{
  cairo_save (cr);
  cairo_rectangle (cr, p->x, p->y, p->w, p->h);
  set_source (cr, theme, PAINT_BG, 1);
  cairo_set_line_width (cr, 3 * p->line_width);
  cairo_stroke_preserve (cr);
  set_source (cr, theme, p->paint, 1);
  cairo_set_line_width (cr, p->line_width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Internal API */

/* The colour @p is painted in, as 0xRRGGBB. */
guint32
chart_paint_rgb (RocznikChartTheme theme,
                 const ChartPrim  *p)
{
  if (p->flags & PRIM_RGB)
    return p->rgb;
  return theme_colours[theme][CLAMP (p->paint, 0, PAINT_SERIES + CHART_MAX_SERIES - 1)];
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
          else if (p->flags & PRIM_OUTLINE)
            paint_outline (cr, theme, p);
          else if (p->flags & PRIM_RGB)
            {
              set_rgb (cr, p->rgb, p->alpha);
              cairo_rectangle (cr, p->x, p->y, p->w, p->h);
              cairo_fill (cr);
            }
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
          if (p->flags & (PRIM_KNOCKOUT | PRIM_HALO))
            {
              double w, h;

              chart_text_size (p->layout, &w, &h);
              if (p->flags & PRIM_HALO)
                set_rgb (cr, p->halo, 1);
              else
                set_source (cr, theme, PAINT_BG, 1);
              cairo_rectangle (cr, p->x - 2, p->y, w + 4, h);
              cairo_fill (cr);
            }
          if (p->flags & PRIM_RGB)
            set_rgb (cr, p->rgb, p->alpha);
          else
            set_source (cr, theme, p->paint, p->alpha);
          cairo_move_to (cr, p->x, p->y);
          pango_cairo_show_layout (cr, p->layout);
          break;
        }
    }
  cairo_restore (cr);
}
