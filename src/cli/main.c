/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — `rocznik`: the command line, and the door to the window
 *
 * The headless commands (--list, --import, --export) link only the core, so
 * a script never pays for loading GTK. Without one of them the window binary
 * is started with the same arguments.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "rocznik-cli.h"
#include "rocznik-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *window = NULL;
  RocznikExit status;

  rocznik_i18n_init ();

  status = rocznik_cli_run (argc, argv);
  if (status != ROCZNIK_EXIT_GUI)
    return status;

  window = rocznik_cli_find_file ("rocznik-window", LIBEXECDIR);
  argv[0] = window;
  execv (window, argv);
  g_printerr (_("Cannot start the window (%s): %s\n"), window, g_strerror (errno));
  return ROCZNIK_EXIT_DATA;
}
