/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-topic-table.h — the year's topics: sorting, search, totals */
#pragma once

#include <gtk/gtk.h>

#include "rocznik-session.h"
#include "rocznik-table.h"
#include "rocznik-topic-row.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_TOPIC_TABLE (rocznik_topic_table_get_type ())
G_DECLARE_FINAL_TYPE (RocznikTopicTable, rocznik_topic_table, ROCZNIK, TOPIC_TABLE, GtkWidget)

GtkWidget          *rocznik_topic_table_new                    (void);
RocznikSession     *rocznik_topic_table_get_session            (RocznikTopicTable *self);
void                rocznik_topic_table_set_session            (RocznikTopicTable *self,
                                                                RocznikSession    *session);
gboolean            rocznik_topic_table_get_show_remainder     (RocznikTopicTable *self);
void                rocznik_topic_table_set_show_remainder     (RocznikTopicTable *self,
                                                                gboolean           show_remainder);
gboolean            rocznik_topic_table_get_search_mode        (RocznikTopicTable *self);
void                rocznik_topic_table_set_search_mode        (RocznikTopicTable *self,
                                                                gboolean           search_mode);
void                rocznik_topic_table_set_key_capture_widget (RocznikTopicTable *self,
                                                                GtkWidget         *widget);
void                rocznik_topic_table_search                 (RocznikTopicTable *self,
                                                                const char        *text);
void                rocznik_topic_table_start_search           (RocznikTopicTable *self);
void                rocznik_topic_table_popup_menu             (RocznikTopicTable *self);
void                rocznik_topic_table_set_focus_after        (RocznikTopicTable *self,
                                                                GtkWidget         *widget);
void                rocznik_topic_table_sort_by                (RocznikTopicTable *self,
                                                                RocznikColumn      column,
                                                                gboolean           descending);
const char         *rocznik_topic_table_get_page               (RocznikTopicTable *self);
RocznikTopicRow    *rocznik_topic_table_get_selected_row       (RocznikTopicTable *self);
GPtrArray          *rocznik_topic_table_get_selected_keys      (RocznikTopicTable *self);
void                rocznik_topic_table_select_keys            (RocznikTopicTable *self,
                                                                GPtrArray         *keys);
gboolean            rocznik_topic_table_get_column_visible     (RocznikTopicTable *self,
                                                                RocznikColumn      column);
GtkSelectionModel  *rocznik_topic_table_get_selection          (RocznikTopicTable *self);
const RocznikTable *rocznik_topic_table_get_table              (RocznikTopicTable *self);
char               *rocznik_topic_table_get_selected_tsv       (RocznikTopicTable *self);

G_END_DECLS
