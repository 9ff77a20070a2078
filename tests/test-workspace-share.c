/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One workspace, several programs: `rocznik` run as users would, at once,
 * killed half-way, against a lock; the file is read back with SQLite. */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rocznik-test-util.h"

#define SAMPLE_2018 388468
#define IN_USE_PL "jest używany przez inny program Rocznik; spróbuj ponownie, gdy tamten skończy\n"

static char *
temp_dir (void)
{
  return g_dir_make_tmp ("rocznik-share-XXXXXX", NULL);
}

/* A per-call file of @year: topic i ("Temat A", "Temat B"…) gets counts[i]
 * calls, one row each. */
static void
write_calls_named (const char   *path,
                   int           year,
                   const gint64 *counts,
                   guint         n_topics)
{
  g_autoptr(GString) out = g_string_new ("data i godzina;temat;czas trwania\n");

  for (guint t = 0; t < n_topics; t++)
    for (gint64 j = 0; j < counts[t]; j++)
      g_string_append_printf (out, "%d-%02d-%02d %02d:%02d:%02d;Temat %c;00:%02d:%02d\n",
                              year, (int) (1 + j % 12), (int) (1 + j % 28), (int) (7 + j % 12),
                              (int) (j % 60), (int) ((j * 7) % 60), 'A' + t, (int) (j % 20), (int) ((j * 13) % 60));
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
}

/* The sum of a year's topics as stored, -1 when the year is absent. */
static gint64
stored_sum (const char *db_path,
            int         year)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 sum = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM year WHERE year = ?1), "
                                       "(SELECT sum(count) FROM year_topic WHERE year = ?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, year);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int (stmt, 0) == 1)
    sum = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sum;
}

static char *
integrity (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* `rocznik ARGS…` started, not waited for; output to files in @dir. */
static GPid
start (const char *dir,
       const char *tag,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "pl_PL.UTF-8", TRUE);
  g_autofree char *out = g_strdup_printf ("%s/%s.out", dir, tag);
  g_autofree char *err = g_strdup_printf ("%s/%s.err", dir, tag);
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  GPid pid;
  int out_fd, err_fd;

  g_ptr_array_add (argv, g_strdup (g_getenv ("ROCZNIK_BIN")));
  va_start (ap, tag);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "LANGUAGE");
  out_fd = g_open (out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  err_fd = g_open (err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                         NULL, NULL, &pid, -1, out_fd, err_fd, &error));
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);
  return pid;
}

/* Exit status, or 128 + signal. */
static int
finish (GPid pid)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

static char *
slurp (const char *dir,
       const char *tag,
       const char *ext)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, tag, ext);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
assert_in_use (const char *err,
               const char *ws)
{
  g_autofree char *expected = g_strdup_printf ("rocznik: Obszar roboczy %s " IN_USE_PL, ws);

  g_assert_cmpstr (err, ==, expected);
}

static void
test_kill_during_import (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *scratch = g_build_filename (dir, "scratch.db", NULL);
  g_autofree char *small = g_build_filename (dir, "small-2019.csv", NULL);
  g_autofree char *big = g_build_filename (dir, "big-2019.csv", NULL);
  const gint64 small_counts[] = { 30, 20, 7 };
  const gint64 big_counts[] = { 150000, 120000, 90000, 60000, 30000, 1234 };
  gint64 small_sum = 30 + 20 + 7;
  gint64 big_sum = 150000 + 120000 + 90000 + 60000 + 30000 + 1234;
  gint64 t0, duration;
  guint before_done = 0, after_done = 0;
  Run r = { 0 };

  write_calls_named (small, 2019, small_counts, G_N_ELEMENTS (small_counts));
  write_calls_named (big, 2019, big_counts, G_N_ELEMENTS (big_counts));
  run (&r, "C.UTF-8", "--import", "--workspace", ws, small, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (stored_sum (ws, 2019), ==, small_sum);

  /* how long an import of the big file takes here, to kill it all along */
  t0 = g_get_monotonic_time ();
  run (&r, "C.UTF-8", "--import", "--workspace", scratch, big, NULL);
  duration = g_get_monotonic_time () - t0;
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (stored_sum (scratch, 2019), ==, big_sum);

  for (int k = 0; k < 16; k++)
    {
      GPid pid = start (dir, "kill", "--import", "--replace", "--workspace", ws, big, NULL);
      g_autofree char *check = NULL;
      gint64 now2019;
      int status;

      g_usleep (duration * k / 14);
      kill (pid, SIGKILL);
      status = finish (pid);
      if (status == 128 + SIGKILL)
        before_done++;
      else
        {
          g_assert_cmpint (status, ==, 0);
          after_done++;
        }

      check = integrity (ws);
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpint (stored_sum (ws, 2018), ==, SAMPLE_2018);
      g_assert_cmpint (stored_sum (ws, 2017), ==, stored_sum (scratch, 2017));
      now2019 = stored_sum (ws, 2019);
      g_assert_true (now2019 == small_sum || now2019 == big_sum);
      /* put the small 2019 back for the next round */
      if (now2019 == big_sum)
        {
          run (&r, "C.UTF-8", "--import", "--replace", "--workspace", ws, small, NULL);
          g_assert_cmpint (r.status, ==, 0);
        }
    }
  g_test_message ("big import %.0f ms; killed before it ended %u times, after %u",
                  duration / 1e3, before_done, after_done);
  g_assert_cmpuint (before_done, >, 0);
  run_clear (&r);
  remove_tree (dir);
}

/* Two first imports into a workspace that does not exist yet. */
static void
test_two_first_imports (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a-2019.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b-2022.csv", NULL);
  const gint64 a_counts[] = { 40000, 30000, 11 };
  const gint64 b_counts[] = { 25000, 5, 17000, 3 };
  guint both = 0;

  write_calls_named (a, 2019, a_counts, G_N_ELEMENTS (a_counts));
  write_calls_named (b, 2022, b_counts, G_N_ELEMENTS (b_counts));
  for (int round = 0; round < 12; round++)
    {
      g_autofree char *ws = g_strdup_printf ("%s/new-%d/workspace.db", dir, round);
      GPid pa = start (dir, "a", "--import", "--workspace", ws, a, NULL);
      GPid pb = start (dir, "b", "--import", "--workspace", ws, b, NULL);
      int sa = finish (pa), sb = finish (pb);
      g_autofree char *ea = slurp (dir, "a", "err");
      g_autofree char *eb = slurp (dir, "b", "err");
      g_autofree char *check = integrity (ws);

      g_assert_cmpstr (check, ==, "ok");
      /* the sample is there once, whoever created the workspace */
      g_assert_cmpint (stored_sum (ws, 2018), ==, SAMPLE_2018);
      if (sa == 0)
        g_assert_cmpint (stored_sum (ws, 2019), ==, 40000 + 30000 + 11);
      else
        {
          g_assert_cmpint (sa, ==, 1);
          assert_in_use (ea, ws);
          g_assert_cmpint (stored_sum (ws, 2019), ==, -1);
        }
      if (sb == 0)
        g_assert_cmpint (stored_sum (ws, 2022), ==, 25000 + 5 + 17000 + 3);
      else
        {
          g_assert_cmpint (sb, ==, 1);
          assert_in_use (eb, ws);
          g_assert_cmpint (stored_sum (ws, 2022), ==, -1);
        }
      both += sa == 0 && sb == 0;
    }
  g_test_message ("both imports landed in %u of 12 rounds", both);
  g_assert_cmpuint (both, ==, 12);
  remove_tree (dir);
}

/* Two imports at once into a workspace of an older Rocznik (format 2, no
 * WAL): both switch it to WAL and upgrade it; SQLite does not wait when a
 * read turns into that write, and the one that came second was told the
 * workspace was in use. Both must land; the upgrade happens once. */
static void
test_two_imports_old_workspace (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *fixture = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), "workspace-v2.db", NULL);
  g_autofree char *a = g_build_filename (dir, "a-2019.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b-2022.csv", NULL);
  g_autofree char *bytes = NULL;
  const gint64 a_counts[] = { 4000, 3000, 11 };
  const gint64 b_counts[] = { 2500, 5, 1700, 3 };
  gsize len = 0;
  gint64 sum2020;

  g_assert_true (g_file_get_contents (fixture, &bytes, &len, NULL));
  sum2020 = -1;
  write_calls_named (a, 2019, a_counts, G_N_ELEMENTS (a_counts));
  write_calls_named (b, 2022, b_counts, G_N_ELEMENTS (b_counts));
  for (int round = 0; round < 12; round++)
    {
      g_autofree char *ws = g_strdup_printf ("%s/old-%d.db", dir, round);
      g_autofree char *check = NULL;
      g_autofree char *ea = NULL;
      g_autofree char *eb = NULL;
      GPid pa, pb;
      int sa, sb;

      g_assert_true (g_file_set_contents (ws, bytes, len, NULL));
      if (sum2020 < 0)
        sum2020 = stored_sum (ws, 2020);
      pa = start (dir, "a", "--import", "--workspace", ws, a, NULL);
      pb = start (dir, "b", "--import", "--workspace", ws, b, NULL);
      sa = finish (pa);
      sb = finish (pb);
      ea = slurp (dir, "a", "err");
      eb = slurp (dir, "b", "err");
      g_assert_cmpstr (ea, ==, "");
      g_assert_cmpstr (eb, ==, "");
      g_assert_cmpint (sa, ==, 0);
      g_assert_cmpint (sb, ==, 0);
      check = integrity (ws);
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpint (stored_sum (ws, 2019), ==, 4000 + 3000 + 11);
      g_assert_cmpint (stored_sum (ws, 2022), ==, 2500 + 5 + 1700 + 3);
      g_assert_cmpint (stored_sum (ws, 2020), ==, sum2020);
    }
  g_assert_cmpint (sum2020, >, 0);
  remove_tree (dir);
}

/* Two imports of the same year at once: one lands, the other is told the
 * year is stored (checked under the write lock), never replaced unasked. */
static void
test_same_year_at_once (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *a = g_build_filename (dir, "a-2019.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b-2019.csv", NULL);
  const gint64 a_counts[] = { 3000, 2000, 7 };
  const gint64 b_counts[] = { 2000, 3000, 9 };
  const gint64 a_sum = 3000 + 2000 + 7, b_sum = 2000 + 3000 + 9;
  guint a_won = 0, b_won = 0;
  Run r = { 0 };

  write_calls_named (a, 2019, a_counts, G_N_ELEMENTS (a_counts));
  write_calls_named (b, 2019, b_counts, G_N_ELEMENTS (b_counts));
  run (&r, "C.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (int round = 0; round < 12; round++)
    {
      GPid pa = start (dir, "a", "--import", "--workspace", ws, a, NULL);
      GPid pb = start (dir, "b", "--import", "--workspace", ws, b, NULL);
      int sa = finish (pa), sb = finish (pb);
      g_autofree char *ea = slurp (dir, "a", "err");
      g_autofree char *eb = slurp (dir, "b", "err");
      const char *told = sa == 0 ? eb : ea;
      const char *loser = sa == 0 ? "b-2019.csv" : "a-2019.csv";
      g_autofree char *expected = g_strdup_printf ("rocznik: plik %s: rok 2019 jest już w obszarze roboczym; "
                                                   "wybierz opcję zastąpienia\n"
                                                   "Niczego nie zaimportowano. Użyj --replace, aby zastąpić zapisany rok.\n",
                                                   loser);

      g_assert_cmpint (sa + sb, ==, 1);
      g_assert_cmpstr (told, ==, expected);
      g_assert_cmpint (stored_sum (ws, 2019), ==, sa == 0 ? a_sum : b_sum);
      a_won += sa == 0;
      b_won += sb == 0;
      /* taken out again for the next round, as another program would */
      {
        sqlite3 *db = NULL;

        g_assert_cmpint (sqlite3_open_v2 (ws, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM year WHERE year = 2019",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
      }
      g_assert_cmpint (stored_sum (ws, 2019), ==, -1);
    }
  g_test_message ("the first file landed %u times, the second %u", a_won, b_won);
  run_clear (&r);
  remove_tree (dir);
}

/* --list while a large import stores: never „damaged”, always the data. */
static void
test_list_during_import (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *big = g_build_filename (dir, "big-2018.csv", NULL);
  const gint64 counts[] = { 200000, 150000, 100000, 2 };
  guint lists = 0;
  Run r = { 0 };
  GPid pid;
  int status = -1;

  write_calls_named (big, 2019, counts, G_N_ELEMENTS (counts));
  run (&r, "C.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (int round = 0; round < 3; round++)
    {
      pid = start (dir, "import", "--import", "--replace", "--workspace", ws, big, NULL);
      do
        {
          run (&r, "pl_PL.UTF-8", "--list", "--year", "2018", "--workspace", ws, NULL);
          g_assert_cmpstr (r.err, ==, "");
          g_assert_cmpint (r.status, ==, 0);
          g_assert_true (g_str_has_suffix (r.out, "\nRazem\t388468\t100.0\n"));
          lists++;
        }
      while (waitpid (pid, &status, WNOHANG) == 0);
      g_spawn_close_pid (pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_cmpint (stored_sum (ws, 2019), ==, 200000 + 150000 + 100000 + 2);
    }
  g_test_message ("%u lists during 3 imports", lists);
  run_clear (&r);
  remove_tree (dir);
}

/* Holds the write lock of @path as another program would. */
static sqlite3 *
hold_lock (const char *path,
           const char *how)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, how, NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
test_locked (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *file = g_build_filename (dir, "2019.csv", NULL);
  const gint64 counts[] = { 12, 30 };
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  sqlite3 *other;
  Run r = { 0 };
  GPid pid;

  write_calls_named (file, 2019, counts, G_N_ELEMENTS (counts));
  run (&r, "C.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* another program storing: --list reads on, --import waits, then says so */
  other = hold_lock (ws, "BEGIN IMMEDIATE; UPDATE year SET notes = notes WHERE year = 2018");
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2018", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "\nRazem\t388468\t100.0\n"));
  run (&r, "pl_PL.UTF-8", "--import", "--workspace", ws, file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_suffix (r.err, IN_USE_PL));
  g_assert_null (strstr (r.err, "uszkodzony"));
  g_assert_cmpint (stored_sum (ws, 2019), ==, -1);

  /* released within the wait: the import lands */
  pid = start (dir, "import", "--import", "--workspace", ws, file, NULL);
  g_usleep (G_USEC_PER_SEC);
  sqlite3_exec (other, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (finish (pid), ==, 0);
  g_assert_cmpint (stored_sum (ws, 2019), ==, 42);

  /* a workspace of an older Rocznik (no WAL) locked whole: --list waits,
   * then says it is in use, never that it is damaged */
  other = hold_lock (ws, "PRAGMA journal_mode = DELETE");
  sqlite3_close (other);
  before = file_digest (ws);
  other = hold_lock (ws, "BEGIN EXCLUSIVE; UPDATE year SET notes = notes WHERE year = 2018");
  run (&r, "pl_PL.UTF-8", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  assert_in_use (r.err, ws);

  pid = start (dir, "list", "--list", "--year", "2018", "--workspace", ws, NULL);
  g_usleep (G_USEC_PER_SEC);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (finish (pid), ==, 0);
  out = slurp (dir, "list", "out");
  err = slurp (dir, "list", "err");
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_suffix (out, "\nRazem\t388468\t100.0\n"));
  run_clear (&r);
  remove_tree (dir);
}

/* --restore brings the replaced year back with its exact counts. */
static void
test_restore (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ws = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *file = g_build_filename (dir, "2018.csv", NULL);
  const gint64 counts[] = { 5, 7 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *expected = NULL;
  Run r = { 0 };

  write_calls_named (file, 2018, counts, G_N_ELEMENTS (counts));
  run (&r, "pl_PL.UTF-8", "--restore", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "Nie ma jeszcze kopii: Rocznik zachowuje kopię przed importem, "
                              "który zastępuje rok, i przed usunięciem roku.\n");
  run (&r, "pl_PL.UTF-8", "--restore", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("rocznik: Obszar roboczy %s nie ma jeszcze żadnych kopii\n", ws);
  g_assert_cmpstr (r.err, ==, expected);

  run (&r, "pl_PL.UTF-8", "--import", "--replace", "--workspace", ws, file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (stored_sum (ws, 2018), ==, 12);

  run (&r, "pl_PL.UTF-8", "--restore", "--list", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\t", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "przed importem, który zastąpił rok 2018\n");
  first_id = g_strdup (lines[0]);
  g_assert_cmpuint (strlen (first_id), ==, strlen ("20261129-185012-345"));

  run (&r, "pl_PL.UTF-8", "--restore", first_id, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Przywrócono. Stan sprzed przywrócenia zachowano jako kopię "));
  g_assert_cmpint (stored_sum (ws, 2018), ==, SAMPLE_2018);
  {
    g_autofree char *check = integrity (ws);
    g_assert_cmpstr (check, ==, "ok");
  }
  run (&r, "C.UTF-8", "--list", "--year", "2018", "--workspace", ws, NULL);
  g_assert_true (g_str_has_prefix (r.out, "sprawy ogólne (w tym Poznański Budżet Obywatelski, działania na rzecz seniorów)\t100990\t26.0"));

  /* the restore is undone by restoring the state it kept (the newest) */
  run (&r, "pl_PL.UTF-8", "--restore", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (stored_sum (ws, 2018), ==, 12);

  run (&r, "pl_PL.UTF-8", "--restore", "2001", "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("rocznik: Nie ma dokładnie jednej kopii „2001” obszaru roboczego %s\n", ws);
  g_assert_cmpstr (r.err, ==, expected);
  g_assert_cmpint (stored_sum (ws, 2018), ==, 12);
  run_clear (&r);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/share/kill-during-import", test_kill_during_import);
  g_test_add_func ("/share/two-first-imports", test_two_first_imports);
  g_test_add_func ("/share/two-imports-old-workspace", test_two_imports_old_workspace);
  g_test_add_func ("/share/same-year-at-once", test_same_year_at_once);
  g_test_add_func ("/share/list-during-import", test_list_during_import);
  g_test_add_func ("/share/locked", test_locked);
  g_test_add_func ("/share/restore", test_restore);
  return g_test_run ();
}
