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
  g_assert_cmpint (rocznik_import_get_column_role (import, 2), ==, ROCZNIK_IMPORT_COLUMN_IGNORED);

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
  g_autoptr(RocznikImport) import = import_ok ("records-2018-2019-cp1250.csv", NULL);
  RocznikYear *y2018 = year_at (import, 0), *y2019 = year_at (import, 1);
  RocznikTopic *t;

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
  { "utf16.csv", "file utf16.csv: the text is in UTF-16" },
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
  g_assert_true (g_str_has_prefix (error->message, "file long.csv"));

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
  return g_test_run ();
}
