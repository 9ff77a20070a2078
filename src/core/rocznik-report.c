/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report.c — what a report shows, formatted once; the writers render it */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rocznik-chart.h"
#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-report-private.h"
#include "rocznik-topics.h"

static void
series_free (RocznikReportSeries *series)
{
  g_free (series->name);
  g_free (series->counts);
  g_free (series);
}

static gboolean
year_has_topics (const RocznikYear *y)
{
  return y->topics->len > 0;
}

/* The latest year before @year for which @accept holds. */
static const RocznikYear *
year_before (GPtrArray *years,
             int        year,
             gboolean (*accept) (const RocznikYear *))
{
  for (guint i = years->len; i > 0; i--)
    {
      const RocznikYear *y = g_ptr_array_index (years, i - 1);

      if (y->year < year && accept (y))
        return y;
    }
  return NULL;
}

static gboolean
year_has_figures (const RocznikYear *y)
{
  return y->topics->len > 0 || y->declared_total != ROCZNIK_NO_TOTAL;
}

static RocznikReportSeries *
series_for_keys (RocznikReport *report,
                 const char    *name,
                 GPtrArray     *keys)
{
  RocznikReportSeries *series = g_new0 (RocznikReportSeries, 1);

  series->name = g_strdup (name);
  series->counts = g_new (gint64, report->years->len);
  for (guint i = 0; i < report->years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (report->years, i);

      series->counts[i] = -1;
      for (guint k = 0; k < keys->len; k++)
        {
          const RocznikTopic *t = rocznik_year_find_topic (y, g_ptr_array_index (keys, k));

          if (t)
            series->counts[i] = MAX (series->counts[i], 0) + t->count;
        }
    }
  return series;
}

/* The shown name of a topic: as the report's year spells it, else the latest. */
static const char *
topic_display_name (RocznikReport *report,
                    const char    *key)
{
  const RocznikTopic *t = rocznik_year_find_topic (report->year, key);

  for (guint i = report->years->len; t == NULL && i > 0; i--)
    t = rocznik_year_find_topic (g_ptr_array_index (report->years, i - 1), key);
  return t ? t->name : key;
}

/* What a person typed, through the one resolver the charts use too. */
static RocznikReportSeries *
resolve_series (RocznikReport    *report,
                RocznikWorkspace *ws,
                const char       *wanted,
                GStrvBuilder     *chart_keys,
                GError          **error)
{
  RocznikTopicRef ref;
  RocznikReportSeries *series;

  if (!rocznik_topics_resolve (report->years, report->categories, ws, wanted, &ref, error))
    return NULL;
  if (ref.keys)
    series = series_for_keys (report, ref.name, ref.keys);
  else
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (keys, g_strdup (ref.key));
      series = series_for_keys (report, topic_display_name (report, ref.key), keys);
    }
  g_strv_builder_add (chart_keys, ref.key);
  rocznik_topic_ref_clear (&ref);
  return series;
}

static gboolean
choose_series (RocznikReport              *report,
               RocznikWorkspace           *ws,
               const RocznikReportOptions *options,
               GError                    **error)
{
  g_autoptr(GStrvBuilder) chart_keys = g_strv_builder_new ();

  report->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  if (options && options->topics && options->topics[0])
    {
      for (guint i = 0; options->topics[i]; i++)
        {
          g_autofree char *wanted = g_strstrip (g_strdup (options->topics[i]));
          RocznikReportSeries *series;

          if (*wanted == '\0')
            continue;
          series = resolve_series (report, ws, wanted, chart_keys, error);
          if (series == NULL)
            return FALSE;
          g_ptr_array_add (report->series, series);
        }
    }
  else
    {
      /* The year's three largest topics. */
      for (guint i = 0; i < MIN (3, report->table->rows->len); i++)
        {
          const RocznikRow *row = g_ptr_array_index (report->table->rows, i);
          g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (keys, g_strdup (row->key));
          g_ptr_array_add (report->series, series_for_keys (report, row->name, keys));
          g_strv_builder_add (chart_keys, row->key);
        }
    }
  report->topics = g_strv_builder_end (chart_keys);
  return TRUE;
}

static const char *
organisation_of (const RocznikYear *year)
{
  if (year->organisation && *year->organisation)
    return year->organisation;
  return "Biuro obsługi mieszkańców";
}

static GArray *
topic_years_of (GPtrArray *years)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (year_has_topics (y))
        g_array_append_val (out, y->year);
    }
  return out;
}

RocznikReport *
rocznik_report_new (RocznikWorkspace           *ws,
                    const RocznikReportOptions *options,
                    GError                    **error)
{
  g_autoptr(RocznikReport) report = g_new0 (RocznikReport, 1);
  int year = options ? options->year : 0;
  int compare = options ? options->compare_year : 0;

  g_return_val_if_fail (ws != NULL, NULL);

  report->years = rocznik_workspace_load_all (ws, error);
  if (report->years == NULL)
    return NULL;
  report->categories = rocznik_workspace_list_categories (ws);
  report->now = options && options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  report->topic_years = topic_years_of (report->years);

  if (year == 0)
    {
      const RocznikYear *latest = year_before (report->years, G_MAXINT, year_has_topics);

      if (latest == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       _("The workspace has no year with topics to report on"));
          return NULL;
        }
      year = latest->year;
    }
  report->year = rocznik_years_find (report->years, year);
  if (report->year == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), year);
      return NULL;
    }
  if (compare == 0)
    report->compare = year_before (report->years, year, year_has_topics);
  else if (compare > 0)
    {
      report->compare = rocznik_years_find (report->years, compare);
      if (report->compare == NULL || compare == year)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       compare == year ? _("A year cannot be compared with itself")
                                       : _("The year %d is not in the workspace"), compare);
          return NULL;
        }
    }
  report->organisation = organisation_of (report->year);
  report->previous = year_before (report->years, year, year_has_figures);

  /* Without a comparison year the table's own fallback (each topic against
   * its previous year) would still fill the columns: empty them. */
  report->table = rocznik_table_new (report->years, year,
                                     report->compare ? report->compare->year : 0, error);
  if (report->table == NULL)
    return NULL;
  if (report->compare == NULL)
    for (guint i = 0; i < report->table->rows->len; i++)
      ((RocznikRow *) g_ptr_array_index (report->table->rows, i))->other_year = 0;

  if (!choose_series (report, ws, options, error))
    return NULL;
  return g_steal_pointer (&report);
}

void
rocznik_report_free (RocznikReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->years, g_ptr_array_unref);
  g_clear_pointer (&report->categories, g_ptr_array_unref);
  g_clear_pointer (&report->table, rocznik_table_free);
  g_clear_pointer (&report->series, g_ptr_array_unref);
  g_clear_pointer (&report->topics, g_strfreev);
  g_clear_pointer (&report->now, g_date_time_unref);
  g_clear_pointer (&report->topic_years, g_array_unref);
  g_free (report);
}

locale_t
rocznik_report_c_numeric_begin (void)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);

  if (c_numeric == (locale_t) 0)
    {
      freelocale (base);
      return (locale_t) 0;
    }
  return uselocale (c_numeric);
}

void
rocznik_report_c_numeric_end (locale_t saved)
{
  locale_t mine;

  if (saved == (locale_t) 0)
    return;
  mine = uselocale (saved);
  if (mine != saved && mine != LC_GLOBAL_LOCALE)
    freelocale (mine);
}

/* ---- writing: the content built once, a writer renders it ------------- */

typedef enum
{
  FORMAT_XLSX,
  FORMAT_PDF,
  FORMAT_CSV,
  FORMAT_HTML,
} Format;

typedef gboolean (*FileWriter) (const RocznikReportContent *content,
                                RocznikFile                *out,
                                const char                 *path,
                                GCancellable               *cancellable,
                                GError                    **error);

static gboolean
write_text_file (const char *path,
                 GString    *contents,
                 GError    **error)
{
  return rocznik_file_save (path, contents->str, contents->len, error);
}

/* Runs @writer on a file created exclusively beside @path, renamed over it
 * only on success. */
static gboolean
write_file (const RocznikReportContent *content,
            const char                 *path,
            FileWriter                  writer,
            GCancellable               *cancellable,
            GError                    **error)
{
  RocznikFile *out = rocznik_file_new (path, error);

  if (out == NULL)
    return FALSE;
  if (!writer (content, out, path, cancellable, error))
    {
      rocznik_file_abort (out);
      return FALSE;
    }
  return rocznik_file_commit (out, error);
}

static gboolean
write_format (RocznikWorkspace           *ws,
              const RocznikReportOptions *options,
              const char                 *path,
              Format                      format,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_autoptr(RocznikReportContent) content = rocznik_report_content_new (ws, options, error);
  g_autoptr(GString) text = NULL;
  locale_t saved;
  gboolean ok = FALSE;

  if (content == NULL)
    return FALSE;
  /* libxlsxwriter and cairo print numbers with snprintf(), which obeys
   * LC_NUMERIC: under pl_PL (GTK sets it) a number could get a decimal comma. */
  saved = rocznik_report_c_numeric_begin ();
  switch (format)
    {
    case FORMAT_XLSX:
      ok = write_file (content, path, rocznik_report_xlsx_render, cancellable, error);
      break;
    case FORMAT_PDF:
      ok = write_file (content, path, rocznik_report_pdf_render, cancellable, error);
      break;
    case FORMAT_CSV:
      text = rocznik_report_csv_render (content);
      break;
    case FORMAT_HTML:
      text = rocznik_report_html_render (content, error);
      break;
    }
  rocznik_report_c_numeric_end (saved);
  if (text)
    ok = write_text_file (path, text, error);
  return ok;
}

gboolean
rocznik_report_write_xlsx (RocznikWorkspace           *ws,
                           const RocznikReportOptions *options,
                           const char                 *path,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_format (ws, options, path, FORMAT_XLSX, cancellable, error);
}

gboolean
rocznik_report_write_pdf (RocznikWorkspace           *ws,
                          const RocznikReportOptions *options,
                          const char                 *path,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_format (ws, options, path, FORMAT_PDF, cancellable, error);
}

gboolean
rocznik_report_write_csv (RocznikWorkspace           *ws,
                          const RocznikReportOptions *options,
                          const char                 *path,
                          GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_format (ws, options, path, FORMAT_CSV, NULL, error);
}

gboolean
rocznik_report_write_html (RocznikWorkspace           *ws,
                           const RocznikReportOptions *options,
                           const char                 *path,
                           GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_format (ws, options, path, FORMAT_HTML, NULL, error);
}

static gboolean
format_for (const char *path,
            Format     *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  static const struct { const char *suffix; Format format; } suffixes[] = {
    { ".xlsx", FORMAT_XLSX }, { ".pdf", FORMAT_PDF }, { ".csv", FORMAT_CSV },
    { ".html", FORMAT_HTML }, { ".htm", FORMAT_HTML },
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
rocznik_report_supports (const char *path)
{
  Format format;

  g_return_val_if_fail (path != NULL, FALSE);

  return format_for (path, &format);
}

gboolean
rocznik_report_write (RocznikWorkspace           *ws,
                      const RocznikReportOptions *options,
                      const char                 *path,
                      GCancellable               *cancellable,
                      GError                    **error)
{
  Format format;

  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!format_for (path, &format))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("Cannot export to %s: choose a name ending in .xlsx, .pdf, .csv or .html"), path);
      return FALSE;
    }
  return write_format (ws, options, path, format, cancellable, error);
}
