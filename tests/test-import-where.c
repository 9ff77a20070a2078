/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `rocznik --import --where COLUMN=VALUE` on Polish exports: the column is
 * found like --topic-column finds one; the value is the file's, exactly
 * (as Unicode text); a value the file writes only otherwise is refused,
 * naming what it holds, never counted as none. Counts are computed here. */

#include <string.h>

#include "rocznik-test-util.h"

static const char *const topics[] = { "Wywóz śmieci", "Karta Poznaniaka", "Zieleń miejska" };

typedef struct
{
  char *dir;
  char *ws;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("rocznik-where-XXXXXX", NULL);
  f->ws = g_build_filename (f->dir, "workspace.db", NULL);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->ws);
  g_free (f->dir);
}

/* Row i of an export: its topic and how its channel is spelt. */
static const char *
row_topic (guint i)
{
  return topics[(i / 7) % G_N_ELEMENTS (topics)];
}

static const char *
row_channel (const char *const *channels,
             guint               i)
{
  return channels[i % g_strv_length ((char **) channels)];
}

/* A CRM's export as Excel saves „CSV (rozdzielany średnikami)” on a Polish
 * Windows: Windows-1250, CRLF, no quotes, dates "dd.mm.yyyy hh:mm". */
static char *
write_crm (Fixture            *f,
           const char         *name,
           const char *const  *channels,
           guint               rows)
{
  g_autoptr(GString) out = g_string_new ("Data;Temat;Kanał\r\n");
  g_autofree char *bytes = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  gsize len = 0;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (out, "%02u.%02u.2019 %02u:%02u;%s;%s\r\n", 1 + i % 28, 1 + i % 12, 7 + i % 12,
                            (i * 13) % 60, row_topic (i), row_channel (channels, i));
  bytes = g_convert (out->str, out->len, "WINDOWS-1250", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
  return path;
}

/* The same from a Mac program: UTF-8 in decomposed form (NFD), fields
 * quoted, some with a space after the opening quote. */
static char *
write_mac (Fixture            *f,
           const char         *name,
           const char *const  *channels,
           guint               rows)
{
  g_autoptr(GString) out = g_string_new ("\"Data\",\"Temat\",\"Kanał\"\n");
  g_autofree char *nfd = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (out, "\"2019-%02u-%02u %02u:%02u\",\"%s\",\"%s%s\"\n", 1 + i % 12, 1 + i % 28,
                            7 + i % 12, (i * 13) % 60, row_topic (i), i % 10 == 3 ? " " : "",
                            row_channel (channels, i));
  nfd = g_utf8_normalize (out->str, -1, G_NORMALIZE_DEFAULT);
  g_assert_true (strcmp (nfd, out->str) != 0);
  g_assert_true (g_file_set_contents (path, nfd, -1, NULL));
  return path;
}

/* `--list --year 2019` holds exactly the calls of the rows whose channel
 * is one of @wanted, per topic. */
static void
assert_listed (Fixture           *f,
               const char *const *channels,
               guint              rows,
               const char *const *wanted)
{
  gint64 per_topic[G_N_ELEMENTS (topics)] = { 0 };
  g_autofree char *listed = NULL;
  g_autofree char *razem = NULL;
  gint64 total = 0;
  Run r = { 0 };

  for (guint i = 0; i < rows; i++)
    if (g_strv_contains (wanted, row_channel (channels, i)))
      for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
        if (strcmp (row_topic (i), topics[t]) == 0)
          per_topic[t]++, total++;
  run (&r, "C.UTF-8", "--list", "--year", "2019", "--workspace", f->ws, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* a Mac's NFD names are stored composed, as every other program writes them */
  listed = g_strconcat ("\n", r.out, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\t%" G_GINT64_FORMAT "\t", topics[t], per_topic[t]);

      g_assert_cmpint (per_topic[t], >, 0);
      if (strstr (listed, line) == NULL)
        g_error ("„%s” not in %s", line + 1, r.out);
    }
  razem = g_strdup_printf ("\nRazem\t%" G_GINT64_FORMAT "\t100.0\n", total);
  g_assert_true (g_str_has_suffix (listed, razem));
  run_clear (&r);
}

/* „kanał=telefon” where the file says „Kanał” and „Telefon”: refused,
 * naming the file, column, value and what it holds; nothing stored. */
static void
test_case_refused (Fixture *f, gconstpointer data)
{
  const char *const channels[] = { "Telefon", "E-mail", "Telefon", "Czat", "Wiadomość SMS", NULL };
  const char *const czat[] = { "Czat", NULL };
  g_autofree char *crm = write_crm (f, "crm-2019.csv", channels, 997);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--workspace", f->ws, "--where", "Kanał=Czat", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  before = file_digest (f->ws);

  run (&r, "pl_PL.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "kanał=telefon", crm, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "rocznik: plik crm-2019.csv: żaden wiersz nie ma „telefon” w kolumnie „Kanał”, "
                              "która zawiera „Telefon”; wpisz wartość tak, jak zapisuje ją plik, "
                              "np. --where „Kanał=Telefon”\n");
  run (&r, "pl_PL.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "Kanał=wiadomość sms", crm, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "rocznik: plik crm-2019.csv: żaden wiersz nie ma „wiadomość sms” w kolumnie „Kanał”, "
                              "która zawiera „Wiadomość SMS”; wpisz wartość tak, jak zapisuje ją plik, "
                              "np. --where „Kanał=Wiadomość SMS”\n");
  /* with a second condition that holds, the first is still checked */
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "Temat=Karta Poznaniaka",
       "--where", "Kanał=TELEFON", crm, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "rocznik: file crm-2019.csv: no row has „TELEFON” in the column „Kanał”, which holds "
                              "„Telefon”; write the value as the file does, e.g. --where „Kanał=Telefon”\n");
  /* a value nobody wrote in any case: the refusal as before */
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "Kanał=Faks", crm, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "rocznik: file crm-2019.csv: no row meets the conditions given (--where)\n");
  after = file_digest (f->ws);
  g_assert_cmpstr (before, ==, after);
  assert_listed (f, channels, 997, czat);
  run_clear (&r);
}

/* The column by any case and without accents, like --topic-column; the
 * value as the file writes it: the calls of those rows exactly. */
static void
test_column_found (Fixture *f, gconstpointer data)
{
  const char *const channels[] = { "Telefon", "E-mail", "Telefon", "Czat", "Wiadomość SMS", NULL };
  const char *const telefon[] = { "Telefon", NULL };
  const char *const sms[] = { "Wiadomość SMS", NULL };
  g_autofree char *crm = write_crm (f, "crm-2019.csv", channels, 1203);
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--workspace", f->ws, "--where", "KANAŁ=Telefon", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, channels, 1203, telefon);
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "kanal = Wiadomość SMS ", crm, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, channels, 1203, sms);
  run_clear (&r);
}

/* A decomposed (NFD) file, a value typed composed: the same text. Where
 * the file itself spells a value several ways, the exact one counts. */
static void
test_mac_export (Fixture *f, gconstpointer data)
{
  const char *const channels[] = { "Telefon", "telefon", "Wiadomość", "TELEFON", "Telefon", "E-mail", NULL };
  const char *const sms[] = { "Wiadomość", NULL };
  const char *const lower[] = { "telefon", NULL };
  g_autofree char *mac = write_mac (f, "mac-2019.csv", channels, 1500);
  Run r = { 0 };

  run (&r, "C.UTF-8", "--import", "--workspace", f->ws, "--where", "Kanał=Wiadomość", mac, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, channels, 1500, sms);
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "Kanał=telefon", mac, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_listed (f, channels, 1500, lower);
  /* none exactly: every other spelling is named, in the file's order */
  run (&r, "C.UTF-8", "--import", "--replace", "--workspace", f->ws, "--where", "Kanał=teLefon", mac, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "rocznik: file mac-2019.csv: no row has „teLefon” in the column „Kanał”, which holds "
                              "„Telefon”, „telefon”, „TELEFON”; write the value as the file does, "
                              "e.g. --where „Kanał=Telefon”\n");
  assert_listed (f, channels, 1500, lower);
  run_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-where/case-refused", Fixture, NULL, set_up, test_case_refused, tear_down);
  g_test_add ("/import-where/column-found", Fixture, NULL, set_up, test_column_found, tear_down);
  g_test_add ("/import-where/mac-export", Fixture, NULL, set_up, test_mac_export, tear_down);
  return g_test_run ();
}
