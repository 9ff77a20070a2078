/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import: every format and shape, with the seed's exact numbers; bad files. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import.h"
#include "rocznik-sample.h"
#include "rocznik-workspace.h"

#define NB ROCZNIK_NBSP

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), name, NULL);
}

static RocznikImport *
import_ok (const char                 *name,
           const RocznikImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture (name);
  RocznikImport *import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static RocznikYear *
year_at (RocznikImport *import,
         guint          i)
{
  GPtrArray *years = rocznik_import_get_years (import);

  g_assert_cmpuint (i, <, years->len);
  return g_ptr_array_index (years, i);
}

/* The seed's 17 topics, names exactly as published (with U+00A0). */
static void
assert_seed_topics (const RocznikYear *year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sample = rocznik_sample_load (&error);
  const RocznikYear *seed = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < sample->len; i++)
    if (((RocznikYear *) g_ptr_array_index (sample, i))->year == 2018)
      seed = g_ptr_array_index (sample, i);
  g_assert_nonnull (seed);

  g_assert_cmpint (year->year, ==, 2018);
  g_assert_cmpuint (year->topics->len, ==, 17);
  g_assert_cmpint (rocznik_year_topic_sum (year), ==, 388468);
  for (guint i = 0; i < seed->topics->len; i++)
    {
      const RocznikTopic *want = g_ptr_array_index (seed->topics, i);
      const RocznikTopic *got = rocznik_year_find_topic (year, want->key);

      g_assert_nonnull (got);
      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpint (got->count, ==, want->count);
    }
}

static void
test_report_text (void)
{
  g_autoptr(RocznikImport) import = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_SAMPLE"), "poznan-kontakt-2018.txt", NULL);
  g_autoptr(GError) error = NULL;
  RocznikYear *year;

  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rocznik_import_get_format (import), ==, ROCZNIK_IMPORT_FORMAT_REPORT_TEXT);
  year = year_at (import, 0);
  assert_seed_topics (year);
  g_assert_cmpint (year->declared_total, ==, 586000);
  g_assert_true (year->declared_more_than);
  g_assert_cmpuint (year->lists->len, ==, 3);
}

static void
test_utf8_bom (void)
{
  g_autoptr(RocznikImport) import = import_ok ("seed-2018-bom.csv", NULL);
  g_autofree char *text = rocznik_import_describe (import, NULL);

  g_assert_cmpint (rocznik_import_get_format (import), ==, ROCZNIK_IMPORT_FORMAT_DELIMITED);
  g_assert_cmpint (rocznik_import_get_shape (import), ==, ROCZNIK_IMPORT_SHAPE_LONG);
  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpint (rocznik_import_get_delimiter (import), ==, ',');
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 1);
  assert_seed_topics (year_at (import, 0));
  /* "Razem" is the total, not a topic, and it adds up */
  g_assert_cmpint (year_at (import, 0)->declared_total, ==, 388468);
  g_assert_cmpuint (rocznik_import_get_warnings (import)->len, ==, 0);
  g_assert_cmpuint (rocznik_import_get_n_columns (import), ==, 2);
  g_assert_cmpstr (rocznik_import_get_column_name (import, 1), ==, "Liczba rozmów");
  g_assert_cmpint (rocznik_import_get_column_role (import, 0), ==, ROCZNIK_IMPORT_COLUMN_TOPIC);
  g_assert_cmpint (rocznik_import_get_column_role (import, 1), ==, ROCZNIK_IMPORT_COLUMN_COUNT);
  g_assert_nonnull (strstr (text, "2018: 17 topics, 388" NB "468 calls"));
}

static void
test_cp1250 (void)
{
  g_autoptr(RocznikImport) import = import_ok ("seed-2018-cp1250.csv", NULL);
  GPtrArray *skipped = rocznik_import_get_skipped (import);

  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "WINDOWS-1250");
  g_assert_cmpint (rocznik_import_get_delimiter (import), ==, ';');
  assert_seed_topics (year_at (import, 0));
  g_assert_cmpint (year_at (import, 0)->declared_total, ==, 388468);
  /* the title row above the header */
  g_assert_cmpuint (rocznik_import_get_n_skipped (import), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==,
                   "file seed-2018-cp1250.csv, line 1: a title above the table");
}

static void
test_iso_8859_2 (void)
{
  g_autoptr(RocznikImport) import = import_ok ("zapytania-2018-iso88592.tsv", NULL);

  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "ISO-8859-2");
  g_assert_cmpint (rocznik_import_get_delimiter (import), ==, '\t');
  /* no header: roles from the content, the year from the file name */
  assert_seed_topics (year_at (import, 0));
}

static void
test_overrides (void)
{
  RocznikImportOptions options;
  g_autoptr(RocznikImport) a = NULL;
  g_autoptr(RocznikImport) b = NULL;

  rocznik_import_options_init (&options);
  options.year = 2019;
  a = import_ok ("seed-2018-bom.csv", &options);
  g_assert_cmpint (year_at (a, 0)->year, ==, 2019);
  g_assert_cmpint (rocznik_year_topic_sum (year_at (a, 0)), ==, 388468);

  /* the wrong encoding, forced: Windows-1250's „ś” (0x9C) is a C1 control
   * character in ISO-8859-2, and no topic name may hold one */
  rocznik_import_options_init (&options);
  options.encoding = "ISO-8859-2";
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = fixture ("seed-2018-cp1250.csv");

    b = rocznik_import_file (path, &options, NULL, NULL, NULL, &error);
    g_assert_null (b);
    g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
    g_assert_cmpstr (error->message, ==, "file seed-2018-cp1250.csv, line 5: the topic name contains the "
                     "control character U+009C; remove it and try again");
  }
}

static void
test_quoted (void)
{
  g_autoptr(RocznikImport) import = import_ok ("quoted-multiline-2019.csv", NULL);
  RocznikYear *year = year_at (import, 0);
  RocznikTopic *t;

  g_assert_cmpint (year->year, ==, 2019);
  g_assert_cmpuint (year->topics->len, ==, 3);
  t = g_ptr_array_index (year->topics, 0);
  g_assert_cmpstr (t->name, ==, "gospodarka odpadami, w tym \"segregacja\"");
  g_assert_cmpint (t->count, ==, 1000);
  t = g_ptr_array_index (year->topics, 1);
  /* a line break inside a quoted name becomes a space: a topic is one line
   * (in the list's TSV, a chart's label) */
  g_assert_cmpstr (t->name, ==, "transport miejski i strefa parkowania");
  t = g_ptr_array_index (year->topics, 2);
  g_assert_cmpstr (t->name, ==, "oświata");
  g_assert_cmpint (t->count, ==, 3000);
  g_assert_cmpint (rocznik_import_get_column_role (import, 2), ==, ROCZNIK_IMPORT_COLUMN_YEAR);
}

static void
test_wide (void)
{
  g_autoptr(RocznikImport) import = import_ok ("wide-2017-2019.csv", NULL);
  GPtrArray *warnings = rocznik_import_get_warnings (import);

  g_assert_cmpint (rocznik_import_get_shape (import), ==, ROCZNIK_IMPORT_SHAPE_WIDE);
  g_assert_cmpint (rocznik_import_get_delimiter (import), ==, '|');
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 3);
  g_assert_cmpint (year_at (import, 0)->year, ==, 2017);
  g_assert_cmpint (rocznik_year_topic_sum (year_at (import, 0)), ==, 126200);
  g_assert_cmpint (year_at (import, 1)->year, ==, 2018);
  g_assert_cmpint (rocznik_year_topic_sum (year_at (import, 1)), ==, 130203);
  /* an empty cell: the topic is missing that year, not zero */
  g_assert_cmpuint (year_at (import, 2)->topics->len, ==, 2);
  g_assert_null (rocznik_year_find_topic (year_at (import, 2), "transport miejski i strefa parkowania"));
  g_assert_cmpint (rocznik_year_topic_sum (year_at (import, 2)), ==, 72400);
  /* the total row of 2019 does not add up: said, and kept as the declared total */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "file wide-2017-2019.csv, line 5: the total row says 72" NB "500 calls for 2019, "
                   "but the topics add up to 72" NB "400");
  g_assert_cmpint (year_at (import, 2)->declared_total, ==, 72500);
  g_assert_cmpint (rocznik_import_get_column_role (import, 2), ==, ROCZNIK_IMPORT_COLUMN_YEAR_COUNT);

  {
    RocznikImportOptions options;
    g_autoptr(RocznikImport) one = NULL;

    rocznik_import_options_init (&options);
    options.year = 2018;
    one = import_ok ("wide-2017-2019.csv", &options);
    g_assert_cmpuint (rocznik_import_get_years (one)->len, ==, 1);
    g_assert_cmpint (rocznik_year_topic_sum (year_at (one, 0)), ==, 130203);
  }
}

static void
test_records (void)
{
  g_autoptr(RocznikImport) import = import_ok ("records-2018.csv", NULL);
  g_autofree char *expected_path = fixture ("records-2018.expected");
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  RocznikYear *year = year_at (import, 0);
  guint checked = 0;

  g_assert_cmpint (rocznik_import_get_shape (import), ==, ROCZNIK_IMPORT_SHAPE_RECORDS);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 5000);
  g_assert_cmpint (year->year, ==, 2018);
  g_assert_cmpuint (year->topics->len, ==, 17);
  g_assert_cmpint (rocznik_year_topic_sum (year), ==, 5000);
  g_assert_cmpint (rocznik_import_get_column_role (import, 0), ==, ROCZNIK_IMPORT_COLUMN_DATE);
  g_assert_cmpint (rocznik_import_get_column_role (import, 1), ==, ROCZNIK_IMPORT_COLUMN_TOPIC);
  /* "czas trwania": the handling time of each call */
  g_assert_cmpint (rocznik_import_get_column_role (import, 2), ==, ROCZNIK_IMPORT_COLUMN_DURATION);

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);
      RocznikTopic *t = rocznik_year_find_topic (year, f[0]);
      int month = atoi (f[1]);

      g_assert_nonnull (t);
      g_assert_true (t->has_months);
      g_assert_cmpint (t->months[month - 1], ==, g_ascii_strtoll (f[2], NULL, 10));
      checked++;
    }
  g_assert_cmpuint (checked, >, 150);
  /* the largest first */
  for (guint i = 1; i < year->topics->len; i++)
    g_assert_cmpint (((RocznikTopic *) g_ptr_array_index (year->topics, i - 1))->count, >=,
                     ((RocznikTopic *) g_ptr_array_index (year->topics, i))->count);
}

static void
test_records_cp1250 (void)
{
  g_autoptr(RocznikImport) import = NULL;
  g_autofree char *path = fixture ("records-2018-2019-cp1250.csv");
  g_autoptr(GError) error = NULL;
  RocznikImportOptions options;
  RocznikYear *y2018, *y2019;
  RocznikTopic *t;

  /* no header, two columns of text: which one is the topic is asked, never guessed */
  g_assert_null (rocznik_import_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "file records-2018-2019-cp1250.csv: cannot tell which column holds the "
                   "topic of the call: „column B”, „column C”; choose one with --topic-column");
  rocznik_import_options_init (&options);
  options.topic_name = "2";
  import = import_ok ("records-2018-2019-cp1250.csv", &options);
  y2018 = year_at (import, 0);
  y2019 = year_at (import, 1);

  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "WINDOWS-1250");
  g_assert_cmpint (y2018->year, ==, 2018);
  g_assert_cmpint (rocznik_year_topic_sum (y2018), ==, 1);
  t = rocznik_year_find_topic (y2018, "gospodarka odpadami");
  g_assert_cmpint (t->months[11], ==, 1);
  g_assert_cmpint (y2019->year, ==, 2019);
  g_assert_cmpuint (y2019->topics->len, ==, 2);
  /* "świadczenia…" and "Świadczenia…" share a key: one topic */
  t = rocznik_year_find_topic (y2019, "świadczenia wychowawcze 500+");
  g_assert_nonnull (t);
  g_assert_cmpint (t->count, ==, 2);
  g_assert_cmpint (t->months[0], ==, 1);
  g_assert_cmpint (t->months[1], ==, 1);
  g_assert_cmpuint (rocznik_import_get_n_skipped (import), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rocznik_import_get_skipped (import), 0), ==,
                   "file records-2018-2019-cp1250.csv, line 5: a call without a topic");
}

static void
test_monthly (void)
{
  g_autoptr(RocznikImport) import = import_ok ("monthly-2020-2021.csv", NULL);
  RocznikTopic *t = rocznik_year_find_topic (year_at (import, 0), "gospodarka odpadami");

  g_assert_cmpint (year_at (import, 0)->year, ==, 2020);
  g_assert_true (t->has_months);
  g_assert_cmpint (t->months[0], ==, 1020);
  g_assert_cmpint (t->months[1], ==, 2020);
  g_assert_cmpint (t->months[2], ==, 3020);
  g_assert_cmpint (t->count, ==, 6060);
  t = rocznik_year_find_topic (year_at (import, 1), "oświata");
  g_assert_cmpint (t->count, ==, 60);
}

static void
test_store (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikImport) import = import_ok ("seed-2018-cp1250.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = rocznik_import_describe (import, ws);
  g_assert_null (strstr (before, "already"));
  g_assert_true (rocznik_import_store (import, ws, FALSE, &error));
  g_assert_no_error (error);
  back = rocznik_workspace_load_year (ws, 2018, &error);
  g_assert_no_error (error);
  assert_seed_topics (back);

  /* never silently overwritten */
  g_assert_false (rocznik_import_store (import, ws, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "seed-2018-cp1250.csv"));
  g_clear_error (&error);
  after = rocznik_import_describe (import, ws);
  g_assert_nonnull (strstr (after, "already in the workspace"));
  g_assert_true (rocznik_import_store (import, ws, TRUE, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *file;
  const char *message;
} Bad;

static const Bad bad_files[] = {
  { "not-a-number.csv", "file not-a-number.csv, line 3: „dużo” is not a number of calls" },
  { "negative.csv", "file negative.csv, line 3: „-5” is negative" },
  { "too-large.csv", "file too-large.csv, line 2: „9007199254740993” is too large" },
  { "fraction.csv", "file fraction.csv, line 2: „12,5” is not a whole number" },
  { "empty.csv", "file empty.csv: the file is empty" },
  { "blank.csv", "file blank.csv: the file is empty" },
  { "no-numbers.csv", "file no-numbers.csv: found no column with numbers of calls" },
  { "no-topics.csv", "file no-topics.csv: found no column with topic names" },
  { "unterminated.csv", "file unterminated.csv, line 2: a quoted field starts here and is never closed" },
  { "duplicate.csv", "file duplicate.csv, line 4: the topic „Odpady” is listed twice (first on line 2)" },
  { "bad-date.csv", "file bad-date.csv, line 3: „2018-13-05” is not a date" },
  { "bad-year.csv", "file bad-year.csv, line 3: „dwa tysiące” is not a year" },
  { "no-year.csv", "file no-year.csv: cannot tell which year" },
  { "nul.csv", "file nul.csv, line 3: a NUL byte" },
  { "mixed-encoding.csv", "file mixed-encoding.csv, line 3: the text mixes UTF-8 with another encoding" },
  { "garbage.bin", "file garbage.bin, line 1: a NUL byte" },
  { "garbage-no-nul.bin", "file garbage-no-nul.bin, line 1: a control character" },
  /* UTF-16 is read now: what is missing is the year */
  { "utf16.csv", "file utf16.csv: cannot tell which year the counts are for" },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_build_filename ("bad", bad_files[i].file, NULL);
      g_autofree char *path = fixture (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = NULL;

      g_test_message ("%s", bad_files[i].file);
      import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
      g_assert_null (import);
      g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
      if (!g_str_has_prefix (error->message, bad_files[i].message))
        g_error ("%s: got „%s”", bad_files[i].file, error->message);
    }
}

/* A 20 MB line: refused after 1 MB, naming the line. */
static void
test_long_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
  g_autoptr(GString) data = g_string_new ("temat;liczba\nodpady;5\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;

  for (guint i = 0; i < 20 * 1024 * 1024 / 16; i++)
    g_string_append (data, "abcdefgh;1234567");
  g_string_append (data, "\n");
  g_assert_true (g_file_set_contents (path, data->str, data->len, NULL));
  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_cmpstr (error->message, ==, "file long.csv, line 3: the line is longer than 1 MB; this is not a table of calls");
  g_clear_error (&error);

  /* and one line with no delimiter at all (not a report either) */
  g_string_assign (data, "");
  for (guint i = 0; i < 20 * 1024 * 1024 / 16; i++)
    g_string_append (data, "abcdefghabcdefgh");
  g_assert_true (g_file_set_contents (path, data->str, data->len, NULL));
  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_nonnull (error);
  /* refused by its size, not read whole */
  g_assert_cmpstr (error->message, ==, "file long.csv: found no delimiter („,” „;” „|” or tab) in its first lines, "
                   "and it is too large for the text of a report");

  g_remove (path);
  g_rmdir (dir);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_cancel_and_progress (void)
{
  g_autofree char *path = fixture ("records-2018.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;
  double last = 0;

  import = rocznik_import_file (path, NULL, NULL, progress_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_clear_pointer (&import, rocznik_import_free);

  g_cancellable_cancel (cancellable);
  import = rocznik_import_file (path, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static RocznikImport *
import_xlsx (const char                 *name,
             const RocznikImportOptions *options,
             GError                    **error)
{
  g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_XLSX"), name, NULL);

  return rocznik_import_file (path, options, NULL, NULL, NULL, error);
}

static void
test_xlsx (void)
{
  const char *writers[] = { "seed-2018-openpyxl.xlsx", "seed-2018-gnumeric.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = import_xlsx (writers[i], NULL, &error);
      const char * const *sheets;

      g_test_message ("%s", writers[i]);
      g_assert_no_error (error);
      g_assert_cmpint (rocznik_import_get_format (import), ==, ROCZNIK_IMPORT_FORMAT_XLSX);
      g_assert_null (rocznik_import_get_encoding (import));
      g_assert_cmpstr (rocznik_import_get_sheet (import), ==, "Tematy 2018");
      sheets = rocznik_import_get_sheets (import);
      g_assert_cmpstr (sheets[0], ==, "Tematy 2018");
      g_assert_cmpstr (sheets[1], ==, "Lata");
      g_assert_null (sheets[2]);
      /* the title row is skipped, the SUM row is the total and no topic */
      assert_seed_topics (year_at (import, 0));
      g_assert_cmpuint (rocznik_import_get_n_skipped (import), ==, 1);
      g_assert_cmpstr (g_ptr_array_index (rocznik_import_get_skipped (import), 0), ==, i == 0
                       ? "file seed-2018-openpyxl.xlsx, sheet Tematy 2018, row 1: a title above the table"
                       : "file seed-2018-gnumeric.xlsx, sheet Tematy 2018, row 1: a title above the table");
      g_assert_cmpuint (rocznik_import_get_warnings (import)->len, ==, 0);
      /* openpyxl stores no cached value for the formula; gnumeric does */
      g_assert_cmpint (year_at (import, 0)->declared_total, ==, i == 0 ? ROCZNIK_NO_TOTAL : 388468);
    }
}

static void
test_xlsx_sheet (void)
{
  RocznikImportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;

  rocznik_import_options_init (&options);
  options.sheet = "Lata";
  import = import_xlsx ("seed-2018-gnumeric.xlsx", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rocznik_import_get_shape (import), ==, ROCZNIK_IMPORT_SHAPE_WIDE);
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 3);
  g_assert_cmpint (rocznik_year_topic_sum (year_at (import, 1)), ==, 71444);
  g_assert_cmpuint (year_at (import, 2)->topics->len, ==, 1);
  g_clear_pointer (&import, rocznik_import_free);

  options.sheet = "Nie ma";
  import = import_xlsx ("seed-2018-gnumeric.xlsx", &options, &error);
  g_assert_null (import);
  g_assert_cmpstr (error->message, ==,
                   "file seed-2018-gnumeric.xlsx: there is no sheet „Nie ma” (the sheets are „Tematy 2018”, „Lata”)");
}

static void
test_xlsx_records_inline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) records = import_xlsx ("records-2019.xlsx", NULL, &error);
  g_autoptr(RocznikImport) inline_ = NULL;
  RocznikYear *year;
  RocznikTopic *t;

  g_assert_no_error (error);
  g_assert_cmpint (rocznik_import_get_shape (records), ==, ROCZNIK_IMPORT_SHAPE_RECORDS);
  year = year_at (records, 0);
  g_assert_cmpint (year->year, ==, 2019);
  g_assert_cmpuint (year->topics->len, ==, 3);
  g_assert_cmpint (rocznik_year_topic_sum (year), ==, 120);
  /* rows i = 0, 3, 6 … of 120: topic 0 in months 1, 4, 7, 10 */
  t = rocznik_year_find_topic (year, "gospodarka odpadami");
  g_assert_cmpint (t->count, ==, 40);
  g_assert_cmpint (t->months[0], ==, 10);
  g_assert_cmpint (t->months[3], ==, 10);
  g_assert_cmpint (t->months[1], ==, 0);

  /* inline strings in runs, 7.0055E4, a SUM whose cached value is wrong */
  inline_ = import_xlsx ("inline-2020.xlsx", NULL, &error);
  g_assert_no_error (error);
  year = year_at (inline_, 0);
  g_assert_cmpint (year->year, ==, 2020);
  g_assert_cmpint (rocznik_year_find_topic (year, "gospodarka odpadami")->count, ==, 70055);
  g_assert_cmpint (rocznik_year_find_topic (year, "oświata")->count, ==, 1389);
  g_assert_cmpuint (year->topics->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rocznik_import_get_warnings (inline_), 0), ==,
                   "file inline-2020.xlsx, sheet Arkusz1, row 6: the total row says 71" NB "000 calls for 2020, "
                   "but the topics add up to 71" NB "444");
}

static void
test_xlsx_hostile (void)
{
  static const Bad hostile[] = {
    { "bomb.xlsx", "file bomb.xlsx: the part xl/worksheets/sheet1.xml would inflate to more than Rocznik accepts" },
    { "xxe.xlsx", "file xxe.xlsx: the part xl/worksheets/sheet1.xml declares a DTD" },
    { "laughs.xlsx", "file laughs.xlsx: the part xl/worksheets/sheet1.xml" },
    { "broken-xml.xlsx", "file broken-xml.xlsx: the part xl/worksheets/sheet1.xml is damaged" },
    { "no-workbook.xlsx", "file no-workbook.xlsx: not an Excel workbook (the part xl/workbook.xml is missing)" },
    { "not-a-zip.xlsx", "file not-a-zip.xlsx: not an XLSX workbook" },
    { "truncated.xlsx", "file truncated.xlsx: not an XLSX workbook" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = import_xlsx (hostile[i].file, NULL, &error);

      g_test_message ("%s", hostile[i].file);
      g_assert_null (import);
      g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
      if (!g_str_has_prefix (error->message, hostile[i].message))
        g_error ("%s: got „%s”", hostile[i].file, error->message);
      g_assert_null (strstr (error->message, "root:"));
    }
}

/* Inputs the fuzzers once crashed on: refused or read, never a crash. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = fixture ("fuzz");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = NULL;

      if (g_str_equal (name, "README"))
        continue;
      g_test_message ("%s", name);
      import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
      g_assert_true ((import != NULL) != (error != NULL));
    }
}

/* Records after the first rows are counted straight from the read buffer;
 * rows that are not plain go the general way. The numbers, the skipped
 * rows' line numbers and the errors must not tell the two apart. */
static RocznikImport *
import_text (const char  *name,
             const char  *text,
             gsize        len,
             GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  RocznikImport *import;

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, error);
  g_remove (path);
  g_rmdir (dir);
  return import;
}

static void
test_records_fast_lane (void)
{
  g_autoptr(GString) s = g_string_new ("data;temat;czas\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;
  GPtrArray *skipped;
  RocznikYear *year;
  RocznikTopic *t;

  for (int i = 0; i < 100; i++)                                      /* lines 2–101 */
    g_string_append_printf (s, "2018-01-%02d 08:00:00;gospodarka odpadami;00:01:00\n", i % 28 + 1);
  g_string_append (s, "2018-02-01 08:00:00;\"gospodarka odpadami\";00:01:00\n"   /* 102 */
                      "01.03.2018 09:00;gospodarka odpadami;1\n"                 /* 103 */
                      "4.3.2018;oświata;1\n"                                     /* 104 */
                      "2018-03-05;  oświata  ;1\r\n"                             /* 105 */
                      "\n"                                                       /* 106 */
                      "2018-04-01 10:00;;1\n"                                    /* 107 */
                      "2018-04-02 10:00;\"drogi;chodniki\";1\n"                  /* 108 */
                      "2018-04-03 10:00;\"zieleń\nmiejska\";1\n"                 /* 109–110 */
                      "2018-05-01 10:00;  ;1\n"                                  /* 111 */
                      "2018-12-31T23:59;gospodarka odpadami;1");                 /* 112, no \n */
  import = import_text ("fast.csv", s->str, s->len, &error);
  g_assert_no_error (error);
  year = year_at (import, 0);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 107);
  t = rocznik_year_find_topic (year, "gospodarka odpadami");
  g_assert_cmpint (t->count, ==, 103);
  g_assert_cmpint (t->months[0], ==, 100);
  g_assert_cmpint (t->months[1], ==, 1);
  g_assert_cmpint (t->months[2], ==, 1);
  g_assert_cmpint (t->months[11], ==, 1);
  t = rocznik_year_find_topic (year, "oświata");
  g_assert_cmpint (t->count, ==, 2);
  g_assert_cmpint (t->months[2], ==, 2);
  g_assert_nonnull (rocznik_year_find_topic (year, "drogi;chodniki"));
  skipped = rocznik_import_get_skipped (import);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (skipped, 0), ==, "file fast.csv, line 107: a call without a topic");
  g_assert_cmpstr (g_ptr_array_index (skipped, 1), ==, "file fast.csv, line 111: a call without a topic");
  g_clear_pointer (&import, rocznik_import_free);

  /* a bad date far from the head: named by its line */
  g_string_truncate (s, 0);
  g_string_append (s, "data;temat\n");
  for (int i = 2; i < 150; i++)
    g_string_append (s, "2018-01-02 08:00;oświata\n");
  g_string_append (s, "2018-13-01 08:00;oświata\n2018-01-02 08:00;oświata\n");
  import = import_text ("fast.csv", s->str, s->len, &error);
  g_assert_null (import);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "file fast.csv, line 150: „2018-13-01 08:00” is not a date"));
  g_clear_error (&error);

  /* several read buffers, a quoted row every 1000: refills between them */
  g_string_truncate (s, 0);
  g_string_append (s, "data;temat;czas trwania\n");
  for (int i = 0; i < 60000; i++)
    if (i % 1000 == 999)
      g_string_append_printf (s, "%02d.%02d.2019 12:00;\"transport publiczny\";00:02:00\n", i % 28 + 1, i % 12 + 1);
    else
      g_string_append_printf (s, "2019-%02d-%02d 12:00:00;transport publiczny i drogi;00:02:00\n", i % 12 + 1, i % 28 + 1);
  import = import_text ("big.csv", s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->len, >, 3 * 1024 * 1024);
  year = year_at (import, 0);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 60000);
  g_assert_cmpint (rocznik_year_find_topic (year, "transport publiczny i drogi")->count, ==, 59940);
  g_assert_cmpint (rocznik_year_find_topic (year, "transport publiczny")->count, ==, 60);
}

/* The encoding is told from the first megabyte, which may end inside a
 * letter: that is still UTF-8. */
static void
test_utf8_sample_edge (void)
{
  g_autoptr(GString) s = g_string_new ("data;temat\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;
  const gsize edge = 1024 * 1024 - 1;   /* "ł" (C5 82) starts here */
  guint rows = 0;

  while (s->len < edge - 100)
    {
      g_string_append (s, "2018-01-02 08:00;drogi i chodniki\n");
      rows++;
    }
  g_string_append (s, "2018-01-02 08:00;");
  while (s->len < edge)
    g_string_append_c (s, 'a');
  g_string_append (s, "ł\n2018-01-03 08:00;zieleń miejska\n");
  rows += 2;
  g_assert_cmpuint ((guchar) s->str[edge], ==, 0xC5);
  import = import_text ("edge.csv", s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rocznik_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, rows);
  g_assert_cmpint (rocznik_year_find_topic (year_at (import, 0), "zieleń miejska")->count, ==, 1);
}

/* Per-request exports: tests/fixtures/make-requests.py wrote each file and
 * counted its rows into FILE.expected ("YEAR\tTOPIC\tCOUNT"). */

static char *
request (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_REQUESTS"), name, NULL);
}

static RocznikImport *
import_request (const char                 *name,
                const RocznikImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = request (name);
  RocznikImport *import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static char *
import_request_error (const char                 *name,
                      const RocznikImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = request (name);
  g_autoptr(RocznikImport) import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  return g_strdup (error->message);
}

/* Every year and topic exactly as expected, and nothing else. */
static void
assert_counts (RocznikImport *import,
               const char    *expected_name)
{
  g_autofree char *path = request (expected_name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *years = rocznik_import_get_years (import);
  guint topics = 0, listed = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);
      int number = atoi (f[0]);
      RocznikYear *year = NULL;
      RocznikTopic *t;

      for (guint j = 0; j < years->len; j++)
        if (((RocznikYear *) g_ptr_array_index (years, j))->year == number)
          year = g_ptr_array_index (years, j);
      g_assert_nonnull (year);
      t = rocznik_year_find_topic (year, f[1]);
      if (t == NULL)
        g_error ("%s: no topic „%s” in %d", expected_name, f[1], number);
      g_assert_cmpstr (t->name, ==, f[1]);
      g_assert_cmpint (t->count, ==, g_ascii_strtoll (f[2], NULL, 10));
      listed++;
    }
  for (guint j = 0; j < years->len; j++)
    topics += ((RocznikYear *) g_ptr_array_index (years, j))->topics->len;
  g_assert_cmpuint (topics, ==, listed);
  g_assert_cmpuint (listed, >, 0);
}

static void
assert_role (RocznikImport          *import,
             const char             *name,
             RocznikImportColumnRole role)
{
  for (guint col = 0; col < rocznik_import_get_n_columns (import); col++)
    if (g_str_equal (rocznik_import_get_column_name (import, col), name))
      {
        g_assert_cmpint (rocznik_import_get_column_role (import, col), ==, role);
        return;
      }
  g_error ("no column „%s”", name);
}

/* Excel's "Unicode text": UTF-16 LE with a BOM, TAB, CRLF; and BE, and
 * LE without a BOM. No option needed. */
static void
test_requests_utf16 (void)
{
  static const struct { const char *file; const char *encoding; } files[] = {
    { "zgloszenia-2014-2015.txt", "UTF-16LE" },
    { "zgloszenia-be.txt", "UTF-16BE" },
    { "zgloszenia-nobom.txt", "UTF-16LE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(RocznikImport) import = import_request (files[i].file, NULL);
      g_autofree char *expected = g_strconcat (files[i].file, ".expected", NULL);

      g_test_message ("%s", files[i].file);
      g_assert_cmpstr (rocznik_import_get_encoding (import), ==, files[i].encoding);
      g_assert_cmpstr (rocznik_import_get_line_ends (import), ==, "CRLF");
      g_assert_cmpint (rocznik_import_get_delimiter (import), ==, '\t');
      g_assert_cmpint (rocznik_import_get_shape (import), ==, ROCZNIK_IMPORT_SHAPE_RECORDS);
      g_assert_cmpuint (rocznik_import_get_n_columns (import), ==, 11);
      /* the request numbers (223820/14) identify rows: never the topic */
      assert_role (import, "Nr zgłoszenia", ROCZNIK_IMPORT_COLUMN_IGNORED);
      assert_role (import, "Typ zgłoszenia", ROCZNIK_IMPORT_COLUMN_TOPIC);
      assert_role (import, "Data przyjęcia", ROCZNIK_IMPORT_COLUMN_DATE);
      assert_role (import, "Data zamknięcia", ROCZNIK_IMPORT_COLUMN_IGNORED);
      g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 2);
      g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 2500);
      assert_counts (import, expected);
    }

  /* overridden: the user's encoding is the one used and reported */
  {
    RocznikImportOptions options;
    g_autoptr(RocznikImport) forced = NULL;
    g_autofree char *wrong = NULL;

    rocznik_import_options_init (&options);
    options.encoding = "UTF-16LE";
    forced = import_request ("zgloszenia-nobom.txt", &options);
    g_assert_cmpstr (rocznik_import_get_encoding (forced), ==, "UTF-16LE");
    assert_counts (forced, "zgloszenia-nobom.txt.expected");
    options.encoding = "UTF-8";
    wrong = import_request_error ("zgloszenia-nobom.txt", &options);
    g_assert_cmpstr (wrong, ==, "file zgloszenia-nobom.txt, line 1: a NUL byte; this is not a text file");
  }
}

/* --where "Źródło=TELEFON": the phone calls only */
static void
test_requests_where (void)
{
  const char *where[] = { "Źródło=TELEFON", NULL };
  const char *bad[] = { "Kanał=TELEFON", NULL };
  RocznikImportOptions options;
  g_autoptr(RocznikImport) import = NULL;
  g_autofree char *message = NULL;

  rocznik_import_options_init (&options);
  options.where = where;
  import = import_request ("zgloszenia-2014-2015.txt", &options);
  assert_counts (import, "zgloszenia-2014-2015.txt.telefon");
  g_assert_cmpuint (rocznik_import_get_n_rows (import) + rocznik_import_get_n_filtered (import), ==, 2500);
  g_assert_cmpuint (rocznik_import_get_n_filtered (import), >, 0);

  options.where = bad;
  message = import_request_error ("zgloszenia-2014-2015.txt", &options);
  g_assert_true (g_str_has_prefix (message, "file zgloszenia-2014-2015.txt: there is no column „Kanał”; the columns are „Nr zgłoszenia”, „Data przyjęcia”"));
}

/* CR-only line ends (old Excel for Mac), UTF-8 and Windows-1250: every
 * row, not one topic „Temat”. */
static void
test_cr_only (void)
{
  static const char *files[] = { "tematy-2018-cr.csv", "tematy-2018-cr-cp1250.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(RocznikImport) import = import_request (files[i], NULL);
      g_autofree char *expected = g_strconcat (files[i], ".expected", NULL);

      g_assert_cmpstr (rocznik_import_get_line_ends (import), ==, "CR");
      g_assert_cmpstr (rocznik_import_get_encoding (import), ==, i ? "WINDOWS-1250" : "UTF-8");
      assert_counts (import, expected);
    }
}

/* The report's text as UTF-16 (Notepad's „Unicode”) and with CR-only line ends. */
static void
test_report_text_utf16_cr (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("ROCZNIK_SAMPLE"), "poznan-kontakt-2018.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *utf16_path = g_build_filename (dir, "raport-utf16.txt", NULL);
  g_autofree char *cr_path = g_build_filename (dir, "raport-cr.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *utf16 = NULL;
  gsize len = 0, utf16_len = 0;
  const char *paths[] = { utf16_path, cr_path };

  g_assert_true (g_file_get_contents (sample, &text, &len, NULL));
  utf16 = g_convert (text, len, "UTF-16", "UTF-8", NULL, &utf16_len, NULL);   /* with a BOM */
  g_assert_nonnull (utf16);
  g_assert_true (g_file_set_contents (utf16_path, utf16, utf16_len, NULL));
  g_strdelimit (text, "\n", '\r');
  g_assert_true (g_file_set_contents (cr_path, text, len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = rocznik_import_file (paths[i], NULL, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rocznik_import_get_format (import), ==, ROCZNIK_IMPORT_FORMAT_REPORT_TEXT);
      assert_seed_topics (year_at (import, 0));
      g_remove (paths[i]);
    }
  g_rmdir (dir);
}

/* A US 311 export: the topic in "Complaint Type", dates month first with
 * AM/PM, spanning New Year; the same by --topic-column. */
static void
test_311 (void)
{
  RocznikImportOptions options;
  g_autoptr(RocznikImport) detected = import_request ("311-2010-2011.csv", NULL);
  g_autoptr(RocznikImport) chosen = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpuint (rocznik_import_get_n_columns (detected), ==, 41);
  assert_role (detected, "Complaint Type", ROCZNIK_IMPORT_COLUMN_TOPIC);
  assert_role (detected, "Created Date", ROCZNIK_IMPORT_COLUMN_DATE);
  g_assert_cmpint (rocznik_import_get_date_order (detected), ==, ROCZNIK_DATE_ORDER_MONTH_FIRST);
  assert_counts (detected, "311-2010-2011.csv.expected");

  rocznik_import_options_init (&options);
  options.topic_name = "complaint type";
  options.date_name = "2";
  chosen = import_request ("311-2010-2011.csv", &options);
  assert_counts (chosen, "311-2010-2011.csv.expected");

  /* day first, forced: 12/28/2010 has no 28th month */
  rocznik_import_options_init (&options);
  options.date_order = ROCZNIK_DATE_ORDER_DAY_FIRST;
  message = import_request_error ("311-2010-2011.csv", &options);
  g_assert_cmpstr (message, ==, "file 311-2010-2011.csv, line 2: „12/28/2010 12:05:56 AM” is not a date that exists (no such day, month or hour)");
}

/* An id column, a channel, two date columns, free-text notes. */
static void
test_cases (void)
{
  RocznikImportOptions options;
  g_autoptr(RocznikImport) named = import_request ("sprawy-2019-2020.csv", NULL);
  g_autoptr(RocznikImport) chosen = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *topics = NULL;

  assert_role (named, "Data utworzenia", ROCZNIK_IMPORT_COLUMN_DATE);
  assert_role (named, "Kategoria sprawy", ROCZNIK_IMPORT_COLUMN_TOPIC);
  assert_role (named, "Opis", ROCZNIK_IMPORT_COLUMN_IGNORED);
  assert_counts (named, "sprawy-2019-2020.csv.expected");

  /* headers that say nothing: asked, naming the candidates */
  dates = import_request_error ("sprawy-bez-nazw.csv", NULL);
  g_assert_cmpstr (dates, ==, "file sprawy-bez-nazw.csv: cannot tell which column holds the date of the call: "
                   "„Data A”, „Data B”; choose one with --date-column");
  rocznik_import_options_init (&options);
  options.date_name = "Data A";
  topics = import_request_error ("sprawy-bez-nazw.csv", &options);
  g_assert_cmpstr (topics, ==, "file sprawy-bez-nazw.csv: cannot tell which column holds the topic of the call: "
                   "„Kanał”, „Rodzaj”; choose one with --topic-column");
  options.topic_name = "Rodzaj";
  chosen = import_request ("sprawy-bez-nazw.csv", &options);
  assert_counts (chosen, "sprawy-bez-nazw.csv.expected");
}

/* Quoted notes with line breaks after row 1000 (the fast lane's rows). */
static void
test_notes_after_head (void)
{
  g_autoptr(RocznikImport) import = import_request ("notatki-2019.csv", NULL);

  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 2000);
  assert_counts (import, "notatki-2019.csv.expected");
}

static char *
import_text_error (const char                 *text,
                   const RocznikImportOptions *options)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "calls.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  import = rocznik_import_file (path, options, NULL, NULL, NULL, &error);
  g_remove (path);
  g_rmdir (dir);
  g_assert_null (import);
  return g_strdup (error->message);
}

static void
test_impossible_dates (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "data;temat\n2019-02-28;a\n31.02.2019;a\n", "file calls.csv, line 3: „31.02.2019” is not a date that exists (no such day, month or hour)" },
    { "data;temat\n2019-02-28;a\n2019-02-31;a\n", "file calls.csv, line 3: „2019-02-31” is not a date that exists (no such day, month or hour)" },
    { "data;temat\n2019-02-28;a\n2019-03-01 25:99;a\n", "file calls.csv, line 3: „2019-03-01 25:99” is not a date that exists (no such day, month or hour)" },
    { "data;temat\n2020-02-29;a\n29.02.2019 10:00;a\n", "file calls.csv, line 3: „29.02.2019 10:00” is not a date that exists (no such day, month or hour)" },
    { "data;temat\n03/01/2019;a\n04/01/2019;b\n", "file calls.csv: the dates in „data” can be read day first or month first (e.g. „03/01/2019”); choose with --date-order dmy or mdy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_text_error (cases[i].text, NULL);
      g_assert_cmpstr (message, ==, cases[i].message);
    }

  /* the same past the first rows, where the fast lane reads */
  {
    static const char *late[] = { "2019-03-01 24:00:00", "2019-03-01 23:60", "2019-02-29 10:00:00", "2019-04-31" };

    for (guint i = 0; i < G_N_ELEMENTS (late); i++)
      {
        g_autoptr(GString) text = g_string_new ("data;temat\n");
        g_autofree char *message = NULL;
        g_autofree char *want = NULL;

        for (guint row = 0; row < 3000; row++)
          g_string_append_printf (text, "2019-01-%02u %02u:%02u:%02u;odpady\n", 1 + row % 28, row % 24, row % 60, row % 59);
        g_string_append_printf (text, "%s;odpady\n", late[i]);
        message = import_text_error (text->str, NULL);
        want = g_strdup_printf ("file calls.csv, line 3002: „%s” is not a date that exists (no such day, month or hour)", late[i]);
        g_assert_cmpstr (message, ==, want);
      }
  }
}

/* --year that the file's own years contradict is refused, never relabelled. */
static void
test_year_contradiction (void)
{
  RocznikImportOptions options;
  g_autofree char *wide = NULL;
  g_autofree char *monthly = NULL;
  g_autofree char *records = NULL;
  g_autoptr(RocznikImport) relabelled = NULL;

  rocznik_import_options_init (&options);
  options.year = 2016;
  wide = import_text_error ("Temat|2017|2018\nodpady|5|6\n", &options);
  g_assert_cmpstr (wide, ==, "file calls.csv: has no counts for 2016; the file has 2017, 2018");
  monthly = import_text_error ("rok;temat;liczba\n2019;odpady;5\n", &options);
  g_assert_cmpstr (monthly, ==, "file calls.csv: has no counts for 2016; the file has 2019");
  records = import_text_error ("data;temat\n2019-01-05;odpady\n2020-01-05;odpady\n", &options);
  g_assert_cmpstr (records, ==, "file calls.csv: has no counts for 2016; the file has 2019, 2020");
  /* a year from the file name only is the user's to change */
  relabelled = import_ok ("seed-2018-bom.csv", &options);
  g_assert_cmpint (year_at (relabelled, 0)->year, ==, 2016);
}

/* --count-column: the second column of numbers, by its header or number. */
static void
test_count_column (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tematy-2019.csv", NULL);
  const char *specs[] = { NULL, "rozmowy 2019", "3" };
  const gint64 sums[] = { 15, 1500, 1500 };

  g_assert_true (g_file_set_contents (path, "temat;rozmowy 2018;rozmowy 2019\nodpady;5;500\noświata;10;1000\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      RocznikImportOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(RocznikImport) import = NULL;

      rocznik_import_options_init (&options);
      options.count_name = specs[i];
      import = rocznik_import_file (path, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rocznik_year_topic_sum (year_at (import, 0)), ==, sums[i]);
      g_assert_cmpint (year_at (import, 0)->year, ==, 2019);
    }
  g_remove (path);
  g_rmdir (dir);
}

/* Identifiers are never topics; a few calls, each of its own topic, are. */
static void
test_identifiers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-import-XXXXXX", NULL);
  g_autofree char *few_path = g_build_filename (dir, "few.csv", NULL);
  g_autoptr(GString) many = g_string_new ("data;sprawa\n");
  g_autoptr(RocznikImport) few = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (few_path, "data;temat\n2019-01-02;odpady\n2019-01-03;oświata\n2019-01-04;podatki\n"
                                      "2019-01-05;meldunki\n2019-01-06;parkowanie\n2019-01-07;zieleń\n"
                                      "2019-01-08;drogi\n2019-01-09;hałas\n2019-01-10;woda\n", -1, NULL));
  few = rocznik_import_file (few_path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year_at (few, 0)->topics->len, ==, 9);
  g_remove (few_path);
  g_rmdir (dir);

  /* 200 rows, 200 case numbers under a header that may name topics */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (many, "2019-01-%02u;%u/19\n", 1 + i % 28, 223820 + i);
  message = import_text_error (many->str, NULL);
  g_assert_cmpstr (message, ==, "file calls.csv: found no column with topics: „sprawa” has a different value on almost "
                   "every row; choose the topic column with --topic-column");
}

/* Choices made once are remembered for files with the same header. */
static void
test_remembered_choices (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikImport) first = NULL;
  g_autoptr(RocznikImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RocznikImportOptions options;

  rocznik_import_options_init (&options);
  options.date_name = "Data A";
  options.topic_name = "5";
  options.workspace = ws;
  first = import_request ("sprawy-bez-nazw.csv", &options);
  g_assert_true (rocznik_import_store (first, ws, TRUE, &error));
  g_assert_no_error (error);

  rocznik_import_options_init (&options);
  options.workspace = ws;
  again = import_request ("sprawy-bez-nazw.csv", &options);
  assert_counts (again, "sprawy-bez-nazw.csv.expected");
  text = rocznik_import_describe (again, ws);
  g_assert_nonnull (strstr (text, "Columns: date of the call „Data A”, channel „Kanał”, topic „Rodzaj”\n"
                                  "Columns and conditions as remembered for files with this header\n"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/report-text", test_report_text);
  g_test_add_func ("/import/utf8-bom", test_utf8_bom);
  g_test_add_func ("/import/cp1250", test_cp1250);
  g_test_add_func ("/import/iso-8859-2", test_iso_8859_2);
  g_test_add_func ("/import/overrides", test_overrides);
  g_test_add_func ("/import/quoted", test_quoted);
  g_test_add_func ("/import/wide", test_wide);
  g_test_add_func ("/import/records", test_records);
  g_test_add_func ("/import/records-cp1250", test_records_cp1250);
  g_test_add_func ("/import/records-fast-lane", test_records_fast_lane);
  g_test_add_func ("/import/utf8-sample-edge", test_utf8_sample_edge);
  g_test_add_func ("/import/monthly", test_monthly);
  g_test_add_func ("/import/store", test_store);
  g_test_add_func ("/import/bad", test_bad);
  g_test_add_func ("/import/long-line", test_long_line);
  g_test_add_func ("/import/cancel-progress", test_cancel_and_progress);
  g_test_add_func ("/import/xlsx", test_xlsx);
  g_test_add_func ("/import/xlsx-sheet", test_xlsx_sheet);
  g_test_add_func ("/import/xlsx-records-inline", test_xlsx_records_inline);
  g_test_add_func ("/import/xlsx-hostile", test_xlsx_hostile);
  g_test_add_func ("/import/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/import/requests-utf16", test_requests_utf16);
  g_test_add_func ("/import/requests-where", test_requests_where);
  g_test_add_func ("/import/cr-only", test_cr_only);
  g_test_add_func ("/import/311", test_311);
  g_test_add_func ("/import/report-text-utf16-cr", test_report_text_utf16_cr);
  g_test_add_func ("/import/cases", test_cases);
  g_test_add_func ("/import/notes-after-head", test_notes_after_head);
  g_test_add_func ("/import/impossible-dates", test_impossible_dates);
  g_test_add_func ("/import/year-contradiction", test_year_contradiction);
  g_test_add_func ("/import/remembered-choices", test_remembered_choices);
  g_test_add_func ("/import/count-column", test_count_column);
  g_test_add_func ("/import/identifiers", test_identifiers);
  return g_test_run ();
}
