/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-table.c — the year's topics: column view, sorting, search,
 * totals and the pages shown when there is nothing to list
 *
 * The table follows the session: another year or comparison, or the
 * workspace read again, and the core's RocznikTable is built anew. The
 * selection goes to the session's selected topics and comes back from it
 * (a click on the chart's bars).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-format.h"
#include "rocznik-topic-row.h"
#include "rocznik-topic-table.h"

#define N_COLUMNS (ROCZNIK_COLUMN_CHANGE_PERCENT + 1)

struct _RocznikTopicTable
{
  GtkWidget            parent_instance;

  RocznikSession      *session;
  RocznikTable        *table;
  gboolean             show_remainder;
  gboolean             search_mode;
  char                *query;          /* folded search text */
  GtkWidget           *focus_after;    /* weak: where Tab goes from the rows */

  GListStore          *topics;         /* RocznikTopicRow*, sorted and filtered */
  GListStore          *footer;         /* remainder and total: never sorted */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkMultiSelection   *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* template */
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *summary_label;
  GtkMenuButton       *topic_menu_button;
  GtkStack            *table_stack;
  GtkColumnView       *topic_view;
  AdwStatusPage       *no_topics_page;
  GtkLabel            *comparison_note_label;
};

G_DEFINE_FINAL_TYPE (RocznikTopicTable, rocznik_topic_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_REMAINDER,
  PROP_SEARCH_MODE,
  PROP_TABLE,
  N_PROPS
};

enum
{
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void selection_changed_cb (RocznikTopicTable *self);

/* helpers */

static gboolean
keys_contain (GPtrArray  *keys,
              const char *key)
{
  for (guint i = 0; key && i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

static void
update_table_page (RocznikTopicTable *self)
{
  const char *page = "table";

  if (self->table == NULL || self->table->rows->len == 0)
    page = "no-topics";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  gtk_stack_set_visible_child_name (self->table_stack, page);
}

static void
update_summary (RocznikTopicTable *self)
{
  const RocznikTable *t = self->table;
  g_autofree char *text = NULL;

  if (t == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  text = rocznik_table_get_summary (t);
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
update_columns (RocznikTopicTable *self)
{
  gboolean compare = rocznik_session_get_comparison_year (self->session) != 0;
  g_autofree char *other = g_strdup_printf (_("Calls in %d"), rocznik_session_get_comparison_year (self->session));

  gtk_column_view_column_set_title (self->columns[ROCZNIK_COLUMN_OTHER], other);
  for (guint c = ROCZNIK_COLUMN_OTHER; c < N_COLUMNS; c++)
    gtk_column_view_column_set_visible (self->columns[c], compare);
}

/* The core's words on what the comparison row compares, under the table. */
static void
update_comparison_note (RocznikTopicTable *self)
{
  g_autofree char *note = self->table ? rocznik_table_get_note (self->table) : NULL;

  gtk_label_set_text (self->comparison_note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_note_label), note != NULL && *note != '\0');
}

static void
rebuild_table (RocznikTopicTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean in_table = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->topic_view));
  g_autoptr(GPtrArray) keys = rocznik_topic_table_get_selected_keys (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) footer = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  int year = rocznik_session_get_year (self->session);
  GPtrArray *years = rocznik_session_get_years (self->session);
  RocznikTable *old;

  /* Whoever reads the table hears of the new one before the old goes. */
  old = g_steal_pointer (&self->table);
  if (years && year != 0)
    {
      self->table = rocznik_table_new (years, year, rocznik_session_get_comparison_year (self->session), &error);
      if (self->table == NULL)
        g_signal_emit (self, signals[FAILED], 0, error);
    }

  if (self->table)
    {
      for (guint i = 0; i < self->table->rows->len; i++)
        g_ptr_array_add (rows, rocznik_topic_row_new (g_ptr_array_index (self->table->rows, i), year));
      /* The sum of topics first, then what the topics leave out of the
       * declared total: a total below the remainder would read as its sum. */
      g_ptr_array_add (footer, rocznik_topic_row_new (self->table->total, year));
      if (self->table->remainder && self->show_remainder)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->remainder, year));
      /* When the years' topics differ the total is not compared; the core's
       * like-for-like row carries the comparison instead. */
      if (self->table->common)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->common, year));
      if (self->table->declared)
        g_ptr_array_add (footer, rocznik_topic_row_new (self->table->declared, year));
    }
  update_comparison_note (self);
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       rows->pdata, rows->len);
  g_list_store_splice (self->footer, 0, g_list_model_get_n_items (G_LIST_MODEL (self->footer)),
                       footer->pdata, footer->len);
  rocznik_topic_table_select_keys (self, keys);
  /* The rows are new: the focus stays in the table, not on Import. */
  if (in_table)
    gtk_widget_grab_focus (GTK_WIDGET (self->topic_view));

  /* A topic that is gone leaves the selection without a signal. */
  selection_changed_cb (self);

  update_columns (self);
  update_summary (self);
  update_table_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
  g_clear_pointer (&old, rocznik_table_free);
}

/* callbacks */

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
  const char *tip = NULL;

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
    tip = r->more_than
          ? _("The declared total minus the calls counted under topics; the report gives the total as “more than”, so there were at least this many")
          : _("The declared total minus the calls counted under topics");
  /* Setting one asks the X server where the pointer is: only on a change. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tip) != 0)
    gtk_widget_set_tooltip_text (label, tip);
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
  RocznikTopicTable *self = user_data;

  return rocznik_topic_row_matches (item, self->query);
}

static void
search_changed_cb (RocznikTopicTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = rocznik_search_fold (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_table_page (self);
  update_summary (self);
}

static void
selection_changed_cb (RocznikTopicTable *self)
{
  g_autoptr(GPtrArray) keys = rocznik_topic_table_get_selected_keys (self);

  if (self->session == NULL)
    return;
  g_ptr_array_add (keys, NULL);
  rocznik_session_set_selected_topics (self->session, (const char *const *) keys->pdata);
}

/* The chart's bars select topics through the session: the table follows. */
static void
selected_topics_changed_cb (RocznikTopicTable *self)
{
  const char *const *wanted = rocznik_session_get_selected_topics (self->session);
  g_autoptr(GPtrArray) keys = rocznik_topic_table_get_selected_keys (self);

  g_ptr_array_add (keys, NULL);
  if (g_strv_equal ((const char *const *) keys->pdata, wanted))
    return;
  g_ptr_array_set_size (keys, 0);
  for (guint i = 0; wanted[i]; i++)
    g_ptr_array_add (keys, g_strdup (wanted[i]));
  rocznik_topic_table_select_keys (self, keys);
}

static void
row_activated_cb (RocznikTopicTable *self,
                  guint              position)
{
  g_autoptr(RocznikTopicRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row && rocznik_topic_row_get_kind (row) == ROCZNIK_ROW_TOPIC)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-topic", NULL);
}

/* The table is one stop of the Tab chain: arrows move between rows, Tab
 * goes on to the chart and Shift+Tab back to the topic actions. */
static gboolean
table_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              RocznikTopicTable     *self)
{
  gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || (state & GDK_CONTROL_MASK))
    return FALSE;
  if (back)
    return gtk_widget_grab_focus (GTK_WIDGET (self->topic_menu_button));
  return self->focus_after && gtk_widget_child_focus (self->focus_after, GTK_DIR_TAB_FORWARD);
}

/* The columns, each sorted by the core's rule for its figures. */
static void
add_column (RocznikTopicTable *self,
            RocznikColumn      column,
            const char        *title,
            gboolean           expand)
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

/* GObject overrides */

static void
rocznik_topic_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RocznikTopicTable *self = ROCZNIK_TOPIC_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SHOW_REMAINDER:
      g_value_set_boolean (value, self->show_remainder);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_TABLE:
      g_value_set_pointer (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RocznikTopicTable *self = ROCZNIK_TOPIC_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rocznik_topic_table_set_session (self, g_value_get_object (value));
      break;
    case PROP_SHOW_REMAINDER:
      rocznik_topic_table_set_show_remainder (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_MODE:
      rocznik_topic_table_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_table_dispose (GObject *object)
{
  RocznikTopicTable *self = ROCZNIK_TOPIC_TABLE (object);
  GtkWidget *child;

  g_clear_weak_pointer (&self->focus_after);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_TOPIC_TABLE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->topics);
  g_clear_object (&self->footer);
  g_clear_object (&self->session);
  g_clear_pointer (&self->table, rocznik_table_free);

  G_OBJECT_CLASS (rocznik_topic_table_parent_class)->dispose (object);
}

static void
rocznik_topic_table_finalize (GObject *object)
{
  RocznikTopicTable *self = ROCZNIK_TOPIC_TABLE (object);

  g_free (self->query);

  G_OBJECT_CLASS (rocznik_topic_table_parent_class)->finalize (object);
}

static void
rocznik_topic_table_class_init (RocznikTopicTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = rocznik_topic_table_get_property;
  object_class->set_property = rocznik_topic_table_set_property;
  object_class->dispose = rocznik_topic_table_dispose;
  object_class->finalize = rocznik_topic_table_finalize;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, ROCZNIK_TYPE_SESSION, flags);
  /* A row of the calls the topics leave out of the declared total. */
  properties[PROP_SHOW_REMAINDER] = g_param_spec_boolean ("show-remainder", NULL, NULL, TRUE, flags);
  properties[PROP_SEARCH_MODE] = g_param_spec_boolean ("search-mode", NULL, NULL, FALSE, flags);
  /* The RocznikTable shown (owned by the table), or NULL. */
  properties[PROP_TABLE] = g_param_spec_pointer ("table", NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The core could not build the year's table: the error says why. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-topic-table.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, topic_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, table_stack);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, topic_view);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, no_topics_page);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicTable, comparison_note_label);
}

static void
rocznik_topic_table_init (RocznikTopicTable *self)
{
  GtkFlattenListModel *flat;
  GListStore *parts;
  GtkSortListModel *sorted;
  GtkEventController *keys;

  self->show_remainder = TRUE;
  self->query = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

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
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->topic_view)));
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, sorted);
  g_list_store_append (parts, self->footer);
  g_object_unref (sorted);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (flat));
  gtk_column_view_set_model (self->topic_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->topic_view, self->columns[ROCZNIK_COLUMN_COUNT], GTK_SORT_DESCENDING);

  rocznik_accessible_name_inner (GTK_WIDGET (self->topic_view), GTK_TYPE_LIST_VIEW, _("Topics"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->topic_view))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column headers"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search topics"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic Actions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics of the year"), -1);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_table_page), self);
  g_signal_connect_swapped (self->topic_view, "activate", G_CALLBACK (row_activated_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (table_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->topic_view), keys);
}

/* public API */

GtkWidget *
rocznik_topic_table_new (void)
{
  return g_object_new (ROCZNIK_TYPE_TOPIC_TABLE, NULL);
}

RocznikSession *
rocznik_topic_table_get_session (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);
  return self->session;
}

/* Set once: the table follows @session for its life. */
void
rocznik_topic_table_set_session (RocznikTopicTable *self,
                                 RocznikSession    *session)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  g_return_if_fail (ROCZNIK_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (session == self->session)
    return;
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::year", G_CALLBACK (rebuild_table), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::comparison-year", G_CALLBACK (rebuild_table), self, G_CONNECT_SWAPPED);
  /* Counts, names or categories may have changed under the same year. */
  g_signal_connect_object (session, "years-changed", G_CALLBACK (rebuild_table), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-topics", G_CALLBACK (selected_topics_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
rocznik_topic_table_get_show_remainder (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), FALSE);
  return self->show_remainder;
}

void
rocznik_topic_table_set_show_remainder (RocznikTopicTable *self,
                                        gboolean           show_remainder)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));

  show_remainder = !!show_remainder;
  if (show_remainder == self->show_remainder)
    return;
  self->show_remainder = show_remainder;
  if (self->session)
    rebuild_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REMAINDER]);
}

gboolean
rocznik_topic_table_get_search_mode (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), FALSE);
  return self->search_mode;
}

void
rocznik_topic_table_set_search_mode (RocznikTopicTable *self,
                                     gboolean           search_mode)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));

  search_mode = !!search_mode;
  if (search_mode == self->search_mode)
    return;
  self->search_mode = search_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* Typing anywhere in @widget starts a search. */
void
rocznik_topic_table_set_key_capture_widget (RocznikTopicTable *self,
                                            GtkWidget         *widget)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/* Shows the rows matching @text (accents and case aside); "" shows all
 * and hides the search bar. Applied at once, not after the entry's delay. */
void
rocznik_topic_table_search (RocznikTopicTable *self,
                            const char        *text)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  g_return_if_fail (text != NULL);

  rocznik_topic_table_set_search_mode (self, text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/* Opens the search bar with the focus in it. */
void
rocznik_topic_table_start_search (RocznikTopicTable *self)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));

  rocznik_topic_table_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens the topic actions and sorting menu. */
void
rocznik_topic_table_popup_menu (RocznikTopicTable *self)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  gtk_menu_button_popup (self->topic_menu_button);
}

/* @widget: where Tab goes from the rows (the arrows move between them). */
void
rocznik_topic_table_set_focus_after (RocznikTopicTable *self,
                                     GtkWidget         *widget)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  g_set_weak_pointer (&self->focus_after, widget);
}

/* Sorts the topics by @column, as a click on its header does. */
void
rocznik_topic_table_sort_by (RocznikTopicTable *self,
                             RocznikColumn      column,
                             gboolean           descending)
{
  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  g_return_if_fail ((guint) column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->topic_view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* What the table shows: "table", "no-topics" or "no-match". */
const char *
rocznik_topic_table_get_page (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);
  return gtk_stack_get_visible_child_name (self->table_stack);
}

RocznikTopicRow *
rocznik_topic_table_get_selected_row (RocznikTopicTable *self)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(RocznikTopicRow) row = NULL;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (set) != 1)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (set, 0));
  if (rocznik_topic_row_get_kind (row) != ROCZNIK_ROW_TOPIC)
    return NULL;
  return row;   /* the store keeps it alive */
}

GPtrArray *
rocznik_topic_table_get_selected_keys (RocznikTopicTable *self)
{
  g_autoptr(GtkBitset) set = NULL;
  GPtrArray *keys;
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  keys = g_ptr_array_new_with_free_func (g_free);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(RocznikTopicRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);
      if (rocznik_topic_row_get_key (row))
        g_ptr_array_add (keys, g_strdup (rocznik_topic_row_get_key (row)));
    }
  return keys;
}

void
rocznik_topic_table_select_keys (RocznikTopicTable *self,
                                 GPtrArray         *keys)
{
  GListModel *model;
  g_autoptr(GtkBitset) wanted = NULL;
  g_autoptr(GtkBitset) mask = NULL;
  guint n;

  g_return_if_fail (ROCZNIK_IS_TOPIC_TABLE (self));
  g_return_if_fail (keys != NULL);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  wanted = gtk_bitset_new_empty ();
  mask = gtk_bitset_new_range (0, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RocznikTopicRow) row = g_list_model_get_item (model, i);
      if (keys_contain (keys, rocznik_topic_row_get_key (row)))
        gtk_bitset_add (wanted, i);
    }
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);
}

gboolean
rocznik_topic_table_get_column_visible (RocznikTopicTable *self,
                                        RocznikColumn      column)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), FALSE);
  g_return_val_if_fail ((guint) column < N_COLUMNS, FALSE);
  return gtk_column_view_column_get_visible (self->columns[column]);
}

GtkSelectionModel *
rocznik_topic_table_get_selection (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/* NULL when no year is shown. */
const RocznikTable *
rocznik_topic_table_get_table (RocznikTopicTable *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);
  return self->table;
}

/* The selected rows as the TSV Ctrl+C copies; NULL when none is selected. */
char *
rocznik_topic_table_get_selected_tsv (RocznikTopicTable *self)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_TABLE (self), NULL);

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

