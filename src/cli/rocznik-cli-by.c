/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli-by.c — `rocznik --list --by month|hour|channel|duration`:
 * a year's per-call data as TSV for scripts */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rocznik-call-tables.h"
#include "rocznik-cli.h"
#include "rocznik-table.h"
#include "rocznik-topics.h"

/* The topic keys --topics names, categories opened into their topics. */
static GHashTable *
resolve_keys (GPtrArray        *years,
              RocznikWorkspace *ws,
              const char       *text,
              GError          **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) categories = rocznik_workspace_list_categories (ws);
  g_auto(GStrv) typed = g_strsplit (text, ";", -1);

  for (guint i = 0; typed[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (typed[i]));
      RocznikTopicRef ref;

      if (*name == '\0')
        continue;
      if (!rocznik_topics_resolve (years, categories, ws, name, &ref, error))
        return NULL;
      if (ref.keys)
        for (guint k = 0; k < ref.keys->len; k++)
          g_hash_table_add (keys, g_strdup (g_ptr_array_index (ref.keys, k)));
      else
        g_hash_table_add (keys, g_strdup (ref.key));
      rocznik_topic_ref_clear (&ref);
    }
  return g_steal_pointer (&keys);
}

static RocznikExit
fail (GError *error)
{
  g_printerr ("rocznik: %s\n", error->message);
  return ROCZNIK_EXIT_DATA;
}

RocznikExit
rocznik_cli_list_by (const RocznikCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autofree char *tsv = NULL;
  const RocznikYear *year = NULL;
  RocznikCallsBy by;
  int number;

  if (!rocznik_calls_by_from_string (o->by, &by))
    {
      g_printerr ("rocznik: ");
      g_printerr (_("Unknown table „%s”: use --by month, hour, channel or duration"), o->by);
      g_printerr ("\n");
      return ROCZNIK_EXIT_USAGE;
    }
  /* never numbers for the whole year under a heading that names topics */
  if (o->topics && !rocznik_calls_by_per_topic (by))
    {
      g_printerr ("rocznik: %s\n", _("Calls by hour and by channel are kept for the whole year, not for each topic: leave out --topics"));
      return ROCZNIK_EXIT_USAGE;
    }

  years = rocznik_cli_load_years (o, &ws);
  if (years == NULL)
    return ROCZNIK_EXIT_DATA;
  number = o->year ? o->year : rocznik_years_default (years);
  for (guint i = 0; i < years->len && year == NULL; i++)
    if (((const RocznikYear *) g_ptr_array_index (years, i))->year == number)
      year = g_ptr_array_index (years, i);
  if (year == NULL)
    {
      g_autoptr(RocznikYear) missing = rocznik_workspace_load_year (ws, number, &error);

      return fail (error);
    }
  if (o->topics)
    {
      keys = resolve_keys (years, ws, o->topics, &error);
      if (keys == NULL)
        return fail (error);
    }
  tsv = rocznik_call_tables_tsv (year, by, keys, &error);
  if (tsv == NULL)
    return fail (error);
  /* UTF-8 bytes whatever the locale: g_print would turn „ń” into „?” under C */
  fputs (tsv, stdout);
  return ROCZNIK_EXIT_OK;
}
