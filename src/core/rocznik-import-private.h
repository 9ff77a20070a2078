/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-private.h — row sources shared by the importers
 *
 * A row source yields one row at a time as cells pointing into its own
 * buffers (valid until the next row): the delimited reader gives raw bytes
 * in the file's encoding, the XLSX reader gives UTF-8.
 */
#pragma once

#include <gio/gio.h>

#include "rocznik-import.h"
#include "rocznik-import-xlsx.h"

G_BEGIN_DECLS

/* Longest row (or quoted field) a text file may have. */
#define ROCZNIK_IMPORT_MAX_ROW (1024 * 1024)
#define ROCZNIK_IMPORT_SLACK 16

typedef enum
{
  ROCZNIK_CELL_NUMBER = 1 << 0,       /* XLSX: a numeric cell */
  ROCZNIK_CELL_SUM    = 1 << 1,       /* XLSX: a formula totalling the cells above it */
  ROCZNIK_CELL_UNCACHED = 1 << 2,     /* XLSX: a formula saved without its value */
  ROCZNIK_CELL_DATE1904 = 1 << 3,     /* XLSX: a number in a workbook of the 1904 date system */
} RocznikCellFlags;

typedef struct
{
  const char *data;
  guint       len;
  guint       flags;
} RocznikCell;

struct _RocznikRowSource
{
  /* TRUE and a row in cells, FALSE at the end (error unset) or on error */
  gboolean (*next)  (RocznikRowSource *source, GError **error);
  /* "file a.csv, line 3" / "file a.xlsx, sheet Arkusz1, cell B3" (translated) */
  char    *(*where) (RocznikRowSource *source, int column);
  void     (*free)  (RocznikRowSource *source);

  GArray     *cells;        /* RocznikCell */
  guint       max_cells;    /* 0: all; else cells after the first max_cells may be dropped (speed) */
  guint64     line;         /* of the current row, 1-based */
  guint64     bytes_done;   /* for progress */
  guint64     bytes_total;
  char       *display;      /* basename of the file */
};

/* Delimited text. */
typedef struct
{
  const char *encoding;     /* detected or forced */
  char        delimiter;
  gboolean    bom;
  gboolean    report_text;  /* looks like a report rather than a table */
  gboolean    decoded;      /* UTF-16 in the file, UTF-8 in the cells */
  gboolean    cr_only;      /* line ends: '\r' alone */
  gboolean    crlf;         /* line ends: "\r\n" */
} RocznikTextGuess;

RocznikRowSource *rocznik_delimited_source_new (const char                 *path,
                                                const RocznikImportOptions *options,
                                                RocznikTextGuess           *guess,
                                                GError                    **error);

/* Bulk reading (per-call records): *data holds the complete rows now
 * buffered, followed by at least ROCZNIK_IMPORT_SLACK readable bytes (for
 * 16-byte vector loads that overrun the rows' end); *len is 0 when only a row without a final line break, or
 * nothing, is left; *line is the number of the first. Consume what was
 * handled; next() goes on from there. */
gboolean rocznik_delimited_source_peek    (RocznikRowSource *source,
                                           const char      **data,
                                           gsize            *len,
                                           guint64          *line,
                                           GError          **error);
void     rocznik_delimited_source_consume (RocznikRowSource *source,
                                           gsize             len,
                                           guint64           rows);
/* The rest of the file was read another way: next() returns FALSE. */
void     rocznik_delimited_source_skip_rest (RocznikRowSource *source);

/* XLSX: rocznik_xlsx_source_new() in rocznik-import-xlsx.h. */

/* XLSX cell references ("$B$12") and formulas that total their column. */
gboolean rocznik_xlsx_parse_ref            (const char                **p,
                                            int                        *column,
                                            guint64                    *row);
int      rocznik_xlsx_column_of            (const char                 *ref,
                                            guint64                    *row);
gboolean rocznik_xlsx_totals_column        (const char                 *formula,
                                            int                         column,
                                            guint64                     row);

/* Shared by the sources. */
void     rocznik_row_source_init  (RocznikRowSource *source,
                                   const char       *path);
void     rocznik_row_source_clear (RocznikRowSource *source);
char    *rocznik_column_letters   (int               column);
gboolean rocznik_is_zip_file      (const char       *path);

G_END_DECLS
