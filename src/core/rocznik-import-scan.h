/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-scan.h — per-call records counted at memory speed
 *
 * Private to src/core: the fast lane of rocznik-import-records.c.
 */
#pragma once

#include "rocznik-import-state.h"

G_BEGIN_DECLS

typedef enum
{
  ROCZNIK_SCAN_DONE,       /* every row after @line counted or handed to the general path */
  ROCZNIK_SCAN_DECLINED,   /* nothing counted: the general path reads the file */
  ROCZNIK_SCAN_FAILED,     /* an error (a row the general path refused, or cancelled) */
} RocznikScanResult;

/* What the last scan did, for the tests: rows counted here, rows handed
 * to the general path, parts read at once, and whether the first part
 * read on because the file was cut inside quotes. */
typedef struct
{
  RocznikScanResult result;
  guint64           counted;
  guint64           handed;
  guint             parts;
  gboolean          extended;
} RocznikScanStats;

void rocznik_import_scan_get_last (RocznikScanStats *stats);

RocznikScanResult rocznik_import_scan_records (Ctx     *c,
                                               guint64  line,
                                               GError **error);

/* rocznik-import-records.c */
void rocznik_import_records_merge (Ctx          *c,
                                   RecordTable  *t,
                                   const char   *bytes,
                                   guint         len,
                                   int           year,
                                   const gint64 *months,
                                   gint64        duration_calls,
                                   gint64        duration_seconds,
                                   guint64       line);

G_END_DECLS
