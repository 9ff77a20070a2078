/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-history.c — undo and redo of the edits made to a workspace */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-history.h"
#include "rocznik-snapshot.h"

typedef enum
{
  EDIT_COUNT,
  EDIT_NAME,
  EDIT_RENAME,
  EDIT_MERGE,
  EDIT_DELETE_TOPIC,
  EDIT_DETAILS,
  EDIT_DELETE_YEAR,
  EDIT_ADD_TO_CATEGORY,
  EDIT_DELETE_CATEGORY,
} EditKind;

/* One edit's arguments, applied through the workspace's own API. */
typedef struct
{
  EditKind           kind;
  int                year;
  const char        *key;
  const char        *name;
  gint64             count;
  const char *const *keys;
  const RocznikYear *details;
} Edit;

typedef struct
{
  char            *label;
  RocznikSnapshot *before;
  RocznikSnapshot *after;
} Entry;

struct _RocznikHistory
{
  GObject           parent_instance;

  RocznikWorkspace *workspace;
  guint             limit;
  GPtrArray        *undo;   /* Entry*, oldest first */
  GPtrArray        *redo;   /* Entry*, the next to redo last */
};

G_DEFINE_FINAL_TYPE (RocznikHistory, rocznik_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_free (entry->label);
  rocznik_snapshot_unref (entry->before);
  rocznik_snapshot_unref (entry->after);
  g_free (entry);
}

static Entry *
top (GPtrArray *stack)
{
  return stack->len ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

/* Runs @change, then notifies what it changed, and only that. */
static void
change_stacks (RocznikHistory *self,
               void          (*change) (RocznikHistory *, gpointer),
               gpointer        data)
{
  gboolean could_undo = self->undo->len > 0, could_redo = self->redo->len > 0;
  Entry *old_undo = top (self->undo), *old_redo = top (self->redo);

  change (self, data);
  if (could_undo != (self->undo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (old_undo != top (self->undo))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (old_redo != top (self->redo))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
push_entry (RocznikHistory *self,
            gpointer        data)
{
  g_ptr_array_add (self->undo, data);
  if (self->undo->len > self->limit)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

static void
move_top (GPtrArray *from,
          GPtrArray *to)
{
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
}

static void
undo_moved (RocznikHistory *self,
            gpointer        data)
{
  move_top (self->undo, self->redo);
}

static void
redo_moved (RocznikHistory *self,
            gpointer        data)
{
  move_top (self->redo, self->undo);
}

static void
stacks_cleared (RocznikHistory *self,
                gpointer        data)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

/* Adds the keys to the category's own, making it when it is new. */
static gboolean
add_to_category (RocznikWorkspace   *ws,
                 const char         *name,
                 const char *const  *keys,
                 GError            **error)
{
  g_autoptr(GPtrArray) categories = rocznik_workspace_list_categories (ws);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *clean = rocznik_collapse_spaces (name);

  for (guint i = 0; i < categories->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (categories, i);

      if (g_str_equal (c->name, clean))
        g_ptr_array_extend (all, c->keys, NULL, NULL);
    }
  for (guint i = 0; keys[i]; i++)
    if (!g_ptr_array_find_with_equal_func (all, keys[i], g_str_equal, NULL))
      g_ptr_array_add (all, (gpointer) keys[i]);
  g_ptr_array_add (all, NULL);
  return rocznik_workspace_set_category (ws, clean, (const char *const *) all->pdata, error);
}

static gboolean
apply (RocznikWorkspace *ws,
       const Edit       *e,
       GError          **error)
{
  switch (e->kind)
    {
    case EDIT_COUNT:
      return rocznik_workspace_set_topic_count (ws, e->year, e->key, e->count, error);
    case EDIT_NAME:
      return rocznik_workspace_set_topic_name (ws, e->year, e->key, e->name, error);
    case EDIT_RENAME:
      return rocznik_workspace_rename_topic (ws, e->key, e->name, error);
    case EDIT_MERGE:
      return rocznik_workspace_merge_topics (ws, e->key, e->name, error);
    case EDIT_DELETE_TOPIC:
      return rocznik_workspace_delete_topic (ws, e->year, e->key, error);
    case EDIT_DETAILS:
      return rocznik_workspace_update_details (ws, e->details, error);
    case EDIT_DELETE_YEAR:
      return rocznik_workspace_delete_year (ws, e->year, error);
    case EDIT_ADD_TO_CATEGORY:
      return add_to_category (ws, e->name, e->keys, error);
    case EDIT_DELETE_CATEGORY:
      return rocznik_workspace_delete_category (ws, e->name, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The rows before and after @edit; the before of one edit is usually the
 * after of the one before it, and then shared. */
static gboolean
run (RocznikHistory *self,
     char           *label,
     const Edit     *edit,
     GError        **error)
{
  g_autofree char *owned_label = label;
  g_autoptr(RocznikSnapshot) before = rocznik_snapshot_new (self->workspace, error);
  Entry *last = top (self->undo);
  Entry *entry;

  if (before == NULL)
    return FALSE;
  if (!apply (self->workspace, edit, error))
    return FALSE;
  entry = g_new0 (Entry, 1);
  entry->label = g_steal_pointer (&owned_label);
  entry->before = last && rocznik_snapshot_equal (last->after, before)
    ? rocznik_snapshot_ref (last->after) : g_steal_pointer (&before);
  entry->after = rocznik_snapshot_new (self->workspace, error);
  if (entry->after == NULL)
    {
      entry_free (entry);
      return FALSE;
    }
  change_stacks (self, push_entry, entry);
  return TRUE;
}

/* Puts back @stack's top entry's @before (undo) or @after (redo): the
 * entry moves first, since the commit makes the window reload at once. */
static gboolean
step (RocznikHistory *self,
      gboolean        undo,
      GError        **error)
{
  GPtrArray *from = undo ? self->undo : self->redo;
  Entry *entry = top (from);
  g_autoptr(RocznikSnapshot) now = NULL;

  if (entry == NULL)
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                           undo ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }
  now = rocznik_snapshot_new (self->workspace, error);
  if (now == NULL)
    return FALSE;
  /* Putting rows back over an import made since would lose the import. */
  if (!rocznik_snapshot_equal (now, undo ? entry->after : entry->before))
    {
      g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                           _("The workspace was changed by something else (an import?) since this edit, "
                             "so it can no longer be undone or redone"));
      change_stacks (self, stacks_cleared, NULL);
      return FALSE;
    }
  change_stacks (self, undo ? undo_moved : redo_moved, NULL);
  if (!rocznik_snapshot_restore (undo ? entry->before : entry->after, self->workspace, error))
    {
      change_stacks (self, undo ? redo_moved : undo_moved, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rocznik_history_finalize (GObject *object)
{
  RocznikHistory *self = ROCZNIK_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (rocznik_history_parent_class)->finalize (object);
}

static void
rocznik_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RocznikHistory *self = ROCZNIK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rocznik_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rocznik_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, rocznik_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, rocznik_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_history_class_init (RocznikHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rocznik_history_finalize;
  object_class->get_property = rocznik_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  /* What the next undo or redo reverts, for a menu or a toast. */
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rocznik_history_init (RocznikHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/* @limit: how many edits can be undone (0: ROCZNIK_HISTORY_DEFAULT_LIMIT). */
RocznikHistory *
rocznik_history_new (RocznikWorkspace *workspace,
                     guint             limit)
{
  RocznikHistory *self;

  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (ROCZNIK_TYPE_HISTORY, NULL);
  self->workspace = workspace;
  self->limit = limit ? limit : ROCZNIK_HISTORY_DEFAULT_LIMIT;
  return self;
}

gboolean
rocznik_history_get_can_undo (RocznikHistory *self)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
rocznik_history_get_can_redo (RocznikHistory *self)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
rocznik_history_get_undo_label (RocznikHistory *self)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), NULL);
  return self->undo->len ? top (self->undo)->label : NULL;
}

const char *
rocznik_history_get_redo_label (RocznikHistory *self)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), NULL);
  return self->redo->len ? top (self->redo)->label : NULL;
}

guint
rocznik_history_get_limit (RocznikHistory *self)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), 0);
  return self->limit;
}

gboolean
rocznik_history_undo (RocznikHistory *self,
                      GError        **error)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  return step (self, TRUE, error);
}

gboolean
rocznik_history_redo (RocznikHistory *self,
                      GError        **error)
{
  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  return step (self, FALSE, error);
}

/* Forgets every edit, as after opening another workspace. */
void
rocznik_history_clear (RocznikHistory *self)
{
  g_return_if_fail (ROCZNIK_IS_HISTORY (self));
  change_stacks (self, stacks_cleared, NULL);
}

gboolean
rocznik_history_set_topic_count (RocznikHistory *self,
                                 int             year,
                                 const char     *key,
                                 gint64          count,
                                 GError        **error)
{
  Edit edit = { EDIT_COUNT, .year = year, .key = key, .count = count };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return run (self, g_strdup_printf (_("Correct the count of „%s” in %d"), key, year), &edit, error);
}

gboolean
rocznik_history_set_topic_name (RocznikHistory *self,
                                int             year,
                                const char     *key,
                                const char     *name,
                                GError        **error)
{
  Edit edit = { EDIT_NAME, .year = year, .key = key, .name = name };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return run (self, g_strdup_printf (_("Correct the name of „%s” in %d"), key, year), &edit, error);
}

gboolean
rocznik_history_rename_topic (RocznikHistory *self,
                              const char     *key,
                              const char     *name,
                              GError        **error)
{
  Edit edit = { EDIT_RENAME, .key = key, .name = name };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return run (self, g_strdup_printf (_("Rename „%s” to „%s”"), key, name), &edit, error);
}

/* @from_key becomes part of @into_key in every year; undoable too. */
gboolean
rocznik_history_merge_topics (RocznikHistory *self,
                              const char     *from_key,
                              const char     *into_key,
                              GError        **error)
{
  Edit edit = { EDIT_MERGE, .key = from_key, .name = into_key };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (from_key != NULL && into_key != NULL, FALSE);

  return run (self, g_strdup_printf (_("Merge „%s” into „%s”"), from_key, into_key), &edit, error);
}

gboolean
rocznik_history_delete_topic (RocznikHistory *self,
                              int             year,
                              const char     *key,
                              GError        **error)
{
  Edit edit = { EDIT_DELETE_TOPIC, .year = year, .key = key };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return run (self, g_strdup_printf (_("Delete „%s” from %d"), key, year), &edit, error);
}

/* Organisation, declared total, notes and lists of @details' year. */
gboolean
rocznik_history_update_details (RocznikHistory    *self,
                                const RocznikYear *details,
                                GError           **error)
{
  Edit edit = { EDIT_DETAILS, .details = details };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  return run (self, g_strdup_printf (_("Change the details of %d"), details->year), &edit, error);
}

gboolean
rocznik_history_delete_year (RocznikHistory *self,
                             int             year,
                             GError        **error)
{
  Edit edit = { EDIT_DELETE_YEAR, .year = year };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);

  return run (self, g_strdup_printf (_("Delete the year %d"), year), &edit, error);
}

/* Adds @keys to the category @name (made when new), keeping its topics. */
gboolean
rocznik_history_add_to_category (RocznikHistory     *self,
                                 const char         *name,
                                 const char *const  *keys,
                                 GError            **error)
{
  Edit edit = { EDIT_ADD_TO_CATEGORY, .name = name, .keys = keys };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (name != NULL && keys != NULL, FALSE);

  return run (self, g_strdup_printf (_("Add to the category „%s”"), name), &edit, error);
}

/* Removes the category, not its topics. */
gboolean
rocznik_history_delete_category (RocznikHistory *self,
                                 const char     *name,
                                 GError        **error)
{
  Edit edit = { EDIT_DELETE_CATEGORY, .name = name };

  g_return_val_if_fail (ROCZNIK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return run (self, g_strdup_printf (_("Delete the category „%s”"), name), &edit, error);
}
