/* rocznik-import.h — yearly call data in every form it really comes in
 *
 * rocznik_import_file() reads a file (CSV/TSV/semicolon/pipe text, XLSX,
 * the text of a published report) into a preview: the years it understood
 * and how it understood them. Nothing is stored until rocznik_import_store().
 * Safe to call from a worker thread (one RocznikImport per thread).
 */
#pragma once

#include <gio/gio.h>

#include "rocznik-workspace.h"
#include "rocznik-year.h"

G_BEGIN_DECLS

typedef void (*RocznikProgressFunc) (double   fraction,
                                     gpointer user_data);

typedef enum
{
  ROCZNIK_IMPORT_FORMAT_DELIMITED,    /* CSV, TSV, semicolon, pipe */
  ROCZNIK_IMPORT_FORMAT_XLSX,
  ROCZNIK_IMPORT_FORMAT_REPORT_TEXT,  /* the published summary */
} RocznikImportFormat;

typedef enum
{
  ROCZNIK_IMPORT_SHAPE_LONG,          /* topic, count [, year] [, month] */
  ROCZNIK_IMPORT_SHAPE_WIDE,          /* topic, then one count column per year */
  ROCZNIK_IMPORT_SHAPE_RECORDS,       /* one row per call: date + topic */
  ROCZNIK_IMPORT_SHAPE_REPORT,        /* report text */
} RocznikImportShape;

typedef enum
{
  ROCZNIK_IMPORT_COLUMN_IGNORED,
  ROCZNIK_IMPORT_COLUMN_TOPIC,
  ROCZNIK_IMPORT_COLUMN_COUNT,
  ROCZNIK_IMPORT_COLUMN_YEAR,
  ROCZNIK_IMPORT_COLUMN_MONTH,
  ROCZNIK_IMPORT_COLUMN_DATE,
  ROCZNIK_IMPORT_COLUMN_YEAR_COUNT,          /* wide shape: the counts of one year */
} RocznikImportColumnRole;

typedef struct
{
  int         year;          /* 0: from the file */
  const char *encoding;      /* NULL: detect ("UTF-8", "WINDOWS-1250", "ISO-8859-2") */
  char        delimiter;     /* 0: detect */
  const char *sheet;         /* XLSX: NULL = first sheet */
  int         topic_column;  /* 0-based; -1: detect */
  int         count_column;
  int         year_column;
  int         date_column;
  int         month_column;
} RocznikImportOptions;

typedef struct _RocznikImport RocznikImport;   /* the preview: what was understood */

void           rocznik_import_options_init   (RocznikImportOptions       *options);

RocznikImport *rocznik_import_file           (const char                 *path,
                                              const RocznikImportOptions *options,
                                              GCancellable               *cancellable,
                                              RocznikProgressFunc         progress,
                                              gpointer                    user_data,
                                              GError                    **error);
void           rocznik_import_free           (RocznikImport              *import);

/* The years understood, ascending (RocznikYear*, owned by @import). */
GPtrArray     *rocznik_import_get_years      (RocznikImport              *import);

/* Translated, several lines: years, topics, counts, encoding, delimiter,
 * skipped rows and why, total-row checks, which years already exist. */
char          *rocznik_import_describe       (RocznikImport              *import,
                                              RocznikWorkspace           *workspace);

/* One transaction: all years of the file or none. ROCZNIK_ERROR_EXISTS
 * when a year is stored already and @replace is FALSE. */
gboolean       rocznik_import_store          (RocznikImport              *import,
                                              RocznikWorkspace           *workspace,
                                              gboolean                    replace,
                                              GError                    **error);
/* Several files (RocznikImport*) in one transaction. */
gboolean       rocznik_import_store_all      (GPtrArray                  *imports,
                                              RocznikWorkspace           *workspace,
                                              gboolean                    replace,
                                              GError                    **error);

/* What the preview dialog shows and lets the user change. */
RocznikImportFormat rocznik_import_get_format (RocznikImport             *import);
RocznikImportShape  rocznik_import_get_shape  (RocznikImport             *import);
const char    *rocznik_import_get_encoding   (RocznikImport              *import); /* NULL for XLSX */
char           rocznik_import_get_delimiter  (RocznikImport              *import); /* 0 unless delimited */
const char    *rocznik_import_get_sheet      (RocznikImport              *import); /* XLSX, else NULL */
const char * const *rocznik_import_get_sheets (RocznikImport             *import); /* XLSX, else NULL */
guint          rocznik_import_get_n_columns  (RocznikImport              *import);
const char    *rocznik_import_get_column_name (RocznikImport             *import,
                                               guint                      column);
RocznikImportColumnRole rocznik_import_get_column_role (RocznikImport          *import,
                                                  guint                   column);
guint64        rocznik_import_get_n_rows     (RocznikImport              *import); /* data rows read */
guint64        rocznik_import_get_n_skipped  (RocznikImport              *import);
/* The first skipped rows, each "line 4: no topic" (translated), char*. */
GPtrArray     *rocznik_import_get_skipped    (RocznikImport              *import);
/* Total-row mismatches and other things the user should check, char*. */
GPtrArray     *rocznik_import_get_warnings   (RocznikImport              *import);

/* Translated names for the dialog's choices. */
const char    *rocznik_import_format_name    (RocznikImportFormat         format);
const char    *rocznik_import_shape_name     (RocznikImportShape          shape);
const char    *rocznik_import_column_role_name      (RocznikImportColumnRole           role);
char          *rocznik_import_delimiter_name (char                        delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikImport, rocznik_import_free)

G_END_DECLS
