/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-pane.c — the session's chart: type, texts, the chart itself
 *
 * The pane's controls are bound to the session (chart type, what to compare,
 * texts) and it redraws on the session's notifications. A click on a bar
 * changes the session (the year shown, or the topics selected); the table
 * follows the session. The chart drawn is the one exported, so both are
 * made by rocznik_chart_pane_chart_new().
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-chart-choice.h"
#include "rocznik-chart-pane.h"
#include "rocznik-chart-view.h"
#include "rocznik-error.h"
#include "rocznik-topics.h"

struct _RocznikChartPane
{
  GtkWidget           parent_instance;

  RocznikSession     *session;
  const RocznikTable *table;        /* not owned: the window's */
  gboolean            compact;
  gboolean            has_chart;
  GListStore         *choices;      /* RocznikChartChoice, in chart_types' order */

  /* template */
  GtkPopover         *texts_popover;
  GtkBox             *toolbar;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *compare_by_dropdown;
  GtkMenuButton      *texts_button;
  GtkEntry           *title_entry;
  GtkEntry           *subtitle_entry;
  GtkEntry           *source_entry;
  GtkEntry           *notes_entry;
  GtkStack           *stack;
  RocznikChartView   *view;
  AdwStatusPage      *no_chart_page;
  GtkWidget          *trend_button;
};

G_DEFINE_FINAL_TYPE (RocznikChartPane, rocznik_chart_pane, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_COMPACT,
  PROP_HAS_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The chart types offered, in the menu's order: a new type is one line. */
static const struct
{
  RocznikChartType  type;
  const char       *label;
} chart_types[] = {
  { ROCZNIK_CHART_RANKING, N_("Ranking") },
  { ROCZNIK_CHART_COMPARE, N_("Comparison") },
  { ROCZNIK_CHART_YOY,     N_("Year on Year") },
  { ROCZNIK_CHART_TREND,   N_("Totals over Time") },
  { ROCZNIK_CHART_MONTH,   N_("Calls per Month") },
  { ROCZNIK_CHART_HEATMAP, N_("Weekday and Hour") },
  { ROCZNIK_CHART_CHANNEL, N_("Channels") },
  { ROCZNIK_CHART_DURATION, N_("Handling Time") },
};

/* helpers */

static GtkEntry *
text_entry (RocznikChartPane *self,
            RocznikChartText  field)
{
  GtkEntry *entries[ROCZNIK_CHART_N_TEXTS] = {
    self->title_entry, self->subtitle_entry, self->source_entry, self->notes_entry,
  };

  return entries[field];
}

static gboolean
by_categories (RocznikChartPane *self)
{
  return rocznik_session_get_compare_by (self->session) == ROCZNIK_COMPARE_BY_CATEGORIES;
}

/* The bars in the accent colour: the core's rule on the selection. */
static GStrv
highlight_keys (RocznikChartPane *self)
{
  return rocznik_topics_highlight (rocznik_session_get_chart_type (self->session), by_categories (self),
                                   rocznik_session_get_year (self->session),
                                   rocznik_session_get_categories (self->session),
                                   rocznik_session_get_selected_topics (self->session));
}

static void
set_has_chart (RocznikChartPane *self,
               gboolean          has_chart)
{
  if (self->has_chart == has_chart)
    return;
  self->has_chart = has_chart;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
}

static void
update_highlight (RocznikChartPane *self)
{
  g_auto(GStrv) lit = highlight_keys (self);

  rocznik_chart_view_set_highlight (self->view, (const char *const *) lit);
}

/* The entries show the renderer's own texts as placeholders. */
static void
update_placeholders (RocznikChartPane *self,
                     RocznikChart     *chart)
{
  const char *texts[ROCZNIK_CHART_N_TEXTS - 1] = { NULL };

  if (chart)
    {
      texts[ROCZNIK_CHART_TEXT_TITLE] = rocznik_chart_get_title (chart);
      texts[ROCZNIK_CHART_TEXT_SUBTITLE] = rocznik_chart_get_subtitle (chart);
      texts[ROCZNIK_CHART_TEXT_SOURCE] = rocznik_chart_get_source (chart);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (rocznik_session_get_chart_text (self->session, i) == NULL)
      gtk_entry_set_placeholder_text (text_entry (self, i), texts[i] ? texts[i] : "");
}

static void
update_chart (RocznikChartPane *self)
{
  g_autoptr(GError) error = NULL;
  RocznikChart *chart = NULL;
  gboolean only_total;

  if (self->session == NULL)
    return;
  if (self->table && (self->table->rows->len > 0 || rocznik_session_get_chart_type (self->session) == ROCZNIK_CHART_TREND))
    chart = rocznik_chart_pane_chart_new (self, ROCZNIK_CHART_THEME_LIGHT, &error);
  update_placeholders (self, chart);
  set_has_chart (self, chart != NULL);
  if (chart)
    {
      rocznik_chart_view_set_chart (self->view, chart);
      gtk_stack_set_visible_child_name (self->stack, "chart");
      update_highlight (self);
      return;
    }
  only_total = self->table && self->table->rows->len == 0;
  rocznik_chart_view_set_chart (self->view, NULL);
  adw_status_page_set_description (self->no_chart_page,
                                   error ? error->message
                                   : only_total ? _("This year has no topics, only its total. The chart of totals over the years shows it.")
                                   : NULL);
  gtk_widget_set_visible (self->trend_button, only_total);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* The per-call charts are offered for a year that has what they need;
 * the topic charts always (they explain their own empty states). */
static void
update_choices (RocznikChartPane *self)
{
  GPtrArray *years = self->session ? rocznik_session_get_years (self->session) : NULL;
  const RocznikYear *y = years ? rocznik_years_find (years, rocznik_session_get_year (self->session)) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (chart_types); i++)
    {
      g_autoptr(RocznikChartChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);
      RocznikChartType type = chart_types[i].type;
      gboolean per_call = type == ROCZNIK_CHART_MONTH || type == ROCZNIK_CHART_HEATMAP
                          || type == ROCZNIK_CHART_CHANNEL || type == ROCZNIK_CHART_DURATION;

      rocznik_chart_choice_set_available (choice, !per_call || (y && rocznik_chart_type_has_data (type, y)));
    }
}

/* A menu row: the type's name, greyed out (an expression: it follows the
 * item) and not selectable while the year lacks the type's data. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *choice = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_expression_bind (gtk_property_expression_new (ROCZNIK_TYPE_CHART_CHOICE, gtk_expression_ref (choice), "label"),
                       label, "label", item);
  gtk_expression_bind (gtk_property_expression_new (ROCZNIK_TYPE_CHART_CHOICE, choice, "available"),
                       label, "sensitive", item);
  gtk_list_item_set_child (item, label);
}

static void
choice_available_cb (RocznikChartChoice *choice,
                     GParamSpec         *pspec,
                     GtkListItem        *item)
{
  gboolean available = rocznik_chart_choice_get_available (choice);

  gtk_list_item_set_selectable (item, available);
  gtk_list_item_set_activatable (item, available);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  RocznikChartChoice *choice = gtk_list_item_get_item (item);

  choice_available_cb (choice, NULL, item);
  g_signal_connect_object (choice, "notify::available", G_CALLBACK (choice_available_cb), item, 0);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), choice_available_cb, item);
}

static void
select_topics (RocznikChartPane  *self,
               const char *const *keys)
{
  rocznik_session_set_selected_topics (self->session, keys);
}

/* callbacks */

/* A year's bar shows that year; a category's selects its topics; a
 * topic's selects it. */
static void
bar_activated_cb (RocznikChartPane *self,
                  int               index,
                  const char       *key)
{
  RocznikSession *session = self->session;
  const char *const *selected = rocznik_session_get_selected_topics (session);
  RocznikChartType type = rocznik_session_get_chart_type (session);
  const RocznikCategory *category;
  gint64 year;

  if (key == NULL)
    return;
  if (type == ROCZNIK_CHART_TREND)
    {
      int compare = rocznik_session_get_comparison_year (session);

      if (g_ascii_string_to_signed (key, 10, 1, 9999, &year, NULL)
          && rocznik_session_get_years (session) && rocznik_years_find (rocznik_session_get_years (session), year))
        {
          rocznik_session_set_year (session, year);
          rocznik_session_set_comparison_year (session, compare == year ? 0 : compare);
        }
      return;
    }
  category = rocznik_session_find_category (self->session, key);
  if (category && type == ROCZNIK_CHART_COMPARE && by_categories (self))
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_copy (category->keys, NULL, NULL);

      g_ptr_array_add (keys, NULL);
      select_topics (self, (const char *const *) keys->pdata);
      return;
    }
  /* The comparison is made of the selection: a click on one of its bars
   * must not take the others away. */
  if (type == ROCZNIK_CHART_COMPARE && g_strv_length ((char **) selected) > 1
      && g_strv_contains (selected, key))
    return;
  select_topics (self, (const char *const[]) { key, NULL });
}

static void
selected_topics_changed_cb (RocznikChartPane *self)
{
  /* A comparison of topics is made of the selection. */
  if (rocznik_session_get_chart_type (self->session) == ROCZNIK_CHART_COMPARE && !by_categories (self))
    update_chart (self);
  else
    update_highlight (self);
}

static void
text_changed_cb (GtkEditable      *entry,
                 RocznikChartPane *self)
{
  if (self->session == NULL)
    return;
  for (guint i = 0; i < ROCZNIK_CHART_N_TEXTS; i++)
    if (GTK_EDITABLE (text_entry (self, i)) == entry)
      rocznik_session_set_chart_text (self->session, i, gtk_editable_get_text (entry));
}

/* Another year or chart type has texts of its own: the entries show them. */
static void
chart_texts_changed_cb (RocznikChartPane *self)
{
  for (guint i = 0; i < ROCZNIK_CHART_N_TEXTS; i++)
    {
      GtkEditable *entry = GTK_EDITABLE (text_entry (self, i));
      const char *text = rocznik_session_get_chart_text (self->session, i);

      if (g_strcmp0 (gtk_editable_get_text (entry), text ? text : "") != 0)
        gtk_editable_set_text (entry, text ? text : "");
    }
  update_chart (self);
}

/* The type menu's position and the session's chart type, both ways. */
static gboolean
position_to_type (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint pos = g_value_get_uint (from);

  if (pos >= G_N_ELEMENTS (chart_types))
    return FALSE;
  g_value_set_int (to, chart_types[pos].type);
  return TRUE;
}

static gboolean
type_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_types); i++)
    if ((int) chart_types[i].type == g_value_get_int (from))
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_compare_by (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  guint pos = g_value_get_uint (from);

  if (pos > ROCZNIK_COMPARE_BY_CATEGORIES)
    return FALSE;
  g_value_set_int (to, pos);
  return TRUE;
}

static gboolean
compare_by_to_position (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_int (from));
  return TRUE;
}

static gboolean
is_comparison (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int (from) == ROCZNIK_CHART_COMPARE);
  return TRUE;
}

/* GObject overrides */

static void
rocznik_chart_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RocznikChartPane *self = ROCZNIK_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_HAS_CHART:
      g_value_set_boolean (value, self->has_chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RocznikChartPane *self = ROCZNIK_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rocznik_chart_pane_set_session (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      rocznik_chart_pane_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_pane_dispose (GObject *object)
{
  RocznikChartPane *self = ROCZNIK_CHART_PANE (object);
  GtkWidget *child;

  self->table = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_CHART_PANE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (rocznik_chart_pane_parent_class)->dispose (object);
}

static void
rocznik_chart_pane_class_init (RocznikChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rocznik_chart_pane_get_property;
  object_class->set_property = rocznik_chart_pane_set_property;
  object_class->dispose = rocznik_chart_pane_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ROCZNIK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The toolbar's menus above its buttons, for a phone's width. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a chart is shown (and so can be copied or exported). */
  properties[PROP_HAS_CHART] =
    g_param_spec_boolean ("has-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROCZNIK_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, texts_popover);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, compare_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, texts_button);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, source_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, stack);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, view);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, no_chart_page);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartPane, trend_button);
}

static void
rocznik_chart_pane_init (RocznikChartPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_list_store_new (ROCZNIK_TYPE_CHART_CHOICE);
  for (guint i = 0; i < G_N_ELEMENTS (chart_types); i++)
    {
      g_autoptr(RocznikChartChoice) choice = rocznik_chart_choice_new (chart_types[i].type, _(chart_types[i].label));
      g_list_store_append (self->choices, choice);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), NULL);
  gtk_drop_down_set_factory (self->type_dropdown, factory);
  gtk_drop_down_set_expression (self->type_dropdown,
                                gtk_property_expression_new (ROCZNIK_TYPE_CHART_CHOICE, NULL, "label"));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (self->choices));

  for (guint i = 0; i < ROCZNIK_CHART_N_TEXTS; i++)
    g_signal_connect (text_entry (self, i), "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->view, "bar-activated", G_CALLBACK (bar_activated_cb), self);

  rocznik_accessible_name_dropdown (self->type_dropdown, _("Chart type"));
  rocznik_accessible_name_dropdown (self->compare_by_dropdown, _("What to compare"));
  rocznik_accessible_fix_names (GTK_WIDGET (self->texts_popover));
}

/* public API */

GtkWidget *
rocznik_chart_pane_new (void)
{
  return g_object_new (ROCZNIK_TYPE_CHART_PANE, NULL);
}

RocznikSession *
rocznik_chart_pane_get_session (RocznikChartPane *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_PANE (self), NULL);
  return self->session;
}

/* Set once: the pane's controls are bound to @session for its life. */
void
rocznik_chart_pane_set_session (RocznikChartPane *self,
                                RocznikSession   *session)
{
  g_return_if_fail (ROCZNIK_IS_CHART_PANE (self));
  g_return_if_fail (session == NULL || ROCZNIK_IS_SESSION (session));
  g_return_if_fail (self->session == NULL || self->session == session);

  if (session == self->session)
    return;
  self->session = g_object_ref (session);
  g_object_bind_property_full (session, "chart-type", self->type_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               type_to_position, position_to_type, NULL, NULL);
  g_object_bind_property_full (session, "compare-by", self->compare_by_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               compare_by_to_position, position_to_compare_by, NULL, NULL);
  g_object_bind_property_full (session, "chart-type", self->compare_by_dropdown, "visible",
                               G_BINDING_SYNC_CREATE, is_comparison, NULL, NULL, NULL);
  g_signal_connect_object (session, "notify::chart-type", G_CALLBACK (update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::compare-by", G_CALLBACK (update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-topics", G_CALLBACK (selected_topics_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "chart-texts-changed", G_CALLBACK (chart_texts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::year", G_CALLBACK (update_choices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "years-changed", G_CALLBACK (update_choices), self, G_CONNECT_SWAPPED);
  update_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* The year's table the comparison chart draws its default topics from;
 * not owned: it must stay alive until the next call. Redraws. */
void
rocznik_chart_pane_set_table (RocznikChartPane   *self,
                              const RocznikTable *table)
{
  g_return_if_fail (ROCZNIK_IS_CHART_PANE (self));

  self->table = table;
  update_chart (self);
}

gboolean
rocznik_chart_pane_get_compact (RocznikChartPane *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_PANE (self), FALSE);
  return self->compact;
}

void
rocznik_chart_pane_set_compact (RocznikChartPane *self,
                                gboolean          compact)
{
  g_return_if_fail (ROCZNIK_IS_CHART_PANE (self));

  compact = !!compact;
  if (compact == self->compact)
    return;
  self->compact = compact;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* The chart shown (light theme), or NULL. */
RocznikChart *
rocznik_chart_pane_get_chart (RocznikChartPane *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_PANE (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "chart") != 0)
    return NULL;
  return rocznik_chart_view_get_chart (self->view);
}

/* The chart the pane shows and exports: one spec for both, so an export
 * is exactly what is on screen (in @theme). */
RocznikChart *
rocznik_chart_pane_chart_new (RocznikChartPane  *self,
                              RocznikChartTheme  theme,
                              GError           **error)
{
  RocznikSession *session;
  g_auto(GStrv) topics = NULL;
  g_auto(GStrv) highlight = NULL;
  RocznikChartSpec spec = { 0 };

  g_return_val_if_fail (ROCZNIK_IS_CHART_PANE (self), NULL);

  session = self->session;
  if (session == NULL || rocznik_session_get_years (session) == NULL || rocznik_session_get_year (session) == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no year to chart"));
      return NULL;
    }
  spec.type = rocznik_session_get_chart_type (session);
  spec.year = rocznik_session_get_year (session);
  spec.compare_year = rocznik_session_get_comparison_year (session);
  spec.theme = theme;
  if (spec.type == ROCZNIK_CHART_COMPARE)
    {
      if (self->table == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no year to chart"));
          return NULL;
        }
      topics = rocznik_topics_compare_default (self->table, rocznik_session_get_categories (session),
                                               by_categories (self),
                                               rocznik_session_get_selected_topics (session), error);
      if (topics == NULL)
        return NULL;
      spec.topics = topics;
    }
  spec.title = (char *) rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE);
  spec.subtitle = (char *) rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_SUBTITLE);
  spec.source = (char *) rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_SOURCE);
  spec.notes = (char *) rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_NOTES);
  /* The highlight too: an export or a copy shows what the window shows. */
  highlight = highlight_keys (self);
  spec.highlight = highlight;
  return rocznik_chart_new (rocznik_session_get_years (session), rocznik_session_get_categories (session), &spec, error);
}

/* Copies the chart shown as an image (light, at the social-media size);
 * FALSE when there is none. */
gboolean
rocznik_chart_pane_copy (RocznikChartPane *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_PANE (self), FALSE);

  if (rocznik_chart_view_get_chart (self->view) == NULL)
    return FALSE;
  rocznik_chart_view_copy (self->view, 0, 0);
  return TRUE;
}

/* Opens the popover of the chart's title, source and notes. */
void
rocznik_chart_pane_popup_texts (RocznikChartPane *self)
{
  g_return_if_fail (ROCZNIK_IS_CHART_PANE (self));
  gtk_menu_button_popup (self->texts_button);
}

/* @text: NULL or "" for the renderer's own text. Through the entry, so
 * what the popover shows is what the chart has. */
void
rocznik_chart_pane_set_text (RocznikChartPane *self,
                             RocznikChartText  field,
                             const char       *text)
{
  g_return_if_fail (ROCZNIK_IS_CHART_PANE (self));
  g_return_if_fail ((guint) field < ROCZNIK_CHART_N_TEXTS);

  gtk_editable_set_text (GTK_EDITABLE (text_entry (self, field)), text ? text : "");
}
