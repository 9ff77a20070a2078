/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topics.h — naming topics: what a typed name means, which topics a
 * comparison shows, which bars stand out, every topic for a choice
 *
 * The chart, the report, `rocznik --topics` and the window all ask here, so
 * a name means the same thing everywhere.
 */
#pragma once

#include <glib.h>

#include "rocznik-chart.h"
#include "rocznik-table.h"
#include "rocznik-workspace.h"

G_BEGIN_DECLS

/* A topic or a category a person named. */
typedef struct
{
  char      *name;   /* as shown: the category's name, the topic's latest name */
  char      *key;    /* the topic's key, or the category's name */
  GPtrArray *keys;   /* a category's topic keys; NULL for a topic */
} RocznikTopicRef;

void       rocznik_topic_ref_clear          (RocznikTopicRef    *ref);
gboolean   rocznik_topics_resolve           (GPtrArray          *years,
                                             GPtrArray          *categories,
                                             RocznikWorkspace   *workspace,
                                             const char         *text,
                                             RocznikTopicRef    *out,
                                             GError            **error);
GStrv      rocznik_topics_resolve_all       (GPtrArray          *years,
                                             GPtrArray          *categories,
                                             RocznikWorkspace   *workspace,
                                             const char *const  *texts,
                                             GError            **error);
GPtrArray *rocznik_topics_list_all          (GPtrArray          *years,
                                             const char         *except_key);
GStrv      rocznik_topics_compare_default   (const RocznikTable *table,
                                             GPtrArray          *categories,
                                             gboolean            by_categories,
                                             const char *const  *selected,
                                             GError            **error);
GStrv      rocznik_topics_highlight         (RocznikChartType    type,
                                             gboolean            by_categories,
                                             int                 year,
                                             GPtrArray          *categories,
                                             const char *const  *selected);

G_END_DECLS
