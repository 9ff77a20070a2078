/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-workspace-categories.c — user-named groups of topics */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-workspace-private.h"

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

  stmt = rocznik_workspace_prepare (self,
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
  if (!rocznik_workspace_begin (self, error))
    return FALSE;

  stmt = rocznik_workspace_prepare (self, "INSERT INTO category (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id", error);
  if (stmt == NULL)
    return rocznik_workspace_abort (self);
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    category_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (category_id < 0)
    {
      rocznik_workspace_sql_error (self, error);
      return rocznik_workspace_abort (self);
    }

  if (!rocznik_workspace_run_sql (self, error, "DELETE FROM category_topic WHERE category_id = ?1", "i", category_id))
    return rocznik_workspace_abort (self);

  stmt = rocznik_workspace_prepare (self, "INSERT OR IGNORE INTO category_topic (category_id, topic_id) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return rocznik_workspace_abort (self);
  for (guint i = 0; keys && keys[i]; i++)
    {
      gint64 id = rocznik_workspace_topic_id (self, keys[i], FALSE, error);

      if (id < 0)
        {
          sqlite3_finalize (stmt);
          return rocznik_workspace_abort (self);
        }
      sqlite3_bind_int64 (stmt, 1, category_id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!rocznik_workspace_step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return rocznik_workspace_abort (self);
        }
    }
  sqlite3_finalize (stmt);
  return rocznik_workspace_commit (self, error);
}

gboolean
rocznik_workspace_delete_category (RocznikWorkspace *self,
                                   const char       *name,
                                   GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!rocznik_workspace_begin (self, error))
    return FALSE;
  if (!rocznik_workspace_run_sql (self, error, "DELETE FROM category WHERE name = ?1", "t", name))
    return rocznik_workspace_abort (self);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("There is no category „%s”"), name);
      return rocznik_workspace_abort (self);
    }
  return rocznik_workspace_commit (self, error);
}
