/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year.c — one year of a contact centre: topics, totals, lists */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-year.h"

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_trimmed_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

/* A topic name from any importer or the user: invisible format characters
 * (ZWJ, ZWSP, BOM, soft hyphen …) go, so that names that print alike are one
 * topic; a line break (U+2028 too) or tab becomes a space; control
 * characters and direction overrides, which would show a name other than
 * the one stored, are refused, and so is a name over ROCZNIK_TOPIC_NAME_MAX
 * characters. The error says what is wrong but not where: the caller adds
 * the file and line. */
char *
rocznik_topic_name_clean (const char  *name,
                          GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *end;
  gsize chars = 0, keep;
  gboolean pending = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, &end))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("the topic name is not valid UTF-8 text"));
      return NULL;
    }
  out = g_string_sized_new (end - name);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (rocznik_unichar_is_invisible (c))
        continue;
      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        {
          pending = TRUE;
          continue;
        }
      if (pending && c == ' ')
        continue;
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("the topic name contains the control character U+%04X; remove it and try again"), c);
          return NULL;
        }
      if (is_bidi_control (c))
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("the topic name contains the text direction control U+%04X, "
                         "which shows the name differently from how it is stored; remove it and try again"), c);
          return NULL;
        }
      if (pending && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      pending = FALSE;
      if (++chars > ROCZNIK_TOPIC_NAME_MAX)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("the topic name is longer than %d characters; this is not a topic"),
                       ROCZNIK_TOPIC_NAME_MAX);
          return NULL;
        }
      g_string_append_unichar (out, c);
    }

  /* trim white space of every kind at both ends */
  keep = out->len;
  while (keep > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + keep);

      if (!is_trimmed_space (g_utf8_get_char (last)))
        break;
      keep = last - out->str;
    }
  g_string_truncate (out, keep);
  end = out->str;
  while (*end && is_trimmed_space (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  g_string_erase (out, 0, end - out->str);
  /* composed (NFC): a Mac's decomposed "ś" is stored, shown and sorted as
   * every other program's "ś" */
  return g_utf8_normalize (out->str, out->len, G_NORMALIZE_NFC);
}

RocznikTopic *
rocznik_topic_new (const char *name,
                   gint64      count)
{
  RocznikTopic *topic;

  g_return_val_if_fail (name != NULL, NULL);

  topic = g_new0 (RocznikTopic, 1);
  topic->name = g_strdup (name);
  topic->key = rocznik_topic_key (name);
  topic->count = count;
  return topic;
}

RocznikTopic *
rocznik_topic_copy (const RocznikTopic *topic)
{
  RocznikTopic *copy;

  g_return_val_if_fail (topic != NULL, NULL);

  copy = g_memdup2 (topic, sizeof *topic);
  copy->name = g_strdup (topic->name);
  copy->key = g_strdup (topic->key);
  return copy;
}

void
rocznik_topic_free (RocznikTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->name);
  g_free (topic->key);
  g_free (topic);
}

RocznikList *
rocznik_list_new (const char *title)
{
  RocznikList *list = g_new0 (RocznikList, 1);

  list->title = g_strdup (title);
  list->declared = ROCZNIK_NO_TOTAL;
  list->items = g_ptr_array_new_with_free_func (g_free);
  return list;
}

void
rocznik_list_free (RocznikList *list)
{
  if (list == NULL)
    return;
  g_free (list->title);
  g_ptr_array_unref (list->items);
  g_free (list);
}

RocznikYear *
rocznik_year_new (int year)
{
  RocznikYear *self = g_new0 (RocznikYear, 1);

  self->year = year;
  self->declared_total = ROCZNIK_NO_TOTAL;
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_topic_free);
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_list_free);
  return self;
}

RocznikYear *
rocznik_year_copy (const RocznikYear *year)
{
  RocznikYear *copy;

  g_return_val_if_fail (year != NULL, NULL);

  copy = rocznik_year_new (year->year);
  copy->organisation = g_strdup (year->organisation);
  copy->declared_total = year->declared_total;
  copy->declared_more_than = year->declared_more_than;
  copy->notes = g_strdup (year->notes);
  copy->is_sample = year->is_sample;
  if (year->calls != NULL)
    copy->calls = rocznik_call_profile_copy (year->calls);
  for (guint i = 0; i < year->topics->len; i++)
    g_ptr_array_add (copy->topics, rocznik_topic_copy (g_ptr_array_index (year->topics, i)));
  for (guint i = 0; i < year->lists->len; i++)
    {
      const RocznikList *list = g_ptr_array_index (year->lists, i);
      RocznikList *lc = rocznik_year_add_list (copy, list->title);

      lc->declared = list->declared;
      for (guint j = 0; j < list->items->len; j++)
        g_ptr_array_add (lc->items, g_strdup (g_ptr_array_index (list->items, j)));
    }
  return copy;
}

void
rocznik_year_free (RocznikYear *year)
{
  if (year == NULL)
    return;
  g_free (year->organisation);
  g_free (year->notes);
  g_ptr_array_unref (year->topics);
  g_ptr_array_unref (year->lists);
  rocznik_call_profile_free (year->calls);
  g_free (year);
}

RocznikTopic *
rocznik_year_add_topic (RocznikYear *year,
                        const char  *name,
                        gint64       count)
{
  RocznikTopic *topic;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  topic = rocznik_topic_new (name, count);
  g_ptr_array_add (year->topics, topic);
  return topic;
}

/* Finds by normalised key, so any spelling of the name works. */
RocznikTopic *
rocznik_year_find_topic (const RocznikYear *year,
                         const char        *name_or_key)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail (name_or_key != NULL, NULL);

  key = rocznik_topic_key (name_or_key);
  for (guint i = 0; i < year->topics->len; i++)
    {
      RocznikTopic *topic = g_ptr_array_index (year->topics, i);

      if (g_strcmp0 (topic->key, key) == 0)
        return topic;
    }
  return NULL;
}

/* Stored key → topic (the first of a key, as rocznik_year_find_topic()),
 * for code that looks up every topic: a snapshot, not kept up to date. */
GHashTable *
rocznik_year_index_topics (const RocznikYear *year)
{
  GHashTable *index;

  g_return_val_if_fail (year != NULL, NULL);

  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = year->topics->len; i > 0; i--)
    {
      RocznikTopic *topic = g_ptr_array_index (year->topics, i - 1);
      g_hash_table_insert (index, topic->key, topic);
    }
  return index;
}

RocznikList *
rocznik_year_add_list (RocznikYear *year,
                       const char  *title)
{
  RocznikList *list;

  g_return_val_if_fail (year != NULL, NULL);

  list = rocznik_list_new (title);
  g_ptr_array_add (year->lists, list);
  return list;
}

gint64
rocznik_year_topic_sum (const RocznikYear *year)
{
  gint64 sum = 0;

  g_return_val_if_fail (year != NULL, 0);

  for (guint i = 0; i < year->topics->len; i++)
    sum += ((RocznikTopic *) g_ptr_array_index (year->topics, i))->count;
  return sum;
}

/* Calls without a topic: declared total − sum of topics. FALSE when the
 * year has no declared total or the topics already exceed it. */
gboolean
rocznik_year_get_remainder (const RocznikYear *year,
                            gint64            *remainder)
{
  gint64 sum;

  g_return_val_if_fail (year != NULL, FALSE);

  if (year->declared_total == ROCZNIK_NO_TOTAL)
    return FALSE;
  sum = rocznik_year_topic_sum (year);
  if (year->declared_total < sum)
    return FALSE;
  if (remainder)
    *remainder = year->declared_total - sum;
  return TRUE;
}

static int
compare_count_desc (gconstpointer a,
                    gconstpointer b)
{
  const RocznikTopic *ta = *(RocznikTopic **) a;
  const RocznikTopic *tb = *(RocznikTopic **) b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;
  return rocznik_collate (ta->name, tb->name);
}

void
rocznik_year_sort_by_count (RocznikYear *year)
{
  g_return_if_fail (year != NULL);

  g_ptr_array_sort (year->topics, compare_count_desc);
}
