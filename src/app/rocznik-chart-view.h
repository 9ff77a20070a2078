/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-view.h — a RocznikChart on screen: hover, click, copy */
#pragma once

#include <gtk/gtk.h>

#include "rocznik-chart.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_CHART_VIEW (rocznik_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (RocznikChartView, rocznik_chart_view, ROCZNIK, CHART_VIEW, GtkWidget)

GtkWidget    *rocznik_chart_view_new           (void);
void          rocznik_chart_view_set_chart     (RocznikChartView   *self,
                                                RocznikChart       *chart);
RocznikChart *rocznik_chart_view_get_chart     (RocznikChartView   *self);
void          rocznik_chart_view_set_highlight (RocznikChartView   *self,
                                                const char * const *keys);
RocznikChartTheme rocznik_chart_view_get_theme (RocznikChartView   *self);

GdkTexture   *rocznik_chart_texture_new        (RocznikChart       *chart,
                                                int                 width,
                                                int                 height,
                                                double              scale);
void          rocznik_chart_view_copy          (RocznikChartView   *self,
                                                int                 width,
                                                int                 height);

G_END_DECLS
