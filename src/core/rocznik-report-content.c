/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-content.c — every sentence and cell of the report, formatted once
 *
 * The writers (PDF, XLSX, CSV, HTML) render this content and decide only
 * how it looks; what it says, in Polish, is decided here.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "rocznik-comparison.h"
#include "rocznik-format.h"
#include "rocznik-report-calls.h"

/* „Polish quotes”: “…” and "…" become „…”. */
static char *
polish_quotes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);
  gboolean open = TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C || (c == '"' && open))
        {
          g_string_append (out, "\xe2\x80\x9e"); /* „ */
          open = FALSE;
        }
      else if (c == 0x201D || c == '"')
        {
          g_string_append (out, "\xe2\x80\x9d"); /* ” */
          open = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Running text: Polish quotes and no one-letter word at a line's end. */
char *
rocznik_report_running_text (const char *text)
{
  g_autofree char *quoted = polish_quotes (text);
  return rocznik_typography (quoted);
}

/* Whether @chart at @width × @height shows every bar (a heat map's cells
 * are its bars): a report's chart grows taller until it does. */
gboolean
rocznik_report_chart_shows_all (RocznikChart *chart,
                                double        width,
                                double        height)
{
  g_autoptr(GPtrArray) items = rocznik_chart_get_layout (chart, width, height);
  int bars = 0;

  for (guint i = 0; i < items->len; i++)
    {
      RocznikChartItemKind kind = ((RocznikChartItem *) g_ptr_array_index (items, i))->kind;

      bars += kind == ROCZNIK_CHART_ITEM_BAR || kind == ROCZNIK_CHART_ITEM_CELL;
    }
  return bars >= rocznik_chart_get_n_bars (chart);
}

/* g_strv_builder_take() is GLib 2.80. */
static void
strv_take (GStrvBuilder *builder,
           char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

/* Takes @text and returns it typeset as running text. */
static char *
typeset (char *text)
{
  char *out = rocznik_report_running_text (text);

  g_free (text);
  return out;
}

/* The past tense agrees with the organisation's first noun: "Biuro …
 * przeprowadziło", "Infolinia … przeprowadziła", "Urząd … przeprowadził". */
static const char *
verb_ending (const char *organisation)
{
  g_autofree char *first = g_strndup (organisation, strcspn (organisation, " \xc2"));
  g_autofree char *lower = g_utf8_strdown (first, -1);

  if (g_str_has_suffix (lower, "a"))
    return "ła";
  if (g_str_has_suffix (lower, "o") || g_str_has_suffix (lower, "e") || g_str_has_suffix (lower, "um"))
    return "ło";
  return "ł";
}

static char *
quoted (const char *name)
{
  g_autofree char *plain = rocznik_collapse_spaces (name);
  return g_strconcat ("„", plain, "”", NULL);
}

static char *
lead_text (const RocznikReport *report)
{
  const RocznikYear *y = report->year;
  const RocznikTable *t = report->table;
  const char *org = report->organisation;
  GString *lead = g_string_new (NULL);

  if (y->declared_total != ROCZNIK_NO_TOTAL)
    {
      g_autofree char *total = y->declared_more_than ? rocznik_format_short (y->declared_total, TRUE)
                                                     : rocznik_format_count (y->declared_total);
      const char *noun = y->declared_more_than ? "rozmów"
                                               : rocznik_plural (y->declared_total, "rozmowę", "rozmowy", "rozmów");

      g_string_append_printf (lead, "W %d r. %s przeprowadzi%s %s %s.", y->year, org,
                              verb_ending (org), total, noun);
    }
  else
    {
      g_autofree char *sum = rocznik_format_count (t->sum);

      g_string_append_printf (lead, "W %d r. %s przeprowadzi%s co najmniej %s %s.", y->year, org,
                              verb_ending (org), sum, rocznik_plural (t->sum, "rozmowę", "rozmowy", "rozmów"));
    }

  if (t->rows->len > 0)
    {
      const RocznikRow *top = g_ptr_array_index (t->rows, 0);
      g_autofree char *name = quoted (top->name);
      g_autofree char *share = rocznik_format_percent (top->share, 1);
      g_autofree char *sum = rocznik_format_count (t->sum);

      g_string_append_printf (lead, " Do %u %s przypisano %s %s; najwięcej dotyczyło tematu %s (%s).",
                              t->rows->len, rocznik_plural (t->rows->len, "tematu", "tematów", "tematów"),
                              sum, rocznik_plural (t->sum, "rozmowę", "rozmowy", "rozmów"), name, share);
    }
  return typeset (g_string_free (lead, FALSE));
}

static void
figure_clear (RocznikReportFigure *figure)
{
  g_free (figure->figure);
  g_free (figure->caption);
}

static void
add_figure (GArray *figures,
            char   *figure,
            char   *caption)
{
  RocznikReportFigure f = { figure, typeset (caption) };
  g_array_append_val (figures, f);
}

/* The change since the previous year with figures, like with like: over
 * the topics both years have, or the declared totals; never a year as 0. */
static void
add_change_figure (GArray              *figures,
                   const RocznikReport *report)
{
  const RocznikYear *p = report->previous;
  g_autoptr(RocznikComparison) c = rocznik_comparison_new (report->year, p);
  g_autofree char *delta = NULL;
  g_autofree char *before = NULL;
  g_autofree char *what = NULL;
  gboolean rounded;

  if (c->basis == ROCZNIK_COMPARISON_NONE || !c->has_change_percent)
    return;
  delta = rocznik_format_signed_count (c->change);
  rounded = c->basis == ROCZNIK_COMPARISON_DECLARED && (c->more_than || c->other_more_than);
  before = c->basis == ROCZNIK_COMPARISON_DECLARED && c->other_more_than
    ? rocznik_format_short (c->other_count, TRUE) : rocznik_format_count (c->other_count);
  if (c->basis == ROCZNIK_COMPARISON_DECLARED)
    what = g_strdup ("zmiana liczby rozmów ogółem");
  else if (c->basis == ROCZNIK_COMPARISON_COMMON)
    what = g_strdup_printf ("zmiana sumy %u %s obecnych w obu latach", c->n_topics,
                            rocznik_plural (c->n_topics, "tematu", "tematów", "tematów"));
  else
    what = g_strdup ("zmiana sumy tematów");
  add_figure (figures, rocznik_format_signed_percent (c->change_percent, 1),
              g_strdup_printf ("%s wobec %d r. (%s rozmów; %s)%s", what, p->year, delta, before,
                               rounded ? ", według liczb zaokrąglonych" : ""));
}

static GArray *
key_figures (const RocznikReport *report)
{
  const RocznikYear *y = report->year;
  const RocznikTable *t = report->table;
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (RocznikReportFigure));

  g_array_set_clear_func (figures, (GDestroyNotify) figure_clear);
  if (y->declared_total != ROCZNIK_NO_TOTAL)
    add_figure (figures, y->declared_more_than ? rocznik_format_short (y->declared_total, TRUE)
                                               : rocznik_format_count (y->declared_total),
                g_strdup ("rozmów ogółem (liczba podana w sprawozdaniu)"));
  if (t->rows->len > 0)
    {
      add_figure (figures, rocznik_format_count (t->sum),
                  g_strdup_printf ("rozmów przypisanych do %u %s (suma tematów)", t->rows->len,
                                   rocznik_plural (t->rows->len, "tematu", "tematów", "tematów")));
      if (t->remainder)
        {
          g_autofree char *n = rocznik_format_count (t->remainder->count);

          add_figure (figures, t->remainder->more_than ? g_strconcat ("ponad ", n, NULL) : g_strdup (n),
                      g_strdup ("rozmów bez przypisanego tematu (ogółem minus suma tematów)"));
        }
    }
  if (report->previous)
    add_change_figure (figures, report);
  return figures;
}

static GStrv
top_items (const RocznikTable *t)
{
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

  for (guint i = 0; i < MIN (3, t->rows->len); i++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, i);
      g_autofree char *name = quoted (row->name);
      g_autofree char *count = rocznik_format_count (row->count);
      g_autofree char *share = rocznik_format_percent (row->share, 1);
      g_autofree char *change = NULL;
      g_autofree char *line = NULL;

      if (row->other_year && row->has_change_percent)
        {
          g_autofree char *pct = rocznik_format_signed_percent (row->change_percent, 1);
          change = g_strdup_printf ("; %s wobec %d r.", pct, row->other_year);
        }
      line = g_strdup_printf ("%s – %s %s, %s rozmów w tematach%s", name, count,
                              rocznik_plural (row->count, "rozmowa", "rozmowy", "rozmów"),
                              share, change ? change : "");
      strv_take (items, rocznik_report_running_text (line));
    }
  return g_strv_builder_end (items);
}

#define TABLE_TOPICS 50   /* more topics than that: the 50 largest and "pozostałe" */

static RocznikReportRow *
table_row_new (const char *first,
               ...)
{
  RocznikReportRow *row = g_new0 (RocznikReportRow, 1);
  va_list args;
  const char *cell = first;

  va_start (args, first);
  for (guint i = 0; i < ROCZNIK_REPORT_MAX_COLUMNS && cell; i++, cell = va_arg (args, const char *))
    row->cells[i] = g_strdup (cell);
  va_end (args);
  return row;
}

static void
table_row_free (RocznikReportRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < ROCZNIK_REPORT_MAX_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

/* A row's counts: "70 055", "18,0%", then the comparison's or "—". */
static RocznikReportRow *
counted_row (const char       *n,
             const char       *name,
             const RocznikRow *row,
             const char       *share)
{
  g_autofree char *count = rocznik_format_count (row->count);
  g_autofree char *other = row->other_year ? rocznik_format_count (row->other_count) : g_strdup ("—");
  g_autofree char *change = row->other_year ? rocznik_format_signed_count (row->change) : g_strdup ("—");
  g_autofree char *change_pct = row->other_year && row->has_change_percent
    ? rocznik_format_signed_percent (row->change_percent, 1) : g_strdup ("—");

  return table_row_new (n, name, count, share, other, change, change_pct, NULL);
}

/* When the totals are not compared on the same topics: the row they are
 * compared on (the topics both years have, or the declared totals), and
 * the sentence saying so. */
static void
compared_row (RocznikReportContent *c)
{
  const RocznikTable *t = c->data->table;
  const RocznikRow *r = t->common ? t->common : t->declared;
  g_autofree char *count = NULL;
  g_autofree char *other = NULL;
  g_autofree char *change = NULL;
  g_autofree char *change_pct = NULL;

  if (t->comparison)
    {
      char *note = rocznik_comparison_note_pl (t->comparison);

      c->compare_note = note ? typeset (note) : NULL;
    }
  if (r == NULL)
    return;
  count = r->more_than ? rocznik_format_short (r->count, TRUE) : rocznik_format_count (r->count);
  other = t->declared && t->comparison->other_more_than ? rocznik_format_short (r->other_count, TRUE)
                                                        : rocznik_format_count (r->other_count);
  change = rocznik_format_signed_count (r->change);
  change_pct = r->has_change_percent ? rocznik_format_signed_percent (r->change_percent, 1) : g_strdup ("—");
  c->compared = table_row_new ("", t->common ? "Tematy obecne w obu latach" : "Ogółem (liczby ze sprawozdań)",
                               count, "", other, change, change_pct, NULL);
}

static void
set_column (RocznikReportContent *c,
            char                 *title,
            gboolean              numeric)
{
  c->columns[c->n_columns] = title;
  c->numeric[c->n_columns++] = numeric;
}

/* "pozostałe (N tematów)": the exact sums of the rows from @first on; the
 * other year's figure and the change only when every one of them has it. */
static RocznikReportRow *
rest_row (const RocznikTable *t,
          guint               first)
{
  gint64 count = 0, other = 0;
  gboolean all_other = TRUE;
  g_autofree char *name = rocznik_format_others (t->rows->len - first);
  g_autofree char *count_text = NULL;
  g_autofree char *share = NULL;
  g_autofree char *other_text = NULL;
  g_autofree char *change = NULL;
  g_autofree char *change_pct = NULL;

  for (guint i = first; i < t->rows->len; i++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, i);

      count += row->count;
      other += row->other_count;
      all_other &= row->other_year != 0;
    }
  count_text = rocznik_format_count (count);
  share = rocznik_format_percent (t->sum > 0 ? 100.0 * count / t->sum : 0, 1);
  other_text = all_other ? rocznik_format_count (other) : g_strdup ("—");
  change = all_other ? rocznik_format_signed_count (count - other) : g_strdup ("—");
  change_pct = all_other && other > 0 ? rocznik_format_signed_percent (100.0 * (count - other) / other, 1)
                                      : g_strdup ("—");
  return table_row_new ("", name, count_text, share, other_text, change, change_pct, NULL);
}

static void
topic_table (RocznikReportContent *c)
{
  const RocznikReport *report = c->data;
  const RocznikTable *t = report->table;
  /* A report is read, not searched: the largest topics and one row for the
   * rest, when they are many; the workbook and the CSV keep every one. */
  guint n_rows = t->rows->len > TABLE_TOPICS + 1 ? TABLE_TOPICS : t->rows->len;

  c->table_heading = g_strdup ("Tematy rozmów");
  c->table_continued = g_strdup ("Tematy rozmów (ciąg dalszy tabeli)");
  set_column (c, g_strdup ("Lp."), TRUE);
  set_column (c, g_strdup ("Temat"), FALSE);
  set_column (c, g_strdup ("Liczba rozmów"), TRUE);
  set_column (c, g_strdup ("Udział"), TRUE);
  if (report->compare)
    {
      set_column (c, g_strdup_printf ("%d r.", report->compare->year), TRUE);
      set_column (c, g_strdup ("Zmiana"), TRUE);
      set_column (c, g_strdup ("Zmiana %"), TRUE);
    }
  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  if (t->rows->len == 0)
    {
      c->table_intro = typeset (g_strdup_printf ("Za %d r. nie ma danych o tematach rozmów.", report->year->year));
      return;
    }
  c->table_intro = typeset (g_strdup_printf ("Tematy według liczby rozmów w %d r. Udział to odsetek sumy rozmów przypisanych do tematów%s.",
                                             report->year->year,
                                             t->remainder && t->remainder->count > 0
                                               ? ", nie wszystkich rozmów: część rozmów nie ma przypisanego tematu" : ""));
  if (n_rows < t->rows->len)
    {
      g_autofree char *all = rocznik_format_count (t->rows->len);
      g_autofree char *rest = rocznik_format_count (t->rows->len - n_rows);
      char *intro = c->table_intro;

      c->table_intro = typeset (g_strdup_printf ("%s Tabela pokazuje %u największych tematów z %s; wiersz „pozostałe” "
                                                 "to suma %s pozostałych. Wszystkie tematy są w skoroszycie XLSX.",
                                                 intro, n_rows, all, rest));
      g_free (intro);
    }
  for (guint i = 0; i < n_rows; i++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, i);
      g_autofree char *n = g_strdup_printf ("%u.", i + 1);
      g_autofree char *name = rocznik_typography (row->name);
      g_autofree char *share = rocznik_format_percent (row->share, 1);

      g_ptr_array_add (c->rows, counted_row (n, name, row, share));
    }
  if (n_rows < t->rows->len)
    g_ptr_array_add (c->rows, rest_row (t, n_rows));
  c->sum = counted_row ("", "Suma tematów", t->total, "100,0%");
  if (t->remainder)
    {
      g_autofree char *n = rocznik_format_count (t->remainder->count);
      g_autofree char *remainder = t->remainder->more_than ? g_strconcat ("ponad ", n, NULL) : g_strdup (n);
      g_autofree char *declared = t->declared_more_than ? rocznik_format_short (t->declared_total, TRUE)
                                                        : rocznik_format_count (t->declared_total);

      c->remainder = table_row_new ("", "Bez przypisanego tematu", remainder, "", "", "", "", NULL);
      c->declared = table_row_new ("", "Ogółem (liczba ze sprawozdania)", declared, "", "", "", "", NULL);
    }
  if (report->compare)
    compared_row (c);
}

static void
chart_clear (RocznikReportChart *chart)
{
  g_clear_pointer (&chart->spec.topics, g_strfreev);
  g_free ((int *) chart->spec.years);
}

static void
add_chart (RocznikReportContent *c,
           RocznikChartType      type,
           double                height)
{
  RocznikReportChart chart = { { .type = type, .theme = ROCZNIK_CHART_THEME_LIGHT,
                                 .year = c->data->year->year }, height };

  g_array_append_val (c->charts, chart);
}

/* The whole first (totals over the years), then its parts. A chart the
 * data cannot make is left out by the writer that draws it. */
static void
charts (RocznikReportContent *c)
{
  const RocznikReport *report = c->data;
  guint n_rows = report->table->rows->len;
  guint n_years = report->topic_years->len;

  c->charts_heading = g_strdup ("Wykresy");
  c->charts = g_array_new (FALSE, FALSE, sizeof (RocznikReportChart));
  g_array_set_clear_func (c->charts, (GDestroyNotify) chart_clear);
  add_chart (c, ROCZNIK_CHART_TREND, 300);
  /* Beyond a dozen topics the ranking takes the page. */
  if (n_rows > 0)
    add_chart (c, ROCZNIK_CHART_RANKING, n_rows > 12 ? G_MAXDOUBLE : 120 + 26 * n_rows);
  if (report->series->len > 0)
    {
      RocznikReportChart *chart;
      int *years = g_new0 (int, n_years + 1);

      memcpy (years, report->topic_years->data, n_years * sizeof (int));
      add_chart (c, ROCZNIK_CHART_COMPARE, 160 + 34 * report->series->len * MAX (1, n_years));
      chart = &g_array_index (c->charts, RocznikReportChart, c->charts->len - 1);
      chart->spec.topics = g_strdupv (report->topics);
      chart->spec.years = years;
    }
  if (report->compare && n_rows > 0)
    {
      add_chart (c, ROCZNIK_CHART_YOY, 120 + 40 * n_rows);
      g_array_index (c->charts, RocznikReportChart, c->charts->len - 1).spec.compare_year = report->compare->year;
    }
}

static void
list_free (RocznikReportList *list)
{
  g_free (list->heading);
  g_strfreev (list->items);
  g_free (list);
}

/* "Nowe usługi informacyjne: 24, w tym wymienione poniżej 9". The stored
 * titles are lower case, as in running text: a heading starts upper case. */
static char *
list_heading (const RocznikList *list)
{
  GString *out = g_string_new (NULL);
  gboolean counted = list->declared != ROCZNIK_NO_TOTAL && list->declared > 0;

  if (*list->title)
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (list->title)));
      g_string_append (out, g_utf8_next_char (list->title));
    }
  if (counted)
    g_string_append_printf (out, ": %" G_GINT64_FORMAT, list->declared);
  if (counted && (guint64) list->declared != list->items->len)
    g_string_append_printf (out, ", w tym wymienione poniżej %u", list->items->len);
  return typeset (g_string_free (out, FALSE));
}

static void
lists_and_notes (RocznikReportContent *c)
{
  const RocznikYear *y = c->data->year;
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();

  c->lists_heading = g_strdup_printf ("Usługi i informacje w %d r.", y->year);
  c->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  for (guint i = 0; i < y->lists->len; i++)
    {
      const RocznikList *list = g_ptr_array_index (y->lists, i);
      RocznikReportList *out = g_new0 (RocznikReportList, 1);
      g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

      out->heading = list_heading (list);
      for (guint j = 0; j < list->items->len; j++)
        strv_take (items, rocznik_report_running_text (g_ptr_array_index (list->items, j)));
      out->items = g_strv_builder_end (items);
      g_ptr_array_add (c->lists, out);
    }

  c->notes_heading = g_strdup ("Uwagi i źródła");
  if (y->notes && *y->notes)
    {
      g_auto(GStrv) paragraphs = g_strsplit (y->notes, "\n", -1);

      for (guint i = 0; paragraphs[i]; i++)
        if (*g_strstrip (paragraphs[i]))
          strv_take (notes, rocznik_report_running_text (paragraphs[i]));
    }
  c->notes = g_strv_builder_end (notes);
}

RocznikReportContent *
rocznik_report_content_new (RocznikWorkspace           *ws,
                            const RocznikReportOptions *options,
                            GError                    **error)
{
  g_autoptr(RocznikReportContent) c = g_new0 (RocznikReportContent, 1);
  const RocznikReport *report;
  g_autofree char *date = NULL;
  int year;

  c->data = rocznik_report_new (ws, options, error);
  if (c->data == NULL)
    return NULL;
  report = c->data;
  year = report->year->year;
  date = rocznik_format_date (report->now);

  c->title = g_strdup_printf ("%s — raport roczny %d", report->organisation, year);
  c->subject = g_strdup_printf ("Tematy rozmów w %d r.", year);
  c->kicker = g_strdup_printf ("RAPORT ROCZNY %d", year);
  c->subtitle = typeset (g_strdup_printf ("Tematy rozmów z mieszkańcami w %d r.", year));
  c->lead = lead_text (report);
  c->footer = g_strdup_printf ("%s · raport roczny %d · wygenerowano %s", report->organisation, year, date);
  c->figures_heading = g_strdup ("Najważniejsze liczby");
  c->figures = key_figures (report);
  if (report->table->rows->len > 0)
    {
      c->top_heading = typeset (g_strdup (report->table->rows->len >= 3 ? "Trzy najczęstsze tematy"
                                                                       : "Najczęstsze tematy"));
      c->top_items = top_items (report->table);
    }
  topic_table (c);
  charts (c);
  c->calls = rocznik_report_calls_new (report->year);
  lists_and_notes (c);
  return g_steal_pointer (&c);
}

void
rocznik_report_content_free (RocznikReportContent *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->data, rocznik_report_free);
  g_free (c->title);
  g_free (c->subject);
  g_free (c->kicker);
  g_free (c->subtitle);
  g_free (c->lead);
  g_free (c->footer);
  g_free (c->figures_heading);
  g_clear_pointer (&c->figures, g_array_unref);
  g_free (c->top_heading);
  g_strfreev (c->top_items);
  g_free (c->table_heading);
  g_free (c->table_intro);
  g_free (c->table_continued);
  for (guint i = 0; i < c->n_columns; i++)
    g_free (c->columns[i]);
  g_clear_pointer (&c->rows, g_ptr_array_unref);
  table_row_free (c->sum);
  table_row_free (c->remainder);
  table_row_free (c->declared);
  table_row_free (c->compared);
  g_free (c->compare_note);
  g_free (c->charts_heading);
  g_clear_pointer (&c->charts, g_array_unref);
  g_clear_pointer (&c->calls, rocznik_report_calls_free);
  g_free (c->lists_heading);
  g_clear_pointer (&c->lists, g_ptr_array_unref);
  g_free (c->notes_heading);
  g_strfreev (c->notes);
  g_free (c);
}

