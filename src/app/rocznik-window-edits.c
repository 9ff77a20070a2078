/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window-edits.c — the edits the window makes, each one undoable
 * core call on the session's history (the dialogs and the tests call these)
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-history.h"
#include "rocznik-window-private.h"

/* helpers */

static gboolean
no_topic_error (RocznikWindow *self,
                const char    *key,
                GError       **error)
{
  const RocznikYear *y = rocznik_session_get_current (self->session);

  if (y && rocznik_year_find_topic (y, key))
    return TRUE;
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no topic „%s” in this year"), key);
  return FALSE;
}

/* public API */

/* @text: the count as a person writes it ("70 055"); stored in one
 * transaction and undoable. */
gboolean
rocznik_window_set_topic_count (RocznikWindow *self,
                                const char    *key,
                                const char    *text,
                                GError       **error)
{
  gint64 count;

  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && text != NULL, FALSE);

  if (!no_topic_error (self, key, error) || !rocznik_parse_count_typed (text, &count, error))
    return FALSE;
  return rocznik_history_set_topic_count (rocznik_window_history (self), rocznik_session_get_year (self->session), key, count, error);
}

/* Corrects the spelling of a topic in the shown year only; undoable. */
gboolean
rocznik_window_set_topic_name (RocznikWindow *self,
                               const char    *key,
                               const char    *name,
                               GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return no_topic_error (self, key, error)
         && rocznik_history_set_topic_name (rocznik_window_history (self), rocznik_session_get_year (self->session), key, name, error);
}

/* Renames the topic in every year (the old name stays an alias); undoable. */
gboolean
rocznik_window_rename_topic (RocznikWindow *self,
                             const char    *key,
                             const char    *name,
                             GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL && name != NULL, FALSE);

  return no_topic_error (self, key, error) && rocznik_history_rename_topic (rocznik_window_history (self), key, name, error);
}

/* Stores organisation, declared total, notes and lists of @details' year. */
gboolean
rocznik_window_save_details (RocznikWindow     *self,
                             const RocznikYear *details,
                             GError           **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (rocznik_years_find (rocznik_session_get_years (self->session), details->year) == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("The year %d is not in the workspace"), details->year);
      return FALSE;
    }
  return rocznik_history_update_details (rocznik_window_history (self), details, error);
}

/* Reverts the latest edit made in this window. */
gboolean
rocznik_window_undo (RocznikWindow *self,
                     GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return rocznik_history_undo (rocznik_window_history (self), error);
}

/* Makes the latest undone edit again. */
gboolean
rocznik_window_redo (RocznikWindow *self,
                     GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  return rocznik_history_redo (rocznik_window_history (self), error);
}

/* Adds @keys to the category @name (made when new); undoable. */
gboolean
rocznik_window_add_to_category (RocznikWindow      *self,
                                const char         *name,
                                const char *const  *keys,
                                GError            **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL && keys != NULL, FALSE);

  return rocznik_history_add_to_category (rocznik_window_history (self), name, keys, error);
}

/* Removes the category (not its topics); undoable. */
gboolean
rocznik_window_delete_category (RocznikWindow *self,
                                const char    *name,
                                GError       **error)
{
  g_return_val_if_fail (ROCZNIK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (rocznik_session_find_category (self->session, name) == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND, _("There is no category „%s”"), name);
      return FALSE;
    }
  return rocznik_history_delete_category (rocznik_window_history (self), name, error);
}
