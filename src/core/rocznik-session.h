/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-session.h — what the window shows: year, comparison, chart, texts */
#pragma once

#include <glib-object.h>

#include "rocznik-chart.h"
#include "rocznik-history.h"
#include "rocznik-workspace.h"

G_BEGIN_DECLS

/* The chart's texts a user may write; empty means the renderer's own. */
typedef enum
{
  ROCZNIK_CHART_TEXT_TITLE,
  ROCZNIK_CHART_TEXT_SUBTITLE,
  ROCZNIK_CHART_TEXT_SOURCE,
  ROCZNIK_CHART_TEXT_NOTES,
  ROCZNIK_CHART_N_TEXTS,
} RocznikChartText;

typedef enum
{
  ROCZNIK_COMPARE_BY_TOPICS,
  ROCZNIK_COMPARE_BY_CATEGORIES,
} RocznikCompareBy;

#define ROCZNIK_TYPE_SESSION (rocznik_session_get_type ())
G_DECLARE_FINAL_TYPE (RocznikSession, rocznik_session, ROCZNIK, SESSION, GObject)

RocznikSession     *rocznik_session_new                 (void);
void                rocznik_session_set_workspace       (RocznikSession     *self,
                                                         RocznikWorkspace   *workspace);
RocznikWorkspace   *rocznik_session_get_workspace       (RocznikSession     *self);
RocznikHistory     *rocznik_session_get_history         (RocznikSession     *self);
gboolean            rocznik_session_reload              (RocznikSession     *self,
                                                         GError            **error);
GPtrArray          *rocznik_session_get_years           (RocznikSession     *self);
GPtrArray          *rocznik_session_get_categories      (RocznikSession     *self);
const RocznikCategory *rocznik_session_find_category (RocznikSession     *self,
                                                     const char         *name);
const RocznikYear  *rocznik_session_get_current         (RocznikSession     *self);
int                 rocznik_session_get_year            (RocznikSession     *self);
void                rocznik_session_set_year            (RocznikSession     *self,
                                                         int                 year);
int                 rocznik_session_get_comparison_year (RocznikSession     *self);
void                rocznik_session_set_comparison_year (RocznikSession     *self,
                                                         int                 year);
gboolean            rocznik_session_can_compare         (RocznikSession     *self,
                                                         int                 year);
RocznikChartType    rocznik_session_get_chart_type      (RocznikSession     *self);
void                rocznik_session_set_chart_type      (RocznikSession     *self,
                                                         RocznikChartType    type);
RocznikCompareBy    rocznik_session_get_compare_by      (RocznikSession     *self);
void                rocznik_session_set_compare_by      (RocznikSession     *self,
                                                         RocznikCompareBy    by);
const char *const  *rocznik_session_get_selected_topics (RocznikSession     *self);
void                rocznik_session_set_selected_topics (RocznikSession     *self,
                                                         const char *const  *keys);
const char         *rocznik_session_get_chart_text      (RocznikSession     *self,
                                                         RocznikChartText    field);
void                rocznik_session_set_chart_text      (RocznikSession     *self,
                                                         RocznikChartText    field,
                                                         const char         *text);

G_END_DECLS
