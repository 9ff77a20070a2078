/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-sample.h — the bundled Biuro Poznań Kontakt sample */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *rocznik_sample_load (GError **error);

G_END_DECLS
