/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-rows.h — every row of a workspace, to compare and put back
 *
 * The history keeps one before and after each edit: undo and redo put the
 * rows back exactly, ids included, in one transaction.
 */
#pragma once

#include <glib.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

typedef struct _RocznikRows RocznikRows;

RocznikRows *rocznik_rows_new       (RocznikWorkspace      *ws,
                                             GError               **error);
RocznikRows *rocznik_rows_ref       (RocznikRows       *snapshot);
void             rocznik_rows_unref     (RocznikRows       *snapshot);
gboolean         rocznik_rows_equal     (const RocznikRows *a,
                                             const RocznikRows *b);
gboolean         rocznik_rows_restore   (const RocznikRows *snapshot,
                                             RocznikWorkspace      *ws,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikRows, rocznik_rows_unref)

G_END_DECLS
