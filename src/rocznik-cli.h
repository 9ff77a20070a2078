/* rocznik-cli.h — the headless command line: no display, no GTK */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_EXIT_OK = 0,
  ROCZNIK_EXIT_DATA = 1,    /* bad input or data; the message went to stderr */
  ROCZNIK_EXIT_USAGE = 2,
  ROCZNIK_EXIT_GUI = -1,    /* nothing headless to do: start the window */
} RocznikExit;

typedef struct
{
  char     *workspace;
  gboolean  list;
  gboolean  import;
  gboolean  replace;
  gboolean  version;
  int       year;
  int       compare;
  char     *export_path;
  char     *chart;
  char     *topics;
  char     *size;
  char     *title;
  char    **files;
  char     *encoding;   /* --import overrides */
  char     *delimiter;
  char     *sheet;
} RocznikCliOptions;

RocznikExit rocznik_cli_run (int    argc,
                             char **argv);

G_END_DECLS
