/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-row.h — one row of the topic table, as a GObject for list models */
#pragma once

#include <gio/gio.h>

#include "rocznik-table.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_TOPIC_ROW (rocznik_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (RocznikTopicRow, rocznik_topic_row, ROCZNIK, TOPIC_ROW, GObject)

RocznikTopicRow  *rocznik_topic_row_new                  (const RocznikRow *row,
                                                          int               year);
const RocznikRow *rocznik_topic_row_get_row              (RocznikTopicRow  *self);
RocznikRowKind    rocznik_topic_row_get_kind             (RocznikTopicRow  *self);
const char       *rocznik_topic_row_get_name             (RocznikTopicRow  *self);
const char       *rocznik_topic_row_get_key              (RocznikTopicRow  *self);
const char       *rocznik_topic_row_get_text             (RocznikTopicRow  *self,
                                                          RocznikColumn     column);
gboolean          rocznik_topic_row_matches              (RocznikTopicRow  *self,
                                                          const char       *folded_query);
int               rocznik_topic_row_compare              (RocznikTopicRow  *a,
                                                          RocznikTopicRow  *b,
                                                          RocznikColumn     column);

G_END_DECLS
