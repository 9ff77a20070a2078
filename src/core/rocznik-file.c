/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-file.c — safe writes: a new file beside the target, renamed into place
 *
 * Exports are written into a temporary file created exclusively (O_EXCL:
 * never a file or link someone planted) in the target's folder, written
 * only through its descriptor, flushed, given the mode of the file it
 * replaces and renamed over it when complete: a full disk or a crash never
 * leaves a half-written report in place of a good one. A target that is a
 * symbolic link is written through, as editors do: the link stays and the
 * file it points to is replaced.
 */

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-file.h"

#define MAX_LINKS 40

struct _RocznikFile
{
  char *path;      /* as the user named it, for messages */
  char *target;    /* the file replaced: @path with links followed */
  char *temp;
  int fd;
  int error;       /* the first errno of a write, or 0 */
};

/* @path with every symbolic link of its last part followed; a link to a
 * file not there yet gives the name the file will have. */
static char *
resolve_target (const char *path,
                GError    **error)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (dir, link, NULL);
    }
  rocznik_file_set_error (error, path, ELOOP);
  return NULL;
}

/* Public API */

/* "Cannot save PATH: why", the disk's two common failures said plainly. */
void
rocznik_file_set_error (GError    **error,
                        const char *path,
                        int         errsv)
{
  if (errsv == ENOSPC || errsv == EDQUOT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: there is no space left on the disk; nothing was changed"), path);
  else if (errsv == EFBIG)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: the file would be larger than this disk or account allows; nothing was changed"),
                 path);
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot save %s: %s"), path, g_strerror (errsv));
}

/* Starts writing @path: a new, empty, private-to-us temporary file with a
 * short name (".rocznik-XXXXXX": a 250-byte file name still works). */
RocznikFile *
rocznik_file_new (const char *path,
                  GError    **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  RocznikFile *self;
  GStatBuf st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  target = resolve_target (path, error);
  if (target == NULL)
    return NULL;
  exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot save %s: it is not a regular file"), path);
      return NULL;
    }

  dir = g_path_get_dirname (target);
  temp = g_build_filename (dir, ".rocznik-XXXXXX", NULL);
  /* O_EXCL: a planted file or link at this name is an error, never opened */
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot write to the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  if (exists)
    {
      /* a private report stays private, a read-only one read-only */
      if (fchown (fd, st.st_uid, st.st_gid) != 0 && fchown (fd, (uid_t) -1, st.st_gid) != 0)
        g_debug ("%s: the group of %s is not kept: %s", G_STRFUNC, path, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (temp);
          rocznik_file_set_error (error, path, saved);
          return NULL;
        }
    }

  self = g_new0 (RocznikFile, 1);
  self->path = g_strdup (path);
  self->target = g_steal_pointer (&target);
  self->temp = g_steal_pointer (&temp);
  self->fd = fd;
  return self;
}

/* Appends @data; after the first failure it writes nothing more and the
 * commit fails with its reason. */
gboolean
rocznik_file_write (RocznikFile *self,
                    const void  *data,
                    gsize        length)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  while (length > 0 && self->error == 0)
    {
      gssize n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->error = n < 0 ? errno : ENOSPC;
          break;
        }
      p += n;
      length -= n;
    }
  return self->error == 0;
}

/* A cairo_write_func_t writing into a RocznikFile. */
cairo_status_t
rocznik_file_cairo_write (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  return rocznik_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Appends the whole file @source (a writer's own output in a private folder). */
gboolean
rocznik_file_copy_from (RocznikFile *self,
                        const char  *source,
                        GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  mapped = g_mapped_file_new (source, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("Cannot save %s: %s"), self->path, local->message);
      return FALSE;
    }
  if (!rocznik_file_write (self, g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped)))
    return !rocznik_file_take_error (self, error);
  return TRUE;
}

/* TRUE, with @error set, when a write has failed (a full disk…). */
gboolean
rocznik_file_take_error (RocznikFile *self,
                         GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error == 0)
    return FALSE;
  rocznik_file_set_error (error, self->path, self->error);
  return TRUE;
}

/* Flushes the file to disk and renames it over the target; on failure the
 * temporary file is removed and the target left as it was. Frees @self. */
gboolean
rocznik_file_commit (RocznikFile *self,
                     GError     **error)
{
  int saved = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->error != 0)
    saved = self->error;
  else if (fsync (self->fd) != 0)
    saved = errno;
  if (close (self->fd) != 0 && saved == 0)
    saved = errno;
  self->fd = -1;
  if (saved == 0 && g_rename (self->temp, self->target) != 0)
    saved = errno;
  if (saved != 0)
    {
      rocznik_file_set_error (error, self->path, saved);
      rocznik_file_abort (self);
      return FALSE;
    }
  g_clear_pointer (&self->temp, g_free);
  rocznik_file_abort (self);
  return TRUE;
}

/* Drops the temporary file; the target is left as it was. Frees @self. */
void
rocznik_file_abort (RocznikFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp)
    g_unlink (self->temp);
  g_free (self->path);
  g_free (self->target);
  g_free (self->temp);
  g_free (self);
}

/* Writes @data as the whole new content of @path, safely. */
gboolean
rocznik_file_save (const char *path,
                   const char *data,
                   gsize       length,
                   GError    **error)
{
  RocznikFile *file = rocznik_file_new (path, error);

  if (file == NULL)
    return FALSE;
  rocznik_file_write (file, data, length);
  return rocznik_file_commit (file, error);
}

/* @path ending in ".@extension" (any case: "Raport.PDF" stays as it is),
 * the extension added when missing: writers choose the format by it. */
char *
rocznik_file_with_extension (const char *path,
                             const char *extension)
{
  g_autofree char *ext = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  ext = g_ascii_strdown (extension, -1);
  suffix = g_strconcat (".", ext, NULL);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, suffix))
    return g_strdup (path);
  return g_strconcat (path, suffix, NULL);
}
