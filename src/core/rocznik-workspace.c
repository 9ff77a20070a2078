/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace.c — every imported year, kept in one SQLite file
 *
 * The database is the single source of truth; years are loaded as plain
 * RocznikYear snapshots. Every change runs in one transaction, so a failed
 * import or edit leaves the file exactly as it was.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-sample.h"
#include "rocznik-workspace-private.h"

G_DEFINE_QUARK (rocznik-error-quark, rocznik_error)

gboolean
rocznik_workspace_is_busy (int code)
{
  code &= 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* A lock is never reported as damage: the file is fine, only in use. */
gboolean
rocznik_workspace_busy_error (RocznikWorkspace *self,
                              GError          **error)
{
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_BUSY,
               _("The workspace %s is in use by another Rocznik; try again when it has finished"),
               self->path);
  return FALSE;
}

gboolean
rocznik_workspace_sql_error (RocznikWorkspace *self,
                             GError          **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;

  if (rocznik_workspace_is_busy (code))
    return rocznik_workspace_busy_error (self, error);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                 _("The workspace %s is damaged or is not a Rocznik workspace"),
                 self->path);
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("The change breaks a rule of the workspace: %s"),
                 sqlite3_errmsg (self->db));
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot use the workspace %s: %s"),
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
rocznik_workspace_exec (RocznikWorkspace *self,
                        const char       *sql,
                        GError          **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

sqlite3_stmt *
rocznik_workspace_prepare (RocznikWorkspace *self,
                           const char       *sql,
                           GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      rocznik_workspace_sql_error (self, error);
      return NULL;
    }
  return stmt;
}

/* The first column of @sql's first row; the SQLite result code. */
int
rocznik_workspace_query_int (RocznikWorkspace *self,
                             const char       *sql,
                             gint64           *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
rocznik_workspace_begin (RocznikWorkspace *self,
                         GError          **error)
{
  if (!rocznik_workspace_check_writable (self, error))
    return FALSE;
  return rocznik_workspace_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
rocznik_workspace_commit (RocznikWorkspace *self,
                          GError          **error)
{
  if (!rocznik_workspace_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (self->changed_func)
    self->changed_func (self, self->changed_data);
  return TRUE;
}

/* Rolls back without touching @error: the caller has set it. */
gboolean
rocznik_workspace_abort (RocznikWorkspace *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

void
rocznik_workspace_bind_optional_int (sqlite3_stmt *stmt,
                                     int           index,
                                     gint64        value)
{
  if (value == ROCZNIK_NO_TOTAL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

gboolean
rocznik_workspace_step_done (RocznikWorkspace *self,
                             sqlite3_stmt     *stmt,
                             GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

/* Prepares @sql, binds one argument per letter of @types ('i' a gint64,
 * 't' a string) to ?1, ?2…, and runs it to completion. */
gboolean
rocznik_workspace_run_sql (RocznikWorkspace *self,
                           GError          **error,
                           const char       *sql,
                           const char       *types,
                           ...)
{
  sqlite3_stmt *stmt = rocznik_workspace_prepare (self, sql, error);
  gboolean ok;
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i]; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);
  ok = rocznik_workspace_step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}
static RocznikWorkspace *
open_db (const char *path,
         gboolean    with_sample,
         GError    **error)
{
  g_autoptr(RocznikWorkspace) self = g_new0 (RocznikWorkspace, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  self->path = g_strdup (path ? path : ":memory:");
  self->data_version = -1;
  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot open the workspace %s: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, ROCZNIK_WORKSPACE_BUSY_TIMEOUT_MS);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (!rocznik_workspace_check_and_migrate (self, with_sample, error))
    return NULL;
  rocznik_workspace_query_int (self, "PRAGMA data_version", &self->data_version);
  return g_steal_pointer (&self);
}

/* A new workspace is made whole (tables, sample, WAL) under a temporary
 * name and linked into place. Two programs making one at once used to
 * switch the same empty file to WAL together; SQLite does not wait to turn
 * a read into a write (that could deadlock), so the second was told at
 * once that the workspace was in use and its import failed. link() fails
 * if the name exists: the workspace another program made first is used. */
static gboolean
create_whole (const char *path,
              GError    **error)
{
  g_autofree char *temp = g_strconcat (path, ".new-XXXXXX", NULL);
  RocznikWorkspace *made;
  int fd, saved = 0;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot open the workspace %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  made = open_db (temp, TRUE, error);
  if (made == NULL)
    {
      g_unlink (temp);
      return FALSE;
    }
  /* the last connection's close moves the WAL into the file */
  rocznik_workspace_free (made);
  if (link (temp, path) != 0)
    saved = errno;
  g_unlink (temp);
  /* EEXIST: another made it first. A file system without hard links
   * (FAT): the workspace is made in place, as before. */
  if (saved != 0 && saved != EEXIST && saved != EPERM && saved != ENOTSUP && saved != ENOSYS)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot open the workspace %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

char *
rocznik_workspace_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rocznik", "workspace.db", NULL);
}

/* Opens (or creates, seeded with the bundled sample) the workspace at @path.
 * A damaged, foreign or newer file is reported and never written to. */
RocznikWorkspace *
rocznik_workspace_open (const char *path,
                        GError    **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_whole (path, error))
    return NULL;
  return open_db (path, TRUE, error);
}

/* An empty workspace that lives only in memory (for one-shot exports and tests). */
RocznikWorkspace *
rocznik_workspace_new_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *self = open_db (NULL, FALSE, &error);

  if (self == NULL)
    g_error ("Cannot create an in-memory workspace: %s", error->message);
  return self;
}

void
rocznik_workspace_free (RocznikWorkspace *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->last_snapshot);
  g_free (self);
}

const char *
rocznik_workspace_get_path (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
rocznik_workspace_add_sample (RocznikWorkspace *self,
                              GError          **error)
{
  g_autoptr(GPtrArray) years = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  years = rocznik_sample_load (error);
  if (years == NULL)
    return FALSE;
  return rocznik_workspace_store_years (self, years, FALSE, error);
}

void
rocznik_workspace_set_changed_func (RocznikWorkspace           *self,
                                    RocznikWorkspaceChangedFunc func,
                                    gpointer                    user_data)
{
  g_return_if_fail (self != NULL);

  self->changed_func = func;
  self->changed_data = user_data;
}

/* TRUE (once) when another program or connection has changed the workspace
 * since the last call: the window reloads then. Cheap: no file is read. */
gboolean
rocznik_workspace_changed_elsewhere (RocznikWorkspace *self)
{
  gint64 version = -1;
  gboolean changed;

  g_return_val_if_fail (self != NULL, FALSE);

  if (rocznik_workspace_query_int (self, "PRAGMA data_version", &version) != SQLITE_OK || version < 0)
    return FALSE;
  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}

/* The snapshot kept before the last import that replaced a year or the
 * last deletion of a year by this workspace, or NULL: "Cofnij import". */
const char *
rocznik_workspace_get_last_snapshot (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->last_snapshot;
}

/* The stored years, ascending. */
GArray *
rocznik_workspace_list_years (RocznikWorkspace *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, years);

  stmt = rocznik_workspace_prepare (self, "SELECT year FROM year ORDER BY year", NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, y);
    }
  sqlite3_finalize (stmt);
  return years;
}

gboolean
rocznik_workspace_has_year (RocznikWorkspace *self,
                            int               year)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = rocznik_workspace_prepare (self, "SELECT 1 FROM year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* TRUE when @year is stored and came from the bundled sample. */
gboolean
rocznik_workspace_year_is_sample (RocznikWorkspace *self,
                                  int               year)
{
  sqlite3_stmt *stmt;
  gboolean sample;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = rocznik_workspace_prepare (self, "SELECT is_sample FROM year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sample = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return sample;
}

char *
rocznik_workspace_get_import_choices (RocznikWorkspace *self,
                                      const char       *header_hash)
{
  sqlite3_stmt *stmt;
  char *choices = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (header_hash != NULL, NULL);

  stmt = rocznik_workspace_prepare (self, "SELECT choices FROM import_choice WHERE header_hash = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, header_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    choices = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return choices;
}

gboolean
rocznik_workspace_set_import_choices (RocznikWorkspace *self,
                                      const char       *header_hash,
                                      const char       *choices,
                                      GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (header_hash != NULL && choices != NULL, FALSE);

  return rocznik_workspace_run_sql (self, error, "INSERT OR REPLACE INTO import_choice (header_hash, choices) VALUES (?1, ?2)",
                  "tt", header_hash, choices);
}

/* For the undo history's rows (rocznik-rows.c): the connection. */
sqlite3 *
rocznik_workspace_get_db (RocznikWorkspace *self)
{
  return self->db;
}

gboolean
rocznik_workspace_rollback (RocznikWorkspace *self,
                            GError          **error)
{
  rocznik_workspace_sql_error (self, error);
  return rocznik_workspace_abort (self);
}
