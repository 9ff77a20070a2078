/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  ROCZNIK_IMPORT_COLUMN_CHANNEL,             /* per-call records: how the call came */
  ROCZNIK_IMPORT_COLUMN_DURATION,            /* per-call records: its handling time */
  ROCZNIK_IMPORT_COLUMN_TIME,                /* per-call records: its time of day, apart from the date */
} RocznikImportColumnRole;

/* A column option that says the file has no such column. */
#define ROCZNIK_IMPORT_NO_COLUMN (-2)
/* The same as a name ("--channel-column -"). */
#define ROCZNIK_IMPORT_NO_COLUMN_NAME "-"

typedef enum
{
  ROCZNIK_DATE_ORDER_DETECT,
  ROCZNIK_DATE_ORDER_DAY_FIRST,     /* 03/01/2011 is 3 January */
  ROCZNIK_DATE_ORDER_MONTH_FIRST,   /* 03/01/2011 is 1 March */
} RocznikDateOrder;

typedef struct
{
  int         year;          /* 0: from the file */
  const char *encoding;      /* NULL: detect ("UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1250", "ISO-8859-2") */
  char        delimiter;     /* 0: detect */
  const char *sheet;         /* XLSX: NULL = first sheet */
  int         topic_column;  /* 0-based; -1: detect */
  int         count_column;
  int         year_column;
  int         date_column;
  int         month_column;
  /* per-call records; -1: detect, ROCZNIK_IMPORT_NO_COLUMN: none */
  int         channel_column;
  int         duration_column;
  int         time_column;
  /* The same choices by a column's header, or its 1-based number as text
   * ("3"); NULL: the int above, else detect. */
  const char *topic_name;
  const char *date_name;
  const char *count_name;
  /* ROCZNIK_IMPORT_NO_COLUMN_NAME: the file has none */
  const char *channel_name;
  const char *duration_name;
  const char *time_name;
  /* "COLUMN=VALUE", NULL-terminated: a row counts only when all hold */
  const char * const *where;
  RocznikDateOrder date_order;
  /* Choices remembered for a source with the same header are used when
   * none is given: looked up in @workspace (same thread only), or given as
   * @remembered, the text rocznik_workspace_get_import_choices() returned
   * for rocznik_import_get_header_key(). NULL: none. */
  RocznikWorkspace *workspace;
  const char       *remembered;
} RocznikImportOptions;

typedef struct _RocznikImport RocznikImport;   /* the preview: what was understood */

void           rocznik_import_options_init   (RocznikImportOptions       *options);

RocznikImport *rocznik_import_file           (const char                 *path,
                                              const RocznikImportOptions *options,
                                              GCancellable               *cancellable,
                                              RocznikProgressFunc         progress,
                                              gpointer                    user_data,
                                              GError                    **error);
/* The same; when the file is refused after its columns were read (e.g.
 * "cannot tell which column holds the topic"), *@partial gets what was
 * read — columns, roles so far, first rows, no years — so a dialog can
 * offer the choice the message asks for. */
RocznikImport *rocznik_import_file_partial   (const char                 *path,
                                              const RocznikImportOptions *options,
                                              GCancellable               *cancellable,
                                              RocznikProgressFunc         progress,
                                              gpointer                    user_data,
                                              RocznikImport             **partial,
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

/* The file's line ends: "CRLF", "LF" or "CR" (old Mac); NULL unless delimited. */
const char    *rocznik_import_get_line_ends  (RocznikImport              *import);
RocznikDateOrder rocznik_import_get_date_order (RocznikImport            *import);
/* The first rows as read (UTF-8), each a GStrv: the header, if any, first. */
GPtrArray     *rocznik_import_get_preview    (RocznikImport              *import);
/* A column's values in the first rows, each "value\tcount", most common
 * first: for a filter. */
GPtrArray     *rocznik_import_get_column_values (RocznikImport           *import,
                                                 guint                    column);
/* A hash of the header row, the key of remembered choices; NULL without one. */
const char    *rocznik_import_get_header_key (RocznikImport              *import);
/* The choices were given (not detected or remembered). */
gboolean       rocznik_import_get_explicit_choices (RocznikImport        *import);
/* Rows left out by the --where conditions. */
guint64        rocznik_import_get_n_filtered (RocznikImport              *import);
/* The largest topics of each year, one per line, for a dry run. */
char          *rocznik_import_describe_largest (RocznikImport            *import,
                                                guint                     n);

/* Translated names for the dialog's choices. */
const char    *rocznik_import_format_name    (RocznikImportFormat         format);
const char    *rocznik_import_shape_name     (RocznikImportShape          shape);
const char    *rocznik_import_column_role_name      (RocznikImportColumnRole           role);
char          *rocznik_import_delimiter_name (char                        delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RocznikImport, rocznik_import_free)

G_END_DECLS
