/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and odd input for every importer (XLSX, report text, CSV) and the
 * workspace: exact counts per topic and year, computed here from the same
 * figures the fixtures were written from, or the exact Polish refusal with
 * the workspace left byte for byte unchanged. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-import-private.h"
#include "rocznik-import.h"
#include "rocznik-sample.h"
#include "rocznik-test-util.h"
#include "rocznik-workspace.h"

static char *
xlsx (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_XLSX"), name, NULL);
}

static RocznikImport *
import_path (const char                 *path,
             const RocznikImportOptions *options,
             GError                    **error)
{
  return rocznik_import_file (path, options, NULL, NULL, NULL, error);
}

static RocznikYear *
year_of (RocznikImport *import,
         int            number)
{
  GPtrArray *years = rocznik_import_get_years (import);

  for (guint i = 0; i < years->len; i++)
    if (((RocznikYear *) g_ptr_array_index (years, i))->year == number)
      return g_ptr_array_index (years, i);
  g_error ("no year %d", number);
  return NULL;
}

static void
assert_topic (RocznikYear *year,
              const char  *name,
              gint64       count)
{
  RocznikTopic *t = rocznik_year_find_topic (year, name);

  if (t == NULL)
    g_error ("%d: no topic „%s”", year->year, name);
  g_assert_cmpstr (t->name, ==, name);
  g_assert_cmpint (t->count, ==, count);
}

/* A temporary file with @text, named @name. */
static char *
temp_file (const char *dir,
           const char *name,
           const char *text,
           gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return path;
}

/* A workspace made by rocznik itself, and each refusal in Polish. */
typedef struct
{
  char *dir;
  char *ws;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  Run r = { 0 };

  f->dir = g_dir_make_tmp ("rocznik-hostile-XXXXXX", NULL);
  f->ws = g_build_filename (f->dir, "workspace.db", NULL);
  run (&r, "C.UTF-8", "--list", "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->ws);
  g_free (f->dir);
}

/* `rocznik --import --replace PATH` under pl_PL: exit 1, exactly @polish on
 * stderr, the workspace unchanged. */
static void
assert_refused (Fixture    *f,
                const char *path,
                const char *polish)
{
  g_autofree char *before = file_digest (f->ws);
  g_autofree char *after = NULL;
  g_autofree char *want = g_strdup_printf ("rocznik: %s\n", polish);
  Run r = { 0 };

  run (&r, "pl_PL.UTF-8", "--import", "--replace", path, "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 1);
  if (!g_str_has_prefix (r.err, want))
    g_error ("%s:\n want „%s”\n got  „%s”", path, want, r.err);
  after = file_digest (f->ws);
  g_assert_cmpstr (before, ==, after);
  run_clear (&r);
}

typedef struct
{
  const char *text, *polish;
} TextCase;

/* Each text written to @name in turn, and refused. */
static void
assert_texts_refused (Fixture        *f,
                      const char     *name,
                      const TextCase *cases,
                      guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = temp_file (f->dir, name, cases[i].text, -1);

      g_test_message ("%s, case %u", name, i);
      assert_refused (f, path, cases[i].polish);
    }
}

/* 1. XLSX */

/* Counts that are SUM formulas with Excel's cached values; a formula row is
 * a total only when it adds up its own column above it. */
static void
test_xlsx_formulas (void)
{
  static const struct { const char *name; gint64 phone, mail; } topics[] = {
    { "gospodarka odpadami", 600, 100 }, { "podatki lokalne", 300, 50 }, { "transport", 900, 150 },
    { "oświata", 80, 20 }, { "zieleń miejska", 40, 2 },
  };
  static const struct { const char *name; gint64 counts[3]; } wide[] = {
    { "gospodarka odpadami", { 65000, 70055, 71000 } }, { "oświata", { 1200, 1389, 1500 } },
    { "podatki lokalne", { 300, 350, 420 } },
  };
  g_autofree char *path = xlsx ("sum-formulas-2019.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = import_path (path, NULL, &error);
  g_autoptr(RocznikImport) lata = NULL;
  RocznikImportOptions options;
  RocznikYear *year;
  gint64 total = 0;

  g_assert_no_error (error);
  year = year_of (import, 2019);
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 1);
  g_assert_cmpuint (year->topics->len, ==, G_N_ELEMENTS (topics));
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      assert_topic (year, topics[i].name, topics[i].phone + topics[i].mail);
      total += topics[i].phone + topics[i].mail;
    }
  /* "transport" (1 050) equals the two rows above it, but its formula adds
   * up its own row: a topic. "Wszystkie tematy" sums the column: the total. */
  g_assert_cmpint (total, ==, 2242);
  g_assert_cmpint (year->declared_total, ==, total);
  g_assert_cmpuint (rocznik_import_get_warnings (import)->len, ==, 0);

  rocznik_import_options_init (&options);
  options.sheet = "Lata";
  lata = import_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rocznik_import_get_years (lata)->len, ==, 3);
  for (int y = 0; y < 3; y++)
    {
      gint64 sum = 0;

      year = year_of (lata, 2017 + y);
      g_assert_cmpuint (year->topics->len, ==, G_N_ELEMENTS (wide));
      for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
        {
          assert_topic (year, wide[i].name, wide[i].counts[y]);
          sum += wide[i].counts[y];
        }
      /* one shared formula across the year columns: each year's total */
      g_assert_cmpint (year->declared_total, ==, sum);
    }
  g_assert_cmpuint (rocznik_import_get_warnings (lata)->len, ==, 0);
}

/* Which formulas make their row a total: those adding up their own column
 * above them; the cell is B21 (column 1, row 21). */
static void
test_xlsx_totals_column (void)
{
  static const struct { const char *formula; gboolean totals; } cases[] = {
    { "SUM(B4:B20)", TRUE }, { "=SUM(B2:B20)", TRUE }, { "sum( B$4:B$20 )", TRUE }, { "SUM($B$4:$B$20)", TRUE },
    { "SUBTOTAL(9,B4:B20)", TRUE }, { "SUBTOTAL(109,B4:B20)", TRUE }, { "_xlfn.SUM(B4:B20)", TRUE },
    { "B4+B5+B6", TRUE }, { "SUM(B4,B7,B9)", TRUE },
    { "SUM(C21:N21)", FALSE },       /* a row's months: a topic */
    { "C21+D21", FALSE }, { "SUM(B4:B21)", FALSE }, { "SUM(B4:B30)", FALSE }, { "SUM(B22:B30)", FALSE },
    { "B20", FALSE }, { "SUM(B20)", FALSE }, { "SUM(A4:B20)", FALSE }, { "SUM(Arkusz1!B4:B20)", FALSE },
    { "AVERAGE(B4:B20)", FALSE }, { "SUM(B4:B20)*2", FALSE }, { "SUM(B4:B20", FALSE }, { "", FALSE },
    { "SUM(B4:B20)+1", FALSE }, { "SUBTOTAL(1,B4:B20)", FALSE }, { "SUM(BBBB4:B20)", FALSE },
  };
  guint64 row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (rocznik_xlsx_totals_column (cases[i].formula, 1, 21) != cases[i].totals)
      g_error ("„%s”: expected %s", cases[i].formula, cases[i].totals ? "a total" : "no total");
  g_assert_cmpint (rocznik_xlsx_column_of ("XFD1048576", &row), ==, 16383);
  g_assert_cmpuint (row, ==, 1048576);
  g_assert_cmpint (rocznik_xlsx_column_of ("XFE1", &row), ==, -1);
  g_assert_cmpint (rocznik_xlsx_column_of ("B", &row), ==, -1);
  g_assert_cmpint (rocznik_xlsx_column_of ("B0", &row), ==, -1);
}

/* Old Excel for Mac counts days from 1904-01-01. */
static void
test_xlsx_1904 (void)
{
  g_autofree char *path = xlsx ("date1904-2019.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = import_path (path, NULL, &error);
  RocznikYear *y2019, *y2020;
  RocznikTopic *t;

  g_assert_no_error (error);
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 2);
  y2019 = year_of (import, 2019);
  y2020 = year_of (import, 2020);
  /* 14 Jan, 1 Mar, 4 Jul 2019; 31 Jan, 31 Dec 2019 and 2 Jan 2020 */
  assert_topic (y2019, "podatki lokalne", 3);
  assert_topic (y2019, "transport", 2);
  g_assert_cmpuint (y2019->topics->len, ==, 2);
  t = rocznik_year_find_topic (y2019, "podatki lokalne");
  g_assert_cmpint (t->months[0], ==, 1);
  g_assert_cmpint (t->months[2], ==, 1);
  g_assert_cmpint (t->months[6], ==, 1);
  t = rocznik_year_find_topic (y2019, "transport");
  g_assert_cmpint (t->months[0], ==, 1);
  g_assert_cmpint (t->months[11], ==, 1);
  assert_topic (y2020, "transport", 1);
  g_assert_cmpuint (y2020->topics->len, ==, 1);
  g_assert_cmpint (rocznik_year_find_topic (y2020, "transport")->months[0], ==, 1);
}

/* What the file claims is not what is kept: 84 million strings claimed,
 * three held; styled empty cells out to column XFD. */
static void
test_xlsx_claims (void)
{
  g_autofree char *claimed = xlsx ("strings-claimed-2019.xlsx");
  g_autofree char *far = xlsx ("xfd-2018.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) a = import_path (claimed, NULL, &error);
  g_autoptr(RocznikImport) b = NULL;
  g_autoptr(GPtrArray) sample = NULL;
  RocznikYear *year;

  g_assert_no_error (error);
  year = year_of (a, 2019);
  g_assert_cmpuint (year->topics->len, ==, 1);
  assert_topic (year, "podatki lokalne", 350);

  b = import_path (far, NULL, &error);
  g_assert_no_error (error);
  year = year_of (b, 2018);
  sample = rocznik_sample_load (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < sample->len; i++)
    {
      RocznikYear *seed = g_ptr_array_index (sample, i);

      if (seed->year != 2018)
        continue;
      g_assert_cmpuint (year->topics->len, ==, seed->topics->len);
      for (guint j = 0; j < seed->topics->len; j++)
        {
          RocznikTopic *want = g_ptr_array_index (seed->topics, j);
          assert_topic (year, want->name, want->count);
        }
    }
  g_assert_cmpint (rocznik_year_topic_sum (year), ==, 388468);
}

/* A name of exactly 1 000 characters is a topic; 1 001 is refused. */
static void
test_xlsx_long_name (void)
{
  g_autofree char *path = xlsx ("long-name-2019.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = import_path (path, NULL, &error);

  g_assert_null (import);
  g_assert_cmpstr (error->message, ==, "file long-name-2019.xlsx, sheet Arkusz1, cell A3: "
                   "the topic name is longer than 1000 characters; this is not a topic");
}

static void
test_xlsx_refused (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *file, *polish; } cases[] = {
    { "uncached-2019.xlsx", "plik uncached-2019.xlsx, arkusz Arkusz1, komórka B3: formuła zapisana bez wartości; "
      "otwórz plik w Excelu lub LibreOffice Calc, zapisz go ponownie i zaimportuj zapisany plik" },
    { "number-1e19-2019.xlsx", "plik number-1e19-2019.xlsx, arkusz Arkusz1, komórka B3: "
      "„10000000000000000000” to za dużo (ponad 2⁵³ rozmów)" },
    { "number-nan-2019.xlsx", "plik number-nan-2019.xlsx, arkusz Arkusz1, komórka B3: „NaN” nie jest liczbą rozmów" },
    { "number-inf-2019.xlsx", "plik number-inf-2019.xlsx, arkusz Arkusz1, komórka B3: „INF” nie jest liczbą rozmów" },
    { "number-negative-2019.xlsx", "plik number-negative-2019.xlsx, arkusz Arkusz1, komórka B3: "
      "„-5” jest liczbą ujemną, a liczba rozmów nie może być ujemna" },
    { "number-fraction-2019.xlsx", "plik number-fraction-2019.xlsx, arkusz Arkusz1, komórka B3: "
      "„2.5” nie jest całkowitą liczbą rozmów" },
    { "strings-too-many-2019.xlsx", "plik strings-too-many-2019.xlsx: skoroszyt ma ponad 4194304 różnych tekstów; "
      "Rocznik odczytuje najwyżej tyle" },
    { "huge-string-2019.xlsx", "plik huge-string-2019.xlsx, arkusz Arkusz1, komórka A3: "
      "nazwa tematu ma ponad 1000 znaków; to nie jest temat" },
    { "long-name-2019.xlsx", "plik long-name-2019.xlsx, arkusz Arkusz1, komórka A3: "
      "nazwa tematu ma ponad 1000 znaków; to nie jest temat" },
    { "huge-text-2019.xlsx", "plik huge-text-2019.xlsx: część xl/sharedStrings.xml zawiera tekst dłuższy niż 10 MB "
      "w jednym kawałku; żadna tabela rozmów takiego nie ma" },
    { "rel-missing.xlsx", "plik rel-missing.xlsx: arkusz „Arkusz1” wskazuje na część xl/worksheets/sheet7.xml, "
      "której w pliku nie ma; skoroszyt jest uszkodzony" },
    { "rel-elsewhere.xlsx", "plik rel-elsewhere.xlsx: arkusz „Arkusz1” wskazuje na część xl/sharedStrings.xml, "
      "która nie jest arkuszem; skoroszyt jest uszkodzony" },
    { "rel-chart.xlsx", "plik rel-chart.xlsx: arkusz „Arkusz1” nie jest tabelą komórek "
      "(wskazuje na chartsheets/sheet1.xml); wybierz inny arkusz" },
    { "bidi-2019.xlsx", "plik bidi-2019.xlsx, arkusz Arkusz1, komórka A3: nazwa tematu zawiera znak sterujący "
      "kierunkiem tekstu U+202E, przez który nazwa wygląda inaczej, niż jest zapisana; usuń go i spróbuj ponownie" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = xlsx (cases[i].file);

      g_test_message ("%s", cases[i].file);
      assert_refused (f, path, cases[i].polish);
    }
}

/* 2. Report text */

#define REPORT_HEAD "Biuro Poznań Kontakt\nW 2019 r. konsultanci przeprowadzili ponad 12 tys. rozmów z klientami.\n"

static void
test_report_digits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-hostile-XXXXXX", NULL);
  g_autoptr(GString) text = g_string_new (REPORT_HEAD "Najczęściej pytano o:\n"
                                          " • gospodarka odpadami – 7 055,\n • podatki lokalne – 4 321.\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = NULL;
  RocznikYear *year;

  /* a paragraph of 100 000 digits took 12 s (quadratic); any time now is
   * linear, and the figures are those of the bullets */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '0' + i % 10);
  g_string_append (text, "\n");
  path = temp_file (dir, "raport-2019.txt", text->str, text->len);
  import = import_path (path, NULL, &error);
  g_assert_no_error (error);
  year = year_of (import, 2019);
  g_assert_cmpuint (year->topics->len, ==, 2);
  assert_topic (year, "gospodarka odpadami", 7055);
  assert_topic (year, "podatki lokalne", 4321);
  g_assert_cmpint (year->declared_total, ==, 12000);
  g_assert_true (year->declared_more_than);
  g_remove (path);
  g_rmdir (dir);
}

/* Invisible characters go: "Podatki<ZWSP>" is "Podatki", "Trans<SHY>port"
 * is "Transport", and 2019 has these two topics only. */
static void
assert_cleaned (const char *path,
                gint64      podatki,
                gint64      transport)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = import_path (path, NULL, &error);
  RocznikYear *year;

  g_assert_no_error (error);
  year = year_of (import, 2019);
  g_assert_cmpuint (year->topics->len, ==, 2);
  assert_topic (year, "Podatki", podatki);
  assert_topic (year, "Transport", transport);
}

static void
test_report_invisible (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-hostile-XXXXXX", NULL);
  g_autofree char *path = temp_file (dir, "raport-2019.txt", REPORT_HEAD "Najczęściej pytano o:\n"
                                     " • Podatki\u200b – 7 055,\n • Trans\u00adport – 4 321.\n", -1);

  assert_cleaned (path, 7055, 4321);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_report_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const TextCase cases[] = {
    { "W 2019 r. przeprowadzili ponad 99999999999999999999 tys. rozmów.\n • podatki – 5,\n",
      "plik raport.txt, wiersz 1: łączna liczba „99999999999999999999” to więcej rozmów, niż Rocznik może policzyć (2⁵³)" },
    { "W 2019 r.\n\nprzeprowadzili 9007199254741 tys. rozmów.\n • podatki – 5,\n",
      "plik raport.txt, wiersz 3: łączna liczba „9007199254741” to więcej rozmów, niż Rocznik może policzyć (2⁵³)" },
    { REPORT_HEAD " • podatki – 5,\n • transport – 99 999 999 999 999 999 999,\n",
      "plik raport.txt, wiersz 4: 99 999 999 999 999 999 999 to więcej rozmów, niż Rocznik może policzyć (2⁵³)" },
    { REPORT_HEAD " • podatki – 9 007 199 254 740 992,\n • transport – 1,\n",
      "plik raport.txt, wiersz 4: tematy sumują się do większej liczby rozmów, niż Rocznik może policzyć (2⁵³)" },
    { REPORT_HEAD " • Podatki – 5,\n • Poda\u200dtki – 3,\n",
      "plik raport.txt, wiersz 4: temat „Podatki” występuje dwa razy" },
    { REPORT_HEAD " • podatki – 5,\n • \u202eatropsnart – 3,\n",
      "plik raport.txt, wiersz 4: nazwa tematu zawiera znak sterujący kierunkiem tekstu U+202E, przez który "
      "nazwa wygląda inaczej, niż jest zapisana; usuń go i spróbuj ponownie" },
    { REPORT_HEAD " • podatki\xc2\x90lokalne – 5,\n",
      "plik raport.txt, wiersz 3: nazwa tematu zawiera znak sterujący U+0090; usuń go i spróbuj ponownie" },
    { REPORT_HEAD "Nowe usługi: 99999999999999999999 nowych usług\n • e-Urząd\n",
      "plik raport.txt, wiersz 3: 99999999999999999999 to więcej, niż Rocznik może policzyć (2⁵³)" },
  };

  assert_texts_refused (f, "raport.txt", cases, G_N_ELEMENTS (cases));
}

/* 3. Delimited text */

static void
test_csv_invisible (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-hostile-XXXXXX", NULL);
  g_autofree char *path = temp_file (dir, "zgloszenia.csv",
                                     "Data;Temat\n"
                                     "2019-01-15;Podatki\n"
                                     "2019-02-15;Poda\u200dtki\n"
                                     "2019-03-15;Podatki\u200b\n"
                                     "2019-04-15;Po\ufeffdatki\n"
                                     "2019-05-15;\u2060Podatki\u200c\n"
                                     "2019-06-15;Trans\u00adport\n"
                                     "2020-01-15;Podatki\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikImport) import = import_path (path, NULL, &error);
  RocznikYear *year;
  RocznikTopic *t;

  g_assert_no_error (error);
  g_assert_cmpuint (rocznik_import_get_years (import)->len, ==, 2);
  year = year_of (import, 2019);
  g_assert_cmpuint (year->topics->len, ==, 2);
  assert_topic (year, "Podatki", 5);
  assert_topic (year, "Transport", 1);
  t = rocznik_year_find_topic (year, "Podatki");
  for (int m = 0; m < 5; m++)
    g_assert_cmpint (t->months[m], ==, 1);
  year = year_of (import, 2020);
  g_assert_cmpuint (year->topics->len, ==, 1);
  assert_topic (year, "Podatki", 1);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_xlsx_invisible (void)
{
  g_autofree char *path = xlsx ("invisible-2019.xlsx");

  assert_cleaned (path, 4, 2);
}

static void
test_csv_refused (Fixture       *f,
                  gconstpointer  data)
{
  static const TextCase cases[] = {
    { "Temat;Liczba rozmów\nPodatki;5\nPodatki\u200b;3\n",
      "plik tematy-2019.csv, wiersz 3: temat „Podatki” występuje dwa razy w roku 2019 (pierwszy raz w wierszu 2)" },
    { "Temat;Liczba rozmów\nPodatki;5\n\u2066Transport\u2069;3\n",
      "plik tematy-2019.csv, wiersz 3: nazwa tematu zawiera znak sterujący kierunkiem tekstu U+2066, przez który "
      "nazwa wygląda inaczej, niż jest zapisana; usuń go i spróbuj ponownie" },
    { "Temat;Liczba rozmów\nPodatki;5\nTrans\xc2\x9b" "port;3\n",
      "plik tematy-2019.csv, wiersz 3: nazwa tematu zawiera znak sterujący U+009B; usuń go i spróbuj ponownie" },
  };

  assert_texts_refused (f, "tematy-2019.csv", cases, G_N_ELEMENTS (cases));
}

/* The one cleaning every importer and the workspace use. */
static void
test_name_clean (void)
{
  static const struct { const char *in, *out; } kept[] = {
    { "Podatki", "Podatki" }, { "Poda\u200dtki", "Podatki" }, { "Podatki\u200b", "Podatki" },
    { "\ufeffPodatki", "Podatki" }, { "Pod\u00adatki\u2060", "Podatki" }, { "\u200e\u200fPodatki\u200c", "Podatki" },
    { " gospodarka\r\nodpadami ", "gospodarka odpadami" }, { "a \n b\tc\u2028d", "a b c d" },
    { "transport miejski i\u00a0strefa", "transport miejski i\u00a0strefa" },   /* as published */
    { "\u00a0 oświata\u202f", "oświata" }, { "\u200b", "" },
    { "os\u0301wiata i z\u0307ywienie", "oświata i żywienie" },   /* a Mac's NFD */
  };
  static const struct { const char *in; gunichar bad; } control[] = {
    { "a\x01" "b", 0x01 }, { "a\x7f", 0x7f }, { "a\xc2\x85" "b", 0x85 }, { "a\xc2\x9f", 0x9f },
  };
  static const gunichar bidi[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 };
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = rocznik_topic_name_clean (kept[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, kept[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (control); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *want = g_strdup_printf ("the topic name contains the control character U+%04X; "
                                               "remove it and try again", control[i].bad);

      g_assert_null (rocznik_topic_name_clean (control[i].in, &error));
      g_assert_cmpstr (error->message, ==, want);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bidi); i++)
    {
      g_autoptr(GError) error = NULL;

      g_string_assign (name, "Poda");
      g_string_append_unichar (name, bidi[i]);
      g_string_append (name, "tki");
      g_assert_null (rocznik_topic_name_clean (name->str, &error));
      g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "text direction control U+"));
    }

  /* 1 000 characters (2 000 bytes, and invisible ones not counted) pass; 1 001 do not */
  g_string_truncate (name, 0);
  for (int i = 0; i < 1000; i++)
    g_string_append (name, i % 100 ? "ż" : "ż\u200b");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *out = rocznik_topic_name_clean (name->str, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_utf8_strlen (out, -1), ==, 1000);
    g_string_append (name, "ż");
    g_assert_null (rocznik_topic_name_clean (name->str, &error));
    g_assert_cmpstr (error->message, ==, "the topic name is longer than 1000 characters; this is not a topic");
  }
}

/* 4. The workspace: renames go through the same cleaning; another
 * program's database is not taken for a newer Rocznik. */
static void
test_workspace_names (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(RocznikYear) year = rocznik_year_new (2019);
  g_autoptr(RocznikYear) back = NULL;
  g_autoptr(GError) error = NULL;

  rocznik_year_add_topic (year, "podatki", 5);
  g_assert_true (rocznik_workspace_store_year (ws, year, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_workspace_rename_topic (ws, "podatki", "Poda\u200dtki lokalne\u200b", &error));
  g_assert_no_error (error);
  back = rocznik_workspace_load_year (ws, 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((RocznikTopic *) g_ptr_array_index (back->topics, 0))->name, ==, "Podatki lokalne");

  g_assert_false (rocznik_workspace_rename_topic (ws, "podatki lokalne", "\u202eikatdop", &error));
  g_assert_cmpstr (error->message, ==, "the topic name contains the text direction control U+202E, which shows "
                   "the name differently from how it is stored; remove it and try again");
  g_clear_error (&error);
  g_assert_false (rocznik_workspace_set_topic_name (ws, 2019, "podatki lokalne", "podatki\x01", &error));
  g_assert_cmpstr (error->message, ==, "the topic name contains the control character U+0001; remove it and try again");
}

static void
test_workspace_foreign (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-hostile-XXXXXX", NULL);
  g_autofree char *foreign = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikWorkspace) ws = NULL;
  int status = 0;

  /* another program's database: its own format number, no tables yet */
  script = g_strdup_printf ("/usr/bin/python3 -c \"import sqlite3, sys; "
                            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 7'); c.commit()\" %s",
                            foreign);
  g_assert_true (g_spawn_command_line_sync (script, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  before = file_digest (foreign);
  ws = rocznik_workspace_open (foreign, &error);
  g_assert_null (ws);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT);
  g_assert_true (g_str_has_suffix (error->message, "other.db is a database, but not a Rocznik workspace; it was left untouched"));
  after = file_digest (foreign);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* a real Rocznik workspace of a later format still says so */
  ws = rocznik_workspace_open (newer, &error);
  g_assert_no_error (error);
  g_clear_pointer (&ws, rocznik_workspace_free);
  g_free (script);
  script = g_strdup_printf ("/usr/bin/python3 -c \"import sqlite3, sys; "
                            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 999'); c.commit()\" %s",
                            newer);
  g_assert_true (g_spawn_command_line_sync (script, NULL, NULL, &status, &error));
  g_assert_cmpint (status, ==, 0);
  ws = rocznik_workspace_open (newer, &error);
  g_assert_null (ws);
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "was saved by a newer version of Rocznik (format 999"));

  g_remove (foreign);
  g_remove (newer);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/xlsx-formulas", test_xlsx_formulas);
  g_test_add_func ("/hostile/xlsx-totals-column", test_xlsx_totals_column);
  g_test_add_func ("/hostile/xlsx-1904", test_xlsx_1904);
  g_test_add_func ("/hostile/xlsx-claims", test_xlsx_claims);
  g_test_add_func ("/hostile/xlsx-long-name", test_xlsx_long_name);
  g_test_add_func ("/hostile/xlsx-invisible", test_xlsx_invisible);
  g_test_add ("/hostile/xlsx-refused", Fixture, NULL, set_up, test_xlsx_refused, tear_down);
  g_test_add_func ("/hostile/report-digits", test_report_digits);
  g_test_add_func ("/hostile/report-invisible", test_report_invisible);
  g_test_add ("/hostile/report-refused", Fixture, NULL, set_up, test_report_refused, tear_down);
  g_test_add_func ("/hostile/csv-invisible", test_csv_invisible);
  g_test_add ("/hostile/csv-refused", Fixture, NULL, set_up, test_csv_refused, tear_down);
  g_test_add_func ("/hostile/name-clean", test_name_clean);
  g_test_add_func ("/hostile/workspace-names", test_workspace_names);
  g_test_add_func ("/hostile/workspace-foreign", test_workspace_foreign);
  return g_test_run ();
}
