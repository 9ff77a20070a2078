/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-month.c — the month chart's data: a year's calls in each
 * month, of all topics or of chosen ones as series; a month without any
 * data is a gap, never a zero */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

static const char *month_short[12] = {
  "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
};

/* Helpers */

/* An entry's calls in month @m (0-based), from the topics that have
 * months; CHART_NO_VALUE when none of them has. */
static gint64
entry_month (const ChartEntry  *e,
             const RocznikYear *y,
             int                m)
{
  gint64 sum = 0;
  gboolean any = FALSE;
  guint n = e->keys ? e->keys->len : 1;

  for (guint i = 0; i < n; i++)
    {
      const RocznikTopic *t = rocznik_year_find_topic (y, e->keys ? g_ptr_array_index (e->keys, i) : e->key);

      if (t && t->has_months)
        {
          sum += t->months[m];
          any = TRUE;
        }
    }
  return any ? sum : CHART_NO_VALUE;
}

/* "październik, listopad i grudzień" */
static char *
join_months (const gboolean has[12])
{
  GString *s = g_string_new (NULL);
  int n = 0, done = 0;

  for (int m = 0; m < 12; m++)
    n += !has[m];
  for (int m = 0; m < 12; m++)
    if (!has[m])
      {
        if (done > 0)
          g_string_append (s, done == n - 1 ? " i" ROCZNIK_NBSP : ", ");
        g_string_append (s, rocznik_format_month_name (m + 1));
        done++;
      }
  return g_string_free (s, FALSE);
}

static void
month_notes (RocznikChart      *chart,
             const RocznikYear *y,
             const gboolean     has[12],
             gboolean           missing,
             GString           *notes)
{
  int without = 0, gaps = 0;

  for (guint i = 0; i < y->topics->len; i++)
    without += !((const RocznikTopic *) g_ptr_array_index (y->topics, i))->has_months;
  for (int m = 0; m < 12; m++)
    gaps += !has[m];
  if (gaps > 0)
    {
      g_autofree char *joined = join_months (has);
      g_autofree char *note = g_strdup_printf ("Brak danych za %s.", joined);
      chart_add_note (notes, note);
    }
  if (missing)
    chart_add_note (notes, "b.d. – temat bez podziału na miesiące.");
  if (without > 0 && chart->series_names[0] == NULL)
    {
      g_autofree char *note = g_strdup_printf ("%d %s.", without,
                                               rocznik_plural (without, "temat nie ma podziału na miesiące i nie jest wliczony",
                                                               "tematy nie mają podziału na miesiące i nie są wliczone",
                                                               "tematów nie ma podziału na miesiące i nie jest wliczonych"));
      chart_add_note (notes, note);
    }
}

/* Internal API */

gboolean
chart_prepare_month (RocznikChart           *chart,
                     GPtrArray              *years,
                     GPtrArray              *categories,
                     const RocznikChartSpec *spec,
                     GString                *notes,
                     GError                **error)
{
  const RocznikYear *y = chart_year_with_data (years, spec->year, ROCZNIK_CHART_MONTH, error);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (ChartEntry));
  gboolean has[12] = { FALSE };
  gboolean missing = FALSE;

  g_array_set_clear_func (entries, (GDestroyNotify) rocznik_topic_ref_clear);
  if (y == NULL)
    return FALSE;
  if (!chart_resolve_entries (years, categories, spec->topics, entries, error))
    return FALSE;
  if (entries->len > CHART_MAX_SERIES)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("A chart of months shows at most %d topics"), CHART_MAX_SERIES);
      return FALSE;
    }

  /* A month has data when any topic had calls in it. */
  for (guint i = 0; i < y->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (y->topics, i);
      for (int m = 0; m < 12; m++)
        has[m] |= t->has_months && t->months[m] > 0;
    }

  chart->n_series = MAX (1, (int) entries->len);
  for (guint s = 0; s < entries->len; s++)
    chart->series_names[s] = rocznik_typography (g_array_index (entries, ChartEntry, s).name);
  for (int m = 0; m < 12; m++)
    {
      ChartGroup *g = chart_group_new (rocznik_format_month_name (m + 1), NULL);

      g->short_name = g_strdup (month_short[m]);
      g->month = m + 1;
      g->year = y->year;
      for (guint s = 0; has[m] && s < entries->len; s++)
        {
          g->values[s] = entry_month (&g_array_index (entries, ChartEntry, s), y, m);
          missing |= g->values[s] == CHART_NO_VALUE;
        }
      if (has[m] && entries->len == 0)
        {
          g->values[0] = 0;
          for (guint i = 0; i < y->topics->len; i++)
            {
              const RocznikTopic *t = g_ptr_array_index (y->topics, i);
              if (t->has_months)
                g->values[0] += t->months[m];
            }
        }
      g_ptr_array_add (chart->groups, g);
    }

  if (spec->title == NULL && entries->len == 1)
    chart->title = g_strdup_printf ("%s: rozmowy w kolejnych miesiącach %d" ROCZNIK_NBSP "r.",
                                    g_array_index (entries, ChartEntry, 0).name, y->year);
  chart_year_texts (chart, spec, y, entries->len ? "Wybrane tematy w kolejnych miesiącach %d" ROCZNIK_NBSP "r."
                                                 : "Rozmowy w kolejnych miesiącach %d" ROCZNIK_NBSP "r.",
                    "liczba rozmów w miesiącu");
  month_notes (chart, y, has, missing, notes);
  return TRUE;
}
