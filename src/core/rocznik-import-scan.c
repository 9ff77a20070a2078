/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-scan.c — per-call records counted at memory speed
 *
 * Reads the rest of a delimited file itself (512 KB reads, which stay in
 * the cache the rows are then read from: mapping the file instead measured
 * slower, its page faults costing more than the copy; UTF-16 turned into
 * UTF-8 a read at a time) and hands each read to
 * rocznik-import-scan-rows.c, which counts the rows it is sure of into a
 * table per part and keeps the others for the general path. With two
 * cores the file is cut in two at a line break; the first part checks that
 * the cut was not inside quotes, else it reads on alone. The parts' tables
 * and kept rows are merged in file order, so first lines, the order keys
 * were first seen and every message are those of one pass. Whatever the
 * scanner cannot judge (a NUL byte, broken UTF-16, a quote never closed, a
 * very long row, many rows for the general path) declines before anything
 * is counted, and the general path reads the file.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rocznik-import-scan-private.h"

G_LOCK_DEFINE_STATIC (last);
static RocznikScanStats last;

/* Helpers: rows for the general path */

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


#ifdef __SSE2__
/* The ASCII units among the 16 at @in narrowed to @out (16 bytes written,
 * whatever follows them): how many there are before the first that is not. */
static inline guint
utf16_ascii16 (const guchar *in,
               gboolean      big,
               char         *out)
{
  __m128i a = _mm_loadu_si128 ((const __m128i *) (const void *) in);
  __m128i b = _mm_loadu_si128 ((const __m128i *) (const void *) (in + 16));
  /* a unit is ASCII when its high byte is 0 and its low one below 0x80 */
  const __m128i high = big ? _mm_set1_epi16 ((short) 0x80FF) : _mm_set1_epi16 ((short) 0xFF80);
  __m128i zero = _mm_setzero_si128 ();
  guint ok;

  ok = (guint) _mm_movemask_epi8 (_mm_packs_epi16 (_mm_cmpeq_epi16 (_mm_and_si128 (a, high), zero),
                                                   _mm_cmpeq_epi16 (_mm_and_si128 (b, high), zero)));
  if (big)
    {
      a = _mm_srli_epi16 (a, 8);
      b = _mm_srli_epi16 (b, 8);
    }
  _mm_storeu_si128 ((__m128i *) (void *) out, _mm_packus_epi16 (a, b));
  return ok == 0xFFFF ? 16 : (guint) __builtin_ctz (~ok);
}
#endif

/* UTF-16 units to UTF-8, 16 ASCII units a step (8 without SSE2): the raw
 * bytes consumed, or -1 for what the general path must judge (broken
 * pairs, U+FFFE, U+FFFF). Writes at most 3 bytes a unit, as the scalar
 * way would: the 16 bytes of a step cover 16 units still to come. */
static gssize
utf16_to_utf8 (const guchar *in,
               gsize         len,
               gboolean      big,
               char         *out,
               gsize        *out_len)
{
#ifndef __SSE2__
  const guint64 ascii = big ? G_GUINT64_CONSTANT (0x80FF80FF80FF80FF) : G_GUINT64_CONSTANT (0xFF80FF80FF80FF80);
#endif
  char *o = out;
  gsize i = 0;

  while (i + 2 <= len)
    {
      guint u;

#ifdef __SSE2__
      if (i + 32 <= len)
        {
          guint n = utf16_ascii16 (in + i, big, o);

          o += n;
          i += 2 * n;
          if (n == 16)
            continue;
        }
#else
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
#endif
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
      rest = rocznik_import_scan_rows (p, p->buf, end, &decline);
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

              if (rocznik_import_scan_row_end (rest, end, TRUE, s->delimiter, &row_end, &inner) < 0
                  || !rocznik_import_scan_hand (p, rest, row_end, p->newlines))
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
  rocznik_import_scan_table_init (&p->topics);
  rocznik_import_scan_table_init (&p->channels);
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
  rocznik_import_scan_table_clear (&p->topics);
  rocznik_import_scan_table_clear (&p->channels);
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
