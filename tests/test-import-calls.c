/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Per-call imports: hours of the week, channels and handling time, each
 * compared with the tables make-calls.py counted while writing the rows. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-import.h"
#include "rocznik-workspace.h"

static char *
calls_file (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_CALLS"), name, NULL);
}

static RocznikImport *
import_calls (const char                 *name,
              const RocznikImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = calls_file (name);
  RocznikImport *import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static char *
import_error (const char                 *name,
              const RocznikImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = calls_file (name);
  g_autoptr(RocznikImport) import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  return g_strdup (error->message);
}

static RocznikYear *
find_year (RocznikImport *import,
           int            number)
{
  GPtrArray *years = rocznik_import_get_years (import);

  for (guint i = 0; i < years->len; i++)
    if (((RocznikYear *) g_ptr_array_index (years, i))->year == number)
      return g_ptr_array_index (years, i);
  g_assert_not_reached ();
}

/* Every table of FILE.calls, exactly; cells it does not list are zero. */
static void
assert_tables (RocznikImport *import,
               const char    *name)
{
  g_autofree char *file = calls_file (name);
  g_autofree char *path = g_strconcat (file, ".calls", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) channel_rank = g_hash_table_new (NULL, NULL);
  gint64 months[13] = { 0 };
  int month_year = 0;
  guint years = 0, topics = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (strcmp (f[0], "rows") == 0)
        g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, g_ascii_strtoull (f[1], NULL, 10));
      else if (strcmp (f[0], "year") == 0)
        {
          RocznikYear *year = find_year (import, atoi (f[1]));
          gboolean timed = strcmp (f[2], "hours") == 0;

          years++;
          g_assert_nonnull (year->calls);
          g_assert_cmpint (year->calls->has_hours, ==, timed);
          if (!timed)
            g_assert_cmpint (rocznik_call_profile_hours_total (year->calls), ==, 0);
        }
      else if (strcmp (f[0], "topic") == 0)
        {
          RocznikTopic *t = rocznik_year_find_topic (find_year (import, atoi (f[1])), f[2]);

          g_assert_nonnull (t);
          g_assert_cmpstr (t->name, ==, f[2]);
          g_assert_cmpint (t->count, ==, g_ascii_strtoll (f[3], NULL, 10));
          g_assert_cmpint (t->has_duration, ==, g_ascii_strtoll (f[4], NULL, 10) > 0);
          g_assert_cmpint (t->duration_calls, ==, g_ascii_strtoll (f[4], NULL, 10));
          g_assert_cmpint (t->duration_seconds, ==, g_ascii_strtoll (f[5], NULL, 10));
          topics++;
        }
      else if (strcmp (f[0], "month") == 0)
        {
          RocznikYear *year = find_year (import, atoi (f[1]));
          int m = atoi (f[2]);
          gint64 sum = 0;

          for (guint j = 0; j < year->topics->len; j++)
            sum += ((RocznikTopic *) g_ptr_array_index (year->topics, j))->months[m - 1];
          g_assert_cmpint (sum, ==, g_ascii_strtoll (f[3], NULL, 10));
          months[m] = 1;
          month_year = year->year;
        }
      else if (strcmp (f[0], "hour") == 0)
        g_hash_table_insert (hours, g_strdup_printf ("%s\t%s\t%s", f[1], f[2], f[3]),
                             GSIZE_TO_POINTER (g_ascii_strtoull (f[4], NULL, 10)));
      else if (strcmp (f[0], "channel") == 0)
        {
          RocznikYear *year = find_year (import, atoi (f[1]));
          guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (channel_rank, year));
          RocznikChannel *channel;

          g_assert_cmpuint (rank, <, year->calls->channels->len);
          channel = g_ptr_array_index (year->calls->channels, rank);
          g_assert_cmpstr (channel->name, ==, f[2]);
          g_assert_cmpint (channel->calls, ==, g_ascii_strtoll (f[3], NULL, 10));
          g_hash_table_insert (channel_rank, year, GUINT_TO_POINTER (rank + 1));
        }
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (years, ==, rocznik_import_get_years (import)->len);
  for (guint i = 0; i < rocznik_import_get_years (import)->len; i++)
    {
      RocznikYear *year = g_ptr_array_index (rocznik_import_get_years (import), i);

      topics -= year->topics->len;
      /* no channel more than the file lists */
      g_assert_cmpuint (year->calls->channels->len, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (channel_rank, year)));
      /* the whole 7 × 24 grid: listed cells as counted, the others zero */
      for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
        for (int h = 0; h < ROCZNIK_HOURS; h++)
          {
            g_autofree char *key = g_strdup_printf ("%d\t%d\t%d", year->year, d, h);
            gint64 want = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (hours, key));

            g_assert_cmpint (year->calls->hours[d][h], ==, want);
          }
      if (year->calls->has_hours)
        g_assert_cmpint (rocznik_call_profile_hours_total (year->calls), ==, rocznik_year_topic_sum (year));
    }
  g_assert_cmpuint (topics, ==, 0);
  /* months without calls stay empty (one-year files) */
  for (int m = 1; m <= 12 && rocznik_import_get_years (import)->len == 1; m++)
    if (!months[m])
      for (guint j = 0; j < find_year (import, month_year)->topics->len; j++)
        g_assert_cmpint (((RocznikTopic *) g_ptr_array_index (find_year (import, month_year)->topics, j))->months[m - 1], ==, 0);
}

static void
assert_role (RocznikImport           *import,
             const char              *column,
             RocznikImportColumnRole  role)
{
  for (guint col = 0; col < rocznik_import_get_n_columns (import); col++)
    if (strcmp (rocznik_import_get_column_name (import, col), column) == 0)
      {
        g_assert_cmpint (rocznik_import_get_column_role (import, col), ==, role);
        return;
      }
  g_assert_not_reached ();
}

/* A US 311 export: AM/PM date-times, "Channel", an id first, free text after. */
static void
test_311 (void)
{
  g_autoptr(RocznikImport) import = import_calls ("calls-311-2019.csv", NULL);

  assert_role (import, "Created Date", ROCZNIK_IMPORT_COLUMN_DATE);
  assert_role (import, "Complaint Type", ROCZNIK_IMPORT_COLUMN_TOPIC);
  assert_role (import, "Channel", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_role (import, "Unique Key", ROCZNIK_IMPORT_COLUMN_IGNORED);
  assert_role (import, "Resolution Description", ROCZNIK_IMPORT_COLUMN_IGNORED);
  g_assert_cmpint (rocznik_import_get_date_order (import), ==, ROCZNIK_DATE_ORDER_MONTH_FIRST);
  assert_tables (import, "calls-311-2019.csv");
}

/* Windows-1250, semicolons, CRLF, dd.mm.yyyy hh:mm, mm:ss, a few empty. */
static void
test_cp1250 (void)
{
  g_autoptr(RocznikImport) import = import_calls ("rozmowy-2019-cp1250.csv", NULL);
  g_autofree char *text = rocznik_import_describe (import, NULL);

  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "WINDOWS-1250");
  assert_role (import, "Kanał", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_role (import, "Czas rozmowy", ROCZNIK_IMPORT_COLUMN_DURATION);
  assert_role (import, "Nr", ROCZNIK_IMPORT_COLUMN_IGNORED);
  assert_tables (import, "rozmowy-2019-cp1250.csv");
  /* the calls without a channel are said, not guessed */
  g_assert_nonnull (strstr (text, "calls have no channel; the channels count the others"));
}

/* UTF-16 "Unicode text": the time of day in a column of its own. */
static void
test_utf16 (void)
{
  g_autoptr(RocznikImport) import = import_calls ("rozmowy-2020-utf16.txt", NULL);

  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "UTF-16LE");
  assert_role (import, "Data", ROCZNIK_IMPORT_COLUMN_DATE);
  assert_role (import, "Godzina", ROCZNIK_IMPORT_COLUMN_TIME);
  assert_role (import, "Sposób zgłoszenia", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_role (import, "Czas obsługi", ROCZNIK_IMPORT_COLUMN_DURATION);
  assert_tables (import, "rozmowy-2020-utf16.txt");
}

/* XLSX: serial date-times, durations as fractions of a day; 1904 dates. */
static void
test_xlsx (void)
{
  g_autoptr(RocznikImport) serial = import_calls ("rozmowy-2021.xlsx", NULL);
  g_autoptr(RocznikImport) mac = import_calls ("requests-1904-2022.xlsx", NULL);

  assert_role (serial, "Kanał kontaktu", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_tables (serial, "rozmowy-2021.xlsx");
  assert_role (mac, "Method Received", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_role (mac, "Handle Time", ROCZNIK_IMPORT_COLUMN_DURATION);
  assert_role (mac, "Request ID", ROCZNIK_IMPORT_COLUMN_IGNORED);
  assert_tables (mac, "requests-1904-2022.xlsx");
}

/* Every date at midnight: no hours of the week are made up. */
static void
test_no_hours (void)
{
  g_autoptr(RocznikImport) import = import_calls ("bez-godzin-2019.csv", NULL);

  assert_tables (import, "bez-godzin-2019.csv");
  g_assert_false (find_year (import, 2019)->calls->has_hours);
}

static RocznikImport *
import_text_with (const char                 *name,
                  const char                 *text,
                  const RocznikImportOptions *options)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-calls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RocznikImport *import;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_remove (path);
  g_rmdir (dir);
  return import;
}

static RocznikImport *
import_text (const char *name,
             const char *text)
{
  return import_text_with (name, text, NULL);
}

/* Date-times written every common way; 4 March 2019 was a Monday, 10 March
 * a Sunday. Handling times in seconds, mm:ss and hh:mm:ss, one empty. */
static void
test_formats (void)
{
  g_autoptr(RocznikImport) mixed = import_text ("mixed.csv",
    "data;temat;czas rozmowy\n"
    "2019-03-04 07:45;odpady;95\n"
    "2019-03-05T07:45:10;odpady;1:35\n"
    "06.03.2019 07:45;odpady;0:01:35\n"
    "7.3.2019 23:59:59;odpady;\n"
    "2019-03-10T00:00:00Z;odpady;0\n");
  g_autoptr(RocznikImport) us = import_text ("us.csv",
    "Created Date,Complaint Type\n"
    "3/4/2019 7:45 AM,Noise\n"
    "3/4/2019 12:05 AM,Noise\n"
    "3/4/2019 12:05 PM,Noise\n"
    "3/10/2019 11:59 PM,Noise\n");
  RocznikYear *year = find_year (mixed, 2019);
  RocznikTopic *t = g_ptr_array_index (year->topics, 0);

  g_assert_true (year->calls->has_hours);
  g_assert_cmpint (year->calls->hours[0][7], ==, 1);
  g_assert_cmpint (year->calls->hours[1][7], ==, 1);
  g_assert_cmpint (year->calls->hours[2][7], ==, 1);
  g_assert_cmpint (year->calls->hours[3][23], ==, 1);
  g_assert_cmpint (year->calls->hours[6][0], ==, 1);
  g_assert_cmpint (rocznik_call_profile_hours_total (year->calls), ==, 5);
  g_assert_true (t->has_duration);
  g_assert_cmpint (t->duration_calls, ==, 4);
  g_assert_cmpint (t->duration_seconds, ==, 95 * 3);

  year = find_year (us, 2019);
  g_assert_cmpint (rocznik_import_get_date_order (us), ==, ROCZNIK_DATE_ORDER_MONTH_FIRST);
  g_assert_cmpint (year->calls->hours[0][7], ==, 1);
  g_assert_cmpint (year->calls->hours[0][0], ==, 1);
  g_assert_cmpint (year->calls->hours[0][12], ==, 1);
  g_assert_cmpint (year->calls->hours[6][23], ==, 1);
  g_assert_cmpint (rocznik_call_profile_hours_total (year->calls), ==, 4);
  g_assert_cmpint (((RocznikTopic *) g_ptr_array_index (year->topics, 0))->months[2], ==, 4);
}

/* Dates alone, or some calls without a time: no hours of the week. */
static void
test_partial_hours (void)
{
  g_autoptr(RocznikImport) dates = import_text ("dates.csv", "data;temat\n04.03.2019;odpady\n05.03.2019;odpady\n");
  g_autoptr(RocznikImport) some = import_text ("some.csv",
    "data;temat;kanał\n2019-03-04 07:45;odpady;telefon\n2019-03-05;odpady;telefon\n");
  g_autofree char *text = rocznik_import_describe (some, NULL);

  /* nothing beyond topic × month: no profile */
  g_assert_null (find_year (dates, 2019)->calls);
  g_assert_false (find_year (some, 2019)->calls->has_hours);
  g_assert_cmpint (rocznik_call_profile_hours_total (find_year (some, 2019)->calls), ==, 0);
  g_assert_nonnull (strstr (text, "2019: 1 call has no time of day, so the hours of the week are not kept\n"));
}

/* A channel of invisible characters only (a zero-width space) is none. */
static void
test_invisible_channel (void)
{
  g_autoptr(RocznikImport) import = import_text ("invisible.csv",
    "data;temat;kanał\n2019-03-04 07:45;odpady;telefon\n2019-03-04 08:45;odpady;\xe2\x80\x8b\n");
  RocznikYear *year = find_year (import, 2019);
  g_autofree char *text = rocznik_import_describe (import, NULL);

  g_assert_cmpuint (year->calls->channels->len, ==, 1);
  g_assert_cmpstr (((RocznikChannel *) g_ptr_array_index (year->calls->channels, 0))->name, ==, "telefon");
  g_assert_nonnull (strstr (text, "2019: 1 call has no channel; the channels count the others\n"));
}

/* The options: a column by name, none at all ("-"). */
static void
test_options (void)
{
  RocznikImportOptions options;
  g_autoptr(RocznikImport) none = NULL;
  g_autoptr(RocznikImport) chosen = NULL;
  g_autoptr(RocznikImport) no_duration = NULL;
  RocznikYear *year;
  RocznikChannel *first;

  rocznik_import_options_init (&options);
  options.channel_name = ROCZNIK_IMPORT_NO_COLUMN_NAME;
  none = import_calls ("rozmowy-2019-cp1250.csv", &options);
  assert_role (none, "Kanał", ROCZNIK_IMPORT_COLUMN_IGNORED);
  year = find_year (none, 2019);
  g_assert_nonnull (year->calls);
  g_assert_true (year->calls->has_hours);
  g_assert_cmpuint (year->calls->channels->len, ==, 0);

  rocznik_import_options_init (&options);
  options.channel_name = "Kanał kontaktu";
  chosen = import_calls ("dwa-kanaly.csv", &options);
  year = find_year (chosen, 2019);
  g_assert_cmpuint (year->calls->channels->len, ==, 2);
  first = g_ptr_array_index (year->calls->channels, 0);
  g_assert_cmpint (first->calls, ==, 1);
  /* equal counts: in the collation order */
  g_assert_cmpstr (first->name, ==, "infolinia");
  g_assert_cmpint (year->calls->hours[0][7], ==, 1);   /* Monday 4 March 2019, 7:45 */
  g_assert_cmpint (year->calls->hours[0][8], ==, 1);

  rocznik_import_options_init (&options);
  options.duration_name = ROCZNIK_IMPORT_NO_COLUMN_NAME;
  no_duration = import_calls ("zly-czas-abc.csv", &options);
  year = find_year (no_duration, 2019);
  g_assert_false (((RocznikTopic *) g_ptr_array_index (year->topics, 0))->has_duration);
  g_assert_cmpint (rocznik_year_topic_sum (year), ==, 2);
}

/* Refusals name the file, the line or cell, the column and the option. */
static void
test_refusals (void)
{
  static const struct { const char *file; const char *message; } cases[] = {
    { "zly-czas-abc.csv", "file zly-czas-abc.csv, line 3: „abc” in the column „Czas rozmowy” is not a handling time "
      "(expected seconds like 95, or 1:35 or 0:01:35); choose another column with --duration-column, or "
      "--duration-column - for none" },
    { "zly-czas-ujemny.csv", "file zly-czas-ujemny.csv, line 3: „-5” in the column „Czas rozmowy” is not a handling "
      "time (expected seconds like 95, or 1:35 or 0:01:35); choose another column with --duration-column, or "
      "--duration-column - for none" },
    { "zly-czas-1-75.csv", "file zly-czas-1-75.csv, line 3: „1:75” in the column „Czas rozmowy” is not a handling "
      "time (expected seconds like 95, or 1:35 or 0:01:35); choose another column with --duration-column, or "
      "--duration-column - for none" },
    { "zly-czas-2019.xlsx", "file zly-czas-2019.xlsx, sheet Rozmowy, cell C3: „-5” in the column „Czas rozmowy” is "
      "not a handling time (expected seconds like 95, or 1:35 or 0:01:35); choose another column with "
      "--duration-column, or --duration-column - for none" },
    { "zla-godzina.csv", "file zla-godzina.csv, line 3: „25:99” in the column „Godzina” is not a time of day "
      "(expected e.g. 07:45 or 7:45 PM); choose another column with --time-column, or --time-column - for none" },
    { "dwa-kanaly.csv", "file dwa-kanaly.csv: cannot tell which column holds the channel of the call: „Kanał”, "
      "„Kanał kontaktu”; choose one with --channel-column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_error (cases[i].file, NULL);

      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

/* A "channel" with a thousand values is not one: refused at the value past
 * the limit (lines 2–1001 say „telefon”, then k1, k2… from line 1002). */
static void
test_too_many_channels (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-calls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) s = g_string_new ("data;temat;kanał\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append (s, "2019-03-04 07:45;odpady;telefon\n");
  for (int i = 1; i <= 1200; i++)
    g_string_append_printf (s, "2019-03-04 07:45;odpady;k%d\n", i);
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_remove (path);
  g_rmdir (dir);
  g_assert_null (import);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "file many.csv, line 2001: the column „kanał” has more than 1000 different "
                   "values, too many for channels; choose another column with --channel-column, or "
                   "--channel-column - for none");
}

/* Exactly 1000 values, then one seen before: not too many. */
static void
test_thousand_channels (void)
{
  g_autoptr(GString) s = g_string_new ("data;temat;kanał\n");
  g_autoptr(RocznikImport) import = NULL;
  RocznikImportOptions options;

  /* so many values in the first rows: chosen by name, not detected */
  rocznik_import_options_init (&options);
  options.channel_name = "kanał";
  for (int i = 1; i <= 1000; i++)
    g_string_append_printf (s, "2019-03-04 07:45;odpady;k%d\n", i);
  g_string_append (s, "2019-03-04 07:45;odpady;k1\n");
  import = import_text_with ("thousand.csv", s->str, &options);
  g_assert_cmpuint (find_year (import, 2019)->calls->channels->len, ==, 1000);
  g_assert_cmpint (((RocznikChannel *) g_ptr_array_index (find_year (import, 2019)->calls->channels, 0))->calls, ==, 2);
}

/* The channel chosen once is used again for files with the same header. */
static void
test_remembered (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) first = NULL;
  g_autoptr(RocznikImport) again = NULL;
  RocznikImportOptions options;

  rocznik_import_options_init (&options);
  options.channel_name = "Kanał kontaktu";
  first = import_calls ("dwa-kanaly.csv", &options);
  g_assert_true (rocznik_import_store (first, ws, FALSE, &error));
  g_assert_no_error (error);

  rocznik_import_options_init (&options);
  options.workspace = ws;
  again = import_calls ("dwa-kanaly.csv", &options);
  assert_role (again, "Kanał kontaktu", ROCZNIK_IMPORT_COLUMN_CHANNEL);
  assert_role (again, "Kanał", ROCZNIK_IMPORT_COLUMN_IGNORED);
  g_assert_cmpuint (find_year (again, 2019)->calls->channels->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-calls/311", test_311);
  g_test_add_func ("/import-calls/cp1250", test_cp1250);
  g_test_add_func ("/import-calls/utf16", test_utf16);
  g_test_add_func ("/import-calls/xlsx", test_xlsx);
  g_test_add_func ("/import-calls/no-hours", test_no_hours);
  g_test_add_func ("/import-calls/formats", test_formats);
  g_test_add_func ("/import-calls/partial-hours", test_partial_hours);
  g_test_add_func ("/import-calls/invisible-channel", test_invisible_channel);
  g_test_add_func ("/import-calls/options", test_options);
  g_test_add_func ("/import-calls/refusals", test_refusals);
  g_test_add_func ("/import-calls/too-many-channels", test_too_many_channels);
  g_test_add_func ("/import-calls/thousand-channels", test_thousand_channels);
  g_test_add_func ("/import-calls/remembered", test_remembered);
  return g_test_run ();
}
