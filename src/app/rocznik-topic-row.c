/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-row.c — one row of the topic table, as a GObject for list models
 *
 * A thin wrapper: the figures come from the core's RocznikRow and every text
 * a cell shows is formatted once, here, by the core's Polish formatter, when
 * first shown (a table of thousands of topics shows a few dozen at a time).
 */

#include "config.h"

#include <string.h>

#include "rocznik-format.h"
#include "rocznik-topic-row.h"

#define N_COLUMNS (ROCZNIK_COLUMN_CHANGE_PERCENT + 1)

struct _RocznikTopicRow
{
  GObject     parent_instance;

  RocznikRow  row;
  int         year;
  char       *folded;              /* for search, NULL until the first */
  gboolean    formatted;
  char       *texts[N_COLUMNS];    /* formatted when first shown */
};

G_DEFINE_FINAL_TYPE (RocznikTopicRow, rocznik_topic_row, G_TYPE_OBJECT)

/* "—" where there is nothing to compare: an empty cell would read as zero. */
#define NO_FIGURE "—"

static void
format_texts (RocznikTopicRow *self)
{
  const RocznikRow *r = &self->row;

  self->formatted = TRUE;
  self->texts[ROCZNIK_COLUMN_NAME] = g_strdup (r->name);
  self->texts[ROCZNIK_COLUMN_COUNT] = rocznik_row_format_count (r);
  if (r->kind == ROCZNIK_ROW_REMAINDER || r->kind == ROCZNIK_ROW_DECLARED)
    self->texts[ROCZNIK_COLUMN_SHARE] = g_strdup (NO_FIGURE);
  else
    self->texts[ROCZNIK_COLUMN_SHARE] = rocznik_format_percent (r->share, 1);

  if (r->other_year != 0)
    {
      self->texts[ROCZNIK_COLUMN_OTHER] = rocznik_format_count (r->other_count);
      self->texts[ROCZNIK_COLUMN_CHANGE] = rocznik_format_signed_count (r->change);
    }
  else
    {
      self->texts[ROCZNIK_COLUMN_OTHER] = g_strdup (NO_FIGURE);
      self->texts[ROCZNIK_COLUMN_CHANGE] = g_strdup (NO_FIGURE);
    }
  if (r->other_year != 0 && r->has_change_percent)
    self->texts[ROCZNIK_COLUMN_CHANGE_PERCENT] = rocznik_format_signed_percent (r->change_percent, 1);
  else
    self->texts[ROCZNIK_COLUMN_CHANGE_PERCENT] = g_strdup (NO_FIGURE);
}

static void
rocznik_topic_row_finalize (GObject *object)
{
  RocznikTopicRow *self = ROCZNIK_TOPIC_ROW (object);

  g_free (self->row.name);
  g_free (self->row.key);
  g_free (self->folded);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (rocznik_topic_row_parent_class)->finalize (object);
}

static void
rocznik_topic_row_class_init (RocznikTopicRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rocznik_topic_row_finalize;
}

static void
rocznik_topic_row_init (RocznikTopicRow *self)
{
}

/* @year: the year the row belongs to, for edits. */
RocznikTopicRow *
rocznik_topic_row_new (const RocznikRow *row,
                       int               year)
{
  RocznikTopicRow *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (ROCZNIK_TYPE_TOPIC_ROW, NULL);
  self->row = *row;
  self->row.name = g_strdup (row->name);
  self->row.key = g_strdup (row->key);
  self->year = year;
  return self;
}

const RocznikRow *
rocznik_topic_row_get_row (RocznikTopicRow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), NULL);
  return &self->row;
}

RocznikRowKind
rocznik_topic_row_get_kind (RocznikTopicRow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), ROCZNIK_ROW_TOPIC);
  return self->row.kind;
}

const char *
rocznik_topic_row_get_name (RocznikTopicRow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), NULL);
  return self->row.name;
}

/* NULL for the remainder and the total. */
const char *
rocznik_topic_row_get_key (RocznikTopicRow *self)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), NULL);
  return self->row.key;
}

const char *
rocznik_topic_row_get_text (RocznikTopicRow *self,
                            RocznikColumn    column)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), NULL);
  g_return_val_if_fail ((guint) column < N_COLUMNS, NULL);
  if (!self->formatted)
    format_texts (self);
  return self->texts[column];
}

/* @folded_query: rocznik_search_fold() of what the user typed. */
gboolean
rocznik_topic_row_matches (RocznikTopicRow *self,
                           const char      *folded_query)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (self), FALSE);
  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  if (self->folded == NULL)
    self->folded = rocznik_search_fold (self->row.name ? self->row.name : "");
  return strstr (self->folded, folded_query) != NULL;
}

int
rocznik_topic_row_compare (RocznikTopicRow *a,
                           RocznikTopicRow *b,
                           RocznikColumn    column)
{
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (a), 0);
  g_return_val_if_fail (ROCZNIK_IS_TOPIC_ROW (b), 0);
  return rocznik_row_compare (&a->row, &b->row, column);
}
