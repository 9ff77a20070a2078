/* Derived figures: sums, shares, changes, remainder, sorting. */

#include <math.h>
#include <string.h>

#include "rocznik-format.h"
#include "rocznik-table.h"
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table/sample", test_sample_table);
  g_test_add_func ("/table/change", test_change);
  g_test_add_func ("/table/default-year", test_default_year);
  g_test_add_func ("/table/tsv", test_tsv);
  g_test_add_func ("/table/top-keys", test_top_keys);
  g_test_add_func ("/table/many-topics", test_many_topics);
  return g_test_run ();
}
