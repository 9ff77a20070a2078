/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year-panel.h — details of one year and the totals of all years */
#pragma once

#include <adwaita.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_YEAR_PANEL (rocznik_year_panel_get_type ())

G_DECLARE_FINAL_TYPE (RocznikYearPanel, rocznik_year_panel, ROCZNIK, YEAR_PANEL, AdwBin)

void         rocznik_year_panel_set_years   (RocznikYearPanel *self,
                                             GPtrArray        *years,
                                             int               year,
                                             GPtrArray        *categories);
RocznikYear *rocznik_year_panel_get_details (RocznikYearPanel *self,
                                             GError          **error);

G_END_DECLS
