/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-parse.c — cells as text, counts, dates and header words
 *
 * Cells come in the file's encoding; only what is kept is converted.
 * Dates are checked whole (31.02.2019 and 25:99 do not exist).
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include "rocznik-import-state.h"

/* Errors and skipped rows */

G_GNUC_PRINTF (4, 5) void
rocznik_import_fail_at (Ctx        *c,
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

G_GNUC_PRINTF (2, 3) void
rocznik_import_skip_row (Ctx        *c,
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

gboolean
rocznik_import_cell_is_blank (const RocznikCell *cell)
{
  for (guint i = 0; i < cell->len; i++)
    if (!is_space (cell->data[i]))
      return FALSE;
  return TRUE;
}

gboolean
rocznik_import_row_is_blank (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (!rocznik_import_cell_is_blank (&g_array_index (cells, RocznikCell, i)))
      return FALSE;
  return TRUE;
}

/* Bytes in the file's encoding → trimmed UTF-8, or an error naming the cell. */
char *
rocznik_import_bytes_to_utf8 (Ctx        *c,
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
          rocznik_import_fail_at (c, column, error, _("a control character; this is not a table of calls"));
          return NULL;
        }
    }
  if (!high)
    return g_strndup (data, len);
  if (c->utf8)
    {
      if (!g_utf8_validate (data, len, NULL))
        {
          rocznik_import_fail_at (c, column, error, _("the text is not valid UTF-8; the file mixes encodings or is not text"));
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
            rocznik_import_fail_at (c, column, error, _("the text mixes UTF-8 with another encoding; save the file again in one encoding"));
            return NULL;
          }
      g_iconv (c->conv, NULL, NULL, NULL, NULL);
      out = g_convert_with_iconv (data, len, c->conv, NULL, &written, NULL);
      if (out == NULL)
        {
          rocznik_import_fail_at (c, column, error, _("bytes that are not %s text"), c->imp->encoding);
          return NULL;
        }
    }
  return out;
}

char *
rocznik_import_cell_text (Ctx               *c,
           const RocznikCell *cell,
           int                column,
           GError           **error)
{
  return rocznik_import_bytes_to_utf8 (c, cell->data, cell->len, column, error);
}

/* Numbers: NBSP in an 8-bit file is 0xA0; convert before parsing. */
RocznikCountResult
rocznik_import_cell_count (Ctx               *c,
            const RocznikCell *cell,
            int                column,
            gint64            *count,
            GError           **error)
{
  RocznikCountResult r;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;

  if (G_UNLIKELY ((cell->flags & (ROCZNIK_CELL_UNCACHED | ROCZNIK_CELL_SUM)) == ROCZNIK_CELL_UNCACHED))
    {
      rocznik_import_fail_at (c, column, error, _("a formula saved without its value; open the file in Excel or LibreOffice "
                                                  "Calc, save it again and import the saved file"));
      return ROCZNIK_COUNT_NOT_NUMBER;
    }
  for (guint i = 0; i < cell->len; i++)
    if ((guchar) cell->data[i] >= 0x80)
      {
        text = rocznik_import_cell_text (c, cell, column, error);
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
  rocznik_import_fail_at (c, column, error, "%s", problem);
  return r;
}

gboolean
rocznik_import_parse_int (const char *p,
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

/* After the date: "08:12", "8:12:55", "08:12:55.123", "02:27:57 PM",
 * "08:12:55Z", "08:12:55+01:00" — the clock as written (no zone applied).
 * *ampm: an AM/PM marker was there. */
static DateResult
parse_time (const char *p,
            guint       len,
            gboolean   *ampm,
            int        *hour,
            int        *minute,
            int        *second)
{
  guint i = 0, n;
  int h = 0, mi, s = 0;

  for (n = 0; i < len && n < 2 && g_ascii_isdigit (p[i]); i++, n++)
    h = h * 10 + (p[i] - '0');
  if (n == 0 || i + 3 > len || p[i] != ':' || !digits (p + i + 1, 2))
    return DATE_NONE;
  mi = two_digits (p + i + 1);
  i += 3;
  if (i < len && p[i] == ':')
    {
      if (i + 3 > len || !digits (p + i + 1, 2))
        return DATE_NONE;
      s = two_digits (p + i + 1);
      i += 3;
      if (i < len && p[i] == '.')
        for (i++; i < len && g_ascii_isdigit (p[i]); i++)
          ;
    }
  while (i < len && p[i] == ' ')
    i++;
  if (i + 2 == len && strchr ("AaPp", p[i]) && (p[i + 1] == 'M' || p[i + 1] == 'm'))
    {
      *ampm = TRUE;
      if (h < 1 || h > 12)
        return DATE_IMPOSSIBLE;
      /* 12:05 AM is 00:05, 12:05 PM is 12:05 */
      h = (h % 12) + ((p[i] == 'P' || p[i] == 'p') ? 12 : 0);
      i += 2;
    }
  else if (i + 1 == len && p[i] == 'Z')
    i++;
  else if (i < len && (p[i] == '+' || p[i] == '-') && (len - i == 6 || len - i == 5 || len - i == 3))
    i = len;
  if (i != len)
    return DATE_NONE;
  if (h > 23 || mi > 59 || s > 59)
    return DATE_IMPOSSIBLE;
  *hour = h;
  *minute = mi;
  *second = s;
  return DATE_OK;
}

/* Monday 0 … Sunday 6, proleptic Gregorian (Sakamoto's method). */
int
rocznik_import_weekday (int year,
                        int month,
                        int day)
{
  static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
  int y = month < 3 ? year - 1 : year;
  int sunday0 = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7;

  return (sunday0 + 6) % 7;
}

/* An Excel serial number: days since the epoch, the fraction the time of
 * day (rounded to the second, as Excel shows it). */
static DateResult
parse_serial (const char  *p,
              guint        len,
              guint        flags,
              RocznikWhen *when)
{
  g_autofree char *s = g_strndup (p, len);
  char *end = NULL;
  double serial = g_ascii_strtod (s, &end);
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) day = NULL;
  gint64 secs, rest;

  if (end == s || *end != '\0' || !(serial >= 1 && serial < 2958466))
    return DATE_NONE;
  secs = (gint64) llround (serial * 86400.0);
  rest = secs % 86400;
  base = (flags & ROCZNIK_CELL_DATE1904) ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0)
                                         : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  day = g_date_time_add_days (base, (int) (secs / 86400));
  when->year = g_date_time_get_year (day);
  when->month = g_date_time_get_month (day);
  when->day = g_date_time_get_day_of_month (day);
  when->hour = -1;
  if (serial != floor (serial))
    {
      when->hour = (int) (rest / 3600);
      when->minute = (int) (rest / 60 % 60);
      when->second = (int) (rest % 60);
    }
  return DATE_OK;
}

/* "2018-03-14", "2018-03-14 08:12:55", "2018-03-14T08:12", "2018/03/14",
 * "14.03.2018", "14.03.2018 08:12", "4.3.2018", "03/01/2011 02:27:57 PM",
 * "2018-03"; or an Excel serial number from an XLSX cell. The whole is
 * checked. A/B/YYYY is A = month when @month_first, else A = day (dots and
 * dashes: always day first). */
DateResult
rocznik_import_parse_when (const char  *p,
                           guint        len,
                           guint        flags,
                           gboolean     month_first,
                           RocznikWhen *when,
                           gboolean    *ampm)
{
  int y, m, d = 0;
  guint rest;

  trim (&p, &len);
  *ampm = FALSE;
  when->hour = -1;
  when->minute = when->second = 0;
  if (flags & ROCZNIK_CELL_NUMBER)
    return parse_serial (p, len, flags, when);

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
      int a, b;

      /* D.M.YYYY, DD-MM-YYYY, DD/MM/YYYY or MM/DD/YYYY */
      for (j = i; j < len && j - i < 2 && g_ascii_isdigit (p[j]); j++);
      if (j == i || j >= len || (p[j] != '.' && p[j] != '-' && p[j] != '/'))
        return DATE_NONE;
      a = (j - i == 2) ? two_digits (p + i) : p[i] - '0';
      i = j + 1;
      for (j = i; j < len && j - i < 2 && g_ascii_isdigit (p[j]); j++);
      if (j == i || j >= len || p[j] != p[i - 1])
        return DATE_NONE;
      b = (j - i == 2) ? two_digits (p + i) : p[i] - '0';
      i = j + 1;
      if (len - i < 4 || !digits (p + i, 4) || (len - i > 4 && g_ascii_isdigit (p[i + 4])))
        return DATE_NONE;
      y = (p[i] - '0') * 1000 + (p[i + 1] - '0') * 100 + two_digits (p + i + 2);
      rest = i + 4;
      d = month_first && p[j] == '/' ? b : a;
      m = month_first && p[j] == '/' ? a : b;
    }
  if (rest < len)
    {
      DateResult t;

      /* a time may follow: " 08:12", "T08:12:55" */
      if ((p[rest] != ' ' && p[rest] != 'T' && p[rest] != ',') || rest + 1 >= len)
        return DATE_NONE;
      rest++;
      while (rest < len && p[rest] == ' ')
        rest++;
      t = parse_time (p + rest, len - rest, ampm, &when->hour, &when->minute, &when->second);
      if (t != DATE_OK)
        return t;
    }
  if (m < 1 || m > 12 || d < 0 || (d == 0 && rest > 7) || (d > 0 && d > days_in_month (y, m)) ||
      y < 1900 || y > 2999)
    return DATE_IMPOSSIBLE;
  when->year = y;
  when->month = m;
  when->day = d;
  return DATE_OK;
}

DateResult
rocznik_import_parse_date (const char *p,
                           guint       len,
                           guint       flags,
                           gboolean    month_first,
                           int        *year,
                           int        *month,
                           gboolean   *ampm)
{
  RocznikWhen when;
  DateResult r = rocznik_import_parse_when (p, len, flags, month_first, &when, ampm);

  if (r == DATE_OK)
    {
      *year = when.year;
      *month = when.month;
    }
  return r;
}

/* A time of day alone: "07:45", "7:45:10", "7:45 PM", an XLSX fraction of
 * a day, or a date with a time ("1899-12-30 07:45:00", as databases write
 * a time). *seconds: since midnight. */
DateResult
rocznik_import_parse_clock (const char *p,
                            guint       len,
                            guint       flags,
                            int        *hour,
                            int        *seconds)
{
  gboolean ampm = FALSE;
  int h, mi, s;
  DateResult r;

  trim (&p, &len);
  if (flags & ROCZNIK_CELL_NUMBER)
    {
      g_autofree char *text = g_strndup (p, len);
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      gint64 secs;

      if (end == text || *end != '\0' || !(v >= 0 && v < 1))
        return DATE_NONE;
      /* 23:59:59.6 stays in its day */
      secs = MIN ((gint64) llround (v * 86400.0), 86399);
      *hour = (int) (secs / 3600);
      *seconds = (int) secs;
      return DATE_OK;
    }
  r = parse_time (p, len, &ampm, &h, &mi, &s);
  if (r == DATE_NONE)
    {
      guint i = 0;

      /* a date before the time: only its digits and separators */
      while (i < len && (g_ascii_isdigit (p[i]) || p[i] == '-' || p[i] == '.' || p[i] == '/'))
        i++;
      if (i < 8 || i > 10 || i + 1 >= len || (p[i] != ' ' && p[i] != 'T'))
        return DATE_NONE;
      r = parse_time (p + i + 1, len - i - 1, &ampm, &h, &mi, &s);
    }
  if (r != DATE_OK)
    return r;
  *hour = h;
  *seconds = h * 3600 + mi * 60 + s;
  return DATE_OK;
}

static gboolean
parse_date (const char *p,
            guint       len,
            guint       flags,
            int        *year,
            int        *month)
{
  gboolean ampm;

  return rocznik_import_parse_date (p, len, flags, FALSE, year, month, &ampm) == DATE_OK;
}

/* What a date says about its day/month order: 'd' (the first number is
 * over 12), 'm' (the second is, or an AM/PM marker), '?' (A/B/YYYY either
 * way) or 0 (not A/B/YYYY). */
char
rocznik_import_date_order_hint (const char *p,
                 guint       len)
{
  int a = 0, b = 0, y, m;
  guint i = 0;
  gboolean ampm = FALSE;

  trim (&p, &len);
  for (; i < len && i < 2 && g_ascii_isdigit (p[i]); i++)
    a = a * 10 + (p[i] - '0');
  if (i == 0 || i >= len || p[i] != '/')
    return 0;
  for (i++; i < len && g_ascii_isdigit (p[i]); i++)
    b = b * 10 + (p[i] - '0');
  if (rocznik_import_parse_date (p, len, 0, FALSE, &y, &m, &ampm) == DATE_NONE)
    return 0;
  if (a > 12 && b <= 12)
    return 'd';
  if ((b > 12 && a <= 12) || ampm)
    return 'm';
  return '?';
}

/* 1–12, "3", "03", "marzec", "marca", "mar", "March", "2018-03" */
gboolean
rocznik_import_parse_month (const char *text,
             int        *month,
             int        *year)
{
  static const char *const pl[] = { "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paz", "lis", "gru" };
  static const char *const en[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
  g_autofree char *folded = rocznik_search_fold (text);
  int m, y, d;

  g_strstrip (folded);
  if (rocznik_import_parse_int (folded, strlen (folded), 1, 2, &m))
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

gboolean
rocznik_import_is_total_name (const char *name)
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
  if (!rocznik_import_parse_int (p, MIN (strlen (p), 4), 4, 4, &y) || y < 1900 || y > 2999)
    return 0;
  p += 4;
  while (*p == ' ')
    p++;
  if (*p == '\0' || strcmp (p, "r.") == 0 || strcmp (p, "r") == 0 || strcmp (p, "rok") == 0)
    return y;
  return 0;
}

RocznikImportColumnRole
rocznik_import_header_role (const char *name,
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
int
rocznik_import_year_in_text (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      int y;

      if ((p == text || !g_ascii_isdigit (p[-1])) && rocznik_import_parse_int (p, MIN (strlen (p), 4), 4, 4, &y) &&
          !g_ascii_isdigit (p[4]) && y >= 1990 && y <= 2100)
        return y;
    }
  return 0;
}
