/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window.c — the main window: a year's topics, its chart and details
 *
 * The workspace is the truth: every edit is one core call (one transaction),
 * after which the window reloads the years and rebuilds the core's table.
 * Widgets here only show the core's figures and texts.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "rocznik-accessible.h"
#include "rocznik-chart-export-dialog.h"
#include "rocznik-chart-view.h"
#include "rocznik-error.h"
#include "rocznik-file.h"
#include "rocznik-format.h"
#include "rocznik-history.h"
#include "rocznik-import-dialog.h"
#include "rocznik-print.h"
#include "rocznik-report.h"
#include "rocznik-topic-row.h"
#include "rocznik-topics.h"
#include "rocznik-window-private.h"
#include "rocznik-year-item.h"
#include "rocznik-year-panel.h"

#define N_COLUMNS (ROCZNIK_COLUMN_CHANGE_PERCENT + 1)
#define NARROW_WIDTH 860
#define PHONE_WIDTH 600


G_DEFINE_FINAL_TYPE (RocznikWindow, rocznik_window, ADW_TYPE_APPLICATION_WINDOW)

static void reload (RocznikWindow *self);
static void selection_changed_cb (RocznikWindow *self);

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

static const RocznikYear *
current_year (RocznikWindow *self)
{
  return rocznik_session_get_years (self->session) ? rocznik_years_find (rocznik_session_get_years (self->session), rocznik_session_get_year (self->session)) : NULL;
}

RocznikTopicRow *
rocznik_window_selected_row (RocznikWindow *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(RocznikTopicRow) row = NULL;

  if (gtk_bitset_get_size (set) != 1)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (set, 0));
  if (rocznik_topic_row_get_kind (row) != ROCZNIK_ROW_TOPIC)
    return NULL;
  return row;   /* the store keeps it alive */
}

GPtrArray *
rocznik_window_selected_keys (RocznikWindow *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint pos;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(RocznikTopicRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);
      if (rocznik_topic_row_get_key (row))
        g_ptr_array_add (keys, g_strdup (rocznik_topic_row_get_key (row)));
    }
  return keys;
}

/* Whether @key is among the first @n keys. */
static gboolean
keys_contain_n (GPtrArray  *keys,
                guint       n,
                const char *key)
{
  for (guint i = 0; key && i < n && i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

static gboolean
keys_contain (GPtrArray  *keys,
              const char *key)
{
  return keys_contain_n (keys, keys->len, key);
}

void
rocznik_window_select_keys (RocznikWindow *self,
                            GPtrArray     *keys)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RocznikTopicRow) row = g_list_model_get_item (model, i);
      if (keys_contain (keys, rocznik_topic_row_get_key (row)))
        gtk_bitset_add (wanted, i);
    }
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);
}

static void
update_table_page (RocznikWindow *self)
{
  const char *page = "table";

  if (self->table == NULL || self->table->rows->len == 0)
    page = "no-topics";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  gtk_stack_set_visible_child_name (self->table_stack, page);
}

static void
update_summary (RocznikWindow *self)
{
  const RocznikTable *t = self->table;
  g_autofree char *sum = NULL;
  g_autofree char *text = NULL;
  g_autofree char *topics = NULL;

  if (t == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  sum = rocznik_format_count (t->sum);
  topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", t->rows->len), t->rows->len);
  if (t->declared_total != ROCZNIK_NO_TOTAL)
    {
      g_autofree char *declared = rocznik_format_short (t->declared_total, t->declared_more_than);
      /* Translators: "2018: ponad 586 tys. calls declared, 388 468 in 17 topics" */
      text = g_strdup_printf (_("%d: %s calls declared, %s in %s"), t->year, declared, sum, topics);
    }
  else
    /* Translators: "2019: 388 468 calls in 17 topics" */
    text = g_strdup_printf (_("%d: %s calls in %s"), t->year, sum, topics);
  if (self->query && *self->query && t->rows->len > 0)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      g_autofree char *whole = text;

      /* Translators: after the year's summary while searching; the total row stays the whole year's */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s. Search shows %u of %u topics; “Total” is the whole year.",
                                           "%s. Search shows %u of %u topics; “Total” is the whole year.",
                                           t->rows->len), whole, shown, t->rows->len);
    }
  gtk_label_set_text (self->summary_label, text);

  if (t->rows->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No Topics in %d"), t->year);
      g_autofree char *description = NULL;

      if (t->declared_total != ROCZNIK_NO_TOTAL)
        {
          g_autofree char *declared = rocznik_format_short (t->declared_total, t->declared_more_than);
          description = g_strdup_printf (_("Only the total is known for this year: %s calls. "
                                           "Import the year’s topics to see them here."), declared);
        }
      adw_status_page_set_title (self->no_topics_page, title);
      adw_status_page_set_description (self->no_topics_page, description);
    }
}

static void
update_columns (RocznikWindow *self)
{
  gboolean compare = rocznik_session_get_comparison_year (self->session) != 0;
  g_autofree char *other = g_strdup_printf (_("Calls in %d"), rocznik_session_get_comparison_year (self->session));

  gtk_column_view_column_set_title (self->columns[ROCZNIK_COLUMN_OTHER], other);
  for (guint c = ROCZNIK_COLUMN_OTHER; c < N_COLUMNS; c++)
    gtk_column_view_column_set_visible (self->columns[c], compare);
}

static const RocznikCategory *
find_category (RocznikWindow *self,
               const char    *name)
{
  for (guint i = 0; rocznik_session_get_categories (self->session) && i < rocznik_session_get_categories (self->session)->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (rocznik_session_get_categories (self->session), i);
      if (g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

void
rocznik_window_show_year (RocznikWindow *self,
                          int            year,
                          int            compare_year)
{
  rocznik_session_set_year (self->session, year);
  rocznik_session_set_comparison_year (self->session, compare_year);
}

/* The core's words on what the comparison row compares, under the table. */
static void
update_comparison_note (RocznikWindow *self)
{
  g_autofree char *note = self->table ? rocznik_table_get_note (self->table) : NULL;

  gtk_label_set_text (self->comparison_note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_note_label), note != NULL && *note != '\0');
}

static void
rebuild_table (RocznikWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_table = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->topic_view));
  g_autoptr(GPtrArray) keys = rocznik_window_selected_keys (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) footer = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gboolean show_remainder = self->settings ? g_settings_get_boolean (self->settings, "show-remainder") : TRUE;
  RocznikTable *old;

  /* The chart pane draws on the old table until it is given the new one. */
  old = g_steal_pointer (&self->table);
  if (rocznik_session_get_years (self->session) && rocznik_session_get_year (self->session) != 0)
    {
      self->table = rocznik_table_new (rocznik_session_get_years (self->session), rocznik_session_get_year (self->session), rocznik_session_get_comparison_year (self->session), &error);
      if (self->table == NULL)
        rocznik_window_toast_error (self, error);
    }

  if (self->table)
    {
      for (guint i = 0; i < self->table->rows->len; i++)
        g_ptr_array_add (rows, rocznik_topic_row_new (g_ptr_array_index (self->table->rows, i), rocznik_session_get_year (self->session)));
      /* The sum of topics first, then what the topics leave out of the
       * declared total: a total below the remainder would read as its sum. */
      g_ptr_array_add (footer, rocznik_topic_row_new (self->table->total, rocznik_session_get_year (self->session)));
      if (self->table->remainder && show_remainder)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->remainder, rocznik_session_get_year (self->session)));
      /* When the years' topics differ the total is not compared; the core's
       * like-for-like row carries the comparison instead. */
      if (self->table->common)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->common, rocznik_session_get_year (self->session)));
      if (self->table->declared)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->declared, rocznik_session_get_year (self->session)));
    }
  update_comparison_note (self);
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       rows->pdata, rows->len);
  g_list_store_splice (self->footer, 0, g_list_model_get_n_items (G_LIST_MODEL (self->footer)),
                       footer->pdata, footer->len);
  rocznik_window_select_keys (self, keys);
  /* The rows are new: the focus stays in the table, not on Import. */
  if (in_table)
    gtk_widget_grab_focus (GTK_WIDGET (self->topic_view));

  /* A topic that is gone leaves the selection without a signal. */
  selection_changed_cb (self);

  update_columns (self);
  update_summary (self);
  update_table_page (self);
  rocznik_chart_pane_set_table (self->chart_pane, self->table);
  rocznik_table_free (old);
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
 * first, as notifications may come in either order, so it keeps its choice
 * while the others come and go. */
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
  rebuild_table (self);
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

/* cell factories */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  RocznikColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == ROCZNIK_COLUMN_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

/* A screen reader reads a row by its name and count, not its type: GTK
 * 4.8 has no API for a column view's row, so the name goes on the row
 * widget that holds this cell (label → cell → row). */
static void
name_row (GtkWidget       *label,
          RocznikTopicRow *row)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row_widget = cell ? gtk_widget_get_parent (cell) : NULL;
  const RocznikRow *r = rocznik_topic_row_get_row (row);
  g_autofree char *name = NULL;

  /* Translators: a table row as a screen reader reads it, "gospodarka odpadami: 70 055 calls, 18,0%" */
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s call, %s", "%s: %s calls, %s", (gulong) (r->count % 1000000)),
                          rocznik_topic_row_get_name (row),
                          rocznik_topic_row_get_text (row, ROCZNIK_COLUMN_COUNT),
                          rocznik_topic_row_get_text (row, ROCZNIK_COLUMN_SHARE));
  if (cell)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    rocznik_topic_row_get_name (row), -1);
  if (row_widget && row_widget != GTK_WIDGET (gtk_widget_get_ancestor (label, GTK_TYPE_COLUMN_VIEW)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A number cell (label → cell) is read as what it shows, the count with
 * its noun: "70 055 calls", not the cell's type. */
static void
name_number_cell (GtkWidget       *label,
                  RocznikTopicRow *row,
                  RocznikColumn    column)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  const RocznikRow *r = rocznik_topic_row_get_row (row);
  const char *text = rocznik_topic_row_get_text (row, column);
  g_autofree char *name = NULL;

  if (cell == NULL)
    return;
  if (column == ROCZNIK_COLUMN_COUNT)
    /* Translators: a count cell as a screen reader reads it, "70 055 calls" */
    name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s call", "%s calls", (gulong) (r->count % 1000000)), text);
  else if (column == ROCZNIK_COLUMN_OTHER && r->other_year != 0)
    /* Translators: the other year's count cell, "65 000 calls in 2017" */
    name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s call in %d", "%s calls in %d", (gulong) (r->other_count % 1000000)),
                            text, r->other_year);
  else
    name = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  RocznikColumn column = GPOINTER_TO_INT (user_data);
  RocznikTopicRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  RocznikRowKind kind = rocznik_topic_row_get_kind (row);
  const RocznikRow *r = rocznik_topic_row_get_row (row);

  gtk_label_set_text (GTK_LABEL (label), rocznik_topic_row_get_text (row, column));
  if (kind == ROCZNIK_ROW_REMAINDER)
    gtk_widget_add_css_class (label, "remainder");
  else
    gtk_widget_remove_css_class (label, "remainder");
  if (kind == ROCZNIK_ROW_TOTAL || kind == ROCZNIK_ROW_COMMON || kind == ROCZNIK_ROW_DECLARED)
    gtk_widget_add_css_class (label, "total");
  else
    gtk_widget_remove_css_class (label, "total");
  if ((column == ROCZNIK_COLUMN_CHANGE || column == ROCZNIK_COLUMN_CHANGE_PERCENT) && r->other_year != 0)
    {
      if (r->change > 0)
        gtk_widget_add_css_class (label, "growth");
      else
        gtk_widget_remove_css_class (label, "growth");
      if (r->change < 0)
        gtk_widget_add_css_class (label, "decline");
      else
        gtk_widget_remove_css_class (label, "decline");
    }
  else
    {
      gtk_widget_remove_css_class (label, "growth");
      gtk_widget_remove_css_class (label, "decline");
    }

  if (column == ROCZNIK_COLUMN_NAME)
    name_row (label, row);
  else
    name_number_cell (label, row, column);
  if (column == ROCZNIK_COLUMN_NAME && kind == ROCZNIK_ROW_REMAINDER)
    gtk_widget_set_tooltip_text (label, r->more_than
                                 ? _("The declared total minus the calls counted under topics; the report gives the total as “more than”, so there were at least this many")
                                 : _("The declared total minus the calls counted under topics"));
  else
    gtk_widget_set_tooltip_text (label, NULL);
}

static int
sort_rows_cb (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int r = rocznik_topic_row_compare ((RocznikTopicRow *) a, (RocznikTopicRow *) b,
                                     GPOINTER_TO_INT (user_data));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_rows_cb (gpointer item,
                gpointer user_data)
{
  RocznikWindow *self = user_data;

  return rocznik_topic_row_matches (item, self->query);
}

static void
add_column (RocznikWindow *self,
            RocznikColumn  column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_rows_cb, GINT_TO_POINTER (column), NULL);
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->topic_view, col);
  self->columns[column] = col;
  g_object_unref (sorter);
  g_object_unref (col);
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

static gboolean
year_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  GtkDropDown *dropdown = user_data;
  guint pos = rocznik_year_items_find (gtk_drop_down_get_model (dropdown), g_value_get_int (from));

  g_value_set_uint (to, pos);
  return TRUE;
}

void
rocznik_window_search_changed (RocznikWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = rocznik_search_fold (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_table_page (self);
  update_summary (self);
}

static void
selection_changed_cb (RocznikWindow *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean one_topic = rocznik_window_selected_row (self) != NULL;
  g_autoptr(GPtrArray) keys = rocznik_window_selected_keys (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", !gtk_bitset_is_empty (set));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-topic", one_topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.categorize", keys->len > 0);
  g_ptr_array_add (keys, NULL);
  rocznik_session_set_selected_topics (self->session, (const char *const *) keys->pdata);
}

/* The chart's bars select topics through the session: the table follows. */
static void
selected_topics_changed_cb (RocznikWindow *self)
{
  const char *const *wanted = rocznik_session_get_selected_topics (self->session);
  g_autoptr(GPtrArray) keys = rocznik_window_selected_keys (self);

  g_ptr_array_add (keys, NULL);
  if (g_strv_equal ((const char *const *) keys->pdata, wanted))
    return;
  g_ptr_array_set_size (keys, 0);
  for (guint i = 0; wanted[i]; i++)
    g_ptr_array_add (keys, g_strdup (wanted[i]));
  rocznik_window_select_keys (self, keys);
}

static void
row_activated_cb (RocznikWindow *self,
                  guint          position)
{
  g_autoptr(RocznikTopicRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row && rocznik_topic_row_get_kind (row) == ROCZNIK_ROW_TOPIC)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-topic", NULL);
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

/* The table is one stop of the Tab chain: arrows move between rows, Tab
 * goes on to the chart and Shift+Tab back to the topic actions. */
static gboolean
table_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              RocznikWindow         *self)
{
  gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & GDK_CONTROL_MASK))
    return FALSE;
  if (back)
    return gtk_widget_grab_focus (GTK_WIDGET (self->topic_menu_button));
  return gtk_widget_child_focus (GTK_WIDGET (self->chart_pane), GTK_DIR_TAB_FORWARD);
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
  rocznik_chart_pane_set_session (self->chart_pane, self->session);
  g_signal_connect_object (self->chart_pane, "notify::has-chart", G_CALLBACK (has_chart_changed_cb), self, G_CONNECT_SWAPPED);
  has_chart_changed_cb (self);

  g_signal_connect_object (self->session, "notify::year", G_CALLBACK (shown_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::comparison-year", G_CALLBACK (shown_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected-topics", G_CALLBACK (selected_topics_changed_cb), self, G_CONNECT_SWAPPED);
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

static void
rocznik_window_dispose (GObject *object)
{
  RocznikWindow *self = ROCZNIK_WINDOW (object);

  self->workspace = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->topics);
  g_clear_object (&self->footer);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->table, rocznik_table_free);
  g_clear_object (&self->session);
  g_clear_object (&self->year_items);
  g_clear_object (&self->comparable_filter);

  G_OBJECT_CLASS (rocznik_window_parent_class)->dispose (object);
}

static void
rocznik_window_finalize (GObject *object)
{
  RocznikWindow *self = ROCZNIK_WINDOW (object);

  g_free (self->query);
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

  g_type_ensure (ROCZNIK_TYPE_YEAR_PANEL);
  g_type_ensure (ROCZNIK_TYPE_CHART_PANE);
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
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, comparison_note_label);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, topic_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, table_stack);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, topic_view);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, no_topics_page);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, year_panel);
  gtk_widget_class_bind_template_child (widget_class, RocznikWindow, chart_pane);

  rocznik_window_actions_class_init (widget_class);
}

static void
rocznik_window_init (RocznikWindow *self)
{
  GtkFlattenListModel *flat;
  GListStore *parts;
  GtkDropTarget *drop;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  bind_session (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  self->export_options = (RocznikChartExportOptions) { "png", 1200, 675, 1, FALSE };
  self->query = g_strdup ("");

  add_column (self, ROCZNIK_COLUMN_NAME, _("Topic"), TRUE);
  add_column (self, ROCZNIK_COLUMN_COUNT, _("Calls"), FALSE);
  add_column (self, ROCZNIK_COLUMN_SHARE, _("Share"), FALSE);
  add_column (self, ROCZNIK_COLUMN_OTHER, _("Calls in %d"), FALSE);
  add_column (self, ROCZNIK_COLUMN_CHANGE, _("Change"), FALSE);
  add_column (self, ROCZNIK_COLUMN_CHANGE_PERCENT, _("Change (%)"), FALSE);

  /* Topics are filtered and sorted by the header clicks; the remainder and
   * the total follow them, untouched by either. */
  self->topics = g_list_store_new (ROCZNIK_TYPE_TOPIC_ROW);
  self->footer = g_list_store_new (ROCZNIK_TYPE_TOPIC_ROW);
  self->filter = gtk_custom_filter_new (filter_rows_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->topics)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->topic_view)));
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, self->sorted);
  g_list_store_append (parts, self->footer);
  g_object_unref (self->sorted);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (flat));
  gtk_column_view_set_model (self->topic_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->topic_view, self->columns[ROCZNIK_COLUMN_COUNT], GTK_SORT_DESCENDING);


  rocznik_accessible_name_inner (GTK_WIDGET (self->topic_view), GTK_TYPE_LIST_VIEW, _("Topics"));
  rocznik_accessible_name_dropdown (self->year_dropdown, _("Year"));
  rocznik_accessible_name_dropdown (self->compare_dropdown, _("Compare with"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->topic_view))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column headers"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Topics"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search topics"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic Actions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics of the year"), -1);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (rocznik_window_search_changed), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_table_page), self);
  g_signal_connect_swapped (self->topic_view, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self, "notify::default-width", G_CALLBACK (width_changed_cb), self);
  g_signal_connect_swapped (self->year_panel, "save", G_CALLBACK (year_panel_save_cb), self);


  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (table_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->topic_view), keys);

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
      g_signal_connect_object (self->settings, "changed::show-remainder",
                               G_CALLBACK (rebuild_table), self, G_CONNECT_SWAPPED);
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
  /* Filling the comparison menu the first time moves its selection, which
   * the binding takes for a choice of none: ask again now that the menu
   * holds the years (--compare, or the comparison remembered). */
  rocznik_session_set_comparison_year (self->session, compare_year);
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
    page = gtk_stack_get_visible_child_name (self->table_stack);
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
  return gtk_column_view_column_get_visible (self->columns[column]);
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
  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
rocznik_window_get_selection (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/* NULL when no year is shown. */
const RocznikTable *
rocznik_window_get_table (RocznikWindow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);
  return self->table;
}

/* The selected rows as the TSV Ctrl+C copies; NULL when none is selected. */
char *
rocznik_window_get_selected_tsv (RocznikWindow *self)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), NULL);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (set))
    return NULL;
  rows = g_ptr_array_new ();
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      RocznikTopicRow *row = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);
      g_ptr_array_add (objects, row);
      g_ptr_array_add (rows, (gpointer) rocznik_topic_row_get_row (row));
    }
  return rocznik_rows_to_tsv ((const RocznikRow *const *) rows->pdata, rows->len, rocznik_session_get_comparison_year (self->session));
}

static gboolean
no_topic_error (RocznikWindow *self,
                const char    *key,
                GError       **error)
{
  const RocznikYear *y = current_year (self);

  if (y && rocznik_year_find_topic (y, key))
    return TRUE;
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no topic „%s” in this year"), key);
  return FALSE;
}

/* @text: the count as a person writes it ("70 055"); stored in one
 * transaction and undoable. */
gboolean
rocznik_window_set_topic_count (RocznikWindow *self,
                                const char    *key,
                                const char    *text,
                                GError       **error)
{
  gint64 count;

  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && text != NULL, FALSE);

  if (!no_topic_error (self, key, error) || !rocznik_parse_count_typed (text, &count, error))
    return FALSE;
  return rocznik_history_set_topic_count (rocznik_window_history (self), rocznik_session_get_year (self->session), key, count, error);
}

/* Corrects the spelling of a topic in the shown year only; undoable. */
gboolean
rocznik_window_set_topic_name (RocznikWindow *self,
                               const char    *key,
                               const char    *name,
                               GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return no_topic_error (self, key, error)
         && rocznik_history_set_topic_name (rocznik_window_history (self), rocznik_session_get_year (self->session), key, name, error);
}

/* Renames the topic in every year (the old name stays an alias); undoable. */
gboolean
rocznik_window_rename_topic (RocznikWindow *self,
                             const char    *key,
                             const char    *name,
                             GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return no_topic_error (self, key, error) && rocznik_history_rename_topic (rocznik_window_history (self), key, name, error);
}

/* Stores organisation, declared total, notes and lists of @details' year. */
gboolean
rocznik_window_save_details (RocznikWindow     *self,
                             const RocznikYear *details,
                             GError           **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (rocznik_years_find (rocznik_session_get_years (self->session), details->year) == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), details->year);
      return FALSE;
    }
  return rocznik_history_update_details (rocznik_window_history (self), details, error);
}

/* Reverts the latest edit made in this window. */
gboolean
rocznik_window_undo (RocznikWindow *self,
                     GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return rocznik_history_undo (rocznik_window_history (self), error);
}

/* Makes the latest undone edit again. */
gboolean
rocznik_window_redo (RocznikWindow *self,
                     GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return rocznik_history_redo (rocznik_window_history (self), error);
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

/* Adds @keys to the category @name (made when new); undoable. */
gboolean
rocznik_window_add_to_category (RocznikWindow      *self,
                                const char         *name,
                                const char *const  *keys,
                                GError            **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL && keys != NULL, FALSE);

  return rocznik_history_add_to_category (rocznik_window_history (self), name, keys, error);
}

/* Removes the category (not its topics); undoable. */
gboolean
rocznik_window_delete_category (RocznikWindow *self,
                                const char    *name,
                                GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (find_category (self, name) == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no category „%s”"), name);
      return FALSE;
    }
  return rocznik_history_delete_category (rocznik_window_history (self), name, error);
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
