/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-sample.c — the bundled Biuro Poznań Kontakt sample
 *
 * The 2018 year is the city's own published text, read by the same parser
 * a user's import goes through; sample.ini adds what the text cannot say
 * (the organisation's name) and the totals published for other years.
 */

#include "config.h"

#include <gio/gio.h>

#include "rocznik-report-text.h"
#include "rocznik-resources.h"
#include "rocznik-sample.h"
#include "rocznik-year.h"

#define SAMPLE_PATH "/io/github/rocznik/Rocznik/sample/"

static GBytes *
lookup (const char *name,
        GError    **error)
{
  g_autofree char *path = g_strconcat (SAMPLE_PATH, name, NULL);

  /* Referencing the bundle links it in; its constructor registers it. */
  (void) rocznik_get_resource ();
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* The sample years, ascending, all marked as sample data. */
GPtrArray *
rocznik_sample_load (GError **error)
{
  g_autoptr(GBytes) ini = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  g_auto(GStrv) groups = NULL;

  ini = lookup ("sample.ini", error);
  if (ini == NULL)
    return NULL;
  if (!g_key_file_load_from_bytes (keys, ini, G_KEY_FILE_NONE, error))
    return NULL;

  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *text_file = g_key_file_get_string (keys, groups[i], "text", NULL);
      int number = (int) g_ascii_strtoll (groups[i], NULL, 10);
      RocznikYear *year;

      if (text_file)
        {
          g_autoptr(GBytes) text = lookup (text_file, error);
          gsize len;
          const char *data;

          if (text == NULL)
            return NULL;
          data = g_bytes_get_data (text, &len);
          year = rocznik_report_text_parse (data, len, text_file, error);
          if (year == NULL)
            return NULL;
        }
      else
        {
          year = rocznik_year_new (number);
          year->declared_total = g_key_file_get_int64 (keys, groups[i], "declared_total", NULL);
          year->declared_more_than = g_key_file_get_boolean (keys, groups[i], "more_than", NULL);
        }
      year->is_sample = TRUE;
      g_free (year->organisation);
      year->organisation = g_key_file_get_string (keys, groups[i], "organisation", NULL);
      if (g_key_file_has_key (keys, groups[i], "source", NULL))
        {
          g_autofree char *source = g_key_file_get_string (keys, groups[i], "source", NULL);
          char *notes = year->notes ? g_strconcat (year->notes, "\n\n", source, NULL) : g_strdup (source);

          g_free (year->notes);
          year->notes = notes;
        }
      g_ptr_array_add (years, year);
    }
  return g_steal_pointer (&years);
}
