/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart widget under Xvfb: drawn through its snapshot, themed by the
 * desktop style, described for screen readers, copied as an image. */

#include <adwaita.h>
#include <string.h>

#include "rocznik-chart-view.h"
#include "rocznik-workspace.h"

static RocznikChart *
sample_ranking (void)
{
  g_autoptr(RocznikWorkspace) ws = rocznik_workspace_new_in_memory ();
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  RocznikChartSpec spec = { .type = ROCZNIK_CHART_RANKING };
  RocznikChart *chart;

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  years = rocznik_workspace_load_all (ws, &error);
  g_assert_no_error (error);
  chart = rocznik_chart_new (years, NULL, &spec, &error);
  g_assert_no_error (error);
  return chart;
}

static void
wait_for (gboolean (*done) (GtkWidget *), GtkWidget *widget)
{
  for (int i = 0; i < 2000 && !done (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (widget));
}

static gboolean
is_sized (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) >= 700;
}

/* What the widget's snapshot draws, as pixels. */
static cairo_surface_t *
render (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static void
texture_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GdkTexture **texture = data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_view (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rocznik_chart_view_new ();
  RocznikChart *chart = sample_ranking ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) items = NULL;
  const RocznikChartItem *bar = NULL;
  cairo_surface_t *light, *dark;
  GdkTexture *copied = NULL;
  int w, h;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 450);
  gtk_window_set_child (GTK_WINDOW (window), view);
  rocznik_chart_view_set_chart (ROCZNIK_CHART_VIEW (view), chart);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_sized, view);
  w = gtk_widget_get_width (view);
  h = gtk_widget_get_height (view);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  items = rocznik_chart_get_layout (chart, w, h);
  for (guint i = 0; i < items->len && bar == NULL; i++)
    if (((RocznikChartItem *) g_ptr_array_index (items, i))->kind == ROCZNIK_CHART_ITEM_BAR)
      bar = g_ptr_array_index (items, i);
  g_assert_nonnull (bar);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (rocznik_chart_view_get_theme (ROCZNIK_CHART_VIEW (view)), ==, ROCZNIK_CHART_THEME_LIGHT);
  light = render (view);
  g_assert_cmphex (pixel (light, 2, 2), ==, 0xffffff);
  g_assert_cmphex (pixel (light, bar->x + bar->width / 2, bar->y + bar->height / 2), ==, 0x0072b2);
  if (g_getenv ("ROCZNIK_SCREENSHOT_DIR"))
    {
      g_autofree char *path = g_build_filename (g_getenv ("ROCZNIK_SCREENSHOT_DIR"), "chart-view.png", NULL);
      g_mkdir_with_parents (g_getenv ("ROCZNIK_SCREENSHOT_DIR"), 0755);
      cairo_surface_write_to_png (light, path);
    }

  /* a dark desktop gets a dark chart; the chart itself stays light for export */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (rocznik_chart_view_get_theme (ROCZNIK_CHART_VIEW (view)), ==, ROCZNIK_CHART_THEME_DARK);
  dark = render (view);
  g_assert_cmphex (pixel (dark, 2, 2), ==, 0x242424);
  g_assert_cmphex (pixel (dark, bar->x + bar->width / 2, bar->y + bar->height / 2), ==, 0x56b4e9);
  g_assert_cmpint (rocznik_chart_get_theme (chart), ==, ROCZNIK_CHART_THEME_LIGHT);

  /* highlighting the selected rows: accent on them, the rest muted */
  rocznik_chart_view_set_highlight (ROCZNIK_CHART_VIEW (view), (const char *[]) { "gospodarka odpadami", NULL });
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cairo_surface_destroy (light);
  light = render (view);
  g_assert_cmphex (pixel (light, bar->x + bar->width / 2, bar->y + bar->height / 2), ==, 0xb8c5d0);

  /* copy: the export look, 1200 × 675 */
  rocznik_chart_view_copy (ROCZNIK_CHART_VIEW (view), 0, 0);
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (view), NULL, texture_cb, &copied);
  for (int i = 0; i < 2000 && copied == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (copied);
  g_assert_cmpint (gdk_texture_get_width (copied), ==, 1200);
  g_assert_cmpint (gdk_texture_get_height (copied), ==, 675);

  g_object_unref (copied);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/chart-view/draw-theme-copy", test_view);
  return g_test_run ();
}
