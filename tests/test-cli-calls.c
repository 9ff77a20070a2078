/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `rocznik --list --by`, run as a user would, against a year whose per-call
 * records are made here: every expected line is counted from the records
 * themselves, not from what the workspace keeps. */

#include <math.h>
#include <stdlib.h>
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

/* ---- from a per-call export to the tables -------------------------------- */

/* The tables the export's generator counted row by row (FILE.calls). */
typedef struct
{
  gboolean    hours;
  gint64      hour[7][24];   /* weekday 0 = Monday */
  GString    *months;        /* "month<TAB>calls" lines, as --by month prints */
  GString    *channels;
  GPtrArray  *topics;        /* char*[4]: name, calls, timed calls, seconds */
} Counted;

static void
counted_free (Counted *c)
{
  g_string_free (c->months, TRUE);
  g_string_free (c->channels, TRUE);
  g_ptr_array_unref (c->topics);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Counted, counted_free)

static Counted *
read_counted (const char *path,
              int         year)
{
  Counted *c = g_new0 (Counted, 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *y = g_strdup_printf ("%d", year);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  c->months = g_string_new (NULL);
  c->channels = g_string_new (NULL);
  c->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);

      if (n < 3 || !g_str_equal (f[1], y))
        continue;
      if (g_str_equal (f[0], "year"))
        c->hours = g_str_equal (f[2], "hours");
      else if (g_str_equal (f[0], "month") && n == 4)
        g_string_append_printf (c->months, "%s\t%s\n", f[2], f[3]);
      else if (g_str_equal (f[0], "hour") && n == 5)
        c->hour[atoi (f[2])][atoi (f[3])] = g_ascii_strtoll (f[4], NULL, 10);
      else if (g_str_equal (f[0], "channel") && n == 4)
        g_string_append_printf (c->channels, "%s\t%s\n", f[2], f[3]);
      else if (g_str_equal (f[0], "topic") && n == 6)
        {
          char **topic = g_new0 (char *, 5);

          for (int k = 0; k < 4; k++)
            topic[k] = g_strdup (f[2 + k]);
          g_ptr_array_add (c->topics, topic);
        }
    }
  return c;
}

static int
by_calls_descending (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = g_ascii_strtoll ((*(char ***) a)[1], NULL, 10), y = g_ascii_strtoll ((*(char ***) b)[1], NULL, 10);

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Lists @year of the workspace @ws by @by under C and Polish: same bytes. */
static char *
list_year_by (const char *ws,
              const char *year,
              const char *by)
{
  Run c = { 0 }, pl = { 0 };
  char *out;

  run (&c, "C", "--list", "--year", year, "--by", by, "--workspace", ws, NULL);
  run (&pl, "pl_PL.UTF-8", "--list", "--year", year, "--by", by, "--workspace", ws, NULL);
  g_assert_cmpstr (c.err, ==, "");
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpstr (pl.out, ==, c.out);
  out = g_steal_pointer (&c.out);
  run_clear (&c);
  run_clear (&pl);
  return out;
}

static void
test_imported (Fixture *f, gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_build_filename (g_getenv ("ROCZNIK_CALLS"), name, NULL);
  g_autofree char *tables = g_strconcat (file, ".calls", NULL);
  g_autofree char *ws = g_build_filename (f->dir, "imported.db", NULL);
  g_autoptr(Counted) counted = read_counted (tables, 2019);
  g_autofree char *months = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *durations = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  Run r = { 0 };

  run (&r, "C", "--import", file, "--workspace", ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  months = list_year_by (ws, "2019", "month");
  g_assert_cmpstr (months, ==, counted->months->str);
  channels = list_year_by (ws, "2019", "channel");
  g_assert_cmpstr (channels, ==, counted->channels->str);

  /* the year's topics by calls, each with its own average, halves up */
  g_ptr_array_sort (counted->topics, by_calls_descending);
  for (guint i = 0; i < counted->topics->len; i++)
    {
      char **t = g_ptr_array_index (counted->topics, i);
      gint64 timed = g_ascii_strtoll (t[2], NULL, 10), seconds = g_ascii_strtoll (t[3], NULL, 10);

      /* equal counts would leave the order open: the fixture has none */
      if (timed > 0 && i > 0)
        g_assert_cmpint (by_calls_descending (&counted->topics->pdata[i - 1], &counted->topics->pdata[i]), <, 0);
      if (timed > 0)
        g_string_append_printf (expected, "%s\t%s\t%.0f\n", t[0], t[2], floor ((double) seconds / timed + 0.5));
    }
  if (expected->len > 0)
    {
      durations = list_year_by (ws, "2019", "duration");
      g_assert_cmpstr (durations, ==, expected->str);
    }
  else
    {
      /* no duration column: said so, not a table of zeros */
      run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "duration", "--workspace", ws, NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, "Rok 2019 nie ma danych o czasie obsługi"));
      run_clear (&r);
    }

  g_string_truncate (expected, 0);
  if (counted->hours)
    {
      g_autofree char *hours = list_year_by (ws, "2019", "hour");

      for (int d = 0; d < 7; d++)
        for (int h = 0; h < 24; h++)
          g_string_append_printf (expected, "%d\t%d\t%" G_GINT64_FORMAT "\n", d + 1, h, counted->hour[d][h]);
      g_assert_cmpstr (hours, ==, expected->str);
    }
  else
    {
      /* the export had dates without a time: no hours, and no zeros for them */
      run (&r, "pl_PL.UTF-8", "--list", "--year", "2019", "--by", "hour", "--workspace", ws, NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, "Rok 2019 nie ma danych o godzinach rozmów"));
      run_clear (&r);
    }
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
  g_test_add ("/cli-calls/imported/rozmowy-2019-cp1250", Fixture, "rozmowy-2019-cp1250.csv", fixture_set_up, test_imported, fixture_tear_down);
  g_test_add ("/cli-calls/imported/calls-311-2019", Fixture, "calls-311-2019.csv", fixture_set_up, test_imported, fixture_tear_down);
  g_test_add ("/cli-calls/imported/bez-godzin-2019", Fixture, "bez-godzin-2019.csv", fixture_set_up, test_imported, fixture_tear_down);
  return g_test_run ();
}
