/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-preset.c — the sizes a chart is exported at for the press
 *
 * One table for the window's export dialog and anyone else who offers
 * sizes by name, so "social media" means the same everywhere.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-preset.h"

static const RocznikChartPreset presets[] = {
  { "social",  1200,  675, N_("Social media") },
  { "square",  1080, 1080, N_("Square post") },
  { "full-hd", 1920, 1080, N_("Full HD screen") },
};

/* Every preset, in the order a dialog offers them. */
const RocznikChartPreset *
rocznik_chart_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const RocznikChartPreset *
rocznik_chart_preset_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

/* The preset of exactly this size, or NULL for a custom size. */
const RocznikChartPreset *
rocznik_chart_preset_for_size (int width,
                               int height)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].width == width && presets[i].height == height)
      return &presets[i];
  return NULL;
}

/* "1200 × 675 px": no thousands separator, sizes read as one token. */
char *
rocznik_chart_format_size (int width,
                           int height)
{
  return g_strdup_printf ("%d" "\xc2\xa0" "×" "\xc2\xa0" "%d" "\xc2\xa0" "px", width, height);
}
