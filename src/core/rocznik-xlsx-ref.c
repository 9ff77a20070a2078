/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-xlsx-ref.c — cell references and the formulas that total a column
 *
 * Excel saves a formula with the value it computed, so a count may be a
 * formula; only a formula adding up its own column above it makes its row a
 * total. Told from the formula's text, never from its value: a topic's count
 * may equal the rows above by chance.
 */

#include "config.h"

#include "rocznik-import-private.h"

/* "$B$12" → column 1, row 12; advances *p. */
gboolean
rocznik_xlsx_parse_ref (const char **p,
                        int         *column,
                        guint64     *row)
{
  const char *q = *p;
  int col = 0, letters = 0, digits = 0;
  guint64 r = 0;

  if (*q == '$')
    q++;
  for (; g_ascii_isalpha (*q) && letters < 3; q++, letters++)
    col = col * 26 + (g_ascii_toupper (*q) - 'A' + 1);
  if (letters == 0 || g_ascii_isalpha (*q) || col > 16384)
    return FALSE;
  if (*q == '$')
    q++;
  for (; g_ascii_isdigit (*q) && digits < 8; q++, digits++)
    r = r * 10 + (guint64) (*q - '0');
  if (digits == 0 || g_ascii_isdigit (*q) || r == 0)
    return FALSE;
  *column = col - 1;
  *row = r;
  *p = q;
  return TRUE;
}

/* "B12" → column 1 (and row 12); -1 when there is no usable reference */
int
rocznik_xlsx_column_of (const char *ref,
                        guint64    *row)
{
  int col;

  if (ref == NULL || !rocznik_xlsx_parse_ref (&ref, &col, row) || *ref != '\0')
    return -1;
  return col;
}

/* Does the formula add up cells of its own column above it ("SUM(B4:B20)",
 * "SUBTOTAL(9,B4:B20)", "B4+B5+B6"; a range or two cells at least)? Then its
 * row totals the rows above and is no topic ("=B20" only copies a cell). Any other formula (a row's months added up, "SUM(C3:N3)") is
 * a topic counted by the value Excel saved with it. */
gboolean
rocznik_xlsx_totals_column (const char *f,
                            int         column,
                            guint64     row)
{
  gboolean call = TRUE;
  guint cells = 0;

  while (*f == '=' || *f == ' ')
    f++;
  if (g_str_has_prefix (f, "_xlfn."))
    f += 6;
  if (g_ascii_strncasecmp (f, "SUM(", 4) == 0)
    f += 4;
  else if (g_ascii_strncasecmp (f, "SUBTOTAL(9,", 11) == 0)
    f += 11;
  else if (g_ascii_strncasecmp (f, "SUBTOTAL(109,", 13) == 0)
    f += 13;
  else
    call = FALSE;
  for (;;)
    {
      int c;
      guint64 r;

      while (*f == ' ')
        f++;
      if (!rocznik_xlsx_parse_ref (&f, &c, &r) || c != column || r >= row)
        return FALSE;
      cells++;
      if (*f == ':')
        {
          f++;
          if (!rocznik_xlsx_parse_ref (&f, &c, &r) || c != column || r >= row)
            return FALSE;
          cells++;
        }
      while (*f == ' ')
        f++;
      if (*f != (call ? ',' : '+'))
        break;
      f++;
    }
  if (call && *f++ != ')')
    return FALSE;
  while (*f == ' ')
    f++;
  return *f == '\0' && cells >= 2;
}
