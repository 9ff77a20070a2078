/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-cli-xlsx.c — the XLSX reader of `rocznik`, loaded when needed
 *
 * The core's reader needs libzip and libxml2, which bring libcrypto,
 * ICU's data and five more: about 3 ms of relocations at every start,
 * for the rare XLSX import. This definition of rocznik_xlsx_source_new()
 * is `rocznik`'s, and forwards to the real
 * reader in rocznik-xlsx.so (rocznik-xlsx-module.c). The window and the
 * tests link the core's reader directly; `rocznik` links the core without
 * it (src/meson.build), so each program has one definition.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "rocznik-cli.h"
#include "rocznik-error.h"
#include "rocznik-xlsx-module.h"

RocznikRowSource *
rocznik_xlsx_source_new (const char  *path,
                         const char  *sheet,
                         char      ***sheets,
                         char       **chosen,
                         GError     **error)
{
  static RocznikXlsxModuleSourceNew source_new;

  if (source_new == NULL)
    {
      g_autofree char *module_path = rocznik_cli_find_file (ROCZNIK_XLSX_MODULE_NAME, PKGLIBDIR);
      GModule *module = g_module_open (module_path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL || !g_module_symbol (module, ROCZNIK_XLSX_MODULE_SYMBOL, (gpointer *) &source_new))
        {
          g_autofree char *display = g_path_get_basename (path);

          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                       _("file %s: cannot read XLSX workbooks here, the module %s is missing: %s"),
                       display, module_path, g_module_error ());
          g_clear_pointer (&module, g_module_close);
          source_new = NULL;
          return NULL;
        }
      /* its row sources outlive this call */
      g_module_make_resident (module);
    }
  return source_new (path, sheet, sheets, chosen, error);
}
