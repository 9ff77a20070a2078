/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart.h — the one chart renderer: screen, PNG, SVG, PDF, report
 *
 * A RocznikChart holds the data a chart needs, prepared once from the
 * workspace's years; rocznik_chart_draw() lays it out for any size and
 * draws it onto any cairo_t (a widget's snapshot, an image, SVG or PDF
 * surface, a page of the PDF report). Plain C: no GTK, no GObject.
 *
 * Sizes are in layout units: CSS pixels on screen and in PNG/SVG files,
 * points on a PDF page. Text scales with the size, so a 320 px phone
 * chart and an A4 page both stay legible.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_CHART_RANKING,   /* one year's topics, horizontal bars by count */
  ROCZNIK_CHART_COMPARE,   /* chosen topics or categories, one or more years */
  ROCZNIK_CHART_YOY,       /* each topic in two years, change labelled */
  ROCZNIK_CHART_TREND,     /* declared totals per year, gaps for missing years */
  ROCZNIK_CHART_MONTH,     /* calls per month of a year, all topics or chosen
                              ones as series; gaps for months without data */
  ROCZNIK_CHART_HEATMAP,   /* calls by weekday × hour, office hours marked */
  ROCZNIK_CHART_CHANNEL,   /* calls by channel, with shares */
  ROCZNIK_CHART_DURATION,  /* average handling time by topic */
} RocznikChartType;

typedef enum
{
  ROCZNIK_CHART_THEME_LIGHT,          /* exports use this unless asked */
  ROCZNIK_CHART_THEME_DARK,
  ROCZNIK_CHART_THEME_HIGH_CONTRAST,
} RocznikChartTheme;

/* Hours marked on the heat map: @days a mask (bit 0 = Monday … bit 6 =
 * Sunday), from @open to @close minutes after midnight. All zero in a
 * spec: the sample office's Monday–Friday 7:30–20:00. */
typedef struct
{
  guint days;
  int   open;
  int   close;
} RocznikOfficeHours;

#define ROCZNIK_OFFICE_HOURS_DEFAULT ((RocznikOfficeHours) { 0x1f, 7 * 60 + 30, 20 * 60 })

typedef struct
{
  RocznikChartType  type;
  int               year;          /* 0: the latest year with topics */
  int               compare_year;  /* yoy: 0 = the previous year with topics;
                                      compare: a second year, 0 = none */
  const int        *years;         /* compare: 0-terminated list of years
                                      (overrides year/compare_year), or NULL */
  GStrv             topics;        /* names, keys or category names;
                                      NULL: all / a sensible default */
  GStrv             highlight;     /* topic keys drawn in the accent colour */
  char             *title;         /* NULL: a Polish default */
  char             *subtitle;      /* NULL: a Polish default, "" for none */
  char             *source;        /* NULL: "Źródło: <organisation>, <year>" */
  char             *notes;         /* NULL: notes the data calls for */
  RocznikChartTheme theme;
  RocznikOfficeHours office_hours; /* heatmap: marked hours; all zero: the default */
} RocznikChartSpec;

typedef struct _RocznikChart RocznikChart;

/* What rocznik_chart_get_layout() reports: the geometry a draw produces,
 * so tests and the widget check rectangles rather than pixels. */
typedef enum
{
  ROCZNIK_CHART_ITEM_BAR,        /* a data bar; bar = its index */
  ROCZNIK_CHART_ITEM_VALUE,      /* a bar's value label; bar = its index */
  ROCZNIK_CHART_ITEM_LABEL,      /* a category/topic name, tick, legend, title… */
  ROCZNIK_CHART_ITEM_GAP,        /* a missing year: marked, never a bar */
  ROCZNIK_CHART_ITEM_GRID,       /* a grid line (zero width or height); value = its tick */
  ROCZNIK_CHART_ITEM_CELL,       /* a heat-map cell; bar = weekday × 24 + hour */
  ROCZNIK_CHART_ITEM_LEGEND,     /* a colour scale's swatch; value = the count it shows */
  ROCZNIK_CHART_ITEM_MARK,       /* the office hours' outline on a heat map */
} RocznikChartItemKind;

typedef struct
{
  RocznikChartItemKind kind;
  double  x, y, width, height;   /* for text: the ink rectangle */
  int     bar;                   /* bar index, or -1 */
  gint64  value;                 /* bars: the count drawn */
  int     year;                  /* bars and gaps: their year, or 0 */
  char   *text;                  /* text items: what was written */
  guint32 colour;                /* 0xRRGGBB as painted in the chart's theme */
} RocznikChartItem;

#define ROCZNIK_CHART_DEFAULT_FONT "Cantarell, DejaVu Sans, sans-serif"

gboolean      rocznik_chart_type_from_string (const char              *name,
                                              RocznikChartType        *type);
const char   *rocznik_chart_type_to_string   (RocznikChartType         type);
/* Whether @year holds what a chart of @type needs (months, hours of the
 * week, channels, handling times; topics for the others). */
gboolean      rocznik_chart_type_has_data    (RocznikChartType         type,
                                              const RocznikYear       *year);

RocznikChart *rocznik_chart_new          (GPtrArray               *years,
                                          GPtrArray               *categories,
                                          const RocznikChartSpec  *spec,
                                          GError                 **error);
void          rocznik_chart_free         (RocznikChart            *chart);

void          rocznik_chart_set_theme    (RocznikChart            *chart,
                                          RocznikChartTheme        theme);
RocznikChartTheme rocznik_chart_get_theme (RocznikChart           *chart);
void          rocznik_chart_set_highlight (RocznikChart           *chart,
                                           const char * const     *keys);
const char   *rocznik_chart_get_title    (RocznikChart            *chart);
/* The fonts to lay text out with; NULL (the default) is this thread's
 * default Pango font map. Set it before the first draw or layout. */
void          rocznik_chart_set_font_map (RocznikChart            *chart,
                                          PangoFontMap            *font_map);
const char   *rocznik_chart_get_subtitle (RocznikChart            *chart);
const char   *rocznik_chart_get_source   (RocznikChart            *chart);
const char   *rocznik_chart_get_notes    (RocznikChart            *chart);
RocznikChartType rocznik_chart_get_chart_type (RocznikChart       *chart);
void          rocznik_chart_set_office_hours (RocznikChart             *chart,
                                              const RocznikOfficeHours *hours);
RocznikOfficeHours rocznik_chart_get_office_hours (RocznikChart       *chart);

void          rocznik_chart_draw         (RocznikChart            *chart,
                                          cairo_t                 *cr,
                                          double                   width,
                                          double                   height);
GPtrArray    *rocznik_chart_get_layout   (RocznikChart            *chart,
                                          double                   width,
                                          double                   height);

int           rocznik_chart_get_n_bars   (RocznikChart            *chart);
const char   *rocznik_chart_get_bar_key  (RocznikChart            *chart,
                                          int                      index);
int           rocznik_chart_hit_test     (RocznikChart            *chart,
                                          double                   width,
                                          double                   height,
                                          double                   x,
                                          double                   y);
char         *rocznik_chart_describe_bar (RocznikChart            *chart,
                                          int                      index);
char         *rocznik_chart_describe     (RocznikChart            *chart);

/* An ARGB image of @width × @height layout units at @scale (clipboard). */
cairo_surface_t *rocznik_chart_render_image (RocznikChart         *chart,
                                             int                   width,
                                             int                   height,
                                             double                scale);
/* By the extension of @path: .png, .svg or .pdf, written atomically.
 * @width × @height in layout units (CSS px); @dpi (0 = 96) scales a PNG:
 * 1200×675 at 192 dpi is a 2400×1350 image of the same chart. An SVG is
 * @width × @height px; a PDF page the same physical size (px × 0.75 pt). */
gboolean      rocznik_chart_export       (RocznikChart            *chart,
                                          const char              *path,
                                          int                      width,
                                          int                      height,
                                          double                   dpi,
                                          GError                 **error);

void          rocznik_chart_release_fonts (void);

void          rocznik_chart_item_free    (RocznikChartItem        *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikChart, rocznik_chart_free)

G_END_DECLS
