/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-export-dialog.c — format, size and look of a chart export
 *
 * The sizes the press asks for come from the core's preset table; the
 * dialog only collects a choice and emits ::export, the window writes.
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

  GPtrArray      *preset_checks;   /* GtkCheckButton*, one per core preset */
  gboolean        syncing;

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
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static void
set_size (RocznikChartExportDialog *self,
          int                       width,
          int                       height)
{
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  self->syncing = FALSE;
}

/* The preset of a row's check button: the buttons are in the presets' order. */
static const RocznikChartPreset *
check_preset (RocznikChartExportDialog *self,
              GtkCheckButton           *check)
{
  guint n, i;
  const RocznikChartPreset *presets = rocznik_chart_presets (&n);

  if (!g_ptr_array_find (self->preset_checks, check, &i) || i >= n)
    return NULL;
  return &presets[i];
}

/* callbacks */

static void
preset_toggled_cb (GtkCheckButton           *check,
                   RocznikChartExportDialog *self)
{
  const RocznikChartPreset *preset = check_preset (self, check);

  if (gtk_check_button_get_active (check) && preset)
    set_size (self, preset->width, preset->height);
}

/* Typing a size is choosing a custom one. */
static void
size_changed_cb (RocznikChartExportDialog *self)
{
  if (!self->syncing)
    gtk_check_button_set_active (self->custom_check, TRUE);
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
rocznik_chart_export_dialog_dispose (GObject *object)
{
  RocznikChartExportDialog *self = ROCZNIK_CHART_EXPORT_DIALOG (object);

  g_clear_pointer (&self->preset_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROCZNIK_TYPE_CHART_EXPORT_DIALOG);
  G_OBJECT_CLASS (rocznik_chart_export_dialog_parent_class)->dispose (object);
}

static void
rocznik_chart_export_dialog_class_init (RocznikChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rocznik_chart_export_dialog_dispose;

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
  self->preset_checks = g_ptr_array_new ();

  /* One row per preset, above "Custom", as radio buttons. */
  presets = rocznik_chart_presets (&n);
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
      g_signal_connect (check, "toggled", G_CALLBACK (preset_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->size_group, row);
      g_ptr_array_add (self->preset_checks, check);
    }
  /* "Custom" last: the template added it first. */
  g_object_ref (self->custom_row);
  adw_preferences_group_remove (self->size_group, GTK_WIDGET (self->custom_row));
  adw_preferences_group_add (self->size_group, GTK_WIDGET (self->custom_row));
  g_object_unref (self->custom_row);

  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (size_changed_cb), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (size_changed_cb), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  gtk_check_button_set_active (g_ptr_array_index (self->preset_checks, 0), TRUE);
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
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
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
  if (preset == NULL || !rocznik_chart_export_dialog_select_preset (self, preset->id))
    {
      set_size (self, options->width, options->height);
      gtk_check_button_set_active (self->custom_check, TRUE);
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

  for (guint i = 0; i < self->preset_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->preset_checks, i);
      const RocznikChartPreset *preset = check_preset (self, check);

      if (g_str_equal (preset->id, id))
        {
          gtk_check_button_set_active (check, TRUE);
          /* Already active: make sure the size is the preset's. */
          set_size (self, preset->width, preset->height);
          return TRUE;
        }
    }
  return FALSE;
}

/* The chosen preset's id, or "custom". */
const char *
rocznik_chart_export_dialog_get_preset (RocznikChartExportDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_EXPORT_DIALOG (self), NULL);

  for (guint i = 0; i < self->preset_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->preset_checks, i);

      if (gtk_check_button_get_active (check))
        return check_preset (self, check)->id;
    }
  return "custom";
}
