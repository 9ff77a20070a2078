/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window-actions.c — what the window's actions do: the topic
 * dialogs, import and export, undo and redo, chart and page choices */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-category-dialog.h"
#include "rocznik-chart-export-dialog.h"
#include "rocznik-error.h"
#include "rocznik-export-job.h"
#include "rocznik-format.h"
#include "rocznik-print.h"
#include "rocznik-topic-edit-dialog.h"
#include "rocznik-topic-merge-dialog.h"
#include "rocznik-topic-rename-dialog.h"
#include "rocznik-topic-row.h"
#include "rocznik-topics.h"
#include "rocznik-window-private.h"

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    RocznikWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          rocznik_window_import_file (self, file);
        }
    }
  g_object_unref (chooser);
}

/* Dialogs for editing topics: each asks, the window stores on ::apply. */

static void
edit_apply_cb (RocznikTopicEditDialog *dialog,
               RocznikWindow          *self)
{
  /* Read both before storing: a store reloads the table. */
  g_autofree char *name = rocznik_topic_edit_dialog_dup_new_name (dialog);
  g_autofree char *count = rocznik_topic_edit_dialog_dup_new_count (dialog);
  const char *key = rocznik_edit_dialog_get_key (ROCZNIK_EDIT_DIALOG (dialog));
  g_autoptr(GError) error = NULL;

  if (name == NULL && count == NULL)
    return;
  if ((count && !rocznik_window_set_topic_count (self, key, count, &error))
      || (name && !rocznik_window_set_topic_name (self, key, name, &error)))
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  rocznik_window_toast (self, _("Topic corrected"), _("_Undo"), "win.undo", NULL);
}

static void
rename_apply_cb (RocznikTopicRenameDialog *dialog,
                 RocznikWindow            *self)
{
  g_autofree char *name = g_strdup (rocznik_topic_rename_dialog_get_new_name (dialog));
  g_autoptr(GError) error = NULL;

  if (!rocznik_window_rename_topic (self, rocznik_edit_dialog_get_key (ROCZNIK_EDIT_DIALOG (dialog)), name, &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, _("Topic renamed in every year"), _("_Undo"), "win.undo", NULL);
}

static void
merge_apply_cb (RocznikTopicMergeDialog *dialog,
                RocznikWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (!rocznik_history_merge_topics (rocznik_window_history (self), rocznik_edit_dialog_get_key (ROCZNIK_EDIT_DIALOG (dialog)),
                                     rocznik_topic_merge_dialog_get_target (dialog), &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, _("Topics merged in every year"), _("_Undo"), "win.undo", NULL);
}

static void
categorize_apply_cb (RocznikCategoryDialog *dialog,
                     RocznikWindow         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = rocznik_collapse_spaces (rocznik_category_dialog_get_name (dialog));
  g_autofree char *message = NULL;

  if (!rocznik_window_add_to_category (self, clean, rocznik_category_dialog_get_keys (dialog), &error))
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Added to the category „%s”"), clean);
  rocznik_window_toast (self, message, _("_Undo"), "win.undo", NULL);
}

/* Export */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RocznikWindow *self = ROCZNIK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rocznik_export_job_finish (result, &error);
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;

  self->exporting--;
  if (path == NULL)
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  base = g_path_get_basename (path);
  uri = g_filename_to_uri (path, NULL, NULL);
  /* Translators: a toast after an export, "Saved raport.pdf" */
  message = g_strdup_printf (_("Saved %s"), base);
  rocznik_window_toast (self, message, _("_Open"), "win.open-uri", g_variant_new_string (uri ? uri : ""));
}

static void
run_export (RocznikWindow    *self,
            RocznikExportJob *job)
{
  self->exporting++;
  rocznik_export_job_run (job, self, export_done_cb, NULL);
}

static void
free_format (gpointer  format,
             GClosure *closure)
{
  g_free (format);
}

/* @format: the report's format, freed with the chooser's handler. */
static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    const char      *format)
{
  RocznikWindow *self = ROCZNIK_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      rocznik_window_export (self, format, path);
    }
  g_object_unref (chooser);
}

/* actions */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Year Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (all, _("Tables and reports"));
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_add_suffix (all, "tsv");
  gtk_file_filter_add_suffix (all, "txt");
  gtk_file_filter_add_suffix (all, "xlsx");
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (rocznik_session_get_year (self->session) == 0)
    return;
  if (rocznik_session_get_comparison_year (self->session))
    name = g_strdup_printf ("rocznik-%d-%d.%s", rocznik_session_get_year (self->session), rocznik_session_get_comparison_year (self->session), format);
  else
    name = g_strdup_printf ("rocznik-%d.%s", rocznik_session_get_year (self->session), format);
  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_filter_set_name (filter, format);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_data (chooser, "response", G_CALLBACK (export_response_cb), g_strdup (format),
                         free_format, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (ROCZNIK_WINDOW (widget)->export_button);
}

/* The topic actions and sorting, from the keyboard (Menu, Shift+F10). */
static void
topic_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "topics");
  rocznik_topic_table_popup_menu (self->topic_table);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (uri[0] == '\0')
    return;
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    rocznik_window_toast_error (ROCZNIK_WINDOW (widget), error);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "topics");
  rocznik_topic_table_start_search (self->topic_table);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (ROCZNIK_WINDOW (widget)->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  const char *text = g_variant_get_string (parameter, NULL);

  rocznik_topic_table_search (self->topic_table, text);
}

static void
select_year_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  rocznik_window_show_year (self, g_variant_get_int32 (parameter), rocznik_session_get_comparison_year (self->session));
}

static void
compare_year_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  rocznik_window_show_year (self, rocznik_session_get_year (self->session), g_variant_get_int32 (parameter));
}

/* (column, descending): what a click on a column header does. */
static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  gint32 column;
  gboolean descending;

  g_variant_get (parameter, "(ib)", &column, &descending);
  if (column < 0 || column >= N_COLUMNS)
    return;
  rocznik_topic_table_sort_by (self->topic_table, column, descending);
}

static void
select_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = rocznik_topic_key (g_variant_get_string (parameter, NULL));

  g_ptr_array_add (keys, g_steal_pointer (&key));
  rocznik_topic_table_select_keys (self->topic_table, keys);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autofree char *tsv = rocznik_window_get_selected_tsv (self);

  if (tsv == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  rocznik_window_toast (self, _("Copied; paste into a spreadsheet"), NULL, NULL, NULL);
}

/* Another program (say `rocznik --import`) changed the workspace: offer to
 * show it. Never reloaded unasked, so an edit in progress is not lost. */
static void
check_workspace_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  if (self->workspace && rocznik_workspace_changed_elsewhere (self->workspace))
    rocznik_window_toast (self, _("Another program changed the workspace"), _("_Show"), "win.reload", NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rocznik_session_reload (self->session, &error))
    rocznik_window_toast_error (self, error);
}

/* "Cofnij import": the snapshot kept before the import replaced a year. */
static void
restore_snapshot_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rocznik_workspace_restore_snapshot (self->workspace, g_variant_get_string (parameter, NULL), NULL, &error)
      || !rocznik_session_reload (self->session, &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, _("The import was undone"), NULL, NULL, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rocznik_window_undo (self, &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, _("Undone"), _("_Redo"), "win.redo", NULL);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!rocznik_window_redo (self, &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, _("Redone"), _("_Undo"), "win.undo", NULL);
}

/* Removes the selected topic from the year shown (a wrong import); undoable. */
static void
delete_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  RocznikTopicRow *row = rocznik_topic_table_get_selected_row (self->topic_table);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (row == NULL)
    return;
  message = g_strdup_printf (_("Deleted „%s” from %d"), rocznik_topic_row_get_name (row),
                             rocznik_session_get_year (self->session));
  if (!rocznik_history_delete_topic (rocznik_window_history (self), rocznik_session_get_year (self->session),
                                     rocznik_topic_row_get_key (row), &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, message, _("_Undo"), "win.undo", NULL);
}

/* Ctrl+P: the annual report of the year shown, drawn as the PDF is. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL || rocznik_session_get_year (self->session) == 0)
    return;
  operation = rocznik_print_operation_new (self->workspace, rocznik_session_get_year (self->session),
                                           rocznik_session_get_comparison_year (self->session), &error);
  if (operation == NULL
      || gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    rocznik_window_toast_error (self, error);
}

/* Removes the year shown from the workspace (a wrong import); undoable. */
static void
delete_year_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  int year = rocznik_session_get_year (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (year == 0)
    return;
  /* Translators: a toast, "Deleted the year 2019" */
  message = g_strdup_printf (_("Deleted the year %d"), year);
  if (!rocznik_history_delete_year (rocznik_window_history (self), year, &error))
    rocznik_window_toast_error (self, error);
  else
    rocznik_window_toast (self, message, _("_Undo"), "win.undo", NULL);
}

static void
edit_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  RocznikTopicRow *row = rocznik_topic_table_get_selected_row (self->topic_table);
  RocznikTopicEditDialog *dialog;

  if (row == NULL)
    return;
  dialog = rocznik_topic_edit_dialog_new (GTK_WINDOW (self), rocznik_session_get_year (self->session),
                                          rocznik_topic_row_get_key (row), rocznik_topic_row_get_name (row),
                                          rocznik_topic_row_get_row (row)->count);
  g_signal_connect (dialog, "apply", G_CALLBACK (edit_apply_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  RocznikTopicRow *row = rocznik_topic_table_get_selected_row (self->topic_table);
  RocznikTopicRenameDialog *dialog;

  if (row == NULL)
    return;
  dialog = rocznik_topic_rename_dialog_new (GTK_WINDOW (self), rocznik_topic_row_get_key (row),
                                            rocznik_topic_row_get_name (row));
  g_signal_connect (dialog, "apply", G_CALLBACK (rename_apply_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_topic_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  RocznikTopicRow *row = rocznik_topic_table_get_selected_row (self->topic_table);
  g_autoptr(GPtrArray) targets = NULL;
  RocznikTopicMergeDialog *dialog;

  if (row == NULL)
    return;
  /* Every topic of every year but this one, to merge into. */
  targets = rocznik_topics_list_all (rocznik_session_get_years (self->session), rocznik_topic_row_get_key (row));
  dialog = rocznik_topic_merge_dialog_new (GTK_WINDOW (self), rocznik_topic_row_get_key (row),
                                           rocznik_topic_row_get_name (row), targets);
  g_signal_connect (dialog, "apply", G_CALLBACK (merge_apply_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
categorize_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autoptr(GPtrArray) keys = rocznik_topic_table_get_selected_keys (self->topic_table);
  g_autoptr(GPtrArray) categories = rocznik_workspace_list_categories (self->workspace);
  RocznikCategoryDialog *dialog;

  if (keys->len == 0)
    return;
  g_ptr_array_add (keys, NULL);
  dialog = rocznik_category_dialog_new (GTK_WINDOW (self), (const char *const *) keys->pdata,
                                        categories && categories->len
                                        ? ((RocznikCategory *) g_ptr_array_index (categories, 0))->name : NULL);
  g_signal_connect (dialog, "apply", G_CALLBACK (categorize_apply_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chart_file_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RocznikWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      rocznik_window_export_chart (self, path, &self->export_options);
    }
  g_object_unref (chooser);
}

/* The dialog chose format and size; now where to save. */
static void
chart_export_cb (RocznikChartExportDialog *dialog,
                 RocznikWindow            *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *format;
  GtkFileChooserNative *chooser;

  rocznik_chart_export_dialog_get_options (dialog, &self->export_options);
  gtk_window_destroy (GTK_WINDOW (dialog));
  format = self->export_options.format;
  /* Translators: the start of a chart's file name, "chart-2018.png" */
  name = g_strdup_printf ("%s-%d.%s", C_("file name", "chart"), rocznik_session_get_year (self->session), format);
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_filter_set_name (filter, format);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chart_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* @parameter: a format to preselect, or "" for the last one used. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  RocznikChartExportOptions options = self->export_options;
  RocznikChartExportDialog *dialog;

  if (rocznik_chart_pane_get_chart (self->chart_pane) == NULL)
    return;
  if (*format)
    options.format = format;
  dialog = rocznik_chart_export_dialog_new (GTK_WINDOW (self), &options);
  g_signal_connect_object (dialog, "export", G_CALLBACK (chart_export_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  /* The chart as exported: light, at the social-media size. */
  if (!rocznik_chart_pane_copy (self->chart_pane))
    return;
  rocznik_window_toast (self, _("Chart copied as an image"), NULL, NULL, NULL);
}

static void
chart_type_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  RocznikChartType type;

  if (!rocznik_chart_type_from_string (g_variant_get_string (parameter, NULL), &type))
    return;
  rocznik_session_set_chart_type (self->session, type);
}

/* "topics" or "categories" */
static void
compare_by_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  rocznik_session_set_compare_by (self->session,
                                  g_str_equal (g_variant_get_string (parameter, NULL), "categories")
                                  ? ROCZNIK_COMPARE_BY_CATEGORIES : ROCZNIK_COMPARE_BY_TOPICS);
}

static void
chart_texts_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "topics");
  rocznik_chart_pane_popup_texts (self->chart_pane);
}

static void
reset_chart_texts_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  for (guint i = 0; i < ROCZNIK_CHART_N_TEXTS; i++)
    rocznik_window_set_chart_text (self, i, "");
}

static void
delete_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);
  g_autofree char *name = g_variant_dup_string (parameter, NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!rocznik_window_delete_category (self, name, &error))
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  /* Translators: a toast, "Removed the category „Transport”" */
  message = g_strdup_printf (_("Removed the category „%s”"), name);
  rocznik_window_toast (self, message, _("_Undo"), "win.undo", NULL);
}

/* The controls show the session and change it; the window redraws on its
 * notifications. No control is ever rebuilt while it is being used. */

/* public API */

/* Writes the shown year (and comparison) as @format ("xlsx", "pdf", "csv":
 * the report; "png", "svg": the chart) to @path in a worker thread; a toast
 * says when it is done. */
void
rocznik_window_export (RocznikWindow *self,
                       const char    *format,
                       const char    *path)
{
  g_return_if_fail (ROCZNIK_IS_WINDOW (self));
  g_return_if_fail (format != NULL && path != NULL);

  if (self->workspace == NULL)
    return;
  /* Charts go the way the chart dialog sends them: sharp, light. */
  if (g_str_equal (format, "png") || g_str_equal (format, "svg"))
    {
      RocznikChartExportOptions options = { g_str_equal (format, "png") ? "png" : "svg", 1200, 675, 2, FALSE };

      rocznik_window_export_chart (self, path, &options);
      return;
    }
  run_export (self, rocznik_export_job_new_report (rocznik_workspace_get_path (self->workspace),
                                                  rocznik_session_get_year (self->session),
                                                  rocznik_session_get_comparison_year (self->session),
                                                  format, path));
}

/* Writes the chart the window shows, with its texts, as @options say, to
 * @path (the format's extension added when missing) in a worker thread. */
void
rocznik_window_export_chart (RocznikWindow                   *self,
                             const char                      *path,
                             const RocznikChartExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RocznikChart *chart;

  g_return_if_fail (ROCZNIK_IS_WINDOW (self));
  g_return_if_fail (path != NULL && options != NULL && options->format != NULL);

  chart = rocznik_chart_pane_chart_new (self->chart_pane,
                                        options->dark ? ROCZNIK_CHART_THEME_DARK : ROCZNIK_CHART_THEME_LIGHT, &error);
  if (chart == NULL)
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  run_export (self, rocznik_export_job_new_chart (chart, options->format, path,
                                                  options->width, options->height, options->scale));
}

void
rocznik_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-menu", NULL, export_menu_action);
  gtk_widget_class_install_action (widget_class, "win.topic-menu", NULL, topic_menu_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.filter", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.select-year", "i", select_year_action);
  gtk_widget_class_install_action (widget_class, "win.compare-year", "i", compare_year_action);
  gtk_widget_class_install_action (widget_class, "win.sort", "(ib)", sort_action);
  gtk_widget_class_install_action (widget_class, "win.select-topic", "s", select_topic_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.restore-snapshot", "s", restore_snapshot_action);
  gtk_widget_class_install_action (widget_class, "win.check-workspace", NULL, check_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.delete-topic", NULL, delete_topic_action);
  gtk_widget_class_install_action (widget_class, "win.delete-year", NULL, delete_year_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.edit-topic", NULL, edit_topic_action);
  gtk_widget_class_install_action (widget_class, "win.rename-topic", NULL, rename_topic_action);
  gtk_widget_class_install_action (widget_class, "win.merge-topic", NULL, merge_topic_action);
  gtk_widget_class_install_action (widget_class, "win.categorize", NULL, categorize_action);
  gtk_widget_class_install_action (widget_class, "win.delete-category", "s", delete_category_action);
  gtk_widget_class_install_action (widget_class, "win.chart-type", "s", chart_type_action);
  gtk_widget_class_install_action (widget_class, "win.compare-by", "s", compare_by_action);
  gtk_widget_class_install_action (widget_class, "win.reset-chart-texts", NULL, reset_chart_texts_action);
  gtk_widget_class_install_action (widget_class, "win.chart-texts", NULL, chart_texts_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-chart", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.chart-texts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-topic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-topic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "win.topic-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "win.topic-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "topics");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "year");
}
