/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-export-dialog.h — format, size and look of a chart export */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a chart export writes; the chart itself is the window's. */
typedef struct
{
  const char *format;   /* "png", "svg" or "pdf" (static strings) */
  int         width;    /* CSS px */
  int         height;
  int         scale;    /* PNG pixels per CSS px: 1 or 2 */
  gboolean    dark;     /* the dark theme instead of the light one */
} RocznikChartExportOptions;

#define ROCZNIK_TYPE_CHART_EXPORT_DIALOG (rocznik_chart_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikChartExportDialog, rocznik_chart_export_dialog, ROCZNIK, CHART_EXPORT_DIALOG, AdwWindow)

RocznikChartExportDialog *rocznik_chart_export_dialog_new         (GtkWindow                       *parent,
                                                                   const RocznikChartExportOptions *options);
void                      rocznik_chart_export_dialog_get_options (RocznikChartExportDialog        *self,
                                                                   RocznikChartExportOptions       *options);
void                      rocznik_chart_export_dialog_set_options (RocznikChartExportDialog        *self,
                                                                   const RocznikChartExportOptions *options);
gboolean                  rocznik_chart_export_dialog_select_preset (RocznikChartExportDialog      *self,
                                                                   const char                      *id);
const char               *rocznik_chart_export_dialog_get_preset  (RocznikChartExportDialog        *self);

G_END_DECLS
