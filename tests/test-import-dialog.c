/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog under Xvfb: preview, a changed choice read again,
 * Import stores, Cancel stores nothing, an existing year is not replaced
 * unless the user says so. */

#include <adwaita.h>
#include <string.h>

#include "rocznik-import-dialog.h"
#include "rocznik-table.h"
#include "rocznik-workspace.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), name, NULL);
  return g_file_new_for_path (path);
}

static void
wait_idle (RocznikImportDialog *dialog)
{
  for (int i = 0; i < 5000 && rocznik_import_dialog_get_busy (dialog); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rocznik_import_dialog_get_busy (dialog));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The first descendant that @match accepts. */
static GtkWidget *
find (GtkWidget *widget,
      gboolean (*match) (GtkWidget *, gconstpointer),
      gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
label_containing (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_spin (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_switch (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SWITCH (widget);
}

static void
imported_cb (RocznikImportDialog *dialog,
             gpointer             user_data)
{
  (*(int *) user_data)++;
}

static void
test_preview_and_import (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = fixture ("seed-2018-cp1250.csv");
  RocznikImportDialog *dialog = rocznik_import_dialog_new (NULL, ws, file);
  GtkWidget *row;
  int imported = 0;

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_nonnull (rocznik_import_dialog_get_import (dialog));
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "2018: 17 topics, 388\u00a0468 calls"));
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "WINDOWS-1250"));
  /* one row per column, with the role the core chose */
  row = find (GTK_WIDGET (dialog), row_titled, "Liczba rozmów");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);

  if (g_getenv ("ROCZNIK_SCREENSHOT"))
    {
      GdkPaintable *paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      cairo_surface_t *surface;
      cairo_t *cr;
      int w = gtk_widget_get_width (GTK_WIDGET (dialog)), h = gtk_widget_get_height (GTK_WIDGET (dialog));

      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cr = cairo_create (surface);
      if (node)
        gsk_render_node_draw (node, cr);
      cairo_surface_write_to_png (surface, g_getenv ("ROCZNIK_SCREENSHOT"));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_clear_pointer (&node, gsk_render_node_unref);
      g_object_unref (paintable);
    }

  /* another encoding, chosen by the user: read again; Windows-1250's „ś”
   * read as ISO-8859-2 is the control character U+009C, refused in a name */
  row = find (GTK_WIDGET (dialog), row_titled, "_Encoding");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 5);
  wait_idle (dialog);
  g_assert_null (rocznik_import_dialog_get_import (dialog));
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "control character U+009C"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  wait_idle (dialog);
  g_assert_cmpstr (rocznik_import_get_encoding (rocznik_import_dialog_get_import (dialog)), ==, "WINDOWS-1250");

  /* the year field shows this file's year, the preview its first rows */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (GTK_WIDGET (dialog), is_spin, NULL))), ==, 2018);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "gospodarka odpadami"));
  /* the organisation, as the user writes it, goes to the stored year */
  row = find (GTK_WIDGET (dialog), row_titled, "_Organisation");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Biuro Poznań Kontakt (UMP)");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_cmpint (imported, ==, 1);
  g_assert_true (rocznik_workspace_has_year (ws, 2018));
  {
    g_autoptr(GPtrArray) years = rocznik_workspace_load_all (ws, NULL);
    const RocznikYear *y = rocznik_years_find (years, 2018);

    g_assert_nonnull (y);
    g_assert_cmpstr (y->organisation, ==, "Biuro Poznań Kontakt (UMP)");
  }
  g_object_unref (dialog);
}

static void
test_exists (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = fixture ("seed-2018-bom.csv");
  g_autoptr(GError) error = NULL;
  RocznikImportDialog *dialog;
  int imported = 0;

  /* the bundled sample's 2018 yields to imported data */
  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  dialog = rocznik_import_dialog_new (NULL, ws, file);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "replaces the bundled sample"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_cmpint (imported, ==, 1);
  g_object_unref (dialog);

  /* a year imported is not replaced unless the user says so */
  imported = 0;
  dialog = rocznik_import_dialog_new (NULL, ws, file);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "already in the workspace"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_cmpint (imported, ==, 0);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "is already in the workspace; choose to replace it"));

  gtk_switch_set_active (GTK_SWITCH (find (GTK_WIDGET (dialog), is_switch, NULL)), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_cmpint (imported, ==, 1);
  g_object_unref (dialog);
}

static void
test_cancel (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = fixture ("records-2018.csv");
  RocznikImportDialog *dialog = rocznik_import_dialog_new (NULL, ws, file);
  int imported = 0;

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (rocznik_import_dialog_get_busy (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.cancel", NULL);
  for (int i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (imported, ==, 0);
  g_assert_false (rocznik_workspace_has_year (ws, 2018));
  g_object_unref (dialog);
  /* the worker finishes and lets go of the dialog */
  for (int i = 0; i < 500; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_error (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = fixture ("bad/not-a-number.csv");
  RocznikImportDialog *dialog = rocznik_import_dialog_new (NULL, ws, file);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_null (rocznik_import_dialog_get_import (dialog));
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing,
                          "file not-a-number.csv, line 3: „dużo” is not a number of calls"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A per-request file refused for a choice: the message, and the columns to
 * make it with; then one condition on a column's values. */
static GFile *
request (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_REQUESTS"), name, NULL);
  return g_file_new_for_path (path);
}

static void
choose_role (RocznikImportDialog *dialog,
             const char          *column,
             guint                role_row)
{
  GtkWidget *row = find (GTK_WIDGET (dialog), row_titled, column);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), role_row);
  wait_idle (dialog);
}

/* The profile of the import's first year. */
static RocznikCallProfile *
find_year_calls (RocznikImport *import)
{
  return ((RocznikYear *) g_ptr_array_index (rocznik_import_get_years (import), 0))->calls;
}

static void
test_choices (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = request ("sprawy-bez-nazw.csv");
  RocznikImportDialog *dialog = rocznik_import_dialog_new (NULL, ws, file);
  RocznikImport *import;

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_null (rocznik_import_dialog_get_import (dialog));
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing,
                          "cannot tell which column holds the date of the call: „Data A”, „Data B”"));
  /* the first rows are shown as read */
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "S/2019/00000"));
  choose_role (dialog, "Data A", 5);     /* date of the call */
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing,
                          "cannot tell which column holds the topic of the call: „Kanał”, „Rodzaj”"));
  choose_role (dialog, "Rodzaj", 1);     /* topic */
  import = rocznik_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 1200);
  /* the channel column is found and offered as such (row 7: channel) */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), row_titled, "Kanał"))), ==, 7);
  g_assert_cmpuint (find_year_calls (import)->channels->len, ==, 3);
  /* taken off its column: no channel at all, not found again */
  choose_role (dialog, "Kanał", 0);
  import = rocznik_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_true (find_year_calls (import)->has_hours);
  g_assert_cmpuint (find_year_calls (import)->channels->len, ==, 0);
  choose_role (dialog, "Kanał", 7);
  import = rocznik_import_dialog_get_import (dialog);
  g_assert_cmpuint (find_year_calls (import)->channels->len, ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_true (rocznik_workspace_has_year (ws, 2020));
  g_object_unref (dialog);

  /* the same header again: the choices are remembered, nothing is asked */
  dialog = rocznik_import_dialog_new (NULL, ws, file);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  import = rocznik_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 1200);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "as remembered for files with this header"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_filter (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GFile) file = request ("zgloszenia-2014-2015.txt");
  g_autofree char *phone_path = g_build_filename (g_getenv ("ROCZNIK_REQUESTS"), "zgloszenia-2014-2015.txt.telefon", NULL);
  g_autofree char *phone = NULL;
  g_auto(GStrv) lines = NULL;
  RocznikImportDialog *dialog = rocznik_import_dialog_new (NULL, ws, file);
  GtkWidget *row;
  guint64 calls = 0;

  g_assert_true (g_file_get_contents (phone_path, &phone, NULL, NULL));
  lines = g_strsplit (phone, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    calls += g_ascii_strtoull (strrchr (lines[i], '\t') + 1, NULL, 10);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle (dialog);
  g_assert_cmpuint (rocznik_import_get_n_rows (rocznik_import_dialog_get_import (dialog)), ==, 2500);
  row = find (GTK_WIDGET (dialog), row_titled, "_Count rows where");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 11);   /* Źródło: the most common value, TELEFON */
  wait_idle (dialog);
  g_assert_cmpuint (rocznik_import_get_n_rows (rocznik_import_dialog_get_import (dialog)), ==, calls);
  g_assert_nonnull (find (GTK_WIDGET (dialog), label_containing, "rows left out by the conditions"));

  /* another value of the same column counts other rows; back, the first count again */
  row = find (GTK_WIDGET (dialog), row_titled, "_holds");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  wait_idle (dialog);
  g_assert_cmpuint (rocznik_import_get_n_rows (rocznik_import_dialog_get_import (dialog)), >, 0);
  g_assert_cmpuint (rocznik_import_get_n_rows (rocznik_import_dialog_get_import (dialog)), !=, calls);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  wait_idle (dialog);
  g_assert_cmpuint (rocznik_import_get_n_rows (rocznik_import_dialog_get_import (dialog)), ==, calls);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/import-dialog/preview-and-import", test_preview_and_import);
  g_test_add_func ("/import-dialog/exists", test_exists);
  g_test_add_func ("/import-dialog/cancel", test_cancel);
  g_test_add_func ("/import-dialog/error", test_error);
  g_test_add_func ("/import-dialog/choices", test_choices);
  g_test_add_func ("/import-dialog/filter", test_filter);
  return g_test_run ();
}
