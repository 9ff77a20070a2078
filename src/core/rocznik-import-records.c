/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-records.c — per-call records, counted by topic, year and month
 *
 * A hash table on the raw topic bytes: memory grows with the distinct
 * topics, never with rows, and names are converted to UTF-8 once per topic.
 * The fast lane (rocznik-import-scan.c) counts the rows after the first
 * ones straight from the file.
 */

#include "config.h"

#include "rocznik-import-scan.h"
#include "rocznik-import-state.h"

/* Records: a hash on the topic bytes */

static inline guint64
load64_any (const char *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return v;
}

/* Two multiply chains side by side, 16 bytes a step: a topic of 50 bytes
 * costs 3 steps of latency, not 7. Every byte counts, so a hostile file
 * cannot make many topics collide on purpose more easily than by chance. */
static inline guint64
hash_bytes (const char *p,
            gsize       n,
            guint64     seed)
{
  guint64 a = seed ^ (n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  guint64 b = a ^ G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
  guint64 h;

  if (n >= 16)
    {
      const char *last = p + n - 16;

      for (; p < last; p += 16)
        {
          a = (a ^ load64_any (p)) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
          b = (b ^ load64_any (p + 8)) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
        }
      a ^= load64_any (last);        /* the tail, overlapping: no variable-length copy */
      b ^= load64_any (last + 8);
    }
  else if (n >= 8)
    {
      a ^= load64_any (p);
      b ^= load64_any (p + n - 8);
    }
  else
    for (gsize i = 0; i < n; i++)
      a ^= (guint64) (guchar) p[i] << (8 * i);
  h = a * G_GUINT64_CONSTANT (0xff51afd7ed558ccd) ^ b * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return h ^ (h >> 32);
}

void
rocznik_record_table_grow (RecordTable *t)
{
  gsize size = t->size ? t->size * 2 : 256;
  RecordEntry *slots = g_new0 (RecordEntry, size);

  for (gsize i = 0; i < t->size; i++)
    if (t->slots[i].bytes)
      {
        gsize j = t->slots[i].hash & (size - 1);

        while (slots[j].bytes)
          j = (j + 1) & (size - 1);
        slots[j] = t->slots[i];
      }
  g_free (t->slots);
  t->slots = slots;
  t->size = size;
}

void
rocznik_record_table_clear (RecordTable *t)
{
  for (gsize i = 0; i < t->size; i++)
    g_free (t->slots[i].bytes);
  g_clear_pointer (&t->slots, g_free);
  t->size = t->used = 0;
}

/* A topic (or year) not seen yet: rare, so kept out of the loop. */
G_NO_INLINE static RecordEntry *
records_insert (RecordTable *t,
                guint64      h,
                const char  *bytes,
                guint        len,
                int          year,
                int          month,
                guint64      line)
{
  gsize i;

  if ((t->used + 1) * 2 > t->size)
    rocznik_record_table_grow (t);
  for (i = h & (t->size - 1); t->slots[i].bytes; i = (i + 1) & (t->size - 1))
    ;
  t->slots[i].hash = h;
  t->slots[i].bytes = g_strndup (bytes, len);
  t->slots[i].len = len;
  t->slots[i].year = year;
  t->slots[i].line = line;
  t->slots[i].months[month - 1] = 1;
  t->used++;
  return &t->slots[i];
}

G_ALWAYS_INLINE static inline RecordEntry *
records_add (RecordTable *t,
             const char  *bytes,
             guint        len,
             int          year,
             int          month,
             guint64      line)
{
  guint64 h = hash_bytes (bytes, len, (guint64) year);

  for (gsize i = h & (t->size - 1); t->slots[i].bytes; i = (i + 1) & (t->size - 1))
    {
      RecordEntry *e = &t->slots[i];

      if (e->hash == h && e->len == len && e->year == year && memcmp (e->bytes, bytes, len) == 0)
        {
          e->months[month - 1]++;
          return e;
        }
    }
  return records_insert (t, h, bytes, len, year, month, line);
}

RecordEntry *
rocznik_record_table_add (RecordTable *t,
                          const char  *bytes,
                          guint        len,
                          int          year,
                          int          month,
                          guint64      line)
{
  return records_add (t, bytes, len, year, month, line);
}

/* One call on the general path: its topic × month, and what else the
 * row tells (rocznik-import-calls.c). */
gboolean
rocznik_import_handle_record (Ctx     *c,
                              GArray  *cells,
                              GError **error)
{
  const RocznikCell *dc = cell_at (cells, c->date_col);
  const RocznikCell *tc = cell_at (cells, c->topic_col);
  const char *topic = tc->data;
  guint len = tc->len;
  RocznikWhen when;
  gboolean ampm;
  DateResult r = rocznik_import_parse_when (dc->data, dc->len, dc->flags, c->month_first, &when, &ampm);
  int weekday, hour;
  gint64 duration;
  RecordEntry *entry;

  if (G_UNLIKELY (r != DATE_OK))
    {
      g_autofree char *text = NULL;

      if (rocznik_import_row_is_blank (cells))
        return TRUE;
      text = rocznik_import_cell_text (c, dc, c->date_col, error);
      if (text == NULL)
        return FALSE;
      if (r == DATE_IMPOSSIBLE)
        rocznik_import_fail_at (c, c->date_col, error, _("„%s” is not a date that exists (no such day, month or hour)"), text);
      else
        rocznik_import_fail_at (c, c->date_col, error, _("„%s” is not a date (expected e.g. 2018-03-14 or 14.03.2018)"), text);
      return FALSE;
    }
  trim (&topic, &len);
  if (G_UNLIKELY (len == 0))
    {
      rocznik_import_skip_row (c, _("a call without a topic"));
      return TRUE;
    }
  if (G_UNLIKELY (c->opt->year && when.year != c->opt->year))
    {
      g_hash_table_add (c->other_years, GINT_TO_POINTER (when.year));
      rocznik_import_skip_row (c, _("a call outside %d"), c->opt->year);
      return TRUE;
    }
  if (!rocznik_import_record_extras (c, cells, &when, dc, &weekday, &hour, &duration, error))
    return FALSE;
  entry = records_add (&c->records, topic, len, when.year, when.month, c->src->line);
  if (c->call_years)
    {
      const RocznikCell *channel = c->channel_col >= 0 ? cell_at (cells, c->channel_col) : NULL;

      rocznik_import_collect_calls (c, entry, when.year, weekday, hour, channel ? channel->data : NULL,
                                    channel ? channel->len : 0, duration, c->src->line);
    }
  c->imp->n_rows++;
  return TRUE;
}

/* Per-call records, fast lane: rocznik-import-scan.c reads the rest of
 * the file itself and merges what it counted here; rows it cannot judge go
 * through rocznik_import_handle_row() in file order, so results and
 * messages stay the same. ROCZNIK_IMPORT_GENERAL=1 turns it off (tests
 * compare both ways). */

/* Counts for one key of @t (topics or channels), merged as if its rows had
 * come one by one: a new key takes its first line and its place in the
 * order keys were first seen. */
void
rocznik_import_records_merge (Ctx          *c,
                              RecordTable  *t,
                              const char   *bytes,
                              guint         len,
                              int           year,
                              const gint64 *months,
                              gint64        duration_calls,
                              gint64        duration_seconds,
                              guint64       line)
{
  guint64 h = hash_bytes (bytes, len, (guint64) year);
  int first = 0;
  gboolean inserted = FALSE;

  while (first < 11 && months[first] == 0)
    first++;
  for (;;)
    {
      for (gsize i = h & (t->size - 1); t->slots[i].bytes; i = (i + 1) & (t->size - 1))
        {
          RecordEntry *e = &t->slots[i];

          if (e->hash == h && e->len == len && e->year == year && memcmp (e->bytes, bytes, len) == 0)
            {
              for (int m = 0; m < 12; m++)
                e->months[m] += months[m];
              e->duration_calls += duration_calls;
              e->duration_seconds += duration_seconds;
              if (inserted)
                e->months[first]--;   /* counted once by records_insert() */
              return;
            }
        }
      records_insert (t, h, bytes, len, year, first + 1, line);
      inserted = TRUE;
    }
}

gboolean
rocznik_import_records_fast_lane (Ctx     *c,
                                  GError **error)
{
  const char *data;
  gsize len;
  guint64 line;

  if (g_strcmp0 (g_getenv ("ROCZNIK_IMPORT_GENERAL"), "1") == 0)
    return TRUE;
  if (!rocznik_delimited_source_peek (c->src, &data, &len, &line, error))
    return FALSE;
  /* every row was in the head (or one is left without a line break) */
  if (len == 0)
    return TRUE;
  switch (rocznik_import_scan_records (c, line, error))
    {
    case ROCZNIK_SCAN_DONE:
      rocznik_delimited_source_skip_rest (c->src);
      return TRUE;
    case ROCZNIK_SCAN_DECLINED:
      return TRUE;
    case ROCZNIK_SCAN_FAILED:
    default:
      return FALSE;
    }
}

int
rocznik_import_compare_count_desc (gconstpointer a,
                    gconstpointer b)
{
  const RocznikTopic *ta = *(RocznikTopic **) a, *tb = *(RocznikTopic **) b;

  return (ta->count < tb->count) - (ta->count > tb->count);
}

/* Distinct topics → UTF-8 names, merged by key. */
gboolean
rocznik_import_records_finish (Ctx     *c,
                GError **error)
{
  RecordTable *t = &c->records;

  for (gsize i = 0; i < t->size; i++)
    {
      RecordEntry *e = &t->slots[i];
      g_autofree char *name = NULL;

      if (e->bytes == NULL)
        continue;
      c->src->line = e->line;
      name = rocznik_import_bytes_to_utf8 (c, e->bytes, e->len, c->topic_col, error);
      if (name == NULL)
        return FALSE;
      for (int m = 0; m < 12; m++)
        if (e->months[m] && !rocznik_import_add_count (c, e->year, name, m + 1, e->months[m], c->topic_col, error))
          return FALSE;
      if (e->duration_calls > 0)
        {
          c->last_topic->has_duration = TRUE;
          c->last_topic->duration_calls += e->duration_calls;
          c->last_topic->duration_seconds += e->duration_seconds;
        }
    }
  if (!rocznik_import_calls_finish (c, error))
    return FALSE;
  for (guint i = 0; i < c->imp->years->len; i++)
    {
      RocznikYear *year = g_ptr_array_index (c->imp->years, i);
      g_ptr_array_sort (year->topics, rocznik_import_compare_count_desc);
    }
  return TRUE;
}
