/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-snapshot.h — every row of a workspace, to compare and put back
 *
 * The history keeps one before and after each edit: undo and redo put the
 * rows back exactly, ids included, in one transaction.
 */
#pragma once

#include <glib.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

typedef struct _RocznikSnapshot RocznikSnapshot;

RocznikSnapshot *rocznik_snapshot_new       (RocznikWorkspace      *ws,
                                             GError               **error);
RocznikSnapshot *rocznik_snapshot_ref       (RocznikSnapshot       *snapshot);
void             rocznik_snapshot_unref     (RocznikSnapshot       *snapshot);
gboolean         rocznik_snapshot_equal     (const RocznikSnapshot *a,
                                             const RocznikSnapshot *b);
gboolean         rocznik_snapshot_restore   (const RocznikSnapshot *snapshot,
                                             RocznikWorkspace      *ws,
                                             GError               **error);
char            *rocznik_snapshot_to_string (const RocznikSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikSnapshot, rocznik_snapshot_unref)

G_END_DECLS
