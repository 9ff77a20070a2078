/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-xlsx.h — the XLSX reader, for the module that carries it
 *
 * `rocznik` links the core without this reader (src/meson.build) and loads
 * it from rocznik-xlsx.so only for an XLSX file; everything else links the
 * core with it. Each program has exactly one rocznik_xlsx_source_new().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RocznikRowSource RocznikRowSource;

/* A row source over @sheet (NULL: the first with data) of the workbook at
 * @path; *@sheets gets every sheet's name, *@chosen the one read. */
RocznikRowSource *rocznik_xlsx_source_new (const char   *path,
                                           const char   *sheet,
                                           char       ***sheets,
                                           char        **chosen,
                                           GError      **error);

G_END_DECLS
