/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli.c — the headless command line: no display, no GTK */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>
#include <string.h>

#include "rocznik-cli.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import.h"
#include "rocznik-table.h"
#include "rocznik-workspace.h"

static void
options_clear (RocznikCliOptions *o)
{
  g_free (o->workspace);
  g_free (o->export_path);
  g_free (o->chart);
  g_free (o->topics);
  g_free (o->by);
  g_free (o->size);
  g_free (o->title);
  g_free (o->encoding);
  g_free (o->delimiter);
  g_free (o->sheet);
  g_free (o->topic_column);
  g_free (o->date_column);
  g_free (o->count_column);
  g_free (o->channel_column);
  g_free (o->duration_column);
  g_free (o->time_column);
  g_strfreev (o->where);
  g_free (o->date_order);
  g_strfreev (o->files);
}

static char *
plain_percent (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

/* TSV for scripts: plain integers and a decimal point, whatever the locale. */
static RocznikExit
cli_list (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(RocznikTable) table = NULL;
  g_autofree char *total_share = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int year;

  if (o->by)
    return rocznik_cli_list_by (o);
  years = rocznik_cli_load_years (o, &ws);
  if (years == NULL)
    return ROCZNIK_EXIT_DATA;
  year = o->year ? o->year : rocznik_years_default (years);
  table = rocznik_table_new (years, year, 0, &error);
  if (table == NULL)
    {
      g_printerr ("rocznik: %s\n", error->message);
      return ROCZNIK_EXIT_DATA;
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      const RocznikRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *name = rocznik_collapse_spaces (row->name);
      g_autofree char *share = plain_percent (row->share);

      g_string_append_printf (out, "%s\t%" G_GINT64_FORMAT "\t%s\n", name, row->count, share);
    }
  total_share = plain_percent (table->total->share);
  g_string_append_printf (out, "Razem\t%" G_GINT64_FORMAT "\t%s\n", table->sum, total_share);
  /* UTF-8 bytes whatever the locale: g_print would turn „ó” into „?” under C */
  fputs (out->str, stdout);
  return ROCZNIK_EXIT_OK;
}

static gboolean
parse_date_order (const char       *text,
                  RocznikDateOrder *order)
{
  if (text == NULL)
    *order = ROCZNIK_DATE_ORDER_DETECT;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *order = ROCZNIK_DATE_ORDER_DAY_FIRST;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *order = ROCZNIK_DATE_ORDER_MONTH_FIRST;
  else
    return FALSE;
  return TRUE;
}

/* --dry-run: the workspace is read if it exists, never made, upgraded or
 * written, and no file appears beside it. */
static RocznikWorkspace *
open_for_import (const RocznikCliOptions *o,
                 GError                 **error)
{
  g_autofree char *path = o->workspace ? g_strdup (o->workspace) : rocznik_workspace_default_path ();

  if (!o->dry_run)
    return rocznik_workspace_open (path, error);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return rocznik_workspace_open_readonly (path, error);
}

/* Every file is read first; then all of them are stored in one transaction. */
static RocznikExit
cli_import (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_import_free);
  RocznikImportOptions options;

  if (o->files == NULL || o->files[0] == NULL)
    {
      g_printerr ("rocznik: %s\n", _("--import needs at least one FILE"));
      return ROCZNIK_EXIT_USAGE;
    }
  rocznik_import_options_init (&options);
  options.year = o->year;
  options.encoding = o->encoding;
  options.sheet = o->sheet;
  options.topic_name = o->topic_column;
  options.date_name = o->date_column;
  options.count_name = o->count_column;
  options.channel_name = o->channel_column;
  options.duration_name = o->duration_column;
  options.time_name = o->time_column;
  options.where = (const char * const *) o->where;
  if (!rocznik_cli_parse_delimiter (o->delimiter, &options.delimiter))
    {
      g_printerr ("rocznik: %s\n", _("--delimiter must be one of „,” „;” „|” or „tab”"));
      return ROCZNIK_EXIT_USAGE;
    }
  if (!parse_date_order (o->date_order, &options.date_order))
    {
      g_printerr ("rocznik: %s\n", _("--date-order must be „dmy” (day first) or „mdy” (month first)"));
      return ROCZNIK_EXIT_USAGE;
    }

  ws = open_for_import (o, &error);
  if (ws == NULL && error)
    {
      g_printerr ("rocznik: %s\n", error->message);
      return ROCZNIK_EXIT_DATA;
    }
  options.workspace = ws;
  for (guint i = 0; o->files[i]; i++)
    {
      RocznikImport *import = rocznik_import_file (o->files[i], &options, NULL, NULL, NULL, &error);
      g_autofree char *summary = NULL;

      if (import == NULL)
        {
          g_printerr ("rocznik: %s\n", error->message);
          return ROCZNIK_EXIT_DATA;
        }
      g_ptr_array_add (imports, import);
      summary = rocznik_import_describe (import, ws);
      g_print ("%s", summary);
      if (o->dry_run)
        {
          g_autofree char *largest = rocznik_import_describe_largest (import, 5);
          g_print ("%s", largest);
        }
    }
  if (o->dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was stored."));
      return ROCZNIK_EXIT_OK;
    }
  if (!rocznik_import_store_all (imports, ws, o->replace, &error))
    {
      g_printerr ("rocznik: %s\n", error->message);
      if (g_error_matches (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS))
        g_printerr ("%s\n", _("Nothing was imported. Use --replace to replace the stored year."));
      return ROCZNIK_EXIT_DATA;
    }
  g_print (_("Stored in %s\n"), rocznik_workspace_get_path (ws));
  return ROCZNIK_EXIT_OK;
}

/* `--restore [ID]` brings a snapshot back; `--restore --list` shows them. */
static RocznikExit
cli_restore (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autofree char *kept = NULL;
  const char *id = o->files ? o->files[0] : NULL;

  if (id && o->files[1])
    {
      g_printerr ("rocznik: %s\n", _("--restore takes one snapshot ID"));
      return ROCZNIK_EXIT_USAGE;
    }
  ws = rocznik_cli_open_workspace (o, &error);
  if (ws == NULL)
    {
      g_printerr ("rocznik: %s\n", error->message);
      return ROCZNIK_EXIT_DATA;
    }
  if (o->list)
    {
      g_autoptr(GPtrArray) snapshots = rocznik_workspace_list_snapshots (ws);

      for (guint i = 0; i < snapshots->len; i++)
        {
          const RocznikSnapshot *s = g_ptr_array_index (snapshots, i);
          g_autofree char *when = g_date_time_format (s->time, "%Y-%m-%d %H:%M:%S");
          g_autofree char *why = rocznik_snapshot_describe (s);

          g_print ("%s\t%s\t%s\n", s->id, when, why);
        }
      if (snapshots->len == 0)
        g_printerr ("%s\n", _("There are no snapshots yet: one is kept before an import replaces a year and before a year is deleted."));
      return ROCZNIK_EXIT_OK;
    }
  if (!rocznik_workspace_restore_snapshot (ws, id, &kept, &error))
    {
      g_printerr ("rocznik: %s\n", error->message);
      return ROCZNIK_EXIT_DATA;
    }
  g_print (_("Restored. The state before the restore was kept as the snapshot %s.\n"), kept);
  return ROCZNIK_EXIT_OK;
}

/* --export runs in a module: its libraries (cairo, pango, fontconfig,
 * libxlsxwriter and theirs, 28 of 53) would otherwise be loaded and
 * relocated at every start, about 5 ms, a tenth of importing a million
 * calls. The price: two more installed files, and an export pays about
 * 1 ms more (4M instructions: dlopen looks a module's symbols up past the
 * binary's own libraries), within the noise of a 17–60 ms export. */
static RocznikExit
cli_export (const RocznikCliOptions *o)
{
  g_autofree char *path = rocznik_cli_find_file ("rocznik-export.so", PKGLIBDIR);
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  RocznikCliExportFunc export = NULL;

  if (module == NULL || !g_module_symbol (module, "rocznik_cli_export", (gpointer *) &export))
    {
      g_printerr ("rocznik: ");
      g_printerr (_("Cannot load the export module (%s): %s"), path, g_module_error ());
      g_printerr ("\n");
      g_clear_pointer (&module, g_module_close);
      return ROCZNIK_EXIT_DATA;
    }
  /* it registers fonts and resources for the process: never unloaded */
  g_module_make_resident (module);
  return export (o);
}

RocznikExit
rocznik_cli_run (int    argc,
                 char **argv)
{
  RocznikCliOptions o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  RocznikExit status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &o.workspace, N_("Use the workspace in PATH"), N_("PATH") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &o.list, N_("Print the topics of a year as TSV"), NULL },
    { "year", 'y', 0, G_OPTION_ARG_INT, &o.year, N_("The year to list, import or export"), N_("YEAR") },
    { "compare", 'c', 0, G_OPTION_ARG_INT, &o.compare, N_("Compare with this year"), N_("YEAR") },
    { "import", 'i', 0, G_OPTION_ARG_NONE, &o.import, N_("Import the FILEs into the workspace"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &o.replace, N_("Replace years that are already stored"), NULL },
    { "restore", 0, 0, G_OPTION_ARG_NONE, &o.restore, N_("Bring back the snapshot ID (the newest without one) kept before a year was replaced or deleted; with --list, show the snapshots"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &o.encoding, N_("Encoding of imported text: UTF-8, UTF-16LE, UTF-16BE, WINDOWS-1250 or ISO-8859-2"), N_("NAME") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &o.delimiter, N_("Delimiter of imported text: „,” „;” „|” or „tab”"), N_("CHAR") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o.sheet, N_("Sheet of an imported XLSX workbook"), N_("NAME") },
    { "topic-column", 0, 0, G_OPTION_ARG_STRING, &o.topic_column, N_("Column of the topics, by its header or number (1 is the first)"), N_("NAME|N") },
    { "date-column", 0, 0, G_OPTION_ARG_STRING, &o.date_column, N_("Column of the call’s date in a file of one row per call"), N_("NAME|N") },
    { "count-column", 0, 0, G_OPTION_ARG_STRING, &o.count_column, N_("Column of the numbers of calls"), N_("NAME|N") },
    { "channel-column", 0, 0, G_OPTION_ARG_STRING, &o.channel_column, N_("Column of the call’s channel (phone, e-mail…) in a file of one row per call; „-”: none"), N_("NAME|N|-") },
    { "duration-column", 0, 0, G_OPTION_ARG_STRING, &o.duration_column, N_("Column of the call’s handling time (95, 1:35 or 0:01:35) in a file of one row per call; „-”: none"), N_("NAME|N|-") },
    { "time-column", 0, 0, G_OPTION_ARG_STRING, &o.time_column, N_("Column of the call’s time of day, when the date has none; „-”: none"), N_("NAME|N|-") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where, N_("Count only rows whose COLUMN holds VALUE (repeatable: all must hold)"), N_("COLUMN=VALUE") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &o.date_order, N_("Dates like 03/01/2011: „dmy” (day first) or „mdy” (month first)"), N_("ORDER") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &o.dry_run, N_("Show what --import would store, and store nothing"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &o.export_path, N_("Export to OUT (.xlsx, .pdf, .csv, .html, .png, .svg)"), N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.chart, N_("Chart to export: ranking, compare, yoy, trend, month, heatmap, channel or duration"), N_("TYPE") },
    { "topics", 0, 0, G_OPTION_ARG_STRING, &o.topics, N_("Topics or categories to compare, separated by „;”"), N_("LIST") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("With --list, a year’s calls as TSV by month (only months with calls), hour (weekday 1 = Monday … 7, hour 0–23, every hour of the week), channel, or duration (topic, calls with a handling time, their average in seconds rounded to the nearest, halves up); month and duration can be narrowed by --topics"), N_("TABLE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, N_("Chart size in pixels, e.g. 1200x675"), N_("WxH") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Chart title"), N_("TEXT") },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &o.version, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Rocznik: yearly reports of a contact centre’s calls."));
  g_option_context_set_description (context,
    _("Without --list, --import or --export the window opens; FILEs given are offered for import.\n"
      "Exit status: 0 success, 1 bad input or data, 2 bad usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* GOption edits the vector it parses; keep argv whole for the window. */
  args = g_strdupv (argv);
  {
    int n = argc;
    char **v = g_memdup2 (args, sizeof (char *) * (argc + 1));

    if (!g_option_context_parse (context, &n, &v, &error))
      {
        g_free (v);
        g_printerr ("rocznik: %s\n%s\n", error->message, _("Run „rocznik --help” to see the options."));
        options_clear (&o);
        return ROCZNIK_EXIT_USAGE;
      }
    g_free (v);
  }

  if (o.version)
    {
      g_print ("rocznik %s\n", PACKAGE_VERSION);
      status = ROCZNIK_EXIT_OK;
    }
  else if ((o.restore + o.import + (o.export_path != NULL)) > 1
           || (!o.restore && (o.list + o.import + (o.export_path != NULL)) > 1))
    {
      g_printerr ("rocznik: %s\n", _("Choose one of --list, --import and --export"));
      status = ROCZNIK_EXIT_USAGE;
    }
  else if (o.by && !o.list)
    {
      g_printerr ("rocznik: %s\n", _("--by goes with --list"));
      status = ROCZNIK_EXIT_USAGE;
    }
  else if (o.restore)
    status = cli_restore (&o);
  else if (o.list)
    status = cli_list (&o);
  else if (o.import)
    status = cli_import (&o);
  else if (o.export_path)
    status = cli_export (&o);
  else
    status = ROCZNIK_EXIT_GUI;

  options_clear (&o);
  return status;
}
