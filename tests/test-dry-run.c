/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `rocznik --import --dry-run`, --list and --export only read: an older
 * workspace is not upgraded, the file keeps its bytes and time, and no file
 * appears beside it; what the dry run says stays exact. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rocznik-test-util.h"

#define NBSP "\u00a0"

/* What a read must leave as it was: the bytes, the time, the folder. */
typedef struct
{
  char   *digest;
  gint64  mtime_ns;
  char   *listing;
} FileState;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
state_take (FileState  *s,
            const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  s->digest = file_digest (path);
  s->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  s->listing = listing (dir);
}

static void
state_clear (FileState *s)
{
  g_clear_pointer (&s->digest, g_free);
  g_clear_pointer (&s->listing, g_free);
}

static void
assert_unchanged (const FileState *before,
                  const char      *path)
{
  FileState now = { 0 };

  state_take (&now, path);
  g_assert_cmpstr (now.digest, ==, before->digest);
  g_assert_cmpint (now.mtime_ns, ==, before->mtime_ns);
  g_assert_cmpstr (now.listing, ==, before->listing);
  state_clear (&now);
}

static const char *const topics[] = { "Wywóz śmieci", "Karta Poznaniaka", "Zieleń miejska" };

/* A per-call export as a call-centre system saves it for Excel: UTF-8 with
 * a BOM, CRLF, every field quoted, dates "dd.mm.yyyy hh:mm". Topic t gets
 * counts[t] calls; every third call came by e-mail, the rest by phone. */
static void
write_export (const char   *path,
              int           year,
              const gint64 *counts)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf\"Data zgłoszenia\";\"Temat\";\"Kanał\"\r\n");
  gint64 row = 0;

  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    for (gint64 j = 0; j < counts[t]; j++, row++)
      g_string_append_printf (out, "\"%02d.%02d.%d %02d:%02d\";\"%s\";\"%s\"\r\n",
                              (int) (1 + row % 28), (int) (1 + row % 12), year, (int) (7 + row % 13),
                              (int) (row % 60), topics[t], row % 3 == 2 ? "E-mail" : "Telefon");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (to, bytes, len, NULL));
}

/* One value of the database at @path, read with SQLite (no Rocznik); the
 * last connection to close removes a WAL file's -wal and -shm. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
query (const char *path,
       const char *sql)
{
  g_autofree char *text = query_text (path, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* The dry run's lines for one file of write_export(): @suffix is how the
 * year relates to the workspace. */
static char *
expected_summary (const char   *name,
                  int           year,
                  const gint64 *counts,
                  const char   *suffix)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *total_text = NULL;
  GString *s = g_string_new (NULL);
  gint64 total = 0;

  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      total += counts[t];
      g_array_append_val (order, t);
    }
  /* largest first (the counts differ) */
  for (guint i = 0; i < order->len; i++)
    for (guint j = i + 1; j < order->len; j++)
      if (counts[g_array_index (order, guint, j)] > counts[g_array_index (order, guint, i)])
        {
          guint tmp = g_array_index (order, guint, i);
          g_array_index (order, guint, i) = g_array_index (order, guint, j);
          g_array_index (order, guint, j) = tmp;
        }
  total_text = test_grouped (total, NBSP);
  /* the totals chosen end in 0 or 5–9: "rekordów" */
  g_assert_true (total % 10 == 0 || total % 10 >= 5);
  g_string_append_printf (s, "%s: tekst z separatorami, separator: średnik „;”, kodowanie: UTF-8, końce wierszy: CRLF\n"
                             "Układ: jeden wiersz na rozmowę, zliczane według tematu i miesiąca\n"
                             "Kolumny: data rozmowy „Data zgłoszenia”, temat „Temat”, kanał „Kanał”\n"
                             "Zliczono %s rekordów rozmów\n"
                             "%d: 3 tematy, liczba rozmów %s, godziny tygodnia, 2 kanały%s\n"
                             "Największe tematy roku %d:\n",
                          name, total_text, year, total_text, suffix, year);
  for (guint i = 0; i < order->len; i++)
    {
      guint t = g_array_index (order, guint, i);
      g_autofree char *n = test_grouped (counts[t], NBSP);

      g_string_append_printf (s, "  %s — %s\n", topics[t], n);
    }
  g_string_append (s, "Próba: niczego nie zapisano.\n");
  return g_string_free (s, FALSE);
}

/* A version-2 workspace (Rocznik before per-call profiles): the dry run
 * reads it as upgraded (2020 is "already in the workspace") and leaves it
 * at version 2, byte for byte; so do --list and --export. */
static void
test_old_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-dry-run-XXXXXX", NULL);
  g_autofree char *fixture = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "workspace-v2.db", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *csv = g_build_filename (data_dir, "zgloszenia-2020.csv", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "raport.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *razem = NULL;
  const gint64 counts[] = { 1207, 350, 18 };
  FileState before = { 0 };
  gint64 sum2020;
  Run r = { 0 };

  copy_file (fixture, ws);
  g_assert_cmpint (query (ws, "PRAGMA user_version"), ==, 2);
  sum2020 = query (ws, "SELECT sum(count) FROM year_topic WHERE year = 2020");
  g_assert_cmpint (sum2020, >, 0);
  g_assert_cmpint (g_mkdir (data_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  write_export (csv, 2020, counts);
  state_take (&before, ws);

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--workspace", ws, csv, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  expected = expected_summary ("zgloszenia-2020.csv", 2020, counts, " – już jest w obszarze roboczym");
  g_assert_cmpstr (r.out, ==, expected);
  assert_unchanged (&before, ws);
  g_assert_cmpint (query (ws, "PRAGMA user_version"), ==, 2);

  /* plain reads leave it as it was too */
  run (&r, "C.UTF-8", "--list", "--year", "2020", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  razem = g_strdup_printf ("\nRazem\t%" G_GINT64_FORMAT "\t100.0\n", sum2020);
  g_assert_true (g_str_has_suffix (r.out, razem));
  run (&r, "C.UTF-8", "--list", "--year", "2020", "--by", "month", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&r, "C.UTF-8", "--export", pdf, "--year", "2020", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  assert_unchanged (&before, ws);

  /* an import that stores upgrades it, as the window does */
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", ws, csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (query (ws, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query (ws, "SELECT sum(count) FROM year_topic WHERE year = 2020"), ==, 1207 + 350 + 18);
  state_clear (&before);
  run_clear (&r);
  remove_tree (dir);
}

/* A workspace of this version, in WAL mode: a dry run must not leave
 * SQLite's -wal and -shm beside it; a year not stored reads as new. */
static void
test_current_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-dry-run-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *csv2019 = g_build_filename (data_dir, "2019.csv", NULL);
  g_autofree char *csv2012 = g_build_filename (data_dir, "2012.csv", NULL);
  g_autofree char *expected = NULL;
  const gint64 counts2019[] = { 40, 12, 3 };
  const gint64 counts2012[] = { 9, 200, 1 };
  FileState before = { 0 };
  Run r = { 0 };

  g_assert_cmpint (g_mkdir (data_dir, 0755), ==, 0);
  write_export (csv2019, 2019, counts2019);
  write_export (csv2012, 2012, counts2012);
  run (&r, "C.UTF-8", "--import", "--workspace", ws, csv2019, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (query (ws, "PRAGMA user_version"), ==, 3);
  {
    g_autofree char *mode = query_text (ws, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  state_take (&before, ws);
  g_assert_cmpstr (before.listing, ==, "data\nworkspace.db");

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--workspace", ws, csv2012, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  expected = expected_summary ("2012.csv", 2012, counts2012, "");
  g_assert_cmpstr (r.out, ==, expected);
  assert_unchanged (&before, ws);

  g_free (expected);
  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--workspace", ws, csv2019, NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = expected_summary ("2019.csv", 2019, counts2019, " – już jest w obszarze roboczym");
  g_assert_cmpstr (r.out, ==, expected);
  assert_unchanged (&before, ws);

  run (&r, "C.UTF-8", "--list", "--year", "2019", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "\nRazem\t55\t100.0\n"));
  assert_unchanged (&before, ws);
  state_clear (&before);
  run_clear (&r);
  remove_tree (dir);
}

/* Another program has the workspace open (its -wal is there): the dry run
 * reads under SQLite's locks and sees what that program stored. */
static void
test_workspace_in_use (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-dry-run-XXXXXX", NULL);
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "2019.csv", NULL);
  g_autofree char *expected = NULL;
  const gint64 counts[] = { 5, 6, 69 };
  sqlite3 *other = NULL;
  Run r = { 0 };

  write_export (csv, 2019, counts);
  run (&r, "C.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (ws, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* a year 2019 stored by the other program, not yet checkpointed */
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA wal_autocheckpoint = 0; "
                                        "INSERT INTO year (year, organisation) VALUES (2019, 'Inny program')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (ws, G_FILE_TEST_EXISTS));

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--workspace", ws, csv, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  expected = expected_summary ("2019.csv", 2019, counts, " – już jest w obszarze roboczym");
  g_assert_cmpstr (r.out, ==, expected);
  sqlite3_close (other);
  run_clear (&r);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dry-run/old-workspace", test_old_workspace);
  g_test_add_func ("/dry-run/current-workspace", test_current_workspace);
  g_test_add_func ("/dry-run/workspace-in-use", test_workspace_in_use);
  return g_test_run ();
}
