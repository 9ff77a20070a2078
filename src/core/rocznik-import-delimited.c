/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-delimited.c — CSV, TSV, semicolon and pipe files
 *
 * Reads big chunks and cuts rows in place: a row without quotes costs one
 * memchr for its end and one per field, and allocates nothing. Quoted rows
 * (RFC 4180: embedded delimiters, doubled quotes, line breaks) are unescaped
 * into a scratch buffer. Cells stay in the file's encoding; the importer
 * converts only what it keeps (topic names, headers).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "rocznik-error.h"
#include "rocznik-import-private.h"

#define CHUNK (1024 * 1024)
#define SAMPLE_LINES 64
#define CELLS_RESERVED 64

typedef struct
{
  RocznikRowSource base;
  int       fd;
  char     *buf;
  gsize     cap;
  gsize     start;          /* first byte of the next row */
  gsize     end;            /* bytes in buf */
  gboolean  eof;
  char      delimiter;
  GString  *scratch;
  GArray   *offsets;        /* guint pairs into scratch for quoted rows */
  guint64   next_line;
  gsize     window_end;     /* just past the last '\n' peek found, 0: none */
  GIConv    decoder;        /* UTF-16 → UTF-8, else (GIConv) -1 */
  char     *raw;            /* bytes read, not decoded yet */
  gsize     raw_len;
  gboolean  cr_only;        /* old Mac line ends: each '\r' becomes '\n' */
  gboolean  probed;         /* the first read, before the encoding is known */
} Delimited;

/* Encoding */

static guint64
line_of (const char *data,
         gsize       offset,
         guint64     first_line)
{
  guint64 line = first_line;

  for (const char *p = data; (p = memchr (p, '\n', data + offset - p)) != NULL; p++)
    line++;
  return line;
}

static inline gboolean
is_control (char ch)
{
  guchar c = ch;

  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
}

/* The common case, fast: valid UTF-8 (a sequence cut by the end of an
 * incomplete sample aside) without control characters; 8 bytes a step
 * through ASCII, Polish letters (two bytes) inline. Else detect_encoding()
 * looks byte by byte and says what is wrong where. */
static gboolean
plain_utf8 (const char *data,
            gsize       len,
            gboolean    complete)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), high = ones * 0x80;
  const guchar *p = (const guchar *) data;
  gsize i = 0;

  while (i < len)
    {
      gsize stop = MIN (i + 8, len);

      if (i + 8 <= len)
        {
          guint64 v, del;

          memcpy (&v, p + i, 8);
          del = v ^ (ones * 0x7f);
          /* no high bit, no byte below 0x20, none 0x7f */
          if (((v | ((v - ones * 0x20) & ~v) | ((del - ones) & ~del)) & high) == 0)
            {
              i += 8;
              continue;
            }
        }
      /* these 8 bytes one by one (a sequence may run past them) */
      while (i < stop)
        {
          gsize seq;
          gunichar u;

          if (p[i] < 0x80)
            {
              if (is_control (p[i]))
                return FALSE;
              i++;
              continue;
            }
          if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80)
            {
              i += 2;
              continue;
            }
          seq = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : 2;
          if (!complete && i + seq > len)
            return g_utf8_get_char_validated ((const char *) p + i, len - i) == (gunichar) -2;
          u = g_utf8_get_char_validated ((const char *) p + i, MIN (seq, len - i));
          if (u == (gunichar) -1 || u == (gunichar) -2)
            return FALSE;
          i += seq;
        }
    }
  return TRUE;
}

/* UTF-8 if every high byte forms a valid sequence; refuses a mix; else
 * Windows-1250 or ISO-8859-2 by the letters Polish uses most (ą ś ź Ą Ś Ź
 * sit at different codes in the two). */
static const char *
detect_encoding (const char *data,
                 gsize       len,
                 gboolean    complete,
                 const char *display,
                 GError    **error)
{
  const guchar *p = (const guchar *) data;
  gsize multi = 0, invalid = 0, first_invalid = 0;
  int cp1250 = 0, iso = 0;
  gboolean c1 = FALSE;

  if (plain_utf8 (data, len, complete))
    return "UTF-8";
  for (gsize i = 0; i < len; )
    {
      guchar c = p[i];
      gunichar u;
      gsize seq;

      if (c < 0x80)
        {
          if (is_control (c))
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           c == 0
                           ? _("file %s, line %" PRIu64 ": a NUL byte; this is not a text file")
                           : _("file %s, line %" PRIu64 ": a control character; this is not a text file"),
                           display, line_of (data, i, 1));
              return NULL;
            }
          i++;
          continue;
        }
      seq = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (!complete && i + seq > len)
        break;
      u = g_utf8_get_char_validated ((const char *) p + i, MIN (seq, len - i));
      if (seq > 1 && u != (gunichar) -1 && u != (gunichar) -2)
        {
          multi++;
          i += seq;
          continue;
        }
      if (invalid++ == 0)
        first_invalid = i;
      if (c >= 0x80 && c <= 0x9f)
        c1 = TRUE;
      switch (c)
        {
        case 0xb9: case 0xa5: case 0x9c: case 0x8c: case 0x9f: case 0x8f:
          cp1250++;
          break;
        case 0xb1: case 0xa1: case 0xb6: case 0xa6: case 0xbc: case 0xac:
          iso++;
          break;
        default:
          break;
        }
      i++;
    }

  if (invalid == 0)
    return "UTF-8";
  if (multi > 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %" PRIu64 ": the text mixes UTF-8 with another encoding; save the file again in one encoding"),
                   display, line_of (data, first_invalid, 1));
      return NULL;
    }
  if (c1 || cp1250 >= iso)
    return "WINDOWS-1250";
  return "ISO-8859-2";
}

/* Delimiter: the candidate that splits the most sample lines into the same
 * number of fields; ties go to TAB, then ;, then , (Polish Excel writes ;
 * and uses , inside numbers), then |. */
static char
detect_delimiter (const char *data,
                  gsize       len,
                  gboolean   *bullets)
{
  static const char candidates[] = { '\t', ';', ',', '|' };
  guint counts[G_N_ELEMENTS (candidates)][SAMPLE_LINES] = { { 0 } };
  guint lines = 0, best_score = 0;
  char best = 0;
  gboolean quoted = FALSE;
  const char *p = data, *end = data + len;

  *bullets = FALSE;
  while (p < end && lines < SAMPLE_LINES)
    {
      const char *eol = memchr (p, '\n', end - p);
      gboolean blank = TRUE;

      if (eol == NULL)
        eol = end;
      for (const char *q = p; q < eol; q++)
        {
          if (*q == '"')
            quoted = !quoted;
          else if (!quoted)
            for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
              if (*q == candidates[c])
                counts[c][lines]++;
          if (*q != ' ' && *q != '\t' && *q != '\r')
            blank = FALSE;
        }
      /* "•" in UTF-8 or Windows-1250 at the start of a line: a report */
      {
        const char *s = p;
        while (s < eol && (*s == ' ' || *s == '\t'))
          s++;
        if ((eol - s >= 3 && memcmp (s, "\xe2\x80\xa2", 3) == 0) || (s < eol && (guchar) *s == 0x95))
          *bullets = TRUE;
      }
      if (!quoted && !blank)
        lines++;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          counts[c][lines] = 0;
      p = eol + 1;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      /* the most common non-zero field count and how many lines have it */
      for (guint i = 0; i < lines; i++)
        {
          guint n = counts[c][i], score = 0;

          if (n == 0)
            continue;
          for (guint j = 0; j < lines; j++)
            if (counts[c][j] == n)
              score++;
          if (score > best_score)
            {
              best_score = score;
              best = candidates[c];
            }
        }
    }
  return best;
}

/* Reading */

/* Reads into raw and decodes UTF-16 into buf; *n: the UTF-8 bytes added. */
static gboolean
read_decoded (Delimited *self,
              gssize    *n,
              GError   **error)
{
  gssize got = 0;
  char *in, *out;
  gsize in_left, out_left;

  if (self->raw_len < CHUNK && self->fd >= 0)
    {
      do
        got = read (self->fd, self->raw + self->raw_len, CHUNK - self->raw_len);
      while (got < 0 && errno == EINTR);
      if (got < 0)
        {
          *n = -1;
          return TRUE;
        }
      self->raw_len += got;
      self->base.bytes_done += got;
    }
  if (self->raw_len == 0)
    {
      *n = 0;
      return TRUE;
    }
  in = self->raw;
  in_left = self->raw_len;
  out = self->buf + self->end;
  out_left = self->cap - self->end;
  if (g_iconv (self->decoder, &in, &in_left, &out, &out_left) == (gsize) -1 &&
      (errno == EILSEQ || (errno == EINVAL && got == 0 && in == self->raw)))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %" PRIu64 ": bytes that are not UTF-16 text"),
                   self->base.display,
                   line_of (self->buf + self->start, out - (self->buf + self->start), self->next_line));
      return FALSE;
    }
  memmove (self->raw, in, in_left);
  self->raw_len = in_left;
  *n = out - (self->buf + self->end);
  if (*n == 0 && got == 0 && in_left > 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the file ends in the middle of a character"), self->base.display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
refill (Delimited *self,
        GError   **error)
{
  gssize n;

  self->window_end = 0;   /* offsets move */
  if (self->start > 0)
    {
      memmove (self->buf, self->buf + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }
  /* a UTF-16 character can take 4 bytes of UTF-8: never ask for less */
  if (self->cap - self->end < 8)
    {
      if (self->cap >= ROCZNIK_IMPORT_MAX_ROW + CHUNK)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s, line %" PRIu64 ": the line is longer than 1 MB; this is not a table of calls"),
                       self->base.display, self->next_line);
          return FALSE;
        }
      gsize old = self->cap;

      self->cap = MIN (self->cap * 2, ROCZNIK_IMPORT_MAX_ROW + CHUNK);
      self->buf = g_realloc (self->buf, self->cap + ROCZNIK_IMPORT_SLACK);
      memset (self->buf + old, 0, self->cap + ROCZNIK_IMPORT_SLACK - old);
    }
  if (self->fd < 0 && self->raw_len == 0)
    {
      self->eof = TRUE;
      return TRUE;
    }
  if (self->decoder != (GIConv) -1)
    {
      if (!read_decoded (self, &n, error))
        return FALSE;
    }
  else
    {
      do
        n = read (self->fd, self->buf + self->end, self->cap - self->end);
      while (n < 0 && errno == EINTR);
      if (n > 0)
        self->base.bytes_done += n;
    }
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("file %s: cannot read: %s"), self->base.display, g_strerror (saved));
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  else if (self->probed && memchr (self->buf + self->end, '\0', n))
    {
      const char *nul = memchr (self->buf + self->end, '\0', n);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %" PRIu64 ": a NUL byte; this is not a text file"),
                   self->base.display,
                   line_of (self->buf + self->start, nul - (self->buf + self->start), self->next_line));
      return FALSE;
    }
  if (self->cr_only)
    for (char *q = self->buf + self->end; (q = memchr (q, '\r', self->buf + self->end + n - q)) != NULL; q++)
      *q = '\n';
  self->end += n;
  return TRUE;
}

/* Straight into the array's storage: g_array_append_val costs a call and a
 * memcpy per cell, which shows at ten million rows. */
static inline void
add_cell (GArray     *cells,
          const char *data,
          gsize       len)
{
  RocznikCell cell = { data, (guint) len, 0 };

  if (G_LIKELY (cells->len < CELLS_RESERVED))
    ((RocznikCell *) (void *) cells->data)[cells->len++] = cell;
  else
    g_array_append_val (cells, cell);
}

/* A row without quoted fields: cut in place. FALSE when a field starts
 * with a quote (a quote inside a field is just a character). */
static gboolean
split_plain (Delimited  *self,
             const char *p,
             const char *eol)
{
  GArray *cells = self->base.cells;
  guint max = self->base.max_cells;

  if (eol > p && eol[-1] == '\r')
    eol--;
  for (;;)
    {
      const char *d;

      if (G_UNLIKELY (p < eol && *p == '"'))
        return FALSE;
      d = memchr (p, self->delimiter, eol - p);
      if (d == NULL)
        {
          add_cell (cells, p, eol - p);
          return TRUE;
        }
      add_cell (cells, p, d - p);
      if (max && cells->len == max)
        /* the rest is not needed, unless a quoted field there hides a line break */
        return memchr (d + 1, '"', eol - (d + 1)) == NULL;
      p = d + 1;
    }
}

/* A row with quotes, unescaped into scratch. Returns 1 when done, 0 when
 * the buffer ends first (refill and retry), -1 for an unterminated quote. */
static int
split_quoted (Delimited  *self,
              const char *p,
              const char *end,
              const char **row_end,
              guint      *newlines)
{
  GString *s = self->scratch;
  char delim = self->delimiter;

  g_string_truncate (s, 0);
  g_array_set_size (self->offsets, 0);
  *newlines = 0;
  for (;;)
    {
      guint from = s->len, to;
      gboolean quoted = FALSE;

      if (p < end && *p == '"')
        {
          quoted = TRUE;
          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                return self->eof ? -1 : 0;
              for (const char *n = p; (n = memchr (n, '\n', q - n)) != NULL; n++)
                (*newlines)++;
              g_string_append_len (s, p, q - p);
              if (q + 1 == end && !self->eof)
                return 0;
              if (q + 1 < end && q[1] == '"')
                {
                  g_string_append_c (s, '"');
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }
        }
      /* unquoted text, or what follows a closing quote, up to the delimiter */
      while (p < end && *p != delim && *p != '\n')
        g_string_append_c (s, *p++);
      if (p == end && !self->eof)
        return 0;
      to = s->len;
      if ((p == end || *p == '\n') && to > from && s->str[to - 1] == '\r' && !quoted)
        to--;
      else if ((p == end || *p == '\n') && quoted && to > from && s->str[to - 1] == '\r')
        to--;
      g_array_append_val (self->offsets, from);
      g_array_append_val (self->offsets, to);
      if (p == end || *p == '\n')
        {
          *row_end = p;
          return 1;
        }
      p++;  /* the delimiter */
    }
}

static gboolean
delimited_next (RocznikRowSource *source,
                GError          **error)
{
  Delimited *self = (Delimited *) source;
  GArray *cells = source->cells;

  cells->len = 0;   /* reserved storage, nothing to clear */
  for (;;)
    {
      const char *p = self->buf + self->start;
      const char *end = self->buf + self->end;
      const char *eol;

      if (p == end && self->eof)
        return FALSE;
      eol = memchr (p, '\n', end - p);
      if (eol == NULL && !self->eof)
        {
          if (!refill (self, error))
            return FALSE;
          continue;
        }
      if (eol == NULL)
        eol = end;

      source->line = self->next_line;
      if (split_plain (self, p, eol))
        {
          self->next_line++;
          self->start = (eol < end) ? (gsize) (eol + 1 - self->buf) : self->end;
          return TRUE;
        }
      else
        {
          cells->len = 0;
          const char *row_end = NULL;
          guint newlines;
          int r = split_quoted (self, p, end, &row_end, &newlines);

          if (r == 0)
            {
              if (!refill (self, error))
                return FALSE;
              continue;
            }
          if (r < 0)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("file %s, line %" PRIu64 ": a quoted field starts here and is never closed"),
                           source->display, self->next_line);
              return FALSE;
            }
          for (guint i = 0; i + 1 < self->offsets->len; i += 2)
            {
              guint from = g_array_index (self->offsets, guint, i);
              guint to = g_array_index (self->offsets, guint, i + 1);
              add_cell (source->cells, self->scratch->str + from, to - from);
            }
          self->next_line += 1 + newlines;
          self->start = (row_end < end) ? (gsize) (row_end + 1 - self->buf) : self->end;
          return TRUE;
        }
    }
}

/* Bulk reading: the rows buffered whole, for the records fast lane. The
 * last '\n' is looked for once per buffer, not once per peek, so a row
 * that the caller hands to next() in between costs nothing extra. */
gboolean
rocznik_delimited_source_peek (RocznikRowSource *source,
                               const char      **data,
                               gsize            *len,
                               guint64          *line,
                               GError          **error)
{
  Delimited *self = (Delimited *) source;

  for (;;)
    {
      if (self->window_end > self->start)
        {
          *data = self->buf + self->start;
          *len = self->window_end - self->start;
          *line = self->next_line;
          return TRUE;
        }
      if (self->start < self->end)
        {
          gsize i = self->end;

          /* near the end: a row is short next to the buffer */
          while (i > self->start && self->buf[i - 1] != '\n')
            i--;
          if (i > self->start)
            {
              self->window_end = i;
              continue;
            }
        }
      if (self->eof)
        {
          /* a last row without a line break is left to next() */
          *data = self->buf + self->start;
          *len = 0;
          *line = self->next_line;
          return TRUE;
        }
      if (!refill (self, error))
        return FALSE;
    }
}

void
rocznik_delimited_source_consume (RocznikRowSource *source,
                                  gsize             len,
                                  guint64           rows)
{
  Delimited *self = (Delimited *) source;

  self->start += len;
  self->next_line += rows;
}

void
rocznik_delimited_source_skip_rest (RocznikRowSource *source)
{
  Delimited *self = (Delimited *) source;

  self->start = self->end = self->window_end = self->raw_len = 0;
  self->eof = TRUE;
  source->bytes_done = source->bytes_total;
}

static char *
delimited_where (RocznikRowSource *source,
                 int               column)
{
  return g_strdup_printf (_("file %s, line %" PRIu64), source->display, source->line);
}

static void
delimited_free (RocznikRowSource *source)
{
  Delimited *self = (Delimited *) source;

  if (self->fd >= 0)
    close (self->fd);
  if (self->decoder != (GIConv) -1)
    g_iconv_close (self->decoder);
  g_free (self->raw);
  g_free (self->buf);
  g_string_free (self->scratch, TRUE);
  g_array_unref (self->offsets);
  rocznik_row_source_clear (source);
  g_free (self);
}

/* UTF-16: a BOM, or (none) text whose every other byte is NUL — ASCII
 * letters in UTF-16 — at the odd (little-endian) or even (big-endian)
 * positions. */
static const char *
utf16_in (const guchar *p,
          gsize         len,
          gsize        *bom)
{
  gsize odd = 0, even = 0, pairs = MIN (len, 4096) / 2;

  *bom = 2;
  if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
    return "UTF-16LE";
  if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
    return "UTF-16BE";
  *bom = 0;
  for (gsize i = 0; i < pairs; i++)
    {
      even += p[2 * i] == 0;
      odd += p[2 * i + 1] == 0;
    }
  if (pairs >= 2 && odd * 10 >= pairs * 6 && even * 20 <= pairs)
    return "UTF-16LE";
  if (pairs >= 2 && even * 10 >= pairs * 6 && odd * 20 <= pairs)
    return "UTF-16BE";
  return NULL;
}

/* Called after the first read: from then on, UTF-16 is decoded as read. */
static gboolean
start_decoding (Delimited                  *self,
                const RocznikImportOptions *options,
                RocznikTextGuess           *guess,
                GError                    **error)
{
  gsize bom = 0;
  const char *utf16 = NULL;

  if (options->encoding && g_ascii_strncasecmp (options->encoding, "UTF-16", 6) == 0)
    {
      utf16 = utf16_in ((const guchar *) self->buf, self->end, &bom);
      if (g_ascii_strcasecmp (options->encoding, "UTF-16") != 0 || utf16 == NULL)
        utf16 = g_ascii_strcasecmp (options->encoding, "UTF-16BE") == 0 ? "UTF-16BE" : "UTF-16LE";
    }
  else if (options->encoding == NULL)
    utf16 = utf16_in ((const guchar *) self->buf, self->end, &bom);
  self->probed = TRUE;
  if (utf16 == NULL)
    {
      const char *nul = memchr (self->buf, '\0', self->end);

      if (nul == NULL)
        return TRUE;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %" PRIu64 ": a NUL byte; this is not a text file"),
                   self->base.display, line_of (self->buf, nul - self->buf, 1));
      return FALSE;
    }
  self->decoder = g_iconv_open ("UTF-8", utf16);
  if (self->decoder == (GIConv) -1)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the encoding %s is not known"), self->base.display, utf16);
      return FALSE;
    }
  guess->encoding = utf16;
  guess->decoded = TRUE;
  guess->bom = bom > 0;
  self->raw = g_malloc (CHUNK);
  self->raw_len = self->end - bom;
  memcpy (self->raw, self->buf + bom, self->raw_len);
  self->end = 0;
  self->eof = FALSE;
  return refill (self, error);
}

RocznikRowSource *
rocznik_delimited_source_new (const char                 *path,
                              const RocznikImportOptions *options,
                              RocznikTextGuess           *guess,
                              GError                    **error)
{
  Delimited *self = g_new0 (Delimited, 1);
  RocznikRowSource *source = &self->base;
  GStatBuf st;
  gboolean bullets = FALSE;

  rocznik_row_source_init (source, path);
  source->next = delimited_next;
  source->where = delimited_where;
  source->free = delimited_free;
  g_array_set_size (source->cells, CELLS_RESERVED);
  g_array_set_size (source->cells, 0);
  self->scratch = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->next_line = 1;
  self->cap = CHUNK;
  self->buf = g_malloc0 (self->cap + ROCZNIK_IMPORT_SLACK);
  self->decoder = (GIConv) -1;
  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0 || fstat (self->fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("file %s: cannot open: %s"), source->display, g_strerror (saved));
      delimited_free (source);
      return NULL;
    }
  source->bytes_total = st.st_size;

  if (!refill (self, error) || !start_decoding (self, options, guess, error))
    {
      delimited_free (source);
      return NULL;
    }
  /* a whole CHUNK for the guesses, unless the file is smaller */
  while (!self->eof && self->end < self->cap - 8)
    if (!refill (self, error))
      {
        delimited_free (source);
        return NULL;
      }
  /* no '\n' at all, but '\r': old Excel for Mac */
  if (memchr (self->buf, '\n', self->end) == NULL && memchr (self->buf, '\r', self->end) != NULL)
    {
      self->cr_only = TRUE;
      guess->cr_only = TRUE;
      for (char *q = self->buf; (q = memchr (q, '\r', self->buf + self->end - q)) != NULL; q++)
        *q = '\n';
    }

  {
    const char *nl = memchr (self->buf, '\n', self->end);
    guess->crlf = !self->cr_only && nl && nl > self->buf && nl[-1] == '\r';
  }
  {
    gsize skip = 0;
    const char *p = self->buf;
    gsize n = self->end;

    while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
      n--;
    if (n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
      {
        guess->bom = TRUE;
        skip = 3;
      }
    if (n <= skip)
      {
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s: the file is empty"), source->display);
        delimited_free (source);
        return NULL;
      }
    self->start = skip;
  }

  if (guess->decoded)
    ;   /* UTF-16, now UTF-8 */
  else if (options->encoding)
    guess->encoding = options->encoding;
  else
    {
      guess->encoding = detect_encoding (self->buf + self->start, self->end - self->start,
                                         self->eof, source->display, error);
      if (guess->encoding == NULL)
        {
          delimited_free (source);
          return NULL;
        }
    }
  guess->delimiter = detect_delimiter (self->buf + self->start, self->end - self->start, &bullets);
  guess->report_text = bullets || guess->delimiter == 0;
  if (options->delimiter)
    guess->delimiter = options->delimiter;
  if (guess->delimiter == 0)
    guess->delimiter = ',';
  self->delimiter = guess->delimiter;
  return source;
}
