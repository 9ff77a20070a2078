/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-xlsx-module.h — what rocznik-xlsx.so offers `rocznik` */
#pragma once

#include "rocznik-import-xlsx.h"

G_BEGIN_DECLS

#define ROCZNIK_XLSX_MODULE_NAME "rocznik-xlsx.so"
#define ROCZNIK_XLSX_MODULE_SYMBOL "rocznik_xlsx_module_source_new"

/* The core's rocznik_xlsx_source_new(), under a name of the module's own. */
typedef RocznikRowSource *(*RocznikXlsxModuleSourceNew) (const char   *path,
                                                         const char   *sheet,
                                                         char       ***sheets,
                                                         char        **chosen,
                                                         GError      **error);

RocznikRowSource *rocznik_xlsx_module_source_new (const char   *path,
                                                  const char   *sheet,
                                                  char       ***sheets,
                                                  char        **chosen,
                                                  GError      **error);

G_END_DECLS
