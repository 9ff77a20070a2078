/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-edit-dialog.c — a topic's name and count in one year
 *
 * The dialog only asks, and says while typing whether the count is one
 * (the core's parser); the window stores what changed (undoable edits) on
 * ::apply.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-format.h"
#include "rocznik-topic-edit-dialog.h"

struct _RocznikTopicEditDialog
{
  RocznikEditDialog  parent_instance;

  int                year;
  gint64             count;

  /* template */
  GtkEntry          *name_entry;
  GtkEntry          *count_entry;
};

G_DEFINE_FINAL_TYPE (RocznikTopicEditDialog, rocznik_topic_edit_dialog, ROCZNIK_TYPE_EDIT_DIALOG)

enum
{
  PROP_0,
  PROP_YEAR,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static gboolean
rocznik_topic_edit_dialog_validate (RocznikEditDialog  *dialog,
                                    GtkWidget         **wrong)
{
  RocznikTopicEditDialog *self = ROCZNIK_TOPIC_EDIT_DIALOG (dialog);
  gint64 count;

  if (rocznik_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->count_entry)), -1, &count) == ROCZNIK_COUNT_OK)
    return TRUE;
  if (wrong)
    *wrong = GTK_WIDGET (self->count_entry);
  return FALSE;
}

static void
rocznik_topic_edit_dialog_constructed (GObject *object)
{
  RocznikTopicEditDialog *self = ROCZNIK_TOPIC_EDIT_DIALOG (object);
  const char *name = rocznik_edit_dialog_get_name (ROCZNIK_EDIT_DIALOG (self));
  g_autofree char *body = NULL;
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, self->count);

  /* The entries start with the stored name and count. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->count_entry), count);
  G_OBJECT_CLASS (rocznik_topic_edit_dialog_parent_class)->constructed (object);

  body = g_strdup_printf (_("Correct a mistake in the figures of %d. To rename the topic in every year, use “Rename in All Years…”."),
                          self->year);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  g_signal_connect_swapped (self->count_entry, "changed", G_CALLBACK (rocznik_edit_dialog_revalidate), self);
}

static void
rocznik_topic_edit_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RocznikTopicEditDialog *self = ROCZNIK_TOPIC_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_edit_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RocznikTopicEditDialog *self = ROCZNIK_TOPIC_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case PROP_COUNT:
      self->count = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_edit_dialog_class_init (RocznikTopicEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rocznik_topic_edit_dialog_constructed;
  object_class->get_property = rocznik_topic_edit_dialog_get_property;
  object_class->set_property = rocznik_topic_edit_dialog_set_property;
  ROCZNIK_EDIT_DIALOG_CLASS (klass)->validate = rocznik_topic_edit_dialog_validate;

  /* The year whose figures are corrected, and the topic's count as stored. */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_COUNT] = g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-topic-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicEditDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicEditDialog, count_entry);
}

static void
rocznik_topic_edit_dialog_init (RocznikTopicEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

RocznikTopicEditDialog *
rocznik_topic_edit_dialog_new (GtkWindow  *parent,
                               int         year,
                               const char *key,
                               const char *name,
                               gint64      count)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (ROCZNIK_TYPE_TOPIC_EDIT_DIALOG, "transient-for", parent, "modal", TRUE,
                       "year", year, "key", key, "name", name, "count", count, NULL);
}

/* The name typed when it differs from the stored one, else NULL. A copy:
 * storing one change reloads the table under the dialog. */
char *
rocznik_topic_edit_dialog_dup_new_name (RocznikTopicEditDialog *self)
{
  const char *text;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_EDIT_DIALOG (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  return g_strcmp0 (text, rocznik_edit_dialog_get_name (ROCZNIK_EDIT_DIALOG (self))) != 0 ? g_strdup (text) : NULL;
}

/* The count typed, as typed ("70 055"), when it differs from the stored
 * one's digits, else NULL. */
char *
rocznik_topic_edit_dialog_dup_new_count (RocznikTopicEditDialog *self)
{
  g_autofree char *stored = NULL;
  const char *text;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_EDIT_DIALOG (self), NULL);

  stored = g_strdup_printf ("%" G_GINT64_FORMAT, self->count);
  text = gtk_editable_get_text (GTK_EDITABLE (self->count_entry));
  return g_strcmp0 (text, stored) != 0 ? g_strdup (text) : NULL;
}
