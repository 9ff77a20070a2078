/* rocznik-report-pdf.c — the annual report as a PDF (Cairo + Pango) */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-error.h"
#include "rocznik-report-private.h"

gboolean
rocznik_report_write_pdf (RocznikWorkspace           *ws,
                          const RocznikReportOptions *options,
                          const char                 *path,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_FAILED, _("PDF export is not available yet"));
  return FALSE;
}
