/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-private.h — what the store and its snapshots share */
#pragma once

#include <sqlite3.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

/* 'Rocz': marks the file as ours, so we never write into a stranger's database. */
#define ROCZNIK_APPLICATION_ID 0x526f637a

/* How long a command waits for another Rocznik to finish storing before
 * it says the workspace is in use: longer than any import's store takes. */
#define ROCZNIK_WORKSPACE_BUSY_TIMEOUT_MS 5000

struct _RocznikWorkspace
{
  sqlite3 *db;
  char *path;
  RocznikWorkspaceChangedFunc changed_func;
  gpointer changed_data;
  gint64 data_version;    /* PRAGMA data_version when last looked at */
  char *last_snapshot;    /* the ID kept before the last replace or delete */
  gboolean read_only;     /* a copy in memory: rocznik-workspace-read.c */
};

/* rocznik-workspace.c: the connection and its transactions */
gboolean      rocznik_workspace_is_busy     (int               code);
gboolean      rocznik_workspace_sql_error   (RocznikWorkspace *self,
                                             GError          **error);
gboolean      rocznik_workspace_busy_error  (RocznikWorkspace *self,
                                             GError          **error);
gboolean      rocznik_workspace_exec        (RocznikWorkspace *self,
                                             const char       *sql,
                                             GError          **error);
sqlite3_stmt *rocznik_workspace_prepare     (RocznikWorkspace *self,
                                             const char       *sql,
                                             GError          **error);
int           rocznik_workspace_query_int   (RocznikWorkspace *self,
                                             const char       *sql,
                                             gint64           *value);
/* Steps @stmt to its end and resets it. */
gboolean      rocznik_workspace_step_done   (RocznikWorkspace *self,
                                             sqlite3_stmt     *stmt,
                                             GError          **error);
gboolean      rocznik_workspace_run_sql     (RocznikWorkspace *self,
                                             GError          **error,
                                             const char       *sql,
                                             const char       *types,
                                             ...);
/* ROCZNIK_NO_TOTAL is stored as NULL. */
void          rocznik_workspace_bind_optional_int (sqlite3_stmt *stmt,
                                                   int           index,
                                                   gint64        value);

/* One transaction, which tells the changed func when it commits; the undo
 * history's rows (rocznik-rows.c) use it too. */
sqlite3  *rocznik_workspace_get_db   (RocznikWorkspace *self);
gboolean  rocznik_workspace_begin    (RocznikWorkspace *self,
                                      GError          **error);
gboolean  rocznik_workspace_commit   (RocznikWorkspace *self,
                                      GError          **error);
/* Rolls back and returns FALSE; the caller has set its error. */
gboolean  rocznik_workspace_abort    (RocznikWorkspace *self);
/* Rolls back, with @error set from the connection's last error. */
gboolean  rocznik_workspace_rollback (RocznikWorkspace *self,
                                      GError          **error);

/* rocznik-workspace-read.c */
gboolean rocznik_workspace_check_writable (RocznikWorkspace *self,
                                           GError          **error);

/* rocznik-workspace-schema.c */
gboolean rocznik_workspace_check_and_migrate (RocznikWorkspace *self,
                                              gboolean          with_sample,
                                              GError          **error);

/* rocznik-workspace-years.c: one year, inside an open transaction */
gboolean rocznik_workspace_write_year (RocznikWorkspace  *self,
                                       const RocznikYear *year,
                                       gboolean           replace,
                                       GError           **error);

/* rocznik-workspace-calls.c: a year's per-call profile, with the year */
gboolean rocznik_workspace_validate_calls (const RocznikYear *year,
                                           GError           **error);
gboolean rocznik_workspace_write_calls    (RocznikWorkspace  *self,
                                           const RocznikYear *year,
                                           GError           **error);
gboolean rocznik_workspace_read_calls     (RocznikWorkspace  *self,
                                           RocznikYear       *year,
                                           GError           **error);

/* rocznik-workspace-topics.c: statements reused across the topics of a
 * wide import; NULL members are prepared on first use. */
typedef struct
{
  sqlite3_stmt *find;
  sqlite3_stmt *insert;
} RocznikTopicStmts;

void   rocznik_topic_stmts_clear       (RocznikTopicStmts *st);
/* A topic's id, through aliases first; created when @create. */
gint64 rocznik_workspace_topic_id_with (RocznikWorkspace  *self,
                                        const char        *name,
                                        gboolean           create,
                                        RocznikTopicStmts *st,
                                        GError           **error);
gint64 rocznik_workspace_topic_id      (RocznikWorkspace  *self,
                                        const char        *name,
                                        gboolean           create,
                                        GError           **error);

/* rocznik-workspace-snapshot.c */
gboolean rocznik_workspace_keep_snapshot (RocznikWorkspace      *self,
                                          RocznikSnapshotReason  reason,
                                          int                    year,
                                          GError               **error);

G_END_DECLS
