/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-merge-dialog.h — the topic another one becomes part of */
#pragma once

#include "rocznik-edit-dialog.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_TOPIC_MERGE_DIALOG (rocznik_topic_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikTopicMergeDialog, rocznik_topic_merge_dialog, ROCZNIK, TOPIC_MERGE_DIALOG, RocznikEditDialog)

RocznikTopicMergeDialog *rocznik_topic_merge_dialog_new          (GtkWindow               *parent,
                                                                  const char              *key,
                                                                  const char              *name,
                                                                  GPtrArray               *targets);
const char              *rocznik_topic_merge_dialog_get_target   (RocznikTopicMergeDialog *self);

G_END_DECLS
