/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-csv.c — the report's topic table as CSV */

#include "config.h"

#include <string.h>

#include "rocznik-format.h"
#include "rocznik-report-private.h"

/* CSV for Polish Excel: UTF-8 with a byte order mark (without one Excel reads
 * the file as Windows-1250 and breaks ą, ę, ł…), fields separated by „;”
 * (the list separator of Polish Windows, where „,” is the decimal comma),
 * CRLF line ends, shares with a decimal comma so Excel reads them as numbers.
 * A "sep=;" line is not written: it makes Excel ignore the byte order mark. */

/* Text fields only. A cell starting with = + - @ (or a tab or CR) would be
 * a formula in a spreadsheet; a leading apostrophe keeps it text (OWASP). */
static void
csv_append_text (GString    *out,
                 const char *text)
{
  g_autofree char *plain = rocznik_collapse_spaces (text);

  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", plain[0]) && plain[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = plain; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_append_decimal (GString *out,
                    double   value,
                    guint    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (buf, sizeof buf, decimals == 1 ? "%.1f" : "%.2f", value);
  dot = strchr (buf, '.');
  if (dot)
    *dot = ',';
  g_string_append (out, buf);
}

static void
csv_append_row (GString          *out,
                const char       *name,
                const RocznikRow *row,
                gboolean          with_share,
                gboolean          compare)
{
  csv_append_text (out, name);
  g_string_append_printf (out, ";%" G_GINT64_FORMAT ";", row->count);
  if (with_share)
    csv_append_decimal (out, row->share, 1);
  if (compare)
    {
      g_string_append_c (out, ';');
      if (row->other_year)
        g_string_append_printf (out, "%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ";",
                                row->other_count, row->change);
      else
        g_string_append (out, ";;");  /* other and change empty: every row has 6 fields */
      if (row->other_year && row->has_change_percent)
        csv_append_decimal (out, row->change_percent, 1);
    }
  g_string_append (out, "\r\n");
}

GString *
rocznik_report_csv_render (const RocznikReportContent *content)
{
  const RocznikReport *report = content->data;
  const RocznikTable *table = report->table;
  gboolean compare = report->compare != NULL;
  GString *out = g_string_new ("\xef\xbb\xbf");

  g_string_append_printf (out, "\"Temat\";\"Liczba rozmów %d\";\"Udział (%%)\"", report->year->year);
  if (compare)
    g_string_append_printf (out, ";\"Liczba rozmów %d\";\"Zmiana\";\"Zmiana (%%)\"", report->compare->year);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < table->rows->len; i++)
    {
      const RocznikRow *row = g_ptr_array_index (table->rows, i);
      csv_append_row (out, row->name, row, TRUE, compare);
    }
  csv_append_row (out, "Suma tematów", table->total, TRUE, compare);
  /* Totals compared like with like: over the shared topics or the declared totals. */
  if (compare && table->common)
    csv_append_row (out, "Suma tematów obecnych w obu latach", table->common, FALSE, TRUE);
  if (compare && table->declared)
    csv_append_row (out, "Liczba rozmów ogółem (ze sprawozdań)", table->declared, FALSE, TRUE);
  if (table->remainder)
    {
      RocznikRow declared = { .count = table->declared_total };

      csv_append_row (out, table->remainder->more_than ? "Rozmowy bez tematu (co najmniej)"
                                                       : "Rozmowy bez tematu",
                      table->remainder, FALSE, FALSE);
      csv_append_row (out, table->declared_more_than ? "Liczba rozmów ogółem (ponad)"
                                                     : "Liczba rozmów ogółem",
                      &declared, FALSE, FALSE);
    }
  return out;
}
