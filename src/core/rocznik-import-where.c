/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-where.c — --where COLUMN=VALUE: which rows count at all
 *
 * The column is found like the other column options (exactly, then
 * ignoring case and accents). The value must be the cell's, as Unicode
 * text: "Telefon" typed where the file says "Telefon" in another normal
 * form or with spaces around is the same value. A value that no row holds
 * while some cell differs from it only in case („telefon” for „Telefon”)
 * is refused, naming what the file holds: counting no rows, or guessing
 * which spelling was meant, would both be a wrong number.
 */

#include "config.h"

#include <string.h>

#include "rocznik-import-state.h"

/* How many other spellings a refusal names. */
#define NEAR_MAX 5

static char *
nfc (const char *text)
{
  char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return normal ? normal : g_strdup (text);
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return nfc (folded);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* @text (stripped) is the value; else, while no row has held it, a cell
 * that differs only in case is noted. */
static gboolean
filter_holds (Filter *f,
              char   *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  g_strstrip (text);
  if (strcmp (text, f->value) == 0)
    return TRUE;
  if (!is_ascii (text))
    {
      normal = nfc (text);
      if (strcmp (normal, f->value) == 0)
        return TRUE;
    }
  if (f->held > 0 || f->near->len >= NEAR_MAX)
    return FALSE;
  folded = fold (normal ? normal : text);
  if (strcmp (folded, f->folded) == 0 &&
      !g_ptr_array_find_with_equal_func (f->near, normal ? normal : text, g_str_equal, NULL))
    g_ptr_array_add (f->near, g_strdup (normal ? normal : text));
  return FALSE;
}

void
rocznik_import_filter_init (Filter     *f,
                            const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  f->value = nfc (stripped);
  f->folded = fold (f->value);
  f->held = 0;
  f->near = g_ptr_array_new_with_free_func (g_free);
}

void
rocznik_import_filter_clear (Filter *f)
{
  g_clear_pointer (&f->value, g_free);
  g_clear_pointer (&f->folded, g_free);
  g_clear_pointer (&f->near, g_ptr_array_unref);
}

/* Every condition holds for the row. Each is tried on every row, so that
 * each knows whether any row held it. */
gboolean
rocznik_import_row_passes (Ctx     *c,
                           GArray  *cells,
                           GError **error)
{
  gboolean passes = TRUE;

  for (guint i = 0; i < c->filters->len; i++)
    {
      Filter *f = &g_array_index (c->filters, Filter, i);
      g_autofree char *text = rocznik_import_cell_text (c, cell_at (cells, f->column), f->column, error);

      if (text == NULL)
        {
          if (error && *error)
            return FALSE;
          passes = FALSE;
        }
      else if (filter_holds (f, text))
        f->held++;
      else
        passes = FALSE;
    }
  return passes;
}

/* After the last row: a value that no row held, spelled otherwise in the
 * file, is refused. */
gboolean
rocznik_import_filters_check (Ctx     *c,
                              GError **error)
{
  for (guint i = 0; i < c->filters->len; i++)
    {
      Filter *f = &g_array_index (c->filters, Filter, i);
      g_autoptr(GString) found = NULL;

      if (f->held > 0 || f->near->len == 0)
        continue;
      found = g_string_new (NULL);
      for (guint j = 0; j < f->near->len; j++)
        g_string_append_printf (found, "%s„%s”", j ? ", " : "", (char *) g_ptr_array_index (f->near, j));
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: no row has „%s” in the column „%s”, which holds %s; write the value as the file does, e.g. --where „%s=%s”"),
                   c->imp->display, f->value, (char *) g_ptr_array_index (c->imp->column_names, f->column),
                   found->str, (char *) g_ptr_array_index (c->imp->column_names, f->column),
                   (char *) g_ptr_array_index (f->near, 0));
      return FALSE;
    }
  return TRUE;
}
