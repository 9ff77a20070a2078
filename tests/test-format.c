/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Polish numbers, plurals, dates, collation and topic keys. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"

#define NB ROCZNIK_NBSP

static void
assert_count (gint64 n, const char *expected)
{
  g_autofree char *s = rocznik_format_count (n);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_count (void)
{
  assert_count (0, "0");
  assert_count (712, "712");
  assert_count (1389, "1" NB "389");
  assert_count (70055, "70" NB "055");
  assert_count (388468, "388" NB "468");
  assert_count (1234567, "1" NB "234" NB "567");
  assert_count (-4500, "\xe2\x88\x92" "4" NB "500");
}

static void
test_percent (void)
{
  g_autofree char *a = rocznik_format_percent (100.0 * 70055 / 388468, 1);
  g_autofree char *b = rocznik_format_percent (100.0 * 192 / 388468, 1);
  g_autofree char *c = rocznik_format_signed_percent (12.345, 1);
  g_autofree char *d = rocznik_format_signed_percent (-3.05, 1);
  g_autofree char *e = rocznik_format_signed_count (1234);
  g_autofree char *f = rocznik_format_percent (100, 1);

  g_assert_cmpstr (a, ==, "18,0%");
  g_assert_cmpstr (b, ==, "0,0%");
  g_assert_cmpstr (c, ==, "+12,3%");
  g_assert_cmpstr (d, ==, "\xe2\x88\x92" "3,1%");
  g_assert_cmpstr (e, ==, "+1" NB "234");
  g_assert_cmpstr (f, ==, "100,0%");
}

static void
test_short (void)
{
  g_autofree char *a = rocznik_format_short (586000, TRUE);
  g_autofree char *b = rocznik_format_short (472553, FALSE);
  g_autofree char *c = rocznik_format_millions (586000, TRUE);
  g_autofree char *d = rocznik_format_short (1250000, FALSE);
  g_autofree char *e = rocznik_format_axis (20000);
  g_autofree char *f = rocznik_format_axis (0);
  g_autofree char *g = rocznik_format_short (712, FALSE);

  g_assert_cmpstr (a, ==, "ponad 586" NB "tys.");
  g_assert_cmpstr (b, ==, "473" NB "tys.");
  g_assert_cmpstr (c, ==, "ponad 0,5" NB "mln");
  g_assert_cmpstr (d, ==, "1,3" NB "mln");
  g_assert_cmpstr (e, ==, "20" NB "tys.");
  g_assert_cmpstr (f, ==, "0");
  g_assert_cmpstr (g, ==, "712");
}

/* The row or bar for the topics a chart or table leaves out. */
static void
test_others (void)
{
  static const struct { gint64 n; const char *text; } cases[] = {
    { 1, "pozostałe (1 temat)" },
    { 2, "pozostałe (2 tematy)" },
    { 4, "pozostałe (4 tematy)" },
    { 5, "pozostałe (5 tematów)" },
    { 12, "pozostałe (12 tematów)" },
    { 22, "pozostałe (22 tematy)" },
    { 112, "pozostałe (112 tematów)" },
    { 2981, "pozostałe (2" ROCZNIK_NBSP "981 tematów)" },
    { 2984, "pozostałe (2" ROCZNIK_NBSP "984 tematy)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rocznik_format_others (cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

#define NB ROCZNIK_NBSP

static void
test_duration (void)
{
  static const struct { gint64 s; const char *text; } cases[] = {
    { 0, "0" NB "s" },
    { 45, "45" NB "s" },
    { 60, "1" NB "min" },
    { 95, "1" NB "min 35" NB "s" },
    { 754, "12" NB "min 34" NB "s" },
    { 3599, "59" NB "min 59" NB "s" },
    { 3600, "1" NB "h" },
    { 3905, "1" NB "h 5" NB "min" },      /* from an hour on, to the minute */
    { 3929, "1" NB "h 5" NB "min" },
    { 3930, "1" NB "h 6" NB "min" },
    { 7260, "2" NB "h 1" NB "min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rocznik_format_duration (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_plural (void)
{
  static const struct { gint64 n; const char *word; } cases[] = {
    { 1, "rozmowa" }, { 2, "rozmowy" }, { 4, "rozmowy" }, { 5, "rozmów" },
    { 12, "rozmów" }, { 14, "rozmów" }, { 22, "rozmowy" }, { 25, "rozmów" },
    { 112, "rozmów" }, { 0, "rozmów" }, { 1002, "rozmowy" }, { 388468, "rozmów" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (rocznik_plural (cases[i].n, "rozmowa", "rozmowy", "rozmów"), ==, cases[i].word);
}

static void
test_date (void)
{
  g_autoptr(GDateTime) d = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  g_autoptr(GDateTime) e = g_date_time_new_utc (2018, 9, 1, 12, 0, 0);
  g_autofree char *a = rocznik_format_date (d);
  g_autofree char *b = rocznik_format_date (e);

  g_assert_cmpstr (a, ==, "23 listopada 2026");
  g_assert_cmpstr (b, ==, "1 września 2018");
}

static void
test_collation (void)
{
  /* The Polish alphabet, whatever LC_COLLATE says. */
  const char *ordered[] = { "a", "ą", "b", "c", "ć", "e", "ę", "l", "ł", "m", "n", "ń", "o", "ó", "s", "ś", "z", "ź", "ż" };

  setlocale (LC_ALL, "C");
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    g_assert_cmpint (rocznik_collate (ordered[i], ordered[i + 1]), <, 0);
  g_assert_cmpint (rocznik_collate ("łódź", "lody"), >, 0);
  g_assert_cmpint (rocznik_collate ("żaba", "zebra"), >, 0);
  g_assert_cmpint (rocznik_collate ("Akcja Zima", "akcje prozdrowotne"), <, 0);
  g_assert_cmpint (rocznik_collate ("oświata", "oświata"), ==, 0);

  {
    g_autofree char *k1 = rocznik_collation_key ("lody");
    g_autofree char *k2 = rocznik_collation_key ("łódź");
    g_assert_cmpint (strcmp (k1, k2), <, 0);
  }
}

static void
test_topic_key (void)
{
  g_autofree char *plain = rocznik_topic_key ("transport miejski i strefa parkowania");
  g_autofree char *nbsp = rocznik_topic_key ("transport miejski i" NB "strefa  parkowania ");
  g_autofree char *upper = rocznik_topic_key ("Transport Miejski I Strefa Parkowania");
  /* "ś" composed vs "s" + combining acute */
  g_autofree char *nfc = rocznik_topic_key ("\xc5\x9bwiadczenia");
  g_autofree char *nfd = rocznik_topic_key ("s\xcc\x81wiadczenia");
  g_autofree char *fold = rocznik_search_fold ("Świadczenia wychowawcze, Łódź");

  g_assert_cmpstr (plain, ==, "transport miejski i strefa parkowania");
  g_assert_cmpstr (nbsp, ==, plain);
  g_assert_cmpstr (upper, ==, plain);
  g_assert_cmpstr (nfc, ==, nfd);
  g_assert_cmpstr (fold, ==, "swiadczenia wychowawcze, lodz");
}

static void
test_typography (void)
{
  g_autofree char *a = rocznik_typography ("W 2018 r. pracownicy i mieszkańcy z Poznania a w tym o tym.");

  g_assert_cmpstr (a, ==, "W" NB "2018 r. pracownicy i" NB "mieszkańcy z" NB "Poznania a" NB "w" NB "tym o" NB "tym.");
}

static void
test_parse_count (void)
{
  static const struct { const char *text; RocznikCountResult result; gint64 value; } cases[] = {
    { "70055", ROCZNIK_COUNT_OK, 70055 },
    { "70 055", ROCZNIK_COUNT_OK, 70055 },
    { "70" NB "055", ROCZNIK_COUNT_OK, 70055 },
    { "70\xe2\x80\xaf" "055", ROCZNIK_COUNT_OK, 70055 },
    { "70.055", ROCZNIK_COUNT_OK, 70055 },
    { "1.234.567", ROCZNIK_COUNT_OK, 1234567 },
    { " 100 990 ", ROCZNIK_COUNT_OK, 100990 },
    { "70055,0", ROCZNIK_COUNT_OK, 70055 },
    { "70055.00", ROCZNIK_COUNT_OK, 70055 },
    { "9007199254740992", ROCZNIK_COUNT_OK, G_GINT64_CONSTANT (9007199254740992) },
    { "9007199254740993", ROCZNIK_COUNT_TOO_LARGE, 0 },
    { "99999999999999999999999", ROCZNIK_COUNT_TOO_LARGE, 0 },
    { "-5", ROCZNIK_COUNT_NEGATIVE, 0 },
    { "12,5", ROCZNIK_COUNT_FRACTION, 0 },
    { "dużo", ROCZNIK_COUNT_NOT_NUMBER, 0 },
    { "70 05", ROCZNIK_COUNT_NOT_NUMBER, 0 },
    { "7005 5", ROCZNIK_COUNT_NOT_NUMBER, 0 },
    { "1.234 567", ROCZNIK_COUNT_NOT_NUMBER, 0 },
    { "12abc", ROCZNIK_COUNT_NOT_NUMBER, 0 },
    { "", ROCZNIK_COUNT_EMPTY, 0 },
    { "  ", ROCZNIK_COUNT_EMPTY, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -1;
      RocznikCountResult r = rocznik_parse_count (cases[i].text, -1, &value);

      g_test_message ("„%s”", cases[i].text);
      g_assert_cmpint (r, ==, cases[i].result);
      if (r == ROCZNIK_COUNT_OK)
        g_assert_cmpint (value, ==, cases[i].value);
    }
}

/* One message for a count that is not one, in English and in Polish. */
static void
test_count_problem (void)
{
  static const struct { const char *text; const char *en; const char *pl; } cases[] = {
    { "-5", "„-5” is negative; a number of calls cannot be",
      "„-5” jest liczbą ujemną, a liczba rozmów nie może być ujemna" },
    { "12,5", "„12,5” is not a whole number of calls", "„12,5” nie jest całkowitą liczbą rozmów" },
    { "9007199254740993", "„9007199254740993” is too large (more than 2⁵³ calls)",
      "„9007199254740993” to za dużo (ponad 2⁵³ rozmów)" },
    { "dużo", "„dużo” is not a number of calls", "„dużo” nie jest liczbą rozmów" },
    { " ", "The number of calls is empty", "Brak liczby rozmów" },
  };
  const char *localedir = g_getenv ("ROCZNIK_LOCALEDIR");
  gint64 count = -1;

  g_assert_null (rocznik_count_problem (ROCZNIK_COUNT_OK, "5"));
  g_assert_true (rocznik_parse_count_typed ("70 055", &count, NULL));
  g_assert_cmpint (count, ==, 70055);
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  for (guint pass = 0; pass < 2; pass++)
    {
      g_assert_nonnull (setlocale (LC_ALL, pass ? "pl_PL.UTF-8" : "C.UTF-8"));
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *problem = rocznik_count_problem (rocznik_parse_count (cases[i].text, -1, &count),
                                                            cases[i].text);

          g_assert_cmpstr (problem, ==, pass ? cases[i].pl : cases[i].en);
          g_assert_false (rocznik_parse_count_typed (cases[i].text, &count, &error));
          g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
          g_assert_cmpstr (error->message, ==, problem);
        }
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Names and spans of the per-call summary: months, weekdays, hour bands. */
static void
test_call_words (void)
{
  g_assert_cmpstr (rocznik_format_month_name (1), ==, "styczeń");
  g_assert_cmpstr (rocznik_format_month_name (3), ==, "marzec");
  g_assert_cmpstr (rocznik_format_month_name (12), ==, "grudzień");
  g_assert_cmpstr (rocznik_format_weekday (0), ==, "poniedziałek");
  g_assert_cmpstr (rocznik_format_weekday (2), ==, "środa");
  g_assert_cmpstr (rocznik_format_weekday (6), ==, "niedziela");
  for (int h = 0; h < 24; h++)
    {
      g_autofree char *band = rocznik_format_hour_band (h);
      /* an en dash, U+2013, between the hours */
      g_autofree char *expected = g_strdup_printf ("%d:00\xe2\x80\x93%d:00", h, h + 1);

      g_assert_cmpstr (band, ==, expected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/others", test_others);
  g_test_add_func ("/format/duration", test_duration);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/short", test_short);
  g_test_add_func ("/format/plural", test_plural);
  g_test_add_func ("/format/date", test_date);
  g_test_add_func ("/format/collation", test_collation);
  g_test_add_func ("/format/topic-key", test_topic_key);
  g_test_add_func ("/format/typography", test_typography);
  g_test_add_func ("/format/parse-count", test_parse_count);
  g_test_add_func ("/format/count-problem", test_count_problem);
  g_test_add_func ("/format/call-words", test_call_words);
  return g_test_run ();
}
