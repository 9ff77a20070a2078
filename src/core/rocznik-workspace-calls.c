/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-calls.c — what a year's per-call records tell beyond
 * topics (hours of the week, channels), stored and loaded with the year
 *
 * Written inside the year's own transaction and removed with it (the
 * tables cascade from the year). Handling time per topic lives on
 * year_topic and is written with the topics (rocznik-workspace-years.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-workspace-private.h"

static gboolean
out_of_range (gint64 value)
{
  return value < 0 || value > ROCZNIK_MAX_COUNT;
}

static gboolean
validate_durations (const RocznikYear *year,
                    GError           **error)
{
  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);

      if (!topic->has_duration)
        continue;
      if (out_of_range (topic->duration_calls) || out_of_range (topic->duration_seconds))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The handling time of „%s” in %d is out of range"), topic->name, year->year);
          return FALSE;
        }
      /* a call with a duration is one of the topic's calls */
      if (topic->duration_calls > topic->count)
        {
          g_autofree char *timed = rocznik_format_count (topic->duration_calls);
          g_autofree char *all = rocznik_format_count (topic->count);

          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("„%s” in %d has more calls with a handling time (%s) than calls (%s)"),
                       topic->name, year->year, timed, all);
          return FALSE;
        }
    }
  return TRUE;
}

/* Nothing is stored that the schema would have to refuse half-way. */
gboolean
rocznik_workspace_validate_calls (const RocznikYear *year,
                                  GError           **error)
{
  const RocznikCallProfile *calls = year->calls;

  if (!validate_durations (year, error))
    return FALSE;
  if (calls == NULL)
    return TRUE;
  for (int d = 0; d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; h < ROCZNIK_HOURS; h++)
      if (out_of_range (calls->hours[d][h]))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The number of calls by hour in %d is out of range"), year->year);
          return FALSE;
        }
  for (guint i = 0; i < calls->channels->len; i++)
    {
      const RocznikChannel *channel = g_ptr_array_index (calls->channels, i);

      if (channel->name == NULL || channel->name[0] == '\0')
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("A channel in %d has no name"), year->year);
          return FALSE;
        }
      if (out_of_range (channel->calls))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The number of calls through „%s” in %d is out of range"), channel->name, year->year);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_hours (RocznikWorkspace         *self,
             int                       year,
             const RocznikCallProfile *calls,
             GError                  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (!calls->has_hours)
    return TRUE;
  stmt = rocznik_workspace_prepare (self, "INSERT INTO call_hour (year, weekday, hour, calls) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  /* an hour without calls is a zero all the same: has_hours says so */
  for (int d = 0; ok && d < ROCZNIK_WEEKDAYS; d++)
    for (int h = 0; ok && h < ROCZNIK_HOURS; h++)
      {
        if (calls->hours[d][h] == 0)
          continue;
        sqlite3_bind_int (stmt, 1, year);
        sqlite3_bind_int (stmt, 2, d + 1);
        sqlite3_bind_int (stmt, 3, h);
        sqlite3_bind_int64 (stmt, 4, calls->hours[d][h]);
        ok = rocznik_workspace_step_done (self, stmt, error);
      }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_channels (RocznikWorkspace         *self,
                int                       year,
                const RocznikCallProfile *calls,
                GError                  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (calls->channels->len == 0)
    return TRUE;
  stmt = rocznik_workspace_prepare (self, "INSERT INTO call_channel (year, position, name, calls) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < calls->channels->len; i++)
    {
      const RocznikChannel *channel = g_ptr_array_index (calls->channels, i);

      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, channel->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, channel->calls);
      ok = rocznik_workspace_step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Inside the transaction that has just written the year's row. */
gboolean
rocznik_workspace_write_calls (RocznikWorkspace  *self,
                               const RocznikYear *year,
                               GError           **error)
{
  if (year->calls == NULL)
    return TRUE;
  return rocznik_workspace_run_sql (self, error, "INSERT INTO year_calls (year, has_hours) VALUES (?1, ?2)",
                                    "ii", (gint64) year->year, (gint64) (year->calls->has_hours ? 1 : 0))
         && write_hours (self, year->year, year->calls, error)
         && write_channels (self, year->year, year->calls, error);
}

static gboolean
read_hours (RocznikWorkspace   *self,
            int                 year,
            RocznikCallProfile *calls,
            GError            **error)
{
  sqlite3_stmt *stmt = rocznik_workspace_prepare (self, "SELECT weekday, hour, calls FROM call_hour WHERE year = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0) - 1, h = sqlite3_column_int (stmt, 1);

      /* the schema's checks keep both in range; a file edited by hand may not */
      if (d >= 0 && d < ROCZNIK_WEEKDAYS && h >= 0 && h < ROCZNIK_HOURS)
        calls->hours[d][h] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

static gboolean
read_channels (RocznikWorkspace   *self,
               int                 year,
               RocznikCallProfile *calls,
               GError            **error)
{
  sqlite3_stmt *stmt = rocznik_workspace_prepare (self, "SELECT name, calls FROM call_channel WHERE year = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rocznik_call_profile_add_channel (calls, (const char *) sqlite3_column_text (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

/* Fills @year->calls when the year has a profile; leaves it NULL when not. */
gboolean
rocznik_workspace_read_calls (RocznikWorkspace *self,
                              RocznikYear      *year,
                              GError          **error)
{
  g_autoptr(RocznikCallProfile) calls = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = rocznik_workspace_prepare (self, "SELECT has_hours FROM year_calls WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year->year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      calls = rocznik_call_profile_new ();
      calls->has_hours = sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rocznik_workspace_sql_error (self, error);
  if (calls == NULL)
    return TRUE;
  if (!read_hours (self, year->year, calls, error) || !read_channels (self, year->year, calls, error))
    return FALSE;
  g_clear_pointer (&year->calls, rocznik_call_profile_free);
  year->calls = g_steal_pointer (&calls);
  return TRUE;
}
