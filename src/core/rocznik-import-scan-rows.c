/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-scan-rows.c — the rows in a buffer, found and counted
 *
 * Quotes, delimiters and line breaks 64 bytes at a time as bit masks;
 * quoted regions by a prefix XOR of the quote bits; a quote that does not
 * open or close a field the way RFC 4180 writes it marks its row as one
 * for the general path. A row that is sure is counted into the part's
 * tables the way rocznik_import_handle_record() and
 * rocznik_import_collect_calls() count it.
 */

#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rocznik-import-scan-private.h"

typedef struct
{
  guint64 q, d, n;
} Masks;

/* Helpers: dates */

static inline guint64
load64 (const char *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

/* The @len bytes at @p (1 to 7) as one number, unique for that length:
 * two overlapping reads, or the first, middle and last byte. */
static inline guint64
load_short (const char *p,
            guint       len)
{
  guint32 a, b;

  if (len < 4)
    return (guint64) (guchar) p[0] | (guint64) (guchar) p[len / 2] << 8 | (guint64) (guchar) p[len - 1] << 16;
  memcpy (&a, p, 4);
  memcpy (&b, p + len - 4, 4);
  return (guint64) a | (guint64) b << 32;
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

/* The digits of @v that @mask selects (checked to be digits), the others
 * 0: byte k becomes 10 × digit k + digit k + 1, each below 100, so no
 * byte carries into the next. */
static inline guint64
pairs (guint64 v,
       guint64 mask)
{
  guint64 x = (v & mask) - (G_GUINT64_CONSTANT (0x3030303030303030) & mask);

  return x * 10 + (x >> 8);
}

/* 2018-03-14 or 14.03.2018, then " HH:MM" or " HH:MM:SS" (or 'T'); any
 * other way of writing a date goes to parse_date(). Reads up to 19 bytes
 * past @p (the buffer's slack covers a short field). */
static inline gboolean
date_fast (const char *p,
           guint       len,
           gboolean    month_first,
           int        *year,
           int        *month,
           int        *day,
           int        *hour)
{
  int y, m, d;
  guint64 v;

  if (len < 10 || (guint) (guchar) p[8] - '0' > 9 || (guint) (guchar) p[9] - '0' > 9)
    return FALSE;
  v = load64 (p);
  if ((p[4] == '-' || p[4] == '/' || p[4] == '.') && p[7] == p[4]
      && digits_in (v, G_GUINT64_CONSTANT (0x00FFFF00FFFFFFFF)))           /* YYYY-MM-DD */
    {
      guint64 x = pairs (v, G_GUINT64_CONSTANT (0x00FFFF00FFFFFFFF));

      y = (int) (x & 0xFF) * 100 + (int) ((x >> 16) & 0xFF);
      m = (int) ((x >> 40) & 0xFF);
      d = two_digits (p + 8);
    }
  else if ((p[2] == '.' || p[2] == '-' || (p[2] == '/' && !month_first)) && p[5] == p[2]
           && digits_in (v, G_GUINT64_CONSTANT (0xFFFF00FFFF00FFFF)))      /* DD.MM.YYYY */
    {
      guint64 x = pairs (v, G_GUINT64_CONSTANT (0xFFFF00FFFF00FFFF));

      d = (int) (x & 0xFF);
      m = (int) ((x >> 24) & 0xFF);
      y = (int) ((x >> 48) & 0xFF) * 100 + two_digits (p + 8);
    }
  else
    return FALSE;
  /* anything odd (29 February, a day past the month's end): parse_date() */
  if ((guint) (m - 1) > 11 || (guint) (d - 1) > 27 || (guint) (y - 1900) > 1099)
    {
      if ((guint) (m - 1) > 11 || d < 1 || (guint) (y - 1900) > 1099 || d > days_in_month (y, m))
        return FALSE;
    }
  /* XOR with "00:00:00" leaves digits as 0–9 and colons as 0; adding 0x7F
   * minus each byte's limit (2 9 0 5 9 0 5 9) sets a high bit where one is
   * over. */
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
  *day = d;
  *hour = len > 10 ? two_digits (p + 11) : -1;
  return TRUE;
}

/* Helpers: masks */

#ifdef __SSE2__
static inline guint64
movemask4 (Bytes16 a,
           Bytes16 b,
           Bytes16 c,
           Bytes16 d)
{
  return (guint64) (guint) _mm_movemask_epi8 ((__m128i) a)
         | (guint64) (guint) _mm_movemask_epi8 ((__m128i) b) << 16
         | (guint64) (guint) _mm_movemask_epi8 ((__m128i) c) << 32
         | (guint64) (guint) _mm_movemask_epi8 ((__m128i) d) << 48;
}
#endif

typedef struct
{
  Bytes16 x[4];
} Block;

/* A bit for each of the 64 bytes equal to @c[0]. */
static inline guint64
block_eq (const Block *b,
          Bytes16      c)
{
#ifdef __SSE2__
  return movemask4 (b->x[0] == c, b->x[1] == c, b->x[2] == c, b->x[3] == c);
#else
  const signed char *p = (const signed char *) b->x;
  guint64 m = 0;

  for (int i = 0; i < 64; i++)
    m |= (guint64) (p[i] == c[0]) << i;
  return m;
#endif
}

/* Quotes, delimiters and line breaks in the 64 bytes at @p, a bit each;
 * *nul collects NUL bytes. */
static inline void
block_masks (const Scan *s,
             const char *p,
             Masks      *m,
             Bytes16    *nul)
{
  Block b;

  memcpy (b.x, p, sizeof b.x);
  m->q = block_eq (&b, s->v_quote);
  m->d = block_eq (&b, s->v_delimiter);
  m->n = block_eq (&b, s->v_newline);
  *nul |= (b.x[0] == s->v_zero) | (b.x[1] == s->v_zero) | (b.x[2] == s->v_zero) | (b.x[3] == s->v_zero);
}

static inline guint64
block_cr (const Scan *s,
          const char *p)
{
  Block b;

  memcpy (b.x, p, sizeof b.x);
  return block_eq (&b, s->v_cr);
}

/* Bit i: an odd number of quotes at or before byte i (inside quotes). */
static inline guint64
prefix_xor (guint64 x)
{
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

static gboolean
any_byte (Bytes16 v)
{
  guint64 lo, hi;

  memcpy (&lo, &v, 8);
  memcpy (&hi, (char *) &v + 8, 8);
  return (lo | hi) != 0;
}

/* Helpers: rows the way the general path reads them */

/* Helpers: rows the way the general path reads them */

/* Where the row at @p ends as rocznik-import-delimited.c cuts it (a quote
 * opens a field only as its first byte; "" inside is a quote): 1 and
 * *row_end at its '\n' (or @end at the end of the file), 0 when the row
 * goes on past @end, -1 for a quote never closed. */
int
rocznik_import_scan_row_end (const char  *p,
               const char  *end,
               gboolean     eof,
               char         delimiter,
               const char **row_end,
               guint64     *inner)
{
  *inner = 0;
  for (;;)
    {
      if (p < end && *p == '"')
        {
          for (p++;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                return eof ? -1 : 0;
              for (const char *n = p; (n = memchr (n, '\n', q - n)) != NULL; n++)
                (*inner)++;
              if (q + 1 == end && !eof)
                return 0;
              p = q + 1;
              if (p < end && *p == '"')
                {
                  p++;
                  continue;
                }
              break;
            }
        }
      while (p < end && *p != delimiter && *p != '\n')
        p++;
      if (p == end && !eof)
        return 0;
      if (p == end || *p == '\n')
        {
          *row_end = p;
          return 1;
        }
      p++;
    }
}


/* Helpers: a part's table */

static inline guint64
scan_hash (const char *p,
           gsize       n,
           int         year)
{
  guint64 h = (guint64) (guint) year * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ n;
  const char *end = p + n;

  if (n >= 8)
    {
      for (; p + 8 < end; p += 8)
        {
          h = (h ^ load64 (p)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
          h ^= h >> 31;
        }
      h ^= load64 (end - 8);   /* the tail, overlapping */
    }
  else
    for (gsize i = 0; i < n; i++)
      h ^= (guint64) (guchar) p[i] << (8 * i);
  h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return h ^ (h >> 29);
}

G_NO_INLINE static Entry *
table_insert (Table      *t,
              guint64     h,
              const char *bytes,
              guint       len,
              int         year,
              int         month,
              guint64     line)
{
  Entry e = { .hash = h, .name = t->names->len, .len = len, .year = year, .line = line };
  gsize mask;

  if ((t->entries->len + 1) * 2 > t->index_size)
    {
      gsize size = t->index_size * 2;
      guint32 *index = g_new0 (guint32, size);

      for (guint i = 0; i < t->entries->len; i++)
        {
          gsize j = g_array_index (t->entries, Entry, i).hash & (size - 1);

          while (index[j])
            j = (j + 1) & (size - 1);
          index[j] = i + 1;
        }
      g_free (t->index);
      t->index = index;
      t->index_size = size;
    }
  mask = t->index_size - 1;
  g_string_append_len (t->names, bytes, len);
  e.months[month - 1] = 1;
  g_array_append_val (t->entries, e);
  for (gsize i = h & mask;; i = (i + 1) & mask)
    if (t->index[i] == 0)
      {
        t->index[i] = t->entries->len;
        return &g_array_index (t->entries, Entry, t->entries->len - 1);
      }
}

/* memcmp() inline: a topic is a few words long. */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            guint       len)
{
  if (len >= 8)
    {
      guint64 x = (load64 (a) ^ load64 (b)) | (load64 (a + len - 8) ^ load64 (b + len - 8));

      for (guint i = 8; i + 8 < len; i += 8)
        x |= load64 (a + i) ^ load64 (b + i);
      return x == 0;
    }
  return len == 0 || load_short (a, len) == load_short (b, len);
}

/* Where in Table.recent a key may be: its first and last 8 bytes, its
 * length and year, mixed. Two keys may share a place; then the hash finds
 * them. */
static inline guint
recent_slot (const char *p,
             guint       len,
             int         year)
{
  guint64 v;

  if (G_LIKELY (len >= 8))
    v = load64 (p) ^ (load64 (p + len - 8) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  else
    v = len > 0 ? load_short (p, len) : 0;
  v ^= (guint64) len << 40 ^ (guint64) (guint) year << 48;
  return (guint) ((v * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9)) >> (64 - SCAN_RECENT_BITS));
}

G_ALWAYS_INLINE static inline Entry *
table_add (Table      *t,
           const char *bytes,
           guint       len,
           int         year,
           int         month,
           guint64     line)
{
  guint slot = recent_slot (bytes, len, year);
  Entry *entries = (Entry *) (void *) t->entries->data;
  guint64 h;
  gsize mask;

  if (G_LIKELY (t->recent[slot] != 0))
    {
      Entry *e = &entries[t->recent[slot] - 1];

      if (e->len == len && e->year == year && same_bytes (t->names->str + e->name, bytes, len))
        {
          e->months[month - 1]++;
          return e;
        }
    }
  h = scan_hash (bytes, len, year);
  mask = t->index_size - 1;
  for (gsize i = h & mask; t->index[i]; i = (i + 1) & mask)
    {
      Entry *e = &entries[t->index[i] - 1];

      if (e->hash == h && e->len == len && e->year == year && same_bytes (t->names->str + e->name, bytes, len))
        {
          e->months[month - 1]++;
          t->recent[slot] = t->index[i];
          return e;
        }
    }
  t->recent[slot] = t->entries->len + 1;
  return table_insert (t, h, bytes, len, year, month, line);
}

void
rocznik_import_scan_table_init (Table *t)
{
  t->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  t->index_size = 256;
  t->index = g_new0 (guint32, t->index_size);
  t->names = g_string_new (NULL);
  memset (t->recent, 0, sizeof t->recent);
}

void
rocznik_import_scan_table_clear (Table *t)
{
  g_array_unref (t->entries);
  g_free (t->index);
  g_string_free (t->names, TRUE);
}

static inline PartYear *
part_year (Part *p,
           int   year)
{
  PartYear *years = (PartYear *) (void *) p->years->data;
  PartYear fresh = { .year = year };

  for (guint i = 0; i < p->years->len; i++)
    if (years[i].year == year)
      return &years[i];
  g_array_append_val (p->years, fresh);
  return &g_array_index (p->years, PartYear, p->years->len - 1);
}

/* A row for the general path: FALSE when there are too many to keep. */
G_NO_INLINE gboolean
rocznik_import_scan_hand (Part       *p,
           const char *row,
           const char *end,
           guint64     line)
{
  Handed h = { line, p->handed_bytes->len, end - row };

  if (p->handed->len >= MAX_HANDED_ROWS || p->handed_bytes->len + h.len > MAX_HANDED_BYTES)
    return FALSE;
  g_string_append_len (p->handed_bytes, row, h.len);
  g_array_append_val (p->handed, h);
  return TRUE;
}

/* A field's text: a '\r' ending the row and the quotes around it dropped
 * (the masks made sure a quoted field ends in its closing quote). */
static inline void
field_text (const char **start,
            const char **end,
            const char  *eol,
            gboolean     may_escape,
            gboolean    *escaped)
{
  const char *a = *start, *b = *end;

  if (b == eol && b > a && b[-1] == '\r')
    b--;
  *escaped = FALSE;
  if (b - a >= 2 && *a == '"')
    {
      a++;
      b--;
      *escaped = may_escape && memchr (a, '"', b - a) != NULL;
    }
  *start = a;
  *end = b;
}

static const char *
unescape (GString    *out,
          const char *p,
          const char *end)
{
  g_string_truncate (out, 0);
  while (p < end)
    {
      const char *q = memchr (p, '"', end - p);

      if (q == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, q + 1 - p);
      p = q + 2;   /* "" */
    }
  return out->str;
}

/* The cells of a row the scanner looks at: [start[i], end[i]) for i < need. */
typedef struct
{
  const char *start[MAX_LANE_COLUMNS];
  const char *end[MAX_LANE_COLUMNS];
} Cells;

/* A cell's text: quotes dropped, "" undone into @buf. FALSE: hand the row on. */
static inline gboolean
cell_text (const Cells *cells,
           int          col,
           const char  *eol,
           gboolean     may_escape,
           GString     *buf,
           const char **text,
           guint       *len)
{
  const char *a = cells->start[col], *b = cells->end[col];
  gboolean escaped;

  field_text (&a, &b, eol, may_escape, &escaped);
  if (G_UNLIKELY (escaped))
    {
      if (buf == NULL)
        return FALSE;
      a = unescape (buf, a, b);
      b = a + buf->len;
    }
  *text = a;
  *len = b - a;
  return TRUE;
}

/* rocznik_import_weekday() by the weekday of the month's 1st. */
static inline int
weekday_of (Part *p,
            int   year,
            int   month,
            int   day)
{
  static const guint8 mod7[12 + 31] = {
    0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0,
    1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0,
  };

  if (G_UNLIKELY (year != p->weekday_year))
    {
      for (int m = 1; m <= 12; m++)
        p->weekday_first[m - 1] = (guint8) rocznik_import_weekday (year, m, 1);
      p->weekday_year = year;
    }
  return mod7[p->weekday_first[month - 1] + day - 1];
}

/* "mm:ss" and "hh:mm:ss" as rocznik_import_parse_duration() reads them;
 * anything else goes to it. */
static inline DurationResult
duration_fast (const char *p,
               guint       len,
               gboolean    fraction,
               gint64     *seconds)
{
  if (len == 5 && p[2] == ':' && digits (p, 2) && digits (p + 3, 2) && two_digits (p + 3) < 60)
    {
      *seconds = two_digits (p) * 60 + two_digits (p + 3);
      return DURATION_OK;
    }
  if (len == 8 && p[2] == ':' && p[5] == ':' && digits (p, 2) && digits (p + 3, 2) && digits (p + 6, 2)
      && two_digits (p + 3) < 60 && two_digits (p + 6) < 60)
    {
      *seconds = (two_digits (p) * 60 + two_digits (p + 3)) * 60 + two_digits (p + 6);
      return DURATION_OK;
    }
  return rocznik_import_parse_duration (p, len, 0, fraction, seconds);
}

/* What rocznik_import_record_extras() reads from a row, read the same way:
 * FALSE when a cell is for the general path to judge (and maybe refuse). */
static inline gboolean
row_extras (Part        *p,
            const Scan  *s,
            const Cells *cells,
            const char  *eol,
            gboolean     may_escape,
            int          day,
            int          hour,
            int         *clock,
            gint64      *duration,
            const char **channel,
            guint       *channel_len)
{
  const char *text;
  guint len;

  *clock = -1;
  *duration = -1;
  if (s->time_col >= 0)
    {
      const char *t;
      guint n;
      int secs;

      if (!cell_text (cells, s->time_col, eol, may_escape, NULL, &text, &len))
        return FALSE;
      t = text;
      n = len;
      trim (&t, &n);   /* a blank cell: no time of day */
      if (n > 0 && rocznik_import_parse_clock (text, len, 0, clock, &secs) != DATE_OK)
        return FALSE;
    }
  else if (s->date_time)
    *clock = hour;
  if (*clock >= 0 && day <= 0)
    *clock = -1;
  if (s->duration_col >= 0)
    {
      if (!cell_text (cells, s->duration_col, eol, may_escape, NULL, &text, &len))
        return FALSE;
      switch (duration_fast (text, len, s->duration_fraction, duration))
        {
        case DURATION_OK:
          break;
        case DURATION_EMPTY:
          *duration = -1;
          break;
        case DURATION_BAD:
        default:
          return FALSE;
        }
    }
  if (s->channel_col >= 0)
    {
      if (!cell_text (cells, s->channel_col, eol, may_escape, p->tmp2, channel, channel_len))
        return FALSE;
      trim (channel, channel_len);
    }
  return TRUE;
}

/* One row, [row, eol), cut into @cols cells: counted here, or handed on. */
static inline gboolean
row_done (Part        *p,
          const Scan  *s,
          const char  *row,
          const char  *eol,
          int          cols,
          const Cells *cells,
          gboolean     may_escape,
          guint64      line)
{
  const char *date, *topic = NULL, *channel = NULL;
  guint date_len, len = 0, channel_len = 0;
  int year, month, day, hour, clock;
  gint64 duration;
  PartYear *py;
  Entry *e;

  if (G_UNLIKELY (cols < s->need))
    return rocznik_import_scan_hand (p, row, eol, line);
  if (!cell_text (cells, s->date_col, eol, may_escape, NULL, &date, &date_len)
      || !date_fast (date, date_len, s->month_first, &year, &month, &day, &hour))
    return rocznik_import_scan_hand (p, row, eol, line);
  cell_text (cells, s->topic_col, eol, may_escape, p->tmp, &topic, &len);
  if (G_UNLIKELY (len == 0 || (guchar) topic[0] <= ' ' || (guchar) topic[len - 1] <= ' '))
    {
      trim (&topic, &len);
      if (len == 0)
        return rocznik_import_scan_hand (p, row, eol, line);
    }
  if (G_UNLIKELY (s->year && year != s->year)
      || !row_extras (p, s, cells, eol, may_escape, day, hour, &clock, &duration, &channel, &channel_len))
    return rocznik_import_scan_hand (p, row, eol, line);
  /* as rocznik_import_collect_calls() counts one call */
  e = table_add (&p->topics, topic, len, year, month, line);
  py = p->years->len == 1 && ((PartYear *) (void *) p->years->data)->year == year
       ? (PartYear *) (void *) p->years->data : part_year (p, year);
  if (clock >= 0)
    {
      py->hours[weekday_of (p, year, month, day)][clock]++;
      py->timed++;
    }
  else
    py->untimed++;
  if (s->channel_col >= 0)
    {
      if (channel_len == 0)
        py->no_channel++;
      else if (table_add (&p->channels, channel, channel_len, year, 1, line)->months[0] == 1
               && p->channels.entries->len >= 1000)
        return FALSE;   /* the general path counts channels past its limit */
    }
  if (duration >= 0)
    {
      e->duration_calls++;
      e->duration_seconds += duration;
    }
  p->rows++;
  return TRUE;
}

/* Helpers: the scan */

/* The quote state carried from one block to the next. */
typedef struct
{
  guint64 in_quotes, after_field, after_close, after_cr;
} Quoting;

/* What a block holds: delimiters and line breaks outside quotes, quotes
 * not written the RFC 4180 way, line breaks inside quotes and "" escapes,
 * a bit each. */
typedef struct
{
  Masks m;
  guint64 structural, bad, quoted_nl, escapes;
} BlockEvents;

/* The block at @base (short at @end), against the state @q carries in and
 * out; *nul collects NUL bytes. */
G_ALWAYS_INLINE static inline void
block_events (const Scan  *s,
              const char  *base,
              const char  *end,
              Quoting     *q,
              BlockEvents *ev,
              Bytes16     *nul)
{
  guint64 valid = end - base >= 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (end - base)) - 1;
  Masks *m = &ev->m;

  ev->bad = ev->quoted_nl = ev->escapes = 0;
  if (G_LIKELY (valid == ~G_GUINT64_CONSTANT (0)))
    block_masks (s, base, m, nul);
  else
    {
      Bytes16 ignored = { 0 };

      block_masks (s, base, m, &ignored);
      if (memchr (base, '\0', end - base))
        (*nul)[0] = -1;
    }
  m->q &= valid;
  m->d &= valid;
  m->n &= valid;
  if (G_LIKELY ((m->q | q->in_quotes | q->after_close | q->after_cr) == 0))
    ev->structural = m->d | m->n;
  else
    {
      /* a quote opens a field only as its first byte or as the second
       * of "", a closing one is followed by a delimiter, a line break
       * or "\r\n": else the row is "bad" and read the general way */
      guint64 inside = prefix_xor (m->q) ^ (0 - q->in_quotes);
      guint64 open = m->q & inside, close = m->q & ~inside;
      guint64 cr = block_cr (s, base) & valid;
      guint64 past_close, cr_after_close, past_cr;

      ev->structural = (m->d | m->n) & ~inside;
      past_close = (close << 1) | q->after_close;
      cr_after_close = past_close & cr;
      past_cr = (cr_after_close << 1) | q->after_cr;
      ev->bad = open & ~((ev->structural << 1) | q->after_field | past_close);
      ev->bad |= past_close & ~(m->d | m->n | m->q | cr);
      ev->bad |= past_cr & ~m->n;
      ev->bad &= valid;
      ev->quoted_nl = m->n & inside;
      ev->escapes = open & past_close;
      q->in_quotes = inside >> 63;
      q->after_close = close >> 63;
      q->after_cr = cr_after_close >> 63;
    }
  q->after_field = ev->structural >> 63;
}

/* Every row that ends in [start, end): returns where the first row not yet
 * whole starts; *decline when the scanner cannot go on. */
const char *
rocznik_import_scan_rows (Part       *p,
           const char *start,
           const char *end,
           gboolean   *decline)
{
  const Scan *s = p->scan;
  const char *base = start, *row = start, *field = start;
  Cells cells;
  Quoting q = { .after_field = 1 };
  guint64 row_line = p->newlines, row_extra = 0;   /* line breaks inside quotes, earlier blocks */
  gboolean row_escapes = FALSE;                    /* a "" in an earlier block of the row */
  Bytes16 nul = { 0 };
  int col = 0;

  while (base < end)
    {
      guint64 events;
      BlockEvents ev;

      block_events (s, base, end, &q, &ev, &nul);
      events = ev.bad ? ev.structural & ((ev.bad & (0 - ev.bad)) - 1) : ev.structural;
      while (events)
        {
          int e = __builtin_ctzll (events);
          const char *at = base + e;

          events &= events - 1;
          if (col < MAX_LANE_COLUMNS)
            {
              cells.start[col] = field;
              cells.end[col] = at;
            }
          col++;
          field = at + 1;
          if ((ev.m.n >> e) & 1)
            {
              guint64 upto = (G_GUINT64_CONSTANT (2) << e) - 1;
              gboolean may_escape = row_escapes || (ev.escapes & upto) != 0;

              if (G_UNLIKELY (ev.quoted_nl & upto))
                {
                  row_extra += __builtin_popcountll (ev.quoted_nl & upto);
                  ev.quoted_nl &= ~upto;
                }
              ev.escapes &= ~upto;
              if (G_UNLIKELY (!row_done (p, s, row, at, col, &cells, may_escape, row_line)))
                {
                  *decline = TRUE;
                  return row;
                }
              row = field;
              col = 0;
              row_line += 1 + row_extra;
              row_extra = 0;
              row_escapes = FALSE;
            }
        }
      if (G_UNLIKELY (ev.bad))
        {
          const char *row_end;
          guint64 inner;

          if (rocznik_import_scan_row_end (row, end, FALSE, s->delimiter, &row_end, &inner) == 0)
            break;
          if (!rocznik_import_scan_hand (p, row, row_end, row_line))
            {
              *decline = TRUE;
              return row;
            }
          row_line += inner + 1;   /* inner counts the whole row */
          row_extra = 0;
          row_escapes = FALSE;
          base = field = row = row_end + 1;
          col = 0;
          q = (Quoting) { .after_field = 1 };
          continue;
        }
      if (G_UNLIKELY (ev.quoted_nl))
        row_extra += __builtin_popcountll (ev.quoted_nl);
      row_escapes |= ev.escapes != 0;
      base += 64;
    }
  if (any_byte (nul))
    *decline = TRUE;   /* the general path says where */
  p->newlines = row_line;
  return row;
}

