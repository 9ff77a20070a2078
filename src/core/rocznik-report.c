/* rocznik-report.c — choosing what a report shows; the CSV table; dispatch */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

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
  g_free (report);
}

const char *
rocznik_report_organisation (const RocznikReport *report)
{
  if (report->year->organisation && *report->year->organisation)
    return report->year->organisation;
  return "Biuro obsługi mieszkańców";
}

char *
rocznik_report_title (const RocznikReport *report)
{
  return g_strdup_printf ("%s — raport roczny %d", rocznik_report_organisation (report), report->year->year);
}

GArray *
rocznik_report_topic_years (const RocznikReport *report)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < report->years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (report->years, i);

      if (year_has_topics (y))
        g_array_append_val (years, y->year);
    }
  return years;
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

gboolean
rocznik_report_write_with (RocznikWorkspace           *ws,
                           const RocznikReportOptions *options,
                           const char                 *path,
                           RocznikReportWriter         writer,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autoptr(RocznikReport) report = NULL;
  g_autofree char *temp = NULL;
  locale_t saved;
  gboolean ok;

  report = rocznik_report_new (ws, options, error);
  if (report == NULL)
    return FALSE;
  temp = rocznik_file_temp_for (path, error);
  if (temp == NULL)
    return FALSE;

  /* libxlsxwriter prints numbers with snprintf(), which obeys LC_NUMERIC:
   * under pl_PL (GTK sets it) a number could come out with a decimal comma. */
  saved = rocznik_report_c_numeric_begin ();
  ok = writer (report, temp, path, cancellable, error);
  rocznik_report_c_numeric_end (saved);

  if (!ok)
    {
      rocznik_file_abort (temp);
      return FALSE;
    }
  return rocznik_file_commit (temp, path, error);
}

/* CSV for Polish Excel: UTF-8 with a byte order mark (without one Excel reads
 * the file as Windows-1250 and breaks ą, ę, ł…), fields separated by „;”
 * (the list separator of Polish Windows, where „,” is the decimal comma),
 * CRLF line ends, shares with a decimal comma so Excel reads them as numbers.
 * A "sep=;" line is not written: it makes Excel ignore the byte order mark. */

/* Text fields only. A cell starting with = + - @ (or a tab or CR) would be
 * a formula in a spreadsheet; a leading apostrophe keeps it text (OWASP). */
static void
csv_append_text (GString    *out,
                 const char *text)
{
  g_autofree char *plain = rocznik_collapse_spaces (text);

  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", plain[0]) && plain[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = plain; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_append_decimal (GString *out,
                    double   value,
                    guint    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (buf, sizeof buf, decimals == 1 ? "%.1f" : "%.2f", value);
  dot = strchr (buf, '.');
  if (dot)
    *dot = ',';
  g_string_append (out, buf);
}

static void
csv_append_row (GString          *out,
                const char       *name,
                const RocznikRow *row,
                gboolean          with_share,
                gboolean          compare)
{
  csv_append_text (out, name);
  g_string_append_printf (out, ";%" G_GINT64_FORMAT ";", row->count);
  if (with_share)
    csv_append_decimal (out, row->share, 1);
  if (compare)
    {
      g_string_append_c (out, ';');
      if (row->other_year)
        g_string_append_printf (out, "%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ";",
                                row->other_count, row->change);
      else
        g_string_append (out, ";;");  /* other and change empty: every row has 6 fields */
      if (row->other_year && row->has_change_percent)
        csv_append_decimal (out, row->change_percent, 1);
    }
  g_string_append (out, "\r\n");
}

static gboolean
write_file_atomically (const char *path,
                       GString    *contents,
                       GError    **error)
{
  g_autofree char *temp = rocznik_file_temp_for (path, error);
  g_autoptr(GError) local = NULL;

  if (temp == NULL)
    return FALSE;
  if (!g_file_set_contents_full (temp, contents->str, contents->len,
                                 G_FILE_SET_CONTENTS_NONE, 0644, &local))
    {
      rocznik_file_abort (temp);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot save %s: %s"), path, local->message);
      return FALSE;
    }
  return rocznik_file_commit (temp, path, error);
}

gboolean
rocznik_report_write_csv (RocznikWorkspace           *ws,
                          const RocznikReportOptions *options,
                          const char                 *path,
                          GError                    **error)
{
  g_autoptr(RocznikReport) report = NULL;
  g_autoptr(GString) out = NULL;
  const RocznikTable *table;
  gboolean compare;

  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = rocznik_report_new (ws, options, error);
  if (report == NULL)
    return FALSE;
  table = report->table;
  compare = report->compare != NULL;

  out = g_string_new ("\xef\xbb\xbf");
  g_string_append_printf (out, "\"Temat\";\"Liczba rozmów %d\";\"Udział (%%)\"", report->year->year);
  if (compare)
    g_string_append_printf (out, ";\"Liczba rozmów %d\";\"Zmiana\";\"Zmiana (%%)\"", report->compare->year);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < table->rows->len; i++)
    {
      const RocznikRow *row = g_ptr_array_index (table->rows, i);
      csv_append_row (out, row->name, row, TRUE, compare);
    }
  csv_append_row (out, "Suma tematów", table->total, TRUE, compare);
  /* Totals compared like with like: over the shared topics or the declared totals. */
  if (compare && table->common)
    csv_append_row (out, "Suma tematów obecnych w obu latach", table->common, FALSE, TRUE);
  if (compare && table->declared)
    csv_append_row (out, "Liczba rozmów ogółem (ze sprawozdań)", table->declared, FALSE, TRUE);
  if (table->remainder)
    {
      RocznikRow declared = { .count = table->declared_total };

      csv_append_row (out, table->remainder->more_than ? "Rozmowy bez tematu (co najmniej)"
                                                       : "Rozmowy bez tematu",
                      table->remainder, FALSE, FALSE);
      csv_append_row (out, table->declared_more_than ? "Liczba rozmów ogółem (ponad)"
                                                     : "Liczba rozmów ogółem",
                      &declared, FALSE, FALSE);
    }
  return write_file_atomically (path, out, error);
}

gboolean
rocznik_report_supports (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf")
      || g_str_has_suffix (lower, ".csv");
}

gboolean
rocznik_report_write (RocznikWorkspace           *ws,
                      const RocznikReportOptions *options,
                      const char                 *path,
                      GCancellable               *cancellable,
                      GError                    **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return rocznik_report_write_xlsx (ws, options, path, cancellable, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return rocznik_report_write_pdf (ws, options, path, cancellable, error);
  if (g_str_has_suffix (lower, ".csv"))
    return rocznik_report_write_csv (ws, options, path, error);
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
               _("Cannot export to %s: choose a name ending in .xlsx, .pdf or .csv"), path);
  return FALSE;
}
