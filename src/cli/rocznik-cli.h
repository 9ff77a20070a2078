/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli.h — the headless command line: no display, no GTK */
#pragma once

#include <glib.h>

#include "rocznik-workspace.h"

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
  gboolean  restore;
  gboolean  version;
  int       year;
  int       compare;
  char     *export_path;
  char     *chart;
  char     *topics;
  char     *by;         /* --list --by month|hour|channel|duration */
  char     *size;
  char     *title;
  char    **files;
  char     *encoding;   /* --import overrides */
  char     *delimiter;
  char     *sheet;
  char     *topic_column;
  char     *date_column;
  char     *count_column;
  char     *channel_column;
  char     *duration_column;
  char     *time_column;
  char    **where;
  char     *date_order;
  gboolean  dry_run;
} RocznikCliOptions;

RocznikExit rocznik_cli_run (int    argc,
                             char **argv);

/* rocznik-cli-common.c: shared with the export module */

RocznikWorkspace *rocznik_cli_open_workspace  (const RocznikCliOptions *o,
                                               GError                 **error);
RocznikWorkspace *rocznik_cli_read_workspace  (const RocznikCliOptions *o,
                                               GError                 **error);
GPtrArray        *rocznik_cli_load_years      (const RocznikCliOptions *o,
                                               RocznikWorkspace       **ws);
gboolean          rocznik_cli_parse_delimiter (const char              *text,
                                               char                    *delimiter);
char             *rocznik_cli_find_file       (const char              *name,
                                               const char              *installed_dir);

/* rocznik-cli-by.c */
RocznikExit       rocznik_cli_list_by         (const RocznikCliOptions *o);

/* rocznik-cli-export.c, the module rocznik-export.so */
typedef RocznikExit (*RocznikCliExportFunc) (const RocznikCliOptions *o);

G_END_DECLS
