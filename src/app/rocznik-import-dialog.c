/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-dialog.c — the preview of an import, and its choices
 *
 * The file is read by rocznik_import_file() in a GTask thread; the dialog
 * shows what the core understood (its summary, the encoding, delimiter,
 * sheet and column roles it chose) and lets the user change any of them,
 * which reads the file again. Nothing is stored until "Import"; cancelling
 * stores nothing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rocznik-accessible.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import-dialog.h"

/* The roles a user can give a column, in the order of the combo rows. */
static const RocznikImportColumnRole choosable_roles[] = {
  ROCZNIK_IMPORT_COLUMN_IGNORED,
  ROCZNIK_IMPORT_COLUMN_TOPIC,
  ROCZNIK_IMPORT_COLUMN_COUNT,
  ROCZNIK_IMPORT_COLUMN_YEAR,
  ROCZNIK_IMPORT_COLUMN_MONTH,
  ROCZNIK_IMPORT_COLUMN_DATE,
  ROCZNIK_IMPORT_COLUMN_YEAR_COUNT,
  ROCZNIK_IMPORT_COLUMN_CHANNEL,
  ROCZNIK_IMPORT_COLUMN_DURATION,
  ROCZNIK_IMPORT_COLUMN_TIME,
};

static const char *const encodings[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1250", "ISO-8859-2" };
static const RocznikDateOrder date_orders[] = {
  ROCZNIK_DATE_ORDER_DETECT, ROCZNIK_DATE_ORDER_DAY_FIRST, ROCZNIK_DATE_ORDER_MONTH_FIRST,
};

#define PREVIEW_ROWS 8
#define PREVIEW_CELL_CHARS 24
static const char delimiters[] = { 0, ',', ';', '\t', '|' };

typedef struct
{
  char                 *path;
  char                 *encoding;
  char                 *sheet;
  char                 *where[2];   /* one condition, "N=VALUE" */
  char                 *remembered;
  RocznikImportOptions  options;
  int                   permille;   /* progress, written by the thread */
} Job;

/* What a read gives: a preview, or a refusal with what was read before it. */
typedef struct
{
  RocznikImport *import;
  RocznikImport *partial;
  GError        *error;
} Result;

struct _RocznikImportDialog
{
  AdwWindow          parent_instance;

  RocznikWorkspace  *workspace;
  GFile             *file;
  RocznikImport     *import;
  GCancellable      *cancellable;
  Job               *job;           /* of the running read, owned by its task */
  guint              progress_id;
  gboolean           busy;
  gboolean           again;         /* options changed while reading */
  gboolean           disposed;
  RocznikImportOptions options;
  char              *sheet;
  char              *where;          /* "N=VALUE", NULL: every row */
  RocznikImport     *partial;        /* read before a refusal: its columns */
  char              *remembered;     /* choices remembered for this header */
  gboolean           looked_up;      /* … looked up, after the first read */
  GPtrArray         *column_rows;
  GPtrArray         *filter_values; /* char*: the value behind each item of the value menu */

  GtkWidget         *import_button;
  GtkWidget         *progress;
  GtkWidget         *error_label;
  GtkWidget         *summary_label;
  GtkWidget         *year_from_file;
  GtkWidget         *year_spin;
  GtkWidget         *organisation_row;
  GtkWidget         *encoding_row;
  GtkWidget         *delimiter_row;
  GtkWidget         *sheet_row;
  GtkWidget         *replace_switch;
  GtkWidget         *columns_group;
  GtkWidget         *date_order_row;
  GtkWidget         *filter_column_row;
  GtkWidget         *filter_value_row;
  GtkWidget         *preview_grid;
};

G_DEFINE_FINAL_TYPE (RocznikImportDialog, rocznik_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_reading (RocznikImportDialog *self);

/* Helpers */

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->encoding);
  g_free (job->sheet);
  g_free (job->where[0]);
  g_free (job->remembered);
  g_free (job);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  rocznik_import_free (result->import);
  rocznik_import_free (result->partial);
  g_clear_error (&result->error);
  g_free (result);
}

/* The preview shown: the import, else what was read before a refusal. */
static RocznikImport *
shown (RocznikImportDialog *self)
{
  return self->import ? self->import : self->partial;
}

static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
}

static void
set_busy (RocznikImportDialog *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (self->progress, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", !busy && self->import != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (RocznikImportDialog *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static GtkStringList *
role_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choosable_roles); i++)
    gtk_string_list_append (list, rocznik_import_column_role_name (choosable_roles[i]));
  return list;
}

static void column_role_cb (GObject *row, GParamSpec *pspec, gpointer user_data);
static void sheet_changed_cb (RocznikImportDialog *self);
static void filter_changed_cb (RocznikImportDialog *self);

static void
fill_columns (RocznikImportDialog *self)
{
  RocznikImport *import = shown (self);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->columns_group),
                                  g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint col = 0; import && col < rocznik_import_get_n_columns (import); col++)
    {
      g_autoptr(GtkStringList) model = role_model ();
      RocznikImportColumnRole role = rocznik_import_get_column_role (import, col);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rocznik_import_get_column_name (import, col));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      for (guint i = 0; i < G_N_ELEMENTS (choosable_roles); i++)
        if (choosable_roles[i] == role)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      /* connected once it shows the role read: only the user's choice reads again */
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_role_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), row);
      g_ptr_array_add (self->column_rows, row);
    }
  gtk_widget_set_visible (self->columns_group, self->column_rows->len > 0);
}

static void
fill_sheets (RocznikImportDialog *self)
{
  const char * const *sheets = self->import ? rocznik_import_get_sheets (self->import) : NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (sheets);
  const char *current = self->import ? rocznik_import_get_sheet (self->import) : NULL;

  /* A new model selects its first sheet before the one read is selected:
   * neither is the user's choice. */
  g_signal_handlers_block_by_func (self->sheet_row, sheet_changed_cb, self);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->sheet_row), G_LIST_MODEL (model));
  for (guint i = 0; sheets && sheets[i]; i++)
    if (g_strcmp0 (sheets[i], current) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->sheet_row), i);
  g_signal_handlers_unblock_by_func (self->sheet_row, sheet_changed_cb, self);
  gtk_widget_set_visible (self->sheet_row, sheets != NULL);
}

/* The first rows as read, in a grid: the file as the user knows it. */
static void
fill_preview_rows (RocznikImportDialog *self)
{
  RocznikImport *import = shown (self);
  GPtrArray *rows = import ? rocznik_import_get_preview (import) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->preview_grid)))
    gtk_grid_remove (GTK_GRID (self->preview_grid), child);
  for (guint r = 0; rows && r < rows->len && r < PREVIEW_ROWS; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint col = 0; cells[col]; col++)
        {
          GtkWidget *label = gtk_label_new (cells[col]);

          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CELL_CHARS);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (GTK_GRID (self->preview_grid), label, col, r, 1, 1);
        }
    }
}

/* The filter's columns, and the values of the one chosen with their
 * counts in the first rows. */
static void
fill_filter (RocznikImportDialog *self)
{
  RocznikImport *import = shown (self);
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);
  guint column = 0, value = 0;

  gtk_string_list_append (columns, _("Every row"));
  for (guint col = 0; import && col < rocznik_import_get_n_columns (import); col++)
    gtk_string_list_append (columns, rocznik_import_get_column_name (import, col));
  if (self->where)
    column = (guint) atoi (self->where);
  /* The menus show the filter read; refilling them chooses nothing. */
  g_signal_handlers_block_by_func (self->filter_column_row, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->filter_value_row, filter_changed_cb, self);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->filter_column_row), G_LIST_MODEL (columns));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->filter_column_row), column);

  g_ptr_array_set_size (self->filter_values, 0);
  if (import && column > 0)
    {
      g_autoptr(GPtrArray) counts = rocznik_import_get_column_values (import, column - 1);
      const char *chosen = strchr (self->where, '=') + 1;

      for (guint i = 0; i < counts->len; i++)
        {
          g_auto(GStrv) pair = g_strsplit (g_ptr_array_index (counts, i), "\t", 2);
          g_autofree char *item = g_strdup_printf (_("%s (%s in the first rows)"), pair[0], pair[1]);

          gtk_string_list_append (values, item);
          g_ptr_array_add (self->filter_values, g_strdup (pair[0]));
          if (g_str_equal (pair[0], chosen))
            value = i;
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->filter_value_row), G_LIST_MODEL (values));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->filter_value_row), value);
  g_signal_handlers_unblock_by_func (self->filter_value_row, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->filter_column_row, filter_changed_cb, self);
  gtk_widget_set_sensitive (self->filter_value_row, column > 0);
}

static void
show_preview (RocznikImportDialog *self)
{
  RocznikImport *import = self->import;
  RocznikImportFormat format = rocznik_import_get_format (import);
  g_autofree char *summary = rocznik_import_describe (import, self->workspace);
  g_autofree char *delimiter = rocznik_import_delimiter_name (rocznik_import_get_delimiter (import));
  g_autofree char *found_encoding = NULL;
  g_autofree char *found_delimiter = NULL;

  show_error (self, NULL);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  gtk_widget_set_visible (self->encoding_row, format != ROCZNIK_IMPORT_FORMAT_XLSX);
  found_encoding = g_strdup_printf (_("Found: %s"), rocznik_import_get_encoding (import) ? rocznik_import_get_encoding (import) : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), found_encoding);

  gtk_widget_set_visible (self->delimiter_row, format == ROCZNIK_IMPORT_FORMAT_DELIMITED);
  found_delimiter = g_strdup_printf (_("Found: %s"), delimiter);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), found_delimiter);

  fill_sheets (self);
  fill_columns (self);
  fill_filter (self);
  fill_preview_rows (self);
  /* The year field shows this file's year, never a default or another file's. */
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->year_from_file)))
    {
      GPtrArray *years = rocznik_import_get_years (import);

      if (years && years->len > 0)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin),
                                   ((const RocznikYear *) g_ptr_array_index (years, years->len - 1))->year);
    }
  /* …and the organisation the file names, which the user may correct. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)), "") == 0)
    {
      GPtrArray *years = rocznik_import_get_years (import);
      const RocznikYear *y = years && years->len ? g_ptr_array_index (years, 0) : NULL;

      if (y && y->organisation)
        gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), y->organisation);
    }
}

/* A refusal: the message, and the columns to choose from. */
static void
show_refusal (RocznikImportDialog *self,
              const char          *message)
{
  show_error (self, message);
  gtk_label_set_text (GTK_LABEL (self->summary_label), "");
  fill_columns (self);
  fill_filter (self);
  fill_preview_rows (self);
}

/* Callbacks */

static gboolean
progress_cb (gpointer user_data)
{
  RocznikImportDialog *self = user_data;

  if (self->job)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress),
                                   g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  Result *result = g_new0 (Result, 1);

  result->import = rocznik_import_file_partial (job->path, &job->options, cancellable, job_progress, job,
                                                &result->partial, &result->error);
  g_task_return_pointer (task, result, result_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *task,
              gpointer      user_data)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (source);
  GError *cancelled = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (task), &cancelled);

  if (result == NULL)
    {
      /* a cancelled task returns its error, not the result */
      result = g_new0 (Result, 1);
      result->error = cancelled;
    }

  self->job = NULL;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (self->disposed)
    {
      result_free (result);
      return;
    }

  g_clear_pointer (&self->import, rocznik_import_free);
  g_clear_pointer (&self->partial, rocznik_import_free);
  self->import = g_steal_pointer (&result->import);
  self->partial = g_steal_pointer (&result->partial);
  set_busy (self, FALSE);
  if (!self->looked_up && shown (self) && rocznik_import_get_header_key (shown (self)) &&
      !rocznik_import_get_explicit_choices (shown (self)))
    {
      /* once: choices remembered for a file with this header */
      self->looked_up = TRUE;
      self->remembered = rocznik_workspace_get_import_choices (self->workspace,
                                                               rocznik_import_get_header_key (shown (self)));
      self->again = self->again || self->remembered != NULL;
    }
  if (self->again)
    {
      self->again = FALSE;
      result_free (result);
      start_reading (self);
      return;
    }
  if (self->import)
    show_preview (self);
  else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Reading was cancelled; nothing was imported."));
  else
    show_refusal (self, result->error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", self->import != NULL);
  result_free (result);
}

static void
start_reading (RocznikImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->busy)
    {
      /* read again once the running read has stopped */
      self->again = TRUE;
      g_cancellable_cancel (self->cancellable);
      return;
    }

  job = g_new0 (Job, 1);
  job->path = g_file_get_path (self->file);
  job->options = self->options;
  job->encoding = g_strdup (self->options.encoding);
  job->sheet = g_strdup (self->sheet);
  job->options.encoding = job->encoding;
  job->options.sheet = job->sheet;
  job->where[0] = g_strdup (self->where);
  job->options.where = self->where ? (const char * const *) job->where : NULL;
  /* the workspace stays on this thread: remembered choices go as text */
  job->remembered = g_strdup (self->remembered);
  job->options.remembered = job->remembered;
  job->options.workspace = NULL;
  self->job = job;
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), NULL);
  set_busy (self, TRUE);
  self->progress_id = g_timeout_add (100, progress_cb, self);

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, read_thread);
}

static void
column_role_cb (GObject    *row,
                GParamSpec *pspec,
                gpointer    user_data)
{
  RocznikImportDialog *self = user_data;
  int *slots[] = { NULL, &self->options.topic_column, &self->options.count_column, &self->options.year_column,
                   &self->options.month_column, &self->options.date_column, NULL,
                   &self->options.channel_column, &self->options.duration_column, &self->options.time_column };

  /* every role as the rows now show it; a role shown nowhere is detected */
  for (guint r = 0; r < G_N_ELEMENTS (slots); r++)
    if (slots[r])
      *slots[r] = -1;
  for (guint col = 0; col < self->column_rows->len; col++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->column_rows, col));

      if (selected < G_N_ELEMENTS (slots) && slots[selected] && *slots[selected] < 0)
        *slots[selected] = (int) col;
    }
  /* a channel, handling time or time of day taken off its column: none */
  for (guint r = 7; r < G_N_ELEMENTS (slots); r++)
    for (guint col = 0; *slots[r] == -1 && shown (self) && col < rocznik_import_get_n_columns (shown (self)); col++)
      if (rocznik_import_get_column_role (shown (self), col) == choosable_roles[r])
        *slots[r] = ROCZNIK_IMPORT_NO_COLUMN;
  start_reading (self);
}

static void
year_changed_cb (RocznikImportDialog *self)
{
  gboolean from_file = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->year_from_file));
  int year = from_file ? 0 : gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));

  gtk_widget_set_sensitive (self->year_spin, !from_file);
  /* The preview shows the file's year in the spin button while the year
   * comes from the file: that asks for no other year. */
  if (year == self->options.year)
    return;
  self->options.year = year;
  start_reading (self);
}

static void
encoding_changed_cb (RocznikImportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->encoding_row));

  if (i >= G_N_ELEMENTS (encodings))
    return;
  self->options.encoding = encodings[i];
  start_reading (self);
}

static void
delimiter_changed_cb (RocznikImportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->delimiter_row));

  if (i >= G_N_ELEMENTS (delimiters))
    return;
  self->options.delimiter = delimiters[i];
  start_reading (self);
}

static void
sheet_changed_cb (RocznikImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->sheet_row));

  if (item == NULL)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (gtk_string_object_get_string (item));
  /* another sheet has other columns */
  self->options.topic_column = self->options.count_column = self->options.year_column = -1;
  self->options.month_column = self->options.date_column = -1;
  self->options.channel_column = self->options.duration_column = self->options.time_column = -1;
  start_reading (self);
}

static void
date_order_changed_cb (RocznikImportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->date_order_row));

  if (i >= G_N_ELEMENTS (date_orders))
    return;
  self->options.date_order = date_orders[i];
  start_reading (self);
}

/* "N=VALUE" with N the column's number, so a header with "=" is no trouble */
static void
filter_changed_cb (RocznikImportDialog *self)
{
  guint column = adw_combo_row_get_selected (ADW_COMBO_ROW (self->filter_column_row));
  guint item = adw_combo_row_get_selected (ADW_COMBO_ROW (self->filter_value_row));
  const char *value = item < self->filter_values->len ? g_ptr_array_index (self->filter_values, item) : NULL;
  guint old_column = self->where ? (guint) atoi (self->where) : 0;

  g_clear_pointer (&self->where, g_free);
  if (column > 0 && column != GTK_INVALID_LIST_POSITION)
    {
      /* a new column: its most common value until another is chosen */
      if (column != old_column || value == NULL)
        {
          g_autoptr(GPtrArray) counts = rocznik_import_get_column_values (shown (self), column - 1);
          g_auto(GStrv) pair = counts->len ? g_strsplit (g_ptr_array_index (counts, 0), "\t", 2) : NULL;

          self->where = pair ? g_strdup_printf ("%u=%s", column, pair[0]) : NULL;
        }
      else
        self->where = g_strdup_printf ("%u=%s", column, value);
    }
  start_reading (self);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (widget);

  self->again = FALSE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

/* What the user wrote in "Organisation" goes to every year of the file. */
static void
apply_organisation (RocznikImportDialog *self)
{
  g_autofree char *organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  GPtrArray *years = rocznik_import_get_years (self->import);

  if (*organisation == '\0')
    return;
  for (guint i = 0; years && i < years->len; i++)
    {
      RocznikYear *y = g_ptr_array_index (years, i);

      g_free (y->organisation);
      y->organisation = g_strdup (organisation);
    }
}

static void
import_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean replace = gtk_switch_get_active (GTK_SWITCH (self->replace_switch));

  if (self->busy || self->import == NULL)
    return;
  apply_organisation (self);
  if (!rocznik_import_store (self->import, self->workspace, replace, &error))
    {
      if (g_error_matches (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS))
        {
          g_autofree char *message = g_strdup_printf ("%s\n%s", error->message,
                                                      _("Switch on „Replace years already in the workspace” to replace it."));
          show_error (self, message);
        }
      else
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject overrides */

static void
rocznik_import_dialog_dispose (GObject *object)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (rocznik_import_dialog_parent_class)->dispose (object);
}

static void
rocznik_import_dialog_finalize (GObject *object)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, rocznik_import_free);
  g_clear_pointer (&self->partial, rocznik_import_free);
  g_free (self->where);
  g_free (self->remembered);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->filter_values, g_ptr_array_unref);
  g_free (self->sheet);
  G_OBJECT_CLASS (rocznik_import_dialog_parent_class)->finalize (object);
}

static void
rocznik_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RocznikImportDialog *self = ROCZNIK_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_import_dialog_class_init (RocznikImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rocznik_import_dialog_dispose;
  object_class->finalize = rocznik_import_dialog_finalize;
  object_class->get_property = rocznik_import_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the years were stored; the workspace has changed */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, year_from_file);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, organisation_row);

  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, replace_switch);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, filter_column_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, filter_value_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikImportDialog, preview_grid);

  gtk_widget_class_install_action (widget_class, "import-dialog.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import-dialog.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import-dialog.cancel", NULL);
}

static void
rocznik_import_dialog_init (RocznikImportDialog *self)
{
  g_autoptr(GtkStringList) encoding_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) delimiter_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) order_model = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rocznik_accessible_fix_names (GTK_WIDGET (self));
  rocznik_import_options_init (&self->options);
  self->column_rows = g_ptr_array_new ();
  self->filter_values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (encoding_model, _("Detect"));
  gtk_string_list_append (encoding_model, "UTF-8");
  gtk_string_list_append (encoding_model, "UTF-16 LE");
  gtk_string_list_append (encoding_model, "UTF-16 BE");
  gtk_string_list_append (encoding_model, "Windows-1250");
  gtk_string_list_append (encoding_model, "ISO-8859-2");
  adw_combo_row_set_model (ADW_COMBO_ROW (self->encoding_row), G_LIST_MODEL (encoding_model));

  gtk_string_list_append (delimiter_model, _("Detect"));
  for (guint i = 1; i < G_N_ELEMENTS (delimiters); i++)
    {
      g_autofree char *name = rocznik_import_delimiter_name (delimiters[i]);
      gtk_string_list_append (delimiter_model, name);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->delimiter_row), G_LIST_MODEL (delimiter_model));

  g_signal_connect_swapped (self->year_from_file, "toggled", G_CALLBACK (year_changed_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (encoding_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (delimiter_changed_cb), self);
  gtk_string_list_append (order_model, _("Detect"));
  gtk_string_list_append (order_model, _("Day first (03/01/2011 is 3 January)"));
  gtk_string_list_append (order_model, _("Month first (03/01/2011 is 1 March)"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->date_order_row), G_LIST_MODEL (order_model));

  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (sheet_changed_cb), self);
  g_signal_connect_swapped (self->date_order_row, "notify::selected", G_CALLBACK (date_order_changed_cb), self);
  g_signal_connect_swapped (self->filter_column_row, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->filter_value_row, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import", FALSE);
}

/* Public API */

RocznikImportDialog *
rocznik_import_dialog_new (GtkWindow        *parent,
                           RocznikWorkspace *workspace,
                           GFile            *file)
{
  RocznikImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ROCZNIK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = workspace;
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  start_reading (self);
  return self;
}

gboolean
rocznik_import_dialog_get_busy (RocznikImportDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

/* The current preview, or NULL while reading or after an error. */
RocznikImport *
rocznik_import_dialog_get_import (RocznikImportDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_IMPORT_DIALOG (self), NULL);
  return self->busy ? NULL : self->import;
}
