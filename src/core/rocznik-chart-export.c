/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-chart-export.c — a chart as an image, or a PNG, SVG or PDF file */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "rocznik-chart-private.h"
#include "rocznik-error.h"
#include "rocznik-file.h"

/* A fixed creation date keeps PDF exports byte-identical when asked
 * (SOURCE_DATE_EPOCH, as reproducible builds use). */
static void
pdf_set_metadata (cairo_surface_t *surface,
                  const char      *title)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rocznik");
  if (epoch && *epoch)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
      g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S") : NULL;

      if (iso)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
        }
    }
}

/* Public API */

cairo_surface_t *
rocznik_chart_render_image (RocznikChart *chart,
                            int           width,
                            int           height,
                            double        scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rocznik_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Drops Pango's font map, so that a leak checker at exit sees only real
 * leaks. Call it last, with no chart, layout or Pango context alive. Cairo's
 * and fontconfig's own state stay: their debug resets abort while another
 * thread (GLib's, fontconfig's) is alive, after the file was written. */
void
rocznik_chart_release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
}

gboolean
rocznik_chart_export (RocznikChart *chart,
                      const char   *path,
                      int           width,
                      int           height,
                      double        dpi,
                      GError      **error)
{
  g_autofree char *lower = NULL;
  RocznikFile *out;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } format;
  double scale;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PDF;
  else
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("Cannot save a chart as %s: use a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (dpi <= 0)
    dpi = 96;
  scale = dpi / 96.0;
  if (width < 100 || height < 100 || width > 10000 || height > 10000
      || dpi > 1200 || width * scale > 16000 || height * scale > 16000)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("A chart of %d×%d at %g dpi is too small or too large"), width, height, dpi);
      return FALSE;
    }

  out = rocznik_file_new (path, error);
  if (out == NULL)
    return FALSE;

  switch (format)
    {
    case PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) round (width * scale), (int) round (height * scale));
      break;
    case SVG:
      surface = cairo_svg_surface_create_for_stream (rocznik_file_cairo_write, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      scale = 1;
      break;
    case PDF:
      /* The same physical size as the picture at 96 dpi: 1 px = 0.75 pt. */
      surface = cairo_pdf_surface_create_for_stream (rocznik_file_cairo_write, out, width * 0.75, height * 0.75);
      pdf_set_metadata (surface, chart->title);
      scale = 0.75;
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rocznik_chart_draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PNG)
    status = cairo_surface_write_to_png_stream (surface, rocznik_file_cairo_write, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (!rocznik_file_take_error (out, error))
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO,
                     _("Cannot save the chart %s: %s"), path, cairo_status_to_string (status));
      rocznik_file_abort (out);
      return FALSE;
    }
  return rocznik_file_commit (out, error);
}
