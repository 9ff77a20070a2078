/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-i18n.h — where the binaries find their translations */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rocznik_i18n_locale_dir (void);
void  rocznik_i18n_init       (void);

G_END_DECLS
