/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Derived figures: sums, shares, changes, remainder, sorting. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rocznik-format.h"
#include "rocznik-error.h"
#include "rocznik-table.h"
#include "rocznik-topics.h"
#include "rocznik-workspace.h"

static GPtrArray *
sample_years (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  GPtrArray *years;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_no_error (error);
  years = rocznik_workspace_load_all (ws, &error);
  g_assert_no_error (error);
  return years;
}

static void
test_sample_table (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  const RocznikRow *first, *last;
  double shares = 0;

  t = rocznik_table_new (years, 2018, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 17);
  g_assert_cmpint (t->sum, ==, 388468);
  g_assert_cmpint (t->total->count, ==, 388468);

  first = g_ptr_array_index (t->rows, 0);
  last = g_ptr_array_index (t->rows, 16);
  g_assert_true (g_str_has_prefix (first->name, "sprawy ogólne"));
  g_assert_cmpint (first->count, ==, 100990);
  g_assert_cmpfloat_with_epsilon (first->share, 100.0 * 100990 / 388468, 1e-9);
  g_assert_cmpstr (last->name, ==, "Powstanie Wielkopolskie");
  for (guint i = 0; i < t->rows->len; i++)
    {
      const RocznikRow *r = g_ptr_array_index (t->rows, i);
      shares += r->share;
      if (i > 0)
        g_assert_cmpint (((RocznikRow *) g_ptr_array_index (t->rows, i - 1))->count, >=, r->count);
      /* no earlier year has topic counts */
      g_assert_cmpint (r->other_year, ==, 0);
    }
  g_assert_cmpfloat_with_epsilon (shares, 100.0, 1e-9);

  /* without a year asked for: the latest with topics, not the latest (2021) */
  g_assert_cmpint (rocznik_years_default (years), ==, 2018);
  g_assert_null (rocznik_years_latest_with_topics (years, 2018));

  g_assert_nonnull (t->remainder);
  g_assert_cmpint (t->remainder->count, ==, 197532);
  g_assert_true (t->remainder->more_than);

  /* Polish alphabetical order, case-insensitive: "Akcja" before "akcje" */
  rocznik_table_sort (t, ROCZNIK_COLUMN_NAME, FALSE);
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 0))->name, ==, "administracja cmentarzy komunalnych");
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 1))->name, ==, "Akcja Zima");
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 2))->name, ==, "akcje prozdrowotne");
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 16))->name, ==, "zgłoszenia awarii informatycznych");
  for (guint i = 1; i < t->rows->len; i++)
    g_assert_cmpint (rocznik_collate (((RocznikRow *) g_ptr_array_index (t->rows, i - 1))->name,
                                      ((RocznikRow *) g_ptr_array_index (t->rows, i))->name), <=, 0);

  rocznik_table_sort (t, ROCZNIK_COLUMN_COUNT, FALSE);
  g_assert_cmpint (((RocznikRow *) g_ptr_array_index (t->rows, 0))->count, ==, 192);
}

static void
test_change (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(RocznikTable) c = NULL;
  g_autoptr(GError) error = NULL;
  RocznikYear *y2019 = rocznik_year_new (2019);
  RocznikYear *y2020;
  const RocznikRow *waste = NULL;

  rocznik_year_add_topic (y2019, "gospodarka odpadami", 78000);
  rocznik_year_add_topic (y2019, "Transport miejski i\xc2\xa0strefa parkowania", 50000);
  rocznik_year_add_topic (y2019, "nowy temat", 10);
  g_ptr_array_insert (years, 3, y2019);
  y2020 = (RocznikYear *) rocznik_years_find (years, 2020);
  rocznik_year_add_topic (y2020, "nowy temat", 15);

  t = rocznik_table_new (years, 2019, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < t->rows->len; i++)
    if (g_strcmp0 (((RocznikRow *) g_ptr_array_index (t->rows, i))->key, "gospodarka odpadami") == 0)
      waste = g_ptr_array_index (t->rows, i);
  g_assert_nonnull (waste);
  g_assert_cmpint (waste->other_year, ==, 2018);
  g_assert_cmpint (waste->other_count, ==, 70055);
  g_assert_cmpint (waste->change, ==, 78000 - 70055);
  g_assert_true (waste->has_change_percent);
  g_assert_cmpfloat_with_epsilon (waste->change_percent, 100.0 * 7945 / 70055, 1e-9);
  g_assert_null (t->remainder);

  rocznik_table_sort (t, ROCZNIK_COLUMN_CHANGE_PERCENT, TRUE);
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 0))->key, ==, "gospodarka odpadami");
  /* the new topic has nothing to compare with: it sorts last when descending */
  g_assert_cmpstr (((RocznikRow *) g_ptr_array_index (t->rows, 2))->key, ==, "nowy temat");

  /* 2020 against the previous year that has the topic (2019, not 2018) */
  c = rocznik_table_new (years, 2020, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->rows->len, ==, 1);
  g_assert_cmpint (((RocznikRow *) g_ptr_array_index (c->rows, 0))->other_year, ==, 0);
  g_clear_pointer (&c, rocznik_table_free);
  c = rocznik_table_new (years, 2020, 0, &error);
  g_assert_cmpint (((RocznikRow *) g_ptr_array_index (c->rows, 0))->other_year, ==, 2019);
  g_assert_cmpint (((RocznikRow *) g_ptr_array_index (c->rows, 0))->change, ==, 5);
  g_assert_cmpfloat_with_epsilon (((RocznikRow *) g_ptr_array_index (c->rows, 0))->change_percent, 50.0, 1e-9);
  /* 2020 declares "ponad 730 tys.": remainder shown as "more than" */
  g_assert_cmpint (c->remainder->count, ==, 730000 - 15);
  g_assert_true (c->remainder->more_than);

  g_clear_pointer (&c, rocznik_table_free);
  g_assert_cmpint (rocznik_years_default (years), ==, 2020);
  g_assert_cmpint (rocznik_years_latest_with_topics (years, 2020)->year, ==, 2019);
  c = rocznik_table_new (years, 2016, 0, &error);
  g_assert_null (c);
  g_assert_nonnull (error);
}

/* Copy (Ctrl+C): TSV that a spreadsheet reads as numbers. */
static void
test_tsv (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *two = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cells = NULL;
  RocznikYear *y2019 = rocznik_year_new (2019);
  const RocznikRow *picked[2];

  t = rocznik_table_new (years, 2018, 0, &error);
  g_assert_no_error (error);
  tsv = rocznik_table_to_tsv (t);
  lines = g_strsplit (tsv, "\r\n", -1);
  /* header, 17 topics, remainder, total, and the empty string after the last break */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 17 + 1 + 1 + 1);
  g_assert_cmpstr (lines[0], ==, "Topic\tCalls\tShare");
  g_assert_true (g_str_has_prefix (lines[1], "sprawy ogólne"));
  g_assert_true (g_str_has_suffix (lines[1], "\t100990\t26,0%"));
  /* the NBSP of Polish typography becomes a plain space in a cell */
  g_assert_cmpstr (lines[4], ==, "transport miejski i strefa parkowania\t58759\t15,1%");
  g_assert_null (strstr (tsv, ROCZNIK_NBSP));
  g_assert_cmpstr (lines[18], ==, "Calls without a topic\t197532\t");
  g_assert_cmpstr (lines[19], ==, "Total\t388468\t100,0%");
  g_assert_cmpstr (lines[20], ==, "");

  /* two chosen rows with a comparison year: change columns, ASCII minus */
  rocznik_year_add_topic (y2019, "gospodarka odpadami", 60000);
  g_ptr_array_insert (years, 3, y2019);
  g_clear_pointer (&t, rocznik_table_free);
  t = rocznik_table_new (years, 2018, 2019, &error);
  g_assert_no_error (error);
  rocznik_table_sort (t, ROCZNIK_COLUMN_OTHER, TRUE);
  picked[0] = g_ptr_array_index (t->rows, 0);
  picked[1] = g_ptr_array_index (t->rows, 1);
  two = rocznik_rows_to_tsv (picked, 2, 2019);
  cells = g_strsplit (two, "\r\n", -1);
  g_assert_cmpstr (cells[0], ==, "Topic\tCalls\tShare\tCalls in 2019\tChange\tChange (%)");
  g_assert_cmpstr (cells[1], ==, "gospodarka odpadami\t70055\t18,0%\t60000\t10055\t16,8%");
  g_assert_true (g_str_has_suffix (cells[2], "\t\t\t"));
  g_assert_cmpstr (cells[3], ==, "");

  g_clear_pointer (&t, rocznik_table_free);
  t = rocznik_table_new (years, 2019, 2018, &error);
  g_assert_no_error (error);
  g_free (two);
  two = rocznik_table_to_tsv (t);
  g_assert_nonnull (strstr (two, "gospodarka odpadami\t60000\t100,0%\t70055\t-10055\t-14,4%\r\n"));
}

static void
test_top_keys (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = rocznik_table_new (years, 2018, 0, NULL);
  g_auto(GStrv) three = NULL;
  g_auto(GStrv) all = NULL;

  /* the order the table is sorted in does not matter */
  rocznik_table_sort (t, ROCZNIK_COLUMN_NAME, FALSE);
  three = rocznik_table_top_keys (t, 3);
  g_assert_cmpuint (g_strv_length (three), ==, 3);
  g_assert_true (g_str_has_prefix (three[0], "sprawy ogólne"));
  g_assert_cmpstr (three[1], ==, "gospodarka odpadami");
  g_assert_true (g_str_has_prefix (three[2], "świadczenia wychowawcze"));
  all = rocznik_table_top_keys (t, 100);
  g_assert_cmpuint (g_strv_length (all), ==, 17);
  g_assert_cmpstr (all[16], ==, "powstanie wielkopolskie");
}

/* 3 000 topics over six years, stored in a workspace and read back: every
 * row of 2021 has its count, share and the latest earlier year that counted
 * it, as found here by a plain search. Names change case between years (the
 * same topic), and some topics skip years. */
static gboolean
counted (guint i,
         int   year)
{
  return (i * 7 + (guint) year) % 5 != 0;
}

static gint64
count_of (guint i,
          int   year)
{
  return (gint64) ((i * 37 + (guint) year * 11) % 9973) + 1;
}

static void
test_many_topics (void)
{
  const guint n = 3000;
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 sum = 0;
  guint n_2021 = 0;

  for (int y = 2016; y <= 2021; y++)
    {
      RocznikYear *year = rocznik_year_new (y);

      for (guint i = 0; i < n; i++)
        if (counted (i, y))
          {
            g_autofree char *name = g_strdup_printf (y % 2 ? "Temat numer %u" : "temat numer %u", i);
            rocznik_year_add_topic (year, name, count_of (i, y));
          }
      g_ptr_array_add (stored, year);
    }
  g_assert_true (rocznik_workspace_store_years (ws, stored, FALSE, &error));
  g_assert_no_error (error);
  years = rocznik_workspace_load_all (ws, &error);
  g_assert_no_error (error);
  t = rocznik_table_new (years, 2021, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    if (counted (i, 2021))
      {
        sum += count_of (i, 2021);
        n_2021++;
      }
  g_assert_cmpint (t->sum, ==, sum);
  g_assert_cmpuint (t->rows->len, ==, n_2021);
  for (guint r = 0; r < t->rows->len; r++)
    {
      const RocznikRow *row = g_ptr_array_index (t->rows, r);
      g_assert_false (g_hash_table_contains (rows, row->name));
      g_hash_table_insert (rows, row->name, (gpointer) row);
      if (r > 0)
        g_assert_cmpint (((RocznikRow *) g_ptr_array_index (t->rows, r - 1))->count, >=, row->count);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Temat numer %u", i);
      const RocznikRow *row = g_hash_table_lookup (rows, name);
      int before = 0;

      if (!counted (i, 2021))
        {
          g_assert_null (row);
          continue;
        }
      g_assert_nonnull (row);
      g_assert_cmpint (row->count, ==, count_of (i, 2021));
      g_assert_cmpfloat (fabs (row->share - 100.0 * count_of (i, 2021) / sum), <, 1e-9);
      for (int y = 2020; y >= 2016 && before == 0; y--)
        if (counted (i, y))
          before = y;
      g_assert_cmpint (row->other_year, ==, before);
      if (before)
        {
          g_assert_cmpint (row->other_count, ==, count_of (i, before));
          g_assert_cmpint (row->change, ==, count_of (i, 2021) - count_of (i, before));
        }
    }
}

static void
test_default_year (void)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);

  g_assert_cmpint (rocznik_years_default (years), ==, 0);
  g_ptr_array_add (years, rocznik_year_new (2015));
  g_ptr_array_add (years, rocznik_year_new (2017));
  /* no year has topics: the latest year */
  g_assert_cmpint (rocznik_years_default (years), ==, 2017);
}

/* Comparing like with like: the basis of a comparison, its figures and its
 * note, with numbers worked out here from the seed data (17 topics summing
 * to 388 468; declared totals from FACTS.md). */

/* A 2019 with 6 topics: 5 the seed has, 1 new; no declared total. */
static RocznikYear *
year_2019 (void)
{
  RocznikYear *y = rocznik_year_new (2019);

  rocznik_year_add_topic (y, "gospodarka odpadami", 72000);
  rocznik_year_add_topic (y, "transport miejski i strefa parkowania", 60000);
  rocznik_year_add_topic (y, "oświata", 1500);
  rocznik_year_add_topic (y, "Akcja Zima", 400);
  rocznik_year_add_topic (y, "Powstanie Wielkopolskie", 200);
  rocznik_year_add_topic (y, "nowy temat", 1000);
  return y;
}

static void
insert_year (GPtrArray   *years,
             RocznikYear *y)
{
  guint i = 0;

  while (i < years->len && ((RocznikYear *) g_ptr_array_index (years, i))->year < y->year)
    i++;
  g_ptr_array_insert (years, i, y);
}

/* 2018 against 2017, which has only "ponad 574 tys.": never 2017 = 0 and
 * +388 468, but the declared totals, said to be approximate. */
static void
test_declared_only (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *note_pl = NULL;
  g_autofree char *tsv = NULL;
  const RocznikComparison *c;

  t = rocznik_table_new (years, 2018, 2017, &error);
  g_assert_no_error (error);
  c = t->comparison;
  g_assert_nonnull (c);
  g_assert_cmpint (c->basis, ==, ROCZNIK_COMPARISON_DECLARED);
  g_assert_cmpint (c->count, ==, 586000);
  g_assert_cmpint (c->other_count, ==, 574000);
  g_assert_cmpint (c->change, ==, 12000);
  g_assert_true (c->more_than && c->other_more_than);
  g_assert_cmpfloat_with_epsilon (c->change_percent, 1200000.0 / 574000.0, 1e-9);

  /* the totals row compares nothing; the declared totals have their row */
  g_assert_cmpint (t->total->count, ==, 388468);
  g_assert_cmpint (t->total->other_year, ==, 0);
  g_assert_null (t->common);
  g_assert_nonnull (t->declared);
  g_assert_cmpint (t->declared->count, ==, 586000);
  g_assert_cmpint (t->declared->other_count, ==, 574000);
  g_assert_cmpint (t->declared->change, ==, 12000);
  for (guint i = 0; i < t->rows->len; i++)
    g_assert_cmpint (((RocznikRow *) g_ptr_array_index (t->rows, i))->other_year, ==, 0);

  note = rocznik_table_get_note (t);
  g_assert_cmpstr (note, ==, "2017 has no topic counts: the declared totals are compared. "
                             "A total published as „more than” makes the change approximate.");
  note_pl = rocznik_comparison_note_pl (c);
  g_assert_cmpstr (note_pl, ==, "Rok 2017 nie ma liczb dla tematów: porównano liczby rozmów ogółem "
                                "podane w sprawozdaniach. Liczba podana jako „ponad” sprawia, że "
                                "zmiana jest przybliżona.");

  /* 12 000 / 574 000 = 2,09 %: no +388468 anywhere */
  tsv = rocznik_table_to_tsv (t);
  g_assert_nonnull (strstr (tsv, "\r\nTotal\t388468\t100,0%\t\t\t\r\n"));
  g_assert_nonnull (strstr (tsv, "\r\nDeclared total\t586000\t\t574000\t12000\t2,1%\r\n"));
  g_assert_null (strstr (tsv, "388468\t"  "\t0\t"));

  /* and the other way round: 2017 has no topic rows, its figure is its total */
  g_clear_pointer (&t, rocznik_table_free);
  t = rocznik_table_new (years, 2017, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->comparison->basis, ==, ROCZNIK_COMPARISON_DECLARED);
  g_assert_cmpint (t->declared->change, ==, -12000);
  g_free (note);
  note = rocznik_table_get_note (t);
  g_assert_true (g_str_has_prefix (note, "2017 has no topic counts"));
}

/* 2019 with 6 topics against 2018 with 17: not 135 100 against 388 468
 * (−65,2 %), but the 5 shared topics, and the missing ones named. */
static void
test_common_topics (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *note_pl = NULL;
  const RocznikComparison *c;
  /* 2019: 72 000 + 60 000 + 1 500 + 400 + 200 = 134 100 over the shared five;
   * 2018: 70 055 + 58 759 + 1 389 + 513 + 192 = 130 908. */
  const gint64 now = 72000 + 60000 + 1500 + 400 + 200;
  const gint64 then = 70055 + 58759 + 1389 + 513 + 192;

  g_assert_cmpint (now, ==, 134100);
  g_assert_cmpint (then, ==, 130908);
  insert_year (years, year_2019 ());
  t = rocznik_table_new (years, 2019, 2018, &error);
  g_assert_no_error (error);
  c = t->comparison;
  g_assert_cmpint (c->basis, ==, ROCZNIK_COMPARISON_COMMON);
  g_assert_cmpuint (c->n_topics, ==, 5);
  g_assert_cmpint (c->count, ==, now);
  g_assert_cmpint (c->other_count, ==, then);
  g_assert_cmpint (c->change, ==, 3192);
  g_assert_cmpfloat_with_epsilon (c->change_percent, 319200.0 / 130908.0, 1e-9);
  g_assert_cmpuint (c->only_here->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->only_here, 0), ==, "nowy temat");
  g_assert_cmpuint (c->only_there->len, ==, 12);

  g_assert_cmpint (t->sum, ==, now + 1000);
  g_assert_cmpint (t->total->other_year, ==, 0);
  g_assert_nonnull (t->common);
  g_assert_null (t->declared);
  g_assert_cmpint (t->common->count, ==, 134100);
  g_assert_cmpint (t->common->other_count, ==, 130908);
  g_assert_cmpint (t->common->other_year, ==, 2018);

  note = rocznik_table_get_note (t);
  g_assert_true (g_str_has_prefix (note, "The change is counted over the 5 topics both years have. Missing in 2019: "));
  /* in 2018's published order: "sprawy ogólne" last */
  g_assert_true (g_str_has_suffix (note, "; sprawy ogólne (w tym Poznański Budżet Obywatelski, działania na rzecz seniorów)."
                                         " Missing in 2018: nowy temat."));
  note_pl = rocznik_comparison_note_pl (c);
  g_assert_true (g_str_has_prefix (note_pl, "Zmianę policzono dla 5 tematów obecnych w obu latach. Brak w 2019 r.: "));
  g_assert_true (g_str_has_suffix (note_pl, ". Brak w 2018 r.: nowy temat."));
  /* "świadczenia…, działania prorodzinne…" has a comma: names are split by „;” */
  g_assert_nonnull (strstr (note_pl, "świadczenia wychowawcze 500+, działania prorodzinne i pomoc społeczna; "));
}

static void
test_same_topics (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  RocznikYear *y = rocznik_year_copy (rocznik_years_find (years, 2018));

  /* a 2019 with the same 17 topics, one count 1 000 higher */
  y->year = 2019;
  ((RocznikTopic *) g_ptr_array_index (y->topics, 0))->count += 1000;
  y->declared_total = ROCZNIK_NO_TOTAL;
  insert_year (years, y);
  t = rocznik_table_new (years, 2019, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->comparison->basis, ==, ROCZNIK_COMPARISON_TOPICS);
  g_assert_cmpuint (t->comparison->n_topics, ==, 17);
  g_assert_cmpint (t->total->count, ==, 389468);
  g_assert_cmpint (t->total->other_year, ==, 2018);
  g_assert_cmpint (t->total->other_count, ==, 388468);
  g_assert_cmpint (t->total->change, ==, 1000);
  g_assert_null (t->common);
  g_assert_null (t->declared);
  note = rocznik_table_get_note (t);
  g_assert_null (note);
}

/* Nothing shared: no topic in common and no declared total on one side. */
static void
test_nothing (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *note_pl = NULL;
  RocznikYear *y = rocznik_year_new (2019);

  rocznik_year_add_topic (y, "nowy temat", 1000);
  insert_year (years, y);
  t = rocznik_table_new (years, 2019, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->comparison->basis, ==, ROCZNIK_COMPARISON_NONE);
  g_assert_cmpint (t->total->other_year, ==, 0);
  g_assert_null (t->common);
  g_assert_null (t->declared);
  note = rocznik_table_get_note (t);
  g_assert_cmpstr (note, ==, "2019 and 2018 cannot be compared: they share no topic and do not both have a declared total.");
  note_pl = rocznik_comparison_note_pl (t->comparison);
  g_assert_cmpstr (note_pl, ==, "Lat 2019 i 2018 nie da się porównać: nie mają wspólnych tematów ani obu liczb rozmów ogółem.");

  /* with a declared total it can: 2019's 600 000 against "ponad 586 tys." */
  y->declared_total = 600000;
  g_clear_pointer (&t, rocznik_table_free);
  t = rocznik_table_new (years, 2019, 2018, &error);
  g_assert_cmpint (t->comparison->basis, ==, ROCZNIK_COMPARISON_DECLARED);
  g_assert_cmpint (t->declared->change, ==, 14000);
  g_free (note);
  note = rocznik_table_get_note (t);
  g_assert_cmpstr (note, ==, "The two years have no topic in common: the declared totals are compared. "
                             "A total published as „more than” makes the change approximate.");
}

/* What a comparison menu offers: 2019 (topics, no total) only 2018, with
 * which it shares topics; 2018 (topics and a total) every other year. */
static void
test_comparable_years (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(GArray) for_2018 = NULL;
  g_autoptr(GArray) for_2019 = NULL;
  g_autoptr(GArray) for_none = NULL;
  const int expected[] = { 2015, 2017, 2019, 2020, 2021 };

  insert_year (years, year_2019 ());
  for_2018 = rocznik_comparison_years (years, 2018);
  g_assert_cmpmem (for_2018->data, for_2018->len * sizeof (int), expected, sizeof expected);
  for_2019 = rocznik_comparison_years (years, 2019);
  g_assert_cmpuint (for_2019->len, ==, 1);
  g_assert_cmpint (g_array_index (for_2019, int, 0), ==, 2018);
  for_none = rocznik_comparison_years (years, 2016);
  g_assert_cmpuint (for_none->len, ==, 0);
}

/* Many topics and years (as the menu checks every year): 2010 and 2011
 * share only their last topic, spelt in another case; 2012 and 2013 share
 * none but have declared totals, as 2014 without topics does; 2015 has
 * neither. Each list agrees with what a comparison of the pair finds. */
static void
test_comparable_years_many (void)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  const int expected[][3] = { { 2011 }, { 2010 }, { 2013, 2014 }, { 2012, 2014 }, { 2012, 2013 }, { 0 } };

  for (int y = 2010; y <= 2015; y++)
    {
      RocznikYear *year = rocznik_year_new (y);
      guint n = y <= 2011 ? 500 : y <= 2013 ? 300 : 0;

      for (guint i = 1; i <= n; i++)
        {
          g_autofree char *name = g_strdup_printf ("temat %d nr %u", y, i);

          if (i == n && y <= 2011)
            rocznik_year_add_topic (year, y == 2010 ? "Wspólny TEMAT" : "wspólny temat", i);
          else
            rocznik_year_add_topic (year, name, i);
        }
      year->declared_total = y >= 2012 && y <= 2014 ? 1000 * y : ROCZNIK_NO_TOTAL;
      g_ptr_array_add (years, year);
    }
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *y = g_ptr_array_index (years, i);
      g_autoptr(GArray) got = rocznik_comparison_years (years, y->year);
      guint n_expected = 0;

      while (n_expected < 3 && expected[i][n_expected] != 0)
        n_expected++;
      g_assert_cmpmem (got->data, got->len * sizeof (int), expected[i], n_expected * sizeof (int));
      for (guint k = 0; k < years->len; k++)
        {
          const RocznikYear *other = g_ptr_array_index (years, k);
          g_autoptr(RocznikComparison) c = NULL;
          gboolean listed = FALSE;

          if (other == y)
            continue;
          c = rocznik_comparison_new (y, other);
          for (guint j = 0; j < got->len; j++)
            listed |= g_array_index (got, int, j) == other->year;
          g_assert_cmpint (listed, ==, c->basis != ROCZNIK_COMPARISON_NONE);
        }
    }
}

/* 2015 (472 553) against 2017 (ponad 574 tys.): totals only on both sides. */
static void
test_totals_only (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note_pl = NULL;

  t = rocznik_table_new (years, 2015, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->comparison->basis, ==, ROCZNIK_COMPARISON_DECLARED);
  g_assert_cmpint (t->declared->count, ==, 472553);
  g_assert_false (t->declared->more_than);
  g_assert_cmpint (t->declared->change, ==, 472553 - 574000);
  note_pl = rocznik_comparison_note_pl (t->comparison);
  g_assert_cmpstr (note_pl, ==, "Ani rok 2015, ani 2017 nie ma liczb dla tematów: porównano liczby "
                                "rozmów ogółem podane w sprawozdaniach. Liczba podana jako „ponad” "
                                "sprawia, że zmiana jest przybliżona.");
}

/* Under pl_PL the window's note (gettext, po/pl.po) says word for word what
 * the report's fixed Polish says, in every case. */
static void
test_polish_note (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  const char *localedir = g_getenv ("ROCZNIK_LOCALEDIR");
  const int pairs[][2] = { { 2018, 2017 }, { 2019, 2018 }, { 2015, 2017 }, { 2019, 2020 }, { 2019, 2015 } };
  RocznikYear *single = rocznik_year_copy (rocznik_years_find (years, 2018));

  g_assert_nonnull (localedir);
  insert_year (years, year_2019 ());
  /* a 2022 sharing one topic: the singular form */
  single->year = 2022;
  g_ptr_array_set_size (single->topics, 1);
  rocznik_year_add_topic (single, "inny temat", 5);
  insert_year (years, single);

  g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  for (guint i = 0; i <= G_N_ELEMENTS (pairs); i++)
    {
      int year = i < G_N_ELEMENTS (pairs) ? pairs[i][0] : 2022;
      int other = i < G_N_ELEMENTS (pairs) ? pairs[i][1] : 2018;
      g_autoptr(RocznikComparison) c = rocznik_comparison_new (rocznik_years_find (years, year),
                                                               rocznik_years_find (years, other));
      g_autofree char *note = rocznik_comparison_note (c);
      g_autofree char *note_pl = rocznik_comparison_note_pl (c);

      g_assert_nonnull (note_pl);
      g_assert_cmpstr (note, ==, note_pl);
    }
  {
    g_autoptr(RocznikComparison) c = rocznik_comparison_new (rocznik_years_find (years, 2022),
                                                             rocznik_years_find (years, 2018));
    g_autofree char *note = rocznik_comparison_note (c);

    g_assert_true (g_str_has_prefix (note, "Zmianę policzono dla 1 tematu obecnego w obu latach. Brak w 2022 r.: "));
  }
  setlocale (LC_ALL, "C.UTF-8");
}

/* The window's line on a year: a year known only by its total (2017,
 * "ponad 574 tys.") says so, never "0 in 0 topics"; in English and, through
 * po/pl.po, in Polish. */
static void
test_summary (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  const char *localedir = g_getenv ("ROCZNIK_LOCALEDIR");
  RocznikYear *counted = rocznik_year_new (2022);
  g_autoptr(RocznikTable) t2017 = NULL;
  g_autoptr(RocznikTable) t2018 = NULL;
  g_autoptr(RocznikTable) t2022 = NULL;
  g_autoptr(RocznikTable) t2023 = NULL;
  g_autofree char *s2017 = NULL;
  g_autofree char *s2018 = NULL;
  g_autofree char *s2022 = NULL;
  g_autofree char *s2023 = NULL;
  g_autofree char *pl2017 = NULL;
  g_autofree char *pl2018 = NULL;
  g_autofree char *pl2022 = NULL;
  g_autofree char *pl2023 = NULL;

  g_assert_nonnull (localedir);
  /* 2022: two topics, 5 + 7 calls, no declared total; 2023: nothing */
  rocznik_year_add_topic (counted, "odpady", 5);
  rocznik_year_add_topic (counted, "parkowanie", 7);
  insert_year (years, counted);
  insert_year (years, rocznik_year_new (2023));
  t2017 = rocznik_table_new (years, 2017, 0, NULL);
  t2018 = rocznik_table_new (years, 2018, 0, NULL);
  t2022 = rocznik_table_new (years, 2022, 0, NULL);
  t2023 = rocznik_table_new (years, 2023, 0, NULL);
  g_assert_nonnull (t2017);
  g_assert_nonnull (t2023);

  s2017 = rocznik_table_get_summary (t2017);
  s2018 = rocznik_table_get_summary (t2018);
  s2022 = rocznik_table_get_summary (t2022);
  s2023 = rocznik_table_get_summary (t2023);
  g_assert_cmpstr (s2017, ==, "2017: ponad 574\u00a0tys. calls declared; no topic counts");
  g_assert_cmpstr (s2018, ==, "2018: ponad 586\u00a0tys. calls declared, 388\u00a0468 in 17 topics");
  g_assert_cmpstr (s2022, ==, "2022: 12 calls in 2 topics");
  g_assert_cmpstr (s2023, ==, "2023: no topic counts and no declared total");

  g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  pl2017 = rocznik_table_get_summary (t2017);
  pl2018 = rocznik_table_get_summary (t2018);
  pl2022 = rocznik_table_get_summary (t2022);
  pl2023 = rocznik_table_get_summary (t2023);
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpstr (pl2017, ==, "2017: deklarowana liczba rozmów ponad 574\u00a0tys.; brak liczb dla tematów");
  g_assert_cmpstr (pl2018, ==, "2018: deklarowana liczba rozmów ponad 586\u00a0tys., w tematach 388\u00a0468 (17 tematów)");
  g_assert_cmpstr (pl2022, ==, "2022: liczba rozmów 12 (2 tematy)");
  g_assert_cmpstr (pl2023, ==, "2023: brak liczb dla tematów i deklarowanej liczby rozmów");
}

/* The one resolver (chart, report, --topics, window) and the choices a
 * comparison makes, on the seed's 17 topics. */
static void
test_resolve (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) all = NULL;
  const char *keys[] = { "gospodarka odpadami", "akcja zima", NULL };
  const char *typed[] = { "transport", " ", "MIASTO", "Akcja Zima", NULL };
  RocznikTopicRef ref;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_true (rocznik_workspace_set_category (ws, "Miasto", keys, &error));
  g_assert_true (rocznik_workspace_rename_topic (ws, "akcja zima", "Zima w mieście", &error));
  g_assert_no_error (error);
  years = rocznik_workspace_load_all (ws, &error);
  categories = rocznik_workspace_list_categories (ws);

  /* the one topic that starts with it, accents and case aside */
  g_assert_true (rocznik_topics_resolve (years, categories, NULL, "TRANSPORT", &ref, &error));
  g_assert_cmpstr (ref.key, ==, "transport miejski i strefa parkowania");
  g_assert_cmpstr (ref.name, ==, "transport miejski i" ROCZNIK_NBSP "strefa parkowania");
  g_assert_null (ref.keys);
  rocznik_topic_ref_clear (&ref);
  /* else the one that contains it */
  g_assert_true (rocznik_topics_resolve (years, categories, NULL, "architektura", &ref, &error));
  g_assert_cmpstr (ref.key, ==, "urbanistyka i architektura");
  rocznik_topic_ref_clear (&ref);
  /* "wy": "wybory…" and "wykorzystanie…" both start with it */
  g_assert_false (rocznik_topics_resolve (years, categories, NULL, "wy", &ref, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "„wy” matches several topics: „"));
  g_clear_error (&error);
  g_assert_false (rocznik_topics_resolve (years, categories, NULL, "lotnisko", &ref, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a category, its topics */
  g_assert_true (rocznik_topics_resolve (years, categories, NULL, "miasto", &ref, &error));
  g_assert_cmpstr (ref.name, ==, "Miasto");
  g_assert_cmpuint (ref.keys->len, ==, 2);
  rocznik_topic_ref_clear (&ref);
  /* the name before a rename: through the workspace's alias only */
  g_assert_false (rocznik_topics_resolve (years, categories, NULL, "Akcja Zima", &ref, NULL));
  g_assert_true (rocznik_topics_resolve (years, categories, ws, "Akcja Zima", &ref, &error));
  g_assert_cmpstr (ref.key, ==, "zima w mieście");
  g_assert_cmpstr (ref.name, ==, "Zima w mieście");
  rocznik_topic_ref_clear (&ref);

  all = rocznik_topics_resolve_all (years, categories, ws, typed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
  g_assert_cmpstr (all[0], ==, "transport miejski i strefa parkowania");
  g_assert_cmpstr (all[1], ==, "Miasto");
  g_assert_cmpstr (all[2], ==, "zima w mieście");
}

static void
test_topic_choices (void)
{
  g_autoptr(GPtrArray) years = sample_years ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_category_free);
  g_autoptr(RocznikTable) t = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) entries = NULL;
  g_auto(GStrv) lit = NULL;
  RocznikYear *y = rocznik_year_new (2019);
  RocznikCategory *c = g_new0 (RocznikCategory, 1);
  const char *one[] = { "oświata", NULL };
  const char *two[] = { "oświata", "gospodarka odpadami", NULL };

  /* 2019 spells a topic anew: the list shows the latest spelling */
  rocznik_year_add_topic (y, "Gospodarka Odpadami", 1);
  insert_year (years, y);
  all = rocznik_topics_list_all (years, "oświata");
  g_assert_cmpuint (all->len, ==, 16);
  g_assert_cmpstr (((RocznikTopic *) g_ptr_array_index (all, 0))->name, ==, "administracja cmentarzy komunalnych");
  g_assert_cmpstr (((RocznikTopic *) g_ptr_array_index (all, 1))->name, ==, "Akcja Zima");
  g_assert_cmpstr (((RocznikTopic *) g_ptr_array_index (all, 3))->name, ==, "Gospodarka Odpadami");
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (rocznik_collate (((RocznikTopic *) g_ptr_array_index (all, i - 1))->name,
                                      ((RocznikTopic *) g_ptr_array_index (all, i))->name), <, 0);

  t = rocznik_table_new (years, 2018, 0, &error);
  g_assert_no_error (error);
  /* nothing chosen: the three largest, 100 990, 70 055, 67 941 */
  entries = rocznik_topics_compare_default (t, NULL, FALSE, NULL, &error);
  g_assert_cmpuint (g_strv_length (entries), ==, 3);
  g_assert_true (g_str_has_prefix (entries[0], "sprawy ogólne"));
  g_assert_cmpstr (entries[1], ==, "gospodarka odpadami");
  g_assert_true (g_str_has_prefix (entries[2], "świadczenia wychowawcze"));
  g_clear_pointer (&entries, g_strfreev);
  /* one chosen: it and the three largest */
  entries = rocznik_topics_compare_default (t, NULL, FALSE, one, &error);
  g_assert_cmpuint (g_strv_length (entries), ==, 4);
  g_assert_cmpstr (entries[0], ==, "oświata");
  g_clear_pointer (&entries, g_strfreev);
  /* two chosen: exactly those; one of them among the largest is not doubled */
  entries = rocznik_topics_compare_default (t, NULL, FALSE, two, &error);
  g_assert_cmpuint (g_strv_length (entries), ==, 2);
  g_clear_pointer (&entries, g_strfreev);
  /* by categories: none yet is an error that says what to do */
  entries = rocznik_topics_compare_default (t, categories, TRUE, NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  c->name = g_strdup ("Miasto");
  c->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (c->keys, g_strdup ("gospodarka odpadami"));
  g_ptr_array_add (categories, c);
  entries = rocznik_topics_compare_default (t, categories, TRUE, NULL, &error);
  g_assert_cmpuint (g_strv_length (entries), ==, 1);
  g_assert_cmpstr (entries[0], ==, "Miasto");

  /* a comparison made of two selected: only their category stands out */
  lit = rocznik_topics_highlight (ROCZNIK_CHART_COMPARE, FALSE, 2018, categories, two);
  g_assert_cmpuint (g_strv_length (lit), ==, 1);
  g_assert_cmpstr (lit[0], ==, "Miasto");
  g_clear_pointer (&lit, g_strfreev);
  lit = rocznik_topics_highlight (ROCZNIK_CHART_RANKING, FALSE, 2018, categories, one);
  g_assert_cmpuint (g_strv_length (lit), ==, 1);
  g_assert_cmpstr (lit[0], ==, "oświata");
  g_clear_pointer (&lit, g_strfreev);
  lit = rocznik_topics_highlight (ROCZNIK_CHART_TREND, FALSE, 2018, categories, two);
  g_assert_cmpuint (g_strv_length (lit), ==, 4);
  g_assert_cmpstr (lit[2], ==, "Miasto");
  g_assert_cmpstr (lit[3], ==, "2018");
}

/* A year's copy owns its own profile: channels, hours and topic durations. */
static void
test_call_profile_copy (void)
{
  g_autoptr(RocznikYear) year = rocznik_year_new (2019);
  g_autoptr(RocznikYear) copy = NULL;
  RocznikTopic *topic = rocznik_year_add_topic (year, "Odpady", 5);

  topic->has_duration = TRUE;
  topic->duration_calls = 4;
  topic->duration_seconds = 4 * 95;
  year->calls = rocznik_call_profile_new ();
  g_assert_true (rocznik_call_profile_is_empty (year->calls));
  year->calls->has_hours = TRUE;
  year->calls->hours[0][7] = 3;   /* Monday 7:00–7:59 */
  year->calls->hours[6][23] = 2;  /* Sunday 23:00–23:59 */
  rocznik_call_profile_add_channel (year->calls, "telefon", 4);
  rocznik_call_profile_add_channel (year->calls, "e-mail", 1);
  g_assert_false (rocznik_call_profile_is_empty (year->calls));

  copy = rocznik_year_copy (year);
  g_clear_pointer (&year->calls, rocznik_call_profile_free);
  g_assert_nonnull (copy->calls);
  g_assert_cmpint (rocznik_call_profile_hours_total (copy->calls), ==, 5);
  g_assert_cmpint (copy->calls->hours[6][23], ==, 2);
  g_assert_cmpuint (copy->calls->channels->len, ==, 2);
  g_assert_cmpstr (((RocznikChannel *) g_ptr_array_index (copy->calls->channels, 1))->name, ==, "e-mail");
  topic = g_ptr_array_index (copy->topics, 0);
  g_assert_true (topic->has_duration);
  g_assert_cmpint (topic->duration_seconds / topic->duration_calls, ==, 95);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/sample", test_sample_table);
  g_test_add_func ("/table/change", test_change);
  g_test_add_func ("/table/default-year", test_default_year);
  g_test_add_func ("/table/tsv", test_tsv);
  g_test_add_func ("/table/top-keys", test_top_keys);
  g_test_add_func ("/comparison/declared-only", test_declared_only);
  g_test_add_func ("/comparison/common-topics", test_common_topics);
  g_test_add_func ("/comparison/same-topics", test_same_topics);
  g_test_add_func ("/comparison/nothing", test_nothing);
  g_test_add_func ("/comparison/totals-only", test_totals_only);
  g_test_add_func ("/comparison/years", test_comparable_years);
  g_test_add_func ("/comparison/polish-note", test_polish_note);
  g_test_add_func ("/table/summary", test_summary);
  g_test_add_func ("/topics/resolve", test_resolve);
  g_test_add_func ("/topics/choices", test_topic_choices);
  g_test_add_func ("/table/many-topics", test_many_topics);
  g_test_add_func ("/comparison/years-many", test_comparable_years_many);
  g_test_add_func ("/year/call-profile-copy", test_call_profile_copy);
  return g_test_run ();
}
