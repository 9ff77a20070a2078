/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-edit-dialog.h — a topic's name and count in one year */
#pragma once

#include "rocznik-edit-dialog.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_TOPIC_EDIT_DIALOG (rocznik_topic_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikTopicEditDialog, rocznik_topic_edit_dialog, ROCZNIK, TOPIC_EDIT_DIALOG, RocznikEditDialog)

RocznikTopicEditDialog *rocznik_topic_edit_dialog_new             (GtkWindow              *parent,
                                                                   int                     year,
                                                                   const char             *key,
                                                                   const char             *name,
                                                                   gint64                  count);
char                   *rocznik_topic_edit_dialog_dup_new_name    (RocznikTopicEditDialog *self);
char                   *rocznik_topic_edit_dialog_dup_new_count   (RocznikTopicEditDialog *self);

G_END_DECLS
