/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import.c — from a file to a preview of years, and into the workspace
 *
 * Every tabular format goes through one path: a row source (delimited text
 * or XLSX) yields rows; the first rows go to rocznik-import-detect.c for the
 * header, title rows and column roles; then every row is handled by its
 * shape (per-call records in rocznik-import-records.c). The public API and
 * the store are here.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdio.h>

#include "rocznik-import-state.h"
#include "rocznik-report-text.h"

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  const RocznikYear *ya = *(RocznikYear **) a, *yb = *(RocznikYear **) b;

  return (ya->year > yb->year) - (ya->year < yb->year);
}

/* Every year the file has, kept or left out by --year, ascending. */
static void
note_file_years (Ctx *c)
{
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < c->imp->years->len; i++)
    {
      int y = ((RocznikYear *) g_ptr_array_index (c->imp->years, i))->year;
      g_array_append_val (c->imp->file_years, y);
    }
  g_hash_table_iter_init (&iter, c->other_years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int y = GPOINTER_TO_INT (key);
      g_array_append_val (c->imp->file_years, y);
    }
  g_array_sort (c->imp->file_years, compare_ints);
}

static char *
years_text (GArray *years)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (s, "%s%d", i ? ", " : "", g_array_index (years, int, i));
  return g_string_free (s, FALSE);
}

/* Nothing counted: say why. */
static void
no_topics_error (Ctx     *c,
                 GError **error)
{
  RocznikImport *imp = c->imp;

  if (c->opt->year && imp->file_years->len > 0)
    {
      g_autofree char *years = years_text (imp->file_years);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: has no counts for %d; the file has %s"), imp->display, c->opt->year, years);
    }
  else if (imp->n_filtered > 0 && imp->n_rows == 0)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("file %s: no row meets the conditions given (--where)"), imp->display);
  else if (imp->n_skipped > 0 && imp->skipped->len > 0)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("file %s: found no topics with numbers of calls; every row was skipped (%s)"),
                 imp->display, (char *) g_ptr_array_index (imp->skipped, 0));
  else
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("file %s: found no topics with numbers of calls"), imp->display);
}

static gboolean
ctx_init (Ctx           *c,
          RocznikImport *imp,
          GError       **error)
{
  c->utf8 = imp->cells_utf8 || imp->encoding == NULL || g_ascii_strcasecmp (imp->encoding, "UTF-8") == 0;
  c->conv = (GIConv) -1;
  if (!c->utf8)
    {
      c->conv = g_iconv_open ("UTF-8", imp->encoding);
      if (c->conv == (GIConv) -1)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: the encoding %s is not known"), imp->display, imp->encoding);
          return FALSE;
        }
    }
  c->year_map = g_hash_table_new (NULL, NULL);
  c->topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->totals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  c->other_years = g_hash_table_new (NULL, NULL);
  c->filters = g_array_new (FALSE, FALSE, sizeof (Filter));
  rocznik_record_table_grow (&c->records);
  rocznik_record_table_grow (&c->channels);
  c->call_years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  c->channel_col = c->duration_col = c->time_col = -1;
  return TRUE;
}

static void
ctx_clear (Ctx *c)
{
  if (c->conv != (GIConv) -1)
    g_iconv_close (c->conv);
  rocznik_record_table_clear (&c->records);
  rocznik_import_calls_clear (c);
  g_hash_table_unref (c->year_map);
  g_hash_table_unref (c->topics);
  g_hash_table_unref (c->lines);
  g_hash_table_unref (c->totals);
  g_clear_pointer (&c->col_years, g_array_unref);
  g_hash_table_unref (c->other_years);
  for (guint i = 0; i < c->filters->len; i++)
    rocznik_import_filter_clear (&g_array_index (c->filters, Filter, i));
  g_array_unref (c->filters);
}

/* The first rows: kept, analysed, then counted like the others. */
static gboolean
read_head (Ctx     *c,
           GError **error)
{
  g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func (rocznik_head_row_free);
  RocznikRowSource *src = c->src;
  GError *local = NULL;
  guint data_start = 0;

  while (head->len < HEAD_ROWS && src->next (src, &local))
    g_ptr_array_add (head, rocznik_head_row_copy (src));
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (head->len == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the file is empty"), c->imp->display);
      return FALSE;
    }
  if (!rocznik_import_analyse (c, head, &data_start, error))
    return FALSE;
  for (guint i = data_start; i < head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      src->line = row->line;
      if (!rocznik_import_handle_row (c, row->cells, error))
        return FALSE;
    }
  return TRUE;
}

/* After the last row: totals checked, the year known, something counted. */
static gboolean
finish_rows (Ctx     *c,
             GError **error)
{
  RocznikImport *imp = c->imp;

  if (!rocznik_import_filters_check (c, error))
    return FALSE;
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_RECORDS && !rocznik_import_records_finish (c, error))
    return FALSE;
  rocznik_import_check_totals (c, error);
  if (c->year_unknown && imp->years->len > 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: cannot tell which year the counts are for; name the year (e.g. --year 2019)"),
                   imp->display);
      return FALSE;
    }
  note_file_years (c);
  if (imp->years->len == 0)
    {
      no_topics_error (c, error);
      return FALSE;
    }
  g_ptr_array_sort (imp->years, compare_years);
  return TRUE;
}

static gboolean
import_rows (RocznikImport              *imp,
             RocznikRowSource           *src,
             const RocznikImportOptions *opt,
             GCancellable               *cancellable,
             RocznikProgressFunc         progress,
             gpointer                    user_data,
             GError                    **error)
{
  Ctx c = { .imp = imp, .src = src, .opt = opt, .cancellable = cancellable, .progress = progress,
            .user_data = user_data };
  GError *local = NULL;
  gboolean ok = FALSE;
  guint64 tick = 0;

  if (!ctx_init (&c, imp, error))
    return FALSE;
  if (!read_head (&c, &local))
    goto out;
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_RECORDS && c.filters->len == 0)
    {
      src->max_cells = rocznik_import_calls_max_column (&c) + 1;
      if (imp->format == ROCZNIK_IMPORT_FORMAT_DELIMITED && c.date_col >= 0 && c.topic_col >= 0
          && !rocznik_import_records_fast_lane (&c, &local))
        goto out;
    }

  while (src->next (src, &local))
    {
      if (G_UNLIKELY ((++tick & 0xffff) == 0))
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local))
            goto out;
          if (progress && src->bytes_total)
            progress ((double) src->bytes_done / (double) src->bytes_total, user_data);
        }
      if (G_UNLIKELY (!rocznik_import_handle_row (&c, src->cells, &local)))
        goto out;
    }
  if (local || g_cancellable_set_error_if_cancelled (cancellable, &local) || !finish_rows (&c, &local))
    goto out;
  if (progress)
    progress (1.0, user_data);
  ok = TRUE;

out:
  if (local)
    g_propagate_error (error, local);
  ctx_clear (&c);
  return ok;
}

/* Report text */

static gboolean
import_report_text (RocznikImport              *imp,
                    const RocznikImportOptions *opt,
                    GError                    **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *p;
  guint line = 1;
  const char *start;
  RocznikYear *year;
  GError *local = NULL;
  GStatBuf st;

  /* bounded: a 2 GB file without a delimiter is not read to be refused */
  if (g_stat (imp->path, &st) == 0 && st.st_size > MAX_REPORT_SIZE)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no delimiter („,” „;” „|” or tab) in its first lines, and it is too large for the text of a report"),
                   imp->display);
      return FALSE;
    }
  if (!g_file_get_contents (imp->path, &raw, &len, &local))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_IO, _("file %s: cannot read: %s"),
                   imp->display, local->message);
      g_error_free (local);
      return FALSE;
    }
  if (len > MAX_REPORT_SIZE)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: too large for the text of a report"), imp->display);
      return FALSE;
    }
  p = raw;
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3, len -= 3;
  else if (imp->cells_utf8 && len >= 2 && ((guchar) p[0] + (guchar) p[1]) == 0xFF + 0xFE)
    p += 2, len -= 2;
  start = p;
  for (const char *q = p; q < p + len; q++)
    if (*q == '\n')
      {
        if (q - start > ROCZNIK_IMPORT_MAX_ROW)
          break;
        line++;
        start = q + 1;
      }
  if (p + len - start > ROCZNIK_IMPORT_MAX_ROW)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %u: the line is longer than 1 MB; this is not a table of calls"),
                   imp->display, line);
      return FALSE;
    }
  if (g_ascii_strcasecmp (imp->encoding, "UTF-8") == 0)
    text = g_strndup (p, len);
  else
    {
      text = g_convert (p, len, "UTF-8", imp->encoding, NULL, &len, NULL);
      if (text == NULL)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: bytes that are not %s text"), imp->display, imp->encoding);
          return FALSE;
        }
    }
  if (g_strcmp0 (imp->line_ends, "CR") == 0)
    g_strdelimit (text, "\r", '\n');
  year = rocznik_report_text_parse (text, len, imp->path, error);
  if (year == NULL)
    return FALSE;
  if (opt->year)
    year->year = opt->year;
  imp->n_rows = year->topics->len;
  g_ptr_array_add (imp->years, year);
  return TRUE;
}

/* Public API */

void
rocznik_import_options_init (RocznikImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->topic_column = -1;
  options->count_column = -1;
  options->year_column = -1;
  options->date_column = -1;
  options->month_column = -1;
  options->channel_column = -1;
  options->duration_column = -1;
  options->time_column = -1;
}

static gboolean
looks_like_old_excel (const char *path)
{
  static const guchar ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar head[8] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean match;

  if (f == NULL)
    return FALSE;
  match = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, ole, sizeof ole) == 0;
  fclose (f);
  return match;
}

/* --year: the file's own year is kept, the others dropped; a file whose
 * years come from its cells and do not include it is refused. A year from a
 * title or the file name only is overridden. */
static gboolean
keep_year (RocznikImport *imp,
           int            year,
           GError       **error)
{
  for (guint i = imp->years->len; i > 0; i--)
    if (((RocznikYear *) g_ptr_array_index (imp->years, i - 1))->year != year &&
        (imp->own_years || imp->years->len > 1))
      g_ptr_array_remove_index (imp->years, i - 1);
  if (imp->years->len == 0)
    {
      g_autofree char *years = years_text (imp->file_years);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: has no counts for %d; the file has %s"), imp->display, year, years);
      return FALSE;
    }
  ((RocznikYear *) g_ptr_array_index (imp->years, 0))->year = year;
  return TRUE;
}

static RocznikImport *
read_file (const char                 *path,
           const RocznikImportOptions *options,
           GCancellable               *cancellable,
           RocznikProgressFunc         progress,
           gpointer                    user_data,
           RocznikImport             **partial,
           GError                    **error)
{
  g_autoptr(RocznikImport) imp = NULL;
  RocznikImportOptions defaults;
  RocznikRowSource *src = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    {
      rocznik_import_options_init (&defaults);
      options = &defaults;
    }
  if (options->year != 0 && (options->year < 1900 || options->year > 2999))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("%d is not a year Rocznik can store"), options->year);
      return NULL;
    }

  imp = g_new0 (RocznikImport, 1);
  imp->path = g_strdup (path);
  imp->display = g_path_get_basename (path);
  imp->column_names = g_ptr_array_new_with_free_func (g_free);
  imp->roles = g_array_new (FALSE, FALSE, sizeof (RocznikImportColumnRole));
  imp->years = g_ptr_array_new_with_free_func ((GDestroyNotify) rocznik_year_free);
  imp->skipped = g_ptr_array_new_with_free_func (g_free);
  imp->warnings = g_ptr_array_new_with_free_func (g_free);
  imp->file_years = g_array_new (FALSE, FALSE, sizeof (int));
  imp->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND,
                   _("file %s: no such file"), imp->display);
      return NULL;
    }
  if (looks_like_old_excel (path))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: this is the old Excel format (.xls); save it as .xlsx or CSV"), imp->display);
      return NULL;
    }

  if (rocznik_is_zip_file (path) || g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      imp->format = ROCZNIK_IMPORT_FORMAT_XLSX;
      src = rocznik_xlsx_source_new (path, options->sheet, &imp->sheets, &imp->sheet, error);
      if (src == NULL)
        return NULL;
    }
  else
    {
      RocznikTextGuess guess = { 0 };

      src = rocznik_delimited_source_new (path, options, &guess, error);
      if (src == NULL)
        return NULL;
      imp->encoding = g_strdup (guess.encoding);
      imp->cells_utf8 = guess.decoded;
      imp->line_ends = guess.cr_only ? "CR" : guess.crlf ? "CRLF" : "LF";
      if (guess.report_text && options->delimiter == 0)
        {
          src->free (src);
          imp->format = ROCZNIK_IMPORT_FORMAT_REPORT_TEXT;
          imp->shape = ROCZNIK_IMPORT_SHAPE_REPORT;
          if (!import_report_text (imp, options, error))
            return NULL;
          if (progress)
            progress (1.0, user_data);
          return g_steal_pointer (&imp);
        }
      imp->format = ROCZNIK_IMPORT_FORMAT_DELIMITED;
      imp->delimiter = guess.delimiter;
    }

  ok = import_rows (imp, src, options, cancellable, progress, user_data, error);
  src->free (src);
  if (ok && options->year)
    ok = keep_year (imp, options->year, error);
  if (!ok && partial && imp->column_names->len > 0)
    {
      /* what was read, for the choice the message asks for; no counts */
      g_ptr_array_set_size (imp->years, 0);
      *partial = g_steal_pointer (&imp);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&imp);
}

RocznikImport *
rocznik_import_file (const char                 *path,
                     const RocznikImportOptions *options,
                     GCancellable               *cancellable,
                     RocznikProgressFunc         progress,
                     gpointer                    user_data,
                     GError                    **error)
{
  return read_file (path, options, cancellable, progress, user_data, NULL, error);
}

RocznikImport *
rocznik_import_file_partial (const char                 *path,
                             const RocznikImportOptions *options,
                             GCancellable               *cancellable,
                             RocznikProgressFunc         progress,
                             gpointer                    user_data,
                             RocznikImport             **partial,
                             GError                    **error)
{
  g_return_val_if_fail (partial != NULL && *partial == NULL, NULL);

  return read_file (path, options, cancellable, progress, user_data, partial, error);
}

void
rocznik_import_free (RocznikImport *import)
{
  if (import == NULL)
    return;
  g_free (import->path);
  g_free (import->display);
  g_free (import->encoding);
  g_free (import->sheet);
  g_strfreev (import->sheets);
  g_ptr_array_unref (import->column_names);
  g_array_unref (import->roles);
  g_ptr_array_unref (import->years);
  g_ptr_array_unref (import->skipped);
  g_ptr_array_unref (import->warnings);
  g_array_unref (import->file_years);
  g_ptr_array_unref (import->preview);
  g_clear_pointer (&import->head_rows, g_ptr_array_unref);
  g_free (import->header_key);
  g_free (import->choices);
  g_free (import);
}

GPtrArray *
rocznik_import_get_years (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->years;
}

RocznikImportFormat
rocznik_import_get_format (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->format;
}

RocznikImportShape
rocznik_import_get_shape (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->shape;
}

const char *
rocznik_import_get_encoding (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->encoding;
}

char
rocznik_import_get_delimiter (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->delimiter;
}

const char *
rocznik_import_get_sheet (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->sheet;
}

const char * const *
rocznik_import_get_sheets (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return (const char * const *) import->sheets;
}

guint
rocznik_import_get_n_columns (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->column_names->len;
}

const char *
rocznik_import_get_column_name (RocznikImport *import,
                                guint          column)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (column < import->column_names->len, NULL);
  return g_ptr_array_index (import->column_names, column);
}

RocznikImportColumnRole
rocznik_import_get_column_role (RocznikImport *import,
                                guint          column)
{
  g_return_val_if_fail (import != NULL, ROCZNIK_IMPORT_COLUMN_IGNORED);
  if (column >= import->roles->len)
    return ROCZNIK_IMPORT_COLUMN_IGNORED;
  return g_array_index (import->roles, RocznikImportColumnRole, column);
}

guint64
rocznik_import_get_n_rows (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_rows;
}

guint64
rocznik_import_get_n_skipped (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_skipped;
}

GPtrArray *
rocznik_import_get_skipped (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->skipped;
}

GPtrArray *
rocznik_import_get_warnings (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->warnings;
}

const char *
rocznik_import_get_line_ends (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->format == ROCZNIK_IMPORT_FORMAT_XLSX ? NULL : import->line_ends;
}

RocznikDateOrder
rocznik_import_get_date_order (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, ROCZNIK_DATE_ORDER_DETECT);
  return import->date_order;
}

GPtrArray *
rocznik_import_get_preview (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->preview;
}

const char *
rocznik_import_get_header_key (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->header_key;
}

gboolean
rocznik_import_get_explicit_choices (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, FALSE);
  return import->explicit_choices;
}

guint64
rocznik_import_get_n_filtered (RocznikImport *import)
{
  g_return_val_if_fail (import != NULL, 0);
  return import->n_filtered;
}

static int
compare_value_counts (gconstpointer a,
                      gconstpointer b)
{
  const char *x = *(char **) a, *y = *(char **) b;
  gint64 nx = g_ascii_strtoll (strrchr (x, '\t') + 1, NULL, 10);
  gint64 ny = g_ascii_strtoll (strrchr (y, '\t') + 1, NULL, 10);

  return nx != ny ? (nx < ny) - (nx > ny) : strcmp (x, y);
}

GPtrArray *
rocznik_import_get_column_values (RocznikImport *import,
                                  guint          column)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (import != NULL, out);
  for (guint i = import->data_start; import->head_rows && i < import->head_rows->len; i++)
    {
      HeadRow *row = g_ptr_array_index (import->head_rows, i);
      const RocznikCell *cell = cell_at (row->cells, column);
      g_autofree char *text = NULL;

      if (import->cells_utf8 || import->encoding == NULL || g_ascii_strcasecmp (import->encoding, "UTF-8") == 0)
        text = g_strndup (cell->data, cell->len);
      else
        text = g_convert (cell->data, cell->len, "UTF-8", import->encoding, NULL, NULL, NULL);
      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        continue;
      g_strstrip (text);
      value = g_hash_table_lookup (counts, text);
      g_hash_table_replace (counts, g_steal_pointer (&text), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (value) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (out, g_strdup_printf ("%s\t%" G_GSIZE_FORMAT, (char *) key, GPOINTER_TO_SIZE (value)));
  g_ptr_array_sort (out, compare_value_counts);
  return out;
}

gboolean
rocznik_import_store_all (GPtrArray        *imports,
                          RocznikWorkspace *workspace,
                          gboolean          replace,
                          GError          **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int existing = 0;

  g_return_val_if_fail (imports != NULL, FALSE);
  g_return_val_if_fail (workspace != NULL, FALSE);

  for (guint i = 0; i < imports->len; i++)
    {
      RocznikImport *imp = g_ptr_array_index (imports, i);

      for (guint j = 0; j < imp->years->len; j++)
        {
          RocznikYear *year = g_ptr_array_index (imp->years, j);
          RocznikImport *other = g_hash_table_lookup (seen, GINT_TO_POINTER (year->year));

          if (other)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("files %s and %s both have %d; import them one at a time"),
                           other->display, imp->display, year->year);
              return FALSE;
            }
          /* a year held only by the bundled sample yields to real data */
          if (!replace && rocznik_workspace_has_year (workspace, year->year) &&
              !rocznik_workspace_year_is_sample (workspace, year->year))
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                           _("file %s: the year %d is already in the workspace; choose to replace it"),
                           imp->display, year->year);
              return FALSE;
            }
          g_hash_table_insert (seen, GINT_TO_POINTER (year->year), imp);
          g_ptr_array_add (years, year);
        }
    }
  /* checked again under the write lock: another program may have stored
   * one of these years since */
  if (replace ? !rocznik_workspace_store_years (workspace, years, TRUE, error)
              : !rocznik_workspace_store_new_years (workspace, years, &existing, error))
    {
      RocznikImport *imp = existing ? g_hash_table_lookup (seen, GINT_TO_POINTER (existing)) : NULL;

      if (imp && error && g_error_matches (*error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_EXISTS,
                       _("file %s: the year %d is already in the workspace; choose to replace it"),
                       imp->display, existing);
        }
      return FALSE;
    }
  /* next year's export with the same header imports the same way */
  for (guint i = 0; i < imports->len; i++)
    {
      RocznikImport *imp = g_ptr_array_index (imports, i);

      if (imp->explicit_choices && imp->header_key && imp->choices &&
          !rocznik_workspace_set_import_choices (workspace, imp->header_key, imp->choices, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rocznik_import_store (RocznikImport    *import,
                      RocznikWorkspace *workspace,
                      gboolean          replace,
                      GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (workspace != NULL, FALSE);

  g_ptr_array_add (one, import);
  return rocznik_import_store_all (one, workspace, replace, error);
}
