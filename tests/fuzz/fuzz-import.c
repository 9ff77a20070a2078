/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer targets of the importers: the bytes become a file with the
 * suffix the target is built for (FUZZ_SUFFIX) and go through
 * rocznik_import_file() and the preview, as a user's file would. The
 * report-text target also calls the parser on the bytes directly; the CSV
 * target imports again through the general path only (no per-call fast
 * lane) and aborts on any difference. */

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

#ifdef FUZZ_COMPARE
  {
    g_autoptr(RocznikImport) general = NULL;
    g_autoptr(GError) general_error = NULL;

    g_setenv ("ROCZNIK_IMPORT_GENERAL", "1", TRUE);
    general = rocznik_import_file (path, NULL, NULL, NULL, NULL, &general_error);
    g_unsetenv ("ROCZNIK_IMPORT_GENERAL");
    g_assert_true ((import == NULL) == (general == NULL));
    if (import == NULL)
      g_assert_cmpstr (error->message, ==, general_error->message);
    else
      {
        g_autofree char *a = rocznik_import_describe (import, NULL);
        g_autofree char *b = rocznik_import_describe (general, NULL);
        GPtrArray *ya = rocznik_import_get_years (import), *yb = rocznik_import_get_years (general);

        g_assert_cmpstr (a, ==, b);
        g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, rocznik_import_get_n_rows (general));
        g_assert_cmpuint (rocznik_import_get_n_skipped (import), ==, rocznik_import_get_n_skipped (general));
        g_assert_cmpuint (ya->len, ==, yb->len);
        for (guint i = 0; i < ya->len; i++)
          {
            RocznikYear *x = g_ptr_array_index (ya, i), *y = g_ptr_array_index (yb, i);

            g_assert_cmpuint (x->topics->len, ==, y->topics->len);
            for (guint j = 0; j < x->topics->len; j++)
              {
                RocznikTopic *tx = g_ptr_array_index (x->topics, j), *ty = g_ptr_array_index (y->topics, j);

                g_assert_cmpstr (tx->name, ==, ty->name);
                g_assert_cmpmem (tx->months, sizeof tx->months, ty->months, sizeof ty->months);
                g_assert_cmpint (tx->duration_seconds, ==, ty->duration_seconds);
              }
            g_assert_true ((x->calls == NULL) == (y->calls == NULL));
            if (x->calls)
              g_assert_cmpmem (x->calls->hours, sizeof x->calls->hours, y->calls->hours, sizeof y->calls->hours);
          }
      }
  }
#endif
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
