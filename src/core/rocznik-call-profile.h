/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-profile.h — what a year's per-call records tell beyond topics
 *
 * Filled by per-call imports, stored by the workspace, read by charts,
 * reports, the command line and the window. A year imported from totals
 * has no profile (RocznikYear.calls == NULL). Topic × month lives on
 * RocznikTopic.months; handling time per topic on RocznikTopic.duration_*.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROCZNIK_WEEKDAYS 7   /* 0 = Monday … 6 = Sunday */
#define ROCZNIK_HOURS 24

typedef struct
{
  char   *name;     /* as written in the file, cleaned like a topic name */
  gint64  calls;
} RocznikChannel;

typedef struct
{
  gboolean   has_hours;      /* the records carried a time of day */
  gint64     hours[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];
  GPtrArray *channels;       /* RocznikChannel*, by calls descending; empty without a channel column */
} RocznikCallProfile;

RocznikCallProfile *rocznik_call_profile_new         (void);
RocznikCallProfile *rocznik_call_profile_copy        (const RocznikCallProfile *profile);
void                rocznik_call_profile_free        (RocznikCallProfile       *profile);
RocznikChannel     *rocznik_call_profile_add_channel (RocznikCallProfile       *profile,
                                                      const char               *name,
                                                      gint64                    calls);
gint64              rocznik_call_profile_hours_total (const RocznikCallProfile *profile);
gboolean            rocznik_call_profile_is_empty    (const RocznikCallProfile *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikCallProfile, rocznik_call_profile_free)

G_END_DECLS
