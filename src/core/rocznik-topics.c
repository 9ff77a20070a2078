/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topics.c — naming topics, choosing the topics a chart shows */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-topics.h"

static gboolean
folded_equal (const char *a,
              const char *b)
{
  g_autofree char *fa = rocznik_search_fold (a);
  g_autofree char *fb = rocznik_search_fold (b);

  return strcmp (fa, fb) == 0;
}

static gboolean
strv_contains_n (const char *const *strv,
                 guint              n,
                 const char        *text)
{
  for (guint i = 0; strv && i < n && strv[i]; i++)
    if (g_str_equal (strv[i], text))
      return TRUE;
  return FALSE;
}

/* The topic of @key as the latest year that has it spells it. */
static const RocznikTopic *
latest_topic (GPtrArray  *years,
              const char *key)
{
  for (guint i = years->len; i > 0; i--)
    {
      const RocznikTopic *t = rocznik_year_find_topic (g_ptr_array_index (years, i - 1), key);

      if (t)
        return t;
    }
  return NULL;
}

static gboolean
resolve_category (GPtrArray       *categories,
                  const char      *text,
                  RocznikTopicRef *out)
{
  for (guint i = 0; categories && i < categories->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (categories, i);

      if (!folded_equal (c->name, text))
        continue;
      out->name = g_strdup (c->name);
      out->key = g_strdup (c->name);
      out->keys = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < c->keys->len; k++)
        g_ptr_array_add (out->keys, g_strdup (g_ptr_array_index (c->keys, k)));
      return TRUE;
    }
  return FALSE;
}

/* A topic by its name or key in any year, or through an alias the
 * workspace keeps (an old name from before a rename or a merge). */
static const char *
exact_key (GPtrArray        *years,
           RocznikWorkspace *workspace,
           const char       *text,
           char            **owned)
{
  const RocznikTopic *t = latest_topic (years, text);

  if (t)
    return t->key;
  if (workspace)
    *owned = rocznik_workspace_resolve_key (workspace, text);
  return *owned;
}

static void
set_topic (RocznikTopicRef *out,
           GPtrArray       *years,
           const char      *key)
{
  const RocznikTopic *t = latest_topic (years, key);

  out->name = g_strdup (t ? t->name : key);
  out->key = g_strdup (key);
}

/* Categories by name; then a topic by name, key or alias; then the one
 * topic whose name starts with, else contains, the text ("transport"),
 * accents and case aside. Several such topics: an error naming them. */
gboolean
rocznik_topics_resolve (GPtrArray        *years,
                        GPtrArray        *categories,
                        RocznikWorkspace *workspace,
                        const char       *text,
                        RocznikTopicRef  *out,
                        GError          **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *alias_key = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();   /* RocznikTopic*, distinct keys */
  g_autoptr(GPtrArray) prefixed = g_ptr_array_new ();  /* the ones that start with it */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *key;

  g_return_val_if_fail (years != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (resolve_category (categories, text, out))
    return TRUE;
  key = exact_key (years, workspace, text, &alias_key);
  if (key)
    {
      set_topic (out, years, key);
      return TRUE;
    }

  /* Latest years first, so a renamed topic is offered by its current name. */
  folded = rocznik_search_fold (text);
  for (guint i = years->len; i > 0 && *folded; i--)
    {
      const RocznikYear *y = g_ptr_array_index (years, i - 1);

      for (guint k = 0; k < y->topics->len; k++)
        {
          const RocznikTopic *topic = g_ptr_array_index (y->topics, k);
          g_autofree char *name = rocznik_search_fold (topic->name);

          if (strstr (name, folded) && !g_hash_table_contains (seen, topic->key))
            {
              g_hash_table_add (seen, topic->key);
              g_ptr_array_add (matches, (gpointer) topic);
              if (g_str_has_prefix (name, folded))
                g_ptr_array_add (prefixed, (gpointer) topic);
            }
        }
    }
  if (prefixed->len == 1 || matches->len == 1)
    {
      const RocznikTopic *t = g_ptr_array_index (prefixed->len == 1 ? prefixed : matches, 0);

      set_topic (out, years, t->key);
      return TRUE;
    }
  if (matches->len > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < matches->len && i < 4; i++)
        g_string_append_printf (names, "%s„%s”", i ? ", " : "",
                                ((const RocznikTopic *) g_ptr_array_index (matches, i))->name);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("„%s” matches several topics: %s"), text, names->str);
      return FALSE;
    }
  g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
               _("No topic or category matches „%s”"), text);
  return FALSE;
}

void
rocznik_topic_ref_clear (RocznikTopicRef *ref)
{
  g_clear_pointer (&ref->name, g_free);
  g_clear_pointer (&ref->key, g_free);
  g_clear_pointer (&ref->keys, g_ptr_array_unref);
}

/* What each text means, as a name the chart finds again exactly (a
 * category's name or a topic's key); blank texts are skipped. */
GStrv
rocznik_topics_resolve_all (GPtrArray         *years,
                            GPtrArray         *categories,
                            RocznikWorkspace  *workspace,
                            const char *const *texts,
                            GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (years != NULL, NULL);

  for (guint i = 0; texts && texts[i]; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (texts[i]));
      RocznikTopicRef ref;

      if (*text == '\0')
        continue;
      if (!rocznik_topics_resolve (years, categories, workspace, text, &ref, error))
        return NULL;
      g_strv_builder_add (builder, ref.key);
      rocznik_topic_ref_clear (&ref);
    }
  return g_strv_builder_end (builder);
}

static int
topic_name_compare (gconstpointer a,
                    gconstpointer b)
{
  const RocznikTopic *ta = *(RocznikTopic **) a, *tb = *(RocznikTopic **) b;

  return rocznik_collate (ta->name, tb->name);
}

/* Every topic of every year but @except_key (may be NULL), once, by its
 * latest name, in Polish alphabetical order: RocznikTopic* copies. */
GPtrArray *
rocznik_topics_list_all (GPtrArray  *years,
                         const char *except_key)
{
  GPtrArray *topics = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_topic_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (years != NULL, topics);

  for (guint i = years->len; i > 0; i--)
    {
      const RocznikYear *y = g_ptr_array_index (years, i - 1);

      for (guint t = 0; t < y->topics->len; t++)
        {
          const RocznikTopic *topic = g_ptr_array_index (y->topics, t);

          if (g_strcmp0 (topic->key, except_key) == 0 || g_hash_table_contains (seen, topic->key))
            continue;
          g_hash_table_add (seen, topic->key);
          g_ptr_array_add (topics, rocznik_topic_copy (topic));
        }
    }
  g_ptr_array_sort (topics, topic_name_compare);
  return topics;
}

/* What a comparison chart compares: every category (@by_categories); else
 * the selected topics when two or more are, else the three largest and
 * the one selected. */
GStrv
rocznik_topics_compare_default (const RocznikTable *table,
                                GPtrArray          *categories,
                                gboolean            by_categories,
                                const char *const  *selected,
                                GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_auto(GStrv) top = NULL;

  g_return_val_if_fail (table != NULL || by_categories, NULL);

  if (by_categories)
    {
      if (categories == NULL || categories->len == 0)
        {
          g_set_error_literal (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                               _("There are no categories yet. Select topics in the table and choose “Add to Category…” to group them."));
          return NULL;
        }
      for (guint i = 0; i < categories->len; i++)
        g_strv_builder_add (builder, ((RocznikCategory *) g_ptr_array_index (categories, i))->name);
      return g_strv_builder_end (builder);
    }
  for (guint i = 0; selected && selected[i]; i++)
    g_ptr_array_add (keys, (gpointer) selected[i]);
  if (keys->len < 2)
    {
      top = rocznik_table_top_keys (table, 3);
      for (guint i = 0; top[i]; i++)
        if (!g_ptr_array_find_with_equal_func (keys, top[i], g_str_equal, NULL))
          g_ptr_array_add (keys, top[i]);
    }
  for (guint i = 0; i < keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (keys, i));
  return g_strv_builder_end (builder);
}

/* The bars to draw in the accent colour: the selected topics, the
 * categories they belong to, and in a trend the year shown. A comparison
 * made of the selection itself would be all accent: none of them then. */
GStrv
rocznik_topics_highlight (RocznikChartType   type,
                          gboolean           by_categories,
                          int                year,
                          GPtrArray         *categories,
                          const char *const *selected)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_selected = selected ? g_strv_length ((char **) selected) : 0;

  if (!(type == ROCZNIK_CHART_COMPARE && !by_categories && n_selected > 1))
    for (guint i = 0; i < n_selected; i++)
      g_strv_builder_add (builder, selected[i]);
  for (guint i = 0; categories && i < categories->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (categories, i);

      for (guint k = 0; k < c->keys->len; k++)
        if (strv_contains_n (selected, n_selected, g_ptr_array_index (c->keys, k)))
          {
            g_strv_builder_add (builder, c->name);
            break;
          }
    }
  if (type == ROCZNIK_CHART_TREND)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_strv_builder_add (builder, label);
    }
  return g_strv_builder_end (builder);
}
