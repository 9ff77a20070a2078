/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-edit-dialog.h — what the dialogs that edit topics share */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROCZNIK_TYPE_EDIT_DIALOG (rocznik_edit_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RocznikEditDialog, rocznik_edit_dialog, ROCZNIK, EDIT_DIALOG, AdwMessageDialog)

struct _RocznikEditDialogClass
{
  AdwMessageDialogClass parent_class;

  /* Whether the "apply" response may be chosen; when not, *wrong may name
   * the field to mark. NULL: always. */
  gboolean (*validate) (RocznikEditDialog  *self,
                        GtkWidget         **wrong);

  gpointer padding[4];
};

const char *rocznik_edit_dialog_get_key    (RocznikEditDialog *self);
const char *rocznik_edit_dialog_get_name   (RocznikEditDialog *self);
void        rocznik_edit_dialog_revalidate (RocznikEditDialog *self);

G_END_DECLS
