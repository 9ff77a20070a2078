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

/* Rows of the style combo (ui/rocznik-preferences.ui), in order, as
 * GSettings nicks. */
static const char *const styles[] = { "default", "force-light", "force-dark" };

/* helpers */

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

  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_PREFERENCES);

  G_OBJECT_CLASS (rocznik_preferences_parent_class)->dispose (object);
}

static void
rocznik_preferences_class_init (RocznikPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rocznik_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikPreferences, remainder_switch);
}

static void
rocznik_preferences_init (RocznikPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

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
