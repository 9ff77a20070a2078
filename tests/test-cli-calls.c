/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `rocznik --list --by`, run as a user would, against a year whose per-call
 * records are made here: every expected line is counted from the records
 * themselves, not from what the workspace keeps. */

#include <math.h>
#include <string.h>

#include "rocznik-test-util.h"
#include "rocznik-workspace.h"

#define N_RECORDS 4000

static const char *const topic_names[] = { "Gospodarka odpadami", "Oświata", "Transport miejski", "Zieleń  miejska" };
static const char *const channel_names[] = { "telefon", "e-mail", "czat" };

typedef struct
{
  int topic;     /* index in topic_names */
  int month;     /* 1–12 */
  int weekday;   /* 1 = Monday … 7 */
  int hour;      /* 0–23 */
  int channel;   /* index in channel_names */
  int seconds;   /* the handling time, or -1 without one */
} Record;

/* Deterministic records with holes: no August at all, no March for the
 * first topic, never a duration on „Oświata”, Sunday nights empty. */
static Record *
make_records (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  Record *records = g_new0 (Record, N_RECORDS);

  for (int i = 0; i < N_RECORDS; i++)
    {
      Record *r = &records[i];
      int n;

      r->topic = g_rand_int_range (rand, 0, G_N_ELEMENTS (topic_names));
      do
        r->month = g_rand_int_range (rand, 1, 13);
      while (r->month == 8 || (r->topic == 0 && r->month == 3));
      r->weekday = g_rand_int_range (rand, 1, 8);
      r->hour = r->weekday == 7 ? g_rand_int_range (rand, 8, 16) : g_rand_int_range (rand, 0, 24);
      n = g_rand_int_range (rand, 0, 10);
      r->channel = n < 6 ? 0 : n < 9 ? 2 : 1;   /* telefon 60 %, czat 30 %, e-mail 10 % */
      r->seconds = (r->topic == 1 || g_rand_int_range (rand, 0, 10) == 0) ? -1 : g_rand_int_range (rand, 5, 1200);
    }
  return records;
}

/* What an importer would keep from the records. */
static RocznikYear *
year_from_records (const Record *records)
{
  RocznikYear *y = rocznik_year_new (2019);
  gint64 channel_calls[G_N_ELEMENTS (channel_names)] = { 0 };
  RocznikTopic *topics[G_N_ELEMENTS (topic_names)];

  for (guint t = 0; t < G_N_ELEMENTS (topic_names); t++)
    {
      topics[t] = rocznik_year_add_topic (y, topic_names[t], 0);
      topics[t]->has_months = TRUE;
    }
  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  for (int i = 0; i < N_RECORDS; i++)
    {
      const Record *r = &records[i];
      RocznikTopic *t = topics[r->topic];

      t->count++;
      t->months[r->month - 1]++;
      y->calls->hours[r->weekday - 1][r->hour]++;
      channel_calls[r->channel]++;
      if (r->seconds >= 0)
        {
          t->has_duration = TRUE;
          t->duration_calls++;
          t->duration_seconds += r->seconds;
        }
    }
  rocznik_year_sort_by_count (y);
  /* by calls, descending, as the profile keeps them */
  for (guint done = 0; done < G_N_ELEMENTS (channel_names); done++)
    {
      int best = -1;

      for (guint c = 0; c < G_N_ELEMENTS (channel_names); c++)
        if (channel_calls[c] >= 0 && (best < 0 || channel_calls[c] > channel_calls[best]))
          best = c;
      rocznik_call_profile_add_channel (y->calls, channel_names[best], channel_calls[best]);
      channel_calls[best] = -1;
    }
  return y;
}

typedef struct
{
  char   *dir;
  char   *path;
  Record *records;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  g_autoptr(RocznikYear) y = NULL;
  g_autoptr(RocznikYear) rounding = rocznik_year_new (2022);
  RocznikTopic *t;
  const char *city[] = { "transport miejski", "zieleń miejska", NULL };

  f->dir = g_dir_make_tmp ("rocznik-cli-calls-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->records = make_records ();
  y = year_from_records (f->records);
  ws = rocznik_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_set_category (ws, "Miasto", city, &error));
  g_assert_no_error (error);

  /* averages of 1.5, 2.5 and 1.33 seconds: halves go up */
  t = rocznik_year_add_topic (rounding, "półtorej", 2);
  t->has_duration = TRUE;
  t->duration_calls = 2;
  t->duration_seconds = 3;
  t = rocznik_year_add_topic (rounding, "dwie i pół", 4);
  t->has_duration = TRUE;
  t->duration_calls = 4;
  t->duration_seconds = 10;
  t = rocznik_year_add_topic (rounding, "jedna i jedna trzecia", 3);
  t->has_duration = TRUE;
  t->duration_calls = 3;
  t->duration_seconds = 4;
  rounding->calls = rocznik_call_profile_new ();
  g_assert_true (rocznik_workspace_store_year (ws, rounding, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->records);
  g_free (f->path);
  g_free (f->dir);
}

/* The same bytes under C and Polish; the Polish run's output is returned.
 * (Plain C reads only ASCII arguments: a Polish topic name needs C.UTF-8.) */
static char *
list_by (Fixture    *f,
         const char *by,
         const char *topics)
{
  Run c = { 0 }, pl = { 0 };
  char *out;

  if (topics)
    {
      run (&c, g_str_is_ascii (topics) ? "C" : "C.UTF-8", "--list", "--year", "2019", "--by", by, "--topics", topics, "--workspace", f->path, NULL);
      run (&pl, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", by, "--topics", topics, "--workspace", f->path, NULL);
    }
  else
    {
      run (&c, "C", "--list", "--year", "2019", "--by", by, "--workspace", f->path, NULL);
      run (&pl, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", by, "--workspace", f->path, NULL);
    }
  g_assert_cmpstr (c.err, ==, "");
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpint (pl.status, ==, 0);
  g_assert_cmpstr (pl.out, ==, c.out);
  out = g_steal_pointer (&pl.out);
  run_clear (&c);
  run_clear (&pl);
  return out;
}

static gboolean
in_set (int         topic,
        const int  *set)
{
  if (set == NULL)
    return TRUE;
  for (int i = 0; set[i] >= 0; i++)
    if (set[i] == topic)
      return TRUE;
  return FALSE;
}

static char *
expected_months (const Record *records,
                 const int    *set)
{
  GString *out = g_string_new (NULL);

  for (int m = 1; m <= 12; m++)
    {
      gint64 n = 0;

      for (int i = 0; i < N_RECORDS; i++)
        n += records[i].month == m && in_set (records[i].topic, set);
      if (n > 0)
        g_string_append_printf (out, "%d\t%" G_GINT64_FORMAT "\n", m, n);
    }
  return g_string_free (out, FALSE);
}

static void
test_month (Fixture *f, gconstpointer data)
{
  g_autofree char *all = list_by (f, "month", NULL);
  g_autofree char *all_expected = expected_months (f->records, NULL);
  g_autofree char *first = list_by (f, "month", "gospodarka odpadami");
  g_autofree char *first_expected = expected_months (f->records, (const int[]) { 0, -1 });
  g_autofree char *city = list_by (f, "month", "Miasto; Oświata");
  g_autofree char *city_expected = expected_months (f->records, (const int[]) { 1, 2, 3, -1 });

  g_assert_cmpstr (all, ==, all_expected);
  /* a gap, never a zero: no August line at all */
  g_assert_null (strstr (all, "\n8\t"));
  g_assert_cmpstr (first, ==, first_expected);
  g_assert_null (strstr (first, "\n3\t"));
  g_assert_nonnull (strstr (first, "\n4\t"));
  g_assert_cmpstr (city, ==, city_expected);
}

static void
test_hour (Fixture *f, gconstpointer data)
{
  g_autofree char *out = list_by (f, "hour", NULL);
  g_autofree char *text = NULL;
  GString *expected = g_string_new (NULL);

  /* every hour of the week, the empty Sunday nights as zeros */
  for (int d = 1; d <= 7; d++)
    for (int h = 0; h < 24; h++)
      {
        gint64 n = 0;

        for (int i = 0; i < N_RECORDS; i++)
          n += f->records[i].weekday == d && f->records[i].hour == h;
        g_string_append_printf (expected, "%d\t%d\t%" G_GINT64_FORMAT "\n", d, h, n);
      }
  text = g_string_free (expected, FALSE);
  g_assert_cmpstr (out, ==, text);
  g_assert_nonnull (strstr (out, "\n7\t23\t0\n"));
}

static void
test_channel (Fixture *f, gconstpointer data)
{
  g_autofree char *out = list_by (f, "channel", NULL);
  g_autofree char *text = NULL;
  gint64 n[G_N_ELEMENTS (channel_names)] = { 0 };
  gint64 total = 0;

  for (int i = 0; i < N_RECORDS; i++)
    n[f->records[i].channel]++;
  /* by calls: telefon, czat, e-mail (asserted, not assumed) */
  g_assert_cmpint (n[0], >, n[2]);
  g_assert_cmpint (n[2], >, n[1]);
  text = g_strdup_printf ("telefon\t%" G_GINT64_FORMAT "\nczat\t%" G_GINT64_FORMAT "\ne-mail\t%" G_GINT64_FORMAT "\n",
                          n[0], n[2], n[1]);
  g_assert_cmpstr (out, ==, text);
  for (guint c = 0; c < G_N_ELEMENTS (n); c++)
    total += n[c];
  g_assert_cmpint (total, ==, N_RECORDS);
}

static char *
expected_durations (const Record *records,
                    const int    *order,
                    const int    *set)
{
  GString *out = g_string_new (NULL);

  for (int k = 0; order[k] >= 0; k++)
    {
      gint64 n = 0, seconds = 0;

      if (!in_set (order[k], set))
        continue;
      for (int i = 0; i < N_RECORDS; i++)
        if (records[i].topic == order[k] && records[i].seconds >= 0)
          {
            n++;
            seconds += records[i].seconds;
          }
      if (n > 0)
        g_string_append_printf (out, "%s\t%" G_GINT64_FORMAT "\t%.0f\n",
                                order[k] == 3 ? "Zieleń miejska" : topic_names[order[k]], n,
                                floor ((double) seconds / n + 0.5));
    }
  return g_string_free (out, FALSE);
}

static void
test_duration (Fixture *f, gconstpointer data)
{
  g_autofree char *out = list_by (f, "duration", NULL);
  g_autofree char *city = list_by (f, "duration", "Miasto");
  g_autofree char *expected = NULL;
  g_autofree char *city_expected = NULL;
  gint64 count[G_N_ELEMENTS (topic_names)] = { 0 };
  int order[G_N_ELEMENTS (topic_names) + 1];
  Run r = { 0 };

  /* the year's order: by calls, descending */
  for (int i = 0; i < N_RECORDS; i++)
    count[f->records[i].topic]++;
  for (guint k = 0; k < G_N_ELEMENTS (topic_names); k++)
    {
      int best = -1;

      for (guint t = 0; t < G_N_ELEMENTS (topic_names); t++)
        if (count[t] >= 0 && (best < 0 || count[t] > count[best]))
          best = t;
      order[k] = best;
      count[best] = -1;
    }
  order[G_N_ELEMENTS (topic_names)] = -1;
  expected = expected_durations (f->records, order, NULL);
  g_assert_cmpstr (out, ==, expected);
  /* „Oświata” had no handling time: no line, not a zero */
  g_assert_null (strstr (out, "Oświata"));
  city_expected = expected_durations (f->records, order, (const int[]) { 2, 3, -1 });
  g_assert_cmpstr (city, ==, city_expected);

  run (&r, "C", "--list", "--year", "2022", "--by", "duration", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* in the year's own order */
  g_assert_cmpstr (r.out, ==, "półtorej\t2\t2\ndwie i pół\t4\t3\njedna i jedna trzecia\t3\t1\n");
  run_clear (&r);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  Run r = { 0 };

  /* the bundled sample's 2018 came from totals */
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2018", "--by", "hour", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "rocznik: Rok 2018 nie ma danych o godzinach rozmów: zaimportuj jego rekordy rozmów z godziną każdej rozmowy\n");
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2018", "--by", "month", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "Rok 2018 nie ma danych o miesiącach"));
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2018", "--by", "duration", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Rok 2018 nie ma danych o czasie obsługi"));
  /* a profile without channels */
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2022", "--by", "channel", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Rok 2022 nie ma danych o kanałach"));
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "duration", "--topics", "Oświata", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "Wybrane tematy nie mają danych o czasie obsługi w 2019"));

  /* hours and channels are not kept per topic: refused, not unnarrowed */
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "channel", "--topics", "Oświata", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "bez --topics"));
  run (&r, "C", "--list", "--year", "2019", "--by", "hour", "--topics", "Oświata", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "week", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "„week”"));
  run (&r, "C", "--year", "2019", "--by", "hour", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--by goes with --list"));
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "month", "--topics", "nie ma takiego", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  run (&r, "pl_PL.UTF-8", "--list", "--year", "2016", "--by", "month", "--workspace", f->path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Roku 2016 nie ma w obszarze roboczym"));
  run_clear (&r);
}

/* The topics' own list is UTF-8 under plain C as well, never „Ziele? miejska”. */
static void
test_list_bytes (Fixture *f, gconstpointer data)
{
  Run c = { 0 }, pl = { 0 };

  run (&c, "C", "--list", "--year", "2019", "--workspace", f->path, NULL);
  run (&pl, "pl_PL.UTF-8", "--list", "--year", "2019", "--workspace", f->path, NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpstr (c.out, ==, pl.out);
  g_assert_nonnull (strstr (c.out, "Zieleń miejska\t"));
  run_clear (&c);
  run_clear (&pl);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-calls/month", Fixture, NULL, fixture_set_up, test_month, fixture_tear_down);
  g_test_add ("/cli-calls/hour", Fixture, NULL, fixture_set_up, test_hour, fixture_tear_down);
  g_test_add ("/cli-calls/channel", Fixture, NULL, fixture_set_up, test_channel, fixture_tear_down);
  g_test_add ("/cli-calls/duration", Fixture, NULL, fixture_set_up, test_duration, fixture_tear_down);
  g_test_add ("/cli-calls/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/cli-calls/list-bytes", Fixture, NULL, fixture_set_up, test_list_bytes, fixture_tear_down);
  return g_test_run ();
}
