/* rocznik-window-main.c — `rocznik-window`, the GTK binary `rocznik` starts */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rocznik-application.h"
#include "rocznik-resources.h"

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ROCZNIK_LOCALEDIR");
  g_autoptr(RocznikApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Rocznik"));

  /* The bundle lives in the core library: referencing it links it in. */
  (void) rocznik_get_resource ();

  app = rocznik_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
