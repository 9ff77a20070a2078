/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-fonts.c — the PDF report's own fonts
 *
 * The report is laid out with a few known fonts (Cantarell, P052, DejaVu
 * Sans for what they lack), found once through fontconfig and kept in the
 * user's cache, so every export and every machine lays it out alike. The
 * HTML report draws its charts with the same font map.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "rocznik-report-pdf-private.h"

/* The report's fonts, and one for the glyphs they lack. */
static const char *const report_fonts[] = {
  FONT_SANS ":weight=regular", FONT_SANS ":weight=bold", FONT_SERIF ":style=Roman",
  "DejaVu Sans:style=Book",
};

/* The file fontconfig gives for @wanted, if it is of the family asked for. */
static char *
match_font_file (const char *wanted)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) wanted);
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL, *family = NULL, *wanted_family = NULL;
  char *found = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match
      && FcPatternGetString (pattern, FC_FAMILY, 0, &wanted_family) == FcResultMatch
      && FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch
      && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch
      && g_ascii_strcasecmp ((const char *) family, (const char *) wanted_family) == 0)
    found = g_strdup ((const char *) file);
  if (match)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return found;
}

/* Where fontconfig's answer can change: its configuration and the user's
 * font folders (a font installed there may take a family over). */
static GPtrArray *
font_config_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *env[] = { "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT" };

  for (guint i = 0; i < G_N_ELEMENTS (env); i++)
    if (g_getenv (env[i]))
      g_ptr_array_add (paths, g_strdup (g_getenv (env[i])));
  g_ptr_array_add (paths, g_strdup ("/etc/fonts/fonts.conf"));
  g_ptr_array_add (paths, g_strdup ("/etc/fonts/conf.d"));
  g_ptr_array_add (paths, g_build_filename (g_get_user_config_dir (), "fontconfig", NULL));
  g_ptr_array_add (paths, g_build_filename (g_get_user_data_dir (), "fonts", NULL));
  g_ptr_array_add (paths, g_build_filename (g_get_home_dir (), ".fonts", NULL));
  return paths;
}

/* "KIND MTIME.NSEC SIZE PATH"; a missing file is stamped 0. */
static void
append_stamp (GString    *out,
              char        kind,
              const char *path)
{
  struct stat st = { 0 };

  if (stat (path, &st) != 0)
    memset (&st, 0, sizeof st);
  g_string_append_printf (out, "%c %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT " %s\n", kind,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec, (gint64) st.st_size, path);
}

static char *
font_stamp (char **files)
{
  g_autoptr(GPtrArray) config = font_config_paths ();
  GString *out = g_string_new ("rocznik report fonts 1\n");

  for (guint i = 0; i < config->len; i++)
    append_stamp (out, 'C', g_ptr_array_index (config, i));
  for (guint i = 0; files[i]; i++)
    append_stamp (out, 'F', files[i]);
  return g_string_free (out, FALSE);
}

static char *
font_cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "rocznik", "report-fonts", NULL);
}

/* The files of the cache when nothing it was made from has changed. */
static char **
cached_font_files (void)
{
  g_autofree char *path = font_cache_path ();
  g_autofree char *cache = NULL;
  g_autofree char *stamp = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &cache, NULL, NULL))
    return NULL;
  lines = g_strsplit (cache, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);  /* F MTIME SIZE PATH */

      if (g_strv_length (fields) == 4 && strcmp (fields[0], "F") == 0)
        g_ptr_array_add (files, g_strdup (fields[3]));
    }
  if (files->len != G_N_ELEMENTS (report_fonts))
    return NULL;
  g_ptr_array_add (files, NULL);
  stamp = font_stamp ((char **) files->pdata);
  if (strcmp (stamp, cache) != 0)
    return NULL;
  return (char **) g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

/* The files of the report's fonts. Asking fontconfig loads the system's
 * whole configuration and font list (~7 ms here, a fifth of a report), so
 * the answer is kept in the user's cache folder and asked again only when
 * a font file or fontconfig's configuration changes. NULL when a font is
 * missing. */
static char **
report_font_files (void)
{
  char **files = cached_font_files ();
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (files)
    return files;

  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (report_fonts); i++)
    {
      char *file = match_font_file (report_fonts[i]);

      if (file == NULL)
        return NULL;
      g_ptr_array_add (found, file);
    }
  g_ptr_array_add (found, NULL);

  /* A cache that cannot be written costs only the time next run. */
  stamp = font_stamp ((char **) found->pdata);
  path = font_cache_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, stamp, -1, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static gboolean own_fonts_only;

void
rocznik_report_use_own_fonts (void)
{
  own_fonts_only = TRUE;
}

/* A font map of just the report's fonts. Pango asks Fontconfig to sort every
 * installed font for each new font size; over four files instead of the
 * whole system that costs next to nothing. NULL when a font is missing:
 * then the system's font map is used as is. */
static PangoFontMap *
report_font_map_new (void)
{
  g_auto(GStrv) files = report_font_files ();
  FcConfig *config;
  PangoFontMap *map;

  if (files == NULL)
    return NULL;
  config = FcConfigCreate ();
  for (guint i = 0; files[i]; i++)
    if (!FcConfigAppFontAddFile (config, (const FcChar8 *) files[i]))
      {
        /* Gone since the cache was checked: ask fontconfig next time. */
        g_autofree char *path = font_cache_path ();

        g_unlink (path);
        FcConfigDestroy (config);
        return NULL;
      }

  /* Pango initialises fontconfig's current configuration in a thread and
   * waits for it before the first font: with ours current that is free. */
  if (own_fonts_only)
    FcConfigSetCurrent (config);
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (map == NULL || !PANGO_IS_FC_FONT_MAP (map))
    {
      g_clear_object (&map);
      FcConfigDestroy (config);
      return NULL;
    }
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

/* One per thread, kept: font maps are not thread-safe, and Pango 1.50
 * never releases the FcConfig of a font map it finalizes. */
PangoFontMap *
rocznik_report_font_map (void)
{
  static GPrivate fonts = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&fonts);

  if (map == NULL)
    {
      map = report_font_map_new ();
      if (map)
        g_private_set (&fonts, map);
    }
  return map;
}

