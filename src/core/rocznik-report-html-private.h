/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-html-private.h — the web page's building blocks, shared by its sections */
#pragma once

#include "rocznik-report-calls.h"

G_BEGIN_DECLS

/* @text escaped; <tag attrs>text</tag>, on a line of its own with _element. */
void rocznik_html_append_escaped (GString                  *out,
                                  const char               *text);
void rocznik_html_append_cell    (GString                  *out,
                                  const char               *tag,
                                  const char               *attrs,
                                  const char               *text);
void rocznik_html_append_element (GString                  *out,
                                  const char               *tag,
                                  const char               *attrs,
                                  const char               *text);
/* A chart as a figure (SVG, title, description, data table); ids from
 * @index. @table: the figure's data table as HTML, or NULL for the chart's own. */
void rocznik_html_append_chart   (GString                  *out,
                                  const RocznikReport      *report,
                                  const RocznikReportChart *spec,
                                  PangoFontMap             *fonts,
                                  guint                     index,
                                  const char               *table);

/* The section on calls, when the report has one; its charts numbered from @first_chart. */
void rocznik_html_append_calls   (GString                    *out,
                                  const RocznikReportContent *content,
                                  guint                       first_chart);

G_END_DECLS
