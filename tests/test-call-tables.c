/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures a summary of per-call data names, and their Polish words. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "rocznik-call-tables.h"
#include "rocznik-format.h"

#define NB ROCZNIK_NBSP

/* Three topics; the months, hours and channels are set so that the answer
 * is known without the code under test: March is the busiest month
 * (50 + 400 + 0), Wednesday 14:00 the busiest hour, „Oświata” the longest
 * handling (2 calls, 601 s: 300,5 s, more than 185 s and 300 s). */
static RocznikYear *
make_year (void)
{
  RocznikYear *y = rocznik_year_new (2019);
  RocznikTopic *t;

  t = rocznik_year_add_topic (y, "Gospodarka  odpadami", 700);
  t->has_months = TRUE;
  for (int m = 0; m < 12; m++)
    t->months[m] = 50;
  t->months[11] = 150;
  t->has_duration = TRUE;
  t->duration_calls = 600;
  t->duration_seconds = 600 * 185;
  t = rocznik_year_add_topic (y, "Transport", 400);
  t->has_months = TRUE;
  t->months[2] = 400;
  t->has_duration = TRUE;
  t->duration_calls = 400;
  t->duration_seconds = 400 * 300;
  t = rocznik_year_add_topic (y, "Oświata", 2);
  t->has_duration = TRUE;
  t->duration_calls = 2;
  t->duration_seconds = 601;

  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  y->calls->hours[0][9] = 120;
  y->calls->hours[2][14] = 121;
  y->calls->hours[4][14] = 121;   /* as many, later in the week: not the peak */
  rocznik_call_profile_add_channel (y->calls, "telefon", 800);
  rocznik_call_profile_add_channel (y->calls, "e-mail", 250);
  rocznik_call_profile_add_channel (y->calls, "czat", 52);
  return y;
}

static void
test_figures (void)
{
  g_autoptr(RocznikYear) y = make_year ();
  g_autoptr(RocznikYear) plain = rocznik_year_new (2018);
  gint64 totals[12], n = 0;
  int month = 0, weekday = -1, hour = -1;

  g_assert_true (rocznik_call_tables_month_totals (y, NULL, totals));
  g_assert_cmpint (totals[2], ==, 450);
  g_assert_cmpint (totals[11], ==, 150);
  g_assert_true (rocznik_call_tables_busiest_month (y, &month, &n));
  g_assert_cmpint (month, ==, 3);
  g_assert_cmpint (n, ==, 450);
  g_assert_true (rocznik_call_profile_peak_hour (y->calls, &weekday, &hour, &n));
  g_assert_cmpint (weekday, ==, 2);
  g_assert_cmpint (hour, ==, 14);
  g_assert_cmpint (n, ==, 121);
  g_assert_cmpint (rocznik_call_profile_channels_total (y->calls), ==, 1102);
  g_assert_cmpstr (rocznik_call_tables_longest_handling (y)->name, ==, "Oświata");

  /* halves up, whole seconds */
  g_assert_cmpint (rocznik_call_average_seconds (2, 3), ==, 2);
  g_assert_cmpint (rocznik_call_average_seconds (4, 10), ==, 3);
  g_assert_cmpint (rocznik_call_average_seconds (3, 4), ==, 1);
  g_assert_cmpint (rocznik_call_average_seconds (3, 5), ==, 2);
  g_assert_cmpint (rocznik_call_average_seconds (0, 5), ==, 0);

  /* a year from totals: none of it */
  rocznik_year_add_topic (plain, "Oświata", 5);
  g_assert_false (rocznik_call_tables_busiest_month (plain, NULL, NULL));
  g_assert_false (rocznik_call_profile_peak_hour (plain->calls, NULL, NULL, NULL));
  g_assert_null (rocznik_call_tables_longest_handling (plain));
  g_assert_null (rocznik_call_tables_describe_busiest_month (plain));
  g_assert_null (rocznik_call_tables_describe_peak_hour (plain->calls));
  g_assert_null (rocznik_call_tables_describe_channels (plain->calls));
  g_assert_null (rocznik_call_tables_describe_longest_handling (plain));
}

/* What the window's summary shows, in Polish under pl_PL. */
static void
test_describe_polish (void)
{
  g_autoptr(RocznikYear) y = make_year ();
  const char *localedir = g_getenv ("ROCZNIK_LOCALEDIR");
  g_autofree char *month = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *longest = NULL;
  g_autofree char *english = NULL;

  english = rocznik_call_tables_describe_longest_handling (y);
  g_assert_cmpstr (english, ==, "Oświata: 5" NB "min 1" NB "s on average (2 calls)");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_nonnull (setlocale (LC_ALL, "pl_PL.UTF-8"));
  month = rocznik_call_tables_describe_busiest_month (y);
  peak = rocznik_call_tables_describe_peak_hour (y->calls);
  channels = rocznik_call_tables_describe_channels (y->calls);
  longest = rocznik_call_tables_describe_longest_handling (y);
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (month, ==, "marzec: 450 rozmów");
  g_assert_cmpstr (peak, ==, "środa, 14:00–15:00: 121 rozmów");
  /* 800/1102 = 72,595…%, 250/1102 = 22,686…%, 52/1102 = 4,718…% */
  g_assert_cmpstr (channels, ==, "telefon" NB "72,6%, e-mail" NB "22,7%, czat" NB "4,7%");
  g_assert_cmpstr (longest, ==, "Oświata: średnio 5" NB "min 1" NB "s (2 rozmowy)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/call-tables/figures", test_figures);
  g_test_add_func ("/call-tables/describe-polish", test_describe_polish);
  return g_test_run ();
}
