/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-merge-dialog.c — the topic another one becomes part of
 *
 * The topics offered are the core's list (rocznik_topics_list_all()); the
 * dialog only asks, and the window merges (one undoable edit) on ::apply.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-year.h"
#include "rocznik-topic-merge-dialog.h"

struct _RocznikTopicMergeDialog
{
  RocznikEditDialog  parent_instance;

  GStrv              targets;     /* keys, in the menu's order */

  /* template */
  GtkDropDown       *into_dropdown;
};

G_DEFINE_FINAL_TYPE (RocznikTopicMergeDialog, rocznik_topic_merge_dialog, ROCZNIK_TYPE_EDIT_DIALOG)

enum
{
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* callbacks */

static void
selected_cb (RocznikTopicMergeDialog *self)
{
  rocznik_edit_dialog_revalidate (ROCZNIK_EDIT_DIALOG (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/* GObject overrides */

/* A topic to merge into is chosen (there may be none to choose). */
static gboolean
rocznik_topic_merge_dialog_validate (RocznikEditDialog  *dialog,
                                     GtkWidget         **wrong)
{
  return rocznik_topic_merge_dialog_get_target (ROCZNIK_TOPIC_MERGE_DIALOG (dialog)) != NULL;
}

static void
rocznik_topic_merge_dialog_constructed (GObject *object)
{
  RocznikTopicMergeDialog *self = ROCZNIK_TOPIC_MERGE_DIALOG (object);
  const char *name = rocznik_edit_dialog_get_name (ROCZNIK_EDIT_DIALOG (self));
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (rocznik_topic_merge_dialog_parent_class)->constructed (object);

  body = g_strdup_printf (_("„%s” becomes part of the topic you choose, in every year; "
                            "counts of a year that has both are added."),
                          name ? name : "");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
rocznik_topic_merge_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RocznikTopicMergeDialog *self = ROCZNIK_TOPIC_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, rocznik_topic_merge_dialog_get_target (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_topic_merge_dialog_finalize (GObject *object)
{
  RocznikTopicMergeDialog *self = ROCZNIK_TOPIC_MERGE_DIALOG (object);

  g_strfreev (self->targets);

  G_OBJECT_CLASS (rocznik_topic_merge_dialog_parent_class)->finalize (object);
}

static void
rocznik_topic_merge_dialog_class_init (RocznikTopicMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rocznik_topic_merge_dialog_constructed;
  object_class->get_property = rocznik_topic_merge_dialog_get_property;
  object_class->finalize = rocznik_topic_merge_dialog_finalize;
  ROCZNIK_EDIT_DIALOG_CLASS (klass)->validate = rocznik_topic_merge_dialog_validate;

  /* The key of the topic chosen to merge into, or NULL. */
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-topic-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikTopicMergeDialog, into_dropdown);
}

static void
rocznik_topic_merge_dialog_init (RocznikTopicMergeDialog *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->targets = g_new0 (char *, 1);
  /* The menu is searched by the topics' names. */
  gtk_drop_down_set_expression (self->into_dropdown, name);
  g_signal_connect_swapped (self->into_dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
}

/* public API */

/* @targets: RocznikTopic*, the topics @key may be merged into. */
RocznikTopicMergeDialog *
rocznik_topic_merge_dialog_new (GtkWindow  *parent,
                                const char *key,
                                const char *name,
                                GPtrArray  *targets)
{
  RocznikTopicMergeDialog *self;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (key != NULL && targets != NULL, NULL);

  self = g_object_new (ROCZNIK_TYPE_TOPIC_MERGE_DIALOG, "transient-for", parent, "modal", TRUE,
                       "key", key, "name", name, NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (targets, i);

      g_strv_builder_add (keys, topic->key);
      gtk_string_list_append (names, topic->name);
    }
  g_strfreev (self->targets);
  self->targets = g_strv_builder_end (keys);
  /* Choosing the first one notifies ::selected, which validates again. */
  gtk_drop_down_set_model (self->into_dropdown, G_LIST_MODEL (names));
  return self;
}

/* The key of the topic chosen, or NULL when there is none to choose. */
const char *
rocznik_topic_merge_dialog_get_target (RocznikTopicMergeDialog *self)
{
  guint pos;

  g_return_val_if_fail (ROCZNIK_IS_TOPIC_MERGE_DIALOG (self), NULL);

  pos = gtk_drop_down_get_selected (self->into_dropdown);
  return pos < g_strv_length (self->targets) ? self->targets[pos] : NULL;
}
