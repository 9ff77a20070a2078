/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-call profile in the workspace: stored and loaded with its year,
 * upgraded from a version-2 file, removed, undone and restored with it. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-history.h"
#include "rocznik-test-util.h"
#include "rocznik-workspace.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("rocznik-calls-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A year built by hand: every cell of the week a different number, three
 * channels, handling time on two topics of three. */
static RocznikYear *
make_calls_year (int number)
{
  RocznikYear *y = rocznik_year_new (number);
  RocznikTopic *t;

  y->organisation = g_strdup ("Biuro Kontakt");
  t = rocznik_year_add_topic (y, "Gospodarka odpadami", 1200);
  t->has_months = TRUE;
  for (int m = 0; m < 12; m++)
    t->months[m] = 100;
  t->has_duration = TRUE;
  t->duration_calls = 1100;
  t->duration_seconds = 1100 * 185 + 7;
  t = rocznik_year_add_topic (y, "Oświata", 300);
  t = rocznik_year_add_topic (y, "Transport miejski", 250);
  t->has_duration = TRUE;
  t->duration_calls = 250;
  t->duration_seconds = 250 * 61;

  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      y->calls->hours[d][h] = (d < 5 && h >= 7 && h < 20) ? 1000 * (d + 1) + h : 0;
  y->calls->hours[6][23] = 3;   /* Sunday, the last hour: the last cell */
  y->calls->hours[0][0] = 1;    /* Monday, midnight: the first */
  rocznik_call_profile_add_channel (y->calls, "telefon", 1000);
  rocznik_call_profile_add_channel (y->calls, "e-mail", 450);
  rocznik_call_profile_add_channel (y->calls, "formularz „Zgłoś”", 300);
  return y;
}

static void
assert_same_calls (const RocznikYear *a,
                   const RocznikYear *b)
{
  g_assert_cmpuint (a->topics->len, ==, b->topics->len);
  for (guint i = 0; i < a->topics->len; i++)
    {
      const RocznikTopic *ta = g_ptr_array_index (a->topics, i);
      const RocznikTopic *tb = g_ptr_array_index (b->topics, i);

      g_assert_cmpstr (ta->name, ==, tb->name);
      g_assert_cmpint (ta->count, ==, tb->count);
      g_assert_cmpint (ta->has_months, ==, tb->has_months);
      for (int m = 0; m < 12; m++)
        g_assert_cmpint (ta->months[m], ==, tb->months[m]);
      g_assert_cmpint (ta->has_duration, ==, tb->has_duration);
      g_assert_cmpint (ta->duration_calls, ==, tb->duration_calls);
      g_assert_cmpint (ta->duration_seconds, ==, tb->duration_seconds);
    }
  g_assert_true ((a->calls == NULL) == (b->calls == NULL));
  if (a->calls == NULL)
    return;
  g_assert_cmpint (a->calls->has_hours, ==, b->calls->has_hours);
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      g_assert_cmpint (a->calls->hours[d][h], ==, b->calls->hours[d][h]);
  g_assert_cmpuint (a->calls->channels->len, ==, b->calls->channels->len);
  for (guint i = 0; i < a->calls->channels->len; i++)
    {
      const RocznikChannel *ca = g_ptr_array_index (a->calls->channels, i);
      const RocznikChannel *cb = g_ptr_array_index (b->calls->channels, i);

      g_assert_cmpstr (ca->name, ==, cb->name);
      g_assert_cmpint (ca->calls, ==, cb->calls);
    }
}

/* Rows of @table for @year, read past the workspace's own code. */
static gint64
rows_of (const char *path,
         const char *table,
         int         year)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE year = %d", table, year);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static RocznikYear *
load (RocznikWorkspace *ws,
      int               number)
{
  g_autoptr(GError) error = NULL;
  RocznikYear *y = rocznik_workspace_load_year (ws, number, &error);

  g_assert_no_error (error);
  return y;
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  g_autoptr(RocznikYear) sample = NULL;
  int cells = 0;

  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ws, rocznik_workspace_free);

  ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  back = load (ws, 2019);
  assert_same_calls (y, back);
  /* the exact numbers, not only the same as what went in */
  g_assert_cmpint (back->calls->hours[4][19], ==, 5019);
  g_assert_cmpint (back->calls->hours[6][23], ==, 3);
  g_assert_cmpint (back->calls->hours[5][12], ==, 0);
  g_assert_cmpstr (((RocznikChannel *) g_ptr_array_index (back->calls->channels, 2))->name, ==, "formularz „Zgłoś”");
  g_assert_cmpint (((RocznikTopic *) g_ptr_array_index (back->topics, 0))->duration_seconds, ==, 203507);
  g_assert_false (((RocznikTopic *) g_ptr_array_index (back->topics, 1))->has_duration);
  /* only the cells with calls take a row: 5 days × 13 hours and 2 more */
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      cells += y->calls->hours[d][h] != 0;
  g_assert_cmpint (cells, ==, 5 * 13 + 2);
  g_assert_cmpint (rows_of (f->path, "call_hour", 2019), ==, cells);

  /* a year from totals has no profile at all */
  sample = load (ws, 2018);
  g_assert_null (sample->calls);
  for (guint i = 0; i < sample->topics->len; i++)
    g_assert_false (((RocznikTopic *) g_ptr_array_index (sample->topics, i))->has_duration);

  /* a profile with neither hours nor channels is still a profile */
  g_clear_pointer (&y->calls, rocznik_call_profile_free);
  y->calls = rocznik_call_profile_new ();
  g_assert_true (rocznik_workspace_store_year (ws, y, TRUE, &error));
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  g_assert_nonnull (back->calls);
  g_assert_false (back->calls->has_hours);
  g_assert_cmpuint (back->calls->channels->len, ==, 0);
  g_assert_cmpint (rows_of (f->path, "call_hour", 2019), ==, 0);

  /* replaced by a year without per-call data: nothing of the old one stays */
  g_clear_pointer (&y->calls, rocznik_call_profile_free);
  g_assert_true (rocznik_workspace_store_year (ws, y, TRUE, &error));
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  g_assert_null (back->calls);
  g_assert_cmpint (rows_of (f->path, "year_calls", 2019), ==, 0);
}

/* Refused before anything is written, the whole batch with it. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  RocznikYear *bad;
  RocznikTopic *t;

  g_assert_no_error (error);
  g_ptr_array_add (batch, make_calls_year (2019));
  bad = make_calls_year (2022);
  t = g_ptr_array_index (bad->topics, 2);
  t->duration_calls = t->count + 1;
  g_ptr_array_add (batch, bad);
  g_assert_false (rocznik_workspace_store_years (ws, batch, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "„Transport miejski” in 2022 has more calls with a handling time (251) than calls (250)");
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_has_year (ws, 2019));

  t->duration_calls = 10;
  bad->calls->hours[2][3] = -1;
  g_assert_false (rocznik_workspace_store_years (ws, batch, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);

  bad->calls->hours[2][3] = 0;
  g_free (((RocznikChannel *) g_ptr_array_index (bad->calls->channels, 1))->name);
  ((RocznikChannel *) g_ptr_array_index (bad->calls->channels, 1))->name = g_strdup ("");
  g_assert_false (rocznik_workspace_store_years (ws, batch, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_has_year (ws, 2019));
  g_assert_false (rocznik_workspace_has_year (ws, 2022));
}

/* A merged topic's handling time is the sum when both had one, else none. */
static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  RocznikTopic *t;

  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_true (rocznik_workspace_merge_topics (ws, "transport miejski", "gospodarka odpadami", &error));
  g_assert_no_error (error);
  back = load (ws, 2019);
  g_assert_cmpuint (back->topics->len, ==, 2);
  t = rocznik_year_find_topic (back, "gospodarka odpadami");
  g_assert_cmpint (t->count, ==, 1200 + 250);
  g_assert_true (t->has_duration);
  g_assert_cmpint (t->duration_calls, ==, 1100 + 250);
  g_assert_cmpint (t->duration_seconds, ==, 1100 * 185 + 7 + 250 * 61);
  g_assert_nonnull (back->calls);

  g_assert_true (rocznik_workspace_merge_topics (ws, "oświata", "gospodarka odpadami", &error));
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  t = rocznik_year_find_topic (back, "gospodarka odpadami");
  g_assert_cmpint (t->count, ==, 1200 + 250 + 300);
  g_assert_false (t->has_duration);
}

/* The version-2 workspace in tests/fixtures was made by Rocznik before the
 * profile existed (`rocznik -w workspace-v2.db -i monthly-2020-2021.csv`
 * at commit c112cb4, then PRAGMA journal_mode = DELETE). */
static void
copy_fixture (const char *to)
{
  g_autofree char *from = g_build_filename (FIXTURES, "workspace-v2.db", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &bytes, &len, &error));
  g_assert_true (g_file_set_contents (to, bytes, len, &error));
  g_assert_no_error (error);
}

/* Every year's count per topic and month, as a text, read with SQLite. */
static char *
dump_counts (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT yt.year, yt.name, yt.count, "
                                       "  (SELECT group_concat(m.month || ':' || m.count) FROM topic_month m "
                                       "   WHERE m.year = yt.year AND m.topic_id = yt.topic_id ORDER BY m.month) "
                                       "FROM year_topic yt ORDER BY yt.year, yt.position", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%d %s %lld %s\n", sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 1),
                            (long long) sqlite3_column_int64 (stmt, 2),
                            sqlite3_column_text (stmt, 3) ? (const char *) sqlite3_column_text (stmt, 3) : "-");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
test_migrate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RocznikTopic *t;

  copy_fixture (f->path);
  g_assert_cmpint (user_version (f->path), ==, 2);
  before = dump_counts (f->path);
  /* the monthly import in the fixture: 2020 and 2021, two topics each */
  g_assert_nonnull (strstr (before, "2020 gospodarka odpadami 6060 1:1020,"));

  ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (f->path), ==, 3);
  years = rocznik_workspace_load_all (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 5);
  for (guint i = 0; i < years->len; i++)
    g_assert_null (((RocznikYear *) g_ptr_array_index (years, i))->calls);
  back = load (ws, 2020);
  t = rocznik_year_find_topic (back, "gospodarka odpadami");
  g_assert_true (t->has_months);
  g_assert_cmpint (t->months[0], ==, 1020);
  g_assert_false (t->has_duration);

  /* the upgraded file takes a profile like a new one */
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ws, rocznik_workspace_free);
  after = dump_counts (f->path);
  ws = rocznik_workspace_open (f->path, &error);
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  assert_same_calls (y, back);
  {
    /* nothing the v2 file held has changed: 2019 only came in between */
    g_auto(GStrv) lines = g_strsplit (after, "\n", -1);
    GString *without = g_string_new (NULL);
    g_autofree char *kept = NULL;

    for (guint i = 0; lines[i]; i++)
      if (!g_str_has_prefix (lines[i], "2019 ") && lines[i][0])
        g_string_append_printf (without, "%s\n", lines[i]);
    kept = g_string_free (without, FALSE);
    g_assert_cmpstr (kept, ==, before);
  }
}

/* Years and their topics, months included, as text: to compare two reads. */
static char *
dump_years (GPtrArray *years)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      g_string_append_printf (out, "%d sample=%d total=%" G_GINT64_FORMAT "\n", y->year, y->is_sample, y->declared_total);
      for (guint j = 0; j < y->topics->len; j++)
        {
          const RocznikTopic *t = g_ptr_array_index (y->topics, j);

          g_string_append_printf (out, "  %s %" G_GINT64_FORMAT " %d", t->name, t->count, t->has_months);
          for (guint m = 0; t->has_months && m < 12; m++)
            g_string_append_printf (out, " %" G_GINT64_FORMAT, t->months[m]);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* Opened only to read, the version-2 file reads as it does once upgraded,
 * stays at version 2 byte for byte, and refuses to store. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ro = NULL;
  g_autoptr(RocznikWorkspace) rw = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) upgraded = NULL;
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autofree char *digest = NULL;
  g_autofree char *read_text = NULL;
  g_autofree char *upgraded_text = NULL;
  g_autofree char *expected = NULL;

  copy_fixture (f->path);
  digest = file_digest (f->path);
  ro = rocznik_workspace_open_readonly (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_is_read_only (ro));
  read = rocznik_workspace_load_all (ro, &error);
  g_assert_no_error (error);
  g_assert_false (rocznik_workspace_store_year (ro, y, FALSE, &error));
  expected = g_strdup_printf ("The workspace %s was opened only to read; nothing was stored", f->path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_set_import_choices (ro, "abc", "topic=Temat\n", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_restore_snapshot (ro, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&ro, rocznik_workspace_free);
  {
    g_autofree char *now = file_digest (f->path);
    g_assert_cmpstr (now, ==, digest);
  }
  g_assert_cmpint (user_version (f->path), ==, 2);

  rw = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (f->path), ==, 3);
  upgraded = rocznik_workspace_load_all (rw, &error);
  g_assert_no_error (error);
  read_text = dump_years (read);
  upgraded_text = dump_years (upgraded);
  g_assert_nonnull (strstr (read_text, "  gospodarka odpadami 6060 1 1020 "));
  g_assert_cmpstr (read_text, ==, upgraded_text);

  /* a missing file is not made */
  g_clear_pointer (&rw, rocznik_workspace_free);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  ro = rocznik_workspace_open_readonly (f->path, &error);
  g_assert_null (ro);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* A snapshot kept before the upgrade comes back upgraded. */
static void
test_restore_old_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *old = NULL;

  g_assert_no_error (error);
  dir = rocznik_workspace_get_snapshot_dir (ws);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  old = g_build_filename (dir, "20200101-120000-000.import.2020.db", NULL);
  copy_fixture (old);
  g_assert_true (rocznik_workspace_restore_snapshot (ws, "20200101", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (f->path), ==, 3);
  back = load (ws, 2021);
  g_assert_null (back->calls);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  assert_same_calls (y, back);
}

/* Deleted with its year; the snapshot and the undo history bring it back. */
static void
test_delete_undo_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikHistory) history = NULL;
  g_autoptr(RocznikYear) y = make_calls_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  const char *tables[] = { "year_calls", "call_hour", "call_channel" };

  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  history = rocznik_history_new (ws, 10);

  g_assert_true (rocznik_history_delete_year (history, 2019, &error));
  g_assert_no_error (error);
  g_assert_false (rocznik_workspace_has_year (ws, 2019));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (rows_of (f->path, tables[i], 2019), ==, 0);

  g_assert_true (rocznik_history_undo (history, &error));
  g_assert_no_error (error);
  back = load (ws, 2019);
  assert_same_calls (y, back);

  g_assert_true (rocznik_history_redo (history, &error));
  g_assert_false (rocznik_workspace_has_year (ws, 2019));
  g_assert_cmpint (rows_of (f->path, "call_channel", 2019), ==, 0);

  /* the deletion kept a snapshot: restored, the profile is whole again */
  g_assert_true (rocznik_workspace_restore_snapshot (ws, rocznik_workspace_get_last_snapshot (ws), NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, rocznik_year_free);
  back = load (ws, 2019);
  assert_same_calls (y, back);
  g_assert_cmpint (rows_of (f->path, "call_channel", 2019), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workspace-calls/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/workspace-calls/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/workspace-calls/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/workspace-calls/migrate", Fixture, NULL, fixture_set_up, test_migrate, fixture_tear_down);
  g_test_add ("/workspace-calls/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/workspace-calls/restore-old-snapshot", Fixture, NULL, fixture_set_up, test_restore_old_snapshot, fixture_tear_down);
  g_test_add ("/workspace-calls/delete-undo-restore", Fixture, NULL, fixture_set_up, test_delete_undo_restore, fixture_tear_down);
  return g_test_run ();
}
