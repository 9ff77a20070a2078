/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-edit-dialog.c — what the dialogs that edit topics share
 *
 * Each dialog (correct, rename, merge, add to a category) only asks: it
 * says while the user types whether its answer can be taken (::validate),
 * and emits ::apply for the "apply" response; the window stores. A
 * subclass's template has "cancel" and "apply" responses.
 */

#include "config.h"

#include "rocznik-edit-dialog.h"

typedef struct
{
  char      *key;
  char      *name;
  GtkWidget *wrong;   /* the field marked with the "error" class */
} RocznikEditDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RocznikEditDialog, rocznik_edit_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  N_PROPS
};

enum
{
  APPLY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* helpers */

static gboolean
validate (RocznikEditDialog  *self,
          GtkWidget         **wrong)
{
  RocznikEditDialogClass *klass = ROCZNIK_EDIT_DIALOG_GET_CLASS (self);

  return klass->validate == NULL || klass->validate (self, wrong);
}

/* GObject overrides */

static void
rocznik_edit_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  RocznikEditDialog *self = ROCZNIK_EDIT_DIALOG (dialog);

  if (ADW_MESSAGE_DIALOG_CLASS (rocznik_edit_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (rocznik_edit_dialog_parent_class)->response (dialog, response);
  if (g_str_equal (response, "apply") && validate (self, NULL))
    g_signal_emit (self, signals[APPLY], 0);
}

static void
rocznik_edit_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (rocznik_edit_dialog_parent_class)->constructed (object);

  /* The fields hold the construct properties by now. */
  rocznik_edit_dialog_revalidate (ROCZNIK_EDIT_DIALOG (object));
}

static void
rocznik_edit_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (ROCZNIK_EDIT_DIALOG (object));

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, priv->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_edit_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (ROCZNIK_EDIT_DIALOG (object));

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (priv->key);
      priv->key = g_value_dup_string (value);
      break;
    case PROP_NAME:
      g_free (priv->name);
      priv->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_edit_dialog_finalize (GObject *object)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (ROCZNIK_EDIT_DIALOG (object));

  g_free (priv->key);
  g_free (priv->name);

  G_OBJECT_CLASS (rocznik_edit_dialog_parent_class)->finalize (object);
}

static void
rocznik_edit_dialog_class_init (RocznikEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rocznik_edit_dialog_constructed;
  object_class->get_property = rocznik_edit_dialog_get_property;
  object_class->set_property = rocznik_edit_dialog_set_property;
  object_class->finalize = rocznik_edit_dialog_finalize;
  dialog_class->response = rocznik_edit_dialog_response;

  /* The topic asked about (NULL for several), and the name the dialog
   * starts from: the topic's, or the category offered. */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RocznikEditDialog::apply:
   *
   * The user chose "apply" with a valid answer: read it and store.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rocznik_edit_dialog_init (RocznikEditDialog *self)
{
}

/* public API */

const char *
rocznik_edit_dialog_get_key (RocznikEditDialog *self)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ROCZNIK_IS_EDIT_DIALOG (self), NULL);
  return priv->key;
}

const char *
rocznik_edit_dialog_get_name (RocznikEditDialog *self)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ROCZNIK_IS_EDIT_DIALOG (self), NULL);
  return priv->name;
}

/* Asks ::validate again: a subclass calls it when a field changed. Says
 * what is wrong while typing rather than after "apply". */
void
rocznik_edit_dialog_revalidate (RocznikEditDialog *self)
{
  RocznikEditDialogPrivate *priv = rocznik_edit_dialog_get_instance_private (self);
  GtkWidget *wrong = NULL;
  gboolean valid;

  g_return_if_fail (ROCZNIK_IS_EDIT_DIALOG (self));

  valid = validate (self, &wrong);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", valid);
  if (priv->wrong && priv->wrong != wrong)
    gtk_widget_remove_css_class (priv->wrong, "error");
  priv->wrong = valid ? NULL : wrong;
  if (priv->wrong)
    gtk_widget_add_css_class (priv->wrong, "error");
}
