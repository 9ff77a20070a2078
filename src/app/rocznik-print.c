/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-print.c — the annual report on paper, as the PDF draws it
 *
 * The core's PDF writer lays the report out once; printing draws those
 * very pages (through Poppler) on the printer's cairo context, scaled to
 * the paper, so the printout, its preview and the PDF never differ.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <unistd.h>

#include "rocznik-print.h"
#include "rocznik-report.h"

typedef struct
{
  char            *path;       /* the temporary PDF, removed with the job */
  PopplerDocument *document;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  if (job->path)
    g_unlink (job->path);
  g_free (job->path);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (job->document));
}

/* One page of the report, scaled to fit and centred on the paper. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  g_autoptr(GObject) object = G_OBJECT (poppler_document_get_page (job->document, page_nr));
  PopplerPage *page = POPPLER_PAGE (object);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
}

/* A print operation for the report of @year (compared with @compare_year,
 * 0 for none): run it with the print dialog, whose Preview shows these
 * pages, or export it to a file. */
GtkPrintOperation *
rocznik_print_operation_new (RocznikWorkspace  *workspace,
                             int                year,
                             int                compare_year,
                             GError           **error)
{
  RocznikReportOptions options = { 0 };
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *uri = NULL;
  PrintJob *job;
  int fd;

  g_return_val_if_fail (workspace != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  fd = g_file_open_tmp ("rocznik-print-XXXXXX.pdf", &job->path, error);
  if (fd < 0)
    {
      print_job_free (job);
      return NULL;
    }
  close (fd);
  options.year = year;
  options.compare_year = compare_year ? compare_year : -1;
  uri = g_filename_to_uri (job->path, NULL, error);
  if (uri == NULL
      || !rocznik_report_write_pdf (workspace, &options, job->path, NULL, error)
      || (job->document = poppler_document_new_from_file (uri, NULL, error)) == NULL)
    {
      print_job_free (job);
      return NULL;
    }

  operation = gtk_print_operation_new ();
  /* Translators: the print job's name, "Rocznik 2018" */
  {
    g_autofree char *name = g_strdup_printf (_("Rocznik %d"), year);
    gtk_print_operation_set_job_name (operation, name);
  }
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  /* The job goes with the operation. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);
  return g_steal_pointer (&operation);
}
