/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-preferences.h — the preferences window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROCZNIK_TYPE_PREFERENCES (rocznik_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RocznikPreferences, rocznik_preferences, ROCZNIK, PREFERENCES, AdwPreferencesWindow)

RocznikPreferences *rocznik_preferences_new (GSettings *settings);

G_END_DECLS
