/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-chart.c — geometry checks every chart suite shares */

#include <string.h>

#include "rocznik-test-chart.h"

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
