/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-html.c — the annual report as one accessible web page
 *
 * The same content as the PDF in one self-contained file: no script, no
 * external file, charts as inline SVG drawn by the one chart renderer, each
 * with its title and a text description for screen readers and its data as
 * a table beside it. Polish (lang="pl"), fits a 390 px phone (charts
 * scale, wide tables scroll in a focusable region), prints on A4, and aims
 * at WCAG 2.1 AA: contrast of at least 4.5:1, headings h1 → h2 → h3, table
 * headers with scope, a skip link, nothing said by colour alone.
 */

#include "config.h"

#include <cairo-svg.h>
#include <string.h>

#include "rocznik-chart-private.h"
#include "rocznik-format.h"
#include "rocznik-report-html-private.h"

/* Each chart is drawn twice, for a wide column and for a phone, so its
 * text stays legible on both (the renderer sizes text by the width); CSS
 * shows one, and the hidden one is hidden from screen readers too. */
#define CHART_WIDE       440.0   /* layout px; shown about 1.25× on a desktop, where text is read from further */
#define CHART_NARROW     360.0   /* a phone's column */
#define CHART_MAX_HEIGHT 1400.0

/* Colours: each text colour is at least 4.5:1 on every ground it sits on
 * (tests/html-check.py computes the ratios). */
static const char style[] =
  ":root{--ink:#212429;--muted:#565b63;--accent:#1c5a9e;--rule:#c7ccd4;--stripe:#f2f4f8;--head:#e3ebf4}\n"
  "*{box-sizing:border-box}\n"
  "html{-webkit-text-size-adjust:100%}\n"
  "body{margin:0;background:#ffffff;color:var(--ink);font:1rem/1.55 Cantarell,\"DejaVu Sans\",sans-serif}\n"
  "main,header.top,footer{max-width:60rem;margin:0 auto;padding:0 1rem}\n"
  ".skip{position:absolute;left:-100vw;top:0;background:#ffffff;color:var(--accent);padding:.5rem 1rem;z-index:1}\n"
  ".skip:focus{left:0}\n"
  "a{color:var(--accent)}\n"
  ":focus-visible{outline:3px solid var(--accent);outline-offset:2px}\n"
  ".kicker{margin:1.5rem 0 0;color:var(--accent);font-weight:700;letter-spacing:.08em;font-size:.85rem}\n"
  "h1{margin:.2rem 0;font-size:2rem;line-height:1.2}\n"
  ".subtitle{margin:0 0 1rem;color:var(--muted);font-size:1.2rem}\n"
  ".lead{font:1.15rem/1.6 P052,\"Palatino Linotype\",Georgia,serif;margin:0 0 1rem}\n"
  "h2{color:var(--accent);font-size:1.45rem;margin:2rem 0 .8rem;padding-bottom:.2rem;border-bottom:2px solid var(--accent)}\n"
  "h3{font-size:1.1rem;margin:1.4rem 0 .5rem}\n"
  "p,li{font-family:P052,\"Palatino Linotype\",Georgia,serif}\n"
  ".note{color:var(--muted)}\n"
  ".figures{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.9rem}\n"
  ".figures li{background:var(--stripe);border-left:4px solid var(--accent);padding:.7rem 1rem;font-family:inherit}\n"
  ".figures strong{display:block;color:var(--accent);font-size:1.6rem;line-height:1.25}\n"
  ".figures span{color:var(--muted);font-size:.9rem}\n"
  ".scroll{overflow-x:auto;max-width:100%;margin:0 0 1rem}\n"
  "table{border-collapse:collapse;width:100%;font-size:.92rem}\n"
  "caption{text-align:left;font-weight:700;padding:.3rem 0}\n"
  "th,td{padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
  "thead th{background:var(--head);border-bottom:1px solid var(--ink)}\n"
  "tbody tr:nth-child(even){background:var(--stripe)}\n"
  "tbody th{font-weight:400}\n"
  ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
  "tfoot tr.sum th,tfoot tr.sum td{font-weight:700;border-top:2px solid var(--ink)}\n"
  "tfoot tr.aside th,tfoot tr.aside td{font-style:italic;color:var(--muted);font-weight:400}\n"
  "figure{margin:0 0 2rem;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}\n"
  "figure h3{grid-column:1/-1;margin:0}\n"
  "figure svg{width:100%;height:auto;display:block}\n"
  "figure svg.narrow{display:none}\n"
  "figure .scroll{margin:0}\n"
  "figcaption{grid-column:1/-1;color:var(--muted);font-size:.9rem}\n"
  "footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.6rem;padding-bottom:2rem;color:var(--muted);font-size:.85rem}\n"
  "tbody th{min-width:9rem}\n"
  "@media (max-width:48rem){figure{grid-template-columns:minmax(0,1fr)}h1{font-size:1.6rem}}\n"
  "@media screen and (max-width:30rem){figure svg.wide{display:none}figure svg.narrow{display:block}}\n"
  "@media print{@page{size:A4;margin:18mm}\n"
  " body{font-size:10.5pt}\n"
  " .skip{display:none}\n"
  " main,header.top,footer{max-width:none;padding:0}\n"
  " .scroll{overflow:visible}\n"
  " figure{grid-template-columns:1fr;break-inside:avoid}\n"
  " h2,h3{break-after:avoid}\n"
  " tr{break-inside:avoid}\n"
  " thead{display:table-header-group}\n"
  " .figures li{border:1px solid var(--rule);border-left:4px solid var(--accent)}}\n";

void
rocznik_html_append_escaped (GString    *out,
                             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* <tag attrs>text</tag> with @text escaped; table cells, so a row stays on one line. */
void
rocznik_html_append_cell (GString    *out,
                          const char *tag,
                          const char *attrs,
                          const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", tag, attrs ? " " : "", attrs ? attrs : "");
  rocznik_html_append_escaped (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* The same on a line of its own. */
void
rocznik_html_append_element (GString    *out,
                             const char *tag,
                             const char *attrs,
                             const char *text)
{
  rocznik_html_append_cell (out, tag, attrs, text);
  g_string_append_c (out, '\n');
}

/* ---- the topic table --------------------------------------------------- */

/* A row: the topic's name is its header (scope="row"), figures right-aligned. */
static void
append_row (GString                    *out,
            const RocznikReportContent *content,
            const RocznikReportRow     *row,
            const char                 *klass)
{
  g_string_append_printf (out, "<tr%s%s%s>", klass ? " class=\"" : "", klass ? klass : "", klass ? "\"" : "");
  for (guint i = 0; i < content->n_columns; i++)
    {
      const char *cell = row->cells[i] ? row->cells[i] : "";

      if (i == 1)
        rocznik_html_append_cell (out, "th", "scope=\"row\"", cell);
      else
        rocznik_html_append_cell (out, "td", content->numeric[i] ? "class=\"num\"" : NULL, cell);
    }
  g_string_append (out, "</tr>\n");
}

static void
append_topic_table (GString                    *out,
                    const RocznikReportContent *content)
{
  const RocznikReport *report = content->data;
  g_autofree char *caption = NULL;

  g_string_append (out, "<section aria-labelledby=\"tematy\">\n");
  rocznik_html_append_element (out, "h2", "id=\"tematy\"", content->table_heading);
  rocznik_html_append_element (out, "p", "class=\"note\"", content->table_intro);
  if (content->rows->len == 0)
    {
      g_string_append (out, "</section>\n");
      return;
    }
  caption = report->compare
    ? g_strdup_printf ("Tematy rozmów w %d r. w porównaniu z %d r.", report->year->year, report->compare->year)
    : g_strdup_printf ("Tematy rozmów w %d r.", report->year->year);
  g_string_append (out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tabela-tematy\">\n<table>\n");
  rocznik_html_append_element (out, "caption", "id=\"tabela-tematy\"", caption);
  g_string_append (out, "<thead><tr>");
  for (guint i = 0; i < content->n_columns; i++)
    rocznik_html_append_cell (out, "th", content->numeric[i] ? "scope=\"col\" class=\"num\"" : "scope=\"col\"",
                    content->columns[i]);
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < content->rows->len; i++)
    append_row (out, content, g_ptr_array_index (content->rows, i), NULL);
  g_string_append (out, "</tbody>\n<tfoot>\n");
  append_row (out, content, content->sum, "sum");
  if (content->remainder)
    {
      append_row (out, content, content->remainder, "aside");
      append_row (out, content, content->declared, "aside");
    }
  if (content->compared)
    append_row (out, content, content->compared, "aside");
  g_string_append (out, "</tfoot>\n</table>\n</div>\n");
  if (content->compare_note)
    rocznik_html_append_element (out, "p", "class=\"note\"", content->compare_note);
  g_string_append (out, "</section>\n");
}

/* ---- charts ------------------------------------------------------------ */

static cairo_status_t
svg_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Gives the SVG's ids @prefix and a number in order of appearance: unique in
 * the page (cairo names glyphs and clips alike in every file) and the same
 * in every run (cairo numbers surfaces by a process-wide counter). Cairo
 * defines every id before it refers to it. A plain scan: a regular
 * expression over the file took most of an export's time. */
static void
rename_ids (GString    *svg,
            const char *prefix)
{
  static const char *const leads[] = { "id=\"", "href=\"#", "url(#" };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *out = g_string_sized_new (svg->len + svg->len / 8);
  const char *p = svg->str;

  while (*p)
    {
      gsize lead = 0;

      for (guint i = 0; i < G_N_ELEMENTS (leads) && lead == 0; i++)
        if (strncmp (p, leads[i], strlen (leads[i])) == 0)
          lead = strlen (leads[i]);
      if (lead == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      {
        gsize len = strcspn (p + lead, "\")");
        g_autofree char *name = g_strndup (p + lead, len);
        const char *ours = g_hash_table_lookup (names, name);

        if (ours == NULL && p[0] == 'i')
          {
            ours = g_strdup_printf ("%s%u", prefix, g_hash_table_size (names) + 1);
            g_hash_table_insert (names, g_steal_pointer (&name), (char *) ours);
          }
        g_string_append_len (out, p, lead);
        g_string_append (out, ours ? ours : name);
        p += lead + len;
      }
    }
  g_string_assign (svg, out->str);
  g_string_free (out, TRUE);
}

/* The chart's SVG with ids of its own, sized by CSS, named for assistive
 * technology by its <title> and <desc>. */
static char *
chart_svg (RocznikChart *chart,
           const char   *prefix,
           const char   *klass,
           double        width,
           double        height)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (svg_write_cb, svg, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *open = NULL;
  g_autofree char *title = g_markup_escape_text (rocznik_chart_get_title (chart), -1);
  g_autofree char *describe = rocznik_chart_describe (chart);
  g_autofree char *desc = g_markup_escape_text (describe, -1);
  const char *start, *end;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  rocznik_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  rename_ids (svg, prefix);

  /* From <svg …> on: the XML declaration has no place inside HTML. */
  start = strstr (svg->str, "<svg");
  end = start ? strchr (start, '>') : NULL;
  if (end == NULL)
    return NULL;
  open = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                          "viewBox=\"0 0 %d %d\" class=\"%s\" role=\"img\" aria-labelledby=\"%stitle %sdesc\" focusable=\"false\">\n"
                          "<title id=\"%stitle\">%s</title>\n<desc id=\"%sdesc\">%s</desc>",
                          (int) width, (int) height, klass, prefix, prefix, prefix, title, prefix, desc);
  return g_strconcat (open, end + 1, NULL);
}

/* A value of the chart's data table: "586 000", "ponad 586 000", "brak danych". */
static char *
chart_value (const ChartGroup *g,
             int               series)
{
  g_autofree char *n = NULL;

  if (g->values[series] == CHART_NO_VALUE)
    return g_strdup ("brak danych");
  n = rocznik_format_count (g->values[series]);
  if (g->more_than[series])
    return g_strconcat ("ponad ", n, NULL);
  if (g->is_sum[series])
    return g_strconcat (n, " (suma tematów)", NULL);
  return g_steal_pointer (&n);
}

/* The chart's numbers as a table: the same information without the picture. */
static void
append_chart_table (GString      *out,
                    RocznikChart *chart,
                    guint         index)
{
  gboolean trend = chart->type == ROCZNIK_CHART_TREND;
  g_autofree char *caption = g_strdup_printf ("Dane wykresu: %s", chart->title);

  g_string_append_printf (out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"w%u-dane\">\n<table>\n", index);
  g_string_append_printf (out, "<caption id=\"w%u-dane\">", index);
  rocznik_html_append_escaped (out, caption);
  g_string_append (out, "</caption>\n<thead><tr>");
  rocznik_html_append_cell (out, "th", "scope=\"col\"", trend ? "Rok" : "Temat");
  for (int k = 0; k < chart->n_series; k++)
    {
      g_autofree char *year = g_strdup_printf ("%d r.", chart->series_years[k]);

      rocznik_html_append_cell (out, "th", "scope=\"col\" class=\"num\"",
                      trend ? "Liczba rozmów" : chart->n_series > 1 ? year : "Liczba rozmów");
    }
  if (chart->type == ROCZNIK_CHART_RANKING)
    rocznik_html_append_cell (out, "th", "scope=\"col\" class=\"num\"", "Udział");
  if (chart->type == ROCZNIK_CHART_YOY)
    rocznik_html_append_cell (out, "th", "scope=\"col\" class=\"num\"", "Zmiana");
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < chart->groups->len; i++)
    {
      const ChartGroup *g = g_ptr_array_index (chart->groups, i);

      g_string_append (out, "<tr>");
      rocznik_html_append_cell (out, "th", "scope=\"row\"", g->name);
      for (int k = 0; k < chart->n_series; k++)
        {
          g_autofree char *v = chart_value (g, k);
          rocznik_html_append_cell (out, "td", "class=\"num\"", v);
        }
      if (chart->type == ROCZNIK_CHART_RANKING)
        {
          g_autofree char *share = rocznik_format_percent (g->share, 1);
          rocznik_html_append_cell (out, "td", "class=\"num\"", share);
        }
      if (chart->type == ROCZNIK_CHART_YOY)
        rocznik_html_append_cell (out, "td", "class=\"num\"", g->change ? g->change : "—");
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n");
}

void
rocznik_html_append_chart (GString                  *out,
                           const RocznikReport      *report,
                           const RocznikReportChart *spec,
                           PangoFontMap             *fonts,
                           guint                     index,
                           const char               *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikChart) chart = rocznik_chart_new (report->years, report->categories, &spec->spec, &error);
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;

  if (chart == NULL)
    {
      g_debug ("report: chart %s left out: %s", rocznik_chart_type_to_string (spec->spec.type), error->message);
      return;
    }
  rocznik_chart_set_font_map (chart, fonts);
  for (guint i = 0; i < 2; i++)
    {
      double width = i == 0 ? CHART_WIDE : CHART_NARROW;
      double height = spec->height < CHART_MAX_HEIGHT ? spec->height : 120 + 28 * chart->groups->len;
      g_autofree char *prefix = g_strdup_printf ("w%u%c-", index, i == 0 ? 'w' : 'n');

      height = MIN (height, CHART_MAX_HEIGHT);
      while (height < CHART_MAX_HEIGHT && !rocznik_report_chart_shows_all (chart, width, height))
        height = MIN (height + 80, CHART_MAX_HEIGHT);
      *(i == 0 ? &wide : &narrow) = chart_svg (chart, prefix, i == 0 ? "wide" : "narrow", width, height);
    }
  if (wide == NULL || narrow == NULL)
    return;

  g_string_append_printf (out, "<figure aria-labelledby=\"w%u-naglowek\">\n", index);
  g_string_append_printf (out, "<h3 id=\"w%u-naglowek\">", index);
  rocznik_html_append_escaped (out, chart->title);
  g_string_append (out, "</h3>\n");
  g_string_append (out, "<div class=\"chart\">\n");
  g_string_append (out, wide);
  g_string_append_c (out, '\n');
  g_string_append (out, narrow);
  g_string_append (out, "\n</div>\n");
  if (table)
    g_string_append (out, table);
  else
    append_chart_table (out, chart, index);
  if ((chart->subtitle && *chart->subtitle) || (chart->notes && *chart->notes))
    {
      g_autofree char *text = g_strjoin (". ", chart->subtitle && *chart->subtitle ? chart->subtitle : "",
                                         chart->notes ? chart->notes : "", NULL);

      rocznik_html_append_element (out, "figcaption", NULL, g_str_has_prefix (text, ". ") ? text + 2 : text);
    }
  g_string_append (out, "</figure>\n");
}

static void
append_charts (GString                    *out,
               const RocznikReportContent *content)
{
  PangoFontMap *fonts = rocznik_report_font_map ();
  g_autoptr(GString) figures = g_string_new (NULL);

  for (guint i = 0; i < content->charts->len; i++)
    rocznik_html_append_chart (figures, content->data, &g_array_index (content->charts, RocznikReportChart, i), fonts, i + 1,
                               NULL);
  if (figures->len == 0)
    return;  /* no chart the data can make: no section */
  g_string_append (out, "<section aria-labelledby=\"wykresy\">\n");
  rocznik_html_append_element (out, "h2", "id=\"wykresy\"", content->charts_heading);
  g_string_append_len (out, figures->str, figures->len);
  g_string_append (out, "</section>\n");
}

/* ---- the page ----------------------------------------------------------- */

static void
append_head (GString                    *out,
             const RocznikReportContent *content)
{
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  rocznik_html_append_element (out, "title", NULL, content->title);
  g_string_append (out, "<meta name=\"description\" content=\"");
  rocznik_html_append_escaped (out, content->subject);
  g_string_append (out, "\">\n<meta name=\"author\" content=\"");
  rocznik_html_append_escaped (out, content->data->organisation);
  g_string_append (out, "\">\n<meta name=\"generator\" content=\"Rocznik " PACKAGE_VERSION "\">\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n");
}

static void
append_figures (GString                    *out,
                const RocznikReportContent *content)
{
  g_string_append (out, "<section aria-labelledby=\"liczby\">\n");
  rocznik_html_append_element (out, "h2", "id=\"liczby\"", content->figures_heading);
  g_string_append (out, "<ul class=\"figures\">\n");
  for (guint i = 0; i < content->figures->len; i++)
    {
      const RocznikReportFigure *f = &g_array_index (content->figures, RocznikReportFigure, i);

      g_string_append (out, "<li><strong>");
      rocznik_html_append_escaped (out, f->figure);
      g_string_append (out, "</strong> <span>");
      rocznik_html_append_escaped (out, f->caption);
      g_string_append (out, "</span></li>\n");
    }
  g_string_append (out, "</ul>\n");
  if (content->top_heading)
    {
      rocznik_html_append_element (out, "h3", NULL, content->top_heading);
      g_string_append (out, "<ol>\n");
      for (guint i = 0; content->top_items[i]; i++)
        rocznik_html_append_element (out, "li", NULL, content->top_items[i]);
      g_string_append (out, "</ol>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
append_lists_and_notes (GString                    *out,
                        const RocznikReportContent *content)
{
  if (content->lists->len > 0)
    {
      g_string_append (out, "<section aria-labelledby=\"uslugi\">\n");
      rocznik_html_append_element (out, "h2", "id=\"uslugi\"", content->lists_heading);
      for (guint i = 0; i < content->lists->len; i++)
        {
          const RocznikReportList *list = g_ptr_array_index (content->lists, i);

          rocznik_html_append_element (out, "h3", NULL, list->heading);
          g_string_append (out, "<ul>\n");
          for (guint j = 0; list->items[j]; j++)
            rocznik_html_append_element (out, "li", NULL, list->items[j]);
          g_string_append (out, "</ul>\n");
        }
      g_string_append (out, "</section>\n");
    }
  if (content->notes[0])
    {
      g_string_append (out, "<section aria-labelledby=\"uwagi\">\n");
      rocznik_html_append_element (out, "h2", "id=\"uwagi\"", content->notes_heading);
      for (guint i = 0; content->notes[i]; i++)
        rocznik_html_append_element (out, "p", NULL, content->notes[i]);
      g_string_append (out, "</section>\n");
    }
}

GString *
rocznik_report_html_render (const RocznikReportContent *content,
                            GError                    **error)
{
  GString *out = g_string_new (NULL);

  append_head (out, content);
  g_string_append (out, "<body>\n<a class=\"skip\" href=\"#tresc\">Przejdź do treści raportu</a>\n"
                        "<header class=\"top\">\n");
  rocznik_html_append_element (out, "p", "class=\"kicker\"", content->kicker);
  rocznik_html_append_element (out, "h1", NULL, content->data->organisation);
  rocznik_html_append_element (out, "p", "class=\"subtitle\"", content->subtitle);
  g_string_append (out, "</header>\n<main id=\"tresc\" tabindex=\"-1\">\n");
  rocznik_html_append_element (out, "p", "class=\"lead\"", content->lead);
  append_figures (out, content);
  append_topic_table (out, content);
  append_charts (out, content);
  rocznik_html_append_calls (out, content, content->charts->len + 1);
  append_lists_and_notes (out, content);
  g_string_append (out, "</main>\n<footer>\n");
  rocznik_html_append_element (out, "p", NULL, content->footer);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
  return out;
}
