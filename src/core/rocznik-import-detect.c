/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-detect.c — what the first rows say: header, titles, column roles, shape
 *
 * The user's choices first, then remembered ones, then the header and the
 * data. A column identifying rows is never a topic; when two columns fit
 * alike, the import is refused naming them.
 */

#include "config.h"

#include "rocznik-import-state.h"

/* Analysis of the first rows */

typedef struct
{
  guint   numbers, dates, texts, empty;
  guint   clocks;        /* "07:45", "1:35": times or durations, never topics */
  guint   distinct;      /* of the non-empty values */
  guint64 text_bytes;
  char    order;         /* of its A/B/YYYY dates: 'd', 'm', '?' (unsettled), 'x' (both), 0 */
  char   *example;       /* a date that leaves the order open */
} ColumnStats;

void
rocznik_head_row_free (gpointer data)
{
  HeadRow *row = data;

  for (guint i = 0; i < row->cells->len; i++)
    g_free ((char *) g_array_index (row->cells, RocznikCell, i).data);
  g_array_unref (row->cells);
  g_free (row);
}

HeadRow *
rocznik_head_row_copy (RocznikRowSource *src)
{
  HeadRow *row = g_new0 (HeadRow, 1);

  row->line = src->line;
  row->cells = g_array_sized_new (FALSE, FALSE, sizeof (RocznikCell), src->cells->len);
  for (guint i = 0; i < src->cells->len && i < MAX_COLUMNS; i++)
    {
      RocznikCell cell = g_array_index (src->cells, RocznikCell, i);

      cell.data = g_strndup (cell.data, cell.len);
      g_array_append_val (row->cells, cell);
    }
  return row;
}

typedef enum { KIND_EMPTY, KIND_NUMBER, KIND_DATE, KIND_TEXT } Kind;

static Kind
cell_kind (const RocznikCell *cell)
{
  gint64 n;
  int y, m;
  gboolean ampm;
  RocznikCountResult r;

  if (rocznik_import_cell_is_blank (cell))
    return KIND_EMPTY;
  /* an impossible date is still a date: its row is refused, not its column */
  if (rocznik_import_parse_date (cell->data, cell->len, 0, FALSE, &y, &m, &ampm) != DATE_NONE)
    return KIND_DATE;
  r = rocznik_parse_count (cell->data, cell->len, &n);
  if (r == ROCZNIK_COUNT_OK || r == ROCZNIK_COUNT_NEGATIVE || r == ROCZNIK_COUNT_FRACTION ||
      r == ROCZNIK_COUNT_TOO_LARGE)
    return KIND_NUMBER;
  /* "70 055" in an 8-bit file: 0xA0 between digits */
  if (cell->len > 0 && g_ascii_isdigit (cell->data[0]))
    {
      gboolean numeric = TRUE;
      for (guint i = 0; i < cell->len && numeric; i++)
        numeric = g_ascii_isdigit (cell->data[i]) || (guchar) cell->data[i] == 0xA0 || cell->data[i] == ' ';
      if (numeric)
        return KIND_NUMBER;
    }
  return KIND_TEXT;
}

/* The header: the first row naming a known column, or two years; else the
 * row above the first row with a number or a date, if all text. */
static int
find_header (Ctx       *c,
             GPtrArray *head,
             guint     *first_data)
{
  *first_data = head->len;
  for (guint i = 0; i < head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);
      guint known = 0, years = 0, nonempty = 0, numbers = 0;

      for (guint col = 0; col < row->cells->len; col++)
        {
          const RocznikCell *cell = &g_array_index (row->cells, RocznikCell, col);
          g_autofree char *text = NULL;
          int y;
          RocznikImportColumnRole role;

          if (rocznik_import_cell_is_blank (cell))
            continue;
          nonempty++;
          if (cell->flags & ROCZNIK_CELL_NUMBER)
            numbers++;
          text = rocznik_import_cell_text (c, cell, col, NULL);
          if (text == NULL)
            continue;
          role = rocznik_import_header_role (text, &y);
          if (role == ROCZNIK_IMPORT_COLUMN_YEAR_COUNT)
            years++;
          else if (role != ROCZNIK_IMPORT_COLUMN_IGNORED)
            known++;
          else if (cell_kind (cell) == KIND_NUMBER || cell_kind (cell) == KIND_DATE)
            numbers++;
        }
      if (nonempty >= 2 && ((known >= 1 && numbers == 0) || (years >= 1 && known >= 1) || (years >= 2 && numbers <= years)))
        return (int) i;
    }
  for (guint i = 0; i < head->len && *first_data == head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);
      guint nonempty = 0, values = 0;

      for (guint col = 0; col < row->cells->len; col++)
        {
          Kind k = cell_kind (&g_array_index (row->cells, RocznikCell, col));
          nonempty += k != KIND_EMPTY;
          values += k == KIND_NUMBER || k == KIND_DATE;
        }
      if (nonempty >= 2 && values >= 1)
        *first_data = i;
    }
  if (*first_data > 0 && *first_data < head->len)
    {
      HeadRow *row = g_ptr_array_index (head, *first_data - 1);
      guint nonempty = 0, texts = 0;

      for (guint col = 0; col < row->cells->len; col++)
        {
          Kind k = cell_kind (&g_array_index (row->cells, RocznikCell, col));
          nonempty += k != KIND_EMPTY;
          texts += k == KIND_TEXT;
        }
      if (nonempty >= 2 && texts == nonempty)
        return (int) *first_data - 1;
    }
  return -1;
}

/* Column names and the roles the header gives; the header's hash. */
static void
name_columns (Ctx       *c,
              GPtrArray *head,
              int        header,
              guint      ncols,
              GArray    *header_roles)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_array_set_size (header_roles, ncols);
  for (guint col = 0; col < ncols; col++)
    {
      g_autofree char *name = NULL;
      int y = 0;

      if (header >= 0)
        {
          HeadRow *row = g_ptr_array_index (head, header);
          name = rocznik_import_cell_text (c, cell_at (row->cells, col), col, NULL);
          g_checksum_update (sum, (const guchar *) (name ? name : ""), -1);
          g_checksum_update (sum, (const guchar *) "\x1f", 1);
        }
      if (name && name[0])
        g_array_index (header_roles, int, col) = rocznik_import_header_role (name, &y);
      if (y)
        g_array_index (c->col_years, int, col) = y;
      if (name == NULL || name[0] == '\0')
        {
          g_autofree char *letters = rocznik_column_letters (col);
          g_free (name);
          name = g_strdup_printf (_("column %s"), letters);
        }
      g_ptr_array_add (c->imp->column_names, g_steal_pointer (&name));
    }
  if (header >= 0)
    c->imp->header_key = g_strdup (g_checksum_get_string (sum));
}

/* Rows above the data: titles, kept for a year in them. */
static void
note_titles (Ctx       *c,
             GPtrArray *head,
             int        header,
             guint      data_start,
             GString   *titles)
{
  for (guint i = 0; i < data_start; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      for (guint col = 0; col < row->cells->len; col++)
        {
          g_autofree char *text = rocznik_import_cell_text (c, cell_at (row->cells, col), col, NULL);
          if (text && (int) i != header)
            g_string_append_printf (titles, "%s ", text);
        }
      if ((int) i != header && !rocznik_import_row_is_blank (row->cells))
        {
          c->src->line = row->line;
          rocznik_import_skip_row (c, _("a title above the table"));
        }
    }
}

static void
column_stats (GPtrArray   *head,
              guint        data_start,
              GArray      *header_roles,
              ColumnStats *stats,
              guint        ncols)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint col = 0; col < ncols; col++)
    g_ptr_array_add (seen, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
  for (guint i = data_start; i < head->len; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);

      for (guint col = 0; col < row->cells->len && col < ncols; col++)
        {
          const RocznikCell *cell = &g_array_index (row->cells, RocznikCell, col);
          ColumnStats *s = &stats[col];
          Kind k = cell_kind (cell);
          const char *p = cell->data;
          guint len = cell->len;

          if (k == KIND_NUMBER && (cell->flags & ROCZNIK_CELL_NUMBER) &&
              (g_array_index (header_roles, int, col) == ROCZNIK_IMPORT_COLUMN_DATE))
            k = KIND_DATE;
          if (k == KIND_TEXT && memchr (p, ':', len))
            {
              gint64 secs;
              s->clocks += rocznik_import_parse_duration (p, len, 0, FALSE, &secs) == DURATION_OK;
            }
          s->numbers += k == KIND_NUMBER;
          s->dates += k == KIND_DATE;
          s->texts += k == KIND_TEXT;
          s->empty += k == KIND_EMPTY;
          if (k == KIND_EMPTY)
            continue;
          trim (&p, &len);
          s->text_bytes += len;
          if (g_hash_table_add (g_ptr_array_index (seen, col), g_strndup (p, len)))
            s->distinct++;
          if (k == KIND_DATE)
            {
              char hint = rocznik_import_date_order_hint (p, len);

              if (hint == '?' && s->example == NULL)
                s->example = g_strndup (p, len);
              if (hint == '?' && s->order == 0)
                s->order = '?';
              else if (hint == 'd' || hint == 'm')
                s->order = (s->order == 0 || s->order == '?' || s->order == hint) ? hint : 'x';
            }
        }
    }
}

/* Fewer rows than this say little about how many topics a file has. */
#define SMALL_SAMPLE 50

/* Values unique or nearly so (request numbers, ids), or long free text:
 * what identifies a row, never a topic. */
static gboolean
identifies_rows (const ColumnStats *s)
{
  guint nonempty = s->numbers + s->dates + s->texts;

  if (nonempty >= 8 && s->distinct * 10 >= nonempty * 9)
    return TRUE;
  return nonempty > 0 && s->text_bytes / nonempty > 60 && s->distinct * 2 > nonempty;
}

gboolean
rocznik_import_has_word (const char *folded,
                         const char *word)
{
  for (const char *p = strstr (folded, word); p; p = strstr (p + 1, word))
    if ((p == folded || !g_ascii_isalnum (p[-1])))
      return TRUE;
  return FALSE;
}

/* 2: names a topic ("typ zgłoszenia", "Complaint Type"), 1: may ("sprawa",
 * "subject"), 0: says nothing. */
static int
topic_rank (const char *name)
{
  static const char *const strong[] = {
    "temat", "topic", "kategori", "categor", "zagadnieni", "typ zgloszeni", "rodzaj zgloszeni",
    "typ sprawy", "rodzaj sprawy", "typ sprawy", "complaint type", "request type", "requesttype",
    "problem type", "issue type", "call type", "case type",
  };
  static const char *const weak[] = { "sprawa", "subject", "service", "obszar", "complaint", "problem" };
  g_autofree char *folded = rocznik_search_fold (name);

  for (guint i = 0; i < G_N_ELEMENTS (strong); i++)
    if (rocznik_import_has_word (folded, strong[i]))
      return 2;
  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    if (rocznik_import_has_word (folded, weak[i]))
      return 1;
  return 0;
}

/* 3: when the request came ("data przyjęcia", "Created Date"), 2: a date,
 * 1: dates only in the data, 0: when it ended ("data zamknięcia", "Due Date"). */
static int
date_rank (const char *name,
           int         rocznik_import_header_role)
{
  static const char *const closing[] = {
    "zamkniec", "zakonczen", "realizac", "zalatwien", "aktualiz", "modyfik", "termin", "koniec",
    "closed", "close", "resolution", "resolved", "due", "updated", "modified", "end",
  };
  static const char *const opening[] = {
    "przyjec", "zgloszeni", "wplyw", "utworzen", "rejestrac", "otwarc", "rozpoczec", "poczatek",
    "rozmowy", "polaczeni", "created", "received", "opened", "reported", "start", "submitted",
  };
  g_autofree char *folded = rocznik_search_fold (name);

  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    if (rocznik_import_has_word (folded, closing[i]))
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    if (rocznik_import_has_word (folded, opening[i]))
      return 3;
  return rocznik_import_header_role == ROCZNIK_IMPORT_COLUMN_DATE ? 2 : 1;
}

/* Keeps the columns of the highest rank seen so far. */
void
rocznik_import_keep_best (GArray *best,
                          int    *best_rank,
                          int     rank,
                          int     column)
{
  if (rank > *best_rank)
    g_array_set_size (best, 0), *best_rank = rank;
  if (rank == *best_rank)
    g_array_append_val (best, column);
}

/* „A”, „B” */
char *
rocznik_import_quoted_names (Ctx    *c,
                             GArray *cols)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (s, "%s„%s”", i ? ", " : "",
                            (char *) g_ptr_array_index (c->imp->column_names, g_array_index (cols, int, i)));
  return g_string_free (s, FALSE);
}

/* The date of each call: the user's, else the one column the header and
 * the data point to; several alike are refused, naming them. */
static gboolean
choose_date (Ctx          *c,
             ColumnStats  *stats,
             GArray       *header_roles,
             guint         ncols,
             GError      **error)
{
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (int));
  int best_rank = -1;

  for (guint col = 0; col < ncols; col++)
    {
      ColumnStats *s = &stats[col];
      guint nonempty = s->numbers + s->dates + s->texts;
      int role = g_array_index (header_roles, int, col), rank;

      if (nonempty == 0 || s->dates * 10 < nonempty * 6 || (int) col == c->topic_col ||
          (int) col == c->channel_col || (int) col == c->duration_col || (int) col == c->time_col ||
          (int) col == c->year_col || (int) col == c->month_col || (int) col == c->count_col ||
          role == ROCZNIK_IMPORT_COLUMN_MONTH || role == ROCZNIK_IMPORT_COLUMN_YEAR)
        continue;
      rank = date_rank (g_ptr_array_index (c->imp->column_names, col), role);
      rocznik_import_keep_best (best, &best_rank, rank, (int) col);
    }
  if (best->len == 1 && best_rank > 0)
    c->date_col = g_array_index (best, int, 0);
  else if (best->len > 0)
    {
      g_autofree char *names = rocznik_import_quoted_names (c, best);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: cannot tell which column holds the date of the call: %s; choose one with --date-column"),
                   c->imp->display, names);
      return FALSE;
    }
  return TRUE;
}

/* The topic of each call: among text columns that do not identify rows,
 * the one the header names best, or the only one. */
static gboolean
choose_record_topic (Ctx          *c,
                     ColumnStats  *stats,
                     guint         ncols,
                     GError      **error)
{
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (int));
  int best_rank = -1;

  for (guint col = 0; col < ncols; col++)
    {
      ColumnStats *s = &stats[col];
      guint nonempty = s->numbers + s->dates + s->texts;
      int rank;
      CallColumnKind kind;

      if ((int) col == c->date_col || nonempty == 0 || s->texts * 10 < nonempty * 6 ||
          (int) col == c->channel_col || (int) col == c->duration_col || (int) col == c->time_col)
        continue;
      /* a time of day or a handling time is never a topic */
      kind = rocznik_import_call_column_kind (g_ptr_array_index (c->imp->column_names, col));
      if (kind == CALL_COLUMN_DURATION || kind == CALL_COLUMN_TIME || s->clocks * 10 >= nonempty * 6)
        continue;
      rank = topic_rank (g_ptr_array_index (c->imp->column_names, col));
      /* a few rows, each a topic of its own, under a header naming topics:
       * too few to call it an identifier */
      if (identifies_rows (s) && !(rank == 2 && nonempty < SMALL_SAMPLE))
        {
          g_array_append_val (ids, col);
          continue;
        }
      rocznik_import_keep_best (best, &best_rank, rank, (int) col);
    }
  if (best->len == 1)
    {
      c->topic_col = g_array_index (best, int, 0);
      return TRUE;
    }
  if (best->len > 1)
    {
      g_autofree char *names = rocznik_import_quoted_names (c, best);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: cannot tell which column holds the topic of the call: %s; choose one with --topic-column"),
                   c->imp->display, names);
      return FALSE;
    }
  if (ids->len > 0)
    {
      g_autofree char *names = rocznik_import_quoted_names (c, ids);

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no column with topics: %s has a different value on almost every row; choose the topic column with --topic-column"),
                   c->imp->display, names);
      return FALSE;
    }
  return TRUE;
}

/* A/B/YYYY dates: day or month first, as the data or the user says. */
static gboolean
choose_date_order (Ctx          *c,
                   ColumnStats  *stats,
                   GError      **error)
{
  ColumnStats *s = &stats[c->date_col];

  if (c->date_order != ROCZNIK_DATE_ORDER_DETECT)
    c->month_first = c->date_order == ROCZNIK_DATE_ORDER_MONTH_FIRST;
  else if (s->order == 'd' || s->order == 'm')
    c->month_first = s->order == 'm';
  else if (s->order == '?' || s->order == 'x')
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the dates in „%s” can be read day first or month first (e.g. „%s”); choose with --date-order dmy or mdy"),
                   c->imp->display, (char *) g_ptr_array_index (c->imp->column_names, c->date_col),
                   s->example ? s->example : "");
      return FALSE;
    }
  c->imp->date_order = c->month_first ? ROCZNIK_DATE_ORDER_MONTH_FIRST : ROCZNIK_DATE_ORDER_DAY_FIRST;
  return TRUE;
}

/* Header roles for what the user left open: count, year, month (the first
 * column named so). */
static gboolean
roles_from_header (Ctx    *c,
                   GArray *header_roles,
                   guint   ncols)
{
  const RocznikImportOptions *o = c->opt;
  gboolean count_named = c->count_col >= 0;

  for (guint col = 0; col < ncols; col++)
    {
      int role = g_array_index (header_roles, int, col);
      int *slot = NULL;

      switch (role)
        {
        case ROCZNIK_IMPORT_COLUMN_COUNT: slot = &c->count_col; break;
        case ROCZNIK_IMPORT_COLUMN_YEAR: slot = &c->year_col; break;
        case ROCZNIK_IMPORT_COLUMN_MONTH: slot = &c->month_col; break;
        default: break;
        }
      if (slot && *slot < 0 && (int) col != c->topic_col && (int) col != c->count_col &&
          (int) col != c->year_col && (int) col != c->date_col && (int) col != o->month_column)
        {
          *slot = (int) col;
          if (role == ROCZNIK_IMPORT_COLUMN_COUNT)
            count_named = TRUE;
        }
    }
  return count_named;
}

/* A table of counts: topic by its header, else the first text column; the
 * count the first number column. */
static void
roles_for_table (Ctx         *c,
                 GArray      *header_roles,
                 ColumnStats *stats,
                 guint        ncols)
{
  for (guint col = 0; col < ncols && c->topic_col < 0; col++)
    if (g_array_index (header_roles, int, col) == ROCZNIK_IMPORT_COLUMN_TOPIC &&
        (int) col != c->count_col && (int) col != c->year_col && (int) col != c->month_col)
      c->topic_col = (int) col;
  for (guint col = 0; col < ncols; col++)
    {
      ColumnStats *s = &stats[col];
      guint nonempty = s->numbers + s->dates + s->texts;
      gboolean taken = (int) col == c->topic_col || (int) col == c->count_col || (int) col == c->year_col ||
                       (int) col == c->date_col || (int) col == c->month_col ||
                       g_array_index (c->col_years, int, col) != 0;

      if (taken || nonempty == 0)
        continue;
      if (c->topic_col < 0 && s->texts * 10 >= nonempty * 6)
        c->topic_col = (int) col;
      else if (c->count_col < 0 && s->numbers * 10 >= nonempty * 6)
        c->count_col = (int) col;
    }
}

static void
choose_shape (Ctx     *c,
              guint    ncols,
              gboolean count_named)
{
  RocznikImport *imp = c->imp;
  gboolean wide = FALSE;

  for (guint col = 0; col < ncols; col++)
    if (g_array_index (c->col_years, int, col) != 0 && (int) col != c->topic_col)
      wide = TRUE;
  if (c->date_col >= 0 && !count_named)
    {
      imp->shape = ROCZNIK_IMPORT_SHAPE_RECORDS;
      c->count_col = -1;
      c->month_col = -1;
      c->year_col = -1;
    }
  else if (wide && !count_named)
    {
      imp->shape = ROCZNIK_IMPORT_SHAPE_WIDE;
      c->channel_col = c->duration_col = c->time_col = -1;
      c->count_col = -1;
      if (c->opt->year)
        for (guint col = 0; col < ncols; col++)
          if (g_array_index (c->col_years, int, col) != c->opt->year)
            {
              if (g_array_index (c->col_years, int, col) != 0)
                g_hash_table_add (c->other_years, GINT_TO_POINTER (g_array_index (c->col_years, int, col)));
              g_array_index (c->col_years, int, col) = 0;
            }
    }
  else
    {
      imp->shape = ROCZNIK_IMPORT_SHAPE_LONG;
      c->date_col = -1;
      c->channel_col = c->duration_col = c->time_col = -1;
    }
  if (imp->shape != ROCZNIK_IMPORT_SHAPE_WIDE)
    for (guint col = 0; col < ncols; col++)
      g_array_index (c->col_years, int, col) = 0;
}

static void
set_roles (Ctx   *c,
           guint  ncols)
{
  for (guint col = 0; col < ncols; col++)
    {
      RocznikImportColumnRole role = ROCZNIK_IMPORT_COLUMN_IGNORED;

      if ((int) col == c->topic_col)
        role = ROCZNIK_IMPORT_COLUMN_TOPIC;
      else if ((int) col == c->count_col)
        role = ROCZNIK_IMPORT_COLUMN_COUNT;
      else if ((int) col == c->year_col)
        role = ROCZNIK_IMPORT_COLUMN_YEAR;
      else if ((int) col == c->month_col)
        role = ROCZNIK_IMPORT_COLUMN_MONTH;
      else if ((int) col == c->date_col)
        role = ROCZNIK_IMPORT_COLUMN_DATE;
      else if ((int) col == c->channel_col)
        role = ROCZNIK_IMPORT_COLUMN_CHANNEL;
      else if ((int) col == c->duration_col)
        role = ROCZNIK_IMPORT_COLUMN_DURATION;
      else if ((int) col == c->time_col)
        role = ROCZNIK_IMPORT_COLUMN_TIME;
      else if (g_array_index (c->col_years, int, col) != 0)
        role = ROCZNIK_IMPORT_COLUMN_YEAR_COUNT;
      g_array_append_val (c->imp->roles, role);
    }
}

/* The first rows, as the preview shows them. */
static void
keep_preview (Ctx       *c,
              GPtrArray *head,
              guint      ncols)
{
  for (guint i = 0; i < head->len && i < PREVIEW_ROWS; i++)
    {
      HeadRow *row = g_ptr_array_index (head, i);
      char **cells = g_new0 (char *, ncols + 1);

      for (guint col = 0; col < ncols; col++)
        {
          cells[col] = rocznik_import_cell_text (c, cell_at (row->cells, col), col, NULL);
          if (cells[col] == NULL)
            cells[col] = g_strdup ("");
        }
      g_ptr_array_add (c->imp->preview, cells);
    }
  c->imp->head_rows = g_ptr_array_ref (head);
}

gboolean
rocznik_import_analyse (Ctx       *c,
         GPtrArray *head,
         guint     *data_start,
         GError   **error)
{
  RocznikImport *imp = c->imp;
  const RocznikImportOptions *o = c->opt;
  guint ncols = 0, first_data;
  int header;
  g_autoptr(GArray) header_roles = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GString) titles = g_string_new (NULL);
  ColumnStats *stats;
  gboolean count_named, ok = FALSE;

  for (guint i = 0; i < head->len; i++)
    ncols = MAX (ncols, ((HeadRow *) g_ptr_array_index (head, i))->cells->len);
  c->col_years = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_set_size (c->col_years, ncols);

  header = find_header (c, head, &first_data);
  *data_start = header >= 0 ? (guint) header + 1 : (first_data < head->len ? first_data : 0);
  imp->data_start = *data_start;
  name_columns (c, head, header, ncols, header_roles);
  note_titles (c, head, header, *data_start, titles);
  keep_preview (c, head, ncols);
  stats = g_new0 (ColumnStats, MAX (ncols, 1));
  column_stats (head, *data_start, header_roles, stats, ncols);

  /* roles: the user's choice, else the header, else the content */
  c->topic_col = o->topic_column;
  c->count_col = o->count_column;
  c->year_col = o->year_column;
  c->date_col = o->date_column;
  c->month_col = o->month_column;
  c->channel_col = o->channel_column;
  c->duration_col = o->duration_column;
  c->time_col = o->time_column;
  if (!rocznik_import_take_choices (c, error))
    goto out;
  count_named = roles_from_header (c, header_roles, ncols);
  if (c->date_col < 0 && !count_named && !choose_date (c, stats, header_roles, ncols, error))
    goto out;
  if (c->date_col >= 0 && !count_named)
    {
      if (c->topic_col < 0 && !choose_record_topic (c, stats, ncols, error))
        goto out;
      if (!choose_date_order (c, stats, error) ||
          !rocznik_import_choose_call_columns (c, head, *data_start, ncols, error))
        goto out;
    }
  else
    roles_for_table (c, header_roles, stats, ncols);
  choose_shape (c, ncols, count_named);

  if (imp->shape == ROCZNIK_IMPORT_SHAPE_LONG && c->count_col < 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no column with numbers of calls (expected e.g. „temat;liczba” or one column per year)"),
                   imp->display);
      goto out;
    }
  if (c->topic_col < 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no column with topic names (expected e.g. „temat;liczba”)"),
                   imp->display);
      goto out;
    }
  set_roles (c, ncols);
  rocznik_import_note_choices (c);
  imp->own_years = imp->shape != ROCZNIK_IMPORT_SHAPE_LONG || c->year_col >= 0;

  /* the year of a long table without a year column */
  if (imp->shape == ROCZNIK_IMPORT_SHAPE_LONG && c->year_col < 0)
    {
      c->file_year = o->year;
      if (c->file_year == 0)
        c->file_year = rocznik_import_year_in_text (titles->str);
      if (c->file_year == 0)
        c->file_year = rocznik_import_year_in_text (imp->display);
      /* said after the rows are checked: a wrong number matters more */
      c->year_unknown = c->file_year == 0;
    }
  ok = TRUE;

out:
  if (!ok && imp->roles->len == 0)
    set_roles (c, ncols);   /* the roles so far, for a dialog to go on from */
  for (guint col = 0; col < ncols; col++)
    g_free (stats[col].example);
  g_free (stats);
  return ok;
}
