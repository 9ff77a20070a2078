/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-state.h — what the steps of an import share
 *
 * rocznik-import.c drives an import: a row source, the first rows to
 * rocznik-import-detect.c (header, column roles, shape, year), then every
 * row by its shape (rocznik-import-rows.c); rocznik-import-parse.c reads cells (text, numbers,
 * dates, header words) and rocznik-import-records.c counts per-call
 * records (the hash table and the fast lane). Private to src/core.
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-import-private.h"
#include "rocznik-import.h"

G_BEGIN_DECLS

/* Enough rows to tell a column of topics from one of request numbers. */
#define HEAD_ROWS 1000
#define PREVIEW_ROWS 20
#define MAX_SKIPPED_SHOWN 20
#define MAX_COLUMNS 4096
#define MAX_REPORT_SIZE (16 * 1024 * 1024)

struct _RocznikImport
{
  char               *path;
  char               *display;
  RocznikImportFormat format;
  RocznikImportShape  shape;
  char               *encoding;
  char                delimiter;
  char               *sheet;
  char              **sheets;
  GPtrArray          *column_names;   /* char* */
  GArray             *roles;          /* RocznikImportColumnRole */
  GPtrArray          *years;          /* RocznikYear*, ascending */
  guint64             n_rows;
  guint64             n_skipped;
  GPtrArray          *skipped;        /* char* */
  GPtrArray          *warnings;       /* char* */
  gboolean            cells_utf8;     /* UTF-16 decoded while read */
  const char         *line_ends;
  gboolean            own_years;      /* the years come from cells, not a title */
  GArray             *file_years;     /* int: years the file has, kept or not */
  RocznikDateOrder    date_order;
  guint64             n_filtered;
  GPtrArray          *preview;        /* GStrv */
  GPtrArray          *head_rows;      /* HeadRow*, for the values of a column */
  guint               data_start;
  char               *header_key;     /* SHA-256 of the header row */
  char               *choices;        /* the columns chosen, to remember */
  gboolean            explicit_choices;
  gboolean            remembered;     /* choices came from the workspace */
};

/* A --where condition. A row holds it when its cell is the value (as
 * Unicode text: NFC, spaces around trimmed); the cells that differ only in
 * case are noted while no row holds it, to refuse rather than count none. */
typedef struct
{
  int        column;
  char      *value;    /* NFC */
  char      *folded;   /* case-folded NFC */
  guint64    held;     /* rows that hold it */
  GPtrArray *near;     /* other spellings seen (char*), at most a few */
} Filter;

/* Per-call records: one entry per (year, raw topic bytes). */
typedef struct
{
  guint64  hash;
  char    *bytes;
  guint    len;
  int      year;
  guint64  line;
  gint64   months[12];
  gint64   duration_calls;     /* calls with a handling time, and its sum */
  gint64   duration_seconds;
} RecordEntry;

typedef struct
{
  RecordEntry *slots;
  gsize        size;   /* power of two */
  gsize        used;
} RecordTable;

typedef struct
{
  gint64  total;
  guint64 line;
} TotalRow;

typedef struct
{
  RocznikImport              *imp;
  RocznikRowSource           *src;
  const RocznikImportOptions *opt;
  GIConv                      conv;
  gboolean                    utf8;
  GCancellable               *cancellable;
  RocznikProgressFunc         progress;
  gpointer                    user_data;

  int                         topic_col, count_col, year_col, month_col, date_col;
  GArray                     *col_years;  /* int per column, wide shape */
  int                         file_year;
  gboolean                    year_unknown;
  GHashTable                 *year_map;   /* int → RocznikYear* (borrowed from imp->years) */
  GHashTable                 *topics;     /* "year\x1fkey" → RocznikTopic* */
  GHashTable                 *lines;      /* same key → first line */
  GHashTable                 *totals;     /* int → TotalRow* */
  RecordTable                 records;
  GString                    *tmp;
  GHashTable                 *other_years; /* years left out by --year */
  GArray                     *filters;     /* Filter */
  gboolean                    month_first;
  RocznikDateOrder            date_order;

  /* per-call records beyond topic × month (rocznik-import-calls.c) */
  int                         channel_col, duration_col, time_col;
  gboolean                    date_time;          /* the date column's time of day counts */
  gboolean                    duration_fraction;  /* XLSX durations as fractions of a day */
  RecordTable                 channels;           /* (year, raw channel) → calls in months[0] */
  guint64                     channel_overflow;   /* line of the first value past the limit */
  GHashTable                 *call_years;         /* int → CallYear* */
  RocznikTopic               *last_topic;         /* the one rocznik_import_add_count() added to */
} Ctx;

/* A moment as written: day 0 when only a month is, hour -1 without a time. */
typedef struct
{
  int year, month, day;
  int hour, minute, second;
} RocznikWhen;

typedef struct
{
  guint64 line;
  GArray *cells;   /* RocznikCell with owned copies */
} HeadRow;

static inline gboolean
is_space (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static inline void
trim (const char **p,
      guint       *len)
{
  while (*len > 0 && is_space (**p))
    (*p)++, (*len)--;
  while (*len > 0 && is_space ((*p)[*len - 1]))
    (*len)--;
}

static inline const RocznikCell *
cell_at (GArray *cells,
         int     column)
{
  static const RocznikCell empty = { "", 0, 0 };

  if (column < 0 || (guint) column >= cells->len)
    return &empty;
  return &g_array_index (cells, RocznikCell, column);
}

static inline int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

static inline gboolean
digits (const char *p,
        int         n)
{
  for (int i = 0; i < n; i++)
    if ((guchar) (p[i] - '0') > 9)
      return FALSE;
  return TRUE;
}

typedef enum
{
  DATE_NONE,          /* not written as a date */
  DATE_OK,
  DATE_IMPOSSIBLE,    /* 31.02.2019, 2019-13-01, 25:99 */
} DateResult;

static inline gboolean
is_leap (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline int
days_in_month (int y,
               int m)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return m == 2 && is_leap (y) ? 29 : days[m - 1];
}

/* rocznik-import-parse.c */

G_GNUC_PRINTF (4, 5) void rocznik_import_fail_at (Ctx *c,
                                                  int column,
                                                  GError **error,
                                                  const char *format,
                                                  ...);
G_GNUC_PRINTF (2, 3) void rocznik_import_skip_row (Ctx *c,
                                                   const char *format,
                                                   ...);
gboolean rocznik_import_cell_is_blank (const RocznikCell *cell);
gboolean rocznik_import_row_is_blank (GArray *cells);
char *rocznik_import_bytes_to_utf8 (Ctx *c,
                                    const char *data,
                                    guint len,
                                    int column,
                                    GError **error);
char *rocznik_import_cell_text (Ctx *c,
                                const RocznikCell *cell,
                                int column,
                                GError **error);
RocznikCountResult rocznik_import_cell_count (Ctx *c,
                                              const RocznikCell *cell,
                                              int column,
                                              gint64 *count,
                                              GError **error);
gboolean rocznik_import_parse_int (const char *p,
                                   guint len,
                                   int digits_min,
                                   int digits_max,
                                   int *value);
DateResult rocznik_import_parse_date (const char *p,
                                      guint len,
                                      guint flags,
                                      gboolean month_first,
                                      int *year,
                                      int *month,
                                      gboolean *ampm);
DateResult rocznik_import_parse_when (const char *p,
                                      guint len,
                                      guint flags,
                                      gboolean month_first,
                                      RocznikWhen *when,
                                      gboolean *ampm);
DateResult rocznik_import_parse_clock (const char *p,
                                       guint len,
                                       guint flags,
                                       int *hour,
                                       int *seconds);
int rocznik_import_weekday (int year,
                            int month,
                            int day);
char rocznik_import_date_order_hint (const char *p,
                                     guint len);
gboolean rocznik_import_parse_month (const char *text,
                                     int *month,
                                     int *year);
gboolean rocznik_import_is_total_name (const char *name);
RocznikImportColumnRole rocznik_import_header_role (const char *name,
                                                    int *year);
int rocznik_import_year_in_text (const char *text);

/* rocznik-import-choices.c */

gboolean rocznik_import_take_choices (Ctx *c,
                                      GError **error);
void rocznik_import_note_choices (Ctx *c);

/* rocznik-import-detect.c */

void rocznik_head_row_free (gpointer data);
HeadRow *rocznik_head_row_copy (RocznikRowSource *src);
gboolean rocznik_import_has_word (const char *folded,
                                  const char *word);
void rocznik_import_keep_best (GArray *best,
                               int *best_rank,
                               int rank,
                               int column);
char *rocznik_import_quoted_names (Ctx *c,
                                   GArray *cols);
gboolean rocznik_import_analyse (Ctx *c,
                                 GPtrArray *head,
                                 guint *data_start,
                                 GError **error);

/* rocznik-import-calls.c */

typedef enum
{
  CALL_COLUMN_NONE,
  CALL_COLUMN_CHANNEL,
  CALL_COLUMN_DURATION,
  CALL_COLUMN_TIME,
} CallColumnKind;

typedef enum
{
  DURATION_EMPTY,
  DURATION_OK,
  DURATION_BAD,
} DurationResult;

CallColumnKind rocznik_import_call_column_kind (const char *header);
DurationResult rocznik_import_parse_duration (const char *p,
                                              guint len,
                                              guint flags,
                                              gboolean fraction,
                                              gint64 *seconds);
gboolean rocznik_import_choose_call_columns (Ctx *c,
                                             GPtrArray *head,
                                             guint data_start,
                                             guint ncols,
                                             GError **error);
int rocznik_import_calls_max_column (Ctx *c);
gboolean rocznik_import_record_extras (Ctx *c,
                                      GArray *cells,
                                      const RocznikWhen *when,
                                      const RocznikCell *date_cell,
                                      int *weekday,
                                      int *hour,
                                      gint64 *duration,
                                      GError **error);
void rocznik_import_collect_calls (Ctx *c,
                                   RecordEntry *entry,
                                   int year,
                                   int weekday,
                                   int hour,
                                   const char *channel,
                                   guint channel_len,
                                   gint64 duration,
                                   guint64 line);
void rocznik_import_calls_merge (Ctx *c,
                                 int year,
                                 const gint64 *hours,
                                 gint64 timed,
                                 gint64 untimed,
                                 gint64 no_channel);
gboolean rocznik_import_calls_finish (Ctx *c,
                                      GError **error);
void rocznik_import_calls_clear (Ctx *c);

/* rocznik-import-records.c */

void rocznik_record_table_grow (RecordTable *t);
void rocznik_record_table_clear (RecordTable *t);
RecordEntry *rocznik_record_table_add (RecordTable *t,
                                       const char *bytes,
                                       guint len,
                                       int year,
                                       int month,
                                       guint64 line);
gboolean rocznik_import_handle_record (Ctx *c,
                                       GArray *cells,
                                       GError **error);
gboolean rocznik_import_records_fast_lane (Ctx *c,
                                           GError **error);
int rocznik_import_compare_count_desc (gconstpointer a,
                                       gconstpointer b);
gboolean rocznik_import_records_finish (Ctx *c,
                                        GError **error);

/* rocznik-import-rows.c */

gboolean rocznik_import_add_count (Ctx *c,
                                   int number,
                                   const char *name,
                                   int month,
                                   gint64 count,
                                   int column,
                                   GError **error);
gboolean rocznik_import_handle_row (Ctx *c,
                                    GArray *cells,
                                    GError **error);
gboolean rocznik_import_check_totals (Ctx *c,
                                      GError **error);

/* rocznik-import-where.c: --where conditions */
void     rocznik_import_filter_init   (Filter     *f,
                                       const char *value);
void     rocznik_import_filter_clear  (Filter     *f);
gboolean rocznik_import_row_passes    (Ctx        *c,
                                       GArray     *cells,
                                       GError    **error);
gboolean rocznik_import_filters_check (Ctx        *c,
                                       GError    **error);

G_END_DECLS
