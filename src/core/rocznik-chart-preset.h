/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-preset.h — the sizes a chart is exported at for the press */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;       /* "social", "square", "full-hd" */
  int         width;    /* layout units: CSS px */
  int         height;
  const char *label;    /* N_(): translate with _() for display */
} RocznikChartPreset;

#define ROCZNIK_CHART_SIZE_MIN 100
#define ROCZNIK_CHART_SIZE_MAX 10000

const RocznikChartPreset *rocznik_chart_presets       (guint      *n_presets);
const RocznikChartPreset *rocznik_chart_preset_find   (const char *id);
const RocznikChartPreset *rocznik_chart_preset_for_size (int       width,
                                                       int         height);
char                     *rocznik_chart_format_size   (int         width,
                                                       int         height);

G_END_DECLS
