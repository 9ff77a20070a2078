/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-scan.c — per-call records counted at memory speed
 *
 * Reads the rest of a delimited file itself (large reads; UTF-16 turned
 * into UTF-8 a buffer at a time), finds quotes, delimiters and line breaks
 * 64 bytes at a time as bit masks, and tells quoted regions by a prefix XOR
 * of the quote bits. Rows that are plain or properly quoted are counted in
 * a table per part; any other row (a quote inside an unquoted field, too
 * few cells, a date or topic the general path must judge) is kept and
 * handed to the general path, in file order, when the tables are merged.
 * With two cores the file is cut in two at a line break; the first part
 * checks that the cut was not inside quotes, else it reads on alone.
 * Whatever the scanner cannot judge (a NUL byte, broken UTF-16, a quote
 * never closed, a very long row, many rows for the general path) declines
 * before anything is counted, and the general path reads the file.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rocznik-import-scan.h"

#define SCAN_READ (2 * 1024 * 1024)
#define SCAN_SLACK 128
#define SCAN_SPLIT_MIN (1024 * 1024)    /* smaller: one part */
#define MAX_HANDED_ROWS 200000
#define MAX_HANDED_BYTES (16 * 1024 * 1024)

typedef signed char Bytes16 __attribute__ ((vector_size (16)));

typedef struct
{
  int                 fd;
  guint64             size;
  char                delimiter;
  char                utf16;          /* 0, 'L' or 'B' */
  int                 need, date_col, topic_col, year;
  int                 time_col, channel_col, duration_col;   /* -1: none */
  gboolean            month_first, date_time, duration_fraction;
  Bytes16             v_quote, v_delimiter, v_newline, v_cr, v_zero;
  GCancellable       *cancellable;
  gint                stop;           /* atomic: the second part is not wanted */
  RocznikProgressFunc progress;
  gpointer            user_data;
} Scan;

typedef struct
{
  guint64 hash;
  gsize   name;       /* offset in Part.names */
  guint   len;
  int     year;
  guint64 line;       /* line breaks before the row, from the part's start */
  gint64  months[12];  /* a channel's calls in months[0] */
  gint64  duration_calls, duration_seconds;
} Entry;

/* Keys in the order first seen: topics, or channels. */
typedef struct
{
  GArray  *entries;   /* Entry */
  guint32 *index;     /* entry + 1, open addressing */
  gsize    index_size;
  GString *names;
} Table;

/* What rocznik_import_collect_calls() keeps per year. */
typedef struct
{
  int    year;
  gint64 hours[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];
  gint64 timed, untimed, no_channel;
} PartYear;

typedef struct
{
  guint64 line;
  gsize   off;
  gsize   len;
} Handed;

typedef enum
{
  PART_OK,
  PART_DECLINED,
  PART_CANCELLED,
} PartStatus;

typedef struct
{
  Scan      *scan;
  gboolean   first;
  guint64    from, to;        /* raw offsets */
  gboolean   extended;        /* the cut was inside quotes: read on to the end */
  PartStatus status;
  Table      topics, channels;
  GArray    *years;           /* PartYear */
  GArray    *handed;          /* Handed, in file order */
  GString   *handed_bytes;
  GString   *tmp, *tmp2;      /* a topic, a channel with doubled quotes, unescaped */
  int        weekday_year;    /* the year weekday_first[] is for, 0: none */
  guint8     weekday_first[12];   /* of each month's 1st, 0 = Monday */
  guint64    rows;
  guint64    newlines;        /* line breaks before the row being read */
  char      *buf;
  gsize      cap;
  guchar    *raw;             /* UTF-16: bytes read, not turned into UTF-8 yet */
  gsize      raw_len;
} Part;

typedef struct
{
  guint64 q, d, n;
} Masks;

G_LOCK_DEFINE_STATIC (last);
static RocznikScanStats last;

/* Helpers: dates */

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

/* Where the row at @p ends as rocznik-import-delimited.c cuts it (a quote
 * opens a field only as its first byte; "" inside is a quote): 1 and
 * *row_end at its '\n' (or @end at the end of the file), 0 when the row
 * goes on past @end, -1 for a quote never closed. */
static int
exact_row_end (const char  *p,
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

static inline void
add_cell (GArray     *cells,
          const char *data,
          gsize       len)
{
  RocznikCell cell = { data, (guint) len, 0 };

  g_array_append_val (cells, cell);
}

/* A whole row [p, end) into cells as the delimited reader gives them: cut
 * in place when no field starts with a quote (only @max cells then), else
 * unescaped into @scratch. */
static void
split_row (const char *p,
           const char *end,
           char        delimiter,
           guint       max,
           GString    *scratch,
           GArray     *cells)
{
  const char *eol = end > p && end[-1] == '\r' ? end - 1 : end;
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_array_set_size (cells, 0);
  for (const char *q = p;;)
    {
      const char *d;

      if (q < eol && *q == '"')
        break;
      d = memchr (q, delimiter, eol - q);
      if (d == NULL)
        {
          add_cell (cells, q, eol - q);
          g_array_unref (offsets);
          return;
        }
      add_cell (cells, q, d - q);
      if (max && cells->len == max && memchr (d + 1, '"', eol - (d + 1)) == NULL)
        {
          g_array_unref (offsets);
          return;
        }
      if (max && cells->len == max)
        break;
      q = d + 1;
    }
  /* quoted: the reader's split_quoted(), on a row known to be whole */
  g_array_set_size (cells, 0);
  g_string_truncate (scratch, 0);
  for (;;)
    {
      gsize from = scratch->len, to;
      gboolean quoted = FALSE;

      if (p < end && *p == '"')
        {
          quoted = TRUE;
          for (p++;;)
            {
              const char *q = memchr (p, '"', end - p);

              g_string_append_len (scratch, p, q - p);
              p = q + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (scratch, '"');
                  p++;
                  continue;
                }
              break;
            }
        }
      while (p < end && *p != delimiter)
        g_string_append_c (scratch, *p++);
      to = scratch->len;
      if (p == end && to > from && scratch->str[to - 1] == '\r')
        to--;
      (void) quoted;
      g_array_append_val (offsets, from);
      g_array_append_val (offsets, to);
      if (p == end)
        break;
      p++;
    }
  for (guint i = 0; i + 1 < offsets->len; i += 2)
    {
      gsize from = g_array_index (offsets, gsize, i), to = g_array_index (offsets, gsize, i + 1);

      add_cell (cells, scratch->str + from, to - from);
    }
  g_array_unref (offsets);
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
      for (guint i = 0; i + 8 <= len; i += 8)
        if (load64 (a + i) != load64 (b + i))
          return FALSE;
      return load64 (a + len - 8) == load64 (b + len - 8);
    }
  for (guint i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

G_ALWAYS_INLINE static inline Entry *
table_add (Table      *t,
           const char *bytes,
           guint       len,
           int         year,
           int         month,
           guint64     line)
{
  guint64 h = scan_hash (bytes, len, year);
  gsize mask = t->index_size - 1;
  Entry *entries = (Entry *) (void *) t->entries->data;

  for (gsize i = h & mask; t->index[i]; i = (i + 1) & mask)
    {
      Entry *e = &entries[t->index[i] - 1];

      if (e->hash == h && e->len == len && e->year == year && same_bytes (t->names->str + e->name, bytes, len))
        {
          e->months[month - 1]++;
          return e;
        }
    }
  return table_insert (t, h, bytes, len, year, month, line);
}

static void
table_init (Table *t)
{
  t->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  t->index_size = 256;
  t->index = g_new0 (guint32, t->index_size);
  t->names = g_string_new (NULL);
}

static void
table_clear (Table *t)
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
G_NO_INLINE static gboolean
part_hand (Part       *p,
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
  for (; p < end; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '"')
        p++;   /* "" */
    }
  return out->str;
}

/* The cells of a row the scanner looks at: [start[i], end[i]) for i < need. */
#define MAX_LANE_COLUMNS 32

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
    return part_hand (p, row, eol, line);
  if (!cell_text (cells, s->date_col, eol, may_escape, NULL, &date, &date_len)
      || !date_fast (date, date_len, s->month_first, &year, &month, &day, &hour))
    return part_hand (p, row, eol, line);
  cell_text (cells, s->topic_col, eol, may_escape, p->tmp, &topic, &len);
  if (G_UNLIKELY (len == 0 || (guchar) topic[0] <= ' ' || (guchar) topic[len - 1] <= ' '))
    {
      trim (&topic, &len);
      if (len == 0)
        return part_hand (p, row, eol, line);
    }
  if (G_UNLIKELY (s->year && year != s->year)
      || !row_extras (p, s, cells, eol, may_escape, day, hour, &clock, &duration, &channel, &channel_len))
    return part_hand (p, row, eol, line);
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

/* Every row that ends in [start, end): returns where the first row not yet
 * whole starts; *decline when the scanner cannot go on. */
static const char *
scan_rows (Part       *p,
           const char *start,
           const char *end,
           gboolean   *decline)
{
  const Scan *s = p->scan;
  const char *base = start, *row = start, *field = start;
  Cells cells;
  guint64 in_quotes = 0, after_field = 1, after_close = 0, after_cr = 0;
  guint64 row_line = p->newlines, row_extra = 0;   /* line breaks inside quotes, earlier blocks */
  gboolean row_escapes = FALSE;                    /* a "" in an earlier block of the row */
  Bytes16 nul = { 0 };
  int col = 0;

  while (base < end)
    {
      guint64 valid = end - base >= 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (end - base)) - 1;
      guint64 structural, events, bad = 0, quoted_nl = 0, escapes = 0;
      Masks m;

      if (G_LIKELY (valid == ~G_GUINT64_CONSTANT (0)))
        block_masks (s, base, &m, &nul);
      else
        {
          Bytes16 ignored = { 0 };

          block_masks (s, base, &m, &ignored);
          if (memchr (base, '\0', end - base))
            nul[0] = -1;
        }
      m.q &= valid;
      m.d &= valid;
      m.n &= valid;
      if (G_LIKELY ((m.q | in_quotes | after_close | after_cr) == 0))
        structural = m.d | m.n;
      else
        {
          /* a quote opens a field only as its first byte or as the second
           * of "", a closing one is followed by a delimiter, a line break
           * or "\r\n": else the row is "bad" and read the general way */
          guint64 inside = prefix_xor (m.q) ^ (0 - in_quotes);
          guint64 open = m.q & inside, close = m.q & ~inside;
          guint64 cr = block_cr (s, base) & valid;
          guint64 past_close, cr_after_close, past_cr;

          structural = (m.d | m.n) & ~inside;
          past_close = (close << 1) | after_close;
          cr_after_close = past_close & cr;
          past_cr = (cr_after_close << 1) | after_cr;
          bad = open & ~((structural << 1) | after_field | past_close);
          bad |= past_close & ~(m.d | m.n | m.q | cr);
          bad |= past_cr & ~m.n;
          bad &= valid;
          quoted_nl = m.n & inside;
          escapes = open & past_close;
          in_quotes = inside >> 63;
          after_close = close >> 63;
          after_cr = cr_after_close >> 63;
        }
      after_field = structural >> 63;
      events = bad ? structural & ((bad & (0 - bad)) - 1) : structural;
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
          if ((m.n >> e) & 1)
            {
              guint64 upto = (G_GUINT64_CONSTANT (2) << e) - 1;
              gboolean may_escape = row_escapes || (escapes & upto) != 0;

              if (G_UNLIKELY (quoted_nl & upto))
                {
                  row_extra += __builtin_popcountll (quoted_nl & upto);
                  quoted_nl &= ~upto;
                }
              escapes &= ~upto;
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
      if (G_UNLIKELY (bad))
        {
          const char *row_end;
          guint64 inner;

          if (exact_row_end (row, end, FALSE, s->delimiter, &row_end, &inner) == 0)
            break;
          if (!part_hand (p, row, row_end, row_line))
            {
              *decline = TRUE;
              return row;
            }
          row_line += inner + 1;   /* inner counts the whole row */
          row_extra = 0;
          row_escapes = FALSE;
          base = field = row = row_end + 1;
          col = 0;
          in_quotes = after_close = after_cr = 0;
          after_field = 1;
          continue;
        }
      if (G_UNLIKELY (quoted_nl))
        row_extra += __builtin_popcountll (quoted_nl);
      row_escapes |= escapes != 0;
      base += 64;
    }
  if (any_byte (nul))
    *decline = TRUE;   /* the general path says where */
  p->newlines = row_line;
  return row;
}

/* UTF-16 units to UTF-8, 8 ASCII units a step: the raw bytes consumed, or
 * -1 for what the general path must judge (broken pairs, U+FFFE, U+FFFF). */
static gssize
utf16_to_utf8 (const guchar *in,
               gsize         len,
               gboolean      big,
               char         *out,
               gsize        *out_len)
{
  const guint64 ascii = big ? G_GUINT64_CONSTANT (0x80FF80FF80FF80FF) : G_GUINT64_CONSTANT (0xFF80FF80FF80FF80);
  char *o = out;
  gsize i = 0;

  while (i + 2 <= len)
    {
      guint u;

      if (i + 16 <= len)
        {
          guint64 a, b;

          memcpy (&a, in + i, 8);
          memcpy (&b, in + i + 8, 8);
          a = GUINT64_FROM_LE (a);
          b = GUINT64_FROM_LE (b);
          if (((a | b) & ascii) == 0)
            {
              int shift = big ? 8 : 0;

              for (int k = 0; k < 4; k++)
                {
                  o[k] = (char) (a >> (16 * k + shift));
                  o[k + 4] = (char) (b >> (16 * k + shift));
                }
              o += 8;
              i += 16;
              continue;
            }
        }
      u = big ? (guint) in[i] << 8 | in[i + 1] : (guint) in[i + 1] << 8 | in[i];
      if (u < 0x80)
        *o++ = (char) u;
      else if (u < 0x800)
        {
          *o++ = (char) (0xC0 | u >> 6);
          *o++ = (char) (0x80 | (u & 0x3F));
        }
      else if (u >= 0xD800 && u < 0xDC00)
        {
          guint lo;

          if (i + 4 > len)
            break;   /* the pair's second half comes with the next read */
          lo = big ? (guint) in[i + 2] << 8 | in[i + 3] : (guint) in[i + 3] << 8 | in[i + 2];
          if (lo < 0xDC00 || lo >= 0xE000)
            return -1;
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          *o++ = (char) (0xF0 | u >> 18);
          *o++ = (char) (0x80 | ((u >> 12) & 0x3F));
          *o++ = (char) (0x80 | ((u >> 6) & 0x3F));
          *o++ = (char) (0x80 | (u & 0x3F));
          i += 2;
        }
      else if ((u >= 0xDC00 && u < 0xE000) || u >= 0xFFFE)
        return -1;
      else
        {
          *o++ = (char) (0xE0 | u >> 12);
          *o++ = (char) (0x80 | ((u >> 6) & 0x3F));
          *o++ = (char) (0x80 | (u & 0x3F));
        }
      i += 2;
    }
  *out_len = o - out;
  return i;
}

static gssize
read_at (int      fd,
         void    *buf,
         gsize    len,
         guint64  offset)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pread (fd, (char *) buf + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n < 0 ? -1 : (gssize) done;
      done += n;
    }
  return done;
}

/* The next bytes up to @limit after the @carry bytes kept: *n of them, in
 * UTF-8 when the file is UTF-16. FALSE: declined. */
static gboolean
part_read (Part    *p,
           guint64 *off,
           guint64  limit,
           gsize    carry,
           gsize   *n)
{
  const Scan *s = p->scan;
  gsize want;
  gssize got;

  if (!s->utf16)
    {
      want = MIN ((guint64) SCAN_READ, limit - *off);
      got = read_at (s->fd, p->buf + carry, want, *off);
      if (got != (gssize) want)
        return FALSE;   /* an error, or the file shrank: the general path tells */
      *off += got;
      *n = got;
      return TRUE;
    }
  want = MIN ((guint64) (SCAN_READ - p->raw_len), limit - *off);
  got = read_at (s->fd, p->raw + p->raw_len, want, *off);
  if (got != (gssize) want)
    return FALSE;
  *off += got;
  p->raw_len += got;
  got = utf16_to_utf8 (p->raw, p->raw_len, s->utf16 == 'B', p->buf + carry, n);
  if (got < 0)
    return FALSE;
  memmove (p->raw, p->raw + got, p->raw_len - got);
  p->raw_len -= got;
  return *off < limit || p->raw_len == 0;   /* an odd byte or half a pair at the end */
}

/* The rows of [from, to), and on past `to` to the end of a row cut there. */
static void
part_run (Part *p)
{
  Scan *s = p->scan;
  guint64 off = p->from, limit = p->to;
  gsize carry = 0;

  while (off < limit || carry > 0)
    {
      gboolean decline = FALSE, at_end;
      const char *rest, *end;
      gsize n = 0;

      if (g_cancellable_is_cancelled (s->cancellable))
        {
          p->status = PART_CANCELLED;
          return;
        }
      if (!p->first && g_atomic_int_get (&s->stop))
        {
          p->status = PART_DECLINED;
          return;
        }
      if (off < limit && !part_read (p, &off, limit, carry, &n))
        {
          p->status = PART_DECLINED;
          return;
        }
      at_end = off >= limit;
      end = p->buf + carry + n;
      memset ((char *) end, 0, SCAN_SLACK);
      rest = scan_rows (p, p->buf, end, &decline);
      if (decline)
        {
          p->status = PART_DECLINED;
          return;
        }
      /* the parts go at about the same pace: the first one tells */
      if (p->first && s->progress && limit > p->from)
        {
          double part = (double) (off - p->from) / (double) (limit - p->from);

          s->progress ((p->from + part * (s->size - p->from)) / s->size, s->user_data);
        }
      if (at_end && rest < end && limit < s->size)
        {
          /* the cut was inside quotes (or a row): this part reads on alone */
          p->extended = TRUE;
          limit = s->size;
          g_atomic_int_set (&s->stop, 1);
        }
      else if (at_end)
        {
          /* the last row, without a line break, or a quote never closed */
          while (rest < end)
            {
              const char *row_end;
              guint64 inner;

              if (exact_row_end (rest, end, TRUE, s->delimiter, &row_end, &inner) < 0
                  || !part_hand (p, rest, row_end, p->newlines))
                {
                  p->status = PART_DECLINED;
                  return;
                }
              p->newlines += inner + 1;
              rest = row_end < end ? row_end + 1 : end;
            }
          return;
        }
      carry = end - rest;
      if (carry > ROCZNIK_IMPORT_MAX_ROW)
        {
          p->status = PART_DECLINED;   /* the general path judges very long rows */
          return;
        }
      memmove (p->buf, rest, carry);
    }
}

static gpointer
part_thread (gpointer data)
{
  part_run (data);
  return NULL;
}

static void
part_init (Part    *p,
           Scan    *s,
           guint64  from,
           guint64  to,
           gboolean first)
{
  *p = (Part) { .scan = s, .first = first, .from = from, .to = to };
  table_init (&p->topics);
  table_init (&p->channels);
  p->years = g_array_new (FALSE, FALSE, sizeof (PartYear));
  p->handed = g_array_new (FALSE, FALSE, sizeof (Handed));
  p->handed_bytes = g_string_new (NULL);
  p->tmp = g_string_new (NULL);
  p->tmp2 = g_string_new (NULL);
  /* UTF-16: each 2-byte unit may take 3 bytes of UTF-8 */
  p->cap = ROCZNIK_IMPORT_MAX_ROW + (s->utf16 ? SCAN_READ / 2 * 3 : SCAN_READ) + SCAN_SLACK;
  p->buf = g_malloc (p->cap);
  if (s->utf16)
    p->raw = g_malloc (SCAN_READ);
}

static void
part_clear (Part *p)
{
  if (p->years == NULL)
    return;
  table_clear (&p->topics);
  table_clear (&p->channels);
  g_array_unref (p->years);
  g_array_unref (p->handed);
  g_string_free (p->handed_bytes, TRUE);
  g_string_free (p->tmp, TRUE);
  g_string_free (p->tmp2, TRUE);
  g_free (p->buf);
  g_free (p->raw);
}

/* The raw offset just after the @count-th line break from @off. */
static gboolean
after_line_breaks (const Scan *s,
                   guint64     off,
                   guint64     count,
                   guint64    *offset)
{
  g_autofree guchar *buf = g_malloc (65536);
  guint64 seen = 0;
  gsize unit = s->utf16 ? 2 : 1;

  while (off < s->size && count > 0)
    {
      gssize got = read_at (s->fd, buf, MIN ((guint64) 65536, s->size - off), off);

      got -= got > 0 ? got % unit : 0;
      if (got <= 0)
        return FALSE;
      for (gssize i = 0; i < got; i += unit)
        {
          gboolean nl = unit == 1 ? buf[i] == '\n'
                        : s->utf16 == 'L' ? buf[i] == '\n' && buf[i + 1] == 0 : buf[i] == 0 && buf[i + 1] == '\n';

          if (nl && ++seen == count)
            {
              *offset = off + i + unit;
              return TRUE;
            }
        }
      off += got;
    }
  return FALSE;
}

/* A part's topics, channels and handed rows, in the order of their first
 * lines: the tables fill as if the rows had come one by one. */
static gboolean
merge_part (Ctx     *c,
            Part    *p,
            guint64  first_line,
            GError **error)
{
  const Entry *topics = (const Entry *) (void *) p->topics.entries->data;
  const Entry *channels = (const Entry *) (void *) p->channels.entries->data;
  const Handed *handed = (const Handed *) (void *) p->handed->data;
  guint nt = p->topics.entries->len, nc = p->channels.entries->len, nh = p->handed->len;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (RocznikCell));
  g_autoptr(GString) scratch = g_string_new (NULL);
  guint i = 0, k = 0, j = 0;

  while (i < nt || k < nc || j < nh)
    {
      guint64 ti = i < nt ? topics[i].line : G_MAXUINT64;
      guint64 ck = k < nc ? channels[k].line : G_MAXUINT64;
      guint64 hj = j < nh ? handed[j].line : G_MAXUINT64;

      if (ti <= ck && ti < hj)
        {
          const Entry *e = &topics[i++];

          rocznik_import_records_merge (c, &c->records, p->topics.names->str + e->name, e->len, e->year,
                                        e->months, e->duration_calls, e->duration_seconds, first_line + e->line);
        }
      else if (ck < hj)
        {
          const Entry *e = &channels[k++];

          rocznik_import_records_merge (c, &c->channels, p->channels.names->str + e->name, e->len, e->year,
                                        e->months, 0, 0, first_line + e->line);
        }
      else
        {
          const Handed *h = &handed[j++];
          const char *row = p->handed_bytes->str + h->off;

          split_row (row, row + h->len, p->scan->delimiter, c->src->max_cells, scratch, cells);
          c->src->line = first_line + h->line;
          if (!rocznik_import_handle_row (c, cells, error))
            return FALSE;
        }
    }
  for (guint y = 0; y < p->years->len; y++)
    {
      const PartYear *py = &g_array_index (p->years, PartYear, y);

      rocznik_import_calls_merge (c, py->year, &py->hours[0][0], py->timed, py->untimed, py->no_channel);
    }
  c->imp->n_rows += p->rows;
  return TRUE;
}

/* Public API */

void
rocznik_import_scan_get_last (RocznikScanStats *stats)
{
  G_LOCK (last);
  *stats = last;
  G_UNLOCK (last);
}

/* The rows from line @line to the end of the file, read again from the
 * file itself (the caller's row source has buffered up to there). */
RocznikScanResult
rocznik_import_scan_records (Ctx     *c,
                             guint64  line,
                             GError **error)
{
  Scan s = {
    .delimiter = c->imp->delimiter, .need = (int) c->src->max_cells, .date_col = c->date_col,
    .topic_col = c->topic_col, .year = c->opt->year, .month_first = c->month_first,
    .cancellable = c->cancellable, .progress = c->progress, .user_data = c->user_data,
  };
  Part parts[2] = { { 0 } };
  GThread *thread = NULL;
  RocznikScanResult result = ROCZNIK_SCAN_DECLINED;
  guint64 start = 0, cut = 0;
  gboolean two = FALSE;
  guint n_parts;
  GStatBuf st;

  g_return_val_if_fail (c->date_col >= 0 && c->topic_col >= 0, ROCZNIK_SCAN_DECLINED);

  s.time_col = c->time_col;
  s.channel_col = c->channel_col;
  s.duration_col = c->duration_col;
  s.date_time = c->date_time;
  s.duration_fraction = c->duration_fraction;
  if (line < 2 || g_strcmp0 (c->imp->line_ends, "CR") == 0 || c->imp->path == NULL || s.need < 1
      || s.need > MAX_LANE_COLUMNS || c->call_years == NULL)
    return ROCZNIK_SCAN_DECLINED;
  if (c->imp->cells_utf8)
    {
      if (g_ascii_strcasecmp (c->imp->encoding, "UTF-16LE") == 0)
        s.utf16 = 'L';
      else if (g_ascii_strcasecmp (c->imp->encoding, "UTF-16BE") == 0)
        s.utf16 = 'B';
      else
        return ROCZNIK_SCAN_DECLINED;
    }
  memset (&s.v_quote, '"', sizeof s.v_quote);
  memset (&s.v_delimiter, s.delimiter, sizeof s.v_delimiter);
  memset (&s.v_newline, '\n', sizeof s.v_newline);
  memset (&s.v_cr, '\r', sizeof s.v_cr);
  s.fd = g_open (c->imp->path, O_RDONLY | O_CLOEXEC, 0);
  if (s.fd < 0)
    return ROCZNIK_SCAN_DECLINED;
  if (fstat (s.fd, &st) != 0)
    goto out;
  s.size = st.st_size;
  if (!after_line_breaks (&s, 0, line - 1, &start))
    goto out;
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (s.fd, start, 0, POSIX_FADV_SEQUENTIAL);
#endif
  /* two cores: a second part from a line break in the middle */
  if (g_get_num_processors () >= 2 && s.size - start >= SCAN_SPLIT_MIN)
    {
      guint64 mid = start + (s.size - start) / 2;

      mid -= (mid - start) % (s.utf16 ? 2 : 1);
      two = after_line_breaks (&s, mid, 1, &cut) && cut < s.size;
    }
  part_init (&parts[0], &s, start, two ? cut : s.size, TRUE);
  if (two)
    {
      part_init (&parts[1], &s, cut, s.size, FALSE);
      thread = g_thread_new ("rocznik-scan", part_thread, &parts[1]);
    }
  part_run (&parts[0]);
  if (parts[0].status != PART_OK)
    g_atomic_int_set (&s.stop, 1);
  if (thread)
    g_thread_join (thread);
  n_parts = two ? 2 : 1;
  two = two && !parts[0].extended;

  if (parts[0].status == PART_CANCELLED || (two && parts[1].status == PART_CANCELLED))
    {
      if (!g_cancellable_set_error_if_cancelled (c->cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      result = ROCZNIK_SCAN_FAILED;
    }
  else if (parts[0].status != PART_OK || (two && parts[1].status != PART_OK))
    result = ROCZNIK_SCAN_DECLINED;
  else if (s.channel_col >= 0
           && c->channels.used + parts[0].channels.entries->len + parts[0].handed->len
              + (two ? parts[1].channels.entries->len + parts[1].handed->len : 0) >= 1000)
    result = ROCZNIK_SCAN_DECLINED;   /* so many channels that the general path's limit may apply */
  else if (!merge_part (c, &parts[0], line, error)
           || (two && !merge_part (c, &parts[1], line + parts[0].newlines, error)))
    result = ROCZNIK_SCAN_FAILED;
  else
    result = ROCZNIK_SCAN_DONE;
  G_LOCK (last);
  last = (RocznikScanStats) {
    .result = result, .parts = n_parts, .extended = parts[0].extended,
    .counted = parts[0].rows + (two ? parts[1].rows : 0),
    .handed = parts[0].handed->len + (two ? parts[1].handed->len : 0),
  };
  G_UNLOCK (last);
  part_clear (&parts[0]);
  part_clear (&parts[1]);
out:
  close (s.fd);
  return result;
}
