/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-profile.c — what a year's per-call records tell beyond topics */

#include "config.h"

#include <string.h>

#include "rocznik-call-profile.h"

static void
channel_free (gpointer data)
{
  RocznikChannel *channel = data;

  g_free (channel->name);
  g_free (channel);
}

RocznikCallProfile *
rocznik_call_profile_new (void)
{
  RocznikCallProfile *profile = g_new0 (RocznikCallProfile, 1);

  profile->channels = g_ptr_array_new_with_free_func (channel_free);
  return profile;
}

RocznikCallProfile *
rocznik_call_profile_copy (const RocznikCallProfile *profile)
{
  RocznikCallProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = rocznik_call_profile_new ();
  copy->has_hours = profile->has_hours;
  memcpy (copy->hours, profile->hours, sizeof copy->hours);
  for (guint i = 0; i < profile->channels->len; i++)
    {
      const RocznikChannel *channel = g_ptr_array_index (profile->channels, i);

      rocznik_call_profile_add_channel (copy, channel->name, channel->calls);
    }
  return copy;
}

void
rocznik_call_profile_free (RocznikCallProfile *profile)
{
  if (profile == NULL)
    return;
  g_ptr_array_unref (profile->channels);
  g_free (profile);
}

RocznikChannel *
rocznik_call_profile_add_channel (RocznikCallProfile *profile,
                                  const char         *name,
                                  gint64              calls)
{
  RocznikChannel *channel;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  channel = g_new0 (RocznikChannel, 1);
  channel->name = g_strdup (name);
  channel->calls = calls;
  g_ptr_array_add (profile->channels, channel);
  return channel;
}

gint64
rocznik_call_profile_hours_total (const RocznikCallProfile *profile)
{
  gint64 total = 0;

  g_return_val_if_fail (profile != NULL, 0);

  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      total += profile->hours[d][h];
  return total;
}

/* Nothing worth keeping: no time of day and no channel. */
gboolean
rocznik_call_profile_is_empty (const RocznikCallProfile *profile)
{
  g_return_val_if_fail (profile != NULL, TRUE);

  return !profile->has_hours && profile->channels->len == 0;
}
