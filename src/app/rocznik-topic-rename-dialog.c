/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-rename-dialog.c — a topic's new name, in every year
 *
 * The dialog only asks; the window renames (one undoable edit) on the
 * "apply" response.
 */

#include "config.h"

#include "rocznik-topic-rename-dialog.h"

struct _RocznikTopicRenameDialog
{
  AdwMessageDialog  parent_instance;

  char             *key;

  /* template */
  GtkEntry         *name_entry;
};

G_DEFINE_FINAL_TYPE (RocznikTopicRenameDialog, rocznik_topic_rename_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
rocznik_topic_rename_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RocznikTopicRenameDialog *self = ROCZNIK_TOPIC_RENAME_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_rename_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RocznikTopicRenameDialog *self = ROCZNIK_TOPIC_RENAME_DIALOG (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    case PROP_NAME:
      text = g_value_get_string (value);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_rename_dialog_finalize (GObject *object)
{
  RocznikTopicRenameDialog *self = ROCZNIK_TOPIC_RENAME_DIALOG (object);

  g_free (self->key);

  G_OBJECT_CLASS (rocznik_topic_rename_dialog_parent_class)->finalize (object);
}

static void
rocznik_topic_rename_dialog_class_init (RocznikTopicRenameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rocznik_topic_rename_dialog_get_property;
  object_class->set_property = rocznik_topic_rename_dialog_set_property;
  object_class->finalize = rocznik_topic_rename_dialog_finalize;

  /* The topic renamed. */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The name in the entry: the old one until it is edited. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-topic-rename-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicRenameDialog, name_entry);
}

static void
rocznik_topic_rename_dialog_init (RocznikTopicRenameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

RocznikTopicRenameDialog *
rocznik_topic_rename_dialog_new (GtkWindow  *parent,
                                 const char *key,
                                 const char *name)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (ROCZNIK_TYPE_TOPIC_RENAME_DIALOG, "transient-for", parent, "modal", TRUE,
                       "key", key, "name", name, NULL);
}

const char *
rocznik_topic_rename_dialog_get_key (RocznikTopicRenameDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_RENAME_DIALOG (self), NULL);
  return self->key;
}

/* The name as typed. */
const char *
rocznik_topic_rename_dialog_get_new_name (RocznikTopicRenameDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_RENAME_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}
