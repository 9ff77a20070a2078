/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-rename-dialog.c — a topic's new name, in every year
 *
 * The dialog only asks; the window renames (one undoable edit) on ::apply.
 */

#include "config.h"

#include "rocznik-topic-rename-dialog.h"

struct _RocznikTopicRenameDialog
{
  RocznikEditDialog  parent_instance;

  /* template */
  GtkEntry          *name_entry;
};

G_DEFINE_FINAL_TYPE (RocznikTopicRenameDialog, rocznik_topic_rename_dialog, ROCZNIK_TYPE_EDIT_DIALOG)

/* GObject overrides */

static void
rocznik_topic_rename_dialog_constructed (GObject *object)
{
  RocznikTopicRenameDialog *self = ROCZNIK_TOPIC_RENAME_DIALOG (object);
  const char *name = rocznik_edit_dialog_get_name (ROCZNIK_EDIT_DIALOG (self));

  /* The old name until it is edited. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  G_OBJECT_CLASS (rocznik_topic_rename_dialog_parent_class)->constructed (object);
}

static void
rocznik_topic_rename_dialog_class_init (RocznikTopicRenameDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = rocznik_topic_rename_dialog_constructed;

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

/* The name as typed. */
const char *
rocznik_topic_rename_dialog_get_new_name (RocznikTopicRenameDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_RENAME_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}
