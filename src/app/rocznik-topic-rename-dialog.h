/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-rename-dialog.h — a topic's new name, in every year */
#pragma once

#include "rocznik-edit-dialog.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_TOPIC_RENAME_DIALOG (rocznik_topic_rename_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikTopicRenameDialog, rocznik_topic_rename_dialog, ROCZNIK, TOPIC_RENAME_DIALOG, RocznikEditDialog)

RocznikTopicRenameDialog *rocznik_topic_rename_dialog_new          (GtkWindow                *parent,
                                                                    const char               *key,
                                                                    const char               *name);
const char               *rocznik_topic_rename_dialog_get_new_name (RocznikTopicRenameDialog *self);

G_END_DECLS
