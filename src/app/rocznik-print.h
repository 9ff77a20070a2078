/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-print.h — the annual report on paper, as the PDF draws it */
#pragma once

#include <gtk/gtk.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

GtkPrintOperation *rocznik_print_operation_new (RocznikWorkspace  *workspace,
                                                int                year,
                                                int                compare_year,
                                                GError           **error);

G_END_DECLS
