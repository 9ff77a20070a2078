/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli-common.c — what the command line and its export module share */

#include "config.h"

#include <string.h>

#include "rocznik-cli.h"

RocznikWorkspace *
rocznik_cli_open_workspace (const RocznikCliOptions *o,
                            GError                 **error)
{
  g_autofree char *path = o->workspace ? g_strdup (o->workspace) : rocznik_workspace_default_path ();

  return rocznik_workspace_open (path, error);
}

/* For --list and --export: an existing workspace is only read, never
 * upgraded or written (an older Rocznik can still open it afterwards); a
 * missing one is made with the sample, as the window makes it. */
RocznikWorkspace *
rocznik_cli_read_workspace (const RocznikCliOptions *o,
                            GError                 **error)
{
  g_autofree char *path = o->workspace ? g_strdup (o->workspace) : rocznik_workspace_default_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return rocznik_workspace_open_readonly (path, error);
  return rocznik_workspace_open (path, error);
}

/* The workspace's years (and the workspace in *@ws), or NULL after saying
 * why on stderr. */
GPtrArray *
rocznik_cli_load_years (const RocznikCliOptions *o,
                        RocznikWorkspace       **ws)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *years = NULL;

  *ws = rocznik_cli_read_workspace (o, &error);
  if (*ws)
    years = rocznik_workspace_load_all (*ws, &error);
  if (years == NULL)
    g_printerr ("rocznik: %s\n", error->message);
  return years;
}

gboolean
rocznik_cli_parse_delimiter (const char *text,
                             char       *delimiter)
{
  if (text == NULL)
    *delimiter = 0;
  else if (g_str_equal (text, "tab") || g_str_equal (text, "\\t") || g_str_equal (text, "\t"))
    *delimiter = '\t';
  else if (strlen (text) == 1 && strchr (",;|\t", text[0]))
    *delimiter = text[0];
  else
    return FALSE;
  return TRUE;
}

/* @name beside this binary (a build tree), else in @installed_dir. */
char *
rocznik_cli_find_file (const char *name,
                       const char *installed_dir)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (installed_dir, name, NULL);
}
