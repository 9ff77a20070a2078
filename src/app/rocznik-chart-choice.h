/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-choice.h — one chart type offered in the chart pane's menu */
#pragma once

#include <glib-object.h>

#include "rocznik-chart.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_CHART_CHOICE (rocznik_chart_choice_get_type ())
G_DECLARE_FINAL_TYPE (RocznikChartChoice, rocznik_chart_choice, ROCZNIK, CHART_CHOICE, GObject)

RocznikChartChoice *rocznik_chart_choice_new           (RocznikChartType    type,
                                                        const char         *label);
RocznikChartType    rocznik_chart_choice_get_chart_type (RocznikChartChoice *self);
const char         *rocznik_chart_choice_get_label     (RocznikChartChoice *self);
gboolean            rocznik_chart_choice_get_available (RocznikChartChoice *self);
void                rocznik_chart_choice_set_available (RocznikChartChoice *self,
                                                        gboolean            available);

G_END_DECLS
