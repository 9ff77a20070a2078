/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-preferences.c — the preferences window
 *
 * Every row is bound to a GSettings key: a change applies at once and is kept.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-preferences.h"

struct _RocznikPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings   *settings;
  AdwComboRow *style_row;
  GtkSwitch   *remainder_switch;
};

G_DEFINE_FINAL_TYPE (RocznikPreferences, rocznik_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* Rows of the style combo, in order, as GSettings nicks. */
static const char *const styles[] = { "default", "force-light", "force-dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (nick, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (styles[i < G_N_ELEMENTS (styles) ? i : 0]);
}

static void
rocznik_preferences_dispose (GObject *object)
{
  RocznikPreferences *self = ROCZNIK_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rocznik_preferences_parent_class)->dispose (object);
}

static void
rocznik_preferences_class_init (RocznikPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rocznik_preferences_dispose;
}

static void
rocznik_preferences_init (RocznikPreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *appearance = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *table = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *style_names[] = { _("Follow System Style"), _("Light"), _("Dark"), NULL };
  AdwActionRow *remainder_row;

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 420);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_group_set_title (appearance, _("Appearance"));
  self->style_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->style_row), _("Style"));
  adw_combo_row_set_model (self->style_row, G_LIST_MODEL (gtk_string_list_new (style_names)));
  adw_preferences_group_add (appearance, GTK_WIDGET (self->style_row));

  adw_preferences_group_set_title (table, _("Topic Table"));
  remainder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remainder_row), _("Show Calls Without a Topic"));
  adw_action_row_set_subtitle (remainder_row,
                               _("When a year has a declared total, show the calls its topics do not cover as a row of their own"));
  self->remainder_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->remainder_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remainder_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Calls Without a Topic"), -1);
  adw_action_row_add_suffix (remainder_row, GTK_WIDGET (self->remainder_switch));
  adw_action_row_set_activatable_widget (remainder_row, GTK_WIDGET (self->remainder_switch));
  adw_preferences_group_add (table, GTK_WIDGET (remainder_row));

  adw_preferences_page_add (page, appearance);
  adw_preferences_page_add (page, table);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* @settings: NULL when the schema is missing; the rows are then inactive. */
RocznikPreferences *
rocznik_preferences_new (GSettings *settings)
{
  RocznikPreferences *self = g_object_new (ROCZNIK_TYPE_PREFERENCES, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), self);

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->style_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->remainder_switch), FALSE);
      return self;
    }
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (settings, "show-remainder", self->remainder_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return self;
}
