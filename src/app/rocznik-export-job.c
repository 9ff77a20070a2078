/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-export-job.c — a report or chart written in a worker thread
 *
 * A chart is prepared on the main thread (it is what the window shows) and
 * only drawn into the file in the worker; a report reads the workspace
 * through a connection of its own, so the window goes on using its one.
 * Either way the file gets its format's extension when it lacks one (the
 * writers pick the format by it).
 */

#include "config.h"

#include "rocznik-export-job.h"
#include "rocznik-file.h"
#include "rocznik-report.h"
#include "rocznik-workspace.h"

struct _RocznikExportJob
{
  char         *path;
  char         *workspace_path;
  RocznikChart *chart;          /* charts: prepared on the main thread */
  int           width;          /* charts: CSS px and pixel density */
  int           height;
  double        dpi;
  int           year;           /* reports */
  int           compare_year;
};

/* helpers */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RocznikExportJob *job = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->chart)
    ok = rocznik_chart_export (job->chart, job->path, job->width, job->height, job->dpi, &error);
  else
    {
      g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (job->workspace_path, &error);
      RocznikReportOptions options = { 0 };

      options.year = job->year;
      options.compare_year = job->compare_year ? job->compare_year : -1;
      ok = ws && rocznik_report_write (ws, &options, job->path, cancellable, &error);
    }
  if (ok)
    g_task_return_pointer (task, g_strdup (job->path), g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* public API */

/* The annual report of @year (compared with @compare_year, 0 for none) as
 * @format ("xlsx", "pdf", "csv", "html"). */
RocznikExportJob *
rocznik_export_job_new_report (const char *workspace_path,
                               int         year,
                               int         compare_year,
                               const char *format,
                               const char *path)
{
  RocznikExportJob *job;

  g_return_val_if_fail (workspace_path != NULL && format != NULL && path != NULL, NULL);

  job = g_new0 (RocznikExportJob, 1);
  job->path = rocznik_file_with_extension (path, format);
  job->workspace_path = g_strdup (workspace_path);
  job->year = year;
  job->compare_year = compare_year;
  return job;
}

/* @chart (taken) at @width × @height CSS px, @scale pixels per px. */
RocznikExportJob *
rocznik_export_job_new_chart (RocznikChart *chart,
                              const char   *format,
                              const char   *path,
                              int           width,
                              int           height,
                              int           scale)
{
  RocznikExportJob *job;

  g_return_val_if_fail (chart != NULL && format != NULL && path != NULL, NULL);

  job = g_new0 (RocznikExportJob, 1);
  job->chart = chart;
  job->path = rocznik_file_with_extension (path, format);
  job->width = width;
  job->height = height;
  job->dpi = 96.0 * MAX (scale, 1);
  return job;
}

void
rocznik_export_job_free (RocznikExportJob *job)
{
  if (job == NULL)
    return;
  g_free (job->path);
  g_free (job->workspace_path);
  g_clear_pointer (&job->chart, rocznik_chart_free);
  g_free (job);
}

/* Takes @job; @callback runs on the main thread with @source. */
void
rocznik_export_job_run (RocznikExportJob    *job,
                        gpointer             source,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (job != NULL);

  task = g_task_new (source, NULL, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) rocznik_export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* The path written (with its extension), or NULL and @error. */
char *
rocznik_export_job_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
