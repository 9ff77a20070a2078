/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-dialog.h — the preview of an import, and its choices */
#pragma once

#include <adwaita.h>

#include "rocznik-import.h"
#include "rocznik-workspace.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_IMPORT_DIALOG (rocznik_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RocznikImportDialog, rocznik_import_dialog, ROCZNIK, IMPORT_DIALOG, AdwWindow)

/* @workspace is borrowed: it must outlive the dialog (the window owns it).
 * The file is read at once in a worker thread; "imported" is emitted after
 * the years were stored, then the dialog closes. */
RocznikImportDialog *rocznik_import_dialog_new        (GtkWindow           *parent,
                                                       RocznikWorkspace    *workspace,
                                                       GFile               *file);
gboolean             rocznik_import_dialog_get_busy   (RocznikImportDialog *self);
RocznikImport       *rocznik_import_dialog_get_import (RocznikImportDialog *self);

G_END_DECLS
