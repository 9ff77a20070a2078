/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart.c — the chart object: its data prepared once, its texts,
 * its geometry
 *
 * rocznik_chart_new() hands the workspace's years to the chart type's
 * preparation (rocznik-chart-topics.c, -trend.c, -month.c, -heatmap.c,
 * -calls.c); rocznik-chart-describe.c puts the figures into words;
 * rocznik-chart-layout.c places the groups for a size and
 * rocznik-chart-paint.c paints them. Every figure and word is Polish,
 * formatted by rocznik-format.h.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"

static const char *type_names[] = { "ranking", "compare", "yoy", "trend", "month", "heatmap", "channel", "duration" };

/* Helpers */

static void
update_highlight (RocznikChart *chart)
{
  for (guint i = 0; i < chart->groups->len; i++)
    {
      ChartGroup *g = g_ptr_array_index (chart->groups, i);
      g->highlighted = g->key && g_hash_table_contains (chart->highlight, g->key);
    }
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
}

static ChartLayout *
chart_layout (RocznikChart *chart,
              double        width,
              double        height)
{
  if (chart->layout && chart->layout->width == width && chart->layout->height == height)
    return chart->layout;
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
  chart->layout = rocznik_chart_layout_compute (chart, width, height);
  return chart->layout;
}

/* Public API */

gboolean
rocznik_chart_type_from_string (const char       *name,
                                RocznikChartType *type)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (name, type_names[i]) == 0)
      {
        if (type)
          *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rocznik_chart_type_to_string (RocznikChartType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (type_names), NULL);
  return type_names[type];
}

gboolean
rocznik_chart_type_has_data (RocznikChartType   type,
                             const RocznikYear *year)
{
  g_return_val_if_fail (year != NULL, FALSE);

  switch (type)
    {
    case ROCZNIK_CHART_MONTH:
      return chart_year_has_months (year);
    case ROCZNIK_CHART_HEATMAP:
      return year->calls && year->calls->has_hours && rocznik_call_profile_hours_total (year->calls) > 0;
    case ROCZNIK_CHART_CHANNEL:
      return chart_year_channel_sum (year) > 0;
    case ROCZNIK_CHART_DURATION:
      for (guint i = 0; i < year->topics->len; i++)
        {
          const RocznikTopic *t = g_ptr_array_index (year->topics, i);
          if (t->has_duration && t->duration_calls > 0)
            return TRUE;
        }
      return FALSE;
    case ROCZNIK_CHART_TREND:
      return year->declared_total != ROCZNIK_NO_TOTAL || year->topics->len > 0;
    case ROCZNIK_CHART_RANKING:
    case ROCZNIK_CHART_COMPARE:
    case ROCZNIK_CHART_YOY:
    default:
      return year->topics->len > 0;
    }
}

/* @years: every year of the workspace (rocznik_workspace_load_all());
 * @categories: RocznikCategory*, or NULL. The chart copies what it needs. */
RocznikChart *
rocznik_chart_new (GPtrArray              *years,
                   GPtrArray              *categories,
                   const RocznikChartSpec *spec,
                   GError                **error)
{
  g_autoptr(RocznikChart) chart = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  gboolean ok = FALSE;

  g_return_val_if_fail (years != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chart = g_new0 (RocznikChart, 1);
  chart->type = spec->type;
  chart->theme = spec->theme;
  chart->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_group_free);
  chart->bars = g_array_new (FALSE, FALSE, sizeof (ChartBar));
  chart->highlight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  chart->office_hours = spec->office_hours.days == 0 && spec->office_hours.open == 0 && spec->office_hours.close == 0
                        ? ROCZNIK_OFFICE_HOURS_DEFAULT : spec->office_hours;

  switch (spec->type)
    {
    case ROCZNIK_CHART_RANKING:
      ok = chart_prepare_ranking (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_COMPARE:
      ok = chart_prepare_compare (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_YOY:
      ok = chart_prepare_yoy (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_TREND:
      ok = chart_prepare_trend (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_MONTH:
      ok = chart_prepare_month (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_HEATMAP:
      ok = chart_prepare_heatmap (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_CHANNEL:
      ok = chart_prepare_channel (chart, years, categories, spec, notes, error);
      break;
    case ROCZNIK_CHART_DURATION:
      ok = chart_prepare_duration (chart, years, categories, spec, notes, error);
      break;
    default:
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("Unknown chart type %d"), (int) spec->type);
    }
  if (!ok)
    return NULL;

  if (spec->subtitle)
    chart->subtitle = g_strdup (spec->subtitle);
  if (spec->source)
    chart->source = g_strdup (spec->source);
  if (spec->notes && *spec->notes)
    chart_add_note (notes, spec->notes);
  chart->notes = notes->len ? rocznik_typography (notes->str) : NULL;
  {
    char *t = rocznik_typography (chart->title);
    g_free (chart->title);
    chart->title = t;
  }

  for (guint i = 0; i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);
      for (int s = 0; s < chart->n_series; s++)
        if (g->values[s] != CHART_NO_VALUE)
          {
            ChartBar bar = { (int) i, s };
            g_array_append_val (chart->bars, bar);
          }
    }
  rocznik_chart_set_highlight (chart, (const char * const *) spec->highlight);
  return g_steal_pointer (&chart);
}

void
rocznik_chart_free (RocznikChart *chart)
{
  if (chart == NULL)
    return;
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
  chart_texts_clear (chart);
  g_clear_object (&chart->pango);
  g_clear_object (&chart->font_map);
  g_clear_pointer (&chart->groups, g_ptr_array_unref);
  g_clear_pointer (&chart->bars, g_array_unref);
  g_clear_pointer (&chart->highlight, g_hash_table_unref);
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->source);
  g_free (chart->notes);
  g_free (chart->remainder_note);
  for (int s = 0; s < CHART_MAX_SERIES; s++)
    g_free (chart->series_names[s]);
  g_free (chart);
}

void
rocznik_chart_set_theme (RocznikChart     *chart,
                         RocznikChartTheme theme)
{
  g_return_if_fail (chart != NULL);
  chart->theme = theme;
}

RocznikChartTheme
rocznik_chart_get_theme (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, ROCZNIK_CHART_THEME_LIGHT);
  return chart->theme;
}

/* @keys: topic keys (or category names) to draw in the accent colour. */
void
rocznik_chart_set_highlight (RocznikChart      *chart,
                             const char * const *keys)
{
  g_return_if_fail (chart != NULL);

  g_hash_table_remove_all (chart->highlight);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *key = rocznik_topic_key (keys[i]);
      g_hash_table_add (chart->highlight, g_strdup (keys[i]));
      g_hash_table_add (chart->highlight, g_steal_pointer (&key));
    }
  update_highlight (chart);
}

const char *
rocznik_chart_get_title (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

void
rocznik_chart_set_font_map (RocznikChart *chart,
                            PangoFontMap *font_map)
{
  g_return_if_fail (chart != NULL);

  if (!g_set_object (&chart->font_map, font_map))
    return;
  /* Text measured with other fonts is stale. */
  chart_texts_clear (chart);
  g_clear_object (&chart->pango);
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
}

/* The texts as drawn (defaults filled in); NULL when the chart has none. */
const char *
rocznik_chart_get_subtitle (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->subtitle && *chart->subtitle ? chart->subtitle : NULL;
}

const char *
rocznik_chart_get_source (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->source && *chart->source ? chart->source : NULL;
}

const char *
rocznik_chart_get_notes (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->notes;
}

RocznikChartType
rocznik_chart_get_chart_type (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, ROCZNIK_CHART_RANKING);
  return chart->type;
}

/* The hours a heat map marks; @hours NULL: the default. */
void
rocznik_chart_set_office_hours (RocznikChart             *chart,
                                const RocznikOfficeHours *hours)
{
  RocznikOfficeHours h = hours ? *hours : ROCZNIK_OFFICE_HOURS_DEFAULT;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (h.open >= 0 && h.open <= h.close && h.close <= 24 * 60);

  if (h.days == chart->office_hours.days && h.open == chart->office_hours.open
      && h.close == chart->office_hours.close)
    return;
  chart->office_hours = h;
  g_clear_pointer (&chart->layout, rocznik_chart_layout_free);
}

RocznikOfficeHours
rocznik_chart_get_office_hours (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, ROCZNIK_OFFICE_HOURS_DEFAULT);
  return chart->office_hours;
}

/* Draws the whole chart, ground included, into (0, 0, @width, @height). */
void
rocznik_chart_draw (RocznikChart *chart,
                    cairo_t      *cr,
                    double        width,
                    double        height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (width < 1 || height < 1)
    return;
  rocznik_chart_layout_paint (chart_layout (chart, width, height), chart->theme, cr);
}

void
rocznik_chart_item_free (RocznikChartItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

/* The geometry of a draw at this size: RocznikChartItem*, in paint order. */
GPtrArray *
rocznik_chart_get_layout (RocznikChart *chart,
                          double        width,
                          double        height)
{
  GPtrArray *items;
  ChartLayout *layout;

  g_return_val_if_fail (chart != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_chart_item_free);
  layout = chart_layout (chart, width, height);
  for (guint i = 0; i < layout->prims->len; i++)
    {
      const ChartPrim *p = &g_array_index (layout->prims, ChartPrim, i);
      RocznikChartItem *item;

      if (p->kind == PRIM_LINE && p->item != ROCZNIK_CHART_ITEM_GRID)
        continue;
      item = g_new0 (RocznikChartItem, 1);
      item->kind = p->item;
      item->bar = p->bar;
      item->value = p->value;
      item->year = p->year;
      item->colour = chart_paint_rgb (chart->theme, p);
      if (p->kind == PRIM_TEXT)
        {
          double x, y, w, h;

          rocznik_chart_text_extents (p->layout, &x, &y, &w, &h);
          item->x = p->x + x;
          item->y = p->y + y;
          item->width = w;
          item->height = h;
          item->text = g_strdup (pango_layout_get_text (p->layout));
        }
      else
        {
          item->x = p->x;
          item->y = p->y;
          item->width = p->w;
          item->height = p->h;
        }
      g_ptr_array_add (items, item);
    }
  return items;
}

int
rocznik_chart_get_n_bars (RocznikChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->bars->len;
}

/* The topic key (or category name, or year) of a bar, for selecting its
 * row; NULL for what stands for no topic (a month, a cell, a channel). */
const char *
rocznik_chart_get_bar_key (RocznikChart *chart,
                           int           index)
{
  const ChartBar *bar;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint) index < chart->bars->len, NULL);

  if (chart->type == ROCZNIK_CHART_HEATMAP)
    return NULL;
  bar = &g_array_index (chart->bars, ChartBar, index);
  return ((ChartGroup *) g_ptr_array_index (chart->groups, bar->group))->key;
}

/* The bar under (@x, @y), its value label included, or -1. */
int
rocznik_chart_hit_test (RocznikChart *chart,
                        double        width,
                        double        height,
                        double        x,
                        double        y)
{
  ChartLayout *layout;
  const double slack = 2;

  g_return_val_if_fail (chart != NULL, -1);

  layout = chart_layout (chart, width, height);
  for (guint i = 0; i < layout->prims->len; i++)
    {
      const ChartPrim *p = &g_array_index (layout->prims, ChartPrim, i);
      double px = p->x, py = p->y, pw = p->w, ph = p->h;

      if (p->bar < 0 || (p->item != ROCZNIK_CHART_ITEM_BAR && p->item != ROCZNIK_CHART_ITEM_VALUE
                         && p->item != ROCZNIK_CHART_ITEM_CELL))
        continue;
      if (p->kind == PRIM_TEXT)
        {
          rocznik_chart_text_extents (p->layout, &px, &py, &pw, &ph);
          px += p->x;
          py += p->y;
        }
      if (x >= px - slack && x <= px + pw + slack && y >= py - slack && y <= py + ph + slack)
        return p->bar;
    }
  return -1;
}

