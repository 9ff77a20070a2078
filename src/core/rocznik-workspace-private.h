/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-private.h — for the core's own use of the connection */
#pragma once

#include <sqlite3.h>

#include "rocznik-workspace.h"

G_BEGIN_DECLS

sqlite3  *rocznik_workspace_get_db   (RocznikWorkspace *self);
gboolean  rocznik_workspace_begin    (RocznikWorkspace *self,
                                      GError          **error);
gboolean  rocznik_workspace_commit   (RocznikWorkspace *self,
                                      GError          **error);
/* Rolls back, with @error set from the connection's last error. */
gboolean  rocznik_workspace_rollback (RocznikWorkspace *self,
                                      GError          **error);

G_END_DECLS
