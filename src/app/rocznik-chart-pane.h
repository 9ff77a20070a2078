/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-pane.h — the session's chart: type, texts, the chart itself */
#pragma once

#include <gtk/gtk.h>

#include "rocznik-chart.h"
#include "rocznik-session.h"
#include "rocznik-table.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_CHART_PANE (rocznik_chart_pane_get_type ())
G_DECLARE_FINAL_TYPE (RocznikChartPane, rocznik_chart_pane, ROCZNIK, CHART_PANE, GtkWidget)

GtkWidget      *rocznik_chart_pane_new          (void);
RocznikSession *rocznik_chart_pane_get_session  (RocznikChartPane   *self);
void            rocznik_chart_pane_set_session  (RocznikChartPane   *self,
                                                 RocznikSession     *session);
void            rocznik_chart_pane_set_table    (RocznikChartPane   *self,
                                                 const RocznikTable *table);
gboolean        rocznik_chart_pane_get_compact  (RocznikChartPane   *self);
void            rocznik_chart_pane_set_compact  (RocznikChartPane   *self,
                                                 gboolean            compact);
RocznikChart   *rocznik_chart_pane_get_chart    (RocznikChartPane   *self);
RocznikChart   *rocznik_chart_pane_chart_new    (RocznikChartPane   *self,
                                                 RocznikChartTheme   theme,
                                                 GError            **error);
gboolean        rocznik_chart_pane_copy         (RocznikChartPane   *self);
void            rocznik_chart_pane_popup_texts  (RocznikChartPane   *self);
void            rocznik_chart_pane_set_text     (RocznikChartPane   *self,
                                                 RocznikChartText    field,
                                                 const char         *text);

G_END_DECLS
