/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year.h — one year of a contact centre: topics, totals, lists
 *
 * Plain structs: the workspace loads and stores them, importers fill them,
 * the window, charts and reports read them.
 */
#pragma once

#include <glib.h>

#include "rocznik-call-profile.h"

G_BEGIN_DECLS

#define ROCZNIK_NO_TOTAL (-1)
/* Counts are stored as SQLite integers and written to XLSX as doubles:
 * beyond 2^53 a double can no longer hold every count exactly. */
#define ROCZNIK_MAX_COUNT (G_GINT64_CONSTANT (9007199254740992))
/* Longest topic name, in characters: anything longer is not a topic. */
#define ROCZNIK_TOPIC_NAME_MAX 1000

typedef struct
{
  char    *name;         /* as published, for display */
  char    *key;          /* rocznik_topic_key() of the canonical name */
  gint64   count;
  gboolean has_months;
  gint64   months[12];
  /* handling time, from per-call records with a duration column */
  gboolean has_duration;
  gint64   duration_calls;    /* calls that had a duration */
  gint64   duration_seconds;  /* their total, in seconds */
} RocznikTopic;

typedef struct
{
  char      *title;      /* "nowe usługi informacyjne" */
  gint64     declared;   /* "24 nowe usługi", or ROCZNIK_NO_TOTAL */
  GPtrArray *items;      /* char* */
} RocznikList;

typedef struct
{
  int        year;
  char      *organisation;
  gint64     declared_total;      /* ROCZNIK_NO_TOTAL when not published */
  gboolean   declared_more_than;  /* published as "ponad …" */
  char      *notes;
  gboolean   is_sample;
  GPtrArray *topics;              /* RocznikTopic* */
  GPtrArray *lists;               /* RocznikList* */
  RocznikCallProfile *calls;      /* per-call records' profile, or NULL */
} RocznikYear;

char         *rocznik_topic_name_clean   (const char         *name,
                                          GError            **error);
RocznikTopic *rocznik_topic_new          (const char         *name,
                                          gint64              count);
RocznikTopic *rocznik_topic_copy         (const RocznikTopic *topic);
void          rocznik_topic_free         (RocznikTopic       *topic);

RocznikList  *rocznik_list_new           (const char         *title);
void          rocznik_list_free          (RocznikList        *list);

RocznikYear  *rocznik_year_new           (int                 year);
RocznikYear  *rocznik_year_copy          (const RocznikYear  *year);
void          rocznik_year_free          (RocznikYear        *year);
RocznikTopic *rocznik_year_add_topic     (RocznikYear        *year,
                                          const char         *name,
                                          gint64              count);
RocznikTopic *rocznik_year_find_topic    (const RocznikYear  *year,
                                          const char         *name_or_key);
GHashTable   *rocznik_year_index_topics  (const RocznikYear  *year);
RocznikList  *rocznik_year_add_list      (RocznikYear        *year,
                                          const char         *title);
gint64        rocznik_year_topic_sum     (const RocznikYear  *year);
gboolean      rocznik_year_get_remainder (const RocznikYear  *year,
                                          gint64             *remainder);
void          rocznik_year_sort_by_count (RocznikYear        *year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikTopic, rocznik_topic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikList, rocznik_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikYear, rocznik_year_free)

G_END_DECLS
