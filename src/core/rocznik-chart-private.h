/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-private.h — what the chart's files share: the prepared
 * data (groups of bars), the layout engine's primitives and helpers */
#pragma once

#include <pango/pangocairo.h>

#include "rocznik-chart.h"
#include "rocznik-topics.h"
#include "rocznik-year.h"

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
  char    *short_name;                 /* month: "sty"; NULL: none */
  int      month;                      /* month: 1–12 */
  gint64   weight;                     /* duration: the calls averaged */
  gint64   seconds;                    /* duration: their total handling time */
} ChartGroup;

typedef struct
{
  int    group;
  int    series;
} ChartBar;

/* A topic or a category the user named, resolved against the years. */
typedef RocznikTopicRef ChartEntry;

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
  char      *series_names[CHART_MAX_SERIES];  /* legend; NULL: the year */
  int        year;           /* month, heatmap, channel, duration: the year shown */
  gint64     heat[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];  /* heatmap */
  RocznikOfficeHours office_hours;
  GHashTable *highlight;     /* topic keys */

  PangoFontMap *font_map;    /* NULL: the thread's default */
  PangoContext *pango;       /* measuring context, fixed font options */
  GHashTable   *texts;       /* laid-out texts kept between layouts, see chart_text_new() */
  guint         generation;  /* layouts computed, to age them */
  struct _ChartLayout *layout;  /* the last layout, for hit tests */
};

/* The data (rocznik-chart-data.c) */

ChartGroup        *chart_group_new           (const char        *name,
                                              const char        *key);
void               chart_group_free          (ChartGroup        *g);
const RocznikYear *chart_find_year           (GPtrArray         *years,
                                              int                year,
                                              GError           **error);
const RocznikYear *chart_main_year           (GPtrArray         *years,
                                              int                year,
                                              GError           **error);
gboolean           chart_resolve_entry       (GPtrArray         *years,
                                              GPtrArray         *categories,
                                              const char        *text,
                                              ChartEntry        *out,
                                              GError           **error);
gboolean           chart_resolve_entries     (GPtrArray         *years,
                                              GPtrArray         *categories,
                                              GStrv              topics,
                                              GArray            *out,
                                              GError           **error);
gint64             chart_entry_value_in      (const ChartEntry  *e,
                                              const RocznikYear *y,
                                              GHashTable        *index);
gint64             chart_entry_value         (const ChartEntry  *e,
                                              const RocznikYear *y);
void               chart_entries_from_year   (const RocznikYear *y,
                                              GArray            *out,
                                              guint              limit);
const char        *chart_organisation_of     (GPtrArray         *years,
                                              const int         *list,
                                              int                n);
char              *chart_join_years          (const int         *list,
                                              int                n);
char              *chart_year_span           (const int         *list,
                                              int                n);
int                chart_compare_groups_desc (gconstpointer      a,
                                              gconstpointer      b,
                                              gpointer           data);
void               chart_add_note            (GString           *notes,
                                              const char        *note);
char              *chart_count_with_noun     (gint64             n,
                                              gboolean           more_than);
const RocznikYear *chart_year_with_data      (GPtrArray         *years,
                                              int                year,
                                              RocznikChartType   type,
                                              GError           **error);
gboolean           chart_year_has_months     (const RocznikYear *y);
gint64             chart_year_channel_sum    (const RocznikYear *y);
gint64             chart_average_seconds     (gint64             seconds,
                                              gint64             calls);
void               chart_year_texts          (RocznikChart           *chart,
                                              const RocznikChartSpec *spec,
                                              const RocznikYear      *y,
                                              const char             *title,
                                              const char             *subtitle);

/* Each chart type's data: groups, series, default texts and notes. */
#define CHART_PREPARE_ARGS RocznikChart *chart, GPtrArray *years, GPtrArray *categories, \
                           const RocznikChartSpec *spec, GString *notes, GError **error

gboolean chart_prepare_ranking (CHART_PREPARE_ARGS);
gboolean chart_prepare_compare (CHART_PREPARE_ARGS);
gboolean chart_prepare_yoy     (CHART_PREPARE_ARGS);
gboolean chart_prepare_trend   (CHART_PREPARE_ARGS);
gboolean chart_prepare_month   (CHART_PREPARE_ARGS);
gboolean chart_prepare_heatmap (CHART_PREPARE_ARGS);
gboolean chart_prepare_channel (CHART_PREPARE_ARGS);
gboolean chart_prepare_duration (CHART_PREPARE_ARGS);

/* The layout */

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
  PRIM_RGB      = 1 << 3,    /* painted in rgb, not a theme colour */
  PRIM_OUTLINE  = 1 << 4,    /* a rect stroked, over a halo of the ground */
  PRIM_HALO     = 1 << 5,    /* text over a line: its box cleared to halo first */
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
  guint32     rgb;           /* with PRIM_RGB */
  guint32     halo;          /* with PRIM_HALO: 0xRRGGBB */
} ChartPrim;

typedef struct _ChartLayout
{
  double  width, height;
  GArray *prims;             /* ChartPrim */
} ChartLayout;

/* The layout engine (rocznik-chart-layout.c), for each type's plot */

typedef struct
{
  RocznikChart *chart;
  ChartLayout  *out;
  PangoContext *pango;
  double        width, height;
  double        s;          /* base text size */
  double        pad;
  gboolean      any_highlight;
  GPtrArray    *measures;   /* rows' measures per label size, kept across passes */
} Ctx;

typedef struct
{
  double x, y, w, h;
} Box;

PangoLayout *chart_text_new      (Ctx                 *c,
                                  const char          *text,
                                  double               size,
                                  gboolean             bold,
                                  double               width,
                                  int                  max_lines,
                                  PangoAlignment       align);
void         chart_text_size     (PangoLayout         *layout,
                                  double              *width,
                                  double              *height);
double       chart_natural_width (Ctx                 *c,
                                  const char          *text,
                                  double               size,
                                  gboolean             bold);
ChartPrim   *chart_add_prim      (Ctx                 *c,
                                  ChartPrimKind        kind,
                                  RocznikChartItemKind item,
                                  int                  paint);
ChartPrim   *chart_add_text      (Ctx                 *c,
                                  PangoLayout         *layout,
                                  double               x,
                                  double               y,
                                  int                  paint,
                                  RocznikChartItemKind item);
ChartPrim   *chart_add_rect      (Ctx                 *c,
                                  double               x,
                                  double               y,
                                  double               w,
                                  double               h,
                                  int                  paint,
                                  RocznikChartItemKind item);
void         chart_add_line      (Ctx                 *c,
                                  double               x,
                                  double               y,
                                  double               w,
                                  double               h,
                                  int                  paint);
void         chart_add_grid_line (Ctx                 *c,
                                  double               x,
                                  double               y,
                                  double               w,
                                  double               h,
                                  double               value);
double       chart_nice_step     (double               range,
                                  int                  target);
double       chart_axis_domain   (gint64               max,
                                  int                  target,
                                  int                  max_ticks,
                                  double              *step);
double       chart_value_domain  (RocznikChart        *chart,
                                  gint64               max,
                                  int                  target,
                                  int                  max_ticks,
                                  double              *step);
char        *chart_axis_label    (RocznikChart        *chart,
                                  double               value);
gint64       chart_max_value     (RocznikChart        *chart,
                                  int                  n_groups);
gint64       chart_max_value_of  (const ChartGroup    *g,
                                  int                  n_series);
int          chart_bar_index     (RocznikChart        *chart,
                                  int                  group,
                                  int                  series);
int          chart_series_paint  (RocznikChart        *chart,
                                  int                  series);
void         chart_bar_paint     (Ctx                 *c,
                                  const ChartGroup    *g,
                                  int                  series,
                                  ChartPrim           *p);
char        *chart_value_text    (RocznikChart        *chart,
                                  const ChartGroup    *g,
                                  int                  series,
                                  gboolean             compact);

/* Each chart type's plot inside @plot; returns the groups shown (0: no room). */
int          chart_layout_horizontal (Ctx *c,
                                      Box  plot);
int          chart_layout_vertical   (Ctx *c,
                                      Box  plot);
int          chart_layout_heatmap    (Ctx *c,
                                      Box  plot);
void         chart_measures_free     (gpointer measures);

/* Heat map words (rocznik-chart-heatmap.c) */
const char  *chart_weekday_name      (int                       weekday);
char        *chart_office_hours_text (const RocznikOfficeHours *hours);

/* Vertical columns' parts (rocznik-chart-columns.c) */
double       chart_axis_gutter       (Ctx    *c,
                                      double  domain,
                                      double  tick_size,
                                      double *tick_h);
void         chart_add_value_axis    (Ctx    *c,
                                      double  x0,
                                      double  right,
                                      double  base_y,
                                      double  k,
                                      double  step,
                                      double  domain,
                                      double  tick_size);
void         chart_add_gap           (Ctx    *c,
                                      double  sx,
                                      double  slot,
                                      double  top,
                                      double  base_y,
                                      int     year);

ChartLayout *rocznik_chart_layout_compute (RocznikChart *chart,
                                           double        width,
                                           double        height);
void         rocznik_chart_layout_free    (ChartLayout  *layout);
void         chart_texts_clear            (RocznikChart *chart);
guint32      chart_paint_rgb (RocznikChartTheme theme,
                              const ChartPrim  *p);
void         rocznik_chart_layout_paint   (ChartLayout  *layout,
                                           RocznikChartTheme theme,
                                           cairo_t      *cr);
void         rocznik_chart_text_extents   (PangoLayout  *layout,
                                           double       *x,
                                           double       *y,
                                           double       *width,
                                           double       *height);

G_END_DECLS
