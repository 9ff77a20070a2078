/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-topics.c — topics across years: resolving names through
 * aliases, corrections, renames and merges
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-workspace-private.h"

void
rocznik_topic_stmts_clear (RocznikTopicStmts *st)
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
    *slot = rocznik_workspace_prepare (self, sql, error);
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }
  return *slot;
}

/* Topic resolution: alias first, then canonical key; new topics are created. */
gint64
rocznik_workspace_topic_id_with (RocznikWorkspace *self,
                                 const char       *name,
                                 gboolean          create,
                                 RocznikTopicStmts       *st,
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

gint64
rocznik_workspace_topic_id (RocznikWorkspace *self,
                            const char       *name,
                            gboolean          create,
                            GError          **error)
{
  RocznikTopicStmts st = { NULL, NULL };
  gint64 id = rocznik_workspace_topic_id_with (self, name, create, &st, error);

  rocznik_topic_stmts_clear (&st);
  return id;
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

  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  id = rocznik_workspace_topic_id (self, key, FALSE, error);
  if (id < 0)
    return rocznik_workspace_abort (self);
  stmt = rocznik_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return rocznik_workspace_abort (self);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, id);
  if (text)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 3, number);
  if (!rocznik_workspace_step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return rocznik_workspace_abort (self);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d has no topic „%s”"), year, key);
      return rocznik_workspace_abort (self);
    }
  return rocznik_workspace_commit (self, error);
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
  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  id = rocznik_workspace_topic_id (self, key, FALSE, error);
  if (id < 0)
    return rocznik_workspace_abort (self);
  other = rocznik_workspace_topic_id (self, name, FALSE, NULL);
  if (other >= 0 && other != id)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                   _("There already is a topic „%s”; merge the two instead"), name);
      return rocznik_workspace_abort (self);
    }

  stmt = rocznik_workspace_prepare (self, "SELECT key FROM topic WHERE id = ?1", error);
  if (stmt == NULL)
    return rocznik_workspace_abort (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if ((g_strcmp0 (old_key, new_key) != 0 &&
       !rocznik_workspace_run_sql (self, error, "INSERT OR REPLACE INTO alias (key, topic_id) VALUES (?1, ?2)", "ti", old_key, id)) ||
      !rocznik_workspace_run_sql (self, error, "DELETE FROM alias WHERE key = ?1", "t", new_key) ||
      !rocznik_workspace_run_sql (self, error, "UPDATE topic SET key = ?2, name = ?3 WHERE id = ?1", "itt", id, new_key, name) ||
      !rocznik_workspace_run_sql (self, error, "UPDATE year_topic SET name = ?2 WHERE topic_id = ?1", "it", id, name))
    return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
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

  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  from = rocznik_workspace_topic_id (self, from_key, FALSE, error);
  if (from < 0)
    return rocznik_workspace_abort (self);
  into = rocznik_workspace_topic_id (self, into_key, FALSE, error);
  if (into < 0)
    return rocznik_workspace_abort (self);
  if (from == into)
    return rocznik_workspace_commit (self, error);

  sql = g_strdup_printf (
    "UPDATE year_topic SET count = count + (SELECT f.count FROM year_topic f WHERE f.topic_id = %1$" G_GINT64_FORMAT " AND f.year = year_topic.year), "
    "    duration_calls = duration_calls + (SELECT f.duration_calls FROM year_topic f WHERE f.topic_id = %1$" G_GINT64_FORMAT " AND f.year = year_topic.year), "
    "    duration_seconds = duration_seconds + (SELECT f.duration_seconds FROM year_topic f WHERE f.topic_id = %1$" G_GINT64_FORMAT " AND f.year = year_topic.year) "
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
  /* Monthly counts cannot be summed safely when only one side has them;
   * handling times are summed when both have one, else NULL + n drops it. */
  sqlite3_exec (self->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
  if (!rocznik_workspace_exec (self, sql, error))
    return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
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

  id = rocznik_workspace_topic_id (self, name, FALSE, NULL);
  if (id < 0)
    return NULL;
  stmt = rocznik_workspace_prepare (self, "SELECT key FROM topic WHERE id = ?1", NULL);
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

  id = rocznik_workspace_topic_id (self, key, FALSE, NULL);
  stmt = rocznik_workspace_prepare (self, "SELECT key FROM alias WHERE topic_id = ?1 ORDER BY key", NULL);
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
