/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window.h — the main window: a year's topics, its chart and details */
#pragma once

#include <adwaita.h>

#include "rocznik-application.h"
#include "rocznik-chart.h"
#include "rocznik-chart-export-dialog.h"
#include "rocznik-session.h"
#include "rocznik-table.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_WINDOW (rocznik_window_get_type ())

G_DECLARE_FINAL_TYPE (RocznikWindow, rocznik_window, ROCZNIK, WINDOW, AdwApplicationWindow)

RocznikWindow      *rocznik_window_new               (RocznikApplication *application,
                                                      int                 year,
                                                      int                 compare_year);
void                rocznik_window_import_file       (RocznikWindow      *self,
                                                      GFile              *file);
int                 rocznik_window_get_year          (RocznikWindow      *self);
int                 rocznik_window_get_compare_year  (RocznikWindow      *self);
gboolean            rocznik_window_has_year          (RocznikWindow      *self,
                                                      int                 year);
const char         *rocznik_window_get_page          (RocznikWindow      *self);
gboolean            rocznik_window_get_sample_shown  (RocznikWindow      *self);
gboolean            rocznik_window_get_column_visible (RocznikWindow     *self,
                                                      RocznikColumn       column);
GtkOrientation      rocznik_window_get_orientation   (RocznikWindow      *self);
GListModel         *rocznik_window_get_topic_model   (RocznikWindow      *self);
GtkSelectionModel  *rocznik_window_get_selection     (RocznikWindow      *self);
const RocznikTable *rocznik_window_get_table         (RocznikWindow      *self);
char               *rocznik_window_get_selected_tsv  (RocznikWindow      *self);
gboolean            rocznik_window_set_topic_count   (RocznikWindow      *self,
                                                      const char         *key,
                                                      const char         *text,
                                                      GError            **error);
gboolean            rocznik_window_set_topic_name    (RocznikWindow      *self,
                                                      const char         *key,
                                                      const char         *name,
                                                      GError            **error);
gboolean            rocznik_window_rename_topic      (RocznikWindow      *self,
                                                      const char         *key,
                                                      const char         *name,
                                                      GError            **error);
gboolean            rocznik_window_save_details      (RocznikWindow      *self,
                                                      const RocznikYear  *details,
                                                      GError            **error);
void                rocznik_window_export            (RocznikWindow      *self,
                                                      const char         *format,
                                                      const char         *path);
void                rocznik_window_export_chart      (RocznikWindow      *self,
                                                      const char         *path,
                                                      const RocznikChartExportOptions *options);
RocznikChart       *rocznik_window_get_chart         (RocznikWindow      *self);
RocznikChartType    rocznik_window_get_chart_type    (RocznikWindow      *self);
void                rocznik_window_set_chart_text    (RocznikWindow      *self,
                                                      RocznikChartText    field,
                                                      const char         *text);
const char         *rocznik_window_get_chart_text    (RocznikWindow      *self,
                                                      RocznikChartText    field);
gboolean            rocznik_window_add_to_category   (RocznikWindow      *self,
                                                      const char         *name,
                                                      const char *const  *keys,
                                                      GError            **error);
gboolean            rocznik_window_delete_category   (RocznikWindow      *self,
                                                      const char         *name,
                                                      GError            **error);
gboolean            rocznik_window_get_busy          (RocznikWindow      *self);
const char         *rocznik_window_get_last_toast    (RocznikWindow      *self);
gboolean            rocznik_window_undo              (RocznikWindow      *self,
                                                      GError            **error);
gboolean            rocznik_window_redo              (RocznikWindow      *self,
                                                      GError            **error);

G_END_DECLS
