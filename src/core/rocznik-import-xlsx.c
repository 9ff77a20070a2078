/* rocznik-import-xlsx.c — XLSX workbooks, streamed */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-import-private.h"

gboolean
rocznik_is_zip_file (const char *path)
{
  char head[4] = { 0 };
  FILE *f = fopen (path, "rb");
  gboolean zip;

  if (f == NULL)
    return FALSE;
  zip = fread (head, 1, 4, f) == 4 && memcmp (head, "PK\x03\x04", 4) == 0;
  fclose (f);
  return zip;
}

RocznikRowSource *
rocznik_xlsx_source_new (const char  *path,
                         const char  *sheet,
                         char      ***sheets,
                         char       **chosen,
                         GError     **error)
{
  g_autofree char *display = g_path_get_basename (path);

  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
               _("file %s: XLSX is not supported yet"), display);
  return NULL;
}
