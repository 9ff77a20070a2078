/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-chart.h — geometry checks every chart suite shares */
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

G_END_DECLS
