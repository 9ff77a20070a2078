/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace.c — every imported year, kept in one SQLite file
 *
 * The database is the single source of truth; years are loaded as plain
 * RocznikYear snapshots. Every change runs in one transaction, so a failed
 * import or edit leaves the file exactly as it was.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-sample.h"
#include "rocznik-workspace-private.h"

/* How long a command waits for another Rocznik to finish storing before
 * it says the workspace is in use: longer than any import's store takes. */
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (rocznik-error-quark, rocznik_error)

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

/* Migrations from version i to i + 1 live at index i; index 0 creates. */
static const char *migrations[] = {
  schema_v1,
  schema_v2,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ROCZNIK_WORKSPACE_SCHEMA_VERSION);

static gboolean
is_busy (int code)
{
  code &= 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* A lock is never reported as damage: the file is fine, only in use. */
gboolean
rocznik_workspace_busy_error (RocznikWorkspace *self,
                              GError          **error)
{
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_BUSY,
               _("The workspace %s is in use by another Rocznik; try again when it has finished"),
               self->path);
  return FALSE;
}

gboolean
rocznik_workspace_sql_error (RocznikWorkspace *self,
                             GError          **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;

  if (is_busy (code))
    return rocznik_workspace_busy_error (self, error);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_CORRUPT,
                 _("The workspace %s is damaged or is not a Rocznik workspace"),
                 self->path);
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("The change breaks a rule of the workspace: %s"),
                 sqlite3_errmsg (self->db));
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                 _("Cannot use the workspace %s: %s"),
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (RocznikWorkspace *self,
      const char       *sql,
      GError          **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (RocznikWorkspace *self,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      rocznik_workspace_sql_error (self, error);
      return NULL;
    }
  return stmt;
}

/* The first column of @sql's first row; the SQLite result code. */
static int
query_int (RocznikWorkspace *self,
           const char       *sql,
           gint64           *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
begin (RocznikWorkspace *self,
       GError          **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (RocznikWorkspace *self,
        GError          **error)
{
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (self->changed_func)
    self->changed_func (self, self->changed_data);
  return TRUE;
}

static gboolean
rollback (RocznikWorkspace *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean write_year (RocznikWorkspace  *self,
                            const RocznikYear *year,
                            gboolean           replace,
                            GError           **error);

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

  if (!begin (self, error))
    return FALSE;
  if (query_int (self, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      rocznik_workspace_sql_error (self, error);
      return rollback (self);
    }
  if (version >= ROCZNIK_WORKSPACE_SCHEMA_VERSION)
    {
      rollback (self);
      return TRUE;
    }
  for (gint64 v = version; v < ROCZNIK_WORKSPACE_SCHEMA_VERSION; v++)
    if (!exec (self, migrations[v], error))
      return rollback (self);
  if (version == 0 && with_sample)
    {
      g_autoptr(GPtrArray) years = rocznik_sample_load (error);

      if (years == NULL)
        return rollback (self);
      for (guint i = 0; i < years->len; i++)
        if (!write_year (self, g_ptr_array_index (years, i), FALSE, error))
          return rollback (self);
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 ROCZNIK_WORKSPACE_SCHEMA_VERSION, ROCZNIK_APPLICATION_ID);
  if (!exec (self, set_version, error))
    return rollback (self);
  return commit (self, error);
}

/* Write-ahead logging: a list or an export reads while an import stores.
 * Set only on a file known to be ours (it rewrites the header). */
static gboolean
use_wal (RocznikWorkspace *self,
         GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (is_busy (rc))
    return rocznik_workspace_busy_error (self, error);
  /* a file we may only read stays as it is, and is still read */
  return TRUE;
}

static gboolean
check_and_migrate (RocznikWorkspace *self,
                   gboolean          with_sample,
                   GError          **error)
{
  gint64 version = 0, app_id = 0, tables = 0;
  int rc;

  /* The first read tells a damaged or foreign file before anything is written. */
  rc = query_int (self, "SELECT count(*) FROM sqlite_master", &tables);
  if (rc == SQLITE_OK)
    rc = query_int (self, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK)
    rc = query_int (self, "PRAGMA application_id", &app_id);
  if (is_busy (rc))
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
      sqlite3_stmt *stmt = prepare (self, "PRAGMA quick_check", NULL);

      rc = stmt ? sqlite3_step (stmt) : sqlite3_errcode (self->db);
      if (is_busy (rc))
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

static RocznikWorkspace *
open_db (const char *path,
         gboolean    with_sample,
         GError    **error)
{
  g_autoptr(RocznikWorkspace) self = g_new0 (RocznikWorkspace, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  self->path = g_strdup (path ? path : ":memory:");
  self->data_version = -1;
  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot open the workspace %s: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (!check_and_migrate (self, with_sample, error))
    return NULL;
  query_int (self, "PRAGMA data_version", &self->data_version);
  return g_steal_pointer (&self);
}

/* Statements reused across the topics of a wide import; NULL members are
 * prepared on first use and finalised by topic_stmts_clear(). */
typedef struct
{
  sqlite3_stmt *find;
  sqlite3_stmt *insert;
} TopicStmts;

static void
topic_stmts_clear (TopicStmts *st)
{
  g_clear_pointer (&st->find, sqlite3_finalize);
  g_clear_pointer (&st->insert, sqlite3_finalize);
}

static sqlite3_stmt *
reuse_stmt (RocznikWorkspace *self,
            sqlite3_stmt    **slot,
            const char       *sql,
            GError          **error)
{
  if (*slot == NULL)
    *slot = prepare (self, sql, error);
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }
  return *slot;
}

/* Topic resolution: alias first, then canonical key; new topics are created. */
static gint64
topic_id_with (RocznikWorkspace *self,
               const char       *name,
               gboolean          create,
               TopicStmts       *st,
               GError          **error)
{
  g_autofree char *key = rocznik_topic_key (name);
  sqlite3_stmt *stmt;
  gint64 id = -1;

  stmt = reuse_stmt (self, &st->find,
                     "SELECT topic_id FROM alias WHERE key = ?1 "
                     "UNION ALL SELECT id FROM topic WHERE key = ?1 LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id >= 0 || !create)
    {
      if (id < 0)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                     _("There is no topic „%s” in the workspace"), name);
      return id;
    }

  stmt = reuse_stmt (self, &st->insert, "INSERT INTO topic (key, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (self->db);
  else
    rocznik_workspace_sql_error (self, error);
  sqlite3_reset (stmt);
  return id;
}

static gint64
topic_id_for (RocznikWorkspace *self,
              const char       *name,
              gboolean          create,
              GError          **error)
{
  TopicStmts st = { NULL, NULL };
  gint64 id = topic_id_with (self, name, create, &st, error);

  topic_stmts_clear (&st);
  return id;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  if (value == ROCZNIK_NO_TOTAL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static gboolean
step_done (RocznikWorkspace *self,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rocznik_workspace_sql_error (self, error);
  return TRUE;
}

/* Prepares @sql, binds one argument per letter of @types ('i' a gint64,
 * 't' a string) to ?1, ?2…, and runs it to completion. */
static gboolean
run_sql (RocznikWorkspace *self,
         GError          **error,
         const char       *sql,
         const char       *types,
         ...)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gboolean ok;
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i]; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);
  ok = step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_lists (RocznikWorkspace  *self,
             const RocznikYear *year,
             GError           **error)
{
  sqlite3_stmt *list_stmt = NULL, *item_stmt = NULL, *del = NULL;
  gboolean ok = FALSE;

  del = prepare (self, "DELETE FROM list WHERE year = ?1", error);
  list_stmt = prepare (self, "INSERT INTO list (year, position, title, declared) VALUES (?1, ?2, ?3, ?4)", error);
  item_stmt = prepare (self, "INSERT INTO list_item (list_id, position, text) VALUES (?1, ?2, ?3)", error);
  if (!del || !list_stmt || !item_stmt)
    goto out;

  sqlite3_bind_int (del, 1, year->year);
  if (!step_done (self, del, error))
    goto out;

  for (guint i = 0; i < year->lists->len; i++)
    {
      const RocznikList *list = g_ptr_array_index (year->lists, i);
      gint64 list_id;

      sqlite3_bind_int (list_stmt, 1, year->year);
      sqlite3_bind_int (list_stmt, 2, i);
      sqlite3_bind_text (list_stmt, 3, list->title ? list->title : "", -1, SQLITE_TRANSIENT);
      bind_optional_int (list_stmt, 4, list->declared);
      if (!step_done (self, list_stmt, error))
        goto out;
      list_id = sqlite3_last_insert_rowid (self->db);
      for (guint j = 0; j < list->items->len; j++)
        {
          sqlite3_bind_int64 (item_stmt, 1, list_id);
          sqlite3_bind_int (item_stmt, 2, j);
          sqlite3_bind_text (item_stmt, 3, g_ptr_array_index (list->items, j), -1, SQLITE_TRANSIENT);
          if (!step_done (self, item_stmt, error))
            goto out;
        }
    }
  ok = TRUE;

out:
  sqlite3_finalize (del);
  sqlite3_finalize (list_stmt);
  sqlite3_finalize (item_stmt);
  return ok;
}

static gboolean
write_year_row (RocznikWorkspace  *self,
                const RocznikYear *year,
                const char        *sql,
                GError           **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year->year);
  sqlite3_bind_text (stmt, 2, year->organisation, -1, SQLITE_TRANSIENT);
  bind_optional_int (stmt, 3, year->declared_total);
  sqlite3_bind_int (stmt, 4, year->declared_more_than ? 1 : 0);
  sqlite3_bind_text (stmt, 5, year->notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, year->is_sample ? 1 : 0);
  ok = step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
validate_year (const RocznikYear *year,
               GError           **error)
{
  if (year->year < 1900 || year->year > 2999)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("%d is not a year Rocznik can store"), year->year);
      return FALSE;
    }
  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);

      if (topic->count < 0 || topic->count > ROCZNIK_MAX_COUNT)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The count of „%s” is out of range"), topic->name);
          return FALSE;
        }
      if (topic->key == NULL || topic->key[0] == '\0')
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("A topic in %d has an empty name"), year->year);
          return FALSE;
        }
    }
  return TRUE;
}

/* Writes one year inside an open transaction. */
static gboolean
write_year (RocznikWorkspace  *self,
            const RocznikYear *year,
            gboolean           replace,
            GError           **error)
{
  sqlite3_stmt *topic_stmt = NULL, *month_stmt = NULL;
  TopicStmts ids = { NULL, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean ok = FALSE;

  if (!validate_year (year, error))
    return FALSE;

  if (rocznik_workspace_has_year (self, year->year))
    {
      g_autofree char *sql = NULL;

      if (!replace)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                       _("The year %d is already in the workspace; choose to replace it"),
                       year->year);
          return FALSE;
        }
      sql = g_strdup_printf ("DELETE FROM year WHERE year = %d", year->year);
      if (!exec (self, sql, error))
        return FALSE;
    }

  if (!write_year_row (self, year,
                       "INSERT INTO year (year, organisation, declared_total, declared_more_than, notes, is_sample) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error))
    return FALSE;

  topic_stmt = prepare (self, "INSERT INTO year_topic (year, topic_id, position, name, count) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  month_stmt = prepare (self, "INSERT INTO topic_month (year, topic_id, month, count) VALUES (?1, ?2, ?3, ?4)", error);
  if (!topic_stmt || !month_stmt)
    goto out;

  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);
      gint64 id = topic_id_with (self, topic->name, TRUE, &ids, error);

      if (id < 0)
        goto out;
      if (g_hash_table_contains (seen, GINT_TO_POINTER (id)))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("The topic „%s” appears twice in %d"), topic->name, year->year);
          goto out;
        }
      g_hash_table_add (seen, GINT_TO_POINTER (id));

      sqlite3_bind_int (topic_stmt, 1, year->year);
      sqlite3_bind_int64 (topic_stmt, 2, id);
      sqlite3_bind_int (topic_stmt, 3, i);
      sqlite3_bind_text (topic_stmt, 4, topic->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (topic_stmt, 5, topic->count);
      if (!step_done (self, topic_stmt, error))
        goto out;

      if (topic->has_months)
        for (int m = 0; m < 12; m++)
          {
            sqlite3_bind_int (month_stmt, 1, year->year);
            sqlite3_bind_int64 (month_stmt, 2, id);
            sqlite3_bind_int (month_stmt, 3, m + 1);
            sqlite3_bind_int64 (month_stmt, 4, topic->months[m]);
            if (!step_done (self, month_stmt, error))
              goto out;
          }
    }

  ok = write_lists (self, year, error);

out:
  topic_stmts_clear (&ids);
  sqlite3_finalize (topic_stmt);
  sqlite3_finalize (month_stmt);
  return ok;
}

static RocznikYear *
read_year (RocznikWorkspace *self,
           int               number,
           GError          **error)
{
  g_autoptr(RocznikYear) year = NULL;
  sqlite3_stmt *stmt;
  GHashTable *by_id;

  stmt = prepare (self, "SELECT organisation, declared_total, declared_more_than, notes, is_sample FROM year WHERE year = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), number);
      return NULL;
    }
  year = rocznik_year_new (number);
  year->organisation = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  year->declared_total = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? ROCZNIK_NO_TOTAL : sqlite3_column_int64 (stmt, 1);
  year->declared_more_than = sqlite3_column_int (stmt, 2) != 0;
  year->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  year->is_sample = sqlite3_column_int (stmt, 4) != 0;
  sqlite3_finalize (stmt);

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = prepare (self,
                  "SELECT yt.name, t.key, yt.count, t.id FROM year_topic yt JOIN topic t ON t.id = yt.topic_id "
                  "WHERE yt.year = ?1 ORDER BY yt.position", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (by_id);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, number);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RocznikTopic *topic = g_new0 (RocznikTopic, 1);
      gint64 *id = g_new (gint64, 1);

      topic->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      topic->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      topic->count = sqlite3_column_int64 (stmt, 2);
      *id = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (year->topics, topic);
      g_hash_table_insert (by_id, id, topic);
    }
  sqlite3_finalize (stmt);

  stmt = prepare (self, "SELECT topic_id, month, count FROM topic_month WHERE year = ?1", NULL);
  if (stmt)
    {
      sqlite3_bind_int (stmt, 1, number);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          RocznikTopic *topic = g_hash_table_lookup (by_id, &id);
          int month = sqlite3_column_int (stmt, 1);

          if (topic && month >= 1 && month <= 12)
            {
              topic->has_months = TRUE;
              topic->months[month - 1] = sqlite3_column_int64 (stmt, 2);
            }
        }
      sqlite3_finalize (stmt);
    }
  g_hash_table_unref (by_id);

  stmt = prepare (self,
                  "SELECT l.id, l.title, l.declared, i.text FROM list l LEFT JOIN list_item i ON i.list_id = l.id "
                  "WHERE l.year = ?1 ORDER BY l.position, i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, number);
  {
    gint64 last_id = -1;
    RocznikList *list = NULL;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        if (id != last_id)
          {
            list = rocznik_year_add_list (year, (const char *) sqlite3_column_text (stmt, 1));
            list->declared = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? ROCZNIK_NO_TOTAL : sqlite3_column_int64 (stmt, 2);
            last_id = id;
          }
        if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
          g_ptr_array_add (list->items, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
      }
  }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&year);
}

/* Public API */

char *
rocznik_workspace_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rocznik", "workspace.db", NULL);
}

/* Opens (or creates, seeded with the bundled sample) the workspace at @path.
 * A damaged, foreign or newer file is reported and never written to. */
RocznikWorkspace *
rocznik_workspace_open (const char *path,
                        GError    **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  return open_db (path, TRUE, error);
}

/* An empty workspace that lives only in memory (for one-shot exports and tests). */
RocznikWorkspace *
rocznik_workspace_new_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *self = open_db (NULL, FALSE, &error);

  if (self == NULL)
    g_error ("Cannot create an in-memory workspace: %s", error->message);
  return self;
}

void
rocznik_workspace_free (RocznikWorkspace *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->last_snapshot);
  g_free (self);
}

const char *
rocznik_workspace_get_path (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
rocznik_workspace_add_sample (RocznikWorkspace *self,
                              GError          **error)
{
  g_autoptr(GPtrArray) years = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  years = rocznik_sample_load (error);
  if (years == NULL)
    return FALSE;
  return rocznik_workspace_store_years (self, years, FALSE, error);
}

void
rocznik_workspace_set_changed_func (RocznikWorkspace           *self,
                                    RocznikWorkspaceChangedFunc func,
                                    gpointer                    user_data)
{
  g_return_if_fail (self != NULL);

  self->changed_func = func;
  self->changed_data = user_data;
}

/* TRUE (once) when another program or connection has changed the workspace
 * since the last call: the window reloads then. Cheap: no file is read. */
gboolean
rocznik_workspace_changed_elsewhere (RocznikWorkspace *self)
{
  gint64 version = -1;
  gboolean changed;

  g_return_val_if_fail (self != NULL, FALSE);

  if (query_int (self, "PRAGMA data_version", &version) != SQLITE_OK || version < 0)
    return FALSE;
  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}

/* The snapshot kept before the last import that replaced a year or the
 * last deletion of a year by this workspace, or NULL: "Cofnij import". */
const char *
rocznik_workspace_get_last_snapshot (RocznikWorkspace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->last_snapshot;
}

/* The stored years, ascending. */
GArray *
rocznik_workspace_list_years (RocznikWorkspace *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, years);

  stmt = prepare (self, "SELECT year FROM year ORDER BY year", NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, y);
    }
  sqlite3_finalize (stmt);
  return years;
}

gboolean
rocznik_workspace_has_year (RocznikWorkspace *self,
                            int               year)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = prepare (self, "SELECT 1 FROM year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* TRUE when @year is stored and came from the bundled sample. */
gboolean
rocznik_workspace_year_is_sample (RocznikWorkspace *self,
                                  int               year)
{
  sqlite3_stmt *stmt;
  gboolean sample;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = prepare (self, "SELECT is_sample FROM year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sample = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return sample;
}

char *
rocznik_workspace_get_import_choices (RocznikWorkspace *self,
                                      const char       *header_hash)
{
  sqlite3_stmt *stmt;
  char *choices = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (header_hash != NULL, NULL);

  stmt = prepare (self, "SELECT choices FROM import_choice WHERE header_hash = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, header_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    choices = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return choices;
}

gboolean
rocznik_workspace_set_import_choices (RocznikWorkspace *self,
                                      const char       *header_hash,
                                      const char       *choices,
                                      GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (header_hash != NULL && choices != NULL, FALSE);

  return run_sql (self, error, "INSERT OR REPLACE INTO import_choice (header_hash, choices) VALUES (?1, ?2)",
                  "tt", header_hash, choices);
}

RocznikYear *
rocznik_workspace_load_year (RocznikWorkspace *self,
                             int               year,
                             GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return read_year (self, year, error);
}

/* Every year, ascending: the input of comparisons, trends and reports. */
GPtrArray *
rocznik_workspace_load_all (RocznikWorkspace *self,
                            GError          **error)
{
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) years = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  numbers = rocznik_workspace_list_years (self);
  years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  for (guint i = 0; i < numbers->len; i++)
    {
      RocznikYear *year = read_year (self, g_array_index (numbers, int, i), error);

      if (year == NULL)
        return NULL;
      g_ptr_array_add (years, year);
    }
  return g_steal_pointer (&years);
}

/* Stores all @years in one transaction: all of them or none. */
gboolean
rocznik_workspace_store_years (RocznikWorkspace *self,
                               GPtrArray        *years,
                               gboolean          replace,
                               GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  /* "Cofnij import" after this store offers only a snapshot it kept */
  g_clear_pointer (&self->last_snapshot, g_free);
  if (!begin (self, error))
    return FALSE;
  /* A replaced year can be brought back: the copy is taken under the write
   * lock, so it holds exactly what is about to be replaced. */
  for (guint i = 0; replace && i < years->len; i++)
    {
      const RocznikYear *year = g_ptr_array_index (years, i);

      if (!rocznik_workspace_has_year (self, year->year))
        continue;
      if (!rocznik_workspace_keep_snapshot (self, ROCZNIK_SNAPSHOT_IMPORT, year->year, error))
        return rollback (self);
      break;
    }
  for (guint i = 0; i < years->len; i++)
    if (!write_year (self, g_ptr_array_index (years, i), replace, error))
      return rollback (self);
  return commit (self, error);
}

gboolean
rocznik_workspace_store_year (RocznikWorkspace  *self,
                              const RocznikYear *year,
                              gboolean           replace,
                              GError           **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  g_ptr_array_add (one, (gpointer) year);
  return rocznik_workspace_store_years (self, one, replace, error);
}

/* Organisation, declared total, notes and lists; topics stay as they are. */
gboolean
rocznik_workspace_update_details (RocznikWorkspace  *self,
                                  const RocznikYear *year,
                                  GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  if (!rocznik_workspace_has_year (self, year->year))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), year->year);
      return FALSE;
    }
  if (year->declared_total != ROCZNIK_NO_TOTAL && (year->declared_total < 0 || year->declared_total > ROCZNIK_MAX_COUNT))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("The declared total of %d is out of range"), year->year);
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "UPDATE year SET organisation = ?2, declared_total = ?3, declared_more_than = ?4, "
                  "notes = ?5, is_sample = ?6 WHERE year = ?1", error);
  if (stmt == NULL)
    return rollback (self);
  sqlite3_bind_int (stmt, 1, year->year);
  sqlite3_bind_text (stmt, 2, year->organisation, -1, SQLITE_TRANSIENT);
  bind_optional_int (stmt, 3, year->declared_total);
  sqlite3_bind_int (stmt, 4, year->declared_more_than ? 1 : 0);
  sqlite3_bind_text (stmt, 5, year->notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, year->is_sample ? 1 : 0);
  if (!step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return rollback (self);
    }
  sqlite3_finalize (stmt);
  if (!write_lists (self, year, error))
    return rollback (self);
  return commit (self, error);
}

gboolean
rocznik_workspace_delete_year (RocznikWorkspace *self,
                               int               year,
                               GError          **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!rocznik_workspace_has_year (self, year))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), year);
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;
  if (!rocznik_workspace_keep_snapshot (self, ROCZNIK_SNAPSHOT_DELETE, year, error))
    return rollback (self);
  sql = g_strdup_printf ("DELETE FROM year WHERE year = %d", year);
  if (!exec (self, sql, error))
    return rollback (self);
  return commit (self, error);
}

/* Runs one UPDATE on a year's topic; fails if it touched nothing. */
static gboolean
update_year_topic (RocznikWorkspace *self,
                   const char       *sql,
                   int               year,
                   const char       *key,
                   const char       *text,
                   gint64            number,
                   GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!begin (self, error))
    return FALSE;
  id = topic_id_for (self, key, FALSE, error);
  if (id < 0)
    return rollback (self);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return rollback (self);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, id);
  if (text)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 3, number);
  if (!step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return rollback (self);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d has no topic „%s”"), year, key);
      return rollback (self);
    }
  return commit (self, error);
}

gboolean
rocznik_workspace_set_topic_count (RocznikWorkspace *self,
                                   int               year,
                                   const char       *key,
                                   gint64            count,
                                   GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (count < 0 || count > ROCZNIK_MAX_COUNT)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("A number of calls must be between 0 and 2^53"));
      return FALSE;
    }
  return update_year_topic (self, "UPDATE year_topic SET count = ?3 WHERE year = ?1 AND topic_id = ?2",
                            year, key, NULL, count, error);
}

/* Removes a topic (and its months) from one year; the topic stays known to
 * other years, aliases and categories. */
gboolean
rocznik_workspace_delete_topic (RocznikWorkspace *self,
                                int               year,
                                const char       *key,
                                GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return update_year_topic (self, "DELETE FROM year_topic WHERE year = ?1 AND topic_id = ?2 AND ?3 IS NOT NULL",
                            year, key, NULL, 0, error);
}

/* Corrects the spelling of a topic in one year only. */
gboolean
rocznik_workspace_set_topic_name (RocznikWorkspace *self,
                                  int               year,
                                  const char       *key,
                                  const char       *name,
                                  GError           **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = rocznik_topic_name_clean (name, error);
  if (clean == NULL)
    return FALSE;
  if (clean[0] == '\0')
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, _("A topic needs a name"));
      return FALSE;
    }
  return update_year_topic (self, "UPDATE year_topic SET name = ?3 WHERE year = ?1 AND topic_id = ?2",
                            year, key, clean, 0, error);
}

/* Renames a topic in every year; the old name stays an alias so later
 * imports with the old spelling still land on it. */
gboolean
rocznik_workspace_rename_topic (RocznikWorkspace *self,
                                const char       *key,
                                const char       *name,
                                GError          **error)
{
  g_autofree char *new_key = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 id, other;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = rocznik_topic_name_clean (name, error);
  if (clean == NULL)
    return FALSE;
  name = clean;
  new_key = rocznik_topic_key (name);
  if (new_key[0] == '\0')
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, _("A topic needs a name"));
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;
  id = topic_id_for (self, key, FALSE, error);
  if (id < 0)
    return rollback (self);
  other = topic_id_for (self, name, FALSE, NULL);
  if (other >= 0 && other != id)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                   _("There already is a topic „%s”; merge the two instead"), name);
      return rollback (self);
    }

  stmt = prepare (self, "SELECT key FROM topic WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if ((g_strcmp0 (old_key, new_key) != 0 &&
       !run_sql (self, error, "INSERT OR REPLACE INTO alias (key, topic_id) VALUES (?1, ?2)", "ti", old_key, id)) ||
      !run_sql (self, error, "DELETE FROM alias WHERE key = ?1", "t", new_key) ||
      !run_sql (self, error, "UPDATE topic SET key = ?2, name = ?3 WHERE id = ?1", "itt", id, new_key, name) ||
      !run_sql (self, error, "UPDATE year_topic SET name = ?2 WHERE topic_id = ?1", "it", id, name))
    return rollback (self);
  return commit (self, error);
}

/* Makes @from_key one topic with @into_key in every year: counts of a year
 * that has both are added, and @from_key becomes an alias. */
gboolean
rocznik_workspace_merge_topics (RocznikWorkspace *self,
                                const char       *from_key,
                                const char       *into_key,
                                GError          **error)
{
  gint64 from, into;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (from_key != NULL, FALSE);
  g_return_val_if_fail (into_key != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  from = topic_id_for (self, from_key, FALSE, error);
  if (from < 0)
    return rollback (self);
  into = topic_id_for (self, into_key, FALSE, error);
  if (into < 0)
    return rollback (self);
  if (from == into)
    return commit (self, error);

  sql = g_strdup_printf (
    "UPDATE year_topic SET count = count + (SELECT f.count FROM year_topic f WHERE f.topic_id = %1$" G_GINT64_FORMAT " AND f.year = year_topic.year) "
    "  WHERE topic_id = %2$" G_GINT64_FORMAT " AND year IN (SELECT year FROM year_topic WHERE topic_id = %1$" G_GINT64_FORMAT ");"
    "DELETE FROM topic_month WHERE topic_id = %1$" G_GINT64_FORMAT " AND year IN (SELECT year FROM year_topic WHERE topic_id = %2$" G_GINT64_FORMAT ");"
    "DELETE FROM topic_month WHERE topic_id = %2$" G_GINT64_FORMAT " AND year IN (SELECT year FROM year_topic WHERE topic_id = %1$" G_GINT64_FORMAT ");"
    "DELETE FROM year_topic WHERE topic_id = %1$" G_GINT64_FORMAT " AND year IN (SELECT year FROM year_topic WHERE topic_id = %2$" G_GINT64_FORMAT ");"
    "UPDATE topic_month SET topic_id = %2$" G_GINT64_FORMAT " WHERE topic_id = %1$" G_GINT64_FORMAT ";"
    "UPDATE year_topic SET topic_id = %2$" G_GINT64_FORMAT " WHERE topic_id = %1$" G_GINT64_FORMAT ";"
    "UPDATE alias SET topic_id = %2$" G_GINT64_FORMAT " WHERE topic_id = %1$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO category_topic (category_id, topic_id) SELECT category_id, %2$" G_GINT64_FORMAT " FROM category_topic WHERE topic_id = %1$" G_GINT64_FORMAT ";"
    "INSERT OR REPLACE INTO alias (key, topic_id) SELECT key, %2$" G_GINT64_FORMAT " FROM topic WHERE id = %1$" G_GINT64_FORMAT ";"
    "DELETE FROM topic WHERE id = %1$" G_GINT64_FORMAT ";",
    from, into);
  /* Monthly counts cannot be summed safely when only one side has them. */
  sqlite3_exec (self->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
  if (!exec (self, sql, error))
    return rollback (self);
  return commit (self, error);
}

/* The canonical key @name resolves to (through aliases), or NULL. */
char *
rocznik_workspace_resolve_key (RocznikWorkspace *self,
                               const char       *name)
{
  sqlite3_stmt *stmt;
  gint64 id;
  char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  id = topic_id_for (self, name, FALSE, NULL);
  if (id < 0)
    return NULL;
  stmt = prepare (self, "SELECT key FROM topic WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return key;
}

GPtrArray *
rocznik_workspace_list_aliases (RocznikWorkspace *self,
                                const char       *key)
{
  GPtrArray *aliases = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (self != NULL, aliases);
  g_return_val_if_fail (key != NULL, aliases);

  id = topic_id_for (self, key, FALSE, NULL);
  stmt = prepare (self, "SELECT key FROM alias WHERE topic_id = ?1 ORDER BY key", NULL);
  if (stmt == NULL || id < 0)
    {
      sqlite3_finalize (stmt);
      return aliases;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (aliases, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return aliases;
}

void
rocznik_category_free (RocznikCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_ptr_array_unref (category->keys);
  g_free (category);
}

/* User-named groups of topics, in Polish alphabetical order. */
GPtrArray *
rocznik_workspace_list_categories (RocznikWorkspace *self)
{
  GPtrArray *categories = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_category_free);
  RocznikCategory *current = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, categories);

  stmt = prepare (self,
                  "SELECT c.name, t.key FROM category c LEFT JOIN category_topic ct ON ct.category_id = c.id "
                  "LEFT JOIN topic t ON t.id = ct.topic_id ORDER BY c.id, t.key", NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || g_strcmp0 (current->name, name) != 0)
        {
          current = g_new0 (RocznikCategory, 1);
          current->name = g_strdup (name);
          current->keys = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (categories, current);
        }
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        g_ptr_array_add (current->keys, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  return categories;
}

/* Creates or replaces the category @name with exactly @keys. */
gboolean
rocznik_workspace_set_category (RocznikWorkspace  *self,
                                const char        *name,
                                const char *const *keys,
                                GError           **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 category_id = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = rocznik_collapse_spaces (name);
  if (clean[0] == '\0')
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, _("A category needs a name"));
      return FALSE;
    }
  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO category (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id", error);
  if (stmt == NULL)
    return rollback (self);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    category_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (category_id < 0)
    {
      rocznik_workspace_sql_error (self, error);
      return rollback (self);
    }

  if (!run_sql (self, error, "DELETE FROM category_topic WHERE category_id = ?1", "i", category_id))
    return rollback (self);

  stmt = prepare (self, "INSERT OR IGNORE INTO category_topic (category_id, topic_id) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return rollback (self);
  for (guint i = 0; keys && keys[i]; i++)
    {
      gint64 id = topic_id_for (self, keys[i], FALSE, error);

      if (id < 0)
        {
          sqlite3_finalize (stmt);
          return rollback (self);
        }
      sqlite3_bind_int64 (stmt, 1, category_id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return rollback (self);
        }
    }
  sqlite3_finalize (stmt);
  return commit (self, error);
}

gboolean
rocznik_workspace_delete_category (RocznikWorkspace *self,
                                   const char       *name,
                                   GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!run_sql (self, error, "DELETE FROM category WHERE name = ?1", "t", name))
    return rollback (self);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("There is no category „%s”"), name);
      return rollback (self);
    }
  return commit (self, error);
}

/* For the snapshot of the history (rocznik-snapshot.c): the connection and
 * one transaction, which tells the changed func when it commits. */
sqlite3 *
rocznik_workspace_get_db (RocznikWorkspace *self)
{
  return self->db;
}

gboolean
rocznik_workspace_begin (RocznikWorkspace *self,
                         GError          **error)
{
  return begin (self, error);
}

gboolean
rocznik_workspace_commit (RocznikWorkspace *self,
                          GError          **error)
{
  return commit (self, error);
}

gboolean
rocznik_workspace_rollback (RocznikWorkspace *self,
                            GError          **error)
{
  rocznik_workspace_sql_error (self, error);
  return rollback (self);
}
