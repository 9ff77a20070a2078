/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli-export.c — `rocznik --export`: reports and charts
 *
 * A module of its own (rocznik-export.so), opened by the command line only
 * for --export, so that cairo, pango, fontconfig, libxlsxwriter and what
 * they pull in (28 of the 53 libraries) are not loaded for an import, a
 * list or the start of the window.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "rocznik-chart.h"
#include "rocznik-cli.h"
#include "rocznik-import.h"
#include "rocznik-report.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

/* After a failed export: the error, and whether a file was there to keep. */
static void
print_not_exported (const char   *path,
                    const GError *error)
{
  g_printerr ("rocznik: %s\n", error->message);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_printerr ("rocznik: %s\n", _("Nothing was exported; an existing file was left as it was."));
  else
    g_printerr ("rocznik: %s\n", _("Nothing was exported."));
}

/* Imports the FILEs into @ws, all in one transaction. A file that does
 * not say its year gets the one --year names: the report's year. */
static gboolean
import_for_export (RocznikWorkspace           *ws,
                   const RocznikCliOptions    *o,
                   RocznikImportOptions       *options,
                   GError                    **error)
{
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_import_free);

  for (guint i = 0; o->files[i]; i++)
    {
      g_autoptr(GError) local = NULL;
      RocznikImport *import;

      options->year = 0;
      import = rocznik_import_file (o->files[i], options, NULL, NULL, NULL, &local);
      if (import == NULL && o->year != 0)
        {
          g_clear_error (&local);
          options->year = o->year;
          import = rocznik_import_file (o->files[i], options, NULL, NULL, NULL, &local);
        }
      if (import == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (imports, import);
    }
  return rocznik_import_store_all (imports, ws, FALSE, error);
}

/* The report for --export: with FILEs, from them alone (imported into a
 * workspace in memory, the user's is not touched); else from the workspace. */
/* "1200x675" (or "1200×675"): a chart's size in pixels. */
static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) times = g_strsplit (text, "×", -1);
  g_autofree char *plain = g_strjoinv ("x", times);
  g_autofree char *lower = g_ascii_strdown (plain, -1);
  g_auto(GStrv) parts = g_strsplit (lower, "x", -1);
  gint64 w, h;

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_signed (parts[0], 10, 100, 10000, &w, NULL)
      || !g_ascii_string_to_signed (parts[1], 10, 100, 10000, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* `--export chart.png|svg|pdf --chart TYPE`: one chart, no display needed. */
static RocznikExit
cli_export_chart (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(RocznikChart) chart = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *lower = g_ascii_strdown (o->export_path, -1);
  RocznikChartSpec spec = { 0 };
  RocznikExit status = ROCZNIK_EXIT_OK;
  int width = 1200, height = 675;

  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr ("rocznik: %s\n", _("A chart is saved as PNG, SVG or PDF: choose a name ending in .png, .svg or .pdf"));
      return ROCZNIK_EXIT_USAGE;
    }
  if (o->chart && !rocznik_chart_type_from_string (o->chart, &spec.type))
    {
      g_printerr ("rocznik: ");
      g_printerr (_("Unknown chart type „%s”: use ranking, compare, yoy, trend, month, heatmap, channel or duration"), o->chart);
      g_printerr ("\n");
      return ROCZNIK_EXIT_USAGE;
    }
  if (o->size && !parse_size (o->size, &width, &height))
    {
      g_printerr ("rocznik: ");
      g_printerr (_("Cannot read the size „%s”: write WIDTHxHEIGHT in pixels, from 100 to 10000, e.g. 1200x675"), o->size);
      g_printerr ("\n");
      return ROCZNIK_EXIT_USAGE;
    }

  years = rocznik_cli_load_years (o, &ws);
  if (years == NULL)
    return ROCZNIK_EXIT_DATA;
  categories = rocznik_workspace_list_categories (ws);
  if (o->topics)
    {
      g_auto(GStrv) typed = g_strsplit (o->topics, ";", -1);

      /* The report's resolver, aliases included: an old name means the same topic. */
      topics = rocznik_topics_resolve_all (years, categories, ws, (const char *const *) typed, &error);
    }
  spec.year = o->year;
  spec.compare_year = o->compare;
  spec.topics = topics;
  spec.title = o->title;

  if (error == NULL)
    chart = rocznik_chart_new (years, categories, &spec, &error);
  if (chart == NULL || !rocznik_chart_export (chart, o->export_path, width, height, 96, &error))
    {
      print_not_exported (o->export_path, error);
      status = ROCZNIK_EXIT_DATA;
    }
  g_clear_pointer (&chart, rocznik_chart_free);
  rocznik_chart_release_fonts ();
  return status;
}

G_MODULE_EXPORT RocznikExit
rocznik_cli_export (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_auto(GStrv) topics = NULL;
  RocznikReportOptions options = { 0 };

  if (o->chart != NULL || g_str_has_suffix (o->export_path, ".png") || g_str_has_suffix (o->export_path, ".svg")
      || g_str_has_suffix (o->export_path, ".PNG") || g_str_has_suffix (o->export_path, ".SVG"))
    return cli_export_chart (o);
  if (!rocznik_report_supports (o->export_path))
    {
      g_printerr ("rocznik: %s\n", _("Cannot export to this file: choose a name ending in .xlsx, .pdf, .csv or .html"));
      return ROCZNIK_EXIT_USAGE;
    }
  if (o->files && o->files[0])
    {
      RocznikImportOptions import_options;

      rocznik_import_options_init (&import_options);
      import_options.encoding = o->encoding;
      import_options.sheet = o->sheet;
      if (!rocznik_cli_parse_delimiter (o->delimiter, &import_options.delimiter))
        {
          g_printerr ("rocznik: %s\n", _("--delimiter must be one of „,” „;” „|” or „tab”"));
          return ROCZNIK_EXIT_USAGE;
        }
      ws = rocznik_workspace_new_in_memory ();
      if (!import_for_export (ws, o, &import_options, &error))
        {
          print_not_exported (o->export_path, error);
          return ROCZNIK_EXIT_DATA;
        }
    }
  else
    ws = rocznik_cli_read_workspace (o, &error);
  if (ws == NULL)
    {
      g_printerr ("rocznik: %s\n", error->message);
      return ROCZNIK_EXIT_DATA;
    }

  if (o->topics)
    topics = g_strsplit (o->topics, ";", -1);
  options.year = o->year;
  options.compare_year = o->compare;
  options.topics = topics;
  /* This process draws no other text: the system's fonts need not load. */
  rocznik_report_use_own_fonts ();
  if (!rocznik_report_write (ws, &options, o->export_path, NULL, &error))
    {
      print_not_exported (o->export_path, error);
      return ROCZNIK_EXIT_DATA;
    }
  return ROCZNIK_EXIT_OK;
}
