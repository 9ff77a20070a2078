/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-html-calls.c — the web page's section on when and how residents call
 *
 * Each part is a heading, its sentences, and a figure of its chart with
 * its table beside it as the chart's data (a caption, column and row
 * headers with scope, in a focusable scroll region as every table of the
 * page); the table alone when the data makes no chart.
 */

#include "config.h"

#include "rocznik-report-html-private.h"

static void
append_row (GString                       *out,
            const RocznikReportCallsTable *t,
            const RocznikReportCell       *row,
            const char                    *klass)
{
  g_string_append_printf (out, "<tr%s%s%s>", klass ? " class=\"" : "", klass ? klass : "", klass ? "\"" : "");
  for (guint i = 0; i < t->n_columns; i++)
    {
      if (i == 0)
        rocznik_html_append_cell (out, "th", "scope=\"row\"", row[i].text);
      else
        rocznik_html_append_cell (out, "td", row[i].kind == ROCZNIK_REPORT_CELL_GAP ? "class=\"num note\"" : "class=\"num\"",
                                  row[i].text);
    }
  g_string_append (out, "</tr>\n");
}

static void
append_table (GString                       *out,
              const RocznikReportCallsTable *t,
              guint                          index)
{
  g_autofree char *id = g_strdup_printf ("id=\"tabela-zgloszenia-%u\"", index);

  g_string_append_printf (out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tabela-zgloszenia-%u\">\n<table>\n",
                          index);
  rocznik_html_append_element (out, "caption", id, t->caption);
  g_string_append (out, "<thead><tr>");
  for (guint i = 0; i < t->n_columns; i++)
    rocznik_html_append_cell (out, "th", i > 0 ? "scope=\"col\" class=\"num\"" : "scope=\"col\"", t->columns[i]);
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < t->rows->len; i++)
    append_row (out, t, g_ptr_array_index (t->rows, i), NULL);
  g_string_append (out, "</tbody>\n");
  if (t->total)
    {
      g_string_append (out, "<tfoot>\n");
      append_row (out, t, t->total, "sum");
      g_string_append (out, "</tfoot>\n");
    }
  g_string_append (out, "</table>\n</div>\n");
}

void
rocznik_html_append_calls (GString                    *out,
                           const RocznikReportContent *content,
                           guint                       first_chart)
{
  const RocznikReportCalls *calls = content->calls;
  PangoFontMap *fonts = rocznik_report_font_map ();
  guint chart = first_chart;

  if (calls == NULL)
    return;
  g_string_append (out, "<section aria-labelledby=\"zgloszenia\">\n");
  rocznik_html_append_element (out, "h2", "id=\"zgloszenia\"", calls->heading);
  rocznik_html_append_element (out, "p", "class=\"note\"", calls->intro);
  for (guint i = 0; i < calls->tables->len; i++)
    {
      const RocznikReportCallsTable *t = g_ptr_array_index (calls->tables, i);

      g_autofree char *text = g_strjoinv (" ", t->sentences);
      g_autoptr(GString) table = g_string_new (NULL);
      gsize before;

      rocznik_html_append_element (out, "h3", NULL, t->heading);
      rocznik_html_append_element (out, "p", NULL, text);
      append_table (table, t, i + 1);
      /* The part's table is its chart's data table, beside the chart; no
       * chart the data can make: the table alone. */
      before = out->len;
      for (guint j = 0; j < t->charts->len && out->len == before; j++)
        rocznik_html_append_chart (out, content->data, &g_array_index (t->charts, RocznikReportChart, j), fonts, chart++,
                                   table->str);
      if (out->len == before)
        g_string_append_len (out, table->str, table->len);
    }
  g_string_append (out, "</section>\n");
}
