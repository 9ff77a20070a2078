/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-row-source.c — what the delimited and XLSX row sources share */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rocznik-import-private.h"

void
rocznik_row_source_init (RocznikRowSource *source,
                         const char       *path)
{
  source->cells = g_array_sized_new (FALSE, TRUE, sizeof (RocznikCell), 16);
  source->display = g_path_get_basename (path);
}

void
rocznik_row_source_clear (RocznikRowSource *source)
{
  g_clear_pointer (&source->cells, g_array_unref);
  g_clear_pointer (&source->display, g_free);
}

/* 0 → "A", 27 → "AB" */
char *
rocznik_column_letters (int column)
{
  char tmp[16];
  int i = G_N_ELEMENTS (tmp) - 1;

  tmp[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      int rem = (column - 1) % 26;
      tmp[--i] = (char) ('A' + rem);
      column = (column - 1) / 26;
    }
  return g_strdup (tmp + i);
}

/* Here, not in the XLSX reader: `rocznik` tells an XLSX file without
 * loading libzip (see src/cli/rocznik-cli-xlsx.c). */
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
