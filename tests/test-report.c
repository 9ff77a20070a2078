/* test-report.c — the workbook, the PDF and the CSV of the annual report,
 * read back by second readers (openpyxl, pdftotext, pdffonts). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-report.h"
#include "rocznik-workspace.h"

#define PYTHON "/usr/bin/python3"

static char *tmpdir;

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
}

static RocznikWorkspace *
sample_workspace (void)
{
  RocznikWorkspace *ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_no_error (error);
  return ws;
}

/* A year whose topic names an attacker chose: they look like formulas. */
static RocznikWorkspace *
hostile_workspace (void)
{
  RocznikWorkspace *ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) y = rocznik_year_new (2019);
  g_autoptr(GError) error = NULL;

  y->organisation = g_strdup ("=cmd|' /C calc'!A0");
  rocznik_year_add_topic (y, "=HYPERLINK(\"http://example.com/x\",\"kliknij\")", 400);
  rocznik_year_add_topic (y, "+cmd|' /C calc'!A0", 300);
  rocznik_year_add_topic (y, "@SUM(1+1)", 200);
  rocznik_year_add_topic (y, "-2+3", 100);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  return ws;
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
write_report (RocznikWorkspace *ws,
              const char       *path)
{
  g_autoptr(GDateTime) now = fixed_now ();
  RocznikReportOptions options = { .now = now };
  g_autoptr(GError) error = NULL;

  g_assert_true (rocznik_report_write (ws, &options, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
run_checker (const char *mode,
             const char *a,
             const char *b)
{
  const char *argv[] = { PYTHON, REPORT_CHECK, mode, a, b, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("report-check.py %s %s: %s%s", mode, a, out, err);
}

/* The files' directory holds nothing but what the test wrote. */
static void
assert_no_temporaries (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    g_assert_false (name[0] == '.');
}

static void
test_xlsx_sample (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("raport.xlsx");

  write_report (ws, path);
  run_checker ("sample", path, NULL);
  assert_no_temporaries ();
}

static void
test_xlsx_hostile (void)
{
  g_autoptr(RocznikWorkspace) ws = hostile_workspace ();
  g_autofree char *path = out_path ("hostile.xlsx");

  g_autofree char *pdf = out_path ("hostile.pdf");

  write_report (ws, path);
  run_checker ("hostile", path, NULL);
  write_report (ws, pdf);  /* no declared total, no lists, no notes */
}

/* A year with a declared total but no topics still gets a report. */
static void
test_year_without_topics (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  const char *names[] = { "2017.xlsx", "2017.pdf", "2017.csv" };
  RocznikReportOptions options = { .year = 2017, .compare_year = -1 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = out_path (names[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (rocznik_report_write (ws, &options, path, NULL, &error));
      g_assert_no_error (error);
    }
}

/* GTK sets LC_NUMERIC from the environment; the files must not notice. */
static void
test_xlsx_locale (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *polish = out_path ("pl.xlsx");
  g_autofree char *plain = out_path ("c.xlsx");
  char buf[16];

  g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
  snprintf (buf, sizeof buf, "%.1f", 0.5);
  g_assert_cmpstr (buf, ==, "0,5");
  write_report (ws, polish);
  setlocale (LC_ALL, "C.UTF-8");
  write_report (ws, plain);
  run_checker ("same", polish, plain);
}

static char *
read_file (const char *path);

static void
test_pdf_sample (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("raport.pdf");

  write_report (ws, path);
  run_checker ("pdf", path, NULL);
  assert_no_temporaries ();
}

/* With the dates fixed, the Polish locale changes not one byte. */
static void
test_pdf_csv_locale (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  const char *names[] = { "raport.pdf", "tematy.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *pl_name = g_strconcat ("pl-", names[i], NULL);
      g_autofree char *c_name = g_strconcat ("c-", names[i], NULL);
      g_autofree char *polish = out_path (pl_name);
      g_autofree char *plain = out_path (c_name);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize a_len, b_len;

      g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
      write_report (ws, polish);
      setlocale (LC_ALL, "C.UTF-8");
      write_report (ws, plain);
      g_assert_true (g_file_get_contents (polish, &a, &a_len, NULL));
      g_assert_true (g_file_get_contents (plain, &b, &b_len, NULL));
      g_assert_cmpmem (a, a_len, b, b_len);
    }
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_csv_sample (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("tematy.csv");
  g_autofree char *text = NULL;

  write_report (ws, path);
  text = read_file (path);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf\"Temat\";\"Liczba rozmów 2018\";\"Udział (%)\"\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"gospodarka odpadami\";70055;18,0\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"Suma tematów\";388468;100,0\r\n"));
  g_assert_nonnull (strstr (text, "\"Rozmowy bez tematu (co najmniej)\";197532;\r\n"));
  g_assert_nonnull (strstr (text, "\"Liczba rozmów ogółem (ponad)\";586000;\r\n"));
  /* Published names carry U+00A0; the CSV has plain spaces for searching. */
  g_assert_nonnull (strstr (text, "\"transport miejski i strefa parkowania\";58759;15,1\r\n"));
}

/* The PDF's text as pdftotext reads it, every run of spaces (U+00A0 too) one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("(\\s|\xc2\xa0)+", 0, 0, NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* 2019 with 6 topics (5 of 2018's) against 2018 with 17: the key figure and
 * the totals compare the 5 shared topics (134 100 against 130 908, +2,4 %),
 * never the sums (135 100 against 388 468, −65,2 %), and name the missing. */
static void
test_compare_like_with_like (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autoptr(RocznikYear) y = rocznik_year_new (2019);
  g_autoptr(GDateTime) now = fixed_now ();
  RocznikReportOptions options = { .year = 2019, .now = now };
  g_autofree char *pdf = out_path ("2019.pdf");
  g_autofree char *csv = out_path ("2019.csv");
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;

  rocznik_year_add_topic (y, "gospodarka odpadami", 72000);
  rocznik_year_add_topic (y, "transport miejski i strefa parkowania", 60000);
  rocznik_year_add_topic (y, "oświata", 1500);
  rocznik_year_add_topic (y, "Akcja Zima", 400);
  rocznik_year_add_topic (y, "Powstanie Wielkopolskie", 200);
  rocznik_year_add_topic (y, "nowy temat", 1000);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (rocznik_report_write (ws, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* 3 192 / 130 908 = 2,44 % */
  /* the cards stand two a row: figures, then captions */
  g_assert_nonnull (strstr (text, "Najważniejsze liczby 135 100 +2,4% rozmów przypisanych do 6 tematów"));
  g_assert_nonnull (strstr (text, "zmiana sumy 5 tematów obecnych w obu latach wobec 2018 r. (+3 192 rozmów; 130 908)"));
  g_assert_null (strstr (text, "65,2"));
  g_assert_nonnull (strstr (text, "Tematy obecne w obu latach 134 100 130 908 +3 192 +2,4%"));
  g_assert_nonnull (strstr (text, "Zmianę policzono dla 5 tematów obecnych w obu latach. Brak w 2019 r.: "));
  g_assert_nonnull (strstr (text, "Brak w 2018 r.: nowy temat."));

  g_assert_true (rocznik_report_write (ws, &options, csv, NULL, &error));
  g_assert_no_error (error);
  table = read_file (csv);
  g_assert_nonnull (strstr (table, "\r\n\"Suma tematów\";135100;100,0;;;\r\n"));
  g_assert_nonnull (strstr (table, "\r\n\"Suma tematów obecnych w obu latach\";134100;;130908;3192;2,4\r\n"));
}

/* 2018 against 2017, which has only "ponad 574 tys.": never 2017 = 0. */
static void
test_compare_declared_only (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autoptr(GDateTime) now = fixed_now ();
  RocznikReportOptions options = { .year = 2018, .compare_year = 2017, .now = now };
  g_autofree char *pdf = out_path ("2018-2017.pdf");
  g_autofree char *csv = out_path ("2018-2017.csv");
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rocznik_report_write (ws, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "388 468 0"));
  g_assert_null (strstr (text, "+388 468"));
  /* 12 000 / 574 000 = 2,09 % */
  g_assert_nonnull (strstr (text, "zmiana liczby rozmów ogółem wobec 2017 r. (+12 000 rozmów; ponad 574 tys.), według liczb zaokrąglonych"));
  g_assert_nonnull (strstr (text, "+2,1%"));
  g_assert_nonnull (strstr (text, "Rok 2017 nie ma liczb dla tematów: porównano liczby rozmów ogółem podane w sprawozdaniach."));

  g_assert_true (rocznik_report_write (ws, &options, csv, NULL, &error));
  g_assert_no_error (error);
  table = read_file (csv);
  g_assert_nonnull (strstr (table, "\r\n\"Suma tematów\";388468;100,0;;;\r\n"));
  g_assert_nonnull (strstr (table, "\r\n\"Liczba rozmów ogółem (ze sprawozdań)\";586000;;574000;12000;2,1\r\n"));
}

/* The format's extension is added when missing, in one place. */
static void
test_file_extension (void)
{
  static const char *cases[][3] = {
    { "raport", "pdf", "raport.pdf" },
    { "raport.pdf", "pdf", "raport.pdf" },
    { "Raport.PDF", "pdf", "Raport.PDF" },
    { "raport.xlsx", "pdf", "raport.xlsx.pdf" },
    { "/tmp/wykres.svg", "PNG", "/tmp/wykres.svg.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = rocznik_file_with_extension (cases[i][0], cases[i][1]);

      g_assert_cmpstr (path, ==, cases[i][2]);
    }
}

static void
test_csv_hostile (void)
{
  g_autoptr(RocznikWorkspace) ws = hostile_workspace ();
  g_autofree char *path = out_path ("hostile.csv");
  g_autofree char *text = NULL;

  write_report (ws, path);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "\r\n\"'=HYPERLINK(\"\"http://example.com/x\"\",\"\"kliknij\"\")\";400;40,0\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"'+cmd|' /C calc'!A0\";300;"));
  g_assert_nonnull (strstr (text, "\r\n\"'@SUM(1+1)\";200;"));
  g_assert_nonnull (strstr (text, "\r\n\"'-2+3\";100;"));
  g_assert_null (strstr (text, "\r\n\"=")); /* no field starts a formula */
}

/* A failed export says why and leaves the file that was there. */
static void
test_failure_keeps_file (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("keep.xlsx");
  g_autofree char *missing = out_path ("no-such-folder/raport.pdf");
  g_autofree char *odt = out_path ("raport.odt");
  g_autofree char *text = NULL;
  RocznikReportOptions options = { .year = 1999 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "stary raport", -1, NULL));
  g_assert_false (rocznik_report_write (ws, &options, path, NULL, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  text = read_file (path);
  g_assert_cmpstr (text, ==, "stary raport");

  options.year = 0;
  g_assert_false (rocznik_report_write_xlsx (ws, &options, missing, NULL, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_false (rocznik_report_write (ws, &options, odt, NULL, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  assert_no_temporaries ();
}

static void
test_cancelled (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = out_path ("cancelled.xlsx");
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rocznik_report_write (ws, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_temporaries ();
}

static void
test_topics_option (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("topics.csv");
  const char *topics[] = { "gospodarka odpadami", "transport", NULL };
  const char *unknown[] = { "lotnisko", NULL };
  RocznikReportOptions options = { .topics = (GStrv) topics };
  g_autoptr(GError) error = NULL;

  g_assert_true (rocznik_report_write_csv (ws, &options, path, &error));
  g_assert_no_error (error);
  options.topics = (GStrv) unknown;
  g_assert_false (rocznik_report_write_csv (ws, &options, path, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lotnisko"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("rocznik-report-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/report/xlsx/sample", test_xlsx_sample);
  g_test_add_func ("/report/xlsx/hostile", test_xlsx_hostile);
  g_test_add_func ("/report/xlsx/locale", test_xlsx_locale);
  g_test_add_func ("/report/year-without-topics", test_year_without_topics);
  g_test_add_func ("/report/pdf/sample", test_pdf_sample);
  g_test_add_func ("/report/pdf-csv/locale", test_pdf_csv_locale);
  g_test_add_func ("/report/csv/sample", test_csv_sample);
  g_test_add_func ("/report/csv/hostile", test_csv_hostile);
  g_test_add_func ("/report/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/report/cancelled", test_cancelled);
  g_test_add_func ("/report/topics", test_topics_option);
  g_test_add_func ("/report/file-extension", test_file_extension);
  g_test_add_func ("/report/compare/like-with-like", test_compare_like_with_like);
  g_test_add_func ("/report/compare/declared-only", test_compare_declared_only);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
