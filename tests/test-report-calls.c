/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-calls.c — the report's section on when and how residents call:
 * its Polish sentences (cases, plurals, ties, gaps) and its tables, then the
 * section in the PDF (pdftotext), the workbook (openpyxl) and the web page. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "rocznik-import.h"
#include "rocznik-report-calls.h"
#include "rocznik-test-util.h"
#include "rocznik-workspace.h"

#define N "\xc2\xa0"   /* U+00A0: digit groups, one-letter words, number and unit */
#define PYTHON "/usr/bin/python3"

static char *tmpdir;

/* ---- years ------------------------------------------------------------- */

static RocznikTopic *
topic_with_months (RocznikYear  *y,
                   const char   *name,
                   const gint64  months[12])
{
  gint64 sum = 0;
  RocznikTopic *t;

  for (int m = 0; m < 12; m++)
    sum += months[m];
  t = rocznik_year_add_topic (y, name, sum);
  t->has_months = TRUE;
  memcpy (t->months, months, sizeof t->months);
  return t;
}

static void
set_duration (RocznikTopic *t,
              gint64        calls,
              gint64        seconds)
{
  t->has_duration = TRUE;
  t->duration_calls = calls;
  t->duration_seconds = seconds;
}

/* 2019: two topics by month (none in April and May), a third without
 * months; calls Monday to Friday 7:00–20:00, busiest on Monday morning;
 * three channels; handling time for the two topics. */
static RocznikYear *
profile_year (void)
{
  static const gint64 waste[12] = { 1200, 1100, 5000, 0, 0, 2000, 2100, 1900, 2200, 2300, 2400, 1500 };
  static const gint64 taxes[12] = { 300, 400, 432, 0, 0, 500, 200, 100, 300, 400, 200, 50 };
  RocznikYear *y = rocznik_year_new (2019);
  RocznikTopic *t;

  y->organisation = g_strdup ("Biuro Poznań Kontakt");
  t = topic_with_months (y, "gospodarka odpadami", waste);
  set_duration (t, 21000, 21000 * 205);       /* 3 min 25 s each; 700 calls without a time */
  t = topic_with_months (y, "podatki i opłaty", taxes);
  set_duration (t, 2882, 2882 * 65);          /* 1 min 5 s each */
  rocznik_year_add_topic (y, "inne sprawy", 18);

  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  for (int d = 0; d < 5; d++)
    for (int h = 7; h < 20; h++)
      y->calls->hours[d][h] = 10;
  y->calls->hours[0][9] = 100;
  y->calls->hours[0][10] = 90;
  y->calls->hours[1][9] = 50;
  rocznik_call_profile_add_channel (y->calls, "telefon", 537);
  rocznik_call_profile_add_channel (y->calls, "e-mail", 200);
  rocznik_call_profile_add_channel (y->calls, "aplikacja", 123);
  return y;
}

static const RocznikReportCallsTable *
table_of (const RocznikReportCalls *calls,
          RocznikReportCallsKind    kind)
{
  for (guint i = 0; i < calls->tables->len; i++)
    {
      const RocznikReportCallsTable *t = g_ptr_array_index (calls->tables, i);

      if (t->kind == kind)
        return t;
    }
  return NULL;
}

static void
assert_sentences (const RocznikReportCallsTable *t,
                  const char * const            *expected)
{
  g_assert_nonnull (t);
  for (guint i = 0; expected[i]; i++)
    {
      g_assert_nonnull (t->sentences[i]);
      g_assert_cmpstr (t->sentences[i], ==, expected[i]);
    }
  g_assert_cmpuint (g_strv_length (t->sentences), ==, g_strv_length ((GStrv) expected));
}

static const RocznikReportCell *
row_of (const RocznikReportCallsTable *t,
        guint                          i)
{
  g_assert_cmpuint (i, <, t->rows->len);
  return g_ptr_array_index (t->rows, i);
}

/* ---- the content --------------------------------------------------------- */

static void
test_months (void)
{
  g_autoptr(RocznikYear) y = profile_year ();
  g_autoptr(RocznikReportCalls) calls = rocznik_report_calls_new (y);
  const RocznikReportCallsTable *t = table_of (calls, ROCZNIK_REPORT_CALLS_MONTHS);
  /* by month: 1 500, 1 500, 5 432, —, —, 2 500, 2 300, 2 000, 2 500, 2 700, 2 600, 1 550 */
  const char *expected[] = {
    "Najwięcej w" N "marcu: 5" N "432 zgłoszenia, najmniej w" N "styczniu i" N "w" N "lutym: po 1" N "500 zgłoszeń.",
    "Za kwiecień i" N "maj brak danych: to luka w" N "danych, nie zero zgłoszeń.",
    "Podział na miesiące jest znany dla 2 z" N "3 tematów; tabela obejmuje tylko te tematy.",
    NULL,
  };
  const gint64 total = 1500 + 1500 + 5432 + 2500 + 2300 + 2000 + 2500 + 2700 + 2600 + 1550;

  g_assert_nonnull (calls);
  g_assert_cmpstr (calls->heading, ==, "Kiedy i jak mieszkańcy się zgłaszają");
  assert_sentences (t, expected);
  g_assert_cmpstr (t->caption, ==, "Zgłoszenia w" N "miesiącach 2019 r.");
  g_assert_cmpuint (t->rows->len, ==, 12);
  g_assert_cmpstr (row_of (t, 2)[0].text, ==, "marzec");
  g_assert_cmpstr (row_of (t, 2)[1].text, ==, "5" N "432");
  g_assert_cmpfloat (row_of (t, 2)[1].value, ==, 5432);
  g_assert_cmpstr (row_of (t, 2)[2].text, ==, "22,1%");      /* 5 432 / 24 582 */
  /* April: a gap, never a zero */
  g_assert_cmpstr (row_of (t, 3)[0].text, ==, "kwiecień");
  g_assert_cmpint (row_of (t, 3)[1].kind, ==, ROCZNIK_REPORT_CELL_GAP);
  g_assert_cmpstr (row_of (t, 3)[1].text, ==, "brak danych");
  g_assert_cmpstr (t->total[0].text, ==, "Razem (miesiące z danymi)");
  g_assert_cmpfloat (t->total[1].value, ==, total);
  g_assert_cmpstr (t->total[1].text, ==, "24" N "582");
}

static void
test_hours (void)
{
  g_autoptr(RocznikYear) y = profile_year ();
  g_autoptr(RocznikReportCalls) calls = rocznik_report_calls_new (y);
  const RocznikReportCallsTable *t = table_of (calls, ROCZNIK_REPORT_CALLS_HOURS);
  /* by hour 7–19: 50 each, but 9:00 180 and 10:00 130; 9–11 = 310 of 860 */
  const char *expected[] = {
    "Najwięcej zgłoszeń wpływa między 9:00 a" N "11:00: 310 zgłoszeń, czyli 36,0% wszystkich.",
    "Najbardziej obłożona godzina tygodnia: w" N "poniedziałki między 9:00 a" N "10:00 (w" N "całym roku 100 zgłoszeń).",
    "Najwięcej w" N "poniedziałki: 300 zgłoszeń, najmniej w" N "środy, w" N "czwartki i" N "w" N "piątki: po 130 zgłoszeń.",
    "W" N "soboty i" N "w" N "niedziele nie było żadnego zgłoszenia.",
    "Od 20:00 do 7:00 nie było żadnego zgłoszenia; tabela pomija te godziny.",
    NULL,
  };

  assert_sentences (t, expected);
  g_assert_cmpuint (t->n_columns, ==, 9);
  g_assert_cmpstr (t->columns[1], ==, "pon.");
  g_assert_cmpstr (t->columns[7], ==, "niedz.");
  g_assert_cmpuint (t->rows->len, ==, 13);                 /* 7:00 to 20:00 */
  g_assert_cmpstr (row_of (t, 0)[0].text, ==, "7:00–8:00");
  g_assert_cmpstr (row_of (t, 2)[0].text, ==, "9:00–10:00");
  g_assert_cmpfloat (row_of (t, 2)[1].value, ==, 100);
  g_assert_cmpfloat (row_of (t, 2)[8].value, ==, 180);
  g_assert_cmpstr (row_of (t, 2)[6].text, ==, "0");         /* Saturday: a real zero */
  g_assert_cmpfloat (t->total[1].value, ==, 300);
  g_assert_cmpfloat (t->total[8].value, ==, 860);
}

static void
test_channels (void)
{
  g_autoptr(RocznikYear) y = profile_year ();
  g_autoptr(RocznikReportCalls) calls = rocznik_report_calls_new (y);
  const RocznikReportCallsTable *t = table_of (calls, ROCZNIK_REPORT_CALLS_CHANNELS);
  const char *expected[] = { "Największy kanał to telefon: 62,4% zgłoszeń (537 z" N "860).", NULL };

  assert_sentences (t, expected);
  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (row_of (t, 1)[0].text, ==, "e-mail");
  g_assert_cmpstr (row_of (t, 1)[2].text, ==, "23,3%");   /* 200 / 860 */
  g_assert_cmpfloat (row_of (t, 1)[2].value, ==, 200.0 / 860);
  g_assert_cmpstr (t->total[1].text, ==, "860");
}

static void
test_duration (void)
{
  g_autoptr(RocznikYear) y = profile_year ();
  g_autoptr(RocznikReportCalls) calls = rocznik_report_calls_new (y);
  const RocznikReportCallsTable *t = table_of (calls, ROCZNIK_REPORT_CALLS_DURATION);
  /* (21 000 × 205 + 2 882 × 65) / 23 882 = 188,1 s */
  const char *expected[] = {
    "Najdłużej trwa obsługa tematu „gospodarka odpadami”: średnio 3" N "min 25" N "s; "
    "najkrócej tematu „podatki i" N "opłaty”: średnio 1" N "min 5" N "s.",
    /* (typesetting glues the one-letter unit to what follows, as any one-letter word) */
    "Średni czas obsługi jednego zgłoszenia: 3" N "min 8" N "s" N "(zgłoszenia z" N "zapisanym czasem: 23" N "882).",
    NULL,
  };

  assert_sentences (t, expected);
  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpstr (row_of (t, 0)[0].text, ==, "gospodarka odpadami");
  g_assert_cmpfloat (row_of (t, 0)[2].value, ==, 205);
  g_assert_cmpfloat (row_of (t, 1)[3].value, ==, 2882 * 65);
  g_assert_cmpstr (row_of (t, 1)[3].text, ==, "52" N "h 2" N "min");   /* 187 330 s */
}

/* 1 zgłoszenie, 2–4 zgłoszenia, 5+ zgłoszeń, 22 zgłoszenia, 112 zgłoszeń;
 * after "po": 1 zgłoszeniu. */
static void
test_plurals (void)
{
  static const struct { int a, b; gint64 na, nb; const char *sentence; } cases[] = {
    { 3, 0, 1, 0, "Zgłoszenia są tylko w" N "marcu: 1 zgłoszenie." },
    { 3, 9, 3, 112, "Najwięcej we wrześniu: 112 zgłoszeń, najmniej w" N "marcu: 3 zgłoszenia." },
    { 3, 5, 22, 5, "Najwięcej w" N "marcu: 22 zgłoszenia, najmniej w" N "maju: 5 zgłoszeń." },
    { 3, 5, 1, 1, "Tyle samo zgłoszeń w" N "marcu i" N "w" N "maju: po 1 zgłoszeniu." },
    { 1, 12, 24, 1021, "Najwięcej w" N "grudniu: 1" N "021 zgłoszeń, najmniej w" N "styczniu: 24 zgłoszenia." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RocznikYear) y = rocznik_year_new (2020);
      g_autoptr(RocznikReportCalls) calls = NULL;
      gint64 months[12] = { 0 };
      const RocznikReportCallsTable *t;
      guint gaps = 12 - 1 - (cases[i].b != 0), n_gaps;

      months[cases[i].a - 1] = cases[i].na;
      if (cases[i].b)
        months[cases[i].b - 1] = cases[i].nb;
      topic_with_months (y, "sprawy", months);
      calls = rocznik_report_calls_new (y);
      t = table_of (calls, ROCZNIK_REPORT_CALLS_MONTHS);
      g_assert_cmpstr (t->sentences[0], ==, cases[i].sentence);
      /* every other month is a gap, said once */
      g_assert_nonnull (strstr (t->sentences[1], "brak danych"));
      g_assert_cmpuint (g_strv_length (t->sentences), ==, 2);
      g_assert_cmpuint (t->rows->len, ==, 12);
      n_gaps = 0;
      for (guint m = 0; m < 12; m++)
        n_gaps += row_of (t, m)[1].kind == ROCZNIK_REPORT_CELL_GAP;
      g_assert_cmpuint (n_gaps, ==, gaps);
    }
}

/* Ties are named together, never one of them picked. */
static void
test_ties (void)
{
  g_autoptr(RocznikYear) y = rocznik_year_new (2021);
  g_autoptr(RocznikReportCalls) calls = NULL;
  RocznikTopic *t;

  set_duration (rocznik_year_add_topic (y, "b", 10), 10, 10 * 120);
  set_duration (rocznik_year_add_topic (y, "a", 5), 4, 4 * 120);
  t = rocznik_year_add_topic (y, "c", 3);
  set_duration (t, 3, 3 * 45);
  y->calls = rocznik_call_profile_new ();
  rocznik_call_profile_add_channel (y->calls, "telefon", 400);
  rocznik_call_profile_add_channel (y->calls, "e-mail", 400);
  rocznik_call_profile_add_channel (y->calls, "aplikacja", 200);
  y->calls->has_hours = TRUE;
  y->calls->hours[2][9] = 7;     /* Wednesday 9:00 and Thursday 13:00 */
  y->calls->hours[3][13] = 7;
  calls = rocznik_report_calls_new (y);

  g_assert_null (table_of (calls, ROCZNIK_REPORT_CALLS_MONTHS));
  /* equal channels in alphabetical order */
  g_assert_cmpstr (row_of (table_of (calls, ROCZNIK_REPORT_CALLS_CHANNELS), 0)[0].text, ==, "e-mail");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_CHANNELS)->sentences[0], ==,
                   "Największe kanały to e-mail i" N "telefon: po 40,0% zgłoszeń (po 400 z" N "1" N "000).");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_DURATION)->sentences[0], ==,
                   "Najdłużej trwa obsługa tematów „a” i" N "„b”: średnio 2" N "min; najkrócej tematu „c”: średnio 45" N "s.");
  /* windows 8–10, 9–11, 12–14 and 13–15 each hold 7 */
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_HOURS)->sentences[0], ==,
                   "Najwięcej zgłoszeń wpływa między 8:00 a" N "10:00, między 9:00 a" N "11:00, między 12:00 a" N "14:00 "
                   "oraz między 13:00 a" N "15:00: po 7 zgłoszeń, czyli po 50,0% wszystkich.");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_HOURS)->sentences[1], ==,
                   "Najbardziej obłożona godzina tygodnia: w" N "środy między 9:00 a" N "10:00 oraz w" N "czwartki "
                   "między 13:00 a" N "14:00 (w" N "całym roku po 7 zgłoszeń).");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_HOURS)->sentences[2], ==,
                   "Tyle samo zgłoszeń w" N "środy i" N "w" N "czwartki: po 7 zgłoszeń.");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_HOURS)->sentences[3], ==,
                   "W" N "poniedziałki, we wtorki, w" N "piątki, w" N "soboty i" N "w" N "niedziele nie było żadnego zgłoszenia.");
  g_assert_cmpstr (table_of (calls, ROCZNIK_REPORT_CALLS_HOURS)->sentences[4], ==,
                   "Od 14:00 do 9:00 nie było żadnego zgłoszenia; tabela pomija te godziny.");
}

/* Many ties: the first three and how many more, or only how many. */
static void
test_many_ties (void)
{
  g_autoptr(RocznikYear) y = rocznik_year_new (2022);
  g_autoptr(RocznikReportCalls) calls = NULL;
  const char *const names[] = { "a", "b", "c", "d", "e", "f" };
  const RocznikReportCallsTable *hours;
  const RocznikReportCallsTable *duration;

  /* Monday to Friday, 8:00 to 16:00, 5 calls an hour: 200 in all */
  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  for (int d = 0; d < 5; d++)
    for (int h = 8; h < 16; h++)
      y->calls->hours[d][h] = 5;
  /* six topics of one minute each */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    set_duration (rocznik_year_add_topic (y, names[i], 2), 2, 120);
  calls = rocznik_report_calls_new (y);
  hours = table_of (calls, ROCZNIK_REPORT_CALLS_HOURS);
  duration = table_of (calls, ROCZNIK_REPORT_CALLS_DURATION);

  /* windows from 8–10 to 14–16 hold 50 each: seven of them */
  g_assert_cmpstr (hours->sentences[0], ==,
                   "Najwięcej zgłoszeń wpływa między 8:00 a" N "10:00, między 9:00 a" N "11:00, między 10:00 a" N "12:00 "
                   "oraz w" N "4 innych przedziałach dwugodzinnych: po 50 zgłoszeń, czyli po 25,0% wszystkich.");
  g_assert_cmpstr (hours->sentences[1], ==,
                   "Najwięcej zgłoszeń w" N "jednej godzinie tygodnia, po 5, przypada na 40 różnych godzin.");
  g_assert_cmpstr (hours->sentences[2], ==,
                   "Tyle samo zgłoszeń w" N "poniedziałki, we wtorki, w" N "środy, w" N "czwartki i" N "w" N "piątki: po 40 zgłoszeń.");
  g_assert_cmpstr (duration->sentences[0], ==,
                   "Średni czas obsługi jest taki sam we wszystkich tematach: 1" N "min.");
  g_assert_cmpstr (duration->sentences[1], ==,
                   "Średni czas obsługi jednego zgłoszenia: 1" N "min (zgłoszenia z" N "zapisanym czasem: 12).");

  /* twelve months alike */
  {
    static const gint64 even[12] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 };
    g_autoptr(RocznikYear) z = rocznik_year_new (2023);
    g_autoptr(RocznikReportCalls) c = NULL;

    topic_with_months (z, "sprawy", even);
    c = rocznik_report_calls_new (z);
    g_assert_cmpstr (table_of (c, ROCZNIK_REPORT_CALLS_MONTHS)->sentences[0], ==,
                     "Tyle samo zgłoszeń w" N "styczniu, w" N "lutym, w" N "marcu i" N "w" N "9 innych miesiącach: po 10 zgłoszeń.");
  }
}

/* No per-call data: no section at all. */
static void
test_none (void)
{
  g_autoptr(RocznikYear) plain = rocznik_year_new (2018);
  g_autoptr(RocznikYear) empty = rocznik_year_new (2018);
  g_autoptr(RocznikReportCalls) a = NULL;
  g_autoptr(RocznikReportCalls) b = NULL;
  gint64 zero[12] = { 0 };

  rocznik_year_add_topic (plain, "sprawy", 10);
  a = rocznik_report_calls_new (plain);
  g_assert_null (a);
  /* months declared but all empty, a profile without hours or channels */
  topic_with_months (empty, "sprawy", zero);
  empty->calls = rocznik_call_profile_new ();
  b = rocznik_report_calls_new (empty);
  g_assert_null (b);
}

/* ---- the writers --------------------------------------------------------- */

static char *
out_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* The report of 2019 with its calls section, profile_year() stored in a
 * workspace and read back as every report reads it. */
static void
write_profile_report (const char *path)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) y = profile_year ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  RocznikReportOptions options = { .now = now };
  g_autoptr(RocznikReportContent) content = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  content = rocznik_report_content_new (ws, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content->calls);
  g_assert_cmpuint (content->calls->tables->len, ==, 4);
  g_assert_true (rocznik_report_write (ws, &options, path, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("„%s” is not in the text:\n%s", part, text);
}

static void
test_pdf (void)
{
  g_autofree char *path = out_path ("zgloszenia.pdf");
  g_autofree char *text = NULL;

  write_profile_report (path);
  text = test_pdf_text (path, TRUE);
  assert_contains (text, "Kiedy i jak mieszkańcy się zgłaszają");
  assert_contains (text, "Miesiące Najwięcej w marcu: 5 432 zgłoszenia, najmniej w styczniu i w lutym: po 1 500 zgłoszeń.");
  assert_contains (text, "Za kwiecień i maj brak danych: to luka w danych, nie zero zgłoszeń.");
  assert_contains (text, "Miesiąc Zgłoszenia Udział styczeń 1 500 6,1% luty 1 500 6,1% marzec 5 432 22,1% "
                         "kwiecień brak danych — maj brak danych —");
  assert_contains (text, "Razem (miesiące z danymi) 24 582 100,0%");
  assert_contains (text, "Najwięcej zgłoszeń wpływa między 9:00 a 11:00: 310 zgłoszeń, czyli 36,0% wszystkich.");
  assert_contains (text, "Godzina pon. wt. śr. czw. pt. sob. niedz. Razem 7:00–8:00 10 10 10 10 10 0 0 50");
  assert_contains (text, "9:00–10:00 100 50 10 10 10 0 0 180");
  assert_contains (text, "Razem 300 170 130 130 130 0 0 860");
  assert_contains (text, "Największy kanał to telefon: 62,4% zgłoszeń (537 z 860).");
  assert_contains (text, "telefon 537 62,4% e-mail 200 23,3% aplikacja 123 14,3% Razem 860 100,0%");
  assert_contains (text, "Najdłużej trwa obsługa tematu „gospodarka odpadami”: średnio 3 min 25 s;");
  assert_contains (text, "gospodarka odpadami 21 000 3 min 25 s 1 195 h 50 min");
}

static void
test_html (void)
{
  g_autofree char *path = out_path ("zgloszenia.html");
  g_autofree char *html = NULL;

  write_profile_report (path);
  html = test_read_file (path);
  assert_contains (html, "<section aria-labelledby=\"zgloszenia\">\n<h2 id=\"zgloszenia\">Kiedy i jak mieszkańcy się zgłaszają</h2>\n");
  assert_contains (html, "<h3>Miesiące</h3>\n<p>Najwięcej w" N "marcu: 5" N "432 zgłoszenia, najmniej w" N "styczniu i" N "w" N "lutym: po 1" N "500 zgłoszeń. Za kwiecień i" N "maj brak danych: to luka w" N "danych, nie zero zgłoszeń. Podział");
  assert_contains (html, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tabela-zgloszenia-1\">\n<table>\n"
                         "<caption id=\"tabela-zgloszenia-1\">Zgłoszenia w" N "miesiącach 2019 r.</caption>\n");
  assert_contains (html, "<tr><th scope=\"row\">kwiecień</th><td class=\"num note\">brak danych</td><td class=\"num note\">—</td></tr>");
  assert_contains (html, "<tfoot>\n<tr class=\"sum\"><th scope=\"row\">Razem (miesiące z danymi)</th><td class=\"num\">24" N "582</td>");
  assert_contains (html, "<th scope=\"col\" class=\"num\">niedz.</th>");
  assert_contains (html, "<h3>Kanały</h3>\n<p>Największy kanał to telefon: 62,4% zgłoszeń (537 z" N "860).</p>");
  assert_contains (html, "<caption id=\"tabela-zgloszenia-4\">Czas obsługi zgłoszeń według tematu w" N "2019 r.</caption>");
  /* before the lists and notes, after the charts */
  g_assert_true (strstr (html, "id=\"zgloszenia\"") > strstr (html, "id=\"wykresy\""));
}

/* The workbook read back by openpyxl: numbers, formulas, gaps, native charts. */
static void
test_xlsx (void)
{
  g_autofree char *path = out_path ("zgloszenia.xlsx");
  const char *argv[] = { PYTHON, REPORT_CALLS_CHECK, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  write_profile_report (path);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("report-calls-check.py: %s%s", out, err);
  g_assert_cmpstr (out, ==, "ok\n");
}

/* The CSV is one table for spreadsheets (topics; no place for sections):
 * the calls section leaves it as it was. */
static void
test_csv (void)
{
  g_autofree char *path = out_path ("zgloszenia.csv");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  write_profile_report (path);
  csv = test_read_file (path);
  lines = g_strsplit (csv, "\r\n", -1);
  /* header, three topics, their sum, and the empty rest after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[1], ==, "\"gospodarka odpadami\";21700;88,2");
  g_assert_cmpstr (lines[4], ==, "\"Suma tematów\";24600;100,0");
  g_assert_null (strstr (csv, "Miesiąc"));
  g_assert_null (strstr (csv, "zgłosze"));
}

/* A year without per-call data: no section, not even its heading. */
static void
test_no_section (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  RocznikReportOptions options = { .now = now };
  g_autofree char *pdf = out_path ("bez.pdf");
  g_autofree char *html_path = out_path ("bez.html");
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_report_write (ws, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_report_write (ws, &options, html_path, NULL, &error));
  g_assert_no_error (error);
  text = test_pdf_text (pdf, TRUE);
  html = test_read_file (html_path);
  assert_contains (text, "Tematy rozmów");
  g_assert_null (strstr (text, "Kiedy i jak"));
  g_assert_null (strstr (text, "zgłoszeń"));
  g_assert_null (strstr (html, "Kiedy i jak"));
  g_assert_null (strstr (html, "zgloszenia"));
  g_unlink (pdf);
  g_unlink (html_path);
}

/* ---- end to end ---------------------------------------------------------- */

/* gettext's Polish rule, written out here apart from the program's. */
static const char *
noun_for (gint64 n)
{
  if (n == 1)
    return "zgłoszenie";
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
    return "zgłoszenia";
  return "zgłoszeń";
}

/* "2 961" as pdftotext gives it (U+00A0 read as a space). */
static char *
spaced (gint64 n)
{
  return n >= 1000 ? g_strdup_printf ("%d %03d", (int) (n / 1000), (int) (n % 1000))
                   : g_strdup_printf ("%d", (int) n);
}

/* A per-call export (Windows-1250, dates and times, channels, handling
 * times) imported, stored and reported: the busiest and quietest month and
 * the largest channel's share, worked out here from the tables the
 * fixture's generator counted while writing the rows (FILE.calls). */
static void
test_end_to_end (void)
{
  static const char *const in[] = { "w styczniu", "w lutym", "w marcu", "w kwietniu", "w maju", "w czerwcu",
                                    "w lipcu", "w sierpniu", "we wrześniu", "w październiku",
                                    "w listopadzie", "w grudniu" };
  g_autofree char *csv = g_build_filename (CALLS_DIR, "rozmowy-2019-cp1250.csv", NULL);
  g_autofree char *tables_path = g_strconcat (csv, ".calls", NULL);
  g_autofree char *tables = test_read_file (tables_path);
  g_auto(GStrv) lines = g_strsplit (tables, "\n", -1);
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  RocznikReportOptions options = { .year = 2019, .now = now };
  g_autofree char *pdf = out_path ("import.pdf");
  g_autofree char *text = NULL;
  g_autofree char *months_sentence = NULL;
  g_autofree char *channel_sentence = NULL;
  g_autofree char *max_n = NULL;
  g_autofree char *min_n = NULL;
  g_autofree char *top_n = NULL;
  g_autofree char *all_n = NULL;
  g_autofree char *share = NULL;
  gint64 months[12] = { 0 }, top = 0, all = 0;
  const char *top_name = NULL;
  int max = -1, min = -1;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strcmp0 (f[0], "month") == 0 && g_strcmp0 (f[1], "2019") == 0)
        months[atoi (f[2]) - 1] = g_ascii_strtoll (f[3], NULL, 10);
      else if (g_strcmp0 (f[0], "channel") == 0 && g_strcmp0 (f[1], "2019") == 0)
        {
          gint64 n = g_ascii_strtoll (f[3], NULL, 10);

          all += n;
          if (n > top)
            {
              top = n;
              top_name = g_intern_string (f[2]);
            }
        }
    }
  for (int m = 0; m < 12; m++)
    {
      if (months[m] > 0 && (max < 0 || months[m] > months[max]))
        max = m;
      if (months[m] > 0 && (min < 0 || months[m] < months[min]))
        min = m;
    }
  /* the fixture has one busiest and one quietest month, every month with calls */
  for (int m = 0; m < 12; m++)
    {
      g_assert_cmpint (months[m], >, 0);
      g_assert_true (m == max || months[m] != months[max]);
      g_assert_true (m == min || months[m] != months[min]);
    }
  max_n = spaced (months[max]);
  min_n = spaced (months[min]);
  months_sentence = g_strdup_printf ("Najwięcej %s: %s %s, najmniej %s: %s %s.", in[max], max_n,
                                     noun_for (months[max]), in[min], min_n, noun_for (months[min]));
  top_n = spaced (top);
  all_n = spaced (all);
  share = g_strdup_printf ("%.1f%%", 100.0 * top / all);
  *strchr (share, '.') = ',';
  channel_sentence = g_strdup_printf ("Największy kanał to %s: %s zgłoszeń (%s z %s).", top_name, share, top_n, all_n);

  import = rocznik_import_file (csv, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_store_years (ws, rocznik_import_get_years (import), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_report_write (ws, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  text = test_pdf_text (pdf, TRUE);
  assert_contains (text, "Kiedy i jak mieszkańcy się zgłaszają");
  assert_contains (text, months_sentence);
  assert_contains (text, channel_sentence);
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("rocznik-report-calls-XXXXXX", NULL);

  g_test_add_func ("/report-calls/months", test_months);
  g_test_add_func ("/report-calls/hours", test_hours);
  g_test_add_func ("/report-calls/channels", test_channels);
  g_test_add_func ("/report-calls/duration", test_duration);
  g_test_add_func ("/report-calls/plurals", test_plurals);
  g_test_add_func ("/report-calls/ties", test_ties);
  g_test_add_func ("/report-calls/many-ties", test_many_ties);
  g_test_add_func ("/report-calls/none", test_none);
  g_test_add_func ("/report-calls/pdf", test_pdf);
  g_test_add_func ("/report-calls/html", test_html);
  g_test_add_func ("/report-calls/xlsx", test_xlsx);
  g_test_add_func ("/report-calls/csv", test_csv);
  g_test_add_func ("/report-calls/no-section", test_no_section);
  g_test_add_func ("/report-calls/end-to-end", test_end_to_end);

  status = g_test_run ();
  if (g_getenv ("ROCZNIK_KEEP_REPORTS") == NULL)
    {
      const char *names[] = { "zgloszenia.pdf", "zgloszenia.html", "zgloszenia.xlsx", "zgloszenia.csv" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = out_path (names[i]);
          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }
  else
    g_printerr ("# reports kept in %s\n", tmpdir);
  g_free (tmpdir);
  return status;
}
