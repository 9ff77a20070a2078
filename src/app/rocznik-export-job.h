/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-export-job.h — a report or chart written in a worker thread */
#pragma once

#include <gio/gio.h>

#include "rocznik-chart.h"

G_BEGIN_DECLS

typedef struct _RocznikExportJob RocznikExportJob;

RocznikExportJob *rocznik_export_job_new_report (const char          *workspace_path,
                                                 int                  year,
                                                 int                  compare_year,
                                                 const char          *format,
                                                 const char          *path);
RocznikExportJob *rocznik_export_job_new_chart  (RocznikChart        *chart,
                                                 const char          *format,
                                                 const char          *path,
                                                 int                  width,
                                                 int                  height,
                                                 int                  scale);
void              rocznik_export_job_free       (RocznikExportJob    *job);
void              rocznik_export_job_run        (RocznikExportJob    *job,
                                                 gpointer             source,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char             *rocznik_export_job_finish     (GAsyncResult        *result,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikExportJob, rocznik_export_job_free)

G_END_DECLS
