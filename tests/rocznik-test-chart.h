/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-chart.h — geometry checks and generated years every chart suite shares */
#pragma once

#include "rocznik-chart.h"

G_BEGIN_DECLS

gboolean   overlap     (const RocznikChartItem *a,
                        const RocznikChartItem *b);
GPtrArray *items_of    (GPtrArray              *items,
                        RocznikChartItemKind    kind);
gboolean   has_text    (GPtrArray              *items,
                        const char             *needle);
/* Text inside the canvas, no text over other text, none over a bar. */
void       check_clean (GPtrArray              *items,
                        double                  width,
                        double                  height);
/* Years 2020 and 2021 of @n generated topics (RocznikYear*). */
GPtrArray *many_topic_years (guint                  n);
GPtrArray *sample_years     (void);
/* A chart of @years that must be made; @topics separated by ";", or NULL. */
RocznikChart *chart_for     (GPtrArray              *years,
                             RocznikChartType        type,
                             const char             *topics,
                             int                     compare_year);

G_END_DECLS
