/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-pdf-private.h — the PDF report's page flow, shared by its sections
 *
 * rocznik-report-pdf.c lays out the report top to bottom; the section on
 * calls (rocznik-report-pdf-calls.c) uses the same blocks: headings,
 * paragraphs, tables that repeat their header on a new page, charts.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rocznik-report-calls.h"

G_BEGIN_DECLS

#define PAGE_WIDTH   595.276  /* A4 in points */
#define PAGE_HEIGHT  841.890
#define MARGIN_LEFT  64.0
#define MARGIN_RIGHT 64.0
#define MARGIN_TOP   64.0
#define BODY_BOTTOM  (PAGE_HEIGHT - 78.0)
#define FOOTER_Y     (PAGE_HEIGHT - 52.0)
#define TEXT_WIDTH   (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define FONT_SANS    "Cantarell"
#define FONT_SERIF   "P052"

typedef struct { double r, g, b; } Rgb;

static const Rgb INK = { 0.13, 0.14, 0.16 };
static const Rgb MUTED = { 0.38, 0.40, 0.44 };
static const Rgb ACCENT = { 0.11, 0.35, 0.62 };
static const Rgb RULE = { 0.78, 0.80, 0.83 };
static const Rgb STRIPE = { 0.95, 0.96, 0.975 };
static const Rgb HEADER_FILL = { 0.89, 0.92, 0.955 };

typedef struct
{
  const RocznikReportContent *content;
  const RocznikReport *report;  /* content->data */
  GPtrArray           *categories;  /* RocznikCategory*, for the charts */
  PangoContext        *pango;
  PangoFontMap        *fonts;       /* the report's, for the charts too; NULL: the system's */
  cairo_surface_t     *surface;     /* the PDF */
  GPtrArray           *pages;       /* recording surfaces, finished pages */
  cairo_t             *cr;          /* the current page's recording */
  GCancellable        *cancellable;
  int                  page;        /* 1-based */
  double               y;
} Pdf;

#define PDF_MAX_COLUMNS 9

typedef struct
{
  const char *title;
  double      width;
  gboolean    numeric;
} Column;

typedef struct
{
  Column      cols[PDF_MAX_COLUMNS];
  guint       n_cols;
  const char *continued;   /* above the header repeated on a new page */
} TableSpec;

PangoLayout *rocznik_pdf_text_layout   (Pdf             *pdf,
                                        const char      *font,
                                        double           width,
                                        const char      *text);
double       rocznik_pdf_layout_height (PangoLayout     *layout);
void         rocznik_pdf_show_layout   (Pdf             *pdf,
                                        PangoLayout     *layout,
                                        double           x,
                                        double           y,
                                        const Rgb       *color);
void         rocznik_pdf_hline         (Pdf             *pdf,
                                        double           x0,
                                        double           x1,
                                        double           y,
                                        double           width,
                                        const Rgb       *c);
gboolean     rocznik_pdf_ensure_space  (Pdf             *pdf,
                                        double           height);
int          rocznik_pdf_add_outline   (Pdf             *pdf,
                                        int              parent,
                                        const char      *title);
void         rocznik_pdf_paragraph     (Pdf             *pdf,
                                        const char      *font,
                                        const char      *text,
                                        const Rgb       *color,
                                        double           space_after);
int          rocznik_pdf_heading       (Pdf             *pdf,
                                        const char      *title,
                                        double           keep);
void         rocznik_pdf_subheading    (Pdf             *pdf,
                                        const char      *title);
void         rocznik_pdf_list_item     (Pdf             *pdf,
                                        const char      *font,
                                        const char      *mark,
                                        double           indent,
                                        const char      *text);
double       rocznik_pdf_table_row     (Pdf             *pdf,
                                        const TableSpec *spec,
                                        const char     **cells,
                                        const char      *font,
                                        gboolean         draw,
                                        const Rgb       *fill,
                                        const Rgb       *color);
void         rocznik_pdf_table_header  (Pdf             *pdf,
                                        const TableSpec *spec,
                                        gboolean         continued);
void         rocznik_pdf_table_place   (Pdf             *pdf,
                                        const TableSpec *spec,
                                        const char     **cells,
                                        const char      *font,
                                        const Rgb       *fill,
                                        const Rgb       *color);
/* Draws @charts (RocznikReportChart) the data can make, each bookmarked
 * under @section; with @heading, that heading first (none: no chart). */
void         rocznik_pdf_charts        (Pdf             *pdf,
                                        GArray          *charts,
                                        const char      *heading,
                                        int              section);

/* The section on calls, when the report has one. */
void         rocznik_pdf_calls         (Pdf             *pdf);

G_END_DECLS
