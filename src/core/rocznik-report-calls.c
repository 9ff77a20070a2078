/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-calls.c — when and how residents call: the report's tables and sentences
 *
 * Months, weekdays and hours, channels and handling time, each a table and
 * a few generated Polish sentences (cases after prepositions, plurals by
 * gettext's Polish rule, ties named together, a month without records
 * called a gap, never a zero). The writers only lay this out.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "rocznik-format.h"
#include "rocznik-report-calls.h"

/* The month after "w" ("w marcu", "we wrześniu"), and after "za" (the accusative). */
static const char *const month_in[12] = {
  "w styczniu", "w lutym", "w marcu", "w kwietniu", "w maju", "w czerwcu",
  "w lipcu", "w sierpniu", "we wrześniu", "w październiku", "w listopadzie", "w grudniu",
};
/* Every Monday of the year: "w poniedziałki"; table columns abbreviated. */
static const char *const weekday_in[ROCZNIK_WEEKDAYS] = {
  "w poniedziałki", "we wtorki", "w środy", "w czwartki", "w piątki", "w soboty", "w niedziele",
};
static const char *const weekday_short[ROCZNIK_WEEKDAYS] = {
  "pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz.",
};

/* ---- cells and tables -------------------------------------------------- */

static void
cell_set (RocznikReportCell     *cell,
          RocznikReportCellKind  kind,
          double                 value,
          char                  *text)
{
  cell->kind = kind;
  cell->value = value;
  cell->text = text;
}

static void
cell_count (RocznikReportCell *cell,
            gint64             n)
{
  cell_set (cell, ROCZNIK_REPORT_CELL_COUNT, (double) n, rocznik_format_count (n));
}

static void
cell_text (RocznikReportCell *cell,
           const char        *text)
{
  cell_set (cell, ROCZNIK_REPORT_CELL_TEXT, 0, g_strdup (text));
}

static void
cell_share (RocznikReportCell *cell,
            gint64             part,
            gint64             whole)
{
  double share = whole > 0 ? (double) part / whole : 0;

  cell_set (cell, ROCZNIK_REPORT_CELL_SHARE, share, rocznik_format_percent (100.0 * share, 1));
}

static void
cell_seconds (RocznikReportCell *cell,
              double             seconds)
{
  cell_set (cell, ROCZNIK_REPORT_CELL_SECONDS, seconds, rocznik_format_duration ((gint64) floor (MAX (seconds, 0) + 0.5)));
}

static void
cells_free (RocznikReportCell *cells,
            guint              n)
{
  if (cells == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (cells[i].text);
  g_free (cells);
}

static RocznikReportCell *
table_add_row (RocznikReportCallsTable *t)
{
  RocznikReportCell *row = g_new0 (RocznikReportCell, t->n_columns);

  g_ptr_array_add (t->rows, row);
  return row;
}

static void
chart_clear (RocznikReportChart *chart)
{
  g_clear_pointer (&chart->spec.topics, g_strfreev);
  g_free ((int *) chart->spec.years);
}

/* A table of @kind with its column titles (NULL-terminated). */
static RocznikReportCallsTable *
table_new (RocznikReportCallsKind  kind,
           const char             *heading,
           const char             *sheet,
           char                   *caption,
           const char             *first_column,
           ...)
{
  RocznikReportCallsTable *t = g_new0 (RocznikReportCallsTable, 1);
  va_list args;

  t->kind = kind;
  t->heading = g_strdup (heading);
  t->sheet = g_strdup (sheet);
  t->caption = rocznik_report_running_text (caption);
  g_free (caption);
  va_start (args, first_column);
  for (const char *c = first_column; c && t->n_columns < ROCZNIK_REPORT_CALLS_MAX_COLUMNS;
       c = va_arg (args, const char *))
    t->columns[t->n_columns++] = g_strdup (c);
  va_end (args);
  t->rows = g_ptr_array_new ();
  t->charts = g_array_new (FALSE, FALSE, sizeof (RocznikReportChart));
  g_array_set_clear_func (t->charts, (GDestroyNotify) chart_clear);
  return t;
}

/* A chart of the part, drawn under its table by the one renderer;
 * @height at the PDF's text width. */
static void
table_add_chart (RocznikReportCallsTable *t,
                 RocznikChartType         type,
                 int                      year,
                 double                   height)
{
  RocznikReportChart chart = { { .type = type, .theme = ROCZNIK_CHART_THEME_LIGHT, .year = year }, height };

  g_array_append_val (t->charts, chart);
}

static void
table_free (RocznikReportCallsTable *t)
{
  g_free (t->heading);
  g_free (t->sheet);
  g_free (t->caption);
  g_strfreev (t->sentences);
  for (guint i = 0; i < t->n_columns; i++)
    g_free (t->columns[i]);
  for (guint i = 0; i < t->rows->len; i++)
    cells_free (g_ptr_array_index (t->rows, i), t->n_columns);
  g_ptr_array_unref (t->rows);
  cells_free (t->total, t->n_columns);
  g_array_unref (t->charts);
  g_free (t);
}

/* ---- words ------------------------------------------------------------- */

/* "54 321 zgłoszeń"; after "po" (each of them): "po 1 zgłoszeniu", "po 22 zgłoszenia". */
static char *
amount (gint64   n,
        gboolean each)
{
  g_autofree char *number = rocznik_format_count (n);

  if (each)
    return g_strdup_printf ("po %s %s", number, rocznik_plural (n, "zgłoszeniu", "zgłoszenia", "zgłoszeń"));
  return g_strdup_printf ("%s %s", number, rocznik_plural (n, "zgłoszenie", "zgłoszenia", "zgłoszeń"));
}

/* "a", "a i b", "a, b i c" (@last: " i " or " oraz "); takes @items. */
static char *
join (GPtrArray  *items,
      const char *last)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == items->len ? last : ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
  g_ptr_array_unref (items);
  return g_string_free (out, FALSE);
}

#define LISTED 3   /* ties beyond this many: the first ones and how many more */

/* As join(), but more than LISTED items become the first LISTED and
 * @others (a format of the number left: "w %u innych godzinach"; NULL:
 * every item). */
static char *
join_few (GPtrArray  *items,
          const char *last,
          const char *others)
{
  guint more = others && items->len > LISTED + 1 ? items->len - LISTED : 0;

  if (more)
    {
      g_ptr_array_set_size (items, LISTED);
      g_ptr_array_add (items, g_strdup_printf (others, more));
    }
  return join (items, last);
}

static GPtrArray *
words_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Takes @text (NULL: nothing to say). */
static void
add_sentence (GStrvBuilder *sentences,
              char         *text)
{
  g_autofree char *typeset = NULL;

  if (text == NULL)
    return;
  typeset = rocznik_report_running_text (text);
  g_strv_builder_add (sentences, typeset);
  g_free (text);
}

/* The busiest and quietest of @n places that have data (@valid), ties
 * named together: "Najwięcej w marcu: 54 321 zgłoszeń, najmniej w sierpniu
 * i we wrześniu: po 1 200 zgłoszeń." (@others: see join_few()). */
static char *
extremes_sentence (const char *const *places,
                   const gint64      *values,
                   const gboolean    *valid,
                   guint              n,
                   const char        *others)
{
  gint64 max = G_MININT64, min = G_MAXINT64;
  guint n_valid = 0, n_max = 0, n_min = 0;
  g_autoptr(GPtrArray) top = words_new ();
  g_autoptr(GPtrArray) bottom = words_new ();
  g_autofree char *top_places = NULL;
  g_autofree char *bottom_places = NULL;
  g_autofree char *top_amount = NULL;
  g_autofree char *bottom_amount = NULL;

  for (guint i = 0; i < n; i++)
    if (valid[i])
      {
        n_valid++;
        max = MAX (max, values[i]);
        min = MIN (min, values[i]);
      }
  if (n_valid == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (valid[i])
      {
        if (values[i] == max)
          n_max++, g_ptr_array_add (top, g_strdup (places[i]));
        if (values[i] == min)
          n_min++, g_ptr_array_add (bottom, g_strdup (places[i]));
      }
  top_places = join_few (g_steal_pointer (&top), " i ", others);
  bottom_places = join_few (g_steal_pointer (&bottom), " i ", others);
  top_amount = amount (max, n_max > 1);
  bottom_amount = amount (min, n_min > 1);
  if (n_valid == 1)
    return g_strdup_printf ("Zgłoszenia są tylko %s: %s.", top_places, top_amount);
  if (max == min)
    return g_strdup_printf ("Tyle samo zgłoszeń %s: %s.", top_places, top_amount);
  return g_strdup_printf ("Najwięcej %s: %s, najmniej %s: %s.", top_places, top_amount,
                          bottom_places, bottom_amount);
}

/* ---- months ------------------------------------------------------------ */

static RocznikReportCallsTable *
months_table (const RocznikYear *y)
{
  gint64 months[12] = { 0 }, total = 0;
  gboolean valid[12];
  guint n_topics = 0, n_gaps = 0;
  RocznikReportCallsTable *t;
  g_autoptr(GStrvBuilder) sentences = g_strv_builder_new ();
  g_autoptr(GPtrArray) gaps = words_new ();
  char *extremes;

  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (y->topics, i);

      if (!topic->has_months)
        continue;
      n_topics++;
      for (int m = 0; m < 12; m++)
        months[m] += topic->months[m];
    }
  for (int m = 0; m < 12; m++)
    total += months[m];
  if (total <= 0)
    return NULL;

  t = table_new (ROCZNIK_REPORT_CALLS_MONTHS, "Miesiące", "Miesiące",
                 g_strdup_printf ("Zgłoszenia w miesiącach %d r.", y->year),
                 "Miesiąc", "Zgłoszenia", "Udział", NULL);
  for (int m = 0; m < 12; m++)
    {
      RocznikReportCell *row = table_add_row (t);

      /* No record in a whole month: the data has a gap there, not a zero. */
      valid[m] = months[m] > 0;
      cell_text (&row[0], rocznik_format_month_name (m + 1));
      if (!valid[m])
        {
          cell_set (&row[1], ROCZNIK_REPORT_CELL_GAP, 0, g_strdup ("brak danych"));
          cell_set (&row[2], ROCZNIK_REPORT_CELL_GAP, 0, g_strdup ("—"));
          g_ptr_array_add (gaps, g_strdup (rocznik_format_month_name (m + 1)));
          n_gaps++;
          continue;
        }
      cell_count (&row[1], months[m]);
      cell_share (&row[2], months[m], total);
    }
  t->total = g_new0 (RocznikReportCell, t->n_columns);
  cell_text (&t->total[0], n_gaps ? "Razem (miesiące z danymi)" : "Razem");
  cell_count (&t->total[1], total);
  cell_share (&t->total[2], total, total);

  extremes = extremes_sentence (month_in, months, valid, 12, "w %u innych miesiącach");
  add_sentence (sentences, extremes);
  if (n_gaps > 0)
    {
      g_autofree char *which = join (g_steal_pointer (&gaps), " i ");

      add_sentence (sentences, g_strdup_printf ("Za %s brak danych: to luka w danych, nie zero zgłoszeń.", which));
    }
  if (n_topics < y->topics->len)
    add_sentence (sentences, g_strdup_printf ("Podział na miesiące jest znany dla %u z %u %s; tabela obejmuje tylko %s.",
                                              n_topics, y->topics->len,
                                              rocznik_plural (y->topics->len, "tematu", "tematów", "tematów"),
                                              n_topics == 1 ? "ten temat" : "te tematy"));
  t->sentences = g_strv_builder_end (sentences);
  table_add_chart (t, ROCZNIK_CHART_MONTH, y->year, 280);
  return t;
}

/* ---- weekdays and hours ----------------------------------------------- */

/* The two consecutive hours with the most calls over the week. */
static char *
peak_band_sentence (const gint64 *hour_total,
                    gint64        total)
{
  gint64 best = 0;
  guint n_best = 0;
  g_autoptr(GPtrArray) bands = words_new ();
  g_autofree char *which = NULL;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;

  for (int h = 0; h + 1 < ROCZNIK_HOURS; h++)
    best = MAX (best, hour_total[h] + hour_total[h + 1]);
  for (int h = 0; h + 1 < ROCZNIK_HOURS; h++)
    if (hour_total[h] + hour_total[h + 1] == best)
      {
        g_ptr_array_add (bands, g_strdup_printf ("między %d:00 a %d:00", h, h + 2));
        n_best++;
      }
  which = join_few (g_steal_pointer (&bands), " oraz ", "w %u innych przedziałach dwugodzinnych");
  count = amount (best, n_best > 1);
  share = rocznik_format_percent (100.0 * best / total, 1);
  return g_strdup_printf ("Najwięcej zgłoszeń wpływa %s: %s, czyli %s%s wszystkich.",
                          which, count, n_best > 1 ? "po " : "", share);
}

/* The busiest hour of the week: "w poniedziałki między 9:00 a 10:00". */
static char *
peak_hour_sentence (const RocznikCallProfile *p)
{
  gint64 best = 0;
  guint n_best = 0;
  g_autoptr(GPtrArray) places = words_new ();
  g_autofree char *which = NULL;
  g_autofree char *count = NULL;

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      best = MAX (best, p->hours[d][h]);
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      if (p->hours[d][h] == best)
        {
          g_ptr_array_add (places, g_strdup_printf ("%s między %d:00 a %d:00", weekday_in[d], h, h + 1));
          n_best++;
        }
  count = amount (best, n_best > 1);
  if (n_best > LISTED + 1)
    {
      /* Many hours alike: how many, not which. */
      g_autofree char *n = rocznik_format_count (n_best);
      g_autofree char *each = rocznik_format_count (best);

      return g_strdup_printf ("Najwięcej zgłoszeń w jednej godzinie tygodnia, po %s, przypada na %s %s.", each, n,
                              rocznik_plural (n_best, "godzinę", "różne godziny", "różnych godzin"));
    }
  which = join (g_steal_pointer (&places), " oraz ");
  return g_strdup_printf ("Najbardziej obłożona godzina tygodnia: %s (w całym roku %s).", which, count);
}

/* Hours without a single call at the start or end of the day are left out
 * of the table; the sentence says which. */
static char *
quiet_hours_sentence (int first,
                      int last)
{
  if (first > 0 && last < ROCZNIK_HOURS - 1)
    return g_strdup_printf ("Od %d:00 do %d:00 nie było żadnego zgłoszenia; tabela pomija te godziny.",
                            last + 1, first);
  if (first > 0)
    return g_strdup_printf ("Przed %d:00 nie było żadnego zgłoszenia; tabela pomija te godziny.", first);
  if (last < ROCZNIK_HOURS - 1)
    return g_strdup_printf ("Po %d:00 nie było żadnego zgłoszenia; tabela pomija te godziny.", last + 1);
  return NULL;
}

static RocznikReportCallsTable *
hours_table (const RocznikYear *y)
{
  const RocznikCallProfile *p = y->calls;
  gint64 hour_total[ROCZNIK_HOURS] = { 0 }, day_total[ROCZNIK_WEEKDAYS] = { 0 }, total = 0;
  gboolean has_day[ROCZNIK_WEEKDAYS];
  int first = -1, last = -1;
  RocznikReportCallsTable *t;
  g_autoptr(GStrvBuilder) sentences = g_strv_builder_new ();
  g_autoptr(GPtrArray) idle = words_new ();
  char *quiet;

  if (p == NULL || !p->has_hours)
    return NULL;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      {
        hour_total[h] += p->hours[d][h];
        day_total[d] += p->hours[d][h];
        total += p->hours[d][h];
      }
  if (total <= 0)
    return NULL;
  for (int h = 0; h < ROCZNIK_HOURS; h++)
    if (hour_total[h] > 0)
      {
        first = first < 0 ? h : first;
        last = h;
      }

  t = table_new (ROCZNIK_REPORT_CALLS_HOURS, "Dni tygodnia i godziny", "Dni i godziny",
                 g_strdup_printf ("Zgłoszenia według dnia tygodnia i godziny w %d r.", y->year),
                 "Godzina", weekday_short[0], weekday_short[1], weekday_short[2], weekday_short[3],
                 weekday_short[4], weekday_short[5], weekday_short[6], "Razem", NULL);
  for (int h = first; h <= last; h++)
    {
      RocznikReportCell *row = table_add_row (t);

      cell_set (&row[0], ROCZNIK_REPORT_CELL_TEXT, 0, rocznik_format_hour_band (h));
      for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
        cell_count (&row[1 + d], p->hours[d][h]);
      cell_count (&row[8], hour_total[h]);
    }
  t->total = g_new0 (RocznikReportCell, t->n_columns);
  cell_text (&t->total[0], "Razem");
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    cell_count (&t->total[1 + d], day_total[d]);
  cell_count (&t->total[8], total);

  add_sentence (sentences, peak_band_sentence (hour_total, total));
  add_sentence (sentences, peak_hour_sentence (p));
  /* A weekday without calls (the office closed) is a real zero, said apart. */
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    {
      has_day[d] = day_total[d] > 0;
      if (!has_day[d])
        g_ptr_array_add (idle, g_strdup (weekday_in[d]));
    }
  add_sentence (sentences, extremes_sentence (weekday_in, day_total, has_day, ROCZNIK_WEEKDAYS, NULL));
  if (idle->len > 0)
    {
      g_autofree char *which = join (g_steal_pointer (&idle), " i ");
      char *upper = g_strdup_printf ("%c%s", g_ascii_toupper (which[0]), which + 1);

      add_sentence (sentences, g_strdup_printf ("%s nie było żadnego zgłoszenia.", upper));
      g_free (upper);
    }
  quiet = quiet_hours_sentence (first, last);
  if (quiet)
    add_sentence (sentences, quiet);
  t->sentences = g_strv_builder_end (sentences);
  table_add_chart (t, ROCZNIK_CHART_HEATMAP, y->year, 300);
  return t;
}

/* ---- channels ---------------------------------------------------------- */

static int
channel_compare (gconstpointer a,
                 gconstpointer b)
{
  const RocznikChannel *x = *(const RocznikChannel **) a;
  const RocznikChannel *y = *(const RocznikChannel **) b;

  if (x->calls != y->calls)
    return x->calls > y->calls ? -1 : 1;
  return rocznik_collate (x->name, y->name);
}

static char *
channels_sentence (GPtrArray *channels,
                   gint64     total)
{
  const RocznikChannel *first = g_ptr_array_index (channels, 0);
  g_autoptr(GPtrArray) names = words_new ();
  g_autofree char *which = NULL;
  g_autofree char *share = rocznik_format_percent (100.0 * first->calls / total, 1);
  g_autofree char *count = rocznik_format_count (first->calls);
  g_autofree char *all = rocznik_format_count (total);

  if (channels->len == 1)
    {
      g_autofree char *calls = amount (total, FALSE);
      return g_strdup_printf ("Wszystkie zgłoszenia przyszły jednym kanałem: %s (%s).", first->name, calls);
    }
  for (guint i = 0; i < channels->len; i++)
    {
      const RocznikChannel *c = g_ptr_array_index (channels, i);

      if (c->calls == first->calls)
        g_ptr_array_add (names, rocznik_collapse_spaces (c->name));
    }
  if (names->len == 1)
    {
      which = join (g_steal_pointer (&names), " i ");
      return g_strdup_printf ("Największy kanał to %s: %s zgłoszeń (%s z %s).", which, share, count, all);
    }
  which = join (g_steal_pointer (&names), " i ");
  return g_strdup_printf ("Największe kanały to %s: po %s zgłoszeń (po %s z %s).", which, share, count, all);
}

static RocznikReportCallsTable *
channels_table (const RocznikYear *y)
{
  const RocznikCallProfile *p = y->calls;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GStrvBuilder) sentences = g_strv_builder_new ();
  RocznikReportCallsTable *t;
  gint64 total = 0;

  if (p == NULL || p->channels->len == 0)
    return NULL;
  channels = g_ptr_array_copy (p->channels, NULL, NULL);
  g_ptr_array_set_free_func (channels, NULL);  /* the copy keeps the original's; the channels stay its */
  g_ptr_array_sort (channels, channel_compare);
  for (guint i = 0; i < channels->len; i++)
    total += ((const RocznikChannel *) g_ptr_array_index (channels, i))->calls;
  if (total <= 0)
    return NULL;

  t = table_new (ROCZNIK_REPORT_CALLS_CHANNELS, "Kanały", "Kanały",
                 g_strdup_printf ("Zgłoszenia według kanału w %d r.", y->year),
                 "Kanał", "Zgłoszenia", "Udział", NULL);
  for (guint i = 0; i < channels->len; i++)
    {
      const RocznikChannel *c = g_ptr_array_index (channels, i);
      RocznikReportCell *row = table_add_row (t);
      g_autofree char *name = rocznik_collapse_spaces (c->name);

      cell_text (&row[0], name);
      cell_count (&row[1], c->calls);
      cell_share (&row[2], c->calls, total);
    }
  t->total = g_new0 (RocznikReportCell, t->n_columns);
  cell_text (&t->total[0], "Razem");
  cell_count (&t->total[1], total);
  cell_share (&t->total[2], total, total);
  add_sentence (sentences, channels_sentence (channels, total));
  t->sentences = g_strv_builder_end (sentences);
  table_add_chart (t, ROCZNIK_CHART_CHANNEL, y->year, 110 + 30 * channels->len);
  return t;
}

/* ---- handling time ----------------------------------------------------- */

typedef struct
{
  const RocznikTopic *topic;
  gint64              shown;   /* the average in whole seconds, as printed: ties are what a reader sees */
} Timed;

static gint64
whole_seconds (double seconds)
{
  return (gint64) floor (seconds + 0.5);
}

static int
timed_compare (gconstpointer a,
               gconstpointer b)
{
  const Timed *x = a, *y = b;

  if (x->shown != y->shown)
    return x->shown > y->shown ? -1 : 1;
  return rocznik_collate (x->topic->name, y->topic->name);
}

/* "tematu „podatki”" or "tematów „podatki” i „odpady”": the topics of @timed with @shown. */
static char *
topics_with (GArray *timed,
             gint64  shown)
{
  g_autoptr(GPtrArray) names = words_new ();
  g_autofree char *which = NULL;
  const char *noun;

  for (guint i = 0; i < timed->len; i++)
    {
      const Timed *t = &g_array_index (timed, Timed, i);

      if (t->shown == shown)
        {
          g_autofree char *plain = rocznik_collapse_spaces (t->topic->name);
          g_ptr_array_add (names, g_strconcat ("„", plain, "”", NULL));
        }
    }
  noun = names->len == 1 ? "tematu" : "tematów";
  which = join_few (g_steal_pointer (&names), " i ", "%u innych");
  return g_strdup_printf ("%s %s", noun, which);
}

static void
duration_sentences (GStrvBuilder *sentences,
                    GArray       *timed,
                    gint64        calls,
                    gint64        seconds)
{
  gint64 longest = g_array_index (timed, Timed, 0).shown;
  gint64 shortest = g_array_index (timed, Timed, timed->len - 1).shown;
  g_autofree char *avg = rocznik_format_duration ((gint64) floor ((double) seconds / calls + 0.5));
  g_autofree char *counted = rocznik_format_count (calls);

  if (timed->len == 1)
    {
      g_autofree char *which = topics_with (timed, longest);
      add_sentence (sentences, g_strdup_printf ("Średni czas obsługi %s: %s.", which, avg));
    }
  else if (longest == shortest)
    add_sentence (sentences, g_strdup_printf ("Średni czas obsługi jest taki sam we wszystkich tematach: %s.", avg));
  else
    {
      g_autofree char *top = topics_with (timed, longest);
      g_autofree char *bottom = topics_with (timed, shortest);
      g_autofree char *top_time = rocznik_format_duration (longest);
      g_autofree char *bottom_time = rocznik_format_duration (shortest);

      add_sentence (sentences, g_strdup_printf ("Najdłużej trwa obsługa %s: średnio %s; najkrócej %s: średnio %s.",
                                                top, top_time, bottom, bottom_time));
    }
  if (timed->len > 1)
    add_sentence (sentences, g_strdup_printf ("Średni czas obsługi jednego zgłoszenia: %s (zgłoszenia z zapisanym czasem: %s).",
                                              avg, counted));
}

static RocznikReportCallsTable *
duration_table (const RocznikYear *y)
{
  g_autoptr(GArray) timed = g_array_new (FALSE, FALSE, sizeof (Timed));
  g_autoptr(GStrvBuilder) sentences = g_strv_builder_new ();
  RocznikReportCallsTable *t;
  gint64 calls = 0, seconds = 0;

  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (y->topics, i);
      Timed item = { topic, 0 };

      if (!topic->has_duration || topic->duration_calls <= 0)
        continue;
      item.shown = whole_seconds ((double) topic->duration_seconds / topic->duration_calls);
      g_array_append_val (timed, item);
      calls += topic->duration_calls;
      seconds += topic->duration_seconds;
    }
  if (timed->len == 0)
    return NULL;
  g_array_sort (timed, timed_compare);

  t = table_new (ROCZNIK_REPORT_CALLS_DURATION, "Czas obsługi", "Czas obsługi",
                 g_strdup_printf ("Czas obsługi zgłoszeń według tematu w %d r.", y->year),
                 "Temat", "Zgłoszenia z czasem", "Średni czas", "Łączny czas", NULL);
  for (guint i = 0; i < timed->len; i++)
    {
      const RocznikTopic *topic = g_array_index (timed, Timed, i).topic;
      RocznikReportCell *row = table_add_row (t);
      g_autofree char *name = rocznik_typography (topic->name);

      cell_text (&row[0], name);
      cell_count (&row[1], topic->duration_calls);
      cell_seconds (&row[2], (double) topic->duration_seconds / topic->duration_calls);
      cell_seconds (&row[3], (double) topic->duration_seconds);
    }
  t->total = g_new0 (RocznikReportCell, t->n_columns);
  cell_text (&t->total[0], "Wszystkie tematy");
  cell_count (&t->total[1], calls);
  cell_seconds (&t->total[2], (double) seconds / calls);
  cell_seconds (&t->total[3], (double) seconds);
  duration_sentences (sentences, timed, calls, seconds);
  t->sentences = g_strv_builder_end (sentences);
  table_add_chart (t, ROCZNIK_CHART_DURATION, y->year, 110 + 28 * MIN (timed->len, 20));
  return t;
}

/* ---- public ------------------------------------------------------------ */

RocznikReportCalls *
rocznik_report_calls_new (const RocznikYear *year)
{
  RocznikReportCallsTable *(*builders[]) (const RocznikYear *) = {
    months_table, hours_table, channels_table, duration_table,
  };
  RocznikReportCalls *calls;
  GPtrArray *tables;

  g_return_val_if_fail (year != NULL, NULL);

  tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    {
      RocznikReportCallsTable *t = builders[i] (year);

      if (t)
        g_ptr_array_add (tables, t);
    }
  if (tables->len == 0)
    {
      g_ptr_array_unref (tables);
      return NULL;
    }
  calls = g_new0 (RocznikReportCalls, 1);
  calls->heading = g_strdup ("Kiedy i jak mieszkańcy się zgłaszają");
  calls->intro = rocznik_report_running_text (
    "Ta część raportu pochodzi z zapisów pojedynczych zgłoszeń: kiedy mieszkańcy się zgłaszają, "
    "którym kanałem i jak długo trwa obsługa. Każda tabela liczy tylko zgłoszenia, "
    "w których zapisano daną cechę, więc ich sumy mogą się różnić.");
  calls->tables = tables;
  return calls;
}

void
rocznik_report_calls_free (RocznikReportCalls *calls)
{
  if (calls == NULL)
    return;
  g_free (calls->heading);
  g_free (calls->intro);
  g_ptr_array_unref (calls->tables);
  g_free (calls);
}
