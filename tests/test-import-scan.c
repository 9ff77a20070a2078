/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-call fast lane: every shape of file counted exactly as the
 * general path counts it, and as its generator counted it. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import.h"
#include "rocznik-import-scan.h"

static char *
variant (const char *name)
{
  return g_build_filename (g_getenv ("ROCZNIK_VARIANTS"), name, NULL);
}

/* ROCZNIK_IMPORT_GENERAL=1: every row through the general path. */
static RocznikImport *
import_path (const char                 *path,
             const RocznikImportOptions *options,
             gboolean                    general,
             GError                    **error)
{
  RocznikImportOptions defaults;
  RocznikImport *import;

  if (options == NULL)
    {
      rocznik_import_options_init (&defaults);
      options = &defaults;
    }
  if (general)
    g_setenv ("ROCZNIK_IMPORT_GENERAL", "1", TRUE);
  import = rocznik_import_file (path, options, NULL, NULL, NULL, error);
  g_unsetenv ("ROCZNIK_IMPORT_GENERAL");
  return import;
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* Everything an import holds, the same both ways (topics in the same order). */
static void
assert_same (RocznikImport *fast,
             RocznikImport *general)
{
  GPtrArray *fy = rocznik_import_get_years (fast), *gy = rocznik_import_get_years (general);

  g_assert_cmpuint (rocznik_import_get_n_rows (fast), ==, rocznik_import_get_n_rows (general));
  g_assert_cmpuint (rocznik_import_get_n_skipped (fast), ==, rocznik_import_get_n_skipped (general));
  assert_same_strings (rocznik_import_get_skipped (fast), rocznik_import_get_skipped (general));
  assert_same_strings (rocznik_import_get_warnings (fast), rocznik_import_get_warnings (general));
  g_assert_cmpuint (fy->len, ==, gy->len);
  for (guint i = 0; i < fy->len; i++)
    {
      RocznikYear *a = g_ptr_array_index (fy, i), *b = g_ptr_array_index (gy, i);

      g_assert_cmpint (a->year, ==, b->year);
      g_assert_cmpuint (a->topics->len, ==, b->topics->len);
      for (guint j = 0; j < a->topics->len; j++)
        {
          RocznikTopic *x = g_ptr_array_index (a->topics, j), *y = g_ptr_array_index (b->topics, j);

          g_assert_cmpstr (x->name, ==, y->name);
          g_assert_cmpstr (x->key, ==, y->key);
          g_assert_cmpint (x->count, ==, y->count);
          g_assert_true (x->has_months == y->has_months);
          g_assert_cmpmem (x->months, sizeof x->months, y->months, sizeof y->months);
          g_assert_true (x->has_duration == y->has_duration);
          g_assert_cmpint (x->duration_calls, ==, y->duration_calls);
          g_assert_cmpint (x->duration_seconds, ==, y->duration_seconds);
        }
      g_assert_true ((a->calls == NULL) == (b->calls == NULL));
      if (a->calls)
        {
          g_assert_true (a->calls->has_hours == b->calls->has_hours);
          g_assert_cmpmem (a->calls->hours, sizeof a->calls->hours, b->calls->hours, sizeof b->calls->hours);
          g_assert_cmpuint (a->calls->channels->len, ==, b->calls->channels->len);
          for (guint j = 0; j < a->calls->channels->len; j++)
            {
              RocznikChannel *x = g_ptr_array_index (a->calls->channels, j);
              RocznikChannel *y = g_ptr_array_index (b->calls->channels, j);

              g_assert_cmpstr (x->name, ==, y->name);
              g_assert_cmpint (x->calls, ==, y->calls);
            }
        }
    }
}

static RocznikYear *
year_of (RocznikImport *import,
         int            number)
{
  GPtrArray *years = rocznik_import_get_years (import);

  for (guint y = 0; y < years->len; y++)
    if (((RocznikYear *) g_ptr_array_index (years, y))->year == number)
      return g_ptr_array_index (years, y);
  g_error ("no year %d", number);
}

/* "hours YEAR N…" (weekday × hour) and "channel YEAR NAME N" lines. */
static void
assert_expected_calls (RocznikImport *import,
                       char         **f,
                       guint         *channels)
{
  RocznikYear *year = year_of (import, atoi (f[1]));

  g_assert_nonnull (year->calls);
  if (g_str_equal (f[0], "hours"))
    {
      g_auto(GStrv) n = g_strsplit (f[2], " ", -1);

      g_assert_true (year->calls->has_hours);
      g_assert_cmpuint (g_strv_length (n), ==, ROCZNIK_WEEKDAYS * ROCZNIK_HOURS);
      for (int i = 0; i < ROCZNIK_WEEKDAYS * ROCZNIK_HOURS; i++)
        g_assert_cmpint (year->calls->hours[i / ROCZNIK_HOURS][i % ROCZNIK_HOURS], ==, g_ascii_strtoll (n[i], NULL, 10));
    }
  else
    {
      RocznikChannel *found = NULL;

      for (guint i = 0; i < year->calls->channels->len; i++)
        if (g_str_equal (((RocznikChannel *) g_ptr_array_index (year->calls->channels, i))->name, f[2]))
          found = g_ptr_array_index (year->calls->channels, i);
      g_assert_nonnull (found);
      g_assert_cmpint (found->calls, ==, g_ascii_strtoll (f[3], NULL, 10));
      (*channels)++;
    }
}

/* The counts the generator wrote while it wrote the rows. */
static void
assert_expected (RocznikImport *import,
                 const char    *name)
{
  g_autofree char *path = g_strconcat (name, ".expected", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *years = rocznik_import_get_years (import);
  guint topics = 0, seen = 0, channels = 0, channels_seen = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_str_equal (f[0], "rows"))
        g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, g_ascii_strtoull (f[1], NULL, 10));
      else if (g_str_equal (f[0], "skipped"))
        g_assert_cmpuint (rocznik_import_get_n_skipped (import), ==, g_ascii_strtoull (f[1], NULL, 10));
      else if (g_str_equal (f[0], "hours") || g_str_equal (f[0], "channel"))
        assert_expected_calls (import, f, &channels);
      else
        {
          int number = atoi (f[0]);
          g_autofree char *topic = g_strcompress (f[1]);
          g_autofree char *clean = rocznik_topic_name_clean (topic, NULL);
          g_autofree char *key = rocznik_topic_key (clean ? clean : topic);
          g_auto(GStrv) months = g_strsplit (f[3], " ", -1);
          RocznikTopic *t = NULL;

          for (guint y = 0; y < years->len; y++)
            if (((RocznikYear *) g_ptr_array_index (years, y))->year == number)
              t = rocznik_year_find_topic (g_ptr_array_index (years, y), key);
          if (t == NULL)
            g_error ("%s: no topic „%s” in %d", name, topic, number);
          g_assert_cmpint (t->count, ==, g_ascii_strtoll (f[2], NULL, 10));
          for (int m = 0; m < 12; m++)
            g_assert_cmpint (t->months[m], ==, g_ascii_strtoll (months[m], NULL, 10));
          if (f[4])   /* calls with a handling time, and their seconds */
            {
              g_assert_true (t->has_duration);
              g_assert_cmpint (t->duration_calls, ==, g_ascii_strtoll (f[4], NULL, 10));
              g_assert_cmpint (t->duration_seconds, ==, g_ascii_strtoll (f[5], NULL, 10));
            }
          topics++;
        }
    }
  for (guint y = 0; y < years->len; y++)
    {
      RocznikYear *year = g_ptr_array_index (years, y);

      seen += year->topics->len;
      channels_seen += year->calls ? year->calls->channels->len : 0;
    }
  g_assert_cmpuint (seen, ==, topics);
  g_assert_cmpuint (channels_seen, ==, channels);
}

static void
test_variants (void)
{
  static const char *files[] = {
    "plain.csv", "quoted-all.csv", "quoted-some.csv", "crlf.csv", "cp1250.csv", "utf16le.txt",
    "utf16be.txt", "id-first.csv", "ddmm.csv", "hostile.csv", "split-in-quotes.csv", "two-years.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = variant (files[i]);
      g_autoptr(GError) error = NULL;
      RocznikImport *fast, *general;
      RocznikScanStats stats;

      g_test_message ("%s", files[i]);
      fast = import_path (path, NULL, FALSE, &error);
      g_assert_no_error (error);
      rocznik_import_scan_get_last (&stats);
      general = import_path (path, NULL, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rocznik_import_get_shape (fast), ==, ROCZNIK_IMPORT_SHAPE_RECORDS);
      /* the fast lane read them, both cores; only the hostile rows went the general way */
      g_assert_cmpint (stats.result, ==, ROCZNIK_SCAN_DONE);
      g_assert_cmpuint (stats.parts, ==, 2);
      g_assert_true (stats.extended == g_str_equal (files[i], "split-in-quotes.csv"));
      g_assert_cmpuint (stats.counted + stats.handed + 1000, >=, rocznik_import_get_n_rows (fast));
      if (g_str_equal (files[i], "hostile.csv"))
        g_assert_cmpuint (stats.handed, >, 1000);
      else
        g_assert_cmpuint (stats.handed, <=, 1);
      assert_same (fast, general);
      assert_expected (fast, path);
      rocznik_import_free (fast);
      rocznik_import_free (general);
    }
}

/* --year: the other year's rows skipped, each named the same way. */
static void
test_other_year (void)
{
  g_autofree char *path = variant ("two-years.csv");
  g_autoptr(GError) error = NULL;
  RocznikImportOptions options;
  RocznikImport *fast, *general;

  rocznik_import_options_init (&options);
  options.year = 2019;
  fast = import_path (path, &options, FALSE, &error);
  g_assert_no_error (error);
  general = import_path (path, &options, TRUE, &error);
  g_assert_no_error (error);
  assert_same (fast, general);
  g_assert_cmpuint (rocznik_import_get_years (fast)->len, ==, 1);
  g_assert_cmpuint (rocznik_import_get_n_skipped (fast), >, 10000);
  rocznik_import_free (fast);
  rocznik_import_free (general);
}

/* A file written here: refused the same way both ways. */
static void
assert_same_refusal (const char *name,
                     GString    *text,
                     const char *expected_prefix)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-scan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) general_error = NULL;
  RocznikImport *fast, *general;

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  fast = import_path (path, NULL, FALSE, &fast_error);
  general = import_path (path, NULL, TRUE, &general_error);
  g_assert_null (fast);
  g_assert_null (general);
  g_assert_error (fast_error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_assert_cmpstr (fast_error->message, ==, general_error->message);
  if (!g_str_has_prefix (fast_error->message, expected_prefix))
    g_error ("%s: „%s”, expected „%s…”", name, fast_error->message, expected_prefix);
  g_unlink (path);
  g_rmdir (dir);
}

static void
plain_rows (GString *s,
            int      n,
            gboolean quoted)
{
  for (int i = 0; i < n; i++)
    g_string_append_printf (s, quoted ? "2018-%02d-%02d 10:%02d;\"Gospodarka odpadami\";00:%02d\n"
                                      : "2018-%02d-%02d 10:%02d;Gospodarka odpadami;00:%02d\n",
                            i % 12 + 1, i % 28 + 1, i % 60, i % 60);
}

/* Refusals far from the head (in either half of the file): the same words,
 * the same line. */
static void
test_refusals (void)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_assign (s, "data;temat;czas\n");
  plain_rows (s, 60000, TRUE);
  g_string_append (s, "2019-02-29 10:00;\"Inne\";00:10\n");      /* line 60002 */
  plain_rows (s, 10, TRUE);
  assert_same_refusal ("luty.csv", s, "file luty.csv, line 60002: „2019-02-29 10:00” is not a date that exists");

  g_string_assign (s, "data;temat;czas\n");
  plain_rows (s, 30000, TRUE);
  g_string_append (s, "wczoraj;Inne;00:10\n");                   /* line 30002 */
  plain_rows (s, 3000, TRUE);
  assert_same_refusal ("wczoraj.csv", s, "file wczoraj.csv, line 30002: „wczoraj” is not a date");

  /* a quoted note never closed */
  g_string_assign (s, "data;temat;uwagi\n");
  plain_rows (s, 40000, TRUE);
  g_string_append (s, "2018-05-05 10:00;Inne;\"bez końca\n");    /* line 40002 */
  plain_rows (s, 10, FALSE);
  assert_same_refusal ("koniec.csv", s, "file koniec.csv, line 40002: a quoted field starts here and is never closed");

  /* a NUL byte late in the file */
  g_string_assign (s, "data;temat;czas\n");
  plain_rows (s, 40000, TRUE);
  g_string_append_len (s, "2018-05-05 10:00;In\0ne;00:10\n", 29); /* line 40002 */
  assert_same_refusal ("nul.csv", s, "file nul.csv, line 40002: a NUL byte");
}

/* A file written here, imported both ways: the same, all of it through
 * the scanner (both parts) unless @handed rows go the general way. */
static RocznikImport *
import_both (const char *name,
             const char *bytes,
             gsize       len,
             guint64     handed)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-scan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  RocznikImport *fast, *general;
  RocznikScanStats stats;

  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
  fast = import_path (path, NULL, FALSE, &error);
  g_assert_no_error (error);
  rocznik_import_scan_get_last (&stats);
  general = import_path (path, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats.result, ==, ROCZNIK_SCAN_DONE);
  g_assert_cmpuint (stats.parts, ==, 2);
  g_assert_false (stats.extended);
  g_assert_cmpuint (stats.handed, ==, handed);
  assert_same (fast, general);
  rocznik_import_free (general);
  g_unlink (path);
  g_rmdir (dir);
  return fast;
}

/* @topic's count in @year, each month as @months says. */
static void
assert_topic (RocznikImport *import,
              int            year,
              const char    *topic,
              const gint64  *months)
{
  g_autofree char *key = rocznik_topic_key (topic);
  RocznikTopic *t = rocznik_year_find_topic (year_of (import, year), key);
  gint64 sum = 0;

  g_assert_nonnull (t);
  for (int m = 0; m < 12; m++)
    {
      g_assert_cmpint (t->months[m], ==, months[m]);
      sum += months[m];
    }
  g_assert_cmpint (t->count, ==, sum);
}

/* UTF-16 the way Excel writes "Unicode text", LE and BE: the scanner turns
 * 16 ASCII units at a time into UTF-8, so letters beyond ASCII (ż, and 📞,
 * a surrogate pair) fall at every place of a group of 16 units, and some
 * pairs across the reads. */
static void
test_utf16_units (void)
{
  static const char *topics[] = { "Inne", "Gospodarka odpadami", "Oświata; żłobki", "Ćwiczenia", "Zażółć gęślą jaźń" };
  static const char *encodings[] = { "UTF-16LE", "UTF-16BE" };
  g_autoptr(GString) text = g_string_new ("Data i godzina\tTemat\tCzas rozmowy\tUwagi\r\n");
  gint64 months[G_N_ELEMENTS (topics)][12] = { { 0 } };
  guint bmp = 0, pairs = 0;   /* places in a group of 16 units seen, a bit each */
  glong units;

  for (int i = 0; i < 40000; i++)
    {
      int t = i % G_N_ELEMENTS (topics), month = i % 12 + 1;

      g_string_append_printf (text, "2018-%02d-%02d %02d:%02d\t%s\t00:%02d\t", month, i % 28 + 1, 7 + i % 12,
                              i % 60, topics[t], i % 60);
      for (int k = 0; k < i % 17; k++)
        g_string_append_c (text, 'x');
      g_string_append (text, "ż");
      for (int k = 0; k < i % 5; k++)
        g_string_append (text, "📞");
      g_string_append (text, ".\r\n");
      months[t][month - 1]++;
    }
  /* where the units beyond ASCII fall, after the BOM (unit 0) */
  units = 1;
  for (const char *p = text->str; *p; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (u >= 0x10000)
        pairs |= 1u << (units % 16);
      else if (u >= 0x80)
        bmp |= 1u << (units % 16);
      units += u >= 0x10000 ? 2 : 1;
    }
  g_assert_cmphex (bmp, ==, 0xFFFF);
  g_assert_cmphex (pairs, ==, 0xFFFF);

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(GError) error = NULL;
      gsize len;
      g_autofree char *body = g_convert (text->str, text->len, encodings[e], "UTF-8", NULL, &len, &error);
      g_autofree char *bytes = g_malloc (len + 2);
      RocznikImport *import;

      g_assert_no_error (error);
      memcpy (bytes, e == 0 ? "\xff\xfe" : "\xfe\xff", 2);
      memcpy (bytes + 2, body, len);
      g_test_message ("%s", encodings[e]);
      import = import_both ("unicode.txt", bytes, len + 2, 0);
      g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 40000);
      for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
        assert_topic (import, 2018, topics[t], months[t]);
      rocznik_import_free (import);
    }
}

/* Topics that differ only in the middle (the same first and last bytes,
 * length and year: one place in the scanner's table of recent keys), short
 * ones that differ in one byte, and the same topic in two years, row by
 * row: each counted apart. */
static void
test_similar_topics (void)
{
  static const char *shorts[] = { "A", "B", "AB", "AC", "ABC", "AXC", "ABCD", "AXCD", "ABCDE", "ABXDE",
                                  "ABCDEFG", "ABCXEFG", "ABCDEFGH", "ABCDXFGH" };
  enum { N_LONG = 300, N_MIDDLE = 3 * 26, N_TOPICS = N_LONG + N_MIDDLE + G_N_ELEMENTS (shorts) };
  g_autoptr(GString) text = g_string_new ("data;temat;czas\n");
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  static gint64 months[2][N_TOPICS][12];
  RocznikImport *import;

  memset (months, 0, sizeof months);
  for (int k = 0; k < N_LONG; k++)
    g_ptr_array_add (topics, g_strdup_printf ("Sprawa nr %03d – Wydział Ogólny", k));
  for (int k = 0; k < 26; k++)   /* many short ones alike: some share a place */
    {
      g_ptr_array_add (topics, g_strdup_printf ("Q%cZ", 'a' + k));
      g_ptr_array_add (topics, g_strdup_printf ("QR%cTU", 'a' + k));
      g_ptr_array_add (topics, g_strdup_printf ("QRS%cUVW", 'a' + k));
    }
  for (guint k = 0; k < G_N_ELEMENTS (shorts); k++)
    g_ptr_array_add (topics, g_strdup (shorts[k]));
  for (int i = 0; i < 60000; i++)
    {
      int t = (i / 2) % N_TOPICS, y = i % 2, month = i % 12 + 1;

      g_string_append_printf (text, "%d-%02d-%02d 10:%02d;%s;00:%02d\n", 2018 + y, month, i % 28 + 1, i % 60,
                              (char *) g_ptr_array_index (topics, t), i % 60);
      months[y][t][month - 1]++;
    }
  import = import_both ("podobne.csv", text->str, text->len, 0);
  g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, 60000);
  for (int y = 0; y < 2; y++)
    {
      g_assert_cmpuint (year_of (import, 2018 + y)->topics->len, ==, N_TOPICS);
      for (int t = 0; t < N_TOPICS; t++)
        assert_topic (import, 2018 + y, g_ptr_array_index (topics, t), months[y][t]);
    }
  rocznik_import_free (import);
}

/* Rows of 64 bytes: the second part (from the line break after the
 * middle) is 4 MiB, a whole number of the scanner's reads, each ending at
 * a line break; then rows of every length, quoted notes with line breaks
 * and delimiters cut by the reads, and no line break at the end. */
static void
test_read_edges (void)
{
  enum { HALF = 4 * 1024 * 1024 / 64 + 1, N = 2 * HALF };
  g_autoptr(GString) text = g_string_new (NULL);
  static gint64 months[2][10][12];
  const char *name[2] = { "rowne.csv", "nierowne.csv" };

  memset (months, 0, sizeof months);
  for (int v = 0; v < 2; v++)
    {
      RocznikImport *import;

      g_string_assign (text, v == 0 ? "data;temat;czas\n" : "data;temat;czas;uwagi\n");
      for (int i = 0; i < N; i++)
        {
          int t = i % 10, month = i % 12 + 1;
          gsize row = text->len;

          g_string_append_printf (text, "2018-%02d-%02d %02d:%02d:%02d;Temat %d ", month, i % 28 + 1, 7 + i % 12,
                                  i % 60, (i * 7) % 60, t);
          if (v == 0)
            {
              /* 64 bytes a row, the topic padded with x */
              while (text->len - row < 64 - 7)
                g_string_append_c (text, 'x');
              g_string_append_printf (text, ";%02d:%02d\n", i % 60, i % 50);
              g_assert_cmpuint (text->len - row, ==, 64);
            }
          else
            {
              g_string_append_printf (text, "xx;%02d:%02d;", i % 60, i % 50);
              if (i % 7 == 3)
                {
                  g_string_append (text, "\"uwaga; ");
                  for (int k = 0; k < i % 300; k++)
                    g_string_append_c (text, k % 41 == 40 ? '\n' : 'n');
                  g_string_append (text, "\"\"koniec\"\"\"");
                }
              if (i + 1 < N)
                g_string_append_c (text, '\n');
            }
          months[v][t][month - 1]++;
        }
      g_test_message ("%s", name[v]);
      import = import_both (name[v], text->str, text->len, v == 0 ? 0 : 1);
      g_assert_cmpuint (rocznik_import_get_n_rows (import), ==, N);
      g_assert_cmpuint (year_of (import, 2018)->topics->len, ==, 10);
      for (int t = 0; t < 10; t++)
        {
          /* "Temat N " and the x that pad it to 64 bytes, or two */
          g_autofree char *topic = g_strdup_printf ("Temat %d %.*s", t, v == 0 ? 64 - 7 - 28 : 2,
                                                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");

          assert_topic (import, 2018, topic, months[v][t]);
        }
      rocznik_import_free (import);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-scan/variants", test_variants);
  g_test_add_func ("/import-scan/other-year", test_other_year);
  g_test_add_func ("/import-scan/refusals", test_refusals);
  g_test_add_func ("/import-scan/utf16-units", test_utf16_units);
  g_test_add_func ("/import-scan/similar-topics", test_similar_topics);
  g_test_add_func ("/import-scan/read-edges", test_read_edges);
  return g_test_run ();
}
