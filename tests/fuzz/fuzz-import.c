/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer targets of the importers: the bytes become a file with the
 * suffix the target is built for (FUZZ_SUFFIX) and go through
 * rocznik_import_file() and the preview, as a user's file would. The
 * report-text target also calls the parser on the bytes directly. */

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rocznik-import.h"
#include "rocznik-report-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *path;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(RocznikImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_autofree char *name = g_strdup_printf ("rocznik-fuzz-%d" FUZZ_SUFFIX, (int) getpid ());
      path = g_build_filename (g_get_tmp_dir (), name, NULL);
    }
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;
  import = rocznik_import_file (path, NULL, NULL, NULL, NULL, &error);
  if (import)
    {
      g_autofree char *text = rocznik_import_describe (import, NULL);
      g_assert_nonnull (text);
      g_assert_cmpuint (rocznik_import_get_years (import)->len, >, 0);
    }
  else
    g_assert_nonnull (error);

#ifdef FUZZ_REPORT_TEXT
  {
    g_autoptr(GError) parse_error = NULL;
    RocznikYear *year = rocznik_report_text_parse ((const char *) data, size, "fuzz.txt", &parse_error);

    g_assert_true ((year != NULL) != (parse_error != NULL));
    if (year)
      rocznik_year_free (year);
  }
#endif
  return 0;
}
