/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports that are safe and tell the truth, run as `rocznik --export`:
 * modes kept, links written through, long names, a full disk, a cell too
 * long for Excel; an existing file is never lost. */

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rocznik-test-util.h"

static char *
make_dir (void)
{
  return g_dir_make_tmp ("rocznik-export-XXXXXX", NULL);
}

static char *
workspace_in (const char *dir)
{
  char *ws = g_build_filename (dir, "workspace.db", NULL);
  Run r = { 0 };

  run (&r, "C.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  return ws;
}

static char *
write_text_file (const char *dir,
                 const char *name,
                 const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* No ".rocznik-" temporary file is left in @dir. */
static void
assert_no_temporary (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)))
    g_assert_false (g_str_has_prefix (name, ".rocznik-"));
}

static gboolean
starts_with (const char *path,
             const char *magic)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return len > strlen (magic) && memcmp (data, magic, strlen (magic)) == 0;
}

/* An existing report keeps its mode: private stays private, read-only stays read-only. */
static void
test_modes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  const struct { const char *name; guint mode; const char *magic; } cases[] = {
    { "private.pdf", 0600, "%PDF-" },
    { "read-only.xlsx", 0444, "PK" },
    { "group.png", 0640, "\x89PNG" },
    { "shared.svg", 0664, "<?xml" },
    { "private.csv", 0600, "\xef\xbb\xbf" },
    { "page.html", 0444, "<!DOCTYPE html>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_text_file (dir, cases[i].name, "old");
      Run r = { 0 };

      g_assert_cmpint (g_chmod (path, cases[i].mode), ==, 0);
      run (&r, "pl_PL.UTF-8", "--export", path, "--workspace", ws, NULL);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpuint (mode_of (path), ==, cases[i].mode);
      g_assert_true (starts_with (path, cases[i].magic));
      run_clear (&r);
    }
  assert_no_temporary (dir);
  remove_tree (dir);
}

/* A report that is a symbolic link: the link stays, the file it names is
 * replaced (as editors do), even in another folder or not there yet. */
static void
test_symlink_target (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  g_autofree char *other = g_build_filename (dir, "published", NULL);
  g_autofree char *real = g_build_filename (other, "raport.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "raport.pdf", NULL);
  g_autofree char *dangling_link = g_build_filename (dir, "wykres.svg", NULL);
  g_autofree char *dangling_target = g_build_filename (other, "wykres.svg", NULL);
  g_autofree char *target = NULL;
  Run r = { 0 };

  g_assert_cmpint (g_mkdir (other, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("published/raport.pdf", link), ==, 0);
  run (&r, "pl_PL.UTF-8", "--export", link, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "published/raport.pdf");
  g_assert_true (starts_with (real, "%PDF-"));
  g_assert_cmpuint (mode_of (real), ==, 0600);

  g_assert_cmpint (symlink (dangling_target, dangling_link), ==, 0);
  run (&r, "pl_PL.UTF-8", "--export", dangling_link, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&target, g_free);
  target = g_file_read_link (dangling_link, NULL);
  g_assert_cmpstr (target, ==, dangling_target);
  g_assert_true (starts_with (dangling_target, "<?xml"));
  assert_no_temporary (dir);
  assert_no_temporary (other);
  run_clear (&r);
  remove_tree (dir);
}

/* A legal 250-byte file name: the temporary name must not be longer. */
static void
test_long_name (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  const char *ext[] = { ".png", ".svg", ".pdf", ".xlsx", ".csv", ".html" };

  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *stem = g_strnfill (250 - strlen (ext[i]), 'r');
      g_autofree char *name = g_strconcat (stem, ext[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Run r = { 0 };

      g_assert_cmpuint (strlen (name), ==, 250);
      run (&r, "pl_PL.UTF-8", "--export", path, "--workspace", ws, NULL);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      run_clear (&r);
    }
  remove_tree (dir);
}

static void
limit_file_size (gpointer data)
{
  rlim_t bytes = GPOINTER_TO_UINT (data);
  struct rlimit limit = { bytes, bytes };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A file larger than the account may write (RLIMIT_FSIZE): said in Polish,
 * the old file kept byte for byte, no temporary file left. */
static void
test_too_large (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  g_autofree char *calls = write_text_file (dir, "2018.csv", "Temat;Liczba\nodpady;70055\ntransport;58759\n");
  /* the workspace's shared-memory file (32 KiB) must still fit */
  const struct { const char *name; guint limit; } cases[] = {
    { "r.pdf", 40000 }, { "r.png", 40000 }, { "r.svg", 40000 }, { "r.xlsx", 4096 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_text_file (dir, cases[i].name, "the good old report");
      g_autofree char *before = file_digest (path);
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = NULL;
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "pl_PL.UTF-8", TRUE);
      const char *argv[] = { g_getenv ("ROCZNIK_BIN"), "--export", path, "--workspace", ws, NULL, NULL };
      int status;

      /* the workbook from a file alone: no workspace file at all */
      if (cases[i].limit < 32768)
        {
          argv[3] = calls;
          argv[4] = NULL;
        }
      env = g_environ_unsetenv (env, "LANGUAGE");
      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT,
                                   limit_file_size, GUINT_TO_POINTER (cases[i].limit),
                                   &out, &err, &status, NULL));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      expected = g_strdup_printf ("rocznik: Nie można zapisać %s: plik byłby większy, niż pozwala ten dysk "
                                  "lub to konto; niczego nie zmieniono\n"
                                  "rocznik: Niczego nie wyeksportowano; istniejący plik pozostał bez zmian.\n", path);
      /* libxlsxwriter prints its own English line first; ours ends the output */
      if (g_str_has_suffix (path, ".xlsx"))
        g_assert_true (g_str_has_suffix (err, expected));
      else
        g_assert_cmpstr (err, ==, expected);
      after = file_digest (path);
      g_assert_cmpstr (before, ==, after);
    }
  assert_no_temporary (dir);
  remove_tree (dir);
}

/* A full disk: a 16 KiB tmpfs in a mount namespace of its own (unshare
 * -rm needs no root); each export is refused in Polish, the old file kept. */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  g_autofree char *mount_point = g_build_filename (dir, "small-disk", NULL);
  const char *script =
    "mount -t tmpfs -o size=16k tmpfs \"$1\" || exit 99\n"
    "echo 'the good old report' > \"$1/r.$3\"\n"
    "LC_ALL=pl_PL.UTF-8 \"$0\" --workspace \"$2\" --export \"$1/r.$3\" 2>&1\n"
    "echo \"status $?\"\n"
    "cat \"$1/r.$3\"\n"
    "ls -A \"$1\"\n";
  const char *formats[] = { "pdf", "xlsx", "png", "svg" };

  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *argv[] = { "unshare", "-rm", "sh", "-c", script,
                             g_getenv ("ROCZNIK_BIN"), mount_point, ws, formats[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *expected = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &out, NULL, &status, NULL));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      expected = g_strdup_printf ("rocznik: Nie można zapisać %s/r.%s: na dysku zabrakło miejsca; niczego nie zmieniono\n"
                                  "rocznik: Niczego nie wyeksportowano; istniejący plik pozostał bez zmian.\n"
                                  "status 1\n"
                                  "the good old report\n"
                                  "r.%s\n", mount_point, formats[i], formats[i]);
      g_assert_cmpstr (out, ==, expected);
    }
  remove_tree (dir);
}

/* Runs @sql, one statement binding @text as ?1, on the workspace @ws. */
static void
workspace_set_text (const char *ws,
                    const char *sql,
                    const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (ws, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Exports the workbook of @year (NULL: the newest) of @ws into an existing
 * r.xlsx in @dir: refused in Polish, naming @cell on @sheet as too long;
 * the old file kept, no temporary file left; then the same with no file
 * there before. */
static void
assert_too_long_refused (const char *dir,
                         const char *ws,
                         const char *year,
                         const char *cell,
                         const char *sheet)
{
  g_autofree char *path = write_text_file (dir, "r.xlsx", "the good old report");
  g_autofree char *before = file_digest (path);

  for (int existing = 1; existing >= 0; existing--)
    {
      g_autofree char *after = NULL;
      g_autofree char *expected = NULL;
      Run r = { 0 };

      /* the second time with no file there before: none is spoken of, none appears */
      if (!existing)
        g_assert_cmpint (g_remove (path), ==, 0);
      if (year)
        run (&r, "pl_PL.UTF-8", "--export", path, "--year", year, "--workspace", ws, NULL);
      else
        run (&r, "pl_PL.UTF-8", "--export", path, "--workspace", ws, NULL);
      g_assert_cmpint (r.status, ==, 1);
      expected = g_strdup_printf ("rocznik: Nie można zapisać %s: tekst komórki %s w arkuszu „%s” jest dłuższy, "
                                  "niż Excel pozwala w jednej komórce (32 767 znaków); skróć ten tekst "
                                  "i wyeksportuj ponownie\n"
                                  "rocznik: %s\n",
                                  path, cell, sheet,
                                  existing ? "Niczego nie wyeksportowano; istniejący plik pozostał bez zmian."
                                           : "Niczego nie wyeksportowano.");
      g_assert_cmpstr (r.err, ==, expected);
      if (existing)
        {
          after = file_digest (path);
          g_assert_cmpstr (before, ==, after);
        }
      else
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      assert_no_temporary (dir);
      run_clear (&r);
    }
}

/* A text over Excel's 32 767 characters in a cell (here a paragraph of a
 * year's notes; imported topic names are shorter) is refused, never left out. */
static void
test_cell_too_long (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = workspace_in (dir);
  g_autofree char *notes = NULL;
  g_autofree char *long_text = g_strnfill (40000, 'x');

  /* as a workspace written by another program could hold it */
  notes = g_strconcat ("Pierwszy akapit.\n", long_text, NULL);
  workspace_set_text (ws, "UPDATE year SET notes = ?1 WHERE year = 2018", notes);
  /* 17 topics from row 5, the sum in 22, two rows aside, „Uwagi” in 26,
   * then one row a paragraph: the second is A28 */
  assert_too_long_refused (dir, ws, NULL, "A28", "2018");
  remove_tree (dir);
}

/* The same on a sheet about calls: the one error path of the workbook
 * names the sheet „Kanały” and the cell, and writes nothing. */
static void
test_calls_cell_too_long (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *calls = write_text_file (dir, "rozmowy-2019.csv",
                                            "Data;Temat;Kanał\n"
                                            "2019-03-04 09:15;odpady;telefon\n"
                                            "2019-03-04 10:20;odpady;e-mail\n"
                                            "2019-05-06 11:00;transport;telefon\n");
  g_autofree char *name = NULL;
  g_autofree char *long_text = g_strnfill (40000, 'x');
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", calls, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  /* the largest channel (2 calls of 3), named in the sheet's first
   * sentence: A2, under the title */
  name = g_strconcat ("telefon ", long_text, NULL);
  workspace_set_text (ws, "UPDATE call_channel SET name = ?1 WHERE year = 2019 AND name = 'telefon'", name);
  assert_too_long_refused (dir, ws, "2019", "A2", "Kanały");
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-safe/modes", test_modes);
  g_test_add_func ("/export-safe/symlink-target", test_symlink_target);
  g_test_add_func ("/export-safe/long-name", test_long_name);
  g_test_add_func ("/export-safe/too-large", test_too_large);
  g_test_add_func ("/export-safe/disk-full", test_disk_full);
  g_test_add_func ("/export-safe/cell-too-long", test_cell_too_long);
  g_test_add_func ("/export-safe/calls-cell-too-long", test_calls_cell_too_long);
  return g_test_run ();
}
