/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-xlsx-module.c — rocznik-xlsx.so: the core's XLSX reader for
 * `rocznik`, which loads it only for an XLSX file (rocznik-cli-xlsx.c) */

#include "config.h"

#include <gmodule.h>

#include "rocznik-xlsx-module.h"

G_MODULE_EXPORT RocznikRowSource *
rocznik_xlsx_module_source_new (const char  *path,
                                const char  *sheet,
                                char      ***sheets,
                                char       **chosen,
                                GError     **error)
{
  return rocznik_xlsx_source_new (path, sheet, sheets, chosen, error);
}
