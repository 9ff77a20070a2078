/* rocznik-file.c — atomic writes: a temporary file renamed into place
 *
 * Exports are written beside their target and renamed over it only when
 * complete, so a full disk or a crash never leaves a half-written report
 * in place of a good one.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-file.h"

/* Creates an empty temporary file in @path's folder and returns its name. */
char *
rocznik_file_temp_for (const char *path,
                       GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *temp;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot write to the folder %s: %s"), dir, g_strerror (saved));
      g_free (temp);
      return NULL;
    }
  close (fd);
  return temp;
}

/* Flushes @temp_path to disk and renames it to @path; on failure the
 * temporary file is removed and any existing @path is left intact. */
gboolean
rocznik_file_commit (const char *temp_path,
                     const char *path,
                     GError    **error)
{
  int fd;

  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot save %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot save %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

void
rocznik_file_abort (const char *temp_path)
{
  if (temp_path)
    g_unlink (temp_path);
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
