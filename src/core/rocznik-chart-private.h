/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-private.h — what the chart's data and layout halves share */
#pragma once

#include <pango/pangocairo.h>

#include "rocznik-chart.h"

G_BEGIN_DECLS

#define CHART_MAX_SERIES 6
#define CHART_NO_VALUE (-1)

/* One row of a bar chart (a topic or category) or one year of a trend. */
typedef struct
{
  char    *name;                       /* display name, Polish typography */
  char    *key;                        /* topic key or category name */
  int      year;                       /* trend: the year of the slot */
  gint64   values[CHART_MAX_SERIES];   /* CHART_NO_VALUE: no data */
  gboolean more_than[CHART_MAX_SERIES];
  gboolean is_sum[CHART_MAX_SERIES];   /* trend: a sum of topics, not a declared total */
  double   share;                      /* ranking: percent of the sum of topics */
  char    *change;                     /* yoy: "+12,3%", "nowy", or NULL */
  gboolean highlighted;
} ChartGroup;

typedef struct
{
  int    group;
  int    series;
} ChartBar;

struct _RocznikChart
{
  RocznikChartType  type;
  RocznikChartTheme theme;
  char      *title;
  char      *subtitle;
  char      *source;
  char      *notes;          /* given, or computed from the data */
  char      *remainder_note; /* ranking: the honest sum / total / remainder line */
  gboolean   has_more_than;  /* trend: some totals are "ponad" lower bounds */
  GPtrArray *groups;         /* ChartGroup* */
  GArray    *bars;           /* ChartBar, in drawing order */
  int        n_series;
  int        series_years[CHART_MAX_SERIES];
  GHashTable *highlight;     /* topic keys */

  PangoFontMap *font_map;    /* NULL: the thread's default */
  PangoContext *pango;       /* measuring context, fixed font options */
  struct _ChartLayout *layout;  /* the last layout, for hit tests */
};

typedef enum
{
  PAINT_BG,
  PAINT_TEXT,
  PAINT_MUTED_TEXT,
  PAINT_GRID,
  PAINT_BASELINE,
  PAINT_BAR,
  PAINT_ACCENT,
  PAINT_MUTED_BAR,
  PAINT_SERIES,              /* + series index */
} ChartPaint;

typedef enum
{
  PRIM_RECT,
  PRIM_LINE,
  PRIM_TEXT,
} ChartPrimKind;

enum
{
  PRIM_HATCH    = 1 << 0,    /* a "ponad" lower bound */
  PRIM_DASHED   = 1 << 1,
  PRIM_KNOCKOUT = 1 << 2,    /* text over grid lines: clear the ground first */
};

typedef struct
{
  ChartPrimKind        kind;
  RocznikChartItemKind item;
  double      x, y, w, h;    /* rect; line from (x, y) by (w, h); text origin */
  int         paint;
  double      alpha;
  double      line_width;
  guint       flags;
  PangoLayout *layout;
  int         bar;
  gint64      value;
  int         year;
} ChartPrim;

typedef struct _ChartLayout
{
  double  width, height;
  GArray *prims;             /* ChartPrim */
} ChartLayout;

ChartLayout *rocznik_chart_layout_compute (RocznikChart *chart,
                                           double        width,
                                           double        height);
void         rocznik_chart_layout_free    (ChartLayout  *layout);
void         rocznik_chart_layout_paint   (ChartLayout  *layout,
                                           RocznikChartTheme theme,
                                           cairo_t      *cr);
void         rocznik_chart_text_extents   (PangoLayout  *layout,
                                           double       *x,
                                           double       *y,
                                           double       *width,
                                           double       *height);

G_END_DECLS
