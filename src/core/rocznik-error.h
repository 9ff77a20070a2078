/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-error.h — the one error domain of the core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROCZNIK_ERROR (rocznik_error_quark ())

typedef enum
{
  ROCZNIK_ERROR_FAILED,
  ROCZNIK_ERROR_INVALID_DATA,   /* a file or value the user gave is wrong */
  ROCZNIK_ERROR_CORRUPT,        /* the workspace file is damaged or not ours */
  ROCZNIK_ERROR_NEWER_VERSION,  /* written by a newer Rocznik */
  ROCZNIK_ERROR_EXISTS,         /* the year is already stored */
  ROCZNIK_ERROR_NOT_FOUND,
  ROCZNIK_ERROR_IO,
  ROCZNIK_ERROR_CANCELLED,
  ROCZNIK_ERROR_BUSY,           /* the workspace is locked by another program */
} RocznikError;

GQuark rocznik_error_quark (void);

G_END_DECLS
