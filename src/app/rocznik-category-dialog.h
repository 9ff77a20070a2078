/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-category-dialog.h — the category to put topics in */
#pragma once

#include "rocznik-edit-dialog.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_CATEGORY_DIALOG (rocznik_category_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikCategoryDialog, rocznik_category_dialog, ROCZNIK, CATEGORY_DIALOG, RocznikEditDialog)

RocznikCategoryDialog *rocznik_category_dialog_new      (GtkWindow             *parent,
                                                         const char *const     *keys,
                                                         const char            *name);
const char *const     *rocznik_category_dialog_get_keys (RocznikCategoryDialog *self);
const char            *rocznik_category_dialog_get_name (RocznikCategoryDialog *self);

G_END_DECLS
