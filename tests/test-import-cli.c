/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `rocznik --import` as a user runs it: summaries, exit codes, messages that
 * name the file and line, and a workspace left byte for byte unchanged by
 * anything refused. */

#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-test-util.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_FIXTURES"), name, NULL);
}

typedef struct
{
  char *dir;
  char *ws;
} Fixture;

/* A workspace made by rocznik itself: the sample year 2018. */
static void
set_up (Fixture *f, gconstpointer data)
{
  Run r = { 0 };

  f->dir = g_dir_make_tmp ("rocznik-import-cli-XXXXXX", NULL);
  f->ws = g_build_filename (f->dir, "workspace.db", NULL);
  run (&r, "C.UTF-8", "--list", "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *journal = g_strconcat (f->ws, "-journal", NULL);

  g_remove (journal);
  g_remove (f->ws);
  g_rmdir (f->dir);
  g_free (f->ws);
  g_free (f->dir);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("seed-2018-bom.csv");
  g_autofree char *wide = fixture ("wide-2017-2019.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r = { 0 };

  /* 2018 is only the bundled sample's: imported data replaces it unasked */
  run (&r, "C.UTF-8", "--import", csv, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "2018: 17 topics, 388\u00a0468 calls (declared total: 388\u00a0468) — replaces the bundled sample"));

  /* a real year is not: refused without --replace, nothing changes */
  before = file_digest (f->ws);
  run (&r, "C.UTF-8", "--import", csv, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "2018: 17 topics, 388\u00a0468 calls (declared total: 388\u00a0468) — already in the workspace"));
  g_assert_nonnull (strstr (r.err, "rocznik: file seed-2018-bom.csv: the year 2018 is already in the workspace"));
  after = file_digest (f->ws);
  g_assert_cmpstr (before, ==, after);

  run (&r, "C.UTF-8", "--import", "--year", "2016", csv, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "2016: 17 topics, 388\u00a0468 calls"));
  run (&r, "C.UTF-8", "--list", "--year", "2016", "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "gospodarka odpadami\t70055\t18.0\n"));
  g_assert_nonnull (strstr (r.out, "Razem\t388468\t100.0\n"));

  /* several years from one file, 2018 replaced */
  run (&r, "C.UTF-8", "--import", "--replace", wide, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&r, "C.UTF-8", "--list", "--year", "2018", "--workspace", f->ws, NULL);
  g_assert_cmpstr (r.out, ==,
                   "gospodarka odpadami\t70055\t53.8\n"
                   "transport miejski i strefa parkowania\t58759\t45.1\n"
                   "oświata\t1389\t1.1\n"
                   "Razem\t130203\t100.0\n");
  run_clear (&r);
}

static const struct { const char *file; const char *message; const char *polish; } bad[] = {
  { "bad/not-a-number.csv", "rocznik: file not-a-number.csv, line 3: „dużo” is not a number of calls\n", "rocznik: plik not-a-number.csv, wiersz 3: „dużo” nie jest liczbą rozmów\n" },
  { "bad/negative.csv", "rocznik: file negative.csv, line 3: „-5” is negative; a number of calls cannot be\n", "rocznik: plik negative.csv, wiersz 3: „-5” jest liczbą ujemną" },
  { "bad/unterminated.csv", "rocznik: file unterminated.csv, line 2: a quoted field starts here and is never closed\n", "rocznik: plik unterminated.csv, wiersz 2: tu zaczyna się pole w cudzysłowie" },
  { "bad/nul.csv", "rocznik: file nul.csv, line 3: a NUL byte; this is not a text file\n", "rocznik: plik nul.csv, wiersz 3: bajt NUL; to nie jest plik tekstowy" },
  { "bad/mixed-encoding.csv", "rocznik: file mixed-encoding.csv, line 3: the text mixes UTF-8 with another encoding", "rocznik: plik mixed-encoding.csv, wiersz 3: tekst łączy UTF-8 z innym kodowaniem" },
  { "bad/empty.csv", "rocznik: file empty.csv: the file is empty\n", "rocznik: plik empty.csv: plik jest pusty" },
  { "bad/no-numbers.csv", "rocznik: file no-numbers.csv: found no column with numbers of calls", "rocznik: plik no-numbers.csv: nie znaleziono kolumny z liczbami rozmów" },
  { "bad/garbage.bin", "rocznik: file garbage.bin, line 1: a NUL byte", "rocznik: plik garbage.bin, wiersz 1: bajt NUL" },
  { "bad/too-large.csv", "rocznik: file too-large.csv, line 2: „9007199254740993” is too large", "rocznik: plik too-large.csv, wiersz 2: „9007199254740993” to za dużo" },
};

static void
test_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *before = file_digest (f->ws);
  Run r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = fixture (bad[i].file);
      g_autofree char *after = NULL;

      g_test_message ("%s", bad[i].file);
      run (&r, "C.UTF-8", "--import", "--replace", "--year", "2019", path, "--workspace", f->ws, NULL);
      g_assert_cmpint (r.status, ==, 1);
      if (!g_str_has_prefix (r.err, bad[i].message))
        g_error ("%s: got „%s”", bad[i].file, r.err);
      after = file_digest (f->ws);
      g_assert_cmpstr (before, ==, after);

      /* under a Polish locale: the same refusal, in Polish */
      run (&r, "pl_PL.UTF-8", "--import", "--replace", "--year", "2019", path, "--workspace", f->ws, NULL);
      g_assert_cmpint (r.status, ==, 1);
      if (!g_str_has_prefix (r.err, bad[i].polish))
        g_error ("%s: got „%s”", bad[i].file, r.err);
      g_free (after);
      after = file_digest (f->ws);
      g_assert_cmpstr (before, ==, after);
    }

  /* a good file and a bad one: all or nothing */
  {
    g_autofree char *good = fixture ("quoted-multiline-2019.csv");
    g_autofree char *broken = fixture ("bad/negative.csv");
    g_autofree char *after = NULL;

    run (&r, "C.UTF-8", "--import", good, broken, "--workspace", f->ws, NULL);
    g_assert_cmpint (r.status, ==, 1);
    after = file_digest (f->ws);
    g_assert_cmpstr (before, ==, after);
  }
  run_clear (&r);
}

/* `rocznik` reads XLSX through a module it loads only then */
static void
test_xlsx (Fixture *f, gconstpointer data)
{
  g_autofree char *seed = g_build_filename (g_getenv ("ROCZNIK_XLSX"), "seed-2018-gnumeric.xlsx", NULL);
  g_autofree char *bomb = g_build_filename (g_getenv ("ROCZNIK_XLSX"), "bomb.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--year", "2016", seed, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "seed-2018-gnumeric.xlsx: Excel workbook (XLSX), sheet „Tematy 2018”"));
  g_assert_nonnull (strstr (r.out, "2016: 17 topics, 388\u00a0468 calls"));
  run (&r, "C.UTF-8", "--list", "--year", "2016", "--workspace", f->ws, NULL);
  g_assert_nonnull (strstr (r.out, "gospodarka odpadami\t70055\t18.0\n"));

  before = file_digest (f->ws);
  run (&r, "C.UTF-8", "--import", "--replace", bomb, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "rocznik: file bomb.xlsx: "));
  after = file_digest (f->ws);
  g_assert_cmpstr (before, ==, after);
  run_clear (&r);
}

static void
test_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("seed-2018-cp1250.csv");
  g_autofree char *iso = fixture ("zapytania-2018-iso88592.tsv");
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run (&r, "C.UTF-8", "--import", "--delimiter", "x", csv, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 2);

  /* the preview can be overridden: encoding, delimiter (an ISO-8859-2 file
   * read as Windows-1250 has other letters but no control characters, which
   * the other way round would be refused in a topic name) */
  run (&r, "C.UTF-8", "--import", "--year", "2019", "--encoding", "WINDOWS-1250", "--delimiter", "tab",
       iso, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "delimiter tab, encoding WINDOWS-1250"));
  run_clear (&r);
}

static char *
request (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_REQUESTS"), name, NULL);
}

/* `rocznik --list` of each year in FILE.expected ("YEAR\tTOPIC\tCOUNT",
 * counted by the generator) holds exactly those topics and counts. */
static void
assert_listed (Fixture    *f,
               const char *expected_name)
{
  g_autofree char *path = request (expected_name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer year, out;
  Run r = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) field = g_strsplit (lines[i], "\t", 3);
      g_autofree char *want = g_strdup_printf ("\n%s\t%s\t", field[1], field[2]);
      const char *list;

      if (!g_hash_table_contains (listed, field[0]))
        {
          run (&r, "C.UTF-8", "--list", "--year", field[0], "--workspace", f->ws, NULL);
          g_assert_cmpint (r.status, ==, 0);
          g_hash_table_insert (listed, g_strdup (field[0]), g_strconcat ("\n", r.out, NULL));
        }
      list = g_hash_table_lookup (listed, field[0]);
      if (strstr (list, want) == NULL)
        g_error ("%s: „%s” not in %s", expected_name, want + 1, list);
      g_hash_table_insert (topics, g_strdup (field[0]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (topics, field[0])) + 1));
    }
  /* and no other topic: one line per topic, then "Razem" */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &year, &out))
    {
      guint n = 0;

      for (const char *p = out; (p = strchr (p + 1, '\n')) != NULL && p[1]; )
        n++;
      g_assert_cmpuint (n, ==, GPOINTER_TO_UINT (g_hash_table_lookup (topics, year)));
    }
  run_clear (&r);
}

/* The contact centre's UTF-16 export: no options, both years exactly; with
 * --where, the phone calls only; a dry run writes nothing. */
static void
test_requests (Fixture *f, gconstpointer data)
{
  g_autofree char *txt = request ("zgloszenia-2014-2015.txt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r = { 0 };

  before = file_digest (f->ws);
  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", txt, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "zgloszenia-2014-2015.txt: tekst z separatorami, separator: tabulator, kodowanie: UTF-16LE, końce wierszy: CRLF\n"));
  g_assert_nonnull (strstr (r.out, "Kolumny: data rozmowy „Data przyjęcia”, temat „Typ zgłoszenia”, kanał „Źródło”\n"));
  g_assert_nonnull (strstr (r.out, "Próba: niczego nie zapisano.\n"));
  after = file_digest (f->ws);
  g_assert_cmpstr (before, ==, after);

  run (&r, "C.UTF-8", "--import", txt, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, "zgloszenia-2014-2015.txt.expected");

  run (&r, "C.UTF-8", "--import", "--replace", "--where", "Źródło=TELEFON", txt, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, "zgloszenia-2014-2015.txt.telefon");
  run_clear (&r);
}

/* 311: detected, or by --topic-column; never stored wrong. */
static void
test_311 (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = request ("311-2010-2011.csv");
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--topic-column", "Complaint Type", "--date-column", "Created Date", csv,
       "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Dates are read month first (03/01/2011 is 1 March)\n"));
  assert_listed (f, "311-2010-2011.csv.expected");
  run_clear (&r);
}

/* Each refusal: the exact Polish message, and the workspace unchanged. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *cases = request ("sprawy-bez-nazw.csv");
  g_autofree char *wide = fixture ("wide-2017-2019.csv");
  g_autofree char *cr = request ("tematy-2018-cr.csv");
  g_autofree char *abc = request ("zly-czas-abc.csv");
  g_autofree char *minutes = request ("zly-czas-1-75.csv");
  g_autofree char *xlsx = request ("zly-czas-2019.xlsx");
  g_autofree char *hour = request ("zla-godzina.csv");
  g_autofree char *two = request ("dwa-kanaly.csv");
  g_autofree char *before = file_digest (f->ws);
  struct { const char *args[8]; const char *file; const char *polish; } refusals[] = {
    { { NULL }, cases, "rocznik: plik sprawy-bez-nazw.csv: nie wiadomo, która kolumna zawiera datę rozmowy: „Data A”, „Data B”; wybierz ją opcją --date-column\n" },
    { { "--date-column", "Data A", NULL }, cases, "rocznik: plik sprawy-bez-nazw.csv: nie wiadomo, która kolumna zawiera temat rozmowy: „Kanał”, „Rodzaj”; wybierz ją opcją --topic-column\n" },
    { { "--date-column", "Data C", NULL }, cases, "rocznik: plik sprawy-bez-nazw.csv: nie ma kolumny „Data C”; kolumny to „Numer”, „Data A”, „Data B”, „Kanał”, „Rodzaj”\n" },
    { { "--date-column", "2", "--topic-column", "5", "--year", "2016", NULL }, cases, "rocznik: plik sprawy-bez-nazw.csv: brak liczb dla roku 2016; plik ma lata 2019, 2020\n" },
    { { "--year", "2016", NULL }, wide, "rocznik: plik wide-2017-2019.csv: brak liczb dla roku 2016; plik ma lata 2017, 2018, 2019\n" },
    { { "--year", "2016", "--topic-column", "Inna", NULL }, cr, "rocznik: plik tematy-2018-cr.csv: nie ma kolumny „Inna”; kolumny to „Temat”, „Liczba rozmów”\n" },
    { { "--where", "Temat", NULL }, cr, "rocznik: „Temat” nie jest warunkiem; napisz KOLUMNA=WARTOŚĆ, np. „Źródło=TELEFON”\n" },
    /* per-call records: handling time, time of day, channel */
    { { NULL }, abc, "rocznik: plik zly-czas-abc.csv, wiersz 3: „abc” w kolumnie „Czas rozmowy” nie jest czasem obsługi (oczekiwano sekund, np. 95, albo 1:35 lub 0:01:35); wybierz inną kolumnę opcją --duration-column albo podaj --duration-column -, jeśli plik nie ma czasu obsługi\n" },
    { { NULL }, minutes, "rocznik: plik zly-czas-1-75.csv, wiersz 3: „1:75” w kolumnie „Czas rozmowy” nie jest czasem obsługi (oczekiwano sekund, np. 95, albo 1:35 lub 0:01:35); wybierz inną kolumnę opcją --duration-column albo podaj --duration-column -, jeśli plik nie ma czasu obsługi\n" },
    { { NULL }, xlsx, "rocznik: plik zly-czas-2019.xlsx, arkusz Rozmowy, komórka C3: „-5” w kolumnie „Czas rozmowy” nie jest czasem obsługi (oczekiwano sekund, np. 95, albo 1:35 lub 0:01:35); wybierz inną kolumnę opcją --duration-column albo podaj --duration-column -, jeśli plik nie ma czasu obsługi\n" },
    { { NULL }, hour, "rocznik: plik zla-godzina.csv, wiersz 3: „25:99” w kolumnie „Godzina” nie jest godziną (oczekiwano np. 07:45 lub 7:45 PM); wybierz inną kolumnę opcją --time-column albo podaj --time-column -, jeśli plik nie ma godzin\n" },
    { { NULL }, two, "rocznik: plik dwa-kanaly.csv: nie wiadomo, która kolumna zawiera kanał rozmowy: „Kanał”, „Kanał kontaktu”; wybierz ją opcją --channel-column\n" },
    { { "--channel-column", "Kanał kontaktu", "--duration-column", "Czas", NULL }, two, "rocznik: plik dwa-kanaly.csv: nie ma kolumny „Czas”; kolumny to „Data”, „Temat”, „Kanał”, „Kanał kontaktu”\n" },
  };
  Run r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *after = NULL;
      const char *a[16] = { NULL };
      guint n = 0;

      g_test_message ("refusal %u", i);
      a[n++] = "--import";
      for (guint j = 0; refusals[i].args[j]; j++)
        a[n++] = refusals[i].args[j];
      a[n++] = refusals[i].file;
      a[n++] = "--workspace";
      a[n++] = f->ws;
      run (&r, "pl_PL.UTF-8", a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.err, ==, refusals[i].polish);
      after = file_digest (f->ws);
      g_assert_cmpstr (before, ==, after);
    }
  run_clear (&r);
}

/* Per-call records: the channel, handling time and time of day chosen by
 * option, or none ("-"). */
static void
test_calls (Fixture *f, gconstpointer data)
{
  g_autofree char *two = request ("dwa-kanaly.csv");
  g_autofree char *abc = request ("zly-czas-abc.csv");
  g_autofree char *pl = request ("rozmowy-2019-cp1250.csv");
  Run r = { 0 };

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--channel-column", "Kanał kontaktu", two, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Kolumny: data rozmowy „Data”, temat „Temat”, kanał „Kanał kontaktu”\n"));
  g_assert_nonnull (strstr (r.out, "2019: 2 tematy, liczba rozmów 2, godziny tygodnia, 2 kanały\n"));

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", "--duration-column", "-", "--channel-column", "3", abc,
       "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Kolumny: data rozmowy „Data”, temat „Temat”, kanał „Kanał”\n"));

  run (&r, "pl_PL.UTF-8", "--import", "--dry-run", pl, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Kolumny: data rozmowy „Data”, temat „Temat”, kanał „Kanał”, czas obsługi „Czas rozmowy”\n"));
  g_assert_nonnull (strstr (r.out, "rozmów nie ma kanału; kanały liczą pozostałe\n"));
  run_clear (&r);
}

/* Choices given once are used for the next file with the same header. */
static void
test_remembered (Fixture *f, gconstpointer data)
{
  g_autofree char *cases = request ("sprawy-bez-nazw.csv");
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--date-column", "Data A", "--topic-column", "Rodzaj", cases, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&r, "C.UTF-8", "--import", "--replace", cases, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Columns and conditions as remembered for files with this header\n"));
  assert_listed (f, "sprawy-bez-nazw.csv.expected");
  run_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-cli/import", Fixture, NULL, set_up, test_import, tear_down);
  g_test_add ("/import-cli/bad", Fixture, NULL, set_up, test_bad, tear_down);
  g_test_add ("/import-cli/usage", Fixture, NULL, set_up, test_usage, tear_down);
  g_test_add ("/import-cli/xlsx", Fixture, NULL, set_up, test_xlsx, tear_down);
  g_test_add ("/import-cli/requests", Fixture, NULL, set_up, test_requests, tear_down);
  g_test_add ("/import-cli/311", Fixture, NULL, set_up, test_311, tear_down);
  g_test_add ("/import-cli/refusals", Fixture, NULL, set_up, test_refusals, tear_down);
  g_test_add ("/import-cli/remembered", Fixture, NULL, set_up, test_remembered, tear_down);
  g_test_add ("/import-cli/calls", Fixture, NULL, set_up, test_calls, tear_down);
  return g_test_run ();
}
