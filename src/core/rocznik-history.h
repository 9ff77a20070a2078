/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-history.h — undo and redo of the edits made to a workspace
 *
 * Every edit goes through the workspace in its own transaction; the
 * history keeps the rows before and after it, so undo and redo give back
 * exactly the same data — merges and deleted years included. An edit made
 * outside the history (an import) is noticed: undo then refuses rather
 * than lose it. The workspace must outlive the history.
 */
#pragma once

#include <glib-object.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_HISTORY (rocznik_history_get_type ())
#define ROCZNIK_HISTORY_DEFAULT_LIMIT 50

G_DECLARE_FINAL_TYPE (RocznikHistory, rocznik_history, ROCZNIK, HISTORY, GObject)

RocznikHistory *rocznik_history_new                 (RocznikWorkspace   *workspace,
                                                     guint               limit);
gboolean        rocznik_history_get_can_undo        (RocznikHistory     *self);
gboolean        rocznik_history_get_can_redo        (RocznikHistory     *self);
const char     *rocznik_history_get_undo_label      (RocznikHistory     *self);
const char     *rocznik_history_get_redo_label      (RocznikHistory     *self);
guint           rocznik_history_get_limit           (RocznikHistory     *self);
gboolean        rocznik_history_undo                (RocznikHistory     *self,
                                                     GError            **error);
gboolean        rocznik_history_redo                (RocznikHistory     *self,
                                                     GError            **error);
void            rocznik_history_clear               (RocznikHistory     *self);

gboolean        rocznik_history_set_topic_count     (RocznikHistory     *self,
                                                     int                 year,
                                                     const char         *key,
                                                     gint64              count,
                                                     GError            **error);
gboolean        rocznik_history_set_topic_name      (RocznikHistory     *self,
                                                     int                 year,
                                                     const char         *key,
                                                     const char         *name,
                                                     GError            **error);
gboolean        rocznik_history_rename_topic        (RocznikHistory     *self,
                                                     const char         *key,
                                                     const char         *name,
                                                     GError            **error);
gboolean        rocznik_history_merge_topics        (RocznikHistory     *self,
                                                     const char         *from_key,
                                                     const char         *into_key,
                                                     GError            **error);
gboolean        rocznik_history_delete_topic        (RocznikHistory     *self,
                                                     int                 year,
                                                     const char         *key,
                                                     GError            **error);
gboolean        rocznik_history_update_details      (RocznikHistory     *self,
                                                     const RocznikYear  *details,
                                                     GError            **error);
gboolean        rocznik_history_delete_year         (RocznikHistory     *self,
                                                     int                 year,
                                                     GError            **error);
gboolean        rocznik_history_add_to_category     (RocznikHistory     *self,
                                                     const char         *name,
                                                     const char *const  *keys,
                                                     GError            **error);
gboolean        rocznik_history_delete_category     (RocznikHistory     *self,
                                                     const char         *name,
                                                     GError            **error);

G_END_DECLS
