/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-util.c — what the command-line, store and report tests share */

#include <string.h>
#include <sys/wait.h>

#include "rocznik-test-util.h"

void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs `$ROCZNIK_BIN ARGS…` (NULL-terminated) with LC_ALL=@locale, as a user
 * would, and keeps its output and exit status in @r. */
void
run (Run        *r,
     const char *locale,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status;

  run_clear (r);
  g_ptr_array_add (argv, g_strdup (g_getenv ("ROCZNIK_BIN")));
  va_start (ap, locale);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

/* SHA-256 of a file: "left byte for byte unchanged" made checkable. */
char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Removes a test's temporary folder and all in it (big generated files). */
void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", "--", path, NULL };

  g_assert_true (g_str_has_prefix (path, g_get_tmp_dir ()));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
}

char *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The PDF's text as pdftotext reads it (@layout: table rows on one line),
 * every run of spaces (U+00A0 too) one space. */
char *
test_pdf_text (const char *path,
          gboolean    layout)
{
  const char *plain[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *laid_out[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  const char **argv = layout ? laid_out : plain;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("(\\s|\xc2\xa0)+", 0, 0, NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* @n's digits in threes with @separator between them: "70 055" in Polish
 * text (U+00A0), or as pdftotext reads it (a space). */
char *
test_grouped (gint64      n,
              const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  size_t len = strlen (digits);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
