/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-test-util.h — what the command-line, store and report tests share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

void  run_clear   (Run        *r);
void  run         (Run        *r,
                   const char *locale,
                   ...) G_GNUC_NULL_TERMINATED;
char *file_digest (const char *path);
void  remove_tree (const char *path);
char *test_read_file (const char *path);
char *test_pdf_text  (const char *path,
                      gboolean    layout);
char *test_grouped   (gint64      n,
                      const char *separator);

G_END_DECLS
