/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-private.h — what the store and its snapshots share */
#pragma once

#include <sqlite3.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

/* 'Rocz': marks the file as ours, so we never write into a stranger's database. */
#define ROCZNIK_APPLICATION_ID 0x526f637a

struct _RocznikWorkspace
{
  sqlite3 *db;
  char *path;
  RocznikWorkspaceChangedFunc changed_func;
  gpointer changed_data;
  gint64 data_version;    /* PRAGMA data_version when last looked at */
  char *last_snapshot;    /* the ID kept before the last replace or delete */
};

gboolean rocznik_workspace_sql_error     (RocznikWorkspace *self,
                                          GError          **error);
gboolean rocznik_workspace_busy_error    (RocznikWorkspace *self,
                                          GError          **error);

/* rocznik-workspace-snapshot.c */
gboolean rocznik_workspace_keep_snapshot (RocznikWorkspace      *self,
                                          RocznikSnapshotReason  reason,
                                          int                    year,
                                          GError               **error);

/* For the undo history's rows (rocznik-rows.c): the connection and one
 * transaction, which tells the changed func when it commits. */
sqlite3  *rocznik_workspace_get_db   (RocznikWorkspace *self);
gboolean  rocznik_workspace_begin    (RocznikWorkspace *self,
                                      GError          **error);
gboolean  rocznik_workspace_commit   (RocznikWorkspace *self,
                                      GError          **error);
/* Rolls back, with @error set from the connection's last error. */
gboolean  rocznik_workspace_rollback (RocznikWorkspace *self,
                                      GError          **error);

G_END_DECLS
