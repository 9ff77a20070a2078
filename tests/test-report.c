/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c — the workbook, the PDF, the CSV and the web page of the
 * annual report, read back by second readers (openpyxl, pdftotext, pdffonts). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-report.h"
#include "rocznik-test-util.h"
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
  const char *names[] = { "2017.xlsx", "2017.pdf", "2017.csv", "2017.html" };
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
  const char *names[] = { "raport.pdf", "tematy.csv", "raport.html" };

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

static int
count_desc (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* 3 000 topics in 2019–2021 (2020 lacks every seventh and has 50 of its
 * own): the workbook, written a row at a time, read back by openpyxl has
 * every count, cached share, change and sum right, and each year's chart
 * data ends in one "pozostałe (N tematów)" row whose SUM caches the exact
 * sum of the rest. The checker gets the generated counts and, computed
 * here, each year's rest. */
static void
test_xlsx_many_topics (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path ("raport-3000.xlsx");
  g_autofree char *data_path = out_path ("raport-3000.tsv");

  for (int year = 2019; year <= 2021; year++)
    {
      g_autoptr(RocznikYear) y = rocznik_year_new (year);
      g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 rest = 0;

      y->organisation = g_strdup ("Centrum Kontaktu");
      for (guint i = 0; i < 3000 + (year == 2020 ? 50 : 0); i++)
        {
          g_autofree char *name = i < 3000 ? g_strdup_printf ("sprawa nr %u — zażółć", i + 1)
                                           : g_strdup_printf ("dawna sprawa %u", i + 1);
          /* distinct within a year (7919 is prime to 100 003), so the order is the counts' */
          gint64 count = 1 + (i * G_GINT64_CONSTANT (7919) + year * 13) % 100003;

          if (year == 2020 && i < 3000 && i % 7 == 3)
            continue;
          rocznik_year_add_topic (y, name, count);
          g_array_append_val (counts, count);
          g_string_append_printf (data, "topic\t%d\t%s\t%" G_GINT64_FORMAT "\n", year, name, count);
        }
      g_array_sort (counts, count_desc);
      for (guint i = 19; i < counts->len; i++)
        rest += g_array_index (counts, gint64, i);
      g_string_append_printf (data, "rest\t%d\t%u\t%" G_GINT64_FORMAT "\n", year, counts->len - 19, rest);
      g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (data_path, data->str, data->len, &error));
  g_assert_no_error (error);
  write_report (ws, path);
  run_checker ("many", path, data_path);
}

/* 300 topics: the PDF's table shows the 50 largest, then "pozostałe (250
 * tematów)" with the exact sum of the others, then the sum of all topics;
 * pdftotext reads it back. */
static void
test_pdf_many_topics (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) y = rocznik_year_new (2021);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path ("raport-300.pdf");
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  gint64 rest = 0, sum = 0;
  int status;

  y->organisation = g_strdup ("Centrum Kontaktu");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("sprawa numer %u", i + 1);
      gint64 count = 1000 + (i * 7919) % 5000;

      rocznik_year_add_topic (y, name, count);
      g_array_append_val (counts, count);
      sum += count;
    }
  g_array_sort (counts, count_desc);
  for (guint i = 50; i < counts->len; i++)
    rest += g_array_index (counts, gint64, i);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  write_report (ws, path);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* the rest row and the sum, exact */
  {
    g_autofree char *rest_text = test_grouped (rest, " ");
    g_autofree char *sum_text = test_grouped (sum, " ");
    const char *at = strstr (text, "pozostałe (250 tematów)");
    const char *end;
    g_autofree char *line = NULL;

    g_assert_nonnull (at);
    end = strchr (at, '\n');
    line = g_strndup (at, end - at);
    if (strstr (line, rest_text) == NULL)
      g_error ("no %s in „%s”", rest_text, line);
    at = strstr (end, "Suma tematów");
    g_assert_nonnull (at);
    end = strchr (at, '\n');
    g_free (line);
    line = g_strndup (at, end - at);
    if (strstr (line, sum_text) == NULL)
      g_error ("no %s in „%s”", sum_text, line);
  }
  g_assert_nonnull (strstr (text, "Tabela pokazuje 50 największych tematów z 300;"));
  /* the 51st topic has no row of its own */
  {
    gint64 first_left_out = g_array_index (counts, gint64, 50);
    guint n_rows = 0;

    for (const char *p = text; (p = strstr (p, "sprawa numer ")); p++)
      n_rows++;
    g_assert_cmpint (first_left_out, <=, g_array_index (counts, gint64, 49));
    g_assert_cmpuint (n_rows, >=, 50);
    g_assert_cmpuint (n_rows, <, 300);
  }
}

static void
test_csv_sample (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autofree char *path = out_path ("tematy.csv");
  g_autofree char *text = NULL;

  write_report (ws, path);
  text = test_read_file (path);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf\"Temat\";\"Liczba rozmów 2018\";\"Udział (%)\"\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"gospodarka odpadami\";70055;18,0\r\n"));
  g_assert_nonnull (strstr (text, "\r\n\"Suma tematów\";388468;100,0\r\n"));
  g_assert_nonnull (strstr (text, "\"Rozmowy bez tematu (co najmniej)\";197532;\r\n"));
  g_assert_nonnull (strstr (text, "\"Liczba rozmów ogółem (ponad)\";586000;\r\n"));
  /* Published names carry U+00A0; the CSV has plain spaces for searching. */
  g_assert_nonnull (strstr (text, "\"transport miejski i strefa parkowania\";58759;15,1\r\n"));
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
  text = test_pdf_text (pdf, FALSE);
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
  table = test_read_file (csv);
  g_assert_nonnull (strstr (table, "\r\n\"Suma tematów\";135100;100,0;;;\r\n"));
  g_assert_nonnull (strstr (table, "\r\n\"Suma tematów obecnych w obu latach\";134100;;130908;3192;2,4\r\n"));

  /* the web page says it too, in the table's section */
  {
    g_autofree char *html_path = out_path ("2019.html");
    g_autofree char *html = NULL;

    g_assert_true (rocznik_report_write (ws, &options, html_path, NULL, &error));
    g_assert_no_error (error);
    html = test_read_file (html_path);
    g_assert_nonnull (strstr (html, "Tematy obecne w obu latach"));
    g_assert_nonnull (strstr (html, "Brak w" ROCZNIK_NBSP "2018 r.: nowy temat."));
  }
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
  text = test_pdf_text (pdf, FALSE);
  g_assert_null (strstr (text, "388 468 0"));
  g_assert_null (strstr (text, "+388 468"));
  /* 12 000 / 574 000 = 2,09 % */
  g_assert_nonnull (strstr (text, "zmiana liczby rozmów ogółem wobec 2017 r. (+12 000 rozmów; ponad 574 tys.), według liczb zaokrąglonych"));
  g_assert_nonnull (strstr (text, "+2,1%"));
  g_assert_nonnull (strstr (text, "Rok 2017 nie ma liczb dla tematów: porównano liczby rozmów ogółem podane w sprawozdaniach."));

  g_assert_true (rocznik_report_write (ws, &options, csv, NULL, &error));
  g_assert_no_error (error);
  table = test_read_file (csv);
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
  text = test_read_file (path);
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
  text = test_read_file (path);
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

/* "70 055" with U+00A0, as the report prints counts. */
static char *
polish_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\xc2\xa0");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* "18,0%": one decimal, a decimal comma. */
static char *
polish_share (gint64 part,
              gint64 whole)
{
  g_autofree char *s = g_strdup_printf ("%.1f%%", 100.0 * (double) part / (double) whole);

  *strchr (s, '.') = ',';
  return g_steal_pointer (&s);
}

static guint
count_matches (const char *text,
               const char *pattern)
{
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

/* Headings go h1 → h2 → h3 without skipping a level; exactly one h1, first. */
static void
assert_heading_order (const char *html)
{
  g_autoptr(GRegex) re = g_regex_new ("<h([1-6])[ >]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int previous = 0, h1 = 0;

  g_regex_match (re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *level = g_match_info_fetch (match, 1);
      int n = atoi (level);

      if (previous == 0)
        g_assert_cmpint (n, ==, 1);
      g_assert_cmpint (n, <=, previous + 1);
      h1 += n == 1;
      previous = n;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpint (h1, ==, 1);
}

/* Every id is unique, and every aria-labelledby names ids that exist. */
static void
assert_ids (const char *html)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) id_re = g_regex_new (" id=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) ref_re = g_regex_new ("(aria-labelledby|href)=\"#?([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (id_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      char *id = g_match_info_fetch (match, 1);

      if (g_hash_table_contains (ids, id))
        g_error ("id „%s” appears twice", id);
      g_hash_table_add (ids, id);
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);
  g_regex_match (ref_re, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *kind = g_match_info_fetch (match, 1);
      g_autofree char *refs = g_match_info_fetch (match, 2);
      g_auto(GStrv) names = g_strsplit (refs, " ", -1);

      if (g_str_equal (kind, "aria-labelledby") || g_str_has_prefix (refs, "tresc"))
        for (guint i = 0; names[i]; i++)
          if (!g_hash_table_contains (ids, names[i]))
            g_error ("%s refers to a missing id „%s”", kind, names[i]);
      g_match_info_next (match, NULL);
    }
}

/* The web page: the same content as the PDF, in Polish, accessible. */
static void
test_html_sample (void)
{
  g_autoptr(RocznikWorkspace) ws = sample_workspace ();
  g_autoptr(GDateTime) now = fixed_now ();
  RocznikReportOptions options = { .year = 2018, .compare_year = 2017, .now = now };
  g_autofree char *path = out_path ("raport.html");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  /* The 2018 sample (FACTS.md): 17 topics adding up to 388 468 of "ponad 586 tys.". */
  const gint64 sum = 388468, waste = 70055, declared = 586000;
  g_autofree char *waste_count = polish_count (waste);
  g_autofree char *waste_share = polish_share (waste, sum);
  g_autofree char *sum_count = polish_count (sum);
  g_autofree char *remainder = polish_count (declared - sum);
  g_autofree char *row = NULL;
  g_autofree char *sum_row = NULL;
  g_autofree char *remainder_row = NULL;
  guint svgs;

  g_assert_true (rocznik_report_write (ws, &options, path, NULL, &error));
  g_assert_no_error (error);
  html = test_read_file (path);
  assert_no_temporaries ();

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n"));
  g_assert_nonnull (strstr (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  g_assert_nonnull (strstr (html, "<title>Biuro Poznań Kontakt — raport roczny 2018</title>"));
  g_assert_nonnull (strstr (html, "<h1>Biuro Poznań Kontakt</h1>"));
  g_assert_nonnull (strstr (html, "<a class=\"skip\" href=\"#tresc\">Przejdź do treści raportu</a>"));
  g_assert_nonnull (strstr (html, "<main id=\"tresc\""));
  /* the lead, typeset: one-letter words glued to the next */
  g_assert_nonnull (strstr (html, "W\xc2\xa0" "2018 r. Biuro Poznań Kontakt przeprowadziło ponad 586\xc2\xa0" "tys. rozmów."));
  g_assert_nonnull (strstr (html, "<h2 id=\"liczby\">Najważniejsze liczby</h2>"));
  g_assert_nonnull (strstr (html, "<h3>Trzy najczęstsze tematy</h3>"));
  g_assert_nonnull (strstr (html, "@media print"));

  /* the topic table: a caption, column headers, the topic as the row's header */
  g_assert_nonnull (strstr (html, "<caption id=\"tabela-tematy\">Tematy rozmów w 2018 r. w porównaniu z 2017 r.</caption>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\">Temat</th>"));
  g_assert_nonnull (strstr (html, "<th scope=\"col\" class=\"num\">2017 r.</th>"));
  row = g_strdup_printf ("<td class=\"num\">2.</td><th scope=\"row\">gospodarka odpadami</th><td class=\"num\">%s</td><td class=\"num\">%s</td>",
                         waste_count, waste_share);
  g_assert_nonnull (strstr (html, row));
  sum_row = g_strdup_printf ("<th scope=\"row\">Suma tematów</th><td class=\"num\">%s</td><td class=\"num\">100,0%%</td>", sum_count);
  g_assert_nonnull (strstr (html, sum_row));
  remainder_row = g_strdup_printf ("<th scope=\"row\">Bez przypisanego tematu</th><td class=\"num\">ponad %s</td>", remainder);
  g_assert_nonnull (strstr (html, remainder_row));
  g_assert_nonnull (strstr (html, "transport miejski i\xc2\xa0strefa parkowania"));
  /* every table has a caption; every header cell a scope */
  g_assert_cmpuint (count_matches (html, "<table>"), ==, count_matches (html, "<table>\n<caption"));
  g_assert_cmpuint (count_matches (html, "<th[ >]"), ==, count_matches (html, "<th scope=\"(col|row)\""));
  /* wide tables scroll inside a focusable, named region */
  g_assert_cmpuint (count_matches (html, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"[^\"]+\">\n<table>"),
                    ==, count_matches (html, "<table>"));

  /* charts: inline SVG named by <title> and <desc>, each with its data table */
  svgs = count_matches (html, "<svg ");
  g_assert_cmpuint (svgs, ==, 2 * count_matches (html, "<figure "));
  /* trend, ranking, comparison (2017 has no topics: no year-on-year chart); wide and narrow */
  g_assert_cmpuint (svgs, ==, 6);
  g_assert_cmpuint (count_matches (html, "<svg [^>]*role=\"img\" aria-labelledby=\"(w[0-9][wn]-)title \\1desc\"[^>]*>\n<title id=\"\\1title\">[^<]+</title>\n<desc id=\"\\1desc\">Wykres słupkowy: [^<]+</desc>"),
                    ==, svgs);
  g_assert_nonnull (strstr (html, "<caption id=\"w2-dane\">Dane wykresu: Tematy rozmów w\xc2\xa0" "2018\xc2\xa0r.</caption>"));
  row = (g_free (row), g_strdup_printf ("<th scope=\"row\">gospodarka odpadami</th><td class=\"num\">%s</td><td class=\"num\">%s</td>",
                                        waste_count, waste_share));
  g_assert_nonnull (strstr (html, row));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">2018</th><td class=\"num\">ponad 586\xc2\xa0" "000</td>"));
  g_assert_nonnull (strstr (html, "<th scope=\"row\">2016</th><td class=\"num\">brak danych</td>"));

  /* lists and notes */
  g_assert_nonnull (strstr (html, "<h2 id=\"uslugi\">Usługi i informacje w 2018 r.</h2>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"uwagi\">Uwagi i źródła</h2>"));
  g_assert_nonnull (strstr (html, "wygenerowano 23 listopada 2026"));

  assert_heading_order (html);
  assert_ids (html);
  /* self-contained: nothing loaded from elsewhere, no script */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "src="));
}

/* Names from an import are text, never markup. */
static void
test_html_hostile (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) y = rocznik_year_new (2019);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path ("hostile.html");
  g_autofree char *html = NULL;

  y->organisation = g_strdup ("Urząd <script>alert(1)</script>");
  rocznik_year_add_topic (y, "<img src=x onerror=alert(1)> & \"cytat\"", 400);
  rocznik_year_add_topic (y, "zwykły temat", 100);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  write_report (ws, path);
  html = test_read_file (path);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (html, "<h1>Urząd &lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  /* (one-letter words are glued to the next with U+00A0, as in the PDF) */
  g_assert_nonnull (strstr (html, "<th scope=\"row\">&lt;img src=x\xc2\xa0onerror=alert(1)&gt; &amp; &quot;cytat&quot;</th>"));
  assert_heading_order (html);
  assert_ids (html);
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
  g_test_add_func ("/report/xlsx/many-topics", test_xlsx_many_topics);
  g_test_add_func ("/report/year-without-topics", test_year_without_topics);
  g_test_add_func ("/report/pdf/sample", test_pdf_sample);
  g_test_add_func ("/report/pdf-csv/locale", test_pdf_csv_locale);
  g_test_add_func ("/report/pdf/many-topics", test_pdf_many_topics);
  g_test_add_func ("/report/csv/sample", test_csv_sample);
  g_test_add_func ("/report/csv/hostile", test_csv_hostile);
  g_test_add_func ("/report/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/report/cancelled", test_cancelled);
  g_test_add_func ("/report/topics", test_topics_option);
  g_test_add_func ("/report/file-extension", test_file_extension);
  g_test_add_func ("/report/compare/like-with-like", test_compare_like_with_like);
  g_test_add_func ("/report/compare/declared-only", test_compare_declared_only);
  g_test_add_func ("/report/html/sample", test_html_sample);
  g_test_add_func ("/report/html/hostile", test_html_hostile);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
