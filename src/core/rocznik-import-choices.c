/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-choices.c — the columns a person chose, given or remembered
 *
 * Options name a column by its header or number, or say a file has none
 * ("-"); the choices made for a header are remembered in the workspace and
 * used again for the next file with the same header.
 */

#include "config.h"

#include "rocznik-import-state.h"

/* A column by its header (exactly, then ignoring case and accents) or its
 * 1-based number. */
static int
resolve_column (Ctx        *c,
                const char *spec,
                GError    **error)
{
  GPtrArray *names = c->imp->column_names;
  g_autofree char *want = rocznik_search_fold (spec);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *list = NULL;
  int n;

  for (guint col = 0; col < names->len; col++)
    if (strcmp (g_ptr_array_index (names, col), spec) == 0)
      return (int) col;
  for (guint col = 0; col < names->len; col++)
    {
      g_autofree char *folded = rocznik_search_fold (g_ptr_array_index (names, col));

      g_strstrip (folded);
      if (strcmp (folded, g_strstrip (want)) == 0)
        return (int) col;
    }
  if (rocznik_import_parse_int (spec, strlen (spec), 1, 4, &n) && n >= 1 && (guint) n <= names->len)
    return n - 1;
  for (guint col = 0; col < names->len; col++)
    g_array_append_val (all, col);
  list = rocznik_import_quoted_names (c, all);
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
               _("file %s: there is no column „%s”; the columns are %s"), c->imp->display, spec, list);
  return -1;
}

/* The user's choices, or those remembered for this header, as column
 * numbers; "COLUMN=VALUE" conditions as filters. */
gboolean
rocznik_import_take_choices (Ctx     *c,
                             GError **error)
{
  const RocznikImportOptions *o = c->opt;
  g_auto(GStrv) remembered = NULL;
  const char *topic = o->topic_name, *date = o->date_name, *count = o->count_name;
  const char *calls[3] = { o->channel_name, o->duration_name, o->time_name };
  int *call_slots[3] = { &c->channel_col, &c->duration_col, &c->time_col };
  g_autoptr(GPtrArray) where = g_ptr_array_new ();
  RocznikDateOrder order = o->date_order;
  gboolean explicit = topic || date || count || (o->where && o->where[0]) || order ||
                      o->topic_column >= 0 || o->date_column >= 0 || o->count_column >= 0 ||
                      calls[0] || calls[1] || calls[2] || o->channel_column != -1 ||
                      o->duration_column != -1 || o->time_column != -1;

  for (guint i = 0; o->where && o->where[i]; i++)
    g_ptr_array_add (where, (gpointer) o->where[i]);
  if (!explicit && (o->workspace || o->remembered) && c->imp->header_key)
    {
      g_autofree char *text = o->remembered ? g_strdup (o->remembered)
                                            : rocznik_workspace_get_import_choices (o->workspace, c->imp->header_key);

      if (text)
        {
          remembered = g_strsplit (text, "\n", -1);
          c->imp->remembered = TRUE;
          for (guint i = 0; remembered[i]; i++)
            {
              char *v = strchr (remembered[i], '=');

              if (v == NULL)
                continue;
              *v++ = '\0';
              if (strcmp (remembered[i], "topic") == 0)
                topic = v;
              else if (strcmp (remembered[i], "date") == 0)
                date = v;
              else if (strcmp (remembered[i], "count") == 0)
                count = v;
              else if (strcmp (remembered[i], "channel") == 0)
                calls[0] = v;
              else if (strcmp (remembered[i], "duration") == 0)
                calls[1] = v;
              else if (strcmp (remembered[i], "time") == 0)
                calls[2] = v;
              else if (strcmp (remembered[i], "where") == 0)
                g_ptr_array_add (where, v);
              else if (strcmp (remembered[i], "order") == 0)
                order = v[0] == 'm' ? ROCZNIK_DATE_ORDER_MONTH_FIRST : ROCZNIK_DATE_ORDER_DAY_FIRST;
            }
        }
    }
  c->imp->explicit_choices = explicit;
  c->date_order = order;
  if ((topic && (c->topic_col = resolve_column (c, topic, error)) < 0) ||
      (date && (c->date_col = resolve_column (c, date, error)) < 0) ||
      (count && (c->count_col = resolve_column (c, count, error)) < 0))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (calls[i] && strcmp (calls[i], ROCZNIK_IMPORT_NO_COLUMN_NAME) == 0)
      *call_slots[i] = ROCZNIK_IMPORT_NO_COLUMN;
    else if (calls[i] && (*call_slots[i] = resolve_column (c, calls[i], error)) < 0)
      return FALSE;
  for (guint i = 0; i < where->len; i++)
    {
      const char *cond = g_ptr_array_index (where, i);
      const char *eq = strchr (cond, '=');
      g_autofree char *name = NULL;
      Filter f;

      if (eq == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("„%s” is not a condition; write COLUMN=VALUE, e.g. „Źródło=TELEFON”"), cond);
          return FALSE;
        }
      name = g_strndup (cond, eq - cond);
      f.column = resolve_column (c, g_strstrip (name), error);
      if (f.column < 0)
        return FALSE;
      rocznik_import_filter_init (&f, eq + 1);
      g_array_append_val (c->filters, f);
    }
  return TRUE;
}

/* What to remember for this header: the columns by name, the conditions. */
void
rocznik_import_note_choices (Ctx *c)
{
  static const char *const calls[] = { "channel", "duration", "time" };
  const int *slots[] = { &c->channel_col, &c->duration_col, &c->time_col };
  GString *s = g_string_new (NULL);
  GPtrArray *names = c->imp->column_names;

  if (c->topic_col >= 0)
    g_string_append_printf (s, "topic=%s\n", (char *) g_ptr_array_index (names, c->topic_col));
  if (c->date_col >= 0)
    g_string_append_printf (s, "date=%s\n", (char *) g_ptr_array_index (names, c->date_col));
  if (c->count_col >= 0)
    g_string_append_printf (s, "count=%s\n", (char *) g_ptr_array_index (names, c->count_col));
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    if (*slots[i] >= 0)
      g_string_append_printf (s, "%s=%s\n", calls[i], (char *) g_ptr_array_index (names, *slots[i]));
    else if (*slots[i] == ROCZNIK_IMPORT_NO_COLUMN)
      g_string_append_printf (s, "%s=%s\n", calls[i], ROCZNIK_IMPORT_NO_COLUMN_NAME);
  for (guint i = 0; i < c->filters->len; i++)
    {
      Filter *f = &g_array_index (c->filters, Filter, i);
      g_string_append_printf (s, "where=%s=%s\n", (char *) g_ptr_array_index (names, f->column), f->value);
    }
  if (c->date_col >= 0 && c->imp->date_order)
    g_string_append_printf (s, "order=%c\n", c->month_first ? 'm' : 'd');
  g_free (c->imp->choices);
  c->imp->choices = g_string_free (s, FALSE);
}
