/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite workspace: sample, round trip, transactions, bad files. */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-test-util.h"
#include "rocznik-format.h"
#include "rocznik-report-text.h"
#include "rocznik-workspace.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("rocznik-test-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "sub", "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *snapshots = g_strconcat (f->path, ".snapshots", NULL);
  g_autoptr(GDir) listing = g_dir_open (snapshots, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *file = g_build_filename (snapshots, name, NULL);
      g_remove (file);
    }
  g_rmdir (snapshots);
  g_remove (journal);
  g_remove (f->path);
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_sample (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(GArray) years = NULL;
  g_autoptr(RocznikYear) y = NULL;
  const int expected[] = { 2015, 2017, 2018, 2020, 2021 };
  RocznikTopic *t;
  gint64 remainder;

  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  years = rocznik_workspace_list_years (ws);
  g_assert_cmpuint (years->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < years->len; i++)
    g_assert_cmpint (g_array_index (years, int, i), ==, expected[i]);

  y = rocznik_workspace_load_year (ws, 2018, &error);
  g_assert_no_error (error);
  g_assert_true (y->is_sample);
  g_assert_cmpstr (y->organisation, ==, "Biuro Poznań Kontakt");
  g_assert_cmpuint (y->topics->len, ==, 17);
  g_assert_cmpint (rocznik_year_topic_sum (y), ==, 388468);
  g_assert_cmpint (y->declared_total, ==, 586000);
  g_assert_true (y->declared_more_than);
  g_assert_true (rocznik_year_get_remainder (y, &remainder));
  g_assert_cmpint (remainder, ==, 197532);

  /* published order kept: the largest topic is listed last */
  t = g_ptr_array_index (y->topics, 0);
  g_assert_cmpstr (t->name, ==, "gospodarka odpadami");
  g_assert_cmpint (t->count, ==, 70055);
  t = g_ptr_array_index (y->topics, 16);
  g_assert_true (g_str_has_prefix (t->name, "sprawy ogólne (w" ROCZNIK_NBSP "tym Poznański Budżet Obywatelski"));
  g_assert_cmpint (t->count, ==, 100990);
  /* the published name keeps its U+00A0, and still matches the plain spelling */
  t = rocznik_year_find_topic (y, "transport miejski i strefa parkowania");
  g_assert_nonnull (t);
  g_assert_cmpint (t->count, ==, 58759);
  g_assert_nonnull (strstr (t->name, "i" ROCZNIK_NBSP "strefa"));

  g_assert_cmpuint (y->lists->len, ==, 3);
  {
    RocznikList *services = g_ptr_array_index (y->lists, 0);
    RocznikList *seniors = g_ptr_array_index (y->lists, 1);
    RocznikList *support = g_ptr_array_index (y->lists, 2);

    g_assert_cmpstr (services->title, ==, "nowe usługi informacyjne");
    g_assert_cmpint (services->declared, ==, 24);
    g_assert_cmpuint (services->items->len, ==, 9);
    g_assert_cmpstr (g_ptr_array_index (services->items, 0), ==, "Zdrowy Maluch");
    g_assert_cmpstr (seniors->title, ==, "usługi dla seniorów");
    g_assert_cmpuint (seniors->items->len, ==, 9);
    g_assert_cmpstr (g_ptr_array_index (seniors->items, 0), ==, "Złota Rączka dla Seniora");
    g_assert_cmpuint (support->items->len, ==, 4);
  }
  {
    g_autofree char *notes = rocznik_collapse_spaces (y->notes);
    /* office hours are kept in the notes, as published (with U+00A0) */
    g_assert_nonnull (strstr (notes, "od 7:30 do 20:00"));
    g_assert_nonnull (strstr (y->notes, "od" ROCZNIK_NBSP "7:30"));
    g_assert_null (strstr (notes, "586 tys."));
  }

  g_clear_pointer (&y, rocznik_year_free);
  y = rocznik_workspace_load_year (ws, 2016, &error);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_assert_null (y);
  g_clear_error (&error);

  y = rocznik_workspace_load_year (ws, 2015, &error);
  g_assert_no_error (error);
  g_assert_cmpint (y->declared_total, ==, 472553);
  g_assert_false (y->declared_more_than);
  g_assert_cmpuint (y->topics->len, ==, 0);
}

static RocznikYear *
make_year (int number)
{
  RocznikYear *y = rocznik_year_new (number);
  RocznikTopic *t;
  RocznikList *l;

  y->organisation = g_strdup ("Biuro Poznań Kontakt");
  y->notes = g_strdup ("Zażółć gęślą jaźń");
  t = rocznik_year_add_topic (y, "gospodarka odpadami", 71000);
  t->has_months = TRUE;
  for (int m = 0; m < 12; m++)
    t->months[m] = 5000 + m;
  rocznik_year_add_topic (y, "transport miejski i" ROCZNIK_NBSP "strefa parkowania", 60000);
  l = rocznik_year_add_list (y, "usługi dla seniorów");
  g_ptr_array_add (l->items, g_strdup ("Taksówka dla Seniora"));
  return y;
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikYear) y = make_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  RocznikTopic *t;

  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ws, rocznik_workspace_free);

  ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  back = rocznik_workspace_load_year (ws, 2019, &error);
  g_assert_no_error (error);
  g_assert_false (back->is_sample);
  g_assert_cmpstr (back->notes, ==, "Zażółć gęślą jaźń");
  g_assert_cmpint (back->declared_total, ==, ROCZNIK_NO_TOTAL);
  g_assert_false (rocznik_year_get_remainder (back, NULL));
  g_assert_cmpuint (back->topics->len, ==, 2);
  t = g_ptr_array_index (back->topics, 0);
  g_assert_true (t->has_months);
  g_assert_cmpint (t->months[11], ==, 5011);
  t = g_ptr_array_index (back->topics, 1);
  g_assert_false (t->has_months);
  /* one identity across years: 2019's NBSP spelling is 2018's topic */
  g_assert_cmpstr (t->key, ==, "transport miejski i strefa parkowania");
  g_assert_cmpuint (back->lists->len, ==, 1);

  /* a stored year is never silently overwritten */
  y->notes[0] = 'X';
  g_assert_false (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (rocznik_workspace_store_year (ws, y, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, rocznik_year_free);
  back = rocznik_workspace_load_year (ws, 2019, &error);
  g_assert_cmpint (back->notes[0], ==, 'X');
}

static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  g_autoptr(GArray) years = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RocznikYear *bad;

  g_assert_no_error (error);
  /* in WAL mode the file is whole once the last connection has closed */
  g_clear_pointer (&ws, rocznik_workspace_free);
  before = file_digest (f->path);
  ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);

  /* 2019 is fine, 2022 has a topic twice: neither may be stored */
  g_ptr_array_add (batch, make_year (2019));
  bad = make_year (2022);
  rocznik_year_add_topic (bad, "Gospodarka  odpadami", 5);
  g_ptr_array_add (batch, bad);
  g_assert_false (rocznik_workspace_store_years (ws, batch, FALSE, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);

  years = rocznik_workspace_list_years (ws);
  g_assert_cmpuint (years->len, ==, 5);
  g_assert_false (rocznik_workspace_has_year (ws, 2019));
  g_clear_pointer (&ws, rocznik_workspace_free);
  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikYear) y = make_year (2019);
  g_autoptr(RocznikYear) back = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  const char *transport[] = { "transport miejski i strefa parkowania",
                              "uprawnienia transportowe, sprawy urodzeń, małżeństw, zameldowania i zgonów", NULL };
  g_autofree char *resolved = NULL;

  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));

  g_assert_true (rocznik_workspace_set_topic_count (ws, 2018, "gospodarka odpadami", 70056, &error));
  g_assert_no_error (error);
  g_assert_false (rocznik_workspace_set_topic_count (ws, 2018, "gospodarka odpadami", -1, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_set_topic_count (ws, 2015, "gospodarka odpadami", 1, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  back = rocznik_workspace_load_year (ws, 2018, &error);
  g_assert_cmpint (rocznik_year_find_topic (back, "gospodarka odpadami")->count, ==, 70056);
  g_clear_pointer (&back, rocznik_year_free);

  /* rename across years; the old spelling stays an alias */
  g_assert_true (rocznik_workspace_rename_topic (ws, "gospodarka odpadami", "Odpady komunalne", &error));
  g_assert_no_error (error);
  resolved = rocznik_workspace_resolve_key (ws, "Gospodarka odpadami");
  g_assert_cmpstr (resolved, ==, "odpady komunalne");
  aliases = rocznik_workspace_list_aliases (ws, "odpady komunalne");
  g_assert_cmpuint (aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (aliases, 0), ==, "gospodarka odpadami");
  back = rocznik_workspace_load_year (ws, 2019, &error);
  g_assert_nonnull (rocznik_year_find_topic (back, "odpady komunalne"));
  g_assert_true (rocznik_year_find_topic (back, "odpady komunalne")->has_months);
  g_clear_pointer (&back, rocznik_year_free);

  /* merge: 2019 has both, the counts add up */
  g_assert_true (rocznik_workspace_merge_topics (ws, "transport miejski i strefa parkowania", "odpady komunalne", &error));
  g_assert_no_error (error);
  back = rocznik_workspace_load_year (ws, 2019, &error);
  g_assert_cmpuint (back->topics->len, ==, 1);
  g_assert_cmpint (rocznik_year_topic_sum (back), ==, 131000);
  g_clear_pointer (&back, rocznik_year_free);
  back = rocznik_workspace_load_year (ws, 2018, &error);
  g_assert_cmpuint (back->topics->len, ==, 16);
  g_assert_cmpint (rocznik_year_topic_sum (back), ==, 388469);
  g_clear_pointer (&back, rocznik_year_free);

  /* a later import with the merged spelling lands on the merged topic */
  g_clear_pointer (&resolved, g_free);
  resolved = rocznik_workspace_resolve_key (ws, "transport miejski i strefa parkowania");
  g_assert_cmpstr (resolved, ==, "odpady komunalne");

  g_assert_true (rocznik_workspace_set_category (ws, "Transport", transport + 1, &error));
  g_assert_no_error (error);
  g_assert_false (rocznik_workspace_set_category (ws, "Nic", (const char *[]) { "nie ma takiego tematu", NULL }, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  categories = rocznik_workspace_list_categories (ws);
  g_assert_cmpuint (categories->len, ==, 1);
  g_assert_cmpstr (((RocznikCategory *) g_ptr_array_index (categories, 0))->name, ==, "Transport");
  g_assert_cmpuint (((RocznikCategory *) g_ptr_array_index (categories, 0))->keys->len, ==, 1);
  g_assert_true (rocznik_workspace_delete_category (ws, "Transport", &error));
  g_assert_no_error (error);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (path, &error);

  g_assert_null (ws);
  g_assert_error (error, ROCZNIK_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
year_sum (RocznikWorkspace *ws,
          int               number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) y = rocznik_workspace_load_year (ws, number, &error);

  if (y == NULL)
    return -1;
  return rocznik_year_topic_sum (y);
}

/* A replaced or deleted year is kept in a snapshot and comes back exactly. */
static void
test_snapshots (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikWorkspace) memory = rocznik_workspace_new_in_memory ();
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(RocznikYear) replacement = make_year (2018);
  g_autoptr(RocznikYear) y2019 = make_year (2019);
  g_autofree char *import_id = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *why = NULL;
  RocznikSnapshot *s;

  g_assert_no_error (error);
  snapshots = rocznik_workspace_list_snapshots (ws);
  g_assert_cmpuint (snapshots->len, ==, 0);
  g_assert_null (rocznik_workspace_get_last_snapshot (ws));
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  /* a new year replaces nothing: no snapshot */
  g_assert_true (rocznik_workspace_store_year (ws, y2019, FALSE, &error));
  g_assert_null (rocznik_workspace_get_last_snapshot (ws));

  g_assert_true (rocznik_workspace_store_year (ws, replacement, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (year_sum (ws, 2018), ==, 71000 + 60000);
  snapshots = rocznik_workspace_list_snapshots (ws);
  g_assert_cmpuint (snapshots->len, ==, 1);
  s = g_ptr_array_index (snapshots, 0);
  g_assert_cmpint (s->reason, ==, ROCZNIK_SNAPSHOT_IMPORT);
  g_assert_cmpint (s->year, ==, 2018);
  g_assert_cmpstr (s->id, ==, rocznik_workspace_get_last_snapshot (ws));
  why = rocznik_snapshot_describe (s);
  g_assert_cmpstr (why, ==, "before an import replaced the year 2018");
  import_id = g_strdup (s->id);
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  g_assert_true (rocznik_workspace_delete_year (ws, 2015, &error));
  g_assert_false (rocznik_workspace_has_year (ws, 2015));
  snapshots = rocznik_workspace_list_snapshots (ws);
  g_assert_cmpuint (snapshots->len, ==, 2);
  s = g_ptr_array_index (snapshots, 0);
  g_assert_cmpint (s->reason, ==, ROCZNIK_SNAPSHOT_DELETE);
  g_assert_cmpint (s->year, ==, 2015);
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  /* back to before the import: the sample's 2018 and 2015, 2019 as stored */
  g_assert_true (rocznik_workspace_restore_snapshot (ws, import_id, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (year_sum (ws, 2018), ==, 388468);
  g_assert_true (rocznik_workspace_has_year (ws, 2015));
  g_assert_cmpint (year_sum (ws, 2019), ==, 71000 + 60000);
  snapshots = rocznik_workspace_list_snapshots (ws);
  g_assert_cmpuint (snapshots->len, ==, 3);
  s = g_ptr_array_index (snapshots, 0);
  g_assert_cmpstr (s->id, ==, kept);
  g_assert_cmpint (s->reason, ==, ROCZNIK_SNAPSHOT_RESTORE);
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  /* only the last ten are kept */
  for (int i = 0; i < 12; i++)
    g_assert_true (rocznik_workspace_store_year (ws, y2019, TRUE, &error));
  snapshots = rocznik_workspace_list_snapshots (ws);
  g_assert_cmpuint (snapshots->len, ==, ROCZNIK_WORKSPACE_SNAPSHOTS_KEPT);
  for (guint i = 0; i < snapshots->len; i++)
    g_assert_cmpint (((RocznikSnapshot *) g_ptr_array_index (snapshots, i))->reason, ==, ROCZNIK_SNAPSHOT_IMPORT);
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  g_assert_false (rocznik_workspace_restore_snapshot (ws, "1999", NULL, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a workspace in memory has none, and replaces all the same */
  g_assert_true (rocznik_workspace_store_year (memory, y2019, FALSE, &error));
  g_assert_true (rocznik_workspace_store_year (memory, y2019, TRUE, &error));
  g_assert_null (rocznik_workspace_get_last_snapshot (memory));
}

/* Another program's change is noticed once; our own is not "elsewhere". */
static void
test_changed_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikWorkspace) other = rocznik_workspace_open (f->path, &error);
  g_autoptr(RocznikYear) y = make_year (2019);

  g_assert_no_error (error);
  g_assert_false (rocznik_workspace_changed_elsewhere (ws));
  g_assert_true (rocznik_workspace_delete_year (ws, 2015, &error));
  g_assert_false (rocznik_workspace_changed_elsewhere (ws));
  g_assert_true (rocznik_workspace_changed_elsewhere (other));
  g_assert_false (rocznik_workspace_changed_elsewhere (other));

  g_assert_true (rocznik_workspace_store_year (other, y, FALSE, &error));
  g_assert_true (rocznik_workspace_changed_elsewhere (ws));
  g_assert_false (rocznik_workspace_changed_elsewhere (ws));
  g_assert_cmpint (year_sum (ws, 2019), ==, 71000 + 60000);
}

static void
test_corrupt (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_mkdir_with_parents (sub, 0700);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));
  assert_refused (f->path, ROCZNIK_ERROR_CORRUPT);
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_clear_pointer (&(RocznikWorkspace *) { rocznik_workspace_open (f->path, &error) }, rocznik_workspace_free);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* keep the header page, damage the rest */
  memset (contents + 4096, 0xA5, len - 4096);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  assert_refused (f->path, ROCZNIK_ERROR_CORRUPT);
}

static void
test_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_pointer (&(RocznikWorkspace *) { rocznik_workspace_open (f->path, &error) }, rocznik_workspace_free);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f->path, ROCZNIK_ERROR_NEWER_VERSION);
}

static void
test_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_path_get_dirname (f->path);
  sqlite3 *db;

  g_mkdir_with_parents (sub, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f->path, ROCZNIK_ERROR_CORRUPT);
}

static void
test_report_text_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) y = NULL;

  y = rocznik_report_text_parse ("Nic tu nie ma.", -1, "/tmp/raport.txt", &error);
  g_assert_null (y);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "raport.txt"));
  g_clear_error (&error);

  y = rocznik_report_text_parse ("W 2019 r. coś.\n • odpady – 5,\n • Odpady – 6,\n", -1, "r.txt", &error);
  g_assert_null (y);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  y = rocznik_report_text_parse ("W 2019 r.\n • odpady – 5\xff\n", -1, "r.txt", &error);
  g_assert_null (y);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/workspace/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/workspace/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/workspace/rollback", Fixture, NULL, fixture_set_up, test_rollback, fixture_tear_down);
  g_test_add ("/workspace/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/workspace/snapshots", Fixture, NULL, fixture_set_up, test_snapshots, fixture_tear_down);
  g_test_add ("/workspace/changed-elsewhere", Fixture, NULL, fixture_set_up, test_changed_elsewhere, fixture_tear_down);
  g_test_add ("/workspace/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/workspace/truncated", Fixture, NULL, fixture_set_up, test_truncated, fixture_tear_down);
  g_test_add ("/workspace/newer", Fixture, NULL, fixture_set_up, test_newer, fixture_tear_down);
  g_test_add ("/workspace/foreign", Fixture, NULL, fixture_set_up, test_foreign, fixture_tear_down);
  g_test_add_func ("/report-text/errors", test_report_text_errors);
  return g_test_run ();
}
