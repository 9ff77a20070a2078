/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo of every kind of edit, on the seed data and a second year
 * with months, lists and a category: the rows come back exactly, read by
 * a connection of the test's own (every table sqlite_master lists). */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-history.h"
#include "rocznik-workspace.h"

typedef struct
{
  char             *dir;
  char             *path;
  RocznikWorkspace *ws;
  RocznikHistory   *history;
} Fixture;

static int
dump_row_cb (void  *data,
             int    n,
             char **values,
             char **names)
{
  GString *out = data;

  for (int i = 0; i < n; i++)
    g_string_append_printf (out, "%s=%s%s", names[i], values[i] ? values[i] : "NULL", i + 1 < n ? "|" : "\n");
  return 0;
}

/* Every row of every table, rowids included, from a second connection. */
static char *
dump (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid AS _rowid, * FROM %s ORDER BY rowid",
                                              (const char *) sqlite3_column_text (stmt, 0));

      g_string_append_printf (out, "[%s]\n", (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpint (sqlite3_exec (db, sql, dump_row_cb, out, NULL), ==, SQLITE_OK);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) y = rocznik_year_new (2019);
  const char *keys[] = { "gospodarka odpadami", "transport miejski i strefa parkowania", NULL };
  RocznikTopic *t;
  RocznikList *l;

  f->dir = g_dir_make_tmp ("rocznik-history-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "ws.sqlite", NULL);
  f->ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  /* a new workspace file starts with the sample years */
  g_assert_true (rocznik_workspace_has_year (f->ws, 2018));

  /* 2019 shares two topics with 2018, one with months; a list; a new topic */
  t = rocznik_year_add_topic (y, "gospodarka odpadami", 72000);
  t->has_months = TRUE;
  for (int m = 0; m < 12; m++)
    t->months[m] = 6000;
  rocznik_year_add_topic (y, "oświata", 1500);
  rocznik_year_add_topic (y, "odpady wielkogabarytowe", 900);
  y->declared_total = 600000;
  l = rocznik_year_add_list (y, "usługi dla seniorów");
  g_ptr_array_add (l->items, g_strdup ("Złota rączka"));
  g_assert_true (rocznik_workspace_store_year (f->ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_set_category (f->ws, "Miasto", keys, &error));
  g_assert_no_error (error);

  f->history = rocznik_history_new (f->ws, GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_pointer (&f->ws, rocznik_workspace_free);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const char *merge_keys[] = { "odpady wielkogabarytowe", NULL };

/* One of each edit; TRUE when it was applied. */
static gboolean
edit (Fixture *f,
      guint    which,
      GError **error)
{
  RocznikHistory *h = f->history;

  switch (which)
    {
    case 0: return rocznik_history_set_topic_count (h, 2018, "oświata", 1400, error);
    case 1: return rocznik_history_set_topic_name (h, 2019, "oświata", "Oświata i wychowanie", error);
    case 2: return rocznik_history_rename_topic (h, "akcja zima", "Zima w mieście", error);
    /* 2019 has both: counts added, months of one side dropped, an alias made */
    case 3: return rocznik_history_merge_topics (h, "odpady wielkogabarytowe", "gospodarka odpadami", error);
    case 4: return rocznik_history_delete_topic (h, 2019, "gospodarka odpadami", error);
    case 5:
      {
        g_autoptr(RocznikYear) details = rocznik_year_new (2019);

        details->organisation = g_strdup ("Biuro Poznań Kontakt");
        details->declared_total = 610000;
        details->notes = g_strdup ("Źródło: sprawozdanie");
        return rocznik_history_update_details (h, details, error);
      }
    case 6: return rocznik_history_delete_year (h, 2019, error);
    case 7: return rocznik_history_add_to_category (h, "Miasto", merge_keys, error);
    case 8: return rocznik_history_add_to_category (h, "Nowa", merge_keys, error);
    case 9: return rocznik_history_delete_category (h, "Miasto", error);
    default: g_assert_not_reached ();
    }
}
#define N_EDITS 10

/* Each edit alone: it changes the rows; undo gives back the rows before it
 * exactly, redo the rows after it, and again. */
static void
test_each_edit (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *before = dump (f);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      g_autofree char *again = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("edit %u", i);
      g_assert_true (edit (f, i, &error));
      g_assert_no_error (error);
      after = dump (f);
      g_assert_cmpstr (after, !=, before);
      g_assert_true (rocznik_history_get_can_undo (f->history));
      g_assert_false (rocznik_history_get_can_redo (f->history));

      g_assert_true (rocznik_history_undo (f->history, &error));
      g_assert_no_error (error);
      undone = dump (f);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (rocznik_history_get_can_redo (f->history));

      g_assert_true (rocznik_history_redo (f->history, &error));
      g_assert_no_error (error);
      redone = dump (f);
      g_assert_cmpstr (redone, ==, after);

      g_assert_true (rocznik_history_undo (f->history, &error));
      g_assert_no_error (error);
      again = dump (f);
      g_assert_cmpstr (again, ==, before);
      rocznik_history_clear (f->history);
    }
}

/* The merge: 2019's counts added (72 000 + 900), and undone. */
static void
test_merge_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) merged = NULL;
  g_autoptr(RocznikYear) restored = NULL;
  g_autofree char *key = NULL;

  g_assert_true (edit (f, 3, &error));
  merged = rocznik_workspace_load_year (f->ws, 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merged->topics->len, ==, 2);
  g_assert_cmpint (rocznik_year_find_topic (merged, "gospodarka odpadami")->count, ==, 72900);
  key = rocznik_workspace_resolve_key (f->ws, "odpady wielkogabarytowe");
  g_assert_cmpstr (key, ==, "gospodarka odpadami");

  g_assert_true (rocznik_history_undo (f->history, &error));
  g_assert_no_error (error);
  restored = rocznik_workspace_load_year (f->ws, 2019, &error);
  g_assert_cmpuint (restored->topics->len, ==, 3);
  g_assert_cmpint (rocznik_year_find_topic (restored, "gospodarka odpadami")->count, ==, 72000);
  g_assert_true (rocznik_year_find_topic (restored, "gospodarka odpadami")->has_months);
  g_assert_cmpint (rocznik_year_find_topic (restored, "odpady wielkogabarytowe")->count, ==, 900);
  g_clear_pointer (&key, g_free);
  key = rocznik_workspace_resolve_key (f->ws, "odpady wielkogabarytowe");
  g_assert_cmpstr (key, ==, "odpady wielkogabarytowe");
}

/* All edits in a row, undone to the start and redone to the end. */
static void
test_sequence (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *start = dump (f);
  g_autofree char *end = NULL;
  g_autofree char *back = NULL;
  g_autofree char *forth = NULL;
  g_autoptr(GError) error = NULL;
  /* the category edits before the year goes: its topics stay known */
  const guint order[] = { 0, 1, 2, 7, 8, 3, 5, 9, 4, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_true (edit (f, order[i], &error));
      g_assert_no_error (error);
    }
  end = dump (f);
  while (rocznik_history_get_can_undo (f->history))
    {
      g_assert_true (rocznik_history_undo (f->history, &error));
      g_assert_no_error (error);
    }
  back = dump (f);
  g_assert_cmpstr (back, ==, start);
  while (rocznik_history_get_can_redo (f->history))
    {
      g_assert_true (rocznik_history_redo (f->history, &error));
      g_assert_no_error (error);
    }
  forth = dump (f);
  g_assert_cmpstr (forth, ==, end);
}

/* limit 2: the third edit pushes out the first. */
static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *now = NULL;

  g_assert_cmpuint (rocznik_history_get_limit (f->history), ==, 2);
  g_assert_true (edit (f, 0, NULL));
  after_first = dump (f);
  g_assert_true (edit (f, 2, NULL));
  g_assert_true (edit (f, 9, NULL));
  g_assert_true (rocznik_history_undo (f->history, NULL));
  g_assert_true (rocznik_history_undo (f->history, NULL));
  g_assert_false (rocznik_history_get_can_undo (f->history));
  g_assert_false (rocznik_history_undo (f->history, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  now = dump (f);
  g_assert_cmpstr (now, ==, after_first);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Properties notify on change only; a new edit drops what could be redone;
 * a failed edit leaves no entry; an import since an edit stops its undo. */
static void
test_states (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) imported = rocznik_year_new (2022);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint can_undo = 0, can_redo = 0, label = 0;

  g_signal_connect (f->history, "notify::can-undo", G_CALLBACK (count_notify_cb), &can_undo);
  g_signal_connect (f->history, "notify::can-redo", G_CALLBACK (count_notify_cb), &can_redo);
  g_signal_connect (f->history, "notify::undo-label", G_CALLBACK (count_notify_cb), &label);

  g_assert_true (edit (f, 0, NULL));
  g_assert_true (edit (f, 2, NULL));
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (label, ==, 2);
  g_assert_cmpstr (rocznik_history_get_undo_label (f->history), ==, "Rename „akcja zima” to „Zima w mieście”");
  g_assert_true (rocznik_history_undo (f->history, NULL));
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_true (edit (f, 9, NULL));
  g_assert_false (rocznik_history_get_can_redo (f->history));
  g_assert_cmpuint (can_redo, ==, 2);

  before = dump (f);
  g_assert_false (rocznik_history_set_topic_count (f->history, 2018, "nie ma takiego", 5, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (rocznik_history_get_undo_label (f->history), ==, "Delete the category „Miasto”");

  rocznik_year_add_topic (imported, "oświata", 10);
  g_assert_true (rocznik_workspace_store_year (f->ws, imported, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (rocznik_history_undo (f->history, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS);
  g_assert_false (rocznik_history_get_can_undo (f->history));
  g_assert_true (rocznik_workspace_has_year (f->ws, 2022));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/history/each-edit", Fixture, NULL, fixture_set_up, test_each_edit, fixture_tear_down);
  g_test_add ("/history/merge", Fixture, NULL, fixture_set_up, test_merge_figures, fixture_tear_down);
  g_test_add ("/history/sequence", Fixture, NULL, fixture_set_up, test_sequence, fixture_tear_down);
  g_test_add ("/history/limit", Fixture, GUINT_TO_POINTER (2), fixture_set_up, test_limit, fixture_tear_down);
  g_test_add ("/history/states", Fixture, NULL, fixture_set_up, test_states, fixture_tear_down);
  return g_test_run ();
}
