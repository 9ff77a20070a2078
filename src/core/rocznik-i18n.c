/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-i18n.c — where the binaries find their translations
 *
 * Installed, they are under LOCALEDIR. Run from a build tree (the README's
 * `build/src/rocznik`), they are the .mo files meson builds in the build
 * root's po/ folder (po/pl/LC_MESSAGES/rocznik.mo): a fresh clone speaks
 * Polish without installing anything or setting a variable.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "rocznik-i18n.h"

/* The build root above @exe's folder, when @exe runs from a meson build tree. */
static char *
build_tree_locale_dir (const char *exe)
{
  g_autofree char *dir = g_path_get_dirname (exe);
  g_autofree char *root = g_path_get_dirname (dir);
  g_autofree char *marker = g_build_filename (root, "meson-private", "coredata.dat", NULL);
  g_autofree char *po = g_build_filename (root, "po", NULL);

  if (g_file_test (marker, G_FILE_TEST_IS_REGULAR) && g_file_test (po, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&po);
  return NULL;
}

/* ROCZNIK_LOCALEDIR if set, else the build tree's po/ when running from
 * one, else the installed LOCALEDIR. */
char *
rocznik_i18n_locale_dir (void)
{
  const char *env = g_getenv ("ROCZNIK_LOCALEDIR");
  g_autofree char *exe = NULL;
  char *dir;

  if (env && *env)
    return g_strdup (env);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe && (dir = build_tree_locale_dir (exe)))
    return dir;
  return g_strdup (LOCALEDIR);
}

/* The process locale, and gettext bound to Rocznik's translations in UTF-8. */
void
rocznik_i18n_init (void)
{
  g_autofree char *dir = rocznik_i18n_locale_dir ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
