/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-text.h — reads the text of a published annual summary */
#pragma once

#include <glib.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

RocznikYear *rocznik_report_text_parse (const char  *text,
                                        gssize       length,
                                        const char  *filename,
                                        GError     **error);

G_END_DECLS
