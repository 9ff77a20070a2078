/* rocznik-file.h — atomic writes: a temporary file renamed into place */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rocznik_file_temp_for (const char  *path,
                                 GError     **error);
gboolean  rocznik_file_commit   (const char  *temp_path,
                                 const char  *path,
                                 GError     **error);
void      rocznik_file_abort    (const char  *temp_path);
char     *rocznik_file_with_extension (const char *path,
                                       const char *extension);

G_END_DECLS
