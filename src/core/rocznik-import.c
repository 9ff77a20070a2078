/* rocznik-import.c — from a file to a preview of years, and into the workspace
 *
 * Every tabular format goes through one path: a row source (delimited text
 * or XLSX) yields rows; the first rows are kept to find the header, title
 * rows and column roles; then every row is handled by its shape. Per-call
 * records are counted in a hash table on the raw topic bytes, so memory grows
 * with the number of distinct topics, never with rows, and names are
 * converted to UTF-8 once per topic.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import-private.h"
#include "rocznik-import.h"
#include "rocznik-report-text.h"

#define HEAD_ROWS 64
#define MAX_SKIPPED_SHOWN 20
#define MAX_COLUMNS 4096
#define MAX_REPORT_SIZE (16 * 1024 * 1024)

struct _RocznikImport
{
  char               *path;
  char               *display;
  RocznikImportFormat format;
  RocznikImportShape  shape;
  char               *encoding;
  char                delimiter;
  char               *sheet;
  char              **sheets;
  GPtrArray          *column_names;   /* char* */
  GArray             *roles;          /* RocznikImportColumnRole */
  GPtrArray          *years;          /* RocznikYear*, ascending */
  guint64             n_rows;
  guint64             n_skipped;
  GPtrArray          *skipped;        /* char* */
  GPtrArray          *warnings;       /* char* */
};

/* Per-call records: one entry per (year, raw topic bytes). */
typedef struct
{
  guint64  hash;
  char    *bytes;
  guint    len;
  int      year;
  guint64  line;
  gint64   months[12];
} RecordEntry;

typedef struct
{
  RecordEntry *slots;
  gsize        size;   /* power of two */
  gsize        used;
} RecordTable;

typedef struct
{
  gint64  total;
  guint64 line;
} TotalRow;

typedef struct
{
  RocznikImport              *imp;
  RocznikRowSource           *src;
  const RocznikImportOptions *opt;
  GIConv                      conv;
  gboolean                    utf8;
  GCancellable               *cancellable;
  RocznikProgressFunc         progress;
  gpointer                    user_data;

  int                         topic_col, count_col, year_col, month_col, date_col;
  GArray                     *col_years;  /* int per column, wide shape */
  int                         file_year;
  gboolean                    year_unknown;
  GHashTable                 *year_map;   /* int → RocznikYear* (borrowed from imp->years) */
  GHashTable                 *topics;     /* "year\x1fkey" → RocznikTopic* */
  GHashTable                 *lines;      /* same key → first line */
  GHashTable                 *totals;     /* int → TotalRow* */
  RecordTable                 records;
  GString                    *tmp;
} Ctx;

typedef struct
{
  guint64 line;
  GArray *cells;   /* RocznikCell with owned copies */
} HeadRow;

/* Names */

const char *
rocznik_import_format_name (RocznikImportFormat format)
{
  switch (format)
    {
    case ROCZNIK_IMPORT_FORMAT_DELIMITED: return _("delimited text");
    case ROCZNIK_IMPORT_FORMAT_XLSX: return _("Excel workbook (XLSX)");
    case ROCZNIK_IMPORT_FORMAT_REPORT_TEXT: return _("report text");
    default: return "";
    }
}

const char *
rocznik_import_shape_name (RocznikImportShape shape)
{
  switch (shape)
    {
    case ROCZNIK_IMPORT_SHAPE_LONG: return _("a topic and its count on each row");
    case ROCZNIK_IMPORT_SHAPE_WIDE: return _("topics in rows, one column per year");
    case ROCZNIK_IMPORT_SHAPE_RECORDS: return _("one row per call, counted by topic and month");
    case ROCZNIK_IMPORT_SHAPE_REPORT: return _("the text of a published report");
    default: return "";
    }
}

const char *
rocznik_import_column_role_name (RocznikImportColumnRole role)
{
  switch (role)
    {
    case ROCZNIK_IMPORT_COLUMN_IGNORED: return _("ignored");
    case ROCZNIK_IMPORT_COLUMN_TOPIC: return _("topic");
    case ROCZNIK_IMPORT_COLUMN_COUNT: return _("number of calls");
    case ROCZNIK_IMPORT_COLUMN_YEAR: return _("year");
    case ROCZNIK_IMPORT_COLUMN_MONTH: return _("month");
    case ROCZNIK_IMPORT_COLUMN_DATE: return _("date of the call");
    case ROCZNIK_IMPORT_COLUMN_YEAR_COUNT: return _("calls in the year named in the header");
    default: return "";
    }
}

char *
rocznik_import_delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case '\t': return g_strdup (_("tab"));
    case ';': return g_strdup (_("semicolon „;”"));
    case ',': return g_strdup (_("comma „,”"));
    case '|': return g_strdup (_("vertical bar „|”"));
    case 0: return g_strdup (_("none"));
    default: return g_strdup_printf ("„%c”", delimiter);
    }
}

/* Errors and skipped rows */

G_GNUC_PRINTF (4, 5) static void
fail_at (Ctx        *c,
         int         column,
         GError    **error,
         const char *format,
         ...)
{
  g_autofree char *where = c->src->where (c->src, column);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, "%s: %s", where, message);
}

G_GNUC_PRINTF (2, 3) static void
skip_row (Ctx        *c,
          const char *format,
          ...)
{
  c->imp->n_skipped++;
  if (c->imp->skipped->len < MAX_SKIPPED_SHOWN)
    {
      g_autofree char *where = c->src->where (c->src, -1);
      g_autofree char *message = NULL;
      va_list args;

      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
      g_ptr_array_add (c->imp->skipped, g_strdup_printf ("%s: %s", where, message));
    }
}

/* Cells */

static inline gboolean
is_space (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static inline void
trim (const char **p,
      guint       *len)
{
  while (*len > 0 && is_space (**p))
    (*p)++, (*len)--;
  while (*len > 0 && is_space ((*p)[*len - 1]))
    (*len)--;
}

static const RocznikCell *
cell_at (GArray *cells,
         int     column)
{
  static const RocznikCell empty = { "", 0, 0 };

  if (column < 0 || (guint) column >= cells->len)
    return &empty;
  return &g_array_index (cells, RocznikCell, column);
}

static gboolean
cell_is_blank (const RocznikCell *cell)
{
  for (guint i = 0; i < cell->len; i++)
    if (!is_space (cell->data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (!cell_is_blank (&g_array_index (cells, RocznikCell, i)))
      return FALSE;
  return TRUE;
}

/* Bytes in the file's encoding → trimmed UTF-8, or an error naming the cell. */
static char *
bytes_to_utf8 (Ctx        *c,
               const char *data,
               guint       len,
               int         column,
               GError    **error)
{
  gboolean high = FALSE;
  char *out;

  trim (&data, &len);
  for (guint i = 0; i < len; i++)
    {
      guchar b = (guchar) data[i];

      if (b >= 0x80)
        high = TRUE;
      else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
        {
          fail_at (c, column, error, _("a control character; this is not a table of calls"));
          return NULL;
        }
    }
  if (!high)
    return g_strndup (data, len);
  if (c->utf8)
    {
      if (!g_utf8_validate (data, len, NULL))
        {
          fail_at (c, column, error, _("the text is not valid UTF-8; the file mixes encodings or is not text"));
          return NULL;
        }
      out = g_strndup (data, len);
    }
  else
    {
      gsize written = 0;

      /* Polish letters in UTF-8 start with C3–C5: in an 8-bit file, a mix */
      for (guint i = 0; i + 1 < len; i++)
        if ((guchar) data[i] >= 0xC3 && (guchar) data[i] <= 0xC5 &&
            (guchar) data[i + 1] >= 0x80 && (guchar) data[i + 1] <= 0xBF &&
            g_utf8_validate (data, len, NULL))
          {
            fail_at (c, column, error, _("the text mixes UTF-8 with another encoding; save the file again in one encoding"));
            return NULL;
          }
      g_iconv (c->conv, NULL, NULL, NULL, NULL);
      out = g_convert_with_iconv (data, len, c->conv, NULL, &written, NULL);
      if (out == NULL)
        {
          fail_at (c, column, error, _("bytes that are not %s text"), c->imp->encoding);
          return NULL;
        }
    }
  return out;
}

static char *
cell_text (Ctx               *c,
           const RocznikCell *cell,
           int                column,
           GError           **error)
{
  return bytes_to_utf8 (c, cell->data, cell->len, column, error);
}

/* Numbers: NBSP in an 8-bit file is 0xA0; convert before parsing. */
static RocznikCountResult
cell_count (Ctx               *c,
            const RocznikCell *cell,
            int                column,
            gint64            *count,
            GError           **error)
{
  RocznikCountResult r;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;

  for (guint i = 0; i < cell->len; i++)
    if ((guchar) cell->data[i] >= 0x80)
      {
        text = cell_text (c, cell, column, error);
        if (text == NULL)
          return ROCZNIK_COUNT_NOT_NUMBER;
        break;
      }
  r = text ? rocznik_parse_count (text, -1, count) : rocznik_parse_count (cell->data, cell->len, count);
  if (r == ROCZNIK_COUNT_OK || r == ROCZNIK_COUNT_EMPTY)
    return r;
  if (text == NULL)
    text = g_strndup (cell->data, MIN (cell->len, 200));
  problem = rocznik_count_problem (r, text);
  fail_at (c, column, error, "%s", problem);
  return r;
}

static gboolean
parse_int (const char *p,
           guint       len,
           int         digits_min,
           int         digits_max,
           int        *value)
{
  int v = 0;

  trim (&p, &len);
  if ((int) len < digits_min || (int) len > digits_max)
    return FALSE;
  for (guint i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

static inline int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

static inline gboolean
digits (const char *p,
        int         n)
{
  for (int i = 0; i < n; i++)
    if ((guchar) (p[i] - '0') > 9)
      return FALSE;
  return TRUE;
}

/* "2018-03-14", "2018-03-14 08:12:55", "2018-03-14T08:12", "2018/03/14",
 * "14.03.2018", "14.03.2018 08:12", "4.3.2018", "2018-03"; or an Excel
 * serial day number from an XLSX cell. Only year and month matter. */
static gboolean
parse_date (const char *p,
            guint       len,
            guint       flags,
            int        *year,
            int        *month)
{
  int y, m, d = 1;
  guint rest;

  trim (&p, &len);
  if (flags & ROCZNIK_CELL_NUMBER)
    {
      g_autofree char *s = g_strndup (p, len);
      char *end = NULL;
      double serial = g_ascii_strtod (s, &end);
      g_autoptr(GDateTime) base = NULL;
      g_autoptr(GDateTime) when = NULL;

      if (end == s || *end != '\0' || !(serial >= 1 && serial < 2958466))
        return FALSE;
      base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
      when = g_date_time_add_days (base, (int) serial);
      *year = g_date_time_get_year (when);
      *month = g_date_time_get_month (when);
      return TRUE;
    }

  if (len >= 7 && digits (p, 4) && (p[4] == '-' || p[4] == '/' || p[4] == '.') && digits (p + 5, 2))
    {
      y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + two_digits (p + 2);
      m = two_digits (p + 5);
      rest = 7;
      if (len >= 10 && p[7] == p[4] && digits (p + 8, 2))
        {
          d = two_digits (p + 8);
          rest = 10;
        }
    }
  else
    {
      guint i = 0, j;

      /* D.M.YYYY, DD-MM-YYYY, DD/MM/YYYY */
      for (j = i; j < len && j - i < 2 && g_ascii_isdigit (p[j]); j++);
      if (j == i || j >= len || (p[j] != '.' && p[j] != '-' && p[j] != '/'))
        return FALSE;
      d = (j - i == 2) ? two_digits (p + i) : p[i] - '0';
      i = j + 1;
      for (j = i; j < len && j - i < 2 && g_ascii_isdigit (p[j]); j++);
      if (j == i || j >= len || p[j] != p[i - 1])
        return FALSE;
      m = (j - i == 2) ? two_digits (p + i) : p[i] - '0';
      i = j + 1;
      if (len - i < 4 || !digits (p + i, 4))
        return FALSE;
      y = (p[i] - '0') * 1000 + (p[i + 1] - '0') * 100 + two_digits (p + i + 2);
      rest = i + 4;
    }
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999)
    return FALSE;
  if (rest < len)
    {
      /* a time may follow: " 08:12", "T08:12:55" */
      if ((p[rest] != ' ' && p[rest] != 'T' && p[rest] != ',') || rest + 1 >= len)
        return FALSE;
      rest++;
      while (rest < len && p[rest] == ' ')
        rest++;
      if (rest >= len || !g_ascii_isdigit (p[rest]))
        return FALSE;
    }
  *year = y;
  *month = m;
  return TRUE;
}

/* 1–12, "3", "03", "marzec", "marca", "mar", "March", "2018-03" */
static gboolean
parse_month (const char *text,
             int        *month,
             int        *year)
{
  static const char *const pl[] = { "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paz", "lis", "gru" };
  static const char *const en[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
  g_autofree char *folded = rocznik_search_fold (text);
  int m, y, d;

  g_strstrip (folded);
  if (parse_int (folded, strlen (folded), 1, 2, &m))
    {
      if (m < 1 || m > 12)
        return FALSE;
      *month = m;
      return TRUE;
    }
  if (parse_date (folded, strlen (folded), 0, &y, &d))
    {
      *month = d;
      *year = y;
      return TRUE;
    }
  if (strlen (folded) < 3)
    return FALSE;
  for (guint i = 0; i < 12; i++)
    if (strncmp (folded, pl[i], 3) == 0 || strncmp (folded, en[i], 3) == 0)
      {
        *month = (int) i + 1;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_total_name (const char *name)
{
  static const char *const totals[] = {
    "razem", "suma", "ogolem", "total", "lacznie", "w sumie", "suma koncowa", "suma calkowita",
    "grand total", "sum", "total calls", "razem rozmow",
  };
  g_autofree char *folded = rocznik_search_fold (name);
  gsize n;

  g_strstrip (folded);
  n = strlen (folded);
  while (n > 0 && (folded[n - 1] == ':' || folded[n - 1] == '.'))
    folded[--n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (strcmp (folded, totals[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "2018", "2018 r.", "rok 2018", "2018 rok", "year 2018" */
static int
year_in_header (const char *folded)
{
  const char *p = folded;
  int y;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "rok "))
    p += 4;
  else if (g_str_has_prefix (p, "year "))
    p += 5;
  if (!parse_int (p, MIN (strlen (p), 4), 4, 4, &y) || y < 1900 || y > 2999)
    return 0;
  p += 4;
  while (*p == ' ')
    p++;
  if (*p == '\0' || strcmp (p, "r.") == 0 || strcmp (p, "r") == 0 || strcmp (p, "rok") == 0)
    return y;
  return 0;
}

static RocznikImportColumnRole
header_role (const char *name,
             int        *year)
{
  static const struct { const char *prefix; RocznikImportColumnRole role; } names[] = {
    { "rok", ROCZNIK_IMPORT_COLUMN_YEAR }, { "year", ROCZNIK_IMPORT_COLUMN_YEAR },
    { "miesiac", ROCZNIK_IMPORT_COLUMN_MONTH }, { "month", ROCZNIK_IMPORT_COLUMN_MONTH },
    { "data", ROCZNIK_IMPORT_COLUMN_DATE }, { "date", ROCZNIK_IMPORT_COLUMN_DATE }, { "dzien", ROCZNIK_IMPORT_COLUMN_DATE },
    { "czas rozpoczecia", ROCZNIK_IMPORT_COLUMN_DATE }, { "poczatek", ROCZNIK_IMPORT_COLUMN_DATE },
    { "timestamp", ROCZNIK_IMPORT_COLUMN_DATE }, { "start", ROCZNIK_IMPORT_COLUMN_DATE },
    { "temat", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "topic", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "kategori", ROCZNIK_IMPORT_COLUMN_TOPIC },
    { "categor", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "sprawa", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "obszar", ROCZNIK_IMPORT_COLUMN_TOPIC },
    { "subject", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "rodzaj sprawy", ROCZNIK_IMPORT_COLUMN_TOPIC }, { "zagadnienie", ROCZNIK_IMPORT_COLUMN_TOPIC },
    { "liczba", ROCZNIK_IMPORT_COLUMN_COUNT }, { "ilosc", ROCZNIK_IMPORT_COLUMN_COUNT }, { "calls", ROCZNIK_IMPORT_COLUMN_COUNT },
    { "count", ROCZNIK_IMPORT_COLUMN_COUNT }, { "number", ROCZNIK_IMPORT_COLUMN_COUNT }, { "rozmowy", ROCZNIK_IMPORT_COLUMN_COUNT },
    { "rozmow", ROCZNIK_IMPORT_COLUMN_COUNT }, { "polaczen", ROCZNIK_IMPORT_COLUMN_COUNT }, { "polaczenia", ROCZNIK_IMPORT_COLUMN_COUNT },
    { "zgloszen", ROCZNIK_IMPORT_COLUMN_COUNT },
  };
  g_autofree char *folded = rocznik_search_fold (name);
  gsize n;

  g_strstrip (folded);
  n = strlen (folded);
  while (n > 0 && folded[n - 1] == ':')
    folded[--n] = '\0';
  *year = year_in_header (folded);
  if (*year)
    return ROCZNIK_IMPORT_COLUMN_YEAR_COUNT;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = strlen (names[i].prefix);

      if (strncmp (folded, names[i].prefix, len) == 0 &&
          (folded[len] == '\0' || !g_ascii_isalpha (folded[len]) || names[i].prefix[len - 1] == 'i' ||
           names[i].role == ROCZNIK_IMPORT_COLUMN_COUNT || names[i].role == ROCZNIK_IMPORT_COLUMN_TOPIC))
        return names[i].role;
    }
  if (strcmp (folded, "n") == 0)
    return ROCZNIK_IMPORT_COLUMN_COUNT;
  return ROCZNIK_IMPORT_COLUMN_IGNORED;
}

/* A year in a title or a file name: "Raport 2018", "poznan-2019.csv" */
static int
year_in_text (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      int y;

      if ((p == text || !g_ascii_isdigit (p[-1])) && parse_int (p, MIN (strlen (p), 4), 4, 4, &y) &&
          !g_ascii_isdigit (p[4]) && y >= 1990 && y <= 2100)
        return y;
    }
  return 0;
}

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

static gboolean
add_count (Ctx        *c,
           int         number,
           const char *name,
           int         month,
           gint64      count,
           int         column,
           GError    **error)
{
  RocznikYear *year;
  RocznikTopic *topic;
  g_autofree char *key = rocznik_topic_key (name);
  g_autofree char *id = g_strdup_printf ("%d\x1f%s", number, key);

  if ((number < 1900 || number > 2999) && !(number == 0 && c->year_unknown))
    {
      fail_at (c, column, error, _("%d is not a year Rocznik can store"), number);
      return FALSE;
    }
  year = get_year (c, number);
  topic = g_hash_table_lookup (c->topics, id);
  if (topic && month == 0)
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (c->lines, id));

      if (number == 0)
        fail_at (c, column, error, _("the topic „%s” is listed twice (first on line %u)"), name, first);
      else
        fail_at (c, column, error, _("the topic „%s” is listed twice for %d (first on line %u)"),
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
      fail_at (c, column, error, _("the counts of „%s” add up to more than 2⁵³"), name);
      return FALSE;
    }
  topic->count += count;
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

  if (row_is_blank (cells))
    return TRUE;
  topic = cell_text (c, tc, c->topic_col, error);
  if (topic == NULL)
    return FALSE;
  r = cell_count (c, cc, c->count_col, &count, error);
  if (r != ROCZNIK_COUNT_OK && r != ROCZNIK_COUNT_EMPTY)
    return FALSE;

  if (c->year_col >= 0)
    {
      g_autofree char *text = cell_text (c, cell_at (cells, c->year_col), c->year_col, error);

      if (text == NULL)
        return FALSE;
      if (!parse_int (text, strlen (text), 4, 4, &year) || year < 1900 || year > 2999)
        {
          if (text[0] == '\0' && topic[0] == '\0')
            return TRUE;
          fail_at (c, c->year_col, error, _("„%s” is not a year"), text);
          return FALSE;
        }
    }
  if (c->month_col >= 0)
    {
      g_autofree char *text = cell_text (c, cell_at (cells, c->month_col), c->month_col, error);
      int from_date = 0;

      if (text == NULL)
        return FALSE;
      if (!parse_month (text, &month, &from_date))
        {
          fail_at (c, c->month_col, error, _("„%s” is not a month"), text);
          return FALSE;
        }
      if (from_date && c->year_col < 0 && c->opt->year == 0)
        year = from_date;
    }

  if (is_total_name (topic) || (cc->flags & ROCZNIK_CELL_SUM))
    {
      if (r == ROCZNIK_COUNT_OK && month == 0)
        note_total (c, year, count);
      return TRUE;
    }
  if (topic[0] == '\0')
    {
      skip_row (c, _("a number without a topic"));
      return TRUE;
    }
  if (r == ROCZNIK_COUNT_EMPTY)
    {
      skip_row (c, _("„%s” has no number of calls"), topic);
      return TRUE;
    }
  c->imp->n_rows++;
  return add_count (c, year, topic, month, count, c->topic_col, error);
}

static gboolean
handle_wide (Ctx     *c,
             GArray  *cells,
             GError **error)
{
  g_autofree char *topic = NULL;
  gboolean total;
  gboolean any = FALSE;

  if (row_is_blank (cells))
    return TRUE;
  topic = cell_text (c, cell_at (cells, c->topic_col), c->topic_col, error);
  if (topic == NULL)
    return FALSE;
  total = is_total_name (topic);
  for (guint col = 0; col < c->col_years->len; col++)
    {
      int year = g_array_index (c->col_years, int, col);
      const RocznikCell *cc;
      gint64 count;
      RocznikCountResult r;

      if (year == 0)
        continue;
      cc = cell_at (cells, col);
      r = cell_count (c, cc, col, &count, error);
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
          skip_row (c, _("a number without a topic"));
          return TRUE;
        }
      if (!add_count (c, year, topic, 0, count, col, error))
        return FALSE;
    }
  if (!any && !total)
    skip_row (c, _("„%s” has no number of calls"), topic);
  else if (!total)
    c->imp->n_rows++;
  return TRUE;
}

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

static void
records_grow (RecordTable *t)
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

static void
records_clear (RecordTable *t)
{
  for (gsize i = 0; i < t->size; i++)
    g_free (t->slots[i].bytes);
  g_clear_pointer (&t->slots, g_free);
  t->size = t->used = 0;
}

/* A topic (or year) not seen yet: rare, so kept out of the loop. */
G_NO_INLINE static void
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
    records_grow (t);
  for (i = h & (t->size - 1); t->slots[i].bytes; i = (i + 1) & (t->size - 1))
    ;
  t->slots[i].hash = h;
  t->slots[i].bytes = g_strndup (bytes, len);
  t->slots[i].len = len;
  t->slots[i].year = year;
  t->slots[i].line = line;
  t->slots[i].months[month - 1] = 1;
  t->used++;
}

G_ALWAYS_INLINE static inline void
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
          return;
        }
    }
  records_insert (t, h, bytes, len, year, month, line);
}

static gboolean
handle_record (Ctx     *c,
               GArray  *cells,
               GError **error)
{
  const RocznikCell *dc = cell_at (cells, c->date_col);
  const RocznikCell *tc = cell_at (cells, c->topic_col);
  const char *topic = tc->data;
  guint len = tc->len;
  int year, month;

  if (G_UNLIKELY (!parse_date (dc->data, dc->len, dc->flags, &year, &month)))
    {
      g_autofree char *text = NULL;

      if (row_is_blank (cells))
        return TRUE;
      text = cell_text (c, dc, c->date_col, error);
      if (text == NULL)
        return FALSE;
      fail_at (c, c->date_col, error, _("„%s” is not a date (expected e.g. 2018-03-14 or 14.03.2018)"), text);
      return FALSE;
    }
  trim (&topic, &len);
  if (G_UNLIKELY (len == 0))
    {
      skip_row (c, _("a call without a topic"));
      return TRUE;
    }
  if (G_UNLIKELY (c->opt->year && year != c->opt->year))
    {
      skip_row (c, _("a call outside %d"), c->opt->year);
      return TRUE;
    }
  records_add (&c->records, topic, len, year, month, c->src->line);
  c->imp->n_rows++;
  return TRUE;
}

static gboolean handle_row (Ctx *c, GArray *cells, GError **error);

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
  else if ((p[2] == '.' || p[2] == '-' || p[2] == '/') && p[5] == p[2]
           && digits_in (v, G_GUINT64_CONSTANT (0xFFFF00FFFF00FFFF)))      /* DD.MM.YYYY */
    {
      d = two_digits (p);
      m = two_digits (p + 3);
      y = (p[6] - '0') * 1000 + (p[7] - '0') * 100 + two_digits (p + 8);
    }
  else
    return FALSE;
  if ((guint) (m - 1) > 11 || (guint) (d - 1) > 30 || (guint) (y - 1900) > 1099)
    return FALSE;
  /* a time may follow: parse_date() takes what this does not */
  if (len > 10 && (len < 12 || (p[10] != ' ' && p[10] != 'T' && p[10] != ',') || (guint) (guchar) p[11] - '0' > 9))
    return FALSE;
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
static inline gboolean
record_fast (Ctx         *c,
             const char  *p,
             Bytes16      delimiter,
             Bytes16      newline,
             guint64      line,
             const char **next)
{
  const char *date = NULL, *topic = NULL, *cut = p;
  guint date_len = 0, topic_len = 0;
  int need = c->src->max_cells, year, month;

  for (int col = 0; col < need; col++)
    {
      const char *end;

      if (G_UNLIKELY (*p == '"'))
        return FALSE;
      end = cut = find_either (p, delimiter, newline);
      if (*cut == '\n')
        {
          if (col + 1 < need)
            return FALSE;   /* fewer cells than needed */
          if (end > p && end[-1] == '\r')
            end--;
        }
      if (col == c->date_col)
        date = p, date_len = end - p;
      if (col == c->topic_col)
        topic = p, topic_len = end - p;
      p = cut + 1;
    }
  if (!date_fast (date, date_len, &year, &month))
    return FALSE;
  if (G_UNLIKELY (topic_len == 0 || is_space (topic[0]) || is_space (topic[topic_len - 1])))
    {
      trim (&topic, &topic_len);
      if (topic_len == 0)
        return FALSE;
    }
  if (G_UNLIKELY (c->opt->year && year != c->opt->year))
    return FALSE;
  records_add (&c->records, topic, topic_len, year, month, line);
  c->imp->n_rows++;
  *next = (*cut == '\n') ? cut + 1 : find_either (cut, newline, newline) + 1;
  return TRUE;
}

/* Until the last row without a line break, which the general loop reads. */
static gboolean
records_fast_lane (Ctx     *c,
                   GError **error)
{
  RocznikRowSource *src = c->src;
  Bytes16 delimiter, newline;

  memset (&delimiter, c->imp->delimiter, sizeof delimiter);
  memset (&newline, '\n', sizeof newline);

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
        if (!record_fast (c, p, delimiter, newline, line + rows, &p))
          break;
      rocznik_delimited_source_consume (src, p - data, rows);
      if (p < end)
        {
          /* a row for the general path; next() sets an error if it fails */
          if (!src->next (src, error) || !handle_row (c, src->cells, error))
            return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
        return FALSE;
      if (c->progress && src->bytes_total)
        c->progress ((double) src->bytes_done / (double) src->bytes_total, c->user_data);
    }
}

static int
compare_count_desc (gconstpointer a,
                    gconstpointer b)
{
  const RocznikTopic *ta = *(RocznikTopic **) a, *tb = *(RocznikTopic **) b;

  return (ta->count < tb->count) - (ta->count > tb->count);
}

/* Distinct topics → UTF-8 names, merged by key. */
static gboolean
records_finish (Ctx     *c,
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
      name = bytes_to_utf8 (c, e->bytes, e->len, c->topic_col, error);
      if (name == NULL)
        return FALSE;
      for (int m = 0; m < 12; m++)
        if (e->months[m] && !add_count (c, e->year, name, m + 1, e->months[m], c->topic_col, error))
          return FALSE;
    }
  for (guint i = 0; i < c->imp->years->len; i++)
    {
      RocznikYear *year = g_ptr_array_index (c->imp->years, i);
      g_ptr_array_sort (year->topics, compare_count_desc);
    }
  return TRUE;
}

/* Analysis of the first rows */

typedef struct
{
  guint numbers, dates, texts, empty;
} ColumnStats;

static void
head_row_free (gpointer data)
{
  HeadRow *row = data;

  for (guint i = 0; i < row->cells->len; i++)
    g_free ((char *) g_array_index (row->cells, RocznikCell, i).data);
  g_array_unref (row->cells);
  g_free (row);
}

static HeadRow *
head_row_copy (RocznikRowSource *src)
{
  HeadRow *row = g_new0 (HeadRow, 1);

  row->line = src->line;
  row->cells = g_array_sized_new (FALSE, FALSE, sizeof (RocznikCell), src->cells->len);
  for (guint i = 0; i < src->cells->len && i < MAX_COLUMNS; i++)
    {
      RocznikCell cell = g_array_index (src->cells, RocznikCell, i);

      cell.data = g_strndup (cell.data, cell.len);
      g_array_append_val (row->cells, cell);
    }
  return row;
}

typedef enum { KIND_EMPTY, KIND_NUMBER, KIND_DATE, KIND_TEXT } Kind;

static Kind
cell_kind (const RocznikCell *cell)
{
  gint64 n;
  int y, m;
  RocznikCountResult r;

  if (cell_is_blank (cell))
    return KIND_EMPTY;
  if (parse_date (cell->data, cell->len, 0, &y, &m))
    return KIND_DATE;
  r = rocznik_parse_count (cell->data, cell->len, &n);
  if (r == ROCZNIK_COUNT_OK || r == ROCZNIK_COUNT_NEGATIVE || r == ROCZNIK_COUNT_FRACTION ||
      r == ROCZNIK_COUNT_TOO_LARGE)
    return KIND_NUMBER;
  /* "70 055" in an 8-bit file: 0xA0 between digits */
  if (cell->len > 0 && g_ascii_isdigit (cell->data[0]))
    {
      gboolean numeric = TRUE;
      for (guint i = 0; i < cell->len && numeric; i++)
        numeric = g_ascii_isdigit (cell->data[i]) || (guchar) cell->data[i] == 0xA0 || cell->data[i] == ' ';
      if (numeric)
        return KIND_NUMBER;
    }
  return KIND_TEXT;
}

static gboolean
analyse (Ctx       *c,
         GPtrArray *head,
         guint     *data_start,
         GError   **error)
{
  RocznikImport *imp = c->imp;
  const RocznikImportOptions *o = c->opt;
  guint ncols = 0;
  int header = -1;
  g_autoptr(GArray) header_roles = NULL;
  g_autofree ColumnStats *stats = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  gboolean count_named = FALSE;
  guint first_data = head->len;

  for (guint i = 0; i < head->len; i++)
    ncols = MAX (ncols, ((HeadRow *) g_ptr_array_index (head, i))->cells->len);
  header_roles = g_array_new (FALSE, TRUE, sizeof (int));
  c->col_years = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_set_size (c->col_years, ncols);

  /* the header: the first row naming a known column, or two years */
  for (guint i = 0; i < head->len && header < 0; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);
      guint known = 0, years = 0, nonempty = 0, numbers = 0;

      for (guint col = 0; col < row->cells->len; col++)
        {
          const RocznikCell *cell = &g_array_index (row->cells, RocznikCell, col);
          g_autofree char *text = NULL;
          int y;
          RocznikImportColumnRole role;

          if (cell_is_blank (cell))
            continue;
          nonempty++;
          if (cell->flags & ROCZNIK_CELL_NUMBER)
            numbers++;
          text = cell_text (c, cell, col, NULL);
          if (text == NULL)
            continue;
          role = header_role (text, &y);
          if (role == ROCZNIK_IMPORT_COLUMN_YEAR_COUNT)
            years++;
          else if (role != ROCZNIK_IMPORT_COLUMN_IGNORED)
            known++;
          else if (cell_kind (cell) == KIND_NUMBER || cell_kind (cell) == KIND_DATE)
            numbers++;
        }
      if (nonempty >= 2 && ((known >= 1 && numbers == 0) || (years >= 1 && known >= 1) || (years >= 2 && numbers <= years)))
        header = (int) i;
    }
  if (header < 0)
    {
      /* else the row above the first row with a number or a date, if all text */
      for (guint i = 0; i < head->len && first_data == head->len; i++)
        {
          HeadRow *row = g_ptr_array_index (head, i);
          guint nonempty = 0, values = 0;

          for (guint col = 0; col < row->cells->len; col++)
            {
              Kind k = cell_kind (&g_array_index (row->cells, RocznikCell, col));
              nonempty += k != KIND_EMPTY;
              values += k == KIND_NUMBER || k == KIND_DATE;
            }
          if (nonempty >= 2 && values >= 1)
            first_data = i;
        }
      if (first_data > 0 && first_data < head->len)
        {
          HeadRow *row = g_ptr_array_index (head, first_data - 1);
          guint nonempty = 0, texts = 0;

          for (guint col = 0; col < row->cells->len; col++)
            {
              Kind k = cell_kind (&g_array_index (row->cells, RocznikCell, col));
              nonempty += k != KIND_EMPTY;
              texts += k == KIND_TEXT;
            }
          if (nonempty >= 2 && texts == nonempty)
            header = (int) first_data - 1;
        }
    }
  *data_start = header >= 0 ? (guint) header + 1 : (first_data < head->len ? first_data : 0);

  /* column names and the roles the header gives */
  g_array_set_size (header_roles, ncols);
  for (guint col = 0; col < ncols; col++)
    {
      g_autofree char *name = NULL;
      int y = 0;

      if (header >= 0)
        {
          HeadRow *row = g_ptr_array_index (head, header);
          name = cell_text (c, cell_at (row->cells, col), col, NULL);
        }
      if (name && name[0])
        g_array_index (header_roles, int, col) = header_role (name, &y);
      if (y)
        g_array_index (c->col_years, int, col) = y;
      if (name == NULL || name[0] == '\0')
        {
          g_autofree char *letters = rocznik_column_letters (col);
          g_free (name);
          name = g_strdup_printf (_("column %s"), letters);
        }
      g_ptr_array_add (imp->column_names, g_steal_pointer (&name));
    }

  /* rows above the data: titles, kept for a year in them */
  for (guint i = 0; i < *data_start; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      for (guint col = 0; col < row->cells->len; col++)
        {
          g_autofree char *text = cell_text (c, cell_at (row->cells, col), col, NULL);
          if (text && (int) i != header)
            g_string_append_printf (titles, "%s ", text);
        }
      if ((int) i != header && !row_is_blank (row->cells))
        {
          c->src->line = row->line;
          skip_row (c, _("a title above the table"));
        }
    }

  stats = g_new0 (ColumnStats, MAX (ncols, 1));
  for (guint i = *data_start; i < head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      for (guint col = 0; col < row->cells->len; col++)
        {
          const RocznikCell *cell = &g_array_index (row->cells, RocznikCell, col);
          Kind k = cell_kind (cell);

          if (k == KIND_NUMBER && (cell->flags & ROCZNIK_CELL_NUMBER) &&
              (g_array_index (header_roles, int, col) == ROCZNIK_IMPORT_COLUMN_DATE))
            k = KIND_DATE;
          stats[col].numbers += k == KIND_NUMBER;
          stats[col].dates += k == KIND_DATE;
          stats[col].texts += k == KIND_TEXT;
          stats[col].empty += k == KIND_EMPTY;
        }
    }

  /* roles: the user's choice, else the header, else the content */
  c->topic_col = o->topic_column;
  c->count_col = o->count_column;
  c->year_col = o->year_column;
  c->date_col = o->date_column;
  c->month_col = o->month_column;
  count_named = c->count_col >= 0;
  for (guint col = 0; col < ncols; col++)
    {
      int role = g_array_index (header_roles, int, col);
      int *slot = NULL;

      switch (role)
        {
        case ROCZNIK_IMPORT_COLUMN_TOPIC: slot = &c->topic_col; break;
        case ROCZNIK_IMPORT_COLUMN_COUNT: slot = &c->count_col; break;
        case ROCZNIK_IMPORT_COLUMN_YEAR: slot = &c->year_col; break;
        case ROCZNIK_IMPORT_COLUMN_MONTH: slot = &c->month_col; break;
        case ROCZNIK_IMPORT_COLUMN_DATE: slot = &c->date_col; break;
        default: break;
        }
      if (slot && *slot < 0 && (int) col != o->topic_column && (int) col != o->count_column &&
          (int) col != o->year_column && (int) col != o->date_column && (int) col != o->month_column)
        {
          *slot = (int) col;
          if (role == ROCZNIK_IMPORT_COLUMN_COUNT)
            count_named = TRUE;
        }
    }
  for (guint col = 0; col < ncols; col++)
    {
      ColumnStats *s = &stats[col];
      guint nonempty = s->numbers + s->dates + s->texts;
      gboolean taken = (int) col == c->topic_col || (int) col == c->count_col || (int) col == c->year_col ||
                       (int) col == c->date_col || (int) col == c->month_col ||
                       g_array_index (c->col_years, int, col) != 0;

      if (taken || nonempty == 0)
        continue;
      if (c->date_col < 0 && s->dates * 10 >= nonempty * 6)
        c->date_col = (int) col;
      else if (c->topic_col < 0 && s->texts * 10 >= nonempty * 6)
        c->topic_col = (int) col;
      else if (c->count_col < 0 && s->numbers * 10 >= nonempty * 6)
        c->count_col = (int) col;
    }

  /* the shape */
  {
    gboolean wide = FALSE;

    for (guint col = 0; col < ncols; col++)
      if (g_array_index (c->col_years, int, col) != 0 && (int) col != c->topic_col)
        wide = TRUE;
    if (c->date_col >= 0 && !count_named)
      {
        imp->shape = ROCZNIK_IMPORT_SHAPE_RECORDS;
        c->count_col = -1;
        c->month_col = -1;
        c->year_col = -1;
      }
    else if (wide && !count_named)
      {
        imp->shape = ROCZNIK_IMPORT_SHAPE_WIDE;
        c->count_col = -1;
        if (o->year)
          for (guint col = 0; col < ncols; col++)
            if (g_array_index (c->col_years, int, col) != o->year)
              g_array_index (c->col_years, int, col) = 0;
      }
    else
      {
        imp->shape = ROCZNIK_IMPORT_SHAPE_LONG;
        c->date_col = -1;
      }
    if (imp->shape != ROCZNIK_IMPORT_SHAPE_WIDE)
      for (guint col = 0; col < ncols; col++)
        g_array_index (c->col_years, int, col) = 0;
  }

  if (imp->shape == ROCZNIK_IMPORT_SHAPE_LONG && c->count_col < 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no column with numbers of calls (expected e.g. „temat;liczba” or one column per year)"),
                   imp->display);
      return FALSE;
    }
  if (c->topic_col < 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no column with topic names (expected e.g. „temat;liczba”)"),
                   imp->display);
      return FALSE;
    }

  for (guint col = 0; col < ncols; col++)
    {
      RocznikImportColumnRole role = ROCZNIK_IMPORT_COLUMN_IGNORED;

      if ((int) col == c->topic_col)
        role = ROCZNIK_IMPORT_COLUMN_TOPIC;
      else if ((int) col == c->count_col)
        role = ROCZNIK_IMPORT_COLUMN_COUNT;
      else if ((int) col == c->year_col)
        role = ROCZNIK_IMPORT_COLUMN_YEAR;
      else if ((int) col == c->month_col)
        role = ROCZNIK_IMPORT_COLUMN_MONTH;
      else if ((int) col == c->date_col)
        role = ROCZNIK_IMPORT_COLUMN_DATE;
      else if (g_array_index (c->col_years, int, col) != 0)
        role = ROCZNIK_IMPORT_COLUMN_YEAR_COUNT;
      g_array_append_val (imp->roles, role);
    }

  /* the year of a long table without a year column */
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_LONG && c->year_col < 0)
    {
      c->file_year = o->year;
      if (c->file_year == 0)
        c->file_year = year_in_text (titles->str);
      if (c->file_year == 0)
        c->file_year = year_in_text (imp->display);
      /* said after the rows are checked: a wrong number matters more */
      c->year_unknown = c->file_year == 0;
    }
  return TRUE;
}

/* The rows after the head */

static gboolean
handle_row (Ctx     *c,
            GArray  *cells,
            GError **error)
{
  switch (c->imp->shape)
    {
    case ROCZNIK_IMPORT_SHAPE_RECORDS: return handle_record (c, cells, error);
    case ROCZNIK_IMPORT_SHAPE_WIDE: return handle_wide (c, cells, error);
    default: return handle_long (c, cells, error);
    }
}

static gboolean
check_totals (Ctx     *c,
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

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const RocznikYear *ya = *(RocznikYear **) a, *yb = *(RocznikYear **) b;

  return (ya->year > yb->year) - (ya->year < yb->year);
}

static gboolean
import_rows (RocznikImport              *imp,
             RocznikRowSource           *src,
             const RocznikImportOptions *opt,
             GCancellable               *cancellable,
             RocznikProgressFunc         progress,
             gpointer                    user_data,
             GError                    **error)
{
  Ctx c = { 0 };
  g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func (head_row_free);
  GError *local = NULL;
  guint data_start = 0;
  gboolean ok = FALSE;
  guint64 tick = 0;

  c.imp = imp;
  c.src = src;
  c.opt = opt;
  c.cancellable = cancellable;
  c.progress = progress;
  c.user_data = user_data;
  c.utf8 = imp->encoding == NULL || g_ascii_strcasecmp (imp->encoding, "UTF-8") == 0;
  c.conv = (GIConv) -1;
  if (!c.utf8)
    {
      c.conv = g_iconv_open ("UTF-8", imp->encoding);
      if (c.conv == (GIConv) -1)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: the encoding %s is not known"), imp->display, imp->encoding);
          return FALSE;
        }
    }
  c.year_map = g_hash_table_new (NULL, NULL);
  c.topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.totals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  records_grow (&c.records);

  while (head->len < HEAD_ROWS && src->next (src, &local))
    g_ptr_array_add (head, head_row_copy (src));
  if (local)
    goto out;
  if (head->len == 0)
    {
      g_set_error (&local, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the file is empty"), imp->display);
      goto out;
    }
  if (!analyse (&c, head, &data_start, &local))
    goto out;

  for (guint i = data_start; i < head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      src->line = row->line;
      if (!handle_row (&c, row->cells, &local))
        goto out;
    }
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_RECORDS)
    {
      src->max_cells = MAX (c.date_col, c.topic_col) + 1;
      if (imp->format == ROCZNIK_IMPORT_FORMAT_DELIMITED && c.date_col >= 0 && c.topic_col >= 0
          && !records_fast_lane (&c, &local))
        goto out;
    }

  while (src->next (src, &local))
    {
      if (G_UNLIKELY ((++tick & 0xffff) == 0))
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local))
            goto out;
          if (progress && src->bytes_total)
            progress ((double) src->bytes_done / (double) src->bytes_total, user_data);
        }
      if (G_UNLIKELY (!handle_row (&c, src->cells, &local)))
        goto out;
    }
  if (local)
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto out;
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_RECORDS && !records_finish (&c, &local))
    goto out;
  check_totals (&c, &local);
  if (c.year_unknown && imp->years->len > 0)
    {
      g_set_error (&local, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: cannot tell which year the counts are for; name the year (e.g. --year 2019)"),
                   imp->display);
      goto out;
    }

  if (imp->years->len == 0)
    {
      g_set_error (&local, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no topics with numbers of calls"), imp->display);
      goto out;
    }
  g_ptr_array_sort (imp->years, compare_years);
  if (progress)
    progress (1.0, user_data);
  ok = TRUE;

out:
  if (local)
    g_propagate_error (error, local);
  if (c.conv != (GIConv) -1)
    g_iconv_close (c.conv);
  records_clear (&c.records);
  g_hash_table_unref (c.year_map);
  g_hash_table_unref (c.topics);
  g_hash_table_unref (c.lines);
  g_hash_table_unref (c.totals);
  g_clear_pointer (&c.col_years, g_array_unref);
  return ok;
}

/* Report text */

static gboolean
import_report_text (RocznikImport              *imp,
                    const RocznikImportOptions *opt,
                    GError                    **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *p;
  guint line = 1;
  const char *start;
  RocznikYear *year;
  GError *local = NULL;

  if (!g_file_get_contents (imp->path, &raw, &len, &local))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("file %s: cannot read: %s"),
                   imp->display, local->message);
      g_error_free (local);
      return FALSE;
    }
  if (len > MAX_REPORT_SIZE)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: too large for the text of a report"), imp->display);
      return FALSE;
    }
  p = raw;
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3, len -= 3;
  start = p;
  for (const char *q = p; q < p + len; q++)
    if (*q == '\n')
      {
        if (q - start > ROCZNIK_IMPORT_MAX_ROW)
          break;
        line++;
        start = q + 1;
      }
  if (p + len - start > ROCZNIK_IMPORT_MAX_ROW)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %u: the line is longer than 1 MB; this is not a table of calls"),
                   imp->display, line);
      return FALSE;
    }
  if (g_ascii_strcasecmp (imp->encoding, "UTF-8") == 0)
    text = g_strndup (p, len);
  else
    {
      text = g_convert (p, len, "UTF-8", imp->encoding, NULL, &len, NULL);
      if (text == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: bytes that are not %s text"), imp->display, imp->encoding);
          return FALSE;
        }
    }
  year = rocznik_report_text_parse (text, len, imp->path, error);
  if (year == NULL)
    return FALSE;
  if (opt->year)
    year->year = opt->year;
  imp->n_rows = year->topics->len;
  g_ptr_array_add (imp->years, year);
  return TRUE;
}

/* Public API */

void
rocznik_import_options_init (RocznikImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->topic_column = -1;
  options->count_column = -1;
  options->year_column = -1;
  options->date_column = -1;
  options->month_column = -1;
}

static gboolean
looks_like_old_excel (const char *path)
{
  static const guchar ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar head[8] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean match;

  if (f == NULL)
    return FALSE;
  match = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, ole, sizeof ole) == 0;
  fclose (f);
  return match;
}

RocznikImport *
rocznik_import_file (const char                 *path,
                     const RocznikImportOptions *options,
                     GCancellable               *cancellable,
                     RocznikProgressFunc         progress,
                     gpointer                    user_data,
                     GError                    **error)
{
  g_autoptr(RocznikImport) imp = NULL;
  RocznikImportOptions defaults;
  RocznikRowSource *src = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    {
      rocznik_import_options_init (&defaults);
      options = &defaults;
    }
  if (options->year != 0 && (options->year < 1900 || options->year > 2999))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("%d is not a year Rocznik can store"), options->year);
      return NULL;
    }

  imp = g_new0 (RocznikImport, 1);
  imp->path = g_strdup (path);
  imp->display = g_path_get_basename (path);
  imp->column_names = g_ptr_array_new_with_free_func (g_free);
  imp->roles = g_array_new (FALSE, FALSE, sizeof (RocznikImportColumnRole));
  imp->years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  imp->skipped = g_ptr_array_new_with_free_func (g_free);
  imp->warnings = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("file %s: no such file"), imp->display);
      return NULL;
    }
  if (looks_like_old_excel (path))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: this is the old Excel format (.xls); save it as .xlsx or CSV"), imp->display);
      return NULL;
    }

  if (rocznik_is_zip_file (path) || g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      imp->format = ROCZNIK_IMPORT_FORMAT_XLSX;
      src = rocznik_xlsx_source_new (path, options->sheet, &imp->sheets, &imp->sheet, error);
      if (src == NULL)
        return NULL;
    }
  else
    {
      RocznikTextGuess guess = { 0 };

      src = rocznik_delimited_source_new (path, options, &guess, error);
      if (src == NULL)
        return NULL;
      imp->encoding = g_strdup (guess.encoding);
      if (guess.report_text && options->delimiter == 0)
        {
          src->free (src);
          imp->format = ROCZNIK_IMPORT_FORMAT_REPORT_TEXT;
          imp->shape = ROCZNIK_IMPORT_SHAPE_REPORT;
          if (!import_report_text (imp, options, error))
            return NULL;
          if (progress)
            progress (1.0, user_data);
          return g_steal_pointer (&imp);
        }
      imp->format = ROCZNIK_IMPORT_FORMAT_DELIMITED;
      imp->delimiter = guess.delimiter;
    }

  ok = import_rows (imp, src, options, cancellable, progress, user_data, error);
  src->free (src);
  if (!ok)
    return NULL;

  if (options->year && imp->years->len > 1)
    {
      for (guint i = imp->years->len; i > 0; i--)
        if (((RocznikYear *) g_ptr_array_index (imp->years, i - 1))->year != options->year)
          g_ptr_array_remove_index (imp->years, i - 1);
      if (imp->years->len == 0)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: has no counts for %d"), imp->display, options->year);
          return NULL;
        }
    }
  else if (options->year && imp->years->len == 1)
    ((RocznikYear *) g_ptr_array_index (imp->years, 0))->year = options->year;

  return g_steal_pointer (&imp);
}

void
rocznik_import_free (RocznikImport *import)
{
  if (import == NULL)
    return;
  g_free (import->path);
  g_free (import->display);
  g_free (import->encoding);
  g_free (import->sheet);
  g_strfreev (import->sheets);
  g_ptr_array_unref (import->column_names);
  g_array_unref (import->roles);
  g_ptr_array_unref (import->years);
  g_ptr_array_unref (import->skipped);
  g_ptr_array_unref (import->warnings);
  g_free (import);
}

GPtrArray *
rocznik_import_get_years (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->years;
}

const char *
rocznik_import_get_path (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->path;
}

RocznikImportFormat
rocznik_import_get_format (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->format;
}

RocznikImportShape
rocznik_import_get_shape (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->shape;
}

const char *
rocznik_import_get_encoding (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->encoding;
}

char
rocznik_import_get_delimiter (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->delimiter;
}

const char *
rocznik_import_get_sheet (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->sheet;
}

const char * const *
rocznik_import_get_sheets (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return (const char * const *) import->sheets;
}

guint
rocznik_import_get_n_columns (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->column_names->len;
}

const char *
rocznik_import_get_column_name (RocznikImport *import,
                                guint          column)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (column < import->column_names->len, NULL);
  return g_ptr_array_index (import->column_names, column);
}

RocznikImportColumnRole
rocznik_import_get_column_role (RocznikImport *import,
                                guint          column)
{
  g_return_val_if_fail (import != NULL, ROCZNIK_IMPORT_COLUMN_IGNORED);
  if (column >= import->roles->len)
    return ROCZNIK_IMPORT_COLUMN_IGNORED;
  return g_array_index (import->roles, RocznikImportColumnRole, column);
}

guint64
rocznik_import_get_n_rows (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_rows;
}

guint64
rocznik_import_get_n_skipped (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_skipped;
}

GPtrArray *
rocznik_import_get_skipped (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->skipped;
}

GPtrArray *
rocznik_import_get_warnings (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->warnings;
}

char *
rocznik_import_describe (RocznikImport    *import,
                         RocznikWorkspace *workspace)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);

  g_string_append_printf (s, "%s: %s", import->display, rocznik_import_format_name (import->format));
  if (import->format == ROCZNIK_IMPORT_FORMAT_DELIMITED)
    {
      g_autofree char *delim = rocznik_import_delimiter_name (import->delimiter);
      g_string_append_printf (s, _(", delimiter %s, encoding %s"), delim, import->encoding);
    }
  else if (import->format == ROCZNIK_IMPORT_FORMAT_XLSX && import->sheet)
    g_string_append_printf (s, _(", sheet „%s”"), import->sheet);
  else if (import->format == ROCZNIK_IMPORT_FORMAT_REPORT_TEXT)
    g_string_append_printf (s, _(", encoding %s"), import->encoding);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("Shape: %s"), rocznik_import_shape_name (import->shape));
  g_string_append_c (s, '\n');
  if (import->shape == ROCZNIK_IMPORT_SHAPE_RECORDS)
    {
      g_autofree char *n = rocznik_format_count ((gint64) import->n_rows);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s call record counted", "%s call records counted",
                                              import->n_rows), n);
      g_string_append_c (s, '\n');
    }

  for (guint i = 0; i < import->years->len; i++)
    {
      const RocznikYear *year = g_ptr_array_index (import->years, i);
      g_autofree char *sum = rocznik_format_count (rocznik_year_topic_sum (year));
      g_autofree char *topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics",
                                                              year->topics->len), year->topics->len);

      g_string_append_printf (s, _("%d: %s, %s calls"), year->year, topics, sum);
      if (year->declared_total != ROCZNIK_NO_TOTAL)
        {
          g_autofree char *declared = year->declared_more_than
                                      ? rocznik_format_short (year->declared_total, TRUE)
                                      : rocznik_format_count (year->declared_total);
          g_string_append_printf (s, _(" (declared total: %s)"), declared);
        }
      if (workspace && rocznik_workspace_has_year (workspace, year->year))
        g_string_append_printf (s, _(" — already in the workspace"));
      g_string_append_c (s, '\n');
    }
  for (guint i = 0; i < import->warnings->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (import->warnings, i));
  if (import->n_skipped)
    {
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Skipped %" PRIu64 " row:",
                                              "Skipped %" PRIu64 " rows:", import->n_skipped),
                              import->n_skipped);
      g_string_append_c (s, '\n');
      for (guint i = 0; i < import->skipped->len; i++)
        g_string_append_printf (s, "  %s\n", (char *) g_ptr_array_index (import->skipped, i));
      if (import->n_skipped > import->skipped->len)
        {
          g_string_append_printf (s, _("  … and %" PRIu64 " more"), import->n_skipped - import->skipped->len);
          g_string_append_c (s, '\n');
        }
    }
  return g_string_free (s, FALSE);
}

gboolean
rocznik_import_store_all (GPtrArray        *imports,
                          RocznikWorkspace *workspace,
                          gboolean          replace,
                          GError          **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (imports != NULL, FALSE);
  g_return_val_if_fail (workspace != NULL, FALSE);

  for (guint i = 0; i < imports->len; i++)
    {
      RocznikImport *imp = g_ptr_array_index (imports, i);

      for (guint j = 0; j < imp->years->len; j++)
        {
          RocznikYear *year = g_ptr_array_index (imp->years, j);
          RocznikImport *other = g_hash_table_lookup (seen, GINT_TO_POINTER (year->year));

          if (other)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("files %s and %s both have %d; import them one at a time"),
                           other->display, imp->display, year->year);
              return FALSE;
            }
          if (!replace && rocznik_workspace_has_year (workspace, year->year))
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                           _("file %s: the year %d is already in the workspace; choose to replace it"),
                           imp->display, year->year);
              return FALSE;
            }
          g_hash_table_insert (seen, GINT_TO_POINTER (year->year), imp);
          g_ptr_array_add (years, year);
        }
    }
  return rocznik_workspace_store_years (workspace, years, replace, error);
}

gboolean
rocznik_import_store (RocznikImport    *import,
                      RocznikWorkspace *workspace,
                      gboolean          replace,
                      GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (workspace != NULL, FALSE);

  g_ptr_array_add (one, import);
  return rocznik_import_store_all (one, workspace, replace, error);
}
