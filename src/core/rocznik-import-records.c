/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-records.c — per-call records, counted by topic, year and month
 *
 * A hash table on the raw topic bytes: memory grows with the distinct
 * topics, never with rows, and names are converted to UTF-8 once per topic.
 * The fast lane counts plain rows straight from the read buffer.
 */

#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Per-call records, fast lane: rows of plain cells with the date written
 * the common ways are counted straight from the read buffer. Any other row
 * (quotes, another date style, blank, skipped or wrong) goes to the general
 * path, one row at a time, so results and messages stay the same. */

static inline guint64
load64 (const char *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

/* The bytes of @v that @mask selects are all ASCII digits. A carry out of
 * an unselected byte can only turn a yes into a no (then parse_date()
 * decides), never a no into a yes. */
static inline gboolean
digits_in (guint64 v,
           guint64 mask)
{
  const guint64 f0 = G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0);
  const guint64 six = G_GUINT64_CONSTANT (0x0606060606060606);
  const guint64 threes = G_GUINT64_CONSTANT (0x3333333333333333);

  return ((((v & f0) | (((v + six) & f0) >> 4)) ^ threes) & mask) == 0;
}

static inline gboolean
date_fast (const char *p,
           guint       len,
           gboolean    month_first,
           int        *year,
           int        *month)
{
  int y, m, d;
  guint64 v;

  if (len < 10 || (guint) (guchar) p[8] - '0' > 9 || (guint) (guchar) p[9] - '0' > 9)
    return FALSE;
  v = load64 (p);
  if ((p[4] == '-' || p[4] == '/' || p[4] == '.') && p[7] == p[4]
      && digits_in (v, G_GUINT64_CONSTANT (0x00FFFF00FFFFFFFF)))           /* YYYY-MM-DD */
    {
      y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + two_digits (p + 2);
      m = two_digits (p + 5);
      d = two_digits (p + 8);
    }
  else if ((p[2] == '.' || p[2] == '-' || (p[2] == '/' && !month_first)) && p[5] == p[2]
           && digits_in (v, G_GUINT64_CONSTANT (0xFFFF00FFFF00FFFF)))      /* DD.MM.YYYY */
    {
      d = two_digits (p);
      m = two_digits (p + 3);
      y = (p[6] - '0') * 1000 + (p[7] - '0') * 100 + two_digits (p + 8);
    }
  else
    return FALSE;
  /* anything odd (29 February, a day past the month's end): parse_date() */
  if ((guint) (m - 1) > 11 || (guint) (d - 1) > 27 || (guint) (y - 1900) > 1099)
    {
      if ((guint) (m - 1) > 11 || d < 1 || (guint) (y - 1900) > 1099 || d > days_in_month (y, m))
        return FALSE;
    }
  /* " HH:MM" or " HH:MM:SS" may follow, checked 8 bytes at once (the
   * buffer's slack covers a load past a short field): XOR with "00:00:00"
   * leaves digits as 0–9 and colons as 0; adding 0x7F minus each byte's
   * limit (2 9 0 5 9 0 5 9) sets a high bit where one is over. Any other
   * time goes to parse_date(). */
  if (len > 10)
    {
      const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
      guint64 keep = len == 19 ? G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFFFF) : G_GUINT64_CONSTANT (0xFFFFFFFFFF);
      guint64 x = (load64 (p + 11) ^ G_GUINT64_CONSTANT (0x30303A30303A3030)) & keep;

      if ((len != 16 && len != 19) || (p[10] != ' ' && p[10] != 'T') ||
          ((x | (x + G_GUINT64_CONSTANT (0x767A7F767A7F767D))) & high & keep) != 0 ||
          ((x & 0xFF) == 2 && ((x >> 8) & 0xFF) > 3))
        return FALSE;
    }
  *year = y;
  *month = m;
  return TRUE;
}

/* 16 bytes compared at once (GCC and Clang vector extensions, any target):
 * no call per cell, and each byte of a row is looked at once. */
typedef signed char Bytes16 __attribute__ ((vector_size (16)));

/* The first byte in [p, …) equal to @a or @b; reads up to 15 bytes past
 * it, so the caller knows one of them comes within reach. */
static inline const char *
find_either (const char *p,
             Bytes16     a,
             Bytes16     b)
{
  for (;; p += 16)
    {
      Bytes16 x, hit;

      memcpy (&x, p, 16);
      hit = (x == a) | (x == b);
#ifdef __SSE2__
      {
        /* one instruction for a bit per byte */
        guint mask = (guint) _mm_movemask_epi8 ((__m128i) hit);

        if (mask)
          return p + __builtin_ctz (mask);
      }
#else
      {
        guint64 lo, hi;

        memcpy (&lo, &hit, 8);
        memcpy (&hi, (const char *) &hit + 8, 8);
        if ((lo | hi) == 0)
          continue;
# if G_BYTE_ORDER == G_LITTLE_ENDIAN
        return p + (lo ? __builtin_ctzll (lo) : 64 + __builtin_ctzll (hi)) / 8;
# else
        return p + (lo ? __builtin_clzll (lo) : 64 + __builtin_clzll (hi)) / 8;
# endif
      }
#endif
    }
}

/* One row from @p, which ends in a '\n' before the buffer does: TRUE when
 * counted here, and *next is the row after it. */
/* What every row of the lane asks, read once (the compiler cannot keep
 * fields of *c in registers across records_add()'s stores). */
typedef struct
{
  Bytes16  delimiter, newline, quote;
  int      need, date_col, topic_col, year;
  gboolean month_first;
} Lane;

static inline gboolean
record_fast (Ctx         *c,
             const Lane  *lane,
             const char  *p,
             guint64      line,
             const char **next)
{
  const char *date = NULL, *topic = NULL, *cut = p;
  guint date_len = 0, topic_len = 0;
  int year, month;

  for (int col = 0; col < lane->need; col++)
    {
      const char *end;

      if (G_UNLIKELY (*p == '"'))
        return FALSE;
      end = cut = find_either (p, lane->delimiter, lane->newline);
      if (*cut == '\n')
        {
          if (col + 1 < lane->need)
            return FALSE;   /* fewer cells than needed */
          if (end > p && end[-1] == '\r')
            end--;
        }
      if (col == lane->date_col)
        date = p, date_len = end - p;
      if (col == lane->topic_col)
        topic = p, topic_len = end - p;
      p = cut + 1;
    }
  if (!date_fast (date, date_len, lane->month_first, &year, &month))
    return FALSE;
  /* a space, a control character or nothing at either end: trimmed below */
  if (G_UNLIKELY (topic_len == 0 || (guchar) topic[0] <= ' ' || (guchar) topic[topic_len - 1] <= ' '))
    {
      trim (&topic, &topic_len);
      if (topic_len == 0)
        return FALSE;
    }
  if (G_UNLIKELY (lane->year && year != lane->year))
    return FALSE;
  if (*cut != '\n')
    {
      /* the rest of the row: a quote there may hide a line break */
      cut = find_either (cut, lane->newline, lane->quote);
      if (G_UNLIKELY (*cut == '"'))
        return FALSE;
    }
  records_add (&c->records, topic, topic_len, year, month, line);
  c->imp->n_rows++;
  *next = cut + 1;
  return TRUE;
}

/* Until the last row without a line break, which the general loop reads. */
gboolean
rocznik_import_records_fast_lane (Ctx     *c,
                   GError **error)
{
  RocznikRowSource *src = c->src;
  Lane lane = {
    .need = (int) src->max_cells, .date_col = c->date_col, .topic_col = c->topic_col,
    .year = c->opt->year, .month_first = c->month_first,
  };

  memset (&lane.delimiter, c->imp->delimiter, sizeof lane.delimiter);
  memset (&lane.newline, '\n', sizeof lane.newline);
  memset (&lane.quote, '"', sizeof lane.quote);

  for (;;)
    {
      const char *data, *p, *end;
      gsize len;
      guint64 line, rows = 0;

      if (!rocznik_delimited_source_peek (src, &data, &len, &line, error))
        return FALSE;
      if (len == 0)
        return TRUE;
      for (p = data, end = data + len; p < end; rows++)
        if (!record_fast (c, &lane, p, line + rows, &p))
          break;
      rocznik_delimited_source_consume (src, p - data, rows);
      if (p < end)
        {
          /* a row for the general path; next() sets an error if it fails */
          if (!src->next (src, error) || !rocznik_import_handle_row (c, src->cells, error))
            return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
        return FALSE;
      if (c->progress && src->bytes_total)
        c->progress ((double) src->bytes_done / (double) src->bytes_total, c->user_data);
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
