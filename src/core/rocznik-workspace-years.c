/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-years.c — storing and loading whole years: topics,
 * months and lists, each year in one transaction
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-workspace-private.h"

static gboolean
write_lists (RocznikWorkspace  *self,
             const RocznikYear *year,
             GError           **error)
{
  sqlite3_stmt *list_stmt = NULL, *item_stmt = NULL, *del = NULL;
  gboolean ok = FALSE;

  del = rocznik_workspace_prepare (self, "DELETE FROM list WHERE year = ?1", error);
  list_stmt = rocznik_workspace_prepare (self, "INSERT INTO list (year, position, title, declared) VALUES (?1, ?2, ?3, ?4)", error);
  item_stmt = rocznik_workspace_prepare (self, "INSERT INTO list_item (list_id, position, text) VALUES (?1, ?2, ?3)", error);
  if (!del || !list_stmt || !item_stmt)
    goto out;

  sqlite3_bind_int (del, 1, year->year);
  if (!rocznik_workspace_step_done (self, del, error))
    goto out;

  for (guint i = 0; i < year->lists->len; i++)
    {
      const RocznikList *list = g_ptr_array_index (year->lists, i);
      gint64 list_id;

      sqlite3_bind_int (list_stmt, 1, year->year);
      sqlite3_bind_int (list_stmt, 2, i);
      sqlite3_bind_text (list_stmt, 3, list->title ? list->title : "", -1, SQLITE_TRANSIENT);
      rocznik_workspace_bind_optional_int (list_stmt, 4, list->declared);
      if (!rocznik_workspace_step_done (self, list_stmt, error))
        goto out;
      list_id = sqlite3_last_insert_rowid (self->db);
      for (guint j = 0; j < list->items->len; j++)
        {
          sqlite3_bind_int64 (item_stmt, 1, list_id);
          sqlite3_bind_int (item_stmt, 2, j);
          sqlite3_bind_text (item_stmt, 3, g_ptr_array_index (list->items, j), -1, SQLITE_TRANSIENT);
          if (!rocznik_workspace_step_done (self, item_stmt, error))
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
  sqlite3_stmt *stmt = rocznik_workspace_prepare (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year->year);
  sqlite3_bind_text (stmt, 2, year->organisation, -1, SQLITE_TRANSIENT);
  rocznik_workspace_bind_optional_int (stmt, 3, year->declared_total);
  sqlite3_bind_int (stmt, 4, year->declared_more_than ? 1 : 0);
  sqlite3_bind_text (stmt, 5, year->notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, year->is_sample ? 1 : 0);
  ok = rocznik_workspace_step_done (self, stmt, error);
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
  return rocznik_workspace_validate_calls (year, error);
}

/* Writes one year inside an open transaction. */
gboolean
rocznik_workspace_write_year (RocznikWorkspace  *self,
                              const RocznikYear *year,
                              gboolean           replace,
                              GError           **error)
{
  sqlite3_stmt *topic_stmt = NULL, *month_stmt = NULL;
  RocznikTopicStmts ids = { NULL, NULL };
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
      if (!rocznik_workspace_exec (self, sql, error))
        return FALSE;
    }

  if (!write_year_row (self, year,
                       "INSERT INTO year (year, organisation, declared_total, declared_more_than, notes, is_sample) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error))
    return FALSE;

  topic_stmt = rocznik_workspace_prepare (self, "INSERT INTO year_topic (year, topic_id, position, name, count, duration_calls, duration_seconds) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  month_stmt = rocznik_workspace_prepare (self, "INSERT INTO topic_month (year, topic_id, month, count) VALUES (?1, ?2, ?3, ?4)", error);
  if (!topic_stmt || !month_stmt)
    goto out;

  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *topic = g_ptr_array_index (year->topics, i);
      gint64 id = rocznik_workspace_topic_id_with (self, topic->name, TRUE, &ids, error);

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
      rocznik_workspace_bind_optional_int (topic_stmt, 6, topic->has_duration ? topic->duration_calls : ROCZNIK_NO_TOTAL);
      rocznik_workspace_bind_optional_int (topic_stmt, 7, topic->has_duration ? topic->duration_seconds : ROCZNIK_NO_TOTAL);
      if (!rocznik_workspace_step_done (self, topic_stmt, error))
        goto out;

      if (topic->has_months)
        for (int m = 0; m < 12; m++)
          {
            sqlite3_bind_int (month_stmt, 1, year->year);
            sqlite3_bind_int64 (month_stmt, 2, id);
            sqlite3_bind_int (month_stmt, 3, m + 1);
            sqlite3_bind_int64 (month_stmt, 4, topic->months[m]);
            if (!rocznik_workspace_step_done (self, month_stmt, error))
              goto out;
          }
    }

  ok = write_lists (self, year, error) && rocznik_workspace_write_calls (self, year, error);

out:
  rocznik_topic_stmts_clear (&ids);
  sqlite3_finalize (topic_stmt);
  sqlite3_finalize (month_stmt);
  return ok;
}

static gboolean
read_lists (RocznikWorkspace *self,
            RocznikYear      *year,
            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 last_id = -1;
  RocznikList *list = NULL;

  stmt = rocznik_workspace_prepare (self,
                                    "SELECT l.id, l.title, l.declared, i.text FROM list l LEFT JOIN list_item i ON i.list_id = l.id "
                                    "WHERE l.year = ?1 ORDER BY l.position, i.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year->year);
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
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Topic id → topic, the keys pointing into @ids: built only for a year
 * with months, so a year of thousands of topics without them allocates
 * nothing per topic for it. */
static GHashTable *
index_by_id (GPtrArray *topics,
             GArray    *ids)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (topics, i));
  return by_id;
}

static RocznikYear *
read_year (RocznikWorkspace *self,
           int               number,
           GError          **error)
{
  g_autoptr(RocznikYear) year = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;

  stmt = rocznik_workspace_prepare (self, "SELECT organisation, declared_total, declared_more_than, notes, is_sample FROM year WHERE year = ?1", error);
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

  stmt = rocznik_workspace_prepare (self,
                                    "SELECT yt.name, t.key, yt.count, t.id, yt.duration_calls, yt.duration_seconds "
                                    "FROM year_topic yt JOIN topic t ON t.id = yt.topic_id "
                                    "WHERE yt.year = ?1 ORDER BY yt.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, number);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RocznikTopic *topic = g_new0 (RocznikTopic, 1);
      gint64 id = sqlite3_column_int64 (stmt, 3);

      topic->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      topic->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      topic->count = sqlite3_column_int64 (stmt, 2);
      topic->has_duration = sqlite3_column_type (stmt, 4) != SQLITE_NULL && sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      if (topic->has_duration)
        {
          topic->duration_calls = sqlite3_column_int64 (stmt, 4);
          topic->duration_seconds = sqlite3_column_int64 (stmt, 5);
        }
      g_ptr_array_add (year->topics, topic);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  stmt = rocznik_workspace_prepare (self, "SELECT topic_id, month, count FROM topic_month WHERE year = ?1", NULL);
  if (stmt)
    {
      sqlite3_bind_int (stmt, 1, number);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          RocznikTopic *topic;
          int month = sqlite3_column_int (stmt, 1);

          if (by_id == NULL)
            by_id = index_by_id (year->topics, ids);
          topic = g_hash_table_lookup (by_id, &id);

          if (topic && month >= 1 && month <= 12)
            {
              topic->has_months = TRUE;
              topic->months[month - 1] = sqlite3_column_int64 (stmt, 2);
            }
        }
      sqlite3_finalize (stmt);
    }

  if (!read_lists (self, year, error))
    return NULL;
  if (!rocznik_workspace_read_calls (self, year, error))
    return NULL;
  return g_steal_pointer (&year);
}

/* Public API */
/* Public API */

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
/* @only_new: a year already stored is replaced only if it is the bundled
 * sample's, decided under the write lock (so of two programs storing the
 * same year at once, one is told), else its number goes to @existing. */
static gboolean
store_years (RocznikWorkspace *self,
             GPtrArray        *years,
             gboolean          replace,
             gboolean          only_new,
             int              *existing,
             GError          **error)
{
  /* "Cofnij import" after this store offers only a snapshot it kept */
  g_clear_pointer (&self->last_snapshot, g_free);
  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  for (guint i = 0; only_new && i < years->len; i++)
    {
      const RocznikYear *year = g_ptr_array_index (years, i);

      if (rocznik_workspace_has_year (self, year->year) && !rocznik_workspace_year_is_sample (self, year->year))
        {
          if (existing)
            *existing = year->year;
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                       _("The year %d is already in the workspace; choose to replace it"), year->year);
          return rocznik_workspace_abort (self);
        }
    }
  /* A replaced year can be brought back: the copy is taken under the write
   * lock, so it holds exactly what is about to be replaced. */
  for (guint i = 0; (replace || only_new) && i < years->len; i++)
    {
      const RocznikYear *year = g_ptr_array_index (years, i);

      if (!rocznik_workspace_has_year (self, year->year))
        continue;
      if (!rocznik_workspace_keep_snapshot (self, ROCZNIK_SNAPSHOT_IMPORT, year->year, error))
        return rocznik_workspace_abort (self);
      break;
    }
  for (guint i = 0; i < years->len; i++)
    if (!rocznik_workspace_write_year (self, g_ptr_array_index (years, i), replace || only_new, error))
      return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
}

gboolean
rocznik_workspace_store_years (RocznikWorkspace *self,
                               GPtrArray        *years,
                               gboolean          replace,
                               GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  return store_years (self, years, replace, FALSE, NULL, error);
}

/* Stores @years where no real year of theirs is yet: a stored year is
 * replaced only if it came from the bundled sample. Checked under the
 * write lock; a stored year's number goes to @existing. */
gboolean
rocznik_workspace_store_new_years (RocznikWorkspace *self,
                                   GPtrArray        *years,
                                   int              *existing,
                                   GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (years != NULL, FALSE);

  return store_years (self, years, FALSE, TRUE, existing, error);
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
  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  if (!write_year_row (self, year,
                       "UPDATE year SET organisation = ?2, declared_total = ?3, declared_more_than = ?4, "
                       "notes = ?5, is_sample = ?6 WHERE year = ?1", error))
    return rocznik_workspace_abort (self);
  if (!write_lists (self, year, error))
    return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
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
  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  if (!rocznik_workspace_keep_snapshot (self, ROCZNIK_SNAPSHOT_DELETE, year, error))
    return rocznik_workspace_abort (self);
  sql = g_strdup_printf ("DELETE FROM year WHERE year = %d", year);
  if (!rocznik_workspace_exec (self, sql, error))
    return rocznik_workspace_abort (self);
  return rocznik_workspace_commit (self, error);
}
