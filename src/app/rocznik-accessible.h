/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-accessible.h — names a screen reader reads, without doubles */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rocznik_accessible_fix_names     (GtkWidget   *root);
void rocznik_accessible_name_dropdown (GtkDropDown *dropdown,
                                       const char  *name);
void rocznik_accessible_name_inner    (GtkWidget   *root,
                                       GType        type,
                                       const char  *name);

G_END_DECLS
