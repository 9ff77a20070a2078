/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-rows.c — every row of a workspace, to compare and put back */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-rows.h"
#include "rocznik-workspace-private.h"

/* Parents before children: inserted in this order, deleted in reverse. */
static const char *const tables[] = {
  "topic", "alias", "year", "year_topic", "topic_month",
  "year_calls", "call_hour", "call_channel",
  "list", "list_item", "category", "category_topic", "import_choice",
};

typedef struct
{
  guint      n_columns;  /* the rowid, then the table's own */
  GPtrArray *values;     /* sqlite3_value*, n_columns a row, in rowid order */
  char      *insert;     /* "INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)" */
} TableRows;

struct _RocznikRows
{
  TableRows tables[G_N_ELEMENTS (tables)];
};

static void
snapshot_clear (RocznikRows *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_clear_pointer (&self->tables[i].values, g_ptr_array_unref);
      g_clear_pointer (&self->tables[i].insert, g_free);
    }
}

/* A table the list above does not know would be lost by a restore. */
static gboolean
check_tables (sqlite3  *db,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                      -1, &stmt, NULL);
  while (ok && stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      ok = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (tables) && !ok; i++)
        ok = g_str_equal (tables[i], name);
      if (!ok)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_FAILED,
                     "The workspace table %s has no place in a snapshot", name);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static char *
insert_sql (sqlite3_stmt *stmt,
            const char   *table)
{
  GString *sql = g_string_new (NULL);
  int n = sqlite3_column_count (stmt);

  g_string_append_printf (sql, "INSERT INTO %s (rowid", table);
  for (int c = 1; c < n; c++)
    g_string_append_printf (sql, ", \"%s\"", sqlite3_column_name (stmt, c));
  g_string_append (sql, ") VALUES (?");
  for (int c = 1; c < n; c++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

RocznikRows *
rocznik_rows_new (RocznikWorkspace *ws,
                      GError          **error)
{
  g_autoptr(RocznikRows) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (ws != NULL, NULL);

  db = rocznik_workspace_get_db (ws);
  if (!check_tables (db, error))
    return NULL;
  self = g_rc_box_new0 (RocznikRows);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      /* Rowids too, so that a restored row is the same row in every way. */
      g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM %s ORDER BY rowid", tables[i]);
      TableRows *rows = &self->tables[i];
      sqlite3_stmt *stmt = NULL;
      int rc;

      rows->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                       _("Cannot use the workspace %s: %s"),
                       rocznik_workspace_get_path (ws), sqlite3_errmsg (db));
          return NULL;
        }
      rows->n_columns = sqlite3_column_count (stmt);
      rows->insert = insert_sql (stmt, tables[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (guint c = 0; c < rows->n_columns; c++)
          g_ptr_array_add (rows->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                       _("Cannot use the workspace %s: %s"),
                       rocznik_workspace_get_path (ws), sqlite3_errmsg (db));
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

RocznikRows *
rocznik_rows_ref (RocznikRows *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  return g_rc_box_acquire (snapshot);
}

void
rocznik_rows_unref (RocznikRows *snapshot)
{
  if (snapshot)
    g_rc_box_release_full (snapshot, (GDestroyNotify) snapshot_clear);
}

static gboolean
value_equal (sqlite3_value *a,
             sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return memcmp (&(double) { sqlite3_value_double (a) }, &(double) { sqlite3_value_double (b) },
                     sizeof (double)) == 0;
    default:
      {
        const void *pa = sqlite3_value_blob (a), *pb = sqlite3_value_blob (b);
        int n = sqlite3_value_bytes (a);

        return n == sqlite3_value_bytes (b) && (n == 0 || memcmp (pa, pb, n) == 0);
      }
    }
}

/* Same rows, same values, same types, in the same order. */
gboolean
rocznik_rows_equal (const RocznikRows *a,
                        const RocznikRows *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const TableRows *ra = &a->tables[i], *rb = &b->tables[i];

      if (ra->n_columns != rb->n_columns || ra->values->len != rb->values->len)
        return FALSE;
      for (guint v = 0; v < ra->values->len; v++)
        if (!value_equal (g_ptr_array_index (ra->values, v), g_ptr_array_index (rb->values, v)))
          return FALSE;
    }
  return TRUE;
}

static gboolean
insert_rows (sqlite3         *db,
             const TableRows *rows)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (rows->values->len == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (db, rows->insert, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint v = 0; ok && v < rows->values->len; v += rows->n_columns)
    {
      for (guint c = 0; c < rows->n_columns; c++)
        sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (rows->values, v + c));
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Makes the workspace hold exactly @snapshot's rows, in one transaction. */
gboolean
rocznik_rows_restore (const RocznikRows *snapshot,
                          RocznikWorkspace      *ws,
                          GError               **error)
{
  sqlite3 *db;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (ws != NULL, FALSE);

  db = rocznik_workspace_get_db (ws);
  if (!check_tables (db, error) || !rocznik_workspace_begin (ws, error))
    return FALSE;
  for (guint i = G_N_ELEMENTS (tables); i > 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[i - 1]);

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return rocznik_workspace_rollback (ws, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!insert_rows (db, &snapshot->tables[i]))
      return rocznik_workspace_rollback (ws, error);
  return rocznik_workspace_commit (ws, error);
}

