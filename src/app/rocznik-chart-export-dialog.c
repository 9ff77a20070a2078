/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-export-dialog.c — format, size and look of a chart export
 *
 * The sizes the press asks for come from the core's preset table; the
 * dialog only collects a choice and emits ::export, the window writes.
 * The choice is the dialog's properties ("preset", "width", "height"),
 * which the radio buttons and spin buttons are bound to.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-chart-export-dialog.h"
#include "rocznik-chart-preset.h"

static const char *formats[] = { "png", "svg", "pdf" };

struct _RocznikChartExportDialog
{
  AdwWindow       parent_instance;

  const char     *preset;          /* a preset's id, or "custom" */
  int             width;
  int             height;

  /* template */
  AdwComboRow    *format_row;
  AdwPreferencesGroup *size_group;
  AdwActionRow   *custom_row;
  GtkCheckButton *custom_check;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  AdwActionRow   *scale_row;
  GtkSwitch      *scale_switch;
  GtkSwitch      *dark_switch;
};

G_DEFINE_FINAL_TYPE (RocznikChartExportDialog, rocznik_chart_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PRESET,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

enum
{
  EXPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* helpers */

static void
set_size (RocznikChartExportDialog *self,
          int                       width,
          int                       height)
{
  gboolean width_changed = self->width != width;
  gboolean height_changed = self->height != height;

  /* Both first: whoever reads one back on notify sees the whole size. */
  self->width = width;
  self->height = height;
  if (width_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  if (height_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

/* @id: a preset's id (its size is taken), else "custom" (the size stays). */
static void
set_preset (RocznikChartExportDialog *self,
            const char               *id)
{
  const RocznikChartPreset *preset = id ? rocznik_chart_preset_find (id) : NULL;
  const char *old = self->preset;

  self->preset = preset ? preset->id : "custom";
  if (preset)
    set_size (self, preset->width, preset->height);
  if (g_strcmp0 (old, self->preset) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

/* Typing a size is choosing a custom one, unless it is the preset's. */
static void
set_typed_size (RocznikChartExportDialog *self,
                int                       width,
                int                       height)
{
  const RocznikChartPreset *preset = rocznik_chart_preset_find (self->preset);

  set_size (self, width, height);
  if (preset && (preset->width != width || preset->height != height))
    set_preset (self, "custom");
}

/* callbacks */

/* A radio button (user data: its preset's id) is on when its preset is chosen. */
static gboolean
preset_to_active_cb (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      id)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), id) == 0);
  return TRUE;
}

/* Switching one on chooses its preset; switching off is the group's doing
 * when another is switched on, and chooses nothing. */
static gboolean
active_to_preset_cb (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      id)
{
  if (!g_value_get_boolean (from))
    return FALSE;
  g_value_set_string (to, id);
  return TRUE;
}

static void
format_changed_cb (RocznikChartExportDialog *self)
{
  /* Vector formats have no pixels to double. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), adw_combo_row_get_selected (self->format_row) == 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RocznikChartExportDialog *self = ROCZNIK_CHART_EXPORT_DIALOG (widget);

  /* A value typed but not yet confirmed with Enter counts too. */
  gtk_spin_button_update (self->width_spin);
  gtk_spin_button_update (self->height_spin);
  g_signal_emit (self, signals[EXPORT], 0);
}

/* GObject overrides */

static void
rocznik_chart_export_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RocznikChartExportDialog *self = ROCZNIK_CHART_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_int (value, self->height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_export_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RocznikChartExportDialog *self = ROCZNIK_CHART_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      set_preset (self, g_value_get_string (value));
      break;
    case PROP_WIDTH:
      set_typed_size (self, g_value_get_int (value), self->height);
      break;
    case PROP_HEIGHT:
      set_typed_size (self, self->width, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_chart_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ROCZNIK_TYPE_CHART_EXPORT_DIALOG);
  G_OBJECT_CLASS (rocznik_chart_export_dialog_parent_class)->dispose (object);
}

static void
rocznik_chart_export_dialog_class_init (RocznikChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = rocznik_chart_export_dialog_get_property;
  object_class->set_property = rocznik_chart_export_dialog_set_property;
  object_class->dispose = rocznik_chart_export_dialog_dispose;

  /* The preset chosen (its id), or "custom"; choosing a preset sets its size. */
  properties[PROP_PRESET] = g_param_spec_string ("preset", NULL, NULL, "custom", flags);
  /* The size in CSS px; one that is not the preset's makes the choice "custom". */
  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, ROCZNIK_CHART_SIZE_MIN, ROCZNIK_CHART_SIZE_MAX,
                                             1200, flags);
  properties[PROP_HEIGHT] = g_param_spec_int ("height", NULL, NULL, ROCZNIK_CHART_SIZE_MIN, ROCZNIK_CHART_SIZE_MAX,
                                              675, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RocznikChartExportDialog::export:
   *
   * The user chose "Export…": read the options, then ask where to save.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rocznik/Rocznik/rocznik-chart-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, size_group);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, custom_check);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, scale_switch);
  gtk_widget_class_bind_template_child (widget_class, RocznikChartExportDialog, dark_switch);
  gtk_widget_class_install_action (widget_class, "chart-export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rocznik_chart_export_dialog_init (RocznikChartExportDialog *self)
{
  const RocznikChartPreset *presets;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  rocznik_accessible_fix_names (GTK_WIDGET (self));
  /* The first preset until another is chosen; the widgets follow. */
  presets = rocznik_chart_presets (&n);
  self->preset = presets[0].id;
  self->width = presets[0].width;
  self->height = presets[0].height;

  /* One row per preset, above "Custom", as radio buttons. */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *size = rocznik_chart_format_size (presets[i].width, presets[i].height);
      const char *label = _(presets[i].label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->custom_check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, size, -1);
      g_object_bind_property_full (self, "preset", check, "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                   preset_to_active_cb, active_to_preset_cb, (gpointer) presets[i].id, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->size_group, row);
    }
  /* "Custom" last: the template added it first. */
  g_object_ref (self->custom_row);
  adw_preferences_group_remove (self->size_group, GTK_WIDGET (self->custom_row));
  adw_preferences_group_add (self->size_group, GTK_WIDGET (self->custom_row));
  g_object_unref (self->custom_row);

  g_object_bind_property_full (self, "preset", self->custom_check, "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               preset_to_active_cb, active_to_preset_cb, (gpointer) "custom", NULL);
  g_object_bind_property (self, "width", self->width_spin, "value", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "height", self->height_spin, "value", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  format_changed_cb (self);
}

/* public API */

/* @options: what to show first (the last export's), or NULL. */
RocznikChartExportDialog *
rocznik_chart_export_dialog_new (GtkWindow                       *parent,
                                 const RocznikChartExportOptions *options)
{
  RocznikChartExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ROCZNIK_TYPE_CHART_EXPORT_DIALOG, "transient-for", parent, NULL);
  if (options)
    rocznik_chart_export_dialog_set_options (self, options);
  return self;
}

void
rocznik_chart_export_dialog_get_options (RocznikChartExportDialog  *self,
                                         RocznikChartExportOptions *options)
{
  guint format;

  g_return_if_fail (ROCZNIK_IS_CHART_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  format = adw_combo_row_get_selected (self->format_row);
  options->format = formats[format < G_N_ELEMENTS (formats) ? format : 0];
  options->width = self->width;
  options->height = self->height;
  options->scale = format == 0 && gtk_switch_get_active (self->scale_switch) ? 2 : 1;
  options->dark = gtk_switch_get_active (self->dark_switch);
}

void
rocznik_chart_export_dialog_set_options (RocznikChartExportDialog        *self,
                                         const RocznikChartExportOptions *options)
{
  const RocznikChartPreset *preset;

  g_return_if_fail (ROCZNIK_IS_CHART_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (options->format && g_str_equal (options->format, formats[i]))
      adw_combo_row_set_selected (self->format_row, i);
  preset = rocznik_chart_preset_for_size (options->width, options->height);
  if (preset)
    set_preset (self, preset->id);
  else
    {
      set_preset (self, "custom");
      set_size (self, CLAMP (options->width, ROCZNIK_CHART_SIZE_MIN, ROCZNIK_CHART_SIZE_MAX),
                CLAMP (options->height, ROCZNIK_CHART_SIZE_MIN, ROCZNIK_CHART_SIZE_MAX));
    }
  gtk_switch_set_active (self->scale_switch, options->scale > 1);
  gtk_switch_set_active (self->dark_switch, options->dark);
}

/* @id: a preset of rocznik_chart_presets(); FALSE when there is none such. */
gboolean
rocznik_chart_export_dialog_select_preset (RocznikChartExportDialog *self,
                                           const char               *id)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (rocznik_chart_preset_find (id) == NULL)
    return FALSE;
  set_preset (self, id);
  return TRUE;
}

/* The chosen preset's id, or "custom". */
const char *
rocznik_chart_export_dialog_get_preset (RocznikChartExportDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_EXPORT_DIALOG (self), NULL);
  return self->preset;
}
