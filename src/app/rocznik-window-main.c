/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window-main.c — `rocznik-window`, the GTK binary `rocznik` starts */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-application.h"
#include "rocznik-i18n.h"
#include "rocznik-resources.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(RocznikApplication) app = NULL;

  rocznik_i18n_init ();
  g_set_application_name (_("Rocznik"));

  /* The bundle lives in the core library: referencing it links it in. */
  (void) rocznik_get_resource ();

  app = rocznik_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
