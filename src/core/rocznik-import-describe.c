/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-describe.c — what an import understood, in words
 *
 * The translated names of formats, shapes and column roles the dialog
 * offers, and the several lines `rocznik --import --dry-run` and the
 * dialog show before anything is stored.
 */

#include "config.h"

#include <inttypes.h>

#include "rocznik-import-state.h"

/* Names */

const char *
rocznik_import_format_name (RocznikImportFormat format)
{
  switch (format)
    {
    case ROCZNIK_IMPORT_FORMAT_DELIMITED: return _("delimited text");
    case ROCZNIK_IMPORT_FORMAT_XLSX: return _("Excel workbook (XLSX)");
    case ROCZNIK_IMPORT_FORMAT_REPORT_TEXT: return _("report text");
    default: return "";
    }
}

const char *
rocznik_import_shape_name (RocznikImportShape shape)
{
  switch (shape)
    {
    case ROCZNIK_IMPORT_SHAPE_LONG: return _("a topic and its count on each row");
    case ROCZNIK_IMPORT_SHAPE_WIDE: return _("topics in rows, one column per year");
    case ROCZNIK_IMPORT_SHAPE_RECORDS: return _("one row per call, counted by topic and month");
    case ROCZNIK_IMPORT_SHAPE_REPORT: return _("the text of a published report");
    default: return "";
    }
}

const char *
rocznik_import_column_role_name (RocznikImportColumnRole role)
{
  switch (role)
    {
    case ROCZNIK_IMPORT_COLUMN_IGNORED: return _("ignored");
    case ROCZNIK_IMPORT_COLUMN_TOPIC: return _("topic");
    case ROCZNIK_IMPORT_COLUMN_COUNT: return _("number of calls");
    case ROCZNIK_IMPORT_COLUMN_YEAR: return _("year");
    case ROCZNIK_IMPORT_COLUMN_MONTH: return _("month");
    case ROCZNIK_IMPORT_COLUMN_DATE: return _("date of the call");
    case ROCZNIK_IMPORT_COLUMN_YEAR_COUNT: return _("calls in the year named in the header");
    case ROCZNIK_IMPORT_COLUMN_CHANNEL: return _("channel");
    case ROCZNIK_IMPORT_COLUMN_DURATION: return _("handling time");
    case ROCZNIK_IMPORT_COLUMN_TIME: return _("time of day");
    default: return "";
    }
}

char *
rocznik_import_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case '\t': return g_strdup (_("tab"));
    case ';': return g_strdup (_("semicolon „;”"));
    case ',': return g_strdup (_("comma „,”"));
    case '|': return g_strdup (_("vertical bar „|”"));
    case 0: return g_strdup (_("none"));
    default: return g_strdup_printf ("„%c”", delimiter);
    }
}

char *
rocznik_import_describe_largest (RocznikImport *import,
                                 guint          n)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);
  for (guint i = 0; i < import->years->len; i++)
    {
      RocznikYear *year = g_ptr_array_index (import->years, i);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint j = 0; j < year->topics->len; j++)
        g_ptr_array_add (sorted, g_ptr_array_index (year->topics, j));
      g_ptr_array_sort (sorted, rocznik_import_compare_count_desc);
      g_string_append_printf (s, _("Largest topics of %d:"), year->year);
      g_string_append_c (s, '\n');
      for (guint j = 0; j < sorted->len && j < n; j++)
        {
          RocznikTopic *t = g_ptr_array_index (sorted, j);
          g_autofree char *count = rocznik_format_count (t->count);

          g_string_append_printf (s, "  %s — %s\n", t->name, count);
        }
    }
  return g_string_free (s, FALSE);
}

/* "Columns: topic „Typ zgłoszenia”, date of the call „Data przyjęcia”" */
static void
describe_columns (RocznikImport *import,
                  GString       *s)
{
  gboolean any = FALSE;

  for (guint col = 0; col < import->roles->len; col++)
    {
      RocznikImportColumnRole role = g_array_index (import->roles, RocznikImportColumnRole, col);

      if (role == ROCZNIK_IMPORT_COLUMN_IGNORED || role == ROCZNIK_IMPORT_COLUMN_YEAR_COUNT)
        continue;
      g_string_append_printf (s, "%s%s „%s”", any ? ", " : _("Columns: "), rocznik_import_column_role_name (role),
                              (char *) g_ptr_array_index (import->column_names, col));
      any = TRUE;
    }
  if (any)
    g_string_append_c (s, '\n');
  if (import->date_order == ROCZNIK_DATE_ORDER_MONTH_FIRST)
    g_string_append_printf (s, "%s\n", _("Dates are read month first (03/01/2011 is 1 March)"));
  if (import->remembered)
    g_string_append_printf (s, "%s\n", _("Columns and conditions as remembered for files with this header"));
  if (import->n_filtered)
    {
      g_autofree char *n = rocznik_format_count ((gint64) import->n_filtered);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s row left out by the conditions",
                                              "%s rows left out by the conditions", import->n_filtered), n);
      g_string_append_c (s, '\n');
    }
}

/* ", hours of the week, 4 channels, handling time of 1 200 calls" */
static void
describe_calls (const RocznikYear *year,
                GString           *s)
{
  gint64 timed = 0;

  if (year->calls && year->calls->has_hours)
    g_string_append (s, _(", hours of the week"));
  if (year->calls && year->calls->channels->len)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ", %u channel", ", %u channels",
                                            year->calls->channels->len), year->calls->channels->len);
  for (guint i = 0; i < year->topics->len; i++)
    timed += ((RocznikTopic *) g_ptr_array_index (year->topics, i))->duration_calls;
  if (timed > 0)
    {
      g_autofree char *n = rocznik_format_count (timed);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ", handling time of %s call",
                                              ", handling time of %s calls", timed), n);
    }
}

char *
rocznik_import_describe (RocznikImport    *import,
                         RocznikWorkspace *workspace)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);

  g_string_append_printf (s, "%s: %s", import->display, rocznik_import_format_name (import->format));
  if (import->format == ROCZNIK_IMPORT_FORMAT_DELIMITED)
    {
      g_autofree char *delim = rocznik_import_delimiter_name (import->delimiter);
      g_string_append_printf (s, _(", delimiter %s, encoding %s"), delim, import->encoding);
      g_string_append_printf (s, _(", line ends %s"), import->line_ends);
    }
  else if (import->format == ROCZNIK_IMPORT_FORMAT_XLSX && import->sheet)
    g_string_append_printf (s, _(", sheet „%s”"), import->sheet);
  else if (import->format == ROCZNIK_IMPORT_FORMAT_REPORT_TEXT)
    g_string_append_printf (s, _(", encoding %s"), import->encoding);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("Shape: %s"), rocznik_import_shape_name (import->shape));
  g_string_append_c (s, '\n');
  describe_columns (import, s);
  if (import->shape == ROCZNIK_IMPORT_SHAPE_RECORDS)
    {
      g_autofree char *n = rocznik_format_count ((gint64) import->n_rows);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s call record counted", "%s call records counted",
                                              import->n_rows), n);
      g_string_append_c (s, '\n');
    }

  for (guint i = 0; i < import->years->len; i++)
    {
      const RocznikYear *year = g_ptr_array_index (import->years, i);
      g_autofree char *sum = rocznik_format_count (rocznik_year_topic_sum (year));
      g_autofree char *topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics",
                                                              year->topics->len), year->topics->len);

      g_string_append_printf (s, _("%d: %s, %s calls"), year->year, topics, sum);
      if (year->declared_total != ROCZNIK_NO_TOTAL)
        {
          g_autofree char *declared = year->declared_more_than
                                      ? rocznik_format_short (year->declared_total, TRUE)
                                      : rocznik_format_count (year->declared_total);
          g_string_append_printf (s, _(" (declared total: %s)"), declared);
        }
      describe_calls (year, s);
      if (workspace && rocznik_workspace_year_is_sample (workspace, year->year))
        g_string_append_printf (s, _(" — replaces the bundled sample"));
      else if (workspace && rocznik_workspace_has_year (workspace, year->year))
        g_string_append_printf (s, _(" — already in the workspace"));
      g_string_append_c (s, '\n');
    }
  for (guint i = 0; i < import->warnings->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (import->warnings, i));
  if (import->n_skipped)
    {
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Skipped %" PRIu64 " row:",
                                              "Skipped %" PRIu64 " rows:", import->n_skipped),
                              import->n_skipped);
      g_string_append_c (s, '\n');
      for (guint i = 0; i < import->skipped->len; i++)
        g_string_append_printf (s, "  %s\n", (char *) g_ptr_array_index (import->skipped, i));
      if (import->n_skipped > import->skipped->len)
        {
          g_string_append_printf (s, _("  … and %" PRIu64 " more"), import->n_skipped - import->skipped->len);
          g_string_append_c (s, '\n');
        }
    }
  return g_string_free (s, FALSE);
}
