/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-view.c — a RocznikChart on screen: hover, click, copy
 *
 * The widget only shows a chart the window prepared: the data is set
 * outside snapshot, and snapshot only asks the core to draw it. The screen
 * follows the desktop's dark and high-contrast styles; what is copied or
 * exported keeps the chart's own (light) theme.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rocznik-chart-view.h"

struct _RocznikChartView
{
  GtkWidget      parent_instance;

  RocznikChart  *chart;
  RocznikChartTheme theme;     /* the screen's, from AdwStyleManager */
  int            hovered;
  AdwStyleManager *style;
};

G_DEFINE_FINAL_TYPE (RocznikChartView, rocznik_chart_view, GTK_TYPE_WIDGET)

enum
{
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_accessible (RocznikChartView *self)
{
  g_autofree char *description = self->chart ? rocznik_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart ? rocznik_chart_get_title (self->chart) : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No chart"),
                                  -1);
}

static int
hit (RocznikChartView *self,
     double            x,
     double            y)
{
  if (self->chart == NULL)
    return -1;
  return rocznik_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static void
set_hovered (RocznikChartView *self,
             int               index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
}

/* Callbacks */

static void
style_changed_cb (RocznikChartView *self)
{
  RocznikChartTheme theme = ROCZNIK_CHART_THEME_LIGHT;

  if (adw_style_manager_get_high_contrast (self->style))
    theme = ROCZNIK_CHART_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (self->style))
    theme = ROCZNIK_CHART_THEME_DARK;
  if (theme == self->theme)
    return;
  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RocznikChartView         *self)
{
  set_hovered (self, hit (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          RocznikChartView         *self)
{
  set_hovered (self, -1);
}

static void
released_cb (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             RocznikChartView *self)
{
  int index = hit (self, x, y);

  if (index >= 0)
    g_signal_emit (self, signals[BAR_ACTIVATED], 0, index, rocznik_chart_get_bar_key (self->chart, index));
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  RocznikChartView *self)
{
  int index = keyboard ? self->hovered : hit (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  text = rocznik_chart_describe_bar (self->chart, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GObject overrides */

static void
rocznik_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RocznikChartView *self = ROCZNIK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RocznikChartTheme own;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  /* The screen's theme for this draw only: exports keep the chart's own. */
  own = rocznik_chart_get_theme (self->chart);
  rocznik_chart_set_theme (self->chart, self->theme);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rocznik_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
  rocznik_chart_set_theme (self->chart, own);
}

static void
rocznik_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Below 240 × 200 the text would crowd out the bars. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 440;
}

static void
rocznik_chart_view_dispose (GObject *object)
{
  RocznikChartView *self = ROCZNIK_CHART_VIEW (object);

  if (self->style)
    g_signal_handlers_disconnect_by_data (self->style, self);
  self->style = NULL;
  g_clear_pointer (&self->chart, rocznik_chart_free);
  G_OBJECT_CLASS (rocznik_chart_view_parent_class)->dispose (object);
}

static void
rocznik_chart_view_class_init (RocznikChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rocznik_chart_view_dispose;
  widget_class->snapshot = rocznik_chart_view_snapshot;
  widget_class->measure = rocznik_chart_view_measure;

  /**
   * RocznikChartView::bar-activated:
   * @index: the bar, as rocznik_chart_hit_test() counts them
   * @key: its topic key, category name or year
   *
   * A bar was clicked: the window selects its row.
   */
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "rocznik-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rocznik_chart_view_init (RocznikChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* A screen reader reaches the chart and reads its description. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  self->style = adw_style_manager_get_default ();
  g_signal_connect_swapped (self->style, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (self->style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  style_changed_cb (self);
  update_accessible (self);
}

/* Public API */

GtkWidget *
rocznik_chart_view_new (void)
{
  return g_object_new (ROCZNIK_TYPE_CHART_VIEW, NULL);
}

/* Takes @chart (NULL for none); prepare it outside any draw. */
void
rocznik_chart_view_set_chart (RocznikChartView *self,
                              RocznikChart     *chart)
{
  g_return_if_fail (ROCZNIK_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, rocznik_chart_free);
  self->chart = chart;
  self->hovered = -1;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RocznikChart *
rocznik_chart_view_get_chart (RocznikChartView *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/* The rows selected in the table, drawn in the accent colour. */
void
rocznik_chart_view_set_highlight (RocznikChartView   *self,
                                  const char * const *keys)
{
  g_return_if_fail (ROCZNIK_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;
  rocznik_chart_set_highlight (self->chart, keys);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RocznikChartTheme
rocznik_chart_view_get_theme (RocznikChartView *self)
{
  g_return_val_if_fail (ROCZNIK_IS_CHART_VIEW (self), ROCZNIK_CHART_THEME_LIGHT);
  return self->theme;
}

/* The chart as an image of @width × @height layout units at @scale. */
GdkTexture *
rocznik_chart_texture_new (RocznikChart *chart,
                           int           width,
                           int           height,
                           double        scale)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  int stride, pixel_w, pixel_h;

  g_return_val_if_fail (chart != NULL, NULL);

  surface = rocznik_chart_render_image (chart, width, height, scale);
  stride = cairo_image_surface_get_stride (surface);
  pixel_w = cairo_image_surface_get_width (surface);
  pixel_h = cairo_image_surface_get_height (surface);
  /* Cairo's ARGB32 is GDK's default memory format: no copy needed. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * pixel_h,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (pixel_w, pixel_h, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Copies the chart as an image, as it would be exported (its own theme);
 * @width or @height ≤ 0: 1200 × 675, the social-media size. */
void
rocznik_chart_view_copy (RocznikChartView *self,
                         int               width,
                         int               height)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (ROCZNIK_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;
  if (width <= 0 || height <= 0)
    {
      width = 1200;
      height = 675;
    }
  texture = rocznik_chart_texture_new (self->chart, width, height, 1);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
}
