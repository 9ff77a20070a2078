/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-frame-pool.c — X11 frames without a new shared-memory pool each
 *
 * With GTK's cairo renderer on X11 (no GL: a virtual machine, a remote
 * display) every frame is drawn into memory and sent to the X server
 * through a block of shared memory. Cairo 1.16 takes that block from a pool
 * it unmaps as soon as nothing in it is in use, that is after every frame:
 * the next frame maps a new pool and faults in each of its pages again; on
 * a virtual machine that was two thirds of a resize step's CPU time (at
 * 1100 × 730 px, some 850 page faults a step). One small block kept
 * in a pool large enough for a frame of the whole monitor keeps the pool,
 * and its pages, from one frame to the next.
 */

#include "config.h"

#include "rocznik-frame-pool.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#if defined (GDK_WINDOWING_X11) && CAIRO_HAS_XLIB_SURFACE
#include <cairo-xlib.h>
#define HAVE_FRAME_POOL 1
#endif

/* Public API */

/* For @widget's window, once realized: the block that keeps the pool (free
 * it with cairo_surface_destroy() on unrealize), or NULL when frames go
 * another way (Wayland, GL). */
cairo_surface_t *
rocznik_frame_pool_keep (GtkWidget *widget)
{
#ifdef HAVE_FRAME_POOL
  GtkNative *native;
  GdkSurface *surface;
  GdkDisplay *display;
  GdkMonitor *monitor;
  GdkRectangle area = { 0, 0, 1920, 1080 };
  cairo_surface_t *root, *frame, *block;
  Display *xdisplay;
  int scale;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  native = gtk_widget_get_native (widget);
  surface = native ? gtk_native_get_surface (native) : NULL;
  if (surface == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    return NULL;
  display = gdk_surface_get_display (surface);
  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor)
    gdk_monitor_get_geometry (monitor, &area);
  scale = gdk_surface_get_scale_factor (surface);

  /* Cairo sizes a new pool by the first block asked of it: a frame of the
   * whole monitor, given back at once (its pages never touched), leaves a
   * pool every later frame fits in, held by one small block. */
  xdisplay = gdk_x11_display_get_xdisplay (display);
  root = cairo_xlib_surface_create (xdisplay, gdk_x11_display_get_xrootwindow (display),
                                    DefaultVisual (xdisplay, DefaultScreen (xdisplay)), 1, 1);
  frame = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32,
                                              MAX (area.width, 1) * scale, MAX (area.height, 1) * scale);
  block = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (root);
  return block;
#else
  return NULL;
#endif
}
