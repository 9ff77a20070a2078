/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-table.c — the topic table of a year, with shares and changes */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-table.h"

static RocznikRow *
row_new (RocznikRowKind kind,
         const char    *name,
         const char    *key,
         gint64         count)
{
  RocznikRow *row = g_new0 (RocznikRow, 1);

  row->kind = kind;
  row->name = g_strdup (name);
  row->key = g_strdup (key);
  row->count = count;
  return row;
}

static void
row_free (RocznikRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->key);
  g_free (row);
}

static void
row_set_other (RocznikRow *row,
               int         other_year,
               gint64      other_count)
{
  row->other_year = other_year;
  row->other_count = other_count;
  row->change = row->count - other_count;
  row->has_change_percent = other_count > 0;
  if (row->has_change_percent)
    row->change_percent = 100.0 * (double) row->change / (double) other_count;
}

const RocznikYear *
rocznik_years_find (GPtrArray *years,
                    int        year)
{
  g_return_val_if_fail (years != NULL, NULL);

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);
      if (y->year == year)
        return y;
    }
  return NULL;
}

/* The latest year (before @before, unless it is 0) that has topic counts. */
const RocznikYear *
rocznik_years_latest_with_topics (GPtrArray *years,
                                  int        before)
{
  const RocznikYear *best = NULL;

  g_return_val_if_fail (years != NULL, NULL);

  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);

      if (y->topics->len == 0 || (before && y->year >= before))
        continue;
      if (best == NULL || y->year > best->year)
        best = y;
    }
  return best;
}

/* The year to show when none is asked for: the latest with topics, what a
 * user most likely means; else the latest year; 0 for an empty workspace. */
int
rocznik_years_default (GPtrArray *years)
{
  const RocznikYear *y;
  int latest = 0;

  g_return_val_if_fail (years != NULL, 0);

  y = rocznik_years_latest_with_topics (years, 0);
  if (y)
    return y->year;
  for (guint i = 0; i < years->len; i++)
    latest = MAX (latest, ((const RocznikYear *) g_ptr_array_index (years, i))->year);
  return latest;
}

static int
year_desc (gconstpointer a,
           gconstpointer b)
{
  int x = (*(const RocznikYear **) a)->year, y = (*(const RocznikYear **) b)->year;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Topic key → the topic in the latest year before @y that counted it (its
 * year in *@years_out), for @y's topics: the earlier years from the latest
 * back, each topic's first in a year, until every topic is found, so a table
 * costs its topics' number (times the years only for topics no year has). */
static GHashTable *
previous_topics (GPtrArray         *years,
                 const RocznikYear *y,
                 GHashTable        *years_out)
{
  GHashTable *found = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();

  for (guint k = 0; k < y->topics->len; k++)
    g_hash_table_add (wanted, ((RocznikTopic *) g_ptr_array_index (y->topics, k))->key);
  for (guint i = 0; i < years->len; i++)
    if (((RocznikYear *) g_ptr_array_index (years, i))->year < y->year)
      g_ptr_array_add (earlier, g_ptr_array_index (years, i));
  /* stable: of two entries for one year, the first counts, as before */
  g_ptr_array_sort (earlier, year_desc);
  for (guint i = 0; i < earlier->len && g_hash_table_size (found) < g_hash_table_size (wanted); i++)
    {
      const RocznikYear *e = g_ptr_array_index (earlier, i);

      for (guint k = 0; k < e->topics->len; k++)
        {
          RocznikTopic *t = g_ptr_array_index (e->topics, k);

          if (!g_hash_table_contains (wanted, t->key) || g_hash_table_contains (found, t->key))
            continue;
          g_hash_table_insert (found, t->key, t);
          g_hash_table_insert (years_out, t->key, GINT_TO_POINTER (e->year));
        }
    }
  return found;
}

/* Like with like: the totals are compared only over the same topics; else
 * a row of the shared topics or of the declared totals says what is. */
static void
add_comparison (RocznikTable      *table,
                const RocznikYear *y,
                const RocznikYear *other)
{
  RocznikComparison *c = rocznik_comparison_new (y, other);

  table->comparison = c;
  switch (c->basis)
    {
    case ROCZNIK_COMPARISON_TOPICS:
      row_set_other (table->total, c->other_year, c->other_count);
      break;
    case ROCZNIK_COMPARISON_COMMON:
      table->common = row_new (ROCZNIK_ROW_COMMON, _("Topics in both years"), NULL, c->count);
      table->common->share = table->sum > 0 ? 100.0 * (double) c->count / (double) table->sum : 0;
      row_set_other (table->common, c->other_year, c->other_count);
      break;
    case ROCZNIK_COMPARISON_DECLARED:
      table->declared = row_new (ROCZNIK_ROW_DECLARED, _("Declared total"), NULL, c->count);
      table->declared->more_than = c->more_than;
      row_set_other (table->declared, c->other_year, c->other_count);
      break;
    case ROCZNIK_COMPARISON_NONE:
    default:
      break;
    }
}

/* @years: every year of the workspace (rocznik_workspace_load_all()).
 * @compare_year: 0 compares each topic with the previous year that has it. */
RocznikTable *
rocznik_table_new (GPtrArray *years,
                   int        year,
                   int        compare_year,
                   GError   **error)
{
  const RocznikYear *y, *other = NULL;
  RocznikTable *table;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) prev_years = NULL;
  gint64 remainder;

  g_return_val_if_fail (years != NULL, NULL);

  y = rocznik_years_find (years, year);
  if (y == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), year);
      return NULL;
    }
  if (compare_year != 0)
    {
      other = rocznik_years_find (years, compare_year);
      if (other == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                       _("The year %d is not in the workspace"), compare_year);
          return NULL;
        }
    }

  table = g_new0 (RocznikTable, 1);
  table->year = year;
  table->compare_year = compare_year;
  table->sum = rocznik_year_topic_sum (y);
  table->declared_total = y->declared_total;
  table->declared_more_than = y->declared_more_than;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  if (other)
    by_key = rocznik_year_index_topics (other);
  else
    {
      prev_years = g_hash_table_new (g_str_hash, g_str_equal);
      by_key = previous_topics (years, y, prev_years);
    }
  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (y->topics, i);
      RocznikRow *row = row_new (ROCZNIK_ROW_TOPIC, t->name, t->key, t->count);
      const RocznikTopic *ot = g_hash_table_lookup (by_key, t->key);

      row->share = table->sum > 0 ? 100.0 * (double) t->count / (double) table->sum : 0;
      if (ot)
        row_set_other (row, other ? other->year
                                  : GPOINTER_TO_INT (g_hash_table_lookup (prev_years, t->key)),
                       ot->count);
      g_ptr_array_add (table->rows, row);
    }

  if (rocznik_year_get_remainder (y, &remainder))
    {
      table->remainder = row_new (ROCZNIK_ROW_REMAINDER, _("Calls without a topic"), NULL, remainder);
      table->remainder->more_than = y->declared_more_than;
    }

  table->total = row_new (ROCZNIK_ROW_TOTAL, _("Total"), NULL, table->sum);
  table->total->share = table->sum > 0 ? 100.0 : 0;
  if (other)
    add_comparison (table, y, other);

  rocznik_table_sort (table, ROCZNIK_COLUMN_COUNT, TRUE);
  return table;
}

void
rocznik_table_free (RocznikTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  row_free (table->remainder);
  row_free (table->total);
  row_free (table->common);
  row_free (table->declared);
  rocznik_comparison_free (table->comparison);
  g_free (table);
}

static int
cmp_int (gint64 a,
         gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
cmp_double (double a,
            double b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Ascending order of one column; rows without a figure sort first.
 * Ties fall back to the Polish alphabetical order of the names. */
int
rocznik_row_compare (const RocznikRow *a,
                     const RocznikRow *b,
                     RocznikColumn     column)
{
  int r = 0;

  switch (column)
    {
    case ROCZNIK_COLUMN_NAME:
      break;
    case ROCZNIK_COLUMN_COUNT:
    case ROCZNIK_COLUMN_SHARE:
      r = cmp_int (a->count, b->count);
      break;
    case ROCZNIK_COLUMN_OTHER:
      r = cmp_int (a->other_year != 0, b->other_year != 0);
      if (r == 0)
        r = cmp_int (a->other_count, b->other_count);
      break;
    case ROCZNIK_COLUMN_CHANGE:
      r = cmp_int (a->other_year != 0, b->other_year != 0);
      if (r == 0)
        r = cmp_int (a->change, b->change);
      break;
    case ROCZNIK_COLUMN_CHANGE_PERCENT:
      r = cmp_int (a->has_change_percent, b->has_change_percent);
      if (r == 0)
        r = cmp_double (a->change_percent, b->change_percent);
      break;
    default:
      g_return_val_if_reached (0);
    }
  if (r == 0)
    r = rocznik_collate (a->name, b->name);
  return r;
}

typedef struct
{
  RocznikColumn column;
  gboolean descending;
} SortSpec;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const SortSpec *spec = data;
  int r = rocznik_row_compare (*(RocznikRow **) a, *(RocznikRow **) b, spec->column);

  return spec->descending ? -r : r;
}

void
rocznik_table_sort (RocznikTable *table,
                    RocznikColumn column,
                    gboolean      descending)
{
  SortSpec spec = { column, descending };

  g_return_if_fail (table != NULL);

  g_ptr_array_sort_with_data (table->rows, compare_rows, &spec);
}

/* The keys of the @n largest topics, largest first (ties by name): what a
 * comparison shows when nobody chose topics. NULL-terminated. */
GStrv
rocznik_table_top_keys (const RocznikTable *table,
                        guint               n)
{
  g_autoptr(GPtrArray) rows = NULL;
  SortSpec spec = { ROCZNIK_COLUMN_COUNT, TRUE };
  GStrvBuilder *builder;
  GStrv keys;

  g_return_val_if_fail (table != NULL, NULL);

  /* A view of the rows, not an owner: the table frees them. */
  rows = g_ptr_array_sized_new (table->rows->len);
  for (guint i = 0; i < table->rows->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (table->rows, i));
  g_ptr_array_sort_with_data (rows, compare_rows, &spec);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < rows->len && i < n; i++)
    g_strv_builder_add (builder, ((RocznikRow *) g_ptr_array_index (rows, i))->key);
  keys = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return keys;
}

/* A spreadsheet cell: no thousands separator (it would make the number
 * text), an ASCII minus and the decimal comma a Polish spreadsheet reads. */
static void
append_tsv_percent (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (buf, sizeof buf, "%.1f", value);
  dot = strchr (buf, '.');
  if (dot)
    *dot = ',';
  g_string_append_printf (out, "\t%s%%", buf);
}

static void
append_tsv_name (GString    *out,
                 const char *name)
{
  g_autofree char *plain = rocznik_collapse_spaces (name ? name : "");

  /* A tab or a line break inside a name would split the cell. */
  for (const char *p = plain; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/* @rows: rows of one table, in the order to copy; @compare_year: the year
 * of the comparison columns, 0 for none. A header line comes first. */
char *
rocznik_rows_to_tsv (const RocznikRow *const *rows,
                     guint                    n_rows,
                     int                      compare_year)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  g_string_append_printf (out, "%s\t%s\t%s", _("Topic"), _("Calls"), _("Share"));
  if (compare_year != 0)
    {
      g_autofree char *other = g_strdup_printf (_("Calls in %d"), compare_year);
      g_string_append_printf (out, "\t%s\t%s\t%s", other, _("Change"), _("Change (%)"));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_rows; i++)
    {
      const RocznikRow *row = rows[i];

      append_tsv_name (out, row->name);
      g_string_append_printf (out, "\t%" G_GINT64_FORMAT, row->count);
      if (row->kind == ROCZNIK_ROW_REMAINDER || row->kind == ROCZNIK_ROW_DECLARED)
        g_string_append_c (out, '\t');
      else
        append_tsv_percent (out, row->share);
      if (compare_year != 0)
        {
          if (row->other_year != 0)
            g_string_append_printf (out, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT,
                                    row->other_count, row->change);
          else
            g_string_append (out, "\t\t");
          if (row->other_year != 0 && row->has_change_percent)
            append_tsv_percent (out, row->change_percent);
          else
            g_string_append_c (out, '\t');
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* What the comparison's figures are (NULL when the same topics are
 * compared, or there is no comparison year), in the user's language. */
char *
rocznik_table_get_note (const RocznikTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->comparison ? rocznik_comparison_note (table->comparison) : NULL;
}

/* The year in one line, in the user's language: the declared total and
 * what its topics add up to. A year with only a total says it has no topic
 * counts, not "0 in 0 topics". */
char *
rocznik_table_get_summary (const RocznikTable *table)
{
  g_autofree char *sum = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *declared = NULL;
  guint n;

  g_return_val_if_fail (table != NULL, NULL);

  n = table->rows->len;
  if (table->declared_total != ROCZNIK_NO_TOTAL)
    declared = rocznik_format_short (table->declared_total, table->declared_more_than);
  if (n == 0)
    {
      if (declared)
        /* Translators: a year known only by its total, "2017: ponad 574 tys. calls declared; no topic counts" */
        return g_strdup_printf (_("%d: %s calls declared; no topic counts"), table->year, declared);
      /* Translators: a year with neither topics nor a total */
      return g_strdup_printf (_("%d: no topic counts and no declared total"), table->year);
    }
  sum = rocznik_format_count (table->sum);
  topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", n), n);
  if (declared)
    /* Translators: "2018: ponad 586 tys. calls declared, 388 468 in 17 topics" */
    return g_strdup_printf (_("%d: %s calls declared, %s in %s"), table->year, declared, sum, topics);
  /* Translators: "2019: 388 468 calls in 17 topics" */
  return g_strdup_printf (_("%d: %s calls in %s"), table->year, sum, topics);
}

/* Every topic in the table's order, then the remainder, the total and the
 * row the comparison is made on when it is not the total. */
char *
rocznik_table_to_tsv (const RocznikTable *table)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (table != NULL, NULL);

  rows = g_ptr_array_new ();
  for (guint i = 0; i < table->rows->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (table->rows, i));
  if (table->remainder)
    g_ptr_array_add (rows, table->remainder);
  g_ptr_array_add (rows, table->total);
  if (table->common)
    g_ptr_array_add (rows, table->common);
  if (table->declared)
    g_ptr_array_add (rows, table->declared);
  return rocznik_rows_to_tsv ((const RocznikRow *const *) rows->pdata, rows->len, table->compare_year);
}

/* A row's count as every view writes it: the remainder of a total given as
 * "ponad …" is a lower bound, "ponad 197 532", in the table, the chart's
 * note and the report alike. */
char *
rocznik_row_format_count (const RocznikRow *row)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  count = rocznik_format_count (row->count);
  if (row->kind == ROCZNIK_ROW_REMAINDER && row->more_than)
    return g_strconcat ("ponad ", count, NULL);
  return g_steal_pointer (&count);
}
