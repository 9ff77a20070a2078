/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year-panel.c — details of one year and the totals of all years
 *
 * The panel edits a copy of the year; the window stores it (one transaction,
 * undoable) when the panel emits ::save. Its fixed parts are a template
 * (ui/rocznik-year-panel.ui); the rows of a year's lists and categories
 * are made for each year.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-call-summary.h"
#include "rocznik-chart-view.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-table.h"
#include "rocznik-year-panel.h"

struct _RocznikYearPanel
{
  AdwBin               parent_instance;

  RocznikYear         *year;
  gboolean             modified;
  GPtrArray           *list_rows;       /* ListWidgets* */
  GPtrArray           *removable;       /* rows added for the current year */

  /* template */
  AdwPreferencesGroup *details_group;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *total_row;
  GtkSwitch           *more_than_switch;
  RocznikCallSummary  *call_summary;
  GtkTextBuffer       *notes;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *lists_group;
  AdwPreferencesGroup *trend_group;
  GtkBox              *trend_area;
  AdwPreferencesGroup *categories_group;
};

typedef struct
{
  AdwExpanderRow *expander;
  AdwEntryRow    *title;
  AdwEntryRow    *declared;
  GtkTextBuffer  *items;
} ListWidgets;

G_DEFINE_FINAL_TYPE (RocznikYearPanel, rocznik_year_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  SAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* helpers */

static void
set_modified (RocznikYearPanel *self,
              gboolean          modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* An edit by the user (filling the fields blocks it). */
static void
changed_cb (RocznikYearPanel *self)
{
  set_modified (self, TRUE);
}

static GtkWidget *
text_view_new (GtkTextBuffer *buffer,
               const char    *accessible_name)
{
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on, as in every other field; Ctrl+Tab inserts a tab. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "year-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "card");
  return frame;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
declared_text (gint64 declared)
{
  return declared == ROCZNIK_NO_TOTAL ? g_strdup ("") : rocznik_format_count (declared);
}

static void
list_widgets_free (ListWidgets *w)
{
  g_free (w);
}

static void
clear_year_rows (RocznikYearPanel *self)
{
  for (guint i = 0; i < self->removable->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->removable, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->removable, 0);
  g_ptr_array_set_size (self->list_rows, 0);
}

static void
add_list (RocznikYearPanel  *self,
          const RocznikList *list)
{
  ListWidgets *w = g_new0 (ListWidgets, 1);
  g_autofree char *declared = declared_text (list->declared);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *items_row;

  for (guint i = 0; i < list->items->len; i++)
    g_string_append_printf (items, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (list->items, i));

  w->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->expander), list->title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (w->expander), FALSE);
  if (list->declared != ROCZNIK_NO_TOTAL && (gint64) list->items->len < list->declared)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u named of %s", "%u named of %s", list->items->len),
                                list->items->len, declared);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", list->items->len),
                                list->items->len);
  adw_expander_row_set_subtitle (w->expander, subtitle);

  w->title = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->title), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (w->title), list->title);
  g_signal_connect_swapped (w->title, "changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (w->expander, GTK_WIDGET (w->title));

  w->declared = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->declared), _("Number as published"));
  gtk_editable_set_text (GTK_EDITABLE (w->declared), declared);
  g_signal_connect_swapped (w->declared, "changed", G_CALLBACK (changed_cb), self);
  adw_expander_row_add_row (w->expander, GTK_WIDGET (w->declared));

  w->items = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_text (w->items, items->str, -1);
  g_signal_connect_swapped (w->items, "changed", G_CALLBACK (changed_cb), self);
  items_row = text_view_new (w->items, _("Items, one per line"));
  gtk_widget_set_margin_start (items_row, 12);
  gtk_widget_set_margin_end (items_row, 12);
  gtk_widget_set_margin_top (items_row, 6);
  gtk_widget_set_margin_bottom (items_row, 12);
  gtk_widget_set_tooltip_text (items_row, _("Items, one per line"));
  adw_expander_row_add_row (w->expander, items_row);
  g_object_unref (w->items);

  adw_preferences_group_add (self->lists_group, GTK_WIDGET (w->expander));
  g_ptr_array_add (self->removable, w->expander);
  g_ptr_array_add (self->list_rows, w);
}

/* Totals of every year from the first to the last: a missing year is a gap
 * ("no data"), never a zero. A stand-in for the trend chart. */
static void
fill_trend (RocznikYearPanel *self,
            GPtrArray        *years)
{
  GtkWidget *child;
  gint64 max = 0;
  int first, last;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trend_area))))
    gtk_box_remove (self->trend_area, child);
  if (years->len == 0)
    return;

  /* The trend chart, with its gaps; the rows below only if it cannot be drawn. */
  {
    RocznikChartSpec spec = { .type = ROCZNIK_CHART_TREND };
    RocznikChart *chart = rocznik_chart_new (years, NULL, &spec, NULL);

    if (chart)
      {
        GtkWidget *view = rocznik_chart_view_new ();

        rocznik_chart_view_set_chart (ROCZNIK_CHART_VIEW (view), chart);
        gtk_widget_set_size_request (view, -1, 320);
        gtk_widget_set_hexpand (view, TRUE);
        gtk_box_append (self->trend_area, view);
        return;
      }
  }

  first = ((RocznikYear *) g_ptr_array_index (years, 0))->year;
  last = ((RocznikYear *) g_ptr_array_index (years, years->len - 1))->year;
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);
      max = MAX (max, y->declared_total != ROCZNIK_NO_TOTAL ? y->declared_total : rocznik_year_topic_sum (y));
    }

  for (int year = first; year <= last; year++)
    {
      const RocznikYear *y = rocznik_years_find (years, year);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      GtkWidget *year_label = gtk_label_new (year_text);
      GtkWidget *bar = gtk_level_bar_new ();
      g_autofree char *value = NULL;
      g_autofree char *description = NULL;
      GtkWidget *value_label;
      gint64 total = 0;

      if (y && y->declared_total != ROCZNIK_NO_TOTAL)
        {
          total = y->declared_total;
          value = rocznik_format_short (total, y->declared_more_than);
        }
      else if (y && y->topics->len > 0)
        {
          total = rocznik_year_topic_sum (y);
          value = rocznik_format_short (total, FALSE);
        }
      else
        value = g_strdup (_("no data"));

      gtk_widget_add_css_class (year_label, "numeric");
      gtk_level_bar_set_max_value (GTK_LEVEL_BAR (bar), max > 0 ? (double) max : 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) total);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (bar, total > 0);
      value_label = gtk_label_new (value);
      gtk_label_set_xalign (GTK_LABEL (value_label), total > 0 ? 1 : 0);
      gtk_widget_set_hexpand (value_label, total == 0);
      gtk_widget_set_size_request (value_label, 120, -1);
      if (total == 0)
        gtk_widget_add_css_class (value_label, "dim-label");
      gtk_box_append (GTK_BOX (row), year_label);
      gtk_box_append (GTK_BOX (row), bar);
      gtk_box_append (GTK_BOX (row), value_label);
      gtk_widget_add_css_class (row, "trend-row");
      description = g_strdup_printf ("%d: %s", year, value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_box_append (self->trend_area, row);
    }
}

static void
fill_categories (RocznikYearPanel *self,
                 GPtrArray        *categories)
{
  if (categories == NULL || categories->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No categories yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Select topics in the table and choose “Add to Category…” to group them."));
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->removable, row);
      return;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (categories, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint k = 0; k < c->keys->len; k++)
        g_string_append_printf (keys, "%s%s", k ? "; " : "", (char *) g_ptr_array_index (c->keys, k));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), keys->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      /* The window's action: it stores the removal and offers Undo. */
      {
        GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
        g_autofree char *label = g_strdup_printf (_("Remove the category „%s”"), c->name);

        gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (remove, "flat");
        gtk_widget_set_tooltip_text (remove, _("Remove Category"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-category");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", c->name);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      }
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->removable, row);
    }
}

static void
fill (RocznikYearPanel *self)
{
  const RocznikYear *y = self->year;
  g_autofree char *title = g_strdup_printf (_("Year %d"), y->year);
  g_autofree char *total = declared_text (y->declared_total);

  /* Showing the stored year is no edit. */
  g_signal_handlers_block_by_func (self->organisation_row, changed_cb, self);
  g_signal_handlers_block_by_func (self->total_row, changed_cb, self);
  g_signal_handlers_block_by_func (self->more_than_switch, changed_cb, self);
  g_signal_handlers_block_by_func (self->notes, changed_cb, self);
  adw_preferences_group_set_title (self->details_group, title);
  adw_preferences_group_set_description (self->details_group,
                                         y->is_sample ? _("Sample data, as published by the city") : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), y->organisation ? y->organisation : "");
  gtk_editable_set_text (GTK_EDITABLE (self->total_row), total);
  gtk_switch_set_active (self->more_than_switch, y->declared_more_than);
  gtk_text_buffer_set_text (self->notes, y->notes ? y->notes : "", -1);
  g_signal_handlers_unblock_by_func (self->notes, changed_cb, self);
  g_signal_handlers_unblock_by_func (self->more_than_switch, changed_cb, self);
  g_signal_handlers_unblock_by_func (self->total_row, changed_cb, self);
  g_signal_handlers_unblock_by_func (self->organisation_row, changed_cb, self);
  /* The lists' rows are new: connected once they show the stored year. */
  for (guint i = 0; i < y->lists->len; i++)
    add_list (self, g_ptr_array_index (y->lists, i));
  if (y->lists->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No lists in this year"));
      adw_preferences_group_add (self->lists_group, row);
      g_ptr_array_add (self->removable, row);
    }
  set_modified (self, FALSE);
}

/* callbacks */

static void
revert_clicked_cb (RocznikYearPanel *self)
{
  clear_year_rows (self);
  if (self->year)
    fill (self);
}

static void
save_clicked_cb (RocznikYearPanel *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

/* GObject overrides */

static void
rocznik_year_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RocznikYearPanel *self = ROCZNIK_YEAR_PANEL (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_year_panel_dispose (GObject *object)
{
  RocznikYearPanel *self = ROCZNIK_YEAR_PANEL (object);

  g_clear_pointer (&self->year, rocznik_year_free);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);
  g_clear_pointer (&self->removable, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_YEAR_PANEL);

  G_OBJECT_CLASS (rocznik_year_panel_parent_class)->dispose (object);
}

static void
rocznik_year_panel_class_init (RocznikYearPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rocznik_year_panel_get_property;
  object_class->dispose = rocznik_year_panel_dispose;

  /* The details were edited since the year was shown (Save and Revert
   * are bound to it). */
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to store the edited details (rocznik_year_panel_get_details()). */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ROCZNIK_TYPE_CALL_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-year-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, details_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, total_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, more_than_switch);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, call_summary);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, notes);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, lists_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, trend_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, trend_area);
  gtk_widget_class_bind_template_child (widget_class, RocznikYearPanel, categories_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
rocznik_year_panel_init (RocznikYearPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->list_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) list_widgets_free);
  self->removable = g_ptr_array_new ();

  /* A group's inner list box is what a screen reader reaches. */
  rocznik_accessible_name_inner (GTK_WIDGET (self->trend_group), GTK_TYPE_LIST_BOX, _("Calls per Year"));
  rocznik_accessible_name_inner (GTK_WIDGET (self->details_group), GTK_TYPE_LIST_BOX, _("Year details"));
  rocznik_accessible_name_inner (GTK_WIDGET (self->notes_group), GTK_TYPE_LIST_BOX, _("Notes"));
  rocznik_accessible_name_inner (GTK_WIDGET (self->lists_group), GTK_TYPE_LIST_BOX, _("Lists"));
  rocznik_accessible_name_inner (GTK_WIDGET (self->categories_group), GTK_TYPE_LIST_BOX, _("Categories"));
  rocznik_accessible_fix_names (GTK_WIDGET (self));
}

/* @years: every year, ascending (rocznik_workspace_load_all()); @year: the
 * one to edit; @categories: RocznikCategory*, may be NULL. Drops unsaved edits. */
void
rocznik_year_panel_set_years (RocznikYearPanel *self,
                              GPtrArray        *years,
                              int               year,
                              GPtrArray        *categories)
{
  const RocznikYear *y;

  g_return_if_fail (ROCZNIK_IS_YEAR_PANEL (self));
  g_return_if_fail (years != NULL);

  clear_year_rows (self);
  g_clear_pointer (&self->year, rocznik_year_free);
  y = rocznik_years_find (years, year);
  rocznik_call_summary_set_year (self->call_summary, y);
  if (y)
    {
      self->year = rocznik_year_copy (y);
      fill (self);
    }
  fill_categories (self, categories);
  fill_trend (self, years);
}

/* A copy of the year with the edits applied; NULL and @error when a number
 * cannot be read. */
RocznikYear *
rocznik_year_panel_get_details (RocznikYearPanel *self,
                                GError          **error)
{
  g_autoptr(RocznikYear) y = NULL;
  const char *total;
  gint64 count;
  RocznikCountResult result;

  g_return_val_if_fail (ROCZNIK_IS_YEAR_PANEL (self), NULL);
  g_return_val_if_fail (self->year != NULL, NULL);

  y = rocznik_year_copy (self->year);
  g_free (y->organisation);
  y->organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  g_free (y->notes);
  y->notes = buffer_text (self->notes);

  total = gtk_editable_get_text (GTK_EDITABLE (self->total_row));
  result = rocznik_parse_count (total, -1, &count);
  if (result == ROCZNIK_COUNT_EMPTY)
    y->declared_total = ROCZNIK_NO_TOTAL;
  else if (result == ROCZNIK_COUNT_OK)
    y->declared_total = count;
  else
    {
      g_autofree char *problem = rocznik_count_problem (result, total);

      /* Translators: "Declared total: „-5” is negative; …" */
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, _("Declared total: %s"), problem);
      return NULL;
    }
  y->declared_more_than = gtk_switch_get_active (self->more_than_switch) && y->declared_total != ROCZNIK_NO_TOTAL;

  g_ptr_array_set_size (y->lists, 0);
  for (guint i = 0; i < self->list_rows->len; i++)
    {
      ListWidgets *w = g_ptr_array_index (self->list_rows, i);
      const char *title = gtk_editable_get_text (GTK_EDITABLE (w->title));
      const char *declared = gtk_editable_get_text (GTK_EDITABLE (w->declared));
      g_autofree char *items = buffer_text (w->items);
      g_auto(GStrv) lines = g_strsplit (items, "\n", -1);
      g_autofree char *clean_title = g_strstrip (g_strdup (title));
      RocznikList *list;

      if (clean_title[0] == '\0')
        continue;   /* an emptied title removes the list */
      list = rocznik_year_add_list (y, clean_title);
      switch (rocznik_parse_count (declared, -1, &count))
        {
        case ROCZNIK_COUNT_OK:
          list->declared = count;
          break;
        case ROCZNIK_COUNT_EMPTY:
          list->declared = ROCZNIK_NO_TOTAL;
          break;
        default:
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The number of the list „%s” is not a whole number"), clean_title);
          return NULL;
        }
      for (guint l = 0; lines[l]; l++)
        {
          g_strstrip (lines[l]);
          if (lines[l][0] != '\0')
            g_ptr_array_add (list->items, g_strdup (lines[l]));
        }
    }
  return g_steal_pointer (&y);
}
