/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-snapshot.c — copies of the workspace kept before a year
 * is replaced or deleted, and bringing one back
 *
 * A snapshot is a whole SQLite database made with the backup API in a
 * folder beside the workspace ("workspace.db.snapshots"), named
 * "ID.REASON[.YEAR].db" with a sortable time as the ID. Each is written
 * under a temporary name and renamed, so a crash never leaves half a copy.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-workspace-private.h"

static const char *reason_names[] = { "import", "delete", "restore" };

static gboolean
is_memory (RocznikWorkspace *self)
{
  return g_strcmp0 (self->path, ":memory:") == 0;
}

static RocznikSnapshot *
snapshot_parse (const char *dir,
                const char *name)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(RocznikSnapshot) snapshot = NULL;
  int y, mo, d, h, mi, s, ms;
  guint n;

  if (name[0] == '.' || !g_str_has_suffix (name, ".db"))
    return NULL;
  parts = g_strsplit (name, ".", -1);
  n = g_strv_length (parts);
  if ((n != 3 && n != 4)
      || sscanf (parts[0], "%4d%2d%2d-%2d%2d%2d-%3d", &y, &mo, &d, &h, &mi, &s, &ms) != 7)
    return NULL;
  snapshot = g_new0 (RocznikSnapshot, 1);
  snapshot->reason = G_N_ELEMENTS (reason_names);
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    if (g_str_equal (parts[1], reason_names[i]))
      snapshot->reason = i;
  if (snapshot->reason == G_N_ELEMENTS (reason_names))
    return NULL;
  snapshot->year = n == 4 ? atoi (parts[2]) : 0;
  snapshot->time = g_date_time_new_local (y, mo, d, h, mi, s + ms / 1000.0);
  if (snapshot->time == NULL)
    return NULL;
  snapshot->id = g_strdup (parts[0]);
  snapshot->path = g_build_filename (dir, name, NULL);
  return g_steal_pointer (&snapshot);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const RocznikSnapshot *x = *(RocznikSnapshot **) a;
  const RocznikSnapshot *y = *(RocznikSnapshot **) b;

  return strcmp (y->id, x->id);
}

/* Keeps the newest snapshots, and removes the half-made copies of a
 * program killed while copying (an hour old: nobody is writing them). */
static void
prune (RocznikWorkspace *self)
{
  g_autoptr(GPtrArray) snapshots = rocznik_workspace_list_snapshots (self);
  g_autofree char *dir = rocznik_workspace_get_snapshot_dir (self);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  for (guint i = ROCZNIK_WORKSPACE_SNAPSHOTS_KEPT; i < snapshots->len; i++)
    {
      RocznikSnapshot *old = g_ptr_array_index (snapshots, i);

      g_unlink (old->path);
    }
  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_has_prefix (name, ".snapshot-") && g_stat (path, &st) == 0
          && st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 3600)
        g_unlink (path);
    }
}

/* A free ID from the time now: milliseconds, moved on if taken. */
static char *
new_id (GPtrArray *taken)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (int attempt = 0; ; attempt++)
    {
      g_autoptr(GDateTime) t = g_date_time_add (now, attempt * 1000);
      g_autofree char *stamp = g_date_time_format (t, "%Y%m%d-%H%M%S");
      char *id = g_strdup_printf ("%s-%03d", stamp, g_date_time_get_microsecond (t) / 1000);
      gboolean used = FALSE;

      for (guint i = 0; i < taken->len && !used; i++)
        used = g_str_equal (((RocznikSnapshot *) g_ptr_array_index (taken, i))->id, id);
      if (!used)
        return id;
      g_free (id);
    }
}

/* Copies the database at @from into @to (both open) with the backup API. */
static int
backup (sqlite3 *to,
        sqlite3 *from)
{
  sqlite3_backup *job = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (job == NULL)
    return sqlite3_errcode (to);
  rc = sqlite3_backup_step (job, -1);
  sqlite3_backup_finish (job);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
snapshot_error (RocznikWorkspace *self,
                const char       *reason,
                GError          **error)
{
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
               _("Cannot keep a copy of the workspace %s before changing it (%s); nothing was changed"),
               self->path, reason);
  return FALSE;
}

/* Writes the last committed state (what another connection reads: under
 * our own write lock, the state about to change) into a new snapshot. */
static gboolean
keep_snapshot (RocznikWorkspace      *self,
               RocznikSnapshotReason  reason,
               int                    year,
               gboolean               and_prune,
               char                 **id_out,
               GError               **error)
{
  g_autofree char *dir = rocznik_workspace_get_snapshot_dir (self);
  g_autofree char *temp = g_build_filename (dir, ".snapshot-XXXXXX", NULL);
  g_autofree char *name = NULL;
  g_autofree char *final = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) taken = NULL;
  sqlite3 *from = NULL, *to = NULL;
  int fd, rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return snapshot_error (self, g_strerror (errno), error);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return snapshot_error (self, g_strerror (errno), error);
  close (fd);

  rc = sqlite3_open_v2 (self->path, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (from, 5000);
      rc = sqlite3_open_v2 (temp, &to, SQLITE_OPEN_READWRITE, NULL);
    }
  if (rc == SQLITE_OK)
    rc = backup (to, from);
  /* the copy took the workspace's WAL flag: a snapshot is one plain file */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *message = g_strdup (sqlite3_errstr (rc));

      sqlite3_close (from);
      sqlite3_close (to);
      g_unlink (temp);
      return snapshot_error (self, message, error);
    }
  sqlite3_close (from);
  sqlite3_close (to);

  taken = rocznik_workspace_list_snapshots (self);
  id = new_id (taken);
  name = year ? g_strdup_printf ("%s.%s.%d.db", id, reason_names[reason], year)
              : g_strdup_printf ("%s.%s.db", id, reason_names[reason]);
  final = g_build_filename (dir, name, NULL);
  if (g_rename (temp, final) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return snapshot_error (self, g_strerror (saved), error);
    }
  if (and_prune)
    prune (self);
  if (id_out)
    *id_out = g_steal_pointer (&id);
  return TRUE;
}

gboolean
rocznik_workspace_keep_snapshot (RocznikWorkspace      *self,
                                 RocznikSnapshotReason  reason,
                                 int                    year,
                                 GError               **error)
{
  g_autofree char *id = NULL;

  if (is_memory (self))
    return TRUE;
  if (!keep_snapshot (self, reason, year, TRUE, &id, error))
    return FALSE;
  g_free (self->last_snapshot);
  self->last_snapshot = g_steal_pointer (&id);
  return TRUE;
}

/* A snapshot that is ours and whole, or an error saying why not. */
static sqlite3 *
open_snapshot (const RocznikSnapshot *snapshot,
               GError               **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (snapshot->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && sqlite3_column_int64 (stmt, 0) == ROCZNIK_APPLICATION_ID)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
           && sqlite3_step (stmt) == SQLITE_ROW
           && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    {
      sqlite3_close (db);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                   _("The snapshot %s is damaged; the workspace was left as it was"), snapshot->path);
      return NULL;
    }
  return db;
}

static RocznikSnapshot *
find_snapshot (GPtrArray  *snapshots,
               const char *id)
{
  RocznikSnapshot *found = NULL;

  if (id == NULL || id[0] == '\0')
    return snapshots->len ? g_ptr_array_index (snapshots, 0) : NULL;
  for (guint i = 0; i < snapshots->len; i++)
    {
      RocznikSnapshot *s = g_ptr_array_index (snapshots, i);

      if (g_str_equal (s->id, id))
        return s;
      if (g_str_has_prefix (s->id, id))
        {
          if (found)
            return NULL;   /* ambiguous */
          found = s;
        }
    }
  return found;
}

/* Public API */

char *
rocznik_workspace_get_snapshot_dir (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strconcat (self->path, ".snapshots", NULL);
}

/* The snapshots of this workspace, newest first. */
GPtrArray *
rocznik_workspace_list_snapshots (RocznikWorkspace *self)
{
  GPtrArray *snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_snapshot_free);
  g_autofree char *dir = NULL;
  GDir *listing;
  const char *name;

  g_return_val_if_fail (self != NULL, snapshots);

  if (is_memory (self))
    return snapshots;
  dir = rocznik_workspace_get_snapshot_dir (self);
  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    return snapshots;
  while ((name = g_dir_read_name (listing)))
    {
      RocznikSnapshot *snapshot = snapshot_parse (dir, name);

      if (snapshot)
        g_ptr_array_add (snapshots, snapshot);
    }
  g_dir_close (listing);
  g_ptr_array_sort (snapshots, compare_newest_first);
  return snapshots;
}

/* Brings back the snapshot @id (a unique beginning of one is enough; NULL:
 * the newest). The state it replaces is kept first as a snapshot of its
 * own, whose ID goes to @kept_id, so a restore can be undone too. */
gboolean
rocznik_workspace_restore_snapshot (RocznikWorkspace *self,
                                    const char       *id,
                                    char            **kept_id,
                                    GError          **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autofree char *kept = NULL;
  RocznikSnapshot *snapshot;
  sqlite3 *from;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!rocznik_workspace_check_writable (self, error))
    return FALSE;
  snapshots = rocznik_workspace_list_snapshots (self);
  snapshot = find_snapshot (snapshots, id);
  if (snapshot == NULL)
    {
      if (id == NULL || id[0] == '\0')
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("The workspace %s has no snapshots yet"), self->path);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("There is no single snapshot „%s” of the workspace %s"), id, self->path);
      return FALSE;
    }
  from = open_snapshot (snapshot, error);
  if (from == NULL)
    return FALSE;

  /* Pruned only afterwards: the oldest may be the one being restored. */
  if (!keep_snapshot (self, ROCZNIK_SNAPSHOT_RESTORE, 0, FALSE, &kept, error))
    {
      sqlite3_close (from);
      return FALSE;
    }
  rc = backup (self->db, from);
  sqlite3_close (from);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return rocznik_workspace_busy_error (self, error);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot restore the snapshot %s: %s"), snapshot->id, sqlite3_errstr (rc));
      return FALSE;
    }
  /* a snapshot kept before an upgrade is upgraded like an old workspace */
  if (!rocznik_workspace_check_and_migrate (self, FALSE, error))
    return FALSE;
  prune (self);
  g_free (self->last_snapshot);
  self->last_snapshot = g_strdup (kept);
  if (kept_id)
    *kept_id = g_steal_pointer (&kept);
  if (self->changed_func)
    self->changed_func (self, self->changed_data);
  return TRUE;
}

/* "przed importem roku 2018 (zastąpienie zapisanego roku)" */
char *
rocznik_snapshot_describe (const RocznikSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  switch (snapshot->reason)
    {
    case ROCZNIK_SNAPSHOT_IMPORT:
      return g_strdup_printf (_("before an import replaced the year %d"), snapshot->year);
    case ROCZNIK_SNAPSHOT_DELETE:
      return g_strdup_printf (_("before the year %d was deleted"), snapshot->year);
    case ROCZNIK_SNAPSHOT_RESTORE:
    default:
      return g_strdup (_("before another snapshot was restored"));
    }
}

void
rocznik_snapshot_free (RocznikSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->id);
  g_free (snapshot->path);
  g_clear_pointer (&snapshot->time, g_date_time_unref);
  g_free (snapshot);
}
