/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-frame-pool.h — X11 frames without a new shared-memory pool each */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

cairo_surface_t *rocznik_frame_pool_keep (GtkWidget *widget);

G_END_DECLS
