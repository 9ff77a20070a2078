/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-schema.c — the workspace's tables, and bringing an
 * older file up to them when it is opened
 *
 * A file is checked before anything is written: a damaged, foreign or
 * newer database is reported and left untouched.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-sample.h"
#include "rocznik-workspace-private.h"

static const char schema_v1[] =
  "CREATE TABLE topic ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE alias ("
  "  key TEXT PRIMARY KEY,"
  "  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE);"
  "CREATE TABLE year ("
  "  year INTEGER PRIMARY KEY,"
  "  organisation TEXT,"
  "  declared_total INTEGER CHECK (declared_total IS NULL OR declared_total >= 0),"
  "  declared_more_than INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT,"
  "  is_sample INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE year_topic ("
  "  year INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,"
  "  topic_id INTEGER NOT NULL REFERENCES topic(id),"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  PRIMARY KEY (year, topic_id));"
  "CREATE TABLE topic_month ("
  "  year INTEGER NOT NULL,"
  "  topic_id INTEGER NOT NULL,"
  "  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  PRIMARY KEY (year, topic_id, month),"
  "  FOREIGN KEY (year, topic_id) REFERENCES year_topic(year, topic_id) ON DELETE CASCADE);"
  "CREATE TABLE list ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  declared INTEGER);"
  "CREATE TABLE list_item ("
  "  list_id INTEGER NOT NULL REFERENCES list(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL);"
  "CREATE TABLE category ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE category_topic ("
  "  category_id INTEGER NOT NULL REFERENCES category(id) ON DELETE CASCADE,"
  "  topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (category_id, topic_id));";

/* How a source's columns were chosen, by a hash of its header row. */
static const char schema_v2[] =
  "CREATE TABLE import_choice ("
  "  header_hash TEXT PRIMARY KEY,"
  "  choices TEXT NOT NULL);";

/* What per-call records tell beyond topics (rocznik-call-profile.h): a
 * year_calls row marks a year that has a profile; its hours of the week
 * (only the cells with calls) and channels, in the profile's order; and
 * each topic's handling time, NULL when the records had no duration. */
static const char schema_v3[] =
  "ALTER TABLE year_topic ADD COLUMN duration_calls INTEGER"
  "  CHECK (duration_calls IS NULL OR duration_calls >= 0);"
  "ALTER TABLE year_topic ADD COLUMN duration_seconds INTEGER"
  "  CHECK (duration_seconds IS NULL OR duration_seconds >= 0);"
  "CREATE TABLE year_calls ("
  "  year INTEGER PRIMARY KEY REFERENCES year(year) ON DELETE CASCADE,"
  "  has_hours INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE call_hour ("
  "  year INTEGER NOT NULL REFERENCES year_calls(year) ON DELETE CASCADE,"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
  "  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),"
  "  calls INTEGER NOT NULL CHECK (calls >= 0),"
  "  PRIMARY KEY (year, weekday, hour));"
  "CREATE TABLE call_channel ("
  "  year INTEGER NOT NULL REFERENCES year_calls(year) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  calls INTEGER NOT NULL CHECK (calls >= 0),"
  "  PRIMARY KEY (year, position));";

/* Migrations from version i to i + 1 live at index i; index 0 creates. */
static const char *migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ROCZNIK_WORKSPACE_SCHEMA_VERSION);

/* Creates or upgrades the schema under the write lock: the version is read
 * again once the lock is ours, so two programs creating one workspace at
 * once do it once. A new workspace gets the sample in the same transaction. */
static gboolean
migrate (RocznikWorkspace *self,
         gboolean          with_sample,
         GError          **error)
{
  g_autofree char *set_version = NULL;
  gint64 version = 0;

  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  if (rocznik_workspace_query_int (self, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      rocznik_workspace_sql_error (self, error);
      return rocznik_workspace_abort (self);
    }
  if (version >= ROCZNIK_WORKSPACE_SCHEMA_VERSION)
    {
      rocznik_workspace_abort (self);
      return TRUE;
    }
  for (gint64 v = version; v < ROCZNIK_WORKSPACE_SCHEMA_VERSION; v++)
    if (!rocznik_workspace_exec (self, migrations[v], error))
      return rocznik_workspace_abort (self);
  if (version == 0 && with_sample)
    {
      g_autoptr(GPtrArray) years = rocznik_sample_load (error);

      if (years == NULL)
        return rocznik_workspace_abort (self);
      for (guint i = 0; i < years->len; i++)
        if (!rocznik_workspace_write_year (self, g_ptr_array_index (years, i), FALSE, error))
          return rocznik_workspace_abort (self);
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 ROCZNIK_WORKSPACE_SCHEMA_VERSION, ROCZNIK_APPLICATION_ID);
  if (!rocznik_workspace_exec (self, set_version, error))
    return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
}

/* Write-ahead logging: a list or an export reads while an import stores.
 * Set only on a file known to be ours (it rewrites the header).
 *
 * The switch reads the header, then writes it. SQLite's busy timeout does
 * not cover turning a read into a write (waiting there could deadlock): it
 * answers "busy" at once. Then another program is switching or storing
 * into this file at this moment; like the busy timeout, the switch is
 * tried again until the same wait is over. Once the other has switched,
 * the header already says WAL and nothing is written. */
static gboolean
use_wal (RocznikWorkspace *self,
         GError          **error)
{
  const char *file = sqlite3_db_filename (self->db, "main");
  gint64 deadline = g_get_monotonic_time () + ROCZNIK_WORKSPACE_BUSY_TIMEOUT_MS * 1000;
  int rc;

  /* a database in memory (a read-only copy too) has no journal to change */
  if (file == NULL || file[0] == '\0')
    return TRUE;
  do
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (!rocznik_workspace_is_busy (rc))
        break;
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < deadline);
  if (rocznik_workspace_is_busy (rc))
    return rocznik_workspace_busy_error (self, error);
  /* a file we may only read stays as it is, and is still read */
  return TRUE;
}

gboolean
rocznik_workspace_check_and_migrate (RocznikWorkspace *self,
                                     gboolean          with_sample,
                                     GError          **error)
{
  gint64 version = 0, app_id = 0, tables = 0;
  int rc;

  /* The first read tells a damaged or foreign file before anything is written. */
  rc = rocznik_workspace_query_int (self, "SELECT count(*) FROM sqlite_master", &tables);
  if (rc == SQLITE_OK)
    rc = rocznik_workspace_query_int (self, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK)
    rc = rocznik_workspace_query_int (self, "PRAGMA application_id", &app_id);
  if (rocznik_workspace_is_busy (rc))
    return rocznik_workspace_busy_error (self, error);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                   _("The workspace %s is damaged or is not a Rocznik workspace"),
                   self->path);
      return FALSE;
    }

  /* another program's database may have no tables yet but its own version */
  if ((tables > 0 || version != 0) && app_id != ROCZNIK_APPLICATION_ID)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                   _("The file %s is a database, but not a Rocznik workspace; it was left untouched"),
                   self->path);
      return FALSE;
    }
  if (version > ROCZNIK_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NEWER_VERSION,
                   _("The workspace %s was saved by a newer version of Rocznik (format %d, this version reads up to %d); it was left untouched"),
                   self->path, (int) version, ROCZNIK_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }
  if (tables > 0)
    {
      g_autofree char *problem = NULL;
      sqlite3_stmt *stmt = rocznik_workspace_prepare (self, "PRAGMA quick_check", NULL);

      rc = stmt ? sqlite3_step (stmt) : sqlite3_errcode (self->db);
      if (rocznik_workspace_is_busy (rc))
        {
          sqlite3_finalize (stmt);
          return rocznik_workspace_busy_error (self, error);
        }
      if (rc != SQLITE_ROW)
        problem = g_strdup (sqlite3_errmsg (self->db));
      else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (problem)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                       _("The workspace %s is damaged (%s); it was left untouched"),
                       self->path, problem);
          return FALSE;
        }
    }

  if (!use_wal (self, error))
    return FALSE;
  if (version < ROCZNIK_WORKSPACE_SCHEMA_VERSION)
    return migrate (self, with_sample, error);
  return TRUE;
}
