/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-category-dialog.c — the category to put topics in
 *
 * The dialog only asks; the window adds the topics (one undoable edit) on
 * ::apply.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-category-dialog.h"

struct _RocznikCategoryDialog
{
  RocznikEditDialog  parent_instance;

  GStrv              keys;

  /* template */
  GtkEntry          *name_entry;
};

G_DEFINE_FINAL_TYPE (RocznikCategoryDialog, rocznik_category_dialog, ROCZNIK_TYPE_EDIT_DIALOG)

enum
{
  PROP_0,
  PROP_KEYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static void
set_keys (RocznikCategoryDialog *self,
          const char *const     *keys)
{
  const char *const none[] = { NULL };
  guint n;
  g_autofree char *body = NULL;

  g_strfreev (self->keys);
  self->keys = g_strdupv ((char **) (keys ? keys : none));
  n = g_strv_length (self->keys);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Group the selected topic under a name, such as “Transport”, to compare groups in charts and reports.",
                                       "Group the %u selected topics under a name, such as “Transport”, to compare groups in charts and reports.",
                                       n), n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

/* GObject overrides */

static void
rocznik_category_dialog_constructed (GObject *object)
{
  RocznikCategoryDialog *self = ROCZNIK_CATEGORY_DIALOG (object);
  const char *name = rocznik_edit_dialog_get_name (ROCZNIK_EDIT_DIALOG (self));

  /* The category offered first, which the user may change. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  G_OBJECT_CLASS (rocznik_category_dialog_parent_class)->constructed (object);
}

static void
rocznik_category_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RocznikCategoryDialog *self = ROCZNIK_CATEGORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KEYS:
      g_value_set_boxed (value, self->keys);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_category_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RocznikCategoryDialog *self = ROCZNIK_CATEGORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KEYS:
      set_keys (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_category_dialog_finalize (GObject *object)
{
  RocznikCategoryDialog *self = ROCZNIK_CATEGORY_DIALOG (object);

  g_strfreev (self->keys);

  G_OBJECT_CLASS (rocznik_category_dialog_parent_class)->finalize (object);
}

static void
rocznik_category_dialog_class_init (RocznikCategoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rocznik_category_dialog_constructed;
  object_class->get_property = rocznik_category_dialog_get_property;
  object_class->set_property = rocznik_category_dialog_set_property;
  object_class->finalize = rocznik_category_dialog_finalize;

  /* The keys of the topics to add. */
  properties[PROP_KEYS] = g_param_spec_boxed ("keys", NULL, NULL, G_TYPE_STRV,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-category-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikCategoryDialog, name_entry);
}

static void
rocznik_category_dialog_init (RocznikCategoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/* @name: the category offered first (the first one made), or NULL. */
RocznikCategoryDialog *
rocznik_category_dialog_new (GtkWindow         *parent,
                             const char *const *keys,
                             const char        *name)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  return g_object_new (ROCZNIK_TYPE_CATEGORY_DIALOG, "transient-for", parent, "modal", TRUE,
                       "keys", keys, "name", name, NULL);
}

const char *const *
rocznik_category_dialog_get_keys (RocznikCategoryDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CATEGORY_DIALOG (self), NULL);
  return (const char *const *) self->keys;
}

/* The name as typed. */
const char *
rocznik_category_dialog_get_name (RocznikCategoryDialog *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CATEGORY_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}
