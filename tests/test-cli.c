/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless command line, run as a user would: exit codes, output, locale. */

#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-test-util.h"

static char *
temp_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-cli-XXXXXX", NULL);
  return g_build_filename (dir, "workspace.db", NULL);
}

static void
test_list (void)
{
  g_autofree char *ws = temp_workspace ();
  g_auto(GStrv) lines = NULL;
  Run c = { 0 }, pl = { 0 };

  run (&c, "C.UTF-8", "--list", "--year", "2018", "--workspace", ws, NULL);
  g_assert_cmpint (c.status, ==, 0);
  lines = g_strsplit (c.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 19);  /* 17 topics, Razem, "" */
  g_assert_true (g_str_has_prefix (lines[0], "sprawy ogólne (w tym Poznański Budżet Obywatelski, działania na rzecz seniorów)\t100990\t26.0"));
  g_assert_cmpstr (lines[1], ==, "gospodarka odpadami\t70055\t18.0");
  g_assert_cmpstr (lines[3], ==, "transport miejski i strefa parkowania\t58759\t15.1");
  g_assert_cmpstr (lines[16], ==, "Powstanie Wielkopolskie\t192\t0.0");
  g_assert_cmpstr (lines[17], ==, "Razem\t388468\t100.0");
  g_assert_cmpstr (lines[18], ==, "");

  /* scripts get the same bytes under a Polish locale (no decimal comma) */
  run (&pl, "pl_PL.UTF-8", "--list", "--year", "2018", "--workspace", ws, NULL);
  g_assert_cmpint (pl.status, ==, 0);
  g_assert_cmpstr (pl.out, ==, c.out);
  run_clear (&c);
  run_clear (&pl);
}

static void
test_errors (void)
{
  g_autofree char *ws = temp_workspace ();
  Run r = { 0 };

  run (&r, "C.UTF-8", "--list", "--year", "2016", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "2016"));
  run_clear (&r);

  run (&r, "pl_PL.UTF-8", "--list", "--year", "2016", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Roku 2016 nie ma w obszarze roboczym"));
  run_clear (&r);

  run (&r, "C.UTF-8", "--no-such-option", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  run (&r, "C.UTF-8", "--list", "--year", "dwa tysiące", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  run (&r, "C.UTF-8", "--list", "--export", "x.pdf", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  /* a file that is not a workspace is refused and left alone */
  g_assert_true (g_file_set_contents (ws, "to nie jest baza danych, tylko tekst", -1, NULL));
  run (&r, "pl_PL.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, ws));
  run_clear (&r);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (ws, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "to nie jest baza danych, tylko tekst");
  }
}

static void
test_version_help (void)
{
  Run r = { 0 };

  run (&r, "C.UTF-8", "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "rocznik "));
  run_clear (&r);

  run (&r, "pl_PL.UTF-8", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--workspace"));
  g_assert_nonnull (strstr (r.out, "Wypisuje tematy roku jako TSV"));
  run_clear (&r);
}

/* The standard output of a tool (poppler-utils) that must succeed. */
static char *
tool_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };

  return tool_output (argv);
}

/* Same parts in both workbooks, the timestamps in docProps/core.xml aside. */
static void
assert_same_xlsx (const char *a,
                  const char *b)
{
  const char *script =
    "import sys, zipfile\n"
    "za, zb = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])\n"
    "assert sorted(za.namelist()) == sorted(zb.namelist())\n"
    "for n in za.namelist():\n"
    "    assert n == 'docProps/core.xml' or za.read(n) == zb.read(n), n\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, a, b, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s and %s differ: %s", a, b, err);
}

static void
test_export (void)
{
  g_autofree char *ws = temp_workspace ();
  g_autofree char *dir = g_path_get_dirname (ws);
  const char *formats[] = { "xlsx", "pdf", "csv" };
  Run r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *c_name = g_strdup_printf ("c.%s", formats[i]);
      g_autofree char *pl_name = g_strdup_printf ("pl.%s", formats[i]);
      g_autofree char *c = g_build_filename (dir, c_name, NULL);
      g_autofree char *pl = g_build_filename (dir, pl_name, NULL);

      run (&r, "C.UTF-8", "--export", c, "--workspace", ws, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      run_clear (&r);
      run (&r, "pl_PL.UTF-8", "--export", pl, "--year", "2018", "--workspace", ws, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);

      if (i == 0)
        assert_same_xlsx (c, pl);
      else if (i == 1)
        {
          g_autofree char *a = pdf_text (c);
          g_autofree char *b = pdf_text (pl);

          g_assert_nonnull (strstr (a, "Biuro Poznań Kontakt przeprowadziło ponad 586"));
          g_assert_cmpstr (a, ==, b);
        }
      else
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          g_assert_true (g_file_get_contents (c, &a, NULL, NULL));
          g_assert_true (g_file_get_contents (pl, &b, NULL, NULL));
          g_assert_nonnull (strstr (a, "\"gospodarka odpadami\";70055;18,0"));
          g_assert_cmpstr (a, ==, b);
        }
    }

  run (&r, "C.UTF-8", "--export", "raport.odt", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  run (&r, "C.UTF-8", "--export", "/nonexistent-rocznik-dir/raport.pdf", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent-rocznik-dir"));
  run_clear (&r);

  /* a failed export leaves the file that was there */
  {
    g_autofree char *keep = g_build_filename (dir, "keep.pdf", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (keep, "stary raport", -1, NULL));
    run (&r, "pl_PL.UTF-8", "--export", keep, "--year", "1999", "--workspace", ws, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "1999"));
    run_clear (&r);
    g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "stary raport");
  }

  {
    g_autofree char *chosen = g_build_filename (dir, "wybrane.xlsx", NULL);

    run (&r, "C.UTF-8", "--export", chosen, "--topics", "gospodarka odpadami;transport",
         "--workspace", ws, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_clear (&r);
    run (&r, "C.UTF-8", "--export", chosen, "--topics", "lotnisko", "--workspace", ws, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "lotnisko"));
    run_clear (&r);
  }
}

/* --export with FILEs: a report of those files alone; the user's
 * workspace is neither read nor created. */
static void
test_export_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-cli-XXXXXX", NULL);
  g_autofree char *xdg = g_build_filename (dir, "xdg", NULL);
  g_autofree char *out = g_build_filename (dir, "wide.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "wide.csv", NULL);
  g_autofree char *wide = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "wide-2017-2019.csv", NULL);
  g_autofree char *seed = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "seed-2018-cp1250.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *saved_xdg = g_strdup (g_getenv ("XDG_DATA_HOME"));
  Run r = { 0 };

  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  run (&r, "pl_PL.UTF-8", "--export", out, "--year", "2018", wide, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  run (&r, "C.UTF-8", "--export", csv, "--year", "2018", "--compare", "2017", wide, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"Temat\";\"Liczba rozmów 2018\";\"Udział (%)\";\"Liczba rozmów 2017\";\"Zmiana\";\"Zmiana (%)\"\r\n"));
  g_assert_nonnull (strstr (text, "\"gospodarka odpadami\";70055;53,8;65000;5055;7,8\r\n"));

  /* the seed file alone: no year in it, --year names it */
  run (&r, "C.UTF-8", "--export", csv, "--year", "2018", seed, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* two files with the same year: refused, nothing written over */
  run (&r, "C.UTF-8", "--export", csv, "--year", "2018", seed, wide, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "2018"));
  run_clear (&r);

  g_assert_false (g_file_test (xdg, G_FILE_TEST_EXISTS));
  g_setenv ("XDG_DATA_HOME", saved_xdg, TRUE);
}

static char *
pdf_fonts (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };

  return tool_output (argv);
}

static void
export_pdf (const char *ws,
            const char *path)
{
  Run r = { 0 };

  run (&r, "pl_PL.UTF-8", "--export", path, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  run_clear (&r);
}

/* The report's font files are remembered in the cache folder: a report
 * from the cache, or from a cache that lies, has the same fonts and text. */
static void
test_export_font_cache (void)
{
  g_autofree char *ws = temp_workspace ();
  g_autofree char *dir = g_path_get_dirname (ws);
  g_autofree char *cache_home = g_build_filename (dir, "cache", NULL);
  g_autofree char *cache = g_build_filename (cache_home, "rocznik", "report-fonts", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("XDG_CACHE_HOME"));
  g_autofree char *first = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *cached = g_build_filename (dir, "cached.pdf", NULL);
  g_autofree char *stale = g_build_filename (dir, "stale.pdf", NULL);
  g_autofree char *text = NULL, *fonts = NULL, *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_files = 0;

  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  export_pdf (ws, first);
  text = pdf_text (first);
  fonts = pdf_fonts (first);
  g_assert_nonnull (strstr (text, "Biuro Poznań Kontakt przeprowadziło ponad 586"));
  g_assert_nonnull (strstr (fonts, "Cantarell-Regular"));
  g_assert_nonnull (strstr (fonts, "Cantarell-Bold"));
  g_assert_nonnull (strstr (fonts, "P052-Roman"));

  /* the cache names four font files that exist */
  g_assert_true (g_file_get_contents (cache, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] == 'F')
      {
        g_assert_true (g_file_test (strrchr (lines[i], ' ') + 1, G_FILE_TEST_IS_REGULAR));
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, 4);
  g_assert_nonnull (strstr (contents, "Cantarell"));

  {
    g_autofree char *t = NULL, *f = NULL;

    export_pdf (ws, cached);
    t = pdf_text (cached);
    f = pdf_fonts (cached);
    g_assert_cmpstr (t, ==, text);
    g_assert_cmpstr (f, ==, fonts);
  }

  /* files that are gone, then garbage: fontconfig is asked again */
  {
    const char *lies[] = {
      "rocznik report fonts 1\nF 0.0 0 /nonexistent/a.otf\nF 0.0 0 /nonexistent/b.otf\n"
      "F 0.0 0 /nonexistent/c.otf\nF 0.0 0 /nonexistent/d.ttf\n",
      "F F F F\nF\nF x\nF 1 2\n\xff\xfe",
    };

    for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
      {
        g_autofree char *t = NULL, *f = NULL, *again = NULL;

        g_assert_true (g_file_set_contents (cache, lies[i], -1, NULL));
        export_pdf (ws, stale);
        t = pdf_text (stale);
        f = pdf_fonts (stale);
        g_assert_cmpstr (t, ==, text);
        g_assert_cmpstr (f, ==, fonts);
        g_assert_true (g_file_get_contents (cache, &again, NULL, NULL));
        g_assert_cmpstr (again, ==, contents);
      }
  }

  if (saved)
    g_setenv ("XDG_CACHE_HOME", saved, TRUE);
  else
    g_unsetenv ("XDG_CACHE_HOME");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/version-help", test_version_help);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-files", test_export_files);
  g_test_add_func ("/cli/export-font-cache", test_export_font_cache);
  return g_test_run ();
}
