/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-format.c — Polish numbers, plurals, dates, collation and text keys */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-year.h"

static UCollator *
polish_collator (void)
{
  static gsize once = 0;
  static UCollator *collator;

  if (g_once_init_enter (&once))
    {
      UErrorCode status = U_ZERO_ERROR;

      /* Fixed to Polish: the order must not depend on the process locale. */
      collator = ucol_open ("pl", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Polish collator: %s", u_errorName (status));
      g_once_init_leave (&once, 1);
    }

  return collator;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0xFEFF;
}

static void
append_grouped (GString *out,
                guint64  n)
{
  char digits[32];
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, ROCZNIK_NBSP);
      g_string_append_c (out, digits[i]);
    }
}

/* "1234567" → "1 234 567", with U+00A0 between groups as Polish print does. */
char *
rocznik_format_count (gint64 n)
{
  GString *out = g_string_new (NULL);

  if (n < 0)
    g_string_append (out, "\xe2\x88\x92"); /* U+2212 MINUS SIGN */
  append_grouped (out, n < 0 ? (guint64) -(n + 1) + 1 : (guint64) n);
  return g_string_free (out, FALSE);
}

/* Decimal comma, grouped integer part, half away from zero. */
char *
rocznik_format_decimal (double value,
                        guint  decimals)
{
  GString *out = g_string_new (NULL);
  double scale = pow (10, decimals);
  double rounded = round (fabs (value) * scale);
  guint64 whole = (guint64) (rounded / scale);
  guint64 frac = (guint64) fmod (rounded, scale);

  if (value < 0 && rounded > 0)
    g_string_append (out, "\xe2\x88\x92");
  append_grouped (out, whole);
  if (decimals > 0)
    g_string_append_printf (out, ",%0*" G_GUINT64_FORMAT, (int) decimals, frac);
  return g_string_free (out, FALSE);
}

/* "18,0%": Polish writes the percent sign without a space in tables. */
char *
rocznik_format_percent (double percent,
                        guint  decimals)
{
  g_autofree char *number = rocznik_format_decimal (percent, decimals);
  return g_strconcat (number, "%", NULL);
}

char *
rocznik_format_signed_count (gint64 n)
{
  g_autofree char *number = rocznik_format_count (n);
  return n > 0 ? g_strconcat ("+", number, NULL) : g_steal_pointer (&number);
}

char *
rocznik_format_signed_percent (double percent,
                               guint  decimals)
{
  g_autofree char *number = rocznik_format_percent (percent, decimals);
  double scale = pow (10, decimals);

  if (round (percent * scale) > 0)
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}

/* "ponad 586 tys.", "0,5 mln", "472 553". A "ponad" (more than) figure is
 * rounded down so the short form stays true. */
char *
rocznik_format_short (gint64   n,
                      gboolean more_than)
{
  g_autofree char *body = NULL;
  double v = (double) n;

  if (n >= 1000000)
    {
      double m = more_than ? floor (v / 100000.0) / 10.0 : v / 1000000.0;
      g_autofree char *num = rocznik_format_decimal (m, 1);
      body = g_strconcat (num, ROCZNIK_NBSP "mln", NULL);
    }
  else if (n >= 10000)
    {
      double k = more_than ? floor (v / 1000.0) : round (v / 1000.0);
      g_autofree char *num = rocznik_format_decimal (k, 0);
      body = g_strconcat (num, ROCZNIK_NBSP "tys.", NULL);
    }
  else
    body = rocznik_format_count (n);

  if (more_than)
    return g_strconcat ("ponad ", body, NULL);
  return g_steal_pointer (&body);
}

/* "ponad 0,5 mln": the rounder form the report uses in running text. */
char *
rocznik_format_millions (gint64   n,
                         gboolean more_than)
{
  double m = more_than ? floor ((double) n / 100000.0) / 10.0 : (double) n / 1000000.0;
  g_autofree char *num = rocznik_format_decimal (m, 1);

  return g_strconcat (more_than ? "ponad " : "", num, ROCZNIK_NBSP "mln", NULL);
}

/* Axis ticks: "0", "20 tys.", "1,5 mln". */
char *
rocznik_format_axis (double value)
{
  if (value == 0)
    return g_strdup ("0");
  if (fabs (value) >= 1000000)
    {
      g_autofree char *num = rocznik_format_decimal (value / 1000000.0, fmod (value, 1000000) == 0 ? 0 : 1);
      return g_strconcat (num, ROCZNIK_NBSP "mln", NULL);
    }
  if (fabs (value) >= 1000)
    {
      g_autofree char *num = rocznik_format_decimal (value / 1000.0, fmod (value, 1000) == 0 ? 0 : 1);
      return g_strconcat (num, ROCZNIK_NBSP "tys.", NULL);
    }
  return rocznik_format_decimal (value, fmod (value, 1) == 0 ? 0 : 1);
}

/* "23 listopada 2026": the month in the genitive, as Polish dates are written. */
char *
rocznik_format_date (GDateTime *date)
{
  static const char *months[] = {
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
    "sierpnia", "września", "października", "listopada", "grudnia",
  };

  g_return_val_if_fail (date != NULL, NULL);

  return g_strdup_printf ("%d %s %d",
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date));
}

/* "marzec": a month (1–12) as a name stands alone, in the nominative. */
const char *
rocznik_format_month_name (int month)
{
  static const char *const names[12] = {
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
    "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return names[month - 1];
}

/* "poniedziałek": a weekday, 0 = Monday … 6 = Sunday. */
const char *
rocznik_format_weekday (int weekday)
{
  static const char *const names[7] = {
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
  };

  g_return_val_if_fail (weekday >= 0 && weekday < 7, "");

  return names[weekday];
}

/* "10:00–11:00": the hour of the day @hour (0–23) as a band; the last one
 * ends at 24:00, as Polish timetables write it. */
char *
rocznik_format_hour_band (int hour)
{
  g_return_val_if_fail (hour >= 0 && hour < 24, g_strdup (""));

  return g_strdup_printf ("%d:00–%d:00", hour, hour + 1);
}

/* gettext's Plural-Forms rule for Polish:
 * n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2 */
guint
rocznik_plural_form (gint64 n)
{
  guint64 a = n < 0 ? (guint64) -(n + 1) + 1 : (guint64) n;

  if (a == 1)
    return 0;
  if (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 10 || a % 100 >= 20))
    return 1;
  return 2;
}

const char *
rocznik_plural (gint64      n,
                const char *one,
                const char *few,
                const char *many)
{
  switch (rocznik_plural_form (n))
    {
    case 0: return one;
    case 1: return few;
    default: return many;
    }
}

/* The one bar or row that stands for the topics left out of a chart or a
 * table: "pozostałe (2 tematy)", "pozostałe (2 976 tematów)". */
char *
rocznik_format_others (gint64 n_topics)
{
  g_autofree char *n = rocznik_format_count (n_topics);

  return g_strdup_printf ("pozostałe (%s %s)", n,
                          rocznik_plural (n_topics, "temat", "tematy", "tematów"));
}

/* Polish typography for running text: a one-letter word (w, z, i, a, o, u…)
 * is glued to the next word with U+00A0 so it never ends a line. */
char *
rocznik_typography (const char *text)
{
  GString *out;
  const char *p;
  gboolean word_start = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (word_start && g_unichar_isalpha (c) && *next == ' ')
        {
          g_string_append_unichar (out, c);
          g_string_append (out, ROCZNIK_NBSP);
          p = next; /* skip the plain space */
          word_start = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
      word_start = !g_unichar_isalnum (c) && c != '.' && c != '-' && c != '\'';
      if (c == '.')
        word_start = FALSE;
    }
  return g_string_free (out, FALSE);
}

int
rocznik_collate (const char *a,
                 const char *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r;

  r = ucol_strcollUTF8 (polish_collator (), a ? a : "", -1, b ? b : "", -1, &status);
  if (U_FAILURE (status))
    return g_strcmp0 (a, b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

/* A byte string whose strcmp() order is the Polish alphabetical order. */
char *
rocznik_collation_key (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *u = NULL;
  int32_t ulen = 0;
  int32_t len;
  guint8 *key;

  u_strFromUTF8 (NULL, 0, &ulen, text, -1, &status);
  status = U_ZERO_ERROR;
  u = g_new0 (UChar, ulen + 1);
  u_strFromUTF8 (u, ulen + 1, NULL, text, -1, &status);
  if (U_FAILURE (status))
    return g_strdup (text);

  len = ucol_getSortKey (polish_collator (), u, ulen, NULL, 0);
  key = g_malloc (len + 1);
  ucol_getSortKey (polish_collator (), u, ulen, key, len + 1);
  return (char *) key;
}

/* Characters that print as nothing (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft
 * hyphen, LRM/RLM …): two names that differ only by them look identical. */
gboolean
rocznik_unichar_is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

/* Trim and collapse every kind of white space (U+00A0 too) to one ASCII
 * space; invisible format characters go. */
char *
rocznik_collapse_spaces (const char *text)
{
  GString *out;
  gboolean pending = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (rocznik_unichar_is_invisible (c))
        continue;
      if (is_space (c))
        {
          pending = out->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The stable identity of a topic: NFC, case-folded, white space collapsed,
 * so "transport miejski i strefa" matches its U+00A0 twin. */
char *
rocznik_topic_key (const char *name)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfc, -1);
  return rocznik_collapse_spaces (folded);
}

/* For search as you type: "swiadczenia" finds "świadczenia". */
char *
rocznik_search_fold (const char *text)
{
  g_autofree char *key = NULL;
  g_autofree char *nfd = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  key = rocznik_topic_key (text);
  nfd = g_utf8_normalize (key, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (key));
  for (const char *p = nfd; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0142) /* ł has no decomposition */
        c = 'l';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gsize
separator_at (const char *p,
              const char *end)
{
  if (p < end && (*p == ' ' || *p == '.' || *p == '\''))
    return 1;
  /* U+00A0, U+2009, U+202F */
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x89 || (guchar) p[2] == 0xAF))
    return 3;
  return 0;
}

static gboolean
is_blank_byte (const char *p, const char *end)
{
  return *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
         (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0);
}

/* A count as people write it: "70055", "70 055" (space, U+00A0, U+202F),
 * "70.055" with the dot as a thousands separator, "70055,0" or "70055.0"
 * as spreadsheets export. Anything ambiguous is refused, never guessed. */
RocznikCountResult
rocznik_parse_count (const char *text,
                     gssize      length,
                     gint64     *count)
{
  const char *p, *end;
  guint64 value = 0;
  char sep = 0;
  gsize sep_len = 0;
  int group = 0;
  gboolean grouped = FALSE;

  g_return_val_if_fail (text != NULL, ROCZNIK_COUNT_EMPTY);

  p = text;
  end = text + (length < 0 ? (gssize) strlen (text) : length);
  while (p < end && is_blank_byte (p, end))
    p += (*p == (char) 0xC2) ? 2 : 1;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n' ||
                     (end - p >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)))
    end -= ((guchar) end[-1] == 0xA0) ? 2 : 1;
  if (p == end)
    return ROCZNIK_COUNT_EMPTY;
  if (*p == '-' || (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x88 && (guchar) p[2] == 0x92))
    {
      const char *q = p + (*p == '-' ? 1 : 3);
      return (q < end && g_ascii_isdigit (*q)) ? ROCZNIK_COUNT_NEGATIVE : ROCZNIK_COUNT_NOT_NUMBER;
    }
  if (*p == '+')
    p++;
  if (p == end || !g_ascii_isdigit (*p))
    return ROCZNIK_COUNT_NOT_NUMBER;

  for (; p < end; )
    {
      if (g_ascii_isdigit (*p))
        {
          if (value > (guint64) ROCZNIK_MAX_COUNT)
            return ROCZNIK_COUNT_TOO_LARGE;
          value = value * 10 + (guint64) (*p - '0');
          group++;
          if (grouped && group > 3)
            return ROCZNIK_COUNT_NOT_NUMBER;
          p++;
          continue;
        }

      /* "70055,0", "70055.00": a whole number a spreadsheet wrote with decimals */
      if ((*p == ',' || (*p == '.' && !grouped)) && p + 1 < end)
        {
          const char *q = p + 1;
          gboolean zeros = TRUE;
          int digits = 0;

          for (; q < end && g_ascii_isdigit (*q); q++, digits++)
            if (*q != '0')
              zeros = FALSE;
          if (q == end && digits > 0 && !(*p == '.' && digits == 3 && !grouped && group <= 3))
            {
              if (grouped && group != 3)
                return ROCZNIK_COUNT_NOT_NUMBER;
              if (!zeros)
                return ROCZNIK_COUNT_FRACTION;
              break;
            }
        }

      {
        gsize len = separator_at (p, end);

        if (len == 0)
          return ROCZNIK_COUNT_NOT_NUMBER;
        /* groups: the first of 1–3 digits, then exactly three, one kind of separator */
        if ((!grouped && group > 3) || (grouped && group != 3))
          return ROCZNIK_COUNT_NOT_NUMBER;
        if (grouped && (sep_len != len || sep != *p))
          return ROCZNIK_COUNT_NOT_NUMBER;
        sep = *p;
        sep_len = len;
        grouped = TRUE;
        group = 0;
        p += len;
        if (p == end || !g_ascii_isdigit (*p))
          return ROCZNIK_COUNT_NOT_NUMBER;
      }
    }
  if (grouped && group != 3)
    return ROCZNIK_COUNT_NOT_NUMBER;
  if (value > (guint64) ROCZNIK_MAX_COUNT)
    return ROCZNIK_COUNT_TOO_LARGE;
  if (count)
    *count = (gint64) value;
  return ROCZNIK_COUNT_OK;
}

/* Why @text (as rocznik_parse_count() found it, @result) is not a number of
 * calls: the one wording for the importer, the window and the year panel.
 * NULL for ROCZNIK_COUNT_OK. */
char *
rocznik_count_problem (RocznikCountResult  result,
                       const char         *text)
{
  switch (result)
    {
    case ROCZNIK_COUNT_OK:
      return NULL;
    case ROCZNIK_COUNT_EMPTY:
      return g_strdup (_("The number of calls is empty"));
    case ROCZNIK_COUNT_NEGATIVE:
      return g_strdup_printf (_("„%s” is negative; a number of calls cannot be"), text);
    case ROCZNIK_COUNT_FRACTION:
      return g_strdup_printf (_("„%s” is not a whole number of calls"), text);
    case ROCZNIK_COUNT_TOO_LARGE:
      return g_strdup_printf (_("„%s” is too large (more than 2⁵³ calls)"), text);
    case ROCZNIK_COUNT_NOT_NUMBER:
    default:
      return g_strdup_printf (_("„%s” is not a number of calls"), text);
    }
}

/* rocznik_parse_count() for a count a person typed: anything but a count
 * (an empty field too) is an error saying why. */
gboolean
rocznik_parse_count_typed (const char  *text,
                           gint64      *count,
                           GError     **error)
{
  RocznikCountResult result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  result = rocznik_parse_count (text, -1, count);
  if (result != ROCZNIK_COUNT_OK)
    {
      g_autofree char *problem = rocznik_count_problem (result, text);

      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, problem);
      return FALSE;
    }
  return TRUE;
}

/* A handling time the Polish way: "45 s", "1 min 35 s", "12 min"; from an
 * hour on, to the minute: "1 h 5 min"; the unit glued to its number. The
 * charts, the report and the command line all write it through here. */
char *
rocznik_format_duration (double seconds)
{
  gint64 s, minutes;
  g_autofree char *hours = NULL;

  /* whole seconds, halves up (44,5 s is "45 s"); nothing below 0 s */
  s = (gint64) floor (MAX (seconds, 0) + 0.5);
  if (s < 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT ROCZNIK_NBSP "s", s);
  if (s < 3600)
    return s % 60 ? g_strdup_printf ("%" G_GINT64_FORMAT ROCZNIK_NBSP "min %" G_GINT64_FORMAT ROCZNIK_NBSP "s",
                                     s / 60, s % 60)
                  : g_strdup_printf ("%" G_GINT64_FORMAT ROCZNIK_NBSP "min", s / 60);
  minutes = (s + 30) / 60;
  hours = rocznik_format_count (minutes / 60);
  return minutes % 60 ? g_strdup_printf ("%s" ROCZNIK_NBSP "h %" G_GINT64_FORMAT ROCZNIK_NBSP "min", hours, minutes % 60)
                      : g_strdup_printf ("%s" ROCZNIK_NBSP "h", hours);
}
