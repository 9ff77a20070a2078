/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-rows.c — rows of counts: a topic and its count, or one column per year
 *
 * Each row adds to its year's topic; a total row is kept to check the sum
 * against; --where conditions decide which rows count at all.
 */

#include "config.h"

#include "rocznik-import-state.h"

/* Years and topics */

static RocznikYear *
get_year (Ctx *c,
          int  number)
{
  RocznikYear *year = g_hash_table_lookup (c->year_map, GINT_TO_POINTER (number));

  if (year == NULL)
    {
      year = rocznik_year_new (number);
      g_ptr_array_add (c->imp->years, year);
      g_hash_table_insert (c->year_map, GINT_TO_POINTER (number), year);
    }
  return year;
}

gboolean
rocznik_import_add_count (Ctx        *c,
           int         number,
           const char *name,
           int         month,
           gint64      count,
           int         column,
           GError    **error)
{
  RocznikYear *year;
  RocznikTopic *topic;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *clean = NULL;
  GError *local = NULL;

  /* one cleaning for every importer (rocznik-year.c) */
  clean = rocznik_topic_name_clean (name, &local);
  if (clean == NULL)
    {
      rocznik_import_fail_at (c, column, error, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  name = clean;
  key = rocznik_topic_key (name);
  id = g_strdup_printf ("%d\x1f%s", number, key);

  if ((number < 1900 || number > 2999) && !(number == 0 && c->year_unknown))
    {
      rocznik_import_fail_at (c, column, error, _("%d is not a year Rocznik can store"), number);
      return FALSE;
    }
  year = get_year (c, number);
  topic = g_hash_table_lookup (c->topics, id);
  if (topic && month == 0)
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (c->lines, id));

      if (number == 0)
        rocznik_import_fail_at (c, column, error, _("the topic „%s” is listed twice (first on line %u)"), name, first);
      else
        rocznik_import_fail_at (c, column, error, _("the topic „%s” is listed twice for %d (first on line %u)"),
                 name, number, first);
      return FALSE;
    }
  if (topic == NULL)
    {
      topic = rocznik_year_add_topic (year, name, 0);
      g_hash_table_insert (c->lines, g_strdup (id), GUINT_TO_POINTER ((guint) c->src->line));
      g_hash_table_insert (c->topics, g_steal_pointer (&id), topic);
    }
  if (topic->count > ROCZNIK_MAX_COUNT - count)
    {
      rocznik_import_fail_at (c, column, error, _("the counts of „%s” add up to more than 2⁵³"), name);
      return FALSE;
    }
  topic->count += count;
  c->last_topic = topic;
  if (month > 0)
    {
      topic->has_months = TRUE;
      topic->months[month - 1] += count;
    }
  return TRUE;
}

static void
note_total (Ctx    *c,
            int     year,
            gint64  total)
{
  TotalRow *row = g_new (TotalRow, 1);

  row->total = total;
  row->line = c->src->line;
  g_hash_table_replace (c->totals, GINT_TO_POINTER (year), row);
}

/* Row handlers */

static gboolean
handle_long (Ctx     *c,
             GArray  *cells,
             GError **error)
{
  const RocznikCell *tc = cell_at (cells, c->topic_col);
  const RocznikCell *cc = cell_at (cells, c->count_col);
  g_autofree char *topic = NULL;
  gint64 count = 0;
  int year = c->file_year, month = 0;
  RocznikCountResult r;

  if (rocznik_import_row_is_blank (cells))
    return TRUE;
  topic = rocznik_import_cell_text (c, tc, c->topic_col, error);
  if (topic == NULL)
    return FALSE;
  r = rocznik_import_cell_count (c, cc, c->count_col, &count, error);
  if (r != ROCZNIK_COUNT_OK && r != ROCZNIK_COUNT_EMPTY)
    return FALSE;

  if (c->year_col >= 0)
    {
      g_autofree char *text = rocznik_import_cell_text (c, cell_at (cells, c->year_col), c->year_col, error);

      if (text == NULL)
        return FALSE;
      if (!rocznik_import_parse_int (text, strlen (text), 4, 4, &year) || year < 1900 || year > 2999)
        {
          if (text[0] == '\0' && topic[0] == '\0')
            return TRUE;
          rocznik_import_fail_at (c, c->year_col, error, _("„%s” is not a year"), text);
          return FALSE;
        }
    }
  if (c->month_col >= 0)
    {
      g_autofree char *text = rocznik_import_cell_text (c, cell_at (cells, c->month_col), c->month_col, error);
      int from_date = 0;

      if (text == NULL)
        return FALSE;
      if (!rocznik_import_parse_month (text, &month, &from_date))
        {
          rocznik_import_fail_at (c, c->month_col, error, _("„%s” is not a month"), text);
          return FALSE;
        }
      if (from_date && c->year_col < 0 && c->opt->year == 0)
        year = from_date;
    }

  if (rocznik_import_is_total_name (topic) || (cc->flags & ROCZNIK_CELL_SUM))
    {
      if (r == ROCZNIK_COUNT_OK && month == 0)
        note_total (c, year, count);
      return TRUE;
    }
  if (topic[0] == '\0')
    {
      rocznik_import_skip_row (c, _("a number without a topic"));
      return TRUE;
    }
  if (r == ROCZNIK_COUNT_EMPTY)
    {
      rocznik_import_skip_row (c, _("„%s” has no number of calls"), topic);
      return TRUE;
    }
  c->imp->n_rows++;
  return rocznik_import_add_count (c, year, topic, month, count, c->topic_col, error);
}

static gboolean
handle_wide (Ctx     *c,
             GArray  *cells,
             GError **error)
{
  g_autofree char *topic = NULL;
  gboolean total;
  gboolean any = FALSE;

  if (rocznik_import_row_is_blank (cells))
    return TRUE;
  topic = rocznik_import_cell_text (c, cell_at (cells, c->topic_col), c->topic_col, error);
  if (topic == NULL)
    return FALSE;
  total = rocznik_import_is_total_name (topic);
  for (guint col = 0; col < c->col_years->len; col++)
    {
      int year = g_array_index (c->col_years, int, col);
      const RocznikCell *cc;
      gint64 count;
      RocznikCountResult r;

      if (year == 0)
        continue;
      cc = cell_at (cells, col);
      r = rocznik_import_cell_count (c, cc, col, &count, error);
      if (r == ROCZNIK_COUNT_EMPTY)
        continue;
      if (r != ROCZNIK_COUNT_OK)
        return FALSE;
      any = TRUE;
      if (total || (cc->flags & ROCZNIK_CELL_SUM))
        {
          note_total (c, year, count);
          continue;
        }
      if (topic[0] == '\0')
        {
          rocznik_import_skip_row (c, _("a number without a topic"));
          return TRUE;
        }
      if (!rocznik_import_add_count (c, year, topic, 0, count, col, error))
        return FALSE;
    }
  if (!any && !total)
    rocznik_import_skip_row (c, _("„%s” has no number of calls"), topic);
  else if (!total)
    c->imp->n_rows++;
  return TRUE;
}

/* The rows after the head */

gboolean
rocznik_import_handle_row (Ctx     *c,
            GArray  *cells,
            GError **error)
{
  if (G_UNLIKELY (c->filters->len > 0) && !rocznik_import_row_passes (c, cells, error))
    {
      if (error && *error)
        return FALSE;
      if (!rocznik_import_row_is_blank (cells))
        c->imp->n_filtered++;
      return TRUE;
    }
  switch (c->imp->shape)
    {
    case ROCZNIK_IMPORT_SHAPE_RECORDS: return rocznik_import_handle_record (c, cells, error);
    case ROCZNIK_IMPORT_SHAPE_WIDE: return handle_wide (c, cells, error);
    default: return handle_long (c, cells, error);
    }
}

gboolean
rocznik_import_check_totals (Ctx     *c,
              GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, c->totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TotalRow *row = value;
      RocznikYear *year = g_hash_table_lookup (c->year_map, key);
      gint64 sum;

      if (year == NULL)
        continue;
      sum = rocznik_year_topic_sum (year);
      year->declared_total = row->total;
      year->declared_more_than = FALSE;
      if (sum != row->total)
        {
          g_autofree char *a = rocznik_format_count (row->total);
          g_autofree char *b = rocznik_format_count (sum);
          g_autofree char *where = NULL;

          c->src->line = row->line;
          where = c->src->where (c->src, -1);
          g_ptr_array_add (c->imp->warnings,
                           g_strdup_printf (_("%s: the total row says %s calls for %d, but the topics add up to %s"),
                                            where, a, year->year, b));
        }
    }
  return TRUE;
}
