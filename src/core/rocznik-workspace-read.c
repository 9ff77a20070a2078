/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-read.c — a workspace opened only to read
 *
 * Nothing on disk changes: the file is copied into memory, and an older
 * one is upgraded there, never in place. SQLite adds its -wal and -shm
 * files beside a WAL workspace that it reads, and a read-only connection
 * cannot remove them again; so when no other program has a WAL workspace
 * open (no -wal beside it: the file then holds everything), the file is
 * copied without SQLite's locks, under a shared lock of our own that keeps
 * any writer from changing it meanwhile (rocznik_workspace_hold_shared),
 * and the copy is kept only if still no -wal appeared. Any other file is
 * read under SQLite's locks, which for a rollback-journal file write nothing.
 */

#include "config.h"

#define _GNU_SOURCE  /* F_OFD_SETLK */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-workspace-private.h"

static gboolean
exists_beside (const char *path,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* SQLite's lock bytes (os_unix.c): a writer takes all SHARED bytes for
 * writing before it changes the file, or removes a -wal at its close. */
#define SQLITE_PENDING_BYTE 0x40000000
#define SQLITE_SHARED_FIRST (SQLITE_PENDING_BYTE + 2)
#define SQLITE_SHARED_SIZE  510

/* An open file description's own read lock of the SHARED bytes, as SQLite's
 * readers hold them; -1 when a writer holds them now. Closing the fd ends it. */
static int
hold_shared (const char *path)
{
  struct flock lock = { .l_type = F_RDLCK, .l_whence = SEEK_SET,
                        .l_start = SQLITE_SHARED_FIRST, .l_len = SQLITE_SHARED_SIZE };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0 && fcntl (fd, F_OFD_SETLK, &lock) != 0)
    {
      close (fd);
      fd = -1;
    }
  return fd;
}

/* The header says WAL (bytes 18 and 19 are 2). */
static gboolean
header_says_wal (const char *path)
{
  guchar header[20];
  FILE *f = g_fopen (path, "rb");
  gboolean wal = FALSE;

  if (f == NULL)
    return FALSE;
  if (fread (header, 1, sizeof header, f) == sizeof header)
    wal = header[18] == 2 && header[19] == 2;
  fclose (f);
  return wal;
}

/* Copies the database at @path into @to through a read-only connection;
 * @how is "immutable=1" (no locks, no files beside) or "mode=ro". */
static int
copy_into (sqlite3    *to,
           const char *path,
           const char *how)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, TRUE);
  g_autofree char *uri = g_strdup_printf ("file://%s?%s", escaped, how);
  sqlite3 *from = NULL;
  sqlite3_backup *job;
  int rc;

  rc = sqlite3_open_v2 (uri, &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (from, ROCZNIK_WORKSPACE_BUSY_TIMEOUT_MS);
      job = sqlite3_backup_init (to, "main", from, "main");
      if (job == NULL)
        rc = sqlite3_errcode (to);
      else
        {
          rc = sqlite3_backup_step (job, -1);
          sqlite3_backup_finish (job);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  sqlite3_close (from);
  return rc;
}

static gboolean
read_error (RocznikWorkspace *self,
            int               rc,
            GError          **error)
{
  if (rocznik_workspace_is_busy (rc))
    return rocznik_workspace_busy_error (self, error);
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                 _("The workspace %s is damaged or is not a Rocznik workspace"), self->path);
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot open the workspace %s: %s"), self->path, sqlite3_errstr (rc));
  return FALSE;
}

/* Copies @self->path into @self->db, a new database in memory. */
static gboolean
read_into_memory (RocznikWorkspace *self,
                  GError          **error)
{
  int lock = -1, rc;

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("Cannot open the workspace %s: %s"), self->path, g_strerror (ENOENT));
      return FALSE;
    }
  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("Cannot create a database in memory");
  if (header_says_wal (self->path) && !exists_beside (self->path, "-wal"))
    lock = hold_shared (self->path);
  if (lock >= 0)
    {
      rc = copy_into (self->db, self->path, "immutable=1");
      /* a writer that came meanwhile wrote only into a -wal, which stays */
      if (rc == SQLITE_OK && !exists_beside (self->path, "-wal"))
        {
          close (lock);
          return TRUE;
        }
      close (lock);
    }
  rc = copy_into (self->db, self->path, "mode=ro");
  if (rc != SQLITE_OK)
    return read_error (self, rc, error);
  return TRUE;
}

/* Public API */

/* Opens the workspace at @path only to read it: the file is not upgraded,
 * locked for long or written, and no file appears beside it; an older
 * workspace reads as it would once upgraded. Storing into it fails. */
RocznikWorkspace *
rocznik_workspace_open_readonly (const char *path,
                                 GError    **error)
{
  g_autoptr(RocznikWorkspace) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (RocznikWorkspace, 1);
  self->path = g_strdup (path);
  self->data_version = -1;
  if (!read_into_memory (self, error))
    return NULL;
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (!rocznik_workspace_check_and_migrate (self, TRUE, error))
    return NULL;
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  self->read_only = TRUE;
  return g_steal_pointer (&self);
}

gboolean
rocznik_workspace_is_read_only (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->read_only;
}

/* FALSE, with @error set, when @self was opened only to read. */
gboolean
rocznik_workspace_check_writable (RocznikWorkspace *self,
                                  GError          **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
               _("The workspace %s was opened only to read; nothing was stored"), self->path);
  return FALSE;
}
