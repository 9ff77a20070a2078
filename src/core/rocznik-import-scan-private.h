/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-scan-private.h — what the scanner's two files share
 *
 * rocznik-import-scan.c reads a part of the file and merges what it
 * counted; rocznik-import-scan-rows.c finds the rows in what was read and
 * counts them. Private to src/core.
 */
#pragma once

#include "rocznik-import-scan.h"

G_BEGIN_DECLS

#define SCAN_READ (512 * 1024)    /* the copy read stays in the core's cache */
#define SCAN_SLACK 128
#define SCAN_SPLIT_MIN (1024 * 1024)    /* smaller: one part */
#define MAX_HANDED_ROWS 200000
#define MAX_HANDED_BYTES (16 * 1024 * 1024)

typedef signed char Bytes16 __attribute__ ((vector_size (16)));

typedef struct
{
  int                 fd;
  guint64             size;
  char                delimiter;
  char                utf16;          /* 0, 'L' or 'B' */
  int                 need, date_col, topic_col, year;
  int                 time_col, channel_col, duration_col;   /* -1: none */
  gboolean            month_first, date_time, duration_fraction;
  Bytes16             v_quote, v_delimiter, v_newline, v_cr, v_zero;
  GCancellable       *cancellable;
  gint                stop;           /* atomic: the second part is not wanted */
  RocznikProgressFunc progress;
  gpointer            user_data;
} Scan;

typedef struct
{
  guint64 hash;
  gsize   name;       /* offset in Part.names */
  guint   len;
  int     year;
  guint64 line;       /* line breaks before the row, from the part's start */
  gint64  months[12];  /* a channel's calls in months[0] */
  gint64  duration_calls, duration_seconds;
} Entry;

#define SCAN_RECENT_BITS 6

/* Keys in the order first seen: topics, or channels. */
typedef struct
{
  GArray  *entries;   /* Entry */
  guint32 *index;     /* entry + 1, open addressing */
  gsize    index_size;
  GString *names;
  guint32  recent[1 << SCAN_RECENT_BITS];   /* entry + 1 by a key's ends: found without hashing it all */
} Table;

/* What rocznik_import_collect_calls() keeps per year. */
typedef struct
{
  int    year;
  gint64 hours[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];
  gint64 timed, untimed, no_channel;
} PartYear;

typedef struct
{
  guint64 line;
  gsize   off;
  gsize   len;
} Handed;

typedef enum
{
  PART_OK,
  PART_DECLINED,
  PART_CANCELLED,
} PartStatus;

typedef struct
{
  Scan      *scan;
  gboolean   first;
  guint64    from, to;        /* raw offsets */
  gboolean   extended;        /* the cut was inside quotes: read on to the end */
  PartStatus status;
  Table      topics, channels;
  GArray    *years;           /* PartYear */
  GArray    *handed;          /* Handed, in file order */
  GString   *handed_bytes;
  GString   *tmp, *tmp2;      /* a topic, a channel with doubled quotes, unescaped */
  int        weekday_year;    /* the year weekday_first[] is for, 0: none */
  guint8     weekday_first[12];   /* of each month's 1st, 0 = Monday */
  guint64    rows;
  guint64    newlines;        /* line breaks before the row being read */
  char      *buf;
  gsize      cap;
  guchar    *raw;             /* UTF-16: bytes read, not turned into UTF-8 yet */
  gsize      raw_len;
} Part;

#define MAX_LANE_COLUMNS 32   /* the columns a counted row may need */

void         rocznik_import_scan_table_init (Table       *t);
void         rocznik_import_scan_table_clear (Table      *t);
gboolean     rocznik_import_scan_hand       (Part        *p,
                                             const char  *row,
                                             const char  *end,
                                             guint64      line);
int          rocznik_import_scan_row_end    (const char  *p,
                                             const char  *end,
                                             gboolean     eof,
                                             char         delimiter,
                                             const char **row_end,
                                             guint64     *inner);
const char  *rocznik_import_scan_rows       (Part        *p,
                                             const char  *start,
                                             const char  *end,
                                             gboolean    *decline);

G_END_DECLS
