/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window.c — the main window's shell: header, year menus, layout,
 * toasts, drops
 *
 * The workspace is the truth: every edit is one core call (one transaction),
 * after which the session reads the years again and the topic table, the
 * chart pane and the year panel follow it. The window only binds them to
 * the session and lays them out.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-chart-export-dialog.h"
#include "rocznik-frame-pool.h"
#include "rocznik-history.h"
#include "rocznik-import-dialog.h"
#include "rocznik-window-private.h"
#include "rocznik-year-item.h"
#include "rocznik-year-panel.h"

#define NARROW_WIDTH 860
#define PHONE_WIDTH 600


G_DEFINE_FINAL_TYPE (RocznikWindow, rocznik_window, ADW_TYPE_APPLICATION_WINDOW)

static void reload (RocznikWindow *self);

/* helpers */

void
rocznik_window_toast (RocznikWindow *self,
                      const char    *title,
                      const char    *button,
                      const char    *action,
                      GVariant      *target)
{
  AdwToast *t = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  if (button)
    {
      adw_toast_set_button_label (t, button);
      adw_toast_set_action_name (t, action);
      if (target)
        adw_toast_set_action_target_value (t, target);
    }
  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
rocznik_window_toast_error (RocznikWindow *self,
                            const GError  *error)
{
  AdwToast *t = adw_toast_new (error->message);

  g_free (self->last_toast);
  self->last_toast = g_strdup (error->message);
  adw_toast_set_timeout (t, 10);
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

RocznikHistory *
rocznik_window_history (RocznikWindow *self)
{
  return rocznik_session_get_history (self->session);
}

void
rocznik_window_show_year (RocznikWindow *self,
                          int            year,
                          int            compare_year)
{
  rocznik_session_set_year (self->session, year);
  rocznik_session_set_comparison_year (self->session, compare_year);
}

static void
update_year_panel (RocznikWindow *self)
{
  GPtrArray *years = rocznik_session_get_years (self->session);
  int year = rocznik_session_get_year (self->session);

  if (years == NULL || year == 0)
    return;
  rocznik_year_panel_set_years (self->year_panel, years, year, rocznik_session_get_categories (self->session));
}

static void
select_year (GtkDropDown *dropdown,
             int          year)
{
  guint pos = rocznik_year_items_find (gtk_drop_down_get_model (dropdown), year);

  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (dropdown, pos);
}

/* The comparison menu offers only the years that can be compared. The
 * comparison shown is comparable (the session sees to it); the menu shows it
 * before the others come and go, so it keeps its choice, and again after,
 * when the comparison was not listed before (the first reading of the
 * years). */
static void
update_comparable (RocznikWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->year_items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RocznikYearItem) item = g_list_model_get_item (G_LIST_MODEL (self->year_items), i);
      rocznik_year_item_set_comparable (item, rocznik_session_can_compare (self->session,
                                                                           rocznik_year_item_get_year (item)));
    }
  select_year (self->compare_dropdown, rocznik_session_get_comparison_year (self->session));
  gtk_filter_changed (GTK_FILTER (self->comparable_filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_year (self->compare_dropdown, rocznik_session_get_comparison_year (self->session));
}

/* Another year or comparison: the table, chart and panel follow. */
static void
shown_year_changed_cb (RocznikWindow *self)
{
  const RocznikYear *y = rocznik_session_get_current (self->session);
  int year = rocznik_session_get_year (self->session);

  if (self->settings && year != 0)
    {
      g_settings_set_int (self->settings, "last-year", year);
      g_settings_set_int (self->settings, "compare-year", rocznik_session_get_comparison_year (self->session));
    }
  update_comparable (self);
  update_year_panel (self);
  gtk_revealer_set_reveal_child (self->sample_revealer, y && y->is_sample);
}

/* Undo and redo are there when the history has something to give back. */
static void
history_changed_cb (RocznikWindow *self)
{
  RocznikHistory *h = rocznik_window_history (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", h && rocznik_history_get_can_undo (h));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", h && rocznik_history_get_can_redo (h));
}

/* The workspace was read again: the year menus follow, in place. */
static void
years_changed_cb (RocznikWindow *self)
{
  GPtrArray *years = rocznik_session_get_years (self->session);
  gboolean any = years && years->len > 0;

  rocznik_year_items_add (self->year_items, years, rocznik_session_get_year (self->session));
  /* The bindings ran before the new years were listed: show them now,
   * before a year that is gone leaves the list. */
  select_year (self->year_dropdown, rocznik_session_get_year (self->session));
  /* On the first reload the year was set before the years were read, so no
   * year change is heard: the comparison menu's choices are set here too,
   * or the comparison asked for (--compare) finds no place in it. */
  update_comparable (self);
  rocznik_year_items_prune (self->year_items, years);
  gtk_stack_set_visible_child_name (self->main_stack, any ? "content" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-menu", any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), any);
  /* Counts, names or categories may have changed under the same year. */
  shown_year_changed_cb (self);
}

static void
reload (RocznikWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!rocznik_session_reload (self->session, &error))
    rocznik_window_toast_error (self, error);
}

/* callbacks */

/* A year menu's position and the year it lists, both ways. */
static gboolean
position_to_year (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  GtkDropDown *dropdown = user_data;
  guint pos = g_value_get_uint (from);
  g_autoptr(RocznikYearItem) item = NULL;

  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  item = g_list_model_get_item (gtk_drop_down_get_model (dropdown), pos);
  if (item == NULL)
    return FALSE;
  g_value_set_int (to, rocznik_year_item_get_year (item));
  return TRUE;
}

/* A year the menu does not list yet (the years are being read) leaves the
 * menu where it is, on a real item: moved to "no position", the menu would
 * select its first item by itself once the years come, and that choice
 * would come back through the binding as the user's. The menu is moved
 * when the year is listed (select_year()). */
static gboolean
year_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  GtkDropDown *dropdown = user_data;
  guint pos = rocznik_year_items_find (gtk_drop_down_get_model (dropdown), g_value_get_int (from));

  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_uint (to, pos);
  return TRUE;
}

static GtkWidget *
button_content (const char *icon,
                const char *label)
{
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  return content;
}

/* Icon-only header buttons leave room for the title when narrow; a label
 * of their own only when no text shows, else names are doubled. */
static void
set_header_labels (RocznikWindow *self,
                   gboolean       icons)
{
  if (icons)
    {
      gtk_button_set_icon_name (self->import_button, "document-open-symbolic");
      gtk_menu_button_set_icon_name (self->export_button, "document-save-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import"), -1);
    }
  else
    {
      gtk_button_set_child (self->import_button, button_content ("document-open-symbolic", _("_Import")));
      gtk_menu_button_set_child (self->export_button, button_content ("document-save-symbolic", _("_Export")));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->import_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

/* At phone width the year menus leave the header for a bar of their own
 * and the chart's buttons go under its menus, so the window fits 360 px. */
static void
set_phone_layout (RocznikWindow *self,
                  gboolean       phone)
{
  GtkWidget *year_box = GTK_WIDGET (self->year_box);

  if (phone == (gtk_widget_get_parent (year_box) == GTK_WIDGET (self->year_bar)))
    return;
  g_object_ref (year_box);
  if (phone)
    {
      adw_header_bar_remove (self->header_bar, year_box);
      gtk_box_append (self->year_bar, year_box);
    }
  else
    {
      gtk_box_remove (self->year_bar, year_box);
      adw_header_bar_pack_start (self->header_bar, year_box);
    }
  g_object_unref (year_box);
  gtk_widget_set_visible (GTK_WIDGET (self->year_bar), phone);
  rocznik_chart_pane_set_compact (self->chart_pane, phone);
}

static void
width_changed_cb (RocznikWindow *self)
{
  int width, height;
  gboolean narrow, phone;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  phone = width > 0 && width < PHONE_WIDTH;
  set_phone_layout (self, phone);
  if (narrow == self->narrow && self->layout_done)
    return;
  self->narrow = narrow;
  self->layout_done = TRUE;

  /* Side by side when there is room, table above chart when narrow; the
   * table gets the larger part, it holds the figures. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  if (!narrow)
    gtk_paned_set_position (self->paned, width * 3 / 5);
  set_header_labels (self, narrow);
}

static void
year_panel_save_cb (RocznikWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) details = rocznik_year_panel_get_details (self->year_panel, &error);

  if (details == NULL || !rocznik_window_save_details (self, details, &error))
    {
      rocznik_window_toast_error (self, error);
      return;
    }
  rocznik_window_toast (self, _("Year details saved"), _("_Undo"), "win.undo", NULL);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RocznikWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    rocznik_window_import_file (self, l->data);
  g_slist_free (files);
  return files != NULL;
}


/* Shows the newest year the import stored. */
static void
imported_cb (RocznikWindow       *self,
             RocznikImportDialog *dialog)
{
  RocznikImport *import = rocznik_import_dialog_get_import (dialog);
  GPtrArray *years = import ? rocznik_import_get_years (import) : NULL;
  g_autofree char *message = NULL;
  int year;

  if (years == NULL || years->len == 0)
    return;
  year = ((RocznikYear *) g_ptr_array_index (years, years->len - 1))->year;
  reload (self);
  rocznik_window_show_year (self, year, rocznik_session_get_comparison_year (self->session));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u year", "Imported %u years", years->len),
                             years->len);
  /* a replaced year was kept in a snapshot: the toast brings it back */
  if (rocznik_workspace_get_last_snapshot (self->workspace))
    rocznik_window_toast (self, message, _("_Undo import"), "win.restore-snapshot",
                          g_variant_new_string (rocznik_workspace_get_last_snapshot (self->workspace)));
  else
    rocznik_window_toast (self, message, NULL, NULL, NULL);
}

/* Back from a terminal where `rocznik --import` ran: look for its change. */
static void
is_active_cb (RocznikWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.check-workspace", NULL);
}

/* The topic actions are there for what is selected. */
static void
selection_changed_cb (RocznikWindow *self)
{
  GtkSelectionModel *selection = rocznik_topic_table_get_selection (self->topic_table);
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  gboolean one_topic = rocznik_topic_table_get_selected_row (self->topic_table) != NULL;
  g_autoptr(GPtrArray) keys = rocznik_topic_table_get_selected_keys (self->topic_table);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", !gtk_bitset_is_empty (set));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.categorize", keys->len > 0);
}

/* A new table: the chart draws on it, and the actions follow its rows. */
static void
table_changed_cb (RocznikWindow *self)
{
  rocznik_chart_pane_set_table (self->chart_pane, rocznik_topic_table_get_table (self->topic_table));
  selection_changed_cb (self);
}

static void
table_failed_cb (RocznikWindow *self,
                 const GError  *error)
{
  rocznik_window_toast_error (self, error);
}

/* The chart can be copied and exported when one is shown. */
static void
has_chart_changed_cb (RocznikWindow *self)
{
  gboolean has_chart;

  g_object_get (self->chart_pane, "has-chart", &has_chart, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", has_chart);
}

static gboolean
is_comparable (gpointer item,
               gpointer user_data)
{
  gboolean comparable;

  g_object_get (item, "comparable", &comparable, NULL);
  return comparable;
}

static void
bind_session (RocznikWindow *self)
{
  g_autoptr(GListStore) none = g_list_store_new (ROCZNIK_TYPE_YEAR_ITEM);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(RocznikYearItem) none_item = rocznik_year_item_new (0);
  g_autoptr(GtkListItemFactory) year_rows = rocznik_year_item_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) compare_rows = rocznik_year_item_factory_new (TRUE);
  g_autoptr(GtkExpression) label = gtk_property_expression_new (ROCZNIK_TYPE_YEAR_ITEM, NULL, "label");
  g_autoptr(GtkExpression) compare_label = gtk_property_expression_new (ROCZNIK_TYPE_YEAR_ITEM, NULL, "compare-label");
  GtkFlattenListModel *compare_items;
  GtkFilterListModel *comparable;

  self->session = rocznik_session_new ();
  self->year_items = g_list_store_new (ROCZNIK_TYPE_YEAR_ITEM);
  g_list_store_append (none, none_item);
  g_list_store_append (parts, none);
  /* The comparison menu lists only the years the core says compare. */
  self->comparable_filter = gtk_custom_filter_new (is_comparable, NULL, NULL);
  comparable = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->year_items)),
                                          GTK_FILTER (g_object_ref (self->comparable_filter)));
  g_list_store_append (parts, comparable);
  g_object_unref (comparable);
  compare_items = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (parts)));

  gtk_drop_down_set_expression (self->year_dropdown, label);
  gtk_drop_down_set_list_factory (self->year_dropdown, year_rows);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->year_items));
  gtk_drop_down_set_expression (self->compare_dropdown, compare_label);
  gtk_drop_down_set_list_factory (self->compare_dropdown, compare_rows);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (compare_items));
  g_object_unref (compare_items);

  g_object_bind_property_full (self->session, "year", self->year_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               year_to_position, position_to_year, self->year_dropdown, NULL);
  g_object_bind_property_full (self->session, "comparison-year", self->compare_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               year_to_position, position_to_year, self->compare_dropdown, NULL);
  rocznik_topic_table_set_session (self->topic_table, self->session);
  g_signal_connect_object (self->topic_table, "notify::table", G_CALLBACK (table_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->topic_table, "failed", G_CALLBACK (table_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rocznik_topic_table_get_selection (self->topic_table), "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  rocznik_chart_pane_set_session (self->chart_pane, self->session);
  g_signal_connect_object (self->chart_pane, "notify::has-chart", G_CALLBACK (has_chart_changed_cb), self, G_CONNECT_SWAPPED);
  has_chart_changed_cb (self);

  g_signal_connect_object (self->session, "notify::year", G_CALLBACK (shown_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::comparison-year", G_CALLBACK (shown_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "years-changed", G_CALLBACK (years_changed_cb), self, G_CONNECT_SWAPPED);
}

/* GObject overrides */

static gboolean
rocznik_window_close_request (GtkWindow *window)
{
  RocznikWindow *self = ROCZNIK_WINDOW (window);
  int width, height;

  if (self->settings)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (rocznik_window_parent_class)->close_request (window);
}

/* A resize repaints the whole window at every step: on X11 without GL,
 * those frames go through shared memory kept from one to the next. */
static void
rocznik_window_realize (GtkWidget *widget)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  GTK_WIDGET_CLASS (rocznik_window_parent_class)->realize (widget);
  self->frame_pool = rocznik_frame_pool_keep (widget);
}

static void
rocznik_window_unrealize (GtkWidget *widget)
{
  RocznikWindow *self = ROCZNIK_WINDOW (widget);

  g_clear_pointer (&self->frame_pool, cairo_surface_destroy);
  GTK_WIDGET_CLASS (rocznik_window_parent_class)->unrealize (widget);
}

static void
rocznik_window_dispose (GObject *object)
{
  RocznikWindow *self = ROCZNIK_WINDOW (object);

  self->workspace = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->year_items);
  g_clear_object (&self->comparable_filter);

  G_OBJECT_CLASS (rocznik_window_parent_class)->dispose (object);
}

static void
rocznik_window_finalize (GObject *object)
{
  RocznikWindow *self = ROCZNIK_WINDOW (object);

  g_free (self->last_toast);

  G_OBJECT_CLASS (rocznik_window_parent_class)->finalize (object);
}

static void
rocznik_window_class_init (RocznikWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rocznik_window_dispose;
  object_class->finalize = rocznik_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = rocznik_window_close_request;
  widget_class->realize = rocznik_window_realize;
  widget_class->unrealize = rocznik_window_unrealize;

  g_type_ensure (ROCZNIK_TYPE_YEAR_PANEL);
  g_type_ensure (ROCZNIK_TYPE_CHART_PANE);
  g_type_ensure (ROCZNIK_TYPE_TOPIC_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, year_box);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, year_bar);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, sample_revealer);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, year_panel);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, chart_pane);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, topic_table);

  rocznik_window_actions_class_init (widget_class);
}

static void
rocznik_window_init (RocznikWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  bind_session (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  self->export_options = (RocznikChartExportOptions) { "png", 1200, 675, 1, FALSE };

  rocznik_accessible_name_dropdown (self->year_dropdown, _("Year"));
  rocznik_accessible_name_dropdown (self->compare_dropdown, _("Compare with"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Topics"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);

  g_object_bind_property (self->search_button, "active", self->topic_table, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  rocznik_topic_table_set_key_capture_widget (self->topic_table, GTK_WIDGET (self));
  rocznik_topic_table_set_focus_after (self->topic_table, GTK_WIDGET (self->chart_pane));
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (width_changed_cb), self);
  g_signal_connect_swapped (self->year_panel, "save", G_CALLBACK (year_panel_save_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  selection_changed_cb (self);
  history_changed_cb (self);
  rocznik_accessible_fix_names (GTK_WIDGET (self));
}

/* public API */

/* @year, @compare_year: what to show first; 0 for the remembered or the
 * latest year with topics. */
RocznikWindow *
rocznik_window_new (RocznikApplication *application,
                    int                 year,
                    int                 compare_year)
{
  RocznikWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ROCZNIK_IS_APPLICATION (application), NULL);

  self = g_object_new (ROCZNIK_TYPE_WINDOW, "application", application, NULL);
  self->settings = rocznik_application_get_settings (application);
  if (self->settings)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (year == 0)
        {
          year = g_settings_get_int (self->settings, "last-year");
          if (compare_year == 0)
            compare_year = g_settings_get_int (self->settings, "compare-year");
        }
      g_settings_bind (self->settings, "show-remainder", self->topic_table, "show-remainder", G_SETTINGS_BIND_GET);
    }
  width_changed_cb (self);

  self->workspace = rocznik_application_get_workspace (application, &error);
  if (self->workspace == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->compare_dropdown), FALSE);
      return self;
    }
  rocznik_session_set_workspace (self->session, self->workspace);
  g_signal_connect_object (rocznik_window_history (self), "notify::can-undo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rocznik_window_history (self), "notify::can-redo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);
  rocznik_session_set_year (self->session, year);
  rocznik_session_set_comparison_year (self->session, compare_year);
  reload (self);
  return self;
}

/* Offers @file for import. */
void
rocznik_window_import_file (RocznikWindow *self,
                            GFile         *file)
{
  RocznikImportDialog *dialog;

  g_return_if_fail (ROCZNIK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->workspace == NULL)
    return;
  dialog = rocznik_import_dialog_new (GTK_WINDOW (self), self->workspace, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

int
rocznik_window_get_year (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), 0);
  return rocznik_session_get_year (self->session);
}

/* 0 when no comparison year is chosen. */
int
rocznik_window_get_compare_year (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), 0);
  return rocznik_session_get_comparison_year (self->session);
}

gboolean
rocznik_window_has_year (RocznikWindow *self,
                         int            year)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return rocznik_session_get_years (self->session) && rocznik_years_find (rocznik_session_get_years (self->session), year) != NULL;
}

/* What the window shows: "empty", "error", or the table's state: "table",
 * "no-topics", "no-match". */
const char *
rocznik_window_get_page (RocznikWindow *self)
{
  const char *page;

  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (page, "content") == 0)
    page = rocznik_topic_table_get_page (self->topic_table);
  return page;
}

/* Whether the "sample data" bar is shown. */
gboolean
rocznik_window_get_sample_shown (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->sample_revealer);
}

gboolean
rocznik_window_get_column_visible (RocznikWindow *self,
                                   RocznikColumn  column)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail ((guint) column < N_COLUMNS, FALSE);
  return rocznik_topic_table_get_column_visible (self->topic_table, column);
}

/* Table and chart side by side (horizontal) or stacked (vertical). */
GtkOrientation
rocznik_window_get_orientation (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), GTK_ORIENTATION_HORIZONTAL);
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned));
}

/* The rows the table shows, in order: RocznikTopicRow*, topics then the
 * remainder and the total. */
GListModel *
rocznik_window_get_topic_model (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (rocznik_topic_table_get_selection (self->topic_table));
}

GtkSelectionModel *
rocznik_window_get_selection (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return rocznik_topic_table_get_selection (self->topic_table);
}

/* NULL when no year is shown. */
const RocznikTable *
rocznik_window_get_table (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return rocznik_topic_table_get_table (self->topic_table);
}

/* The selected rows as the TSV Ctrl+C copies; NULL when none is selected. */
char *
rocznik_window_get_selected_tsv (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return rocznik_topic_table_get_selected_tsv (self->topic_table);
}



/* The chart the window shows (its own, light theme), or NULL. */
RocznikChart *
rocznik_window_get_chart (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return rocznik_chart_pane_get_chart (self->chart_pane);
}

RocznikChartType
rocznik_window_get_chart_type (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), ROCZNIK_CHART_RANKING);
  return rocznik_session_get_chart_type (self->session);
}

/* @text: NULL or "" for the renderer's own text. */
void
rocznik_window_set_chart_text (RocznikWindow    *self,
                               RocznikChartText  field,
                               const char       *text)
{
  g_return_if_fail (ROCZNIK_IS_WINDOW (self));
  g_return_if_fail ((guint) field < ROCZNIK_CHART_N_TEXTS);

  rocznik_chart_pane_set_text (self->chart_pane, field, text);
}

/* NULL when the renderer's own text is used. */
const char *
rocznik_window_get_chart_text (RocznikWindow    *self,
                               RocznikChartText  field)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  g_return_val_if_fail ((guint) field < ROCZNIK_CHART_N_TEXTS, NULL);
  return rocznik_session_get_chart_text (self->session, field);
}

/* Whether an export is still being written. */
gboolean
rocznik_window_get_busy (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return self->exporting > 0;
}

/* The text of the latest toast, for tests; NULL before the first. */
const char *
rocznik_window_get_last_toast (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return self->last_toast;
}
