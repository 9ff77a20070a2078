/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-summary.h — what a year's per-call records tell, at a glance */
#pragma once

#include <adwaita.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_CALL_SUMMARY (rocznik_call_summary_get_type ())

G_DECLARE_FINAL_TYPE (RocznikCallSummary, rocznik_call_summary, ROCZNIK, CALL_SUMMARY, AdwBin)

GtkWidget *rocznik_call_summary_new      (void);
void       rocznik_call_summary_set_year (RocznikCallSummary *self,
                                          const RocznikYear  *year);

G_END_DECLS
