/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace.h — every imported year, kept in one SQLite file */
#pragma once

#include <glib.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

typedef struct _RocznikWorkspace RocznikWorkspace;

#define ROCZNIK_WORKSPACE_SCHEMA_VERSION 3

typedef struct
{
  char      *name;   /* "Transport" */
  GPtrArray *keys;   /* topic keys, char* */
} RocznikCategory;

/* Why a snapshot of the workspace was kept */
typedef enum
{
  ROCZNIK_SNAPSHOT_IMPORT,    /* before an import replaced a year */
  ROCZNIK_SNAPSHOT_DELETE,    /* before a year was deleted */
  ROCZNIK_SNAPSHOT_RESTORE,   /* before another snapshot was brought back */
} RocznikSnapshotReason;

typedef struct
{
  char                  *id;      /* "20261129-185012-345" */
  char                  *path;
  RocznikSnapshotReason  reason;
  int                    year;    /* the year replaced or deleted, or 0 */
  GDateTime             *time;
} RocznikSnapshot;

/* Snapshots kept beside a workspace; older ones are removed. */
#define ROCZNIK_WORKSPACE_SNAPSHOTS_KEPT 10

typedef void (*RocznikWorkspaceChangedFunc) (RocznikWorkspace *workspace,
                                             gpointer          user_data);

char             *rocznik_workspace_default_path     (void);
RocznikWorkspace *rocznik_workspace_open             (const char        *path,
                                                      GError           **error);
RocznikWorkspace *rocznik_workspace_open_readonly    (const char        *path,
                                                      GError           **error);
gboolean          rocznik_workspace_is_read_only     (RocznikWorkspace  *self);
RocznikWorkspace *rocznik_workspace_new_in_memory    (void);
void              rocznik_workspace_free             (RocznikWorkspace  *self);
const char       *rocznik_workspace_get_path         (RocznikWorkspace  *self);
gboolean          rocznik_workspace_add_sample       (RocznikWorkspace  *self,
                                                      GError           **error);
void              rocznik_workspace_set_changed_func (RocznikWorkspace  *self,
                                                      RocznikWorkspaceChangedFunc func,
                                                      gpointer           user_data);

gboolean          rocznik_workspace_changed_elsewhere (RocznikWorkspace *self);

char             *rocznik_workspace_get_snapshot_dir (RocznikWorkspace  *self);
GPtrArray        *rocznik_workspace_list_snapshots   (RocznikWorkspace  *self);
const char       *rocznik_workspace_get_last_snapshot (RocznikWorkspace *self);
gboolean          rocznik_workspace_restore_snapshot (RocznikWorkspace  *self,
                                                      const char        *id,
                                                      char             **kept_id,
                                                      GError           **error);
char             *rocznik_snapshot_describe          (const RocznikSnapshot *snapshot);
void              rocznik_snapshot_free              (RocznikSnapshot   *snapshot);

GArray           *rocznik_workspace_list_years       (RocznikWorkspace  *self);
gboolean          rocznik_workspace_has_year         (RocznikWorkspace  *self,
                                                      int                year);
gboolean          rocznik_workspace_year_is_sample   (RocznikWorkspace  *self,
                                                      int                year);
/* Import choices remembered per source, keyed by a hash of its header row. */
char             *rocznik_workspace_get_import_choices (RocznikWorkspace *self,
                                                        const char       *header_hash);
gboolean          rocznik_workspace_set_import_choices (RocznikWorkspace *self,
                                                        const char       *header_hash,
                                                        const char       *choices,
                                                        GError          **error);
RocznikYear      *rocznik_workspace_load_year        (RocznikWorkspace  *self,
                                                      int                year,
                                                      GError           **error);
GPtrArray        *rocznik_workspace_load_all         (RocznikWorkspace  *self,
                                                      GError           **error);

gboolean          rocznik_workspace_store_years      (RocznikWorkspace  *self,
                                                      GPtrArray         *years,
                                                      gboolean           replace,
                                                      GError           **error);
gboolean          rocznik_workspace_store_new_years  (RocznikWorkspace  *self,
                                                      GPtrArray         *years,
                                                      int               *existing,
                                                      GError           **error);
gboolean          rocznik_workspace_store_year       (RocznikWorkspace  *self,
                                                      const RocznikYear *year,
                                                      gboolean           replace,
                                                      GError           **error);
gboolean          rocznik_workspace_update_details   (RocznikWorkspace  *self,
                                                      const RocznikYear *year,
                                                      GError           **error);
gboolean          rocznik_workspace_delete_year      (RocznikWorkspace  *self,
                                                      int                year,
                                                      GError           **error);

gboolean          rocznik_workspace_set_topic_count  (RocznikWorkspace  *self,
                                                      int                year,
                                                      const char        *key,
                                                      gint64             count,
                                                      GError           **error);
gboolean          rocznik_workspace_delete_topic     (RocznikWorkspace  *self,
                                                      int                year,
                                                      const char        *key,
                                                      GError           **error);
gboolean          rocznik_workspace_set_topic_name   (RocznikWorkspace  *self,
                                                      int                year,
                                                      const char        *key,
                                                      const char        *name,
                                                      GError           **error);
gboolean          rocznik_workspace_rename_topic     (RocznikWorkspace  *self,
                                                      const char        *key,
                                                      const char        *name,
                                                      GError           **error);
gboolean          rocznik_workspace_merge_topics     (RocznikWorkspace  *self,
                                                      const char        *from_key,
                                                      const char        *into_key,
                                                      GError           **error);
char             *rocznik_workspace_resolve_key      (RocznikWorkspace  *self,
                                                      const char        *name);
GPtrArray        *rocznik_workspace_list_aliases     (RocznikWorkspace  *self,
                                                      const char        *key);

GPtrArray        *rocznik_workspace_list_categories  (RocznikWorkspace  *self);
gboolean          rocznik_workspace_set_category     (RocznikWorkspace  *self,
                                                      const char        *name,
                                                      const char *const *keys,
                                                      GError           **error);
gboolean          rocznik_workspace_delete_category  (RocznikWorkspace  *self,
                                                      const char        *name,
                                                      GError           **error);
void              rocznik_category_free              (RocznikCategory   *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikWorkspace, rocznik_workspace_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikCategory, rocznik_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikSnapshot, rocznik_snapshot_free)

G_END_DECLS
