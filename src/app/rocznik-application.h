/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-application.h — the Rocznik GTK application */
#pragma once

#include <adwaita.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_APPLICATION (rocznik_application_get_type ())

G_DECLARE_FINAL_TYPE (RocznikApplication, rocznik_application, ROCZNIK, APPLICATION, AdwApplication)

RocznikApplication *rocznik_application_new           (void);
void                rocznik_application_set_workspace_path (RocznikApplication *self,
                                                            const char         *path);
RocznikWorkspace   *rocznik_application_get_workspace (RocznikApplication *self,
                                                       GError            **error);
GSettings          *rocznik_application_get_settings  (RocznikApplication *self);

G_END_DECLS
