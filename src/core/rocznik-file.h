/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-file.h — safe writes: a new file beside the target, renamed into place */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _RocznikFile RocznikFile;

RocznikFile *rocznik_file_new          (const char   *path,
                                        GError      **error);
gboolean     rocznik_file_write        (RocznikFile  *self,
                                        const void   *data,
                                        gsize         length);
cairo_status_t rocznik_file_cairo_write (void              *closure,
                                        const unsigned char *data,
                                        unsigned int         length);
gboolean     rocznik_file_copy_from    (RocznikFile  *self,
                                        const char   *source,
                                        GError      **error);
gboolean     rocznik_file_take_error   (RocznikFile  *self,
                                        GError      **error);
gboolean     rocznik_file_commit       (RocznikFile  *self,
                                        GError      **error);
void         rocznik_file_abort        (RocznikFile  *self);
gboolean     rocznik_file_save         (const char   *path,
                                        const char   *data,
                                        gsize         length,
                                        GError      **error);
void         rocznik_file_set_error    (GError      **error,
                                        const char   *path,
                                        int           errsv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikFile, rocznik_file_abort)
char        *rocznik_file_with_extension (const char *path,
                                         const char *extension);


G_END_DECLS
