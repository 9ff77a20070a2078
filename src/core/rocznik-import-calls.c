/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-calls.c — what per-call records tell beyond topic × month
 *
 * The time of day (from the date or a column of its own) gives weekday ×
 * hour, a channel column the calls by channel, a duration column the
 * handling time per topic. Columns are found by their header, checked by
 * their data; a cell that cannot be read refuses the import (a wrong number
 * is worse than none). Per row, rocznik_import_collect_calls() is all a
 * reader needs to call, so a faster reader can collect the same.
 */

#include "config.h"

#include <math.h>

#include "rocznik-import-state.h"

/* No call lasts a month; a larger number is not seconds of a call. */
#define MAX_DURATION (31 * 86400)
/* More distinct values than this in the first rows: not a channel. */
#define MAX_CHANNELS 64
/* …or in the whole file, as written: then the import is refused. */
#define MAX_CHANNEL_VALUES 1000

typedef struct
{
  gint64 hours[ROCZNIK_WEEKDAYS][ROCZNIK_HOURS];
  gint64 timed, untimed, no_channel;
} CallYear;

typedef struct
{
  int     year;
  char   *name;        /* the spelling with the most calls */
  gint64  name_calls;
  guint64 name_line;
  gint64  calls;
} ChannelGroup;

typedef struct
{
  guint nonempty, clocks, texts, distinct;
} CallStats;

/* Headers */

/* What a header names, and how surely (*rank 2: "kanał", 1: "źródło"). */
static CallColumnKind
column_kind (const char *header,
             int        *rank)
{
  static const char *const duration[] = {
    "czas rozmowy", "czas obslugi", "czas trwania", "dlugosc rozmowy", "dlugosc polaczenia",
    "duration", "handle time", "handling time", "talk time", "call length", "aht",
  };
  static const char *const channel[] = {
    "kanal", "sposob zgloszenia", "sposob kontaktu", "forma kontaktu", "channel", "method received",
  };
  static const char *const source[] = { "zrodlo", "source", "medium" };
  static const char *const clock[] = { "godzin", "godz", "hour" };
  g_autofree char *folded = rocznik_search_fold (header);

  g_strstrip (folded);
  *rank = 2;
  for (guint i = 0; i < G_N_ELEMENTS (duration); i++)
    if (rocznik_import_has_word (folded, duration[i]))
      return CALL_COLUMN_DURATION;
  for (guint i = 0; i < G_N_ELEMENTS (channel); i++)
    if (rocznik_import_has_word (folded, channel[i]))
      return CALL_COLUMN_CHANNEL;
  if (rocznik_import_has_word (folded, "data") || rocznik_import_has_word (folded, "date"))
    return CALL_COLUMN_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (clock); i++)
    if (rocznik_import_has_word (folded, clock[i]))
      return CALL_COLUMN_TIME;
  /* "czas" alone may be a duration too: only "godzina" and "time" say when */
  if (strcmp (folded, "time") == 0 || g_str_has_suffix (folded, " time"))
    return CALL_COLUMN_TIME;
  *rank = 1;
  for (guint i = 0; i < G_N_ELEMENTS (source); i++)
    if (rocznik_import_has_word (folded, source[i]))
      return CALL_COLUMN_CHANNEL;
  *rank = 0;
  return CALL_COLUMN_NONE;
}

CallColumnKind
rocznik_import_call_column_kind (const char *header)
{
  int rank;

  return column_kind (header, &rank);
}

/* Cells */

/* "95" (seconds), "1:35" (mm:ss), "0:01:35" (hh:mm:ss); in an XLSX number
 * cell whole seconds, or a fraction of a day when @fraction. */
DurationResult
rocznik_import_parse_duration (const char *p,
                               guint       len,
                               guint       flags,
                               gboolean    fraction,
                               gint64     *seconds)
{
  gint64 parts[3] = { 0 };
  guint ndigits[3] = { 0 };
  guint n = 0;
  gint64 total;

  trim (&p, &len);
  if (len == 0)
    return DURATION_EMPTY;
  if (flags & ROCZNIK_CELL_NUMBER)
    {
      g_autofree char *text = g_strndup (p, len);
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);

      if (end == text || *end != '\0')
        return DURATION_BAD;
      if (fraction)
        {
          if (!(v >= 0 && v < 1))
            return DURATION_BAD;
          *seconds = (gint64) llround (v * 86400.0);
          return DURATION_OK;
        }
      if (!(v >= 0 && v <= MAX_DURATION) || v != floor (v))
        return DURATION_BAD;
      *seconds = (gint64) v;
      return DURATION_OK;
    }
  for (guint i = 0; i < len; i++)
    {
      if (p[i] == ':')
        {
          if (ndigits[n] == 0 || n == 2)
            return DURATION_BAD;
          n++;
          continue;
        }
      if (!g_ascii_isdigit (p[i]) || ++ndigits[n] > 9)
        return DURATION_BAD;
      parts[n] = parts[n] * 10 + (p[i] - '0');
    }
  if (ndigits[n] == 0)
    return DURATION_BAD;
  /* minutes and seconds after a colon: two digits, under 60 */
  for (guint i = 1; i <= n; i++)
    if (ndigits[i] != 2 || parts[i] > 59)
      return DURATION_BAD;
  total = n == 0 ? parts[0] : n == 1 ? parts[0] * 60 + parts[1] : (parts[0] * 60 + parts[1]) * 60 + parts[2];
  if (total > MAX_DURATION)
    return DURATION_BAD;
  *seconds = total;
  return DURATION_OK;
}

/* Written as a time of day on its own ("07:45", an XLSX fraction), not a date. */
static gboolean
is_clock (const RocznikCell *cell)
{
  const char *p = cell->data;
  guint len = cell->len;
  int hour, secs;

  trim (&p, &len);
  if (!(cell->flags & ROCZNIK_CELL_NUMBER) && !(len > 2 && (p[1] == ':' || p[2] == ':')))
    return FALSE;
  /* 25:99 is written as a time: its row is refused, not its column */
  return rocznik_import_parse_clock (p, len, cell->flags, &hour, &secs) != DATE_NONE;
}

/* Detection */

static gboolean
taken (Ctx *c,
       int  col)
{
  return col == c->topic_col || col == c->date_col || col == c->channel_col || col == c->duration_col ||
         col == c->time_col;
}

static void
call_stats (GPtrArray *head,
            guint      data_start,
            int        col,
            CallStats *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = data_start; i < head->len; i++)
    {
      const RocznikCell *cell = cell_at (((HeadRow *) g_ptr_array_index (head, i))->cells, col);
      const char *p = cell->data;
      guint len = cell->len;
      gint64 n;
      int y, m;
      gboolean ampm;

      if (rocznik_import_cell_is_blank (cell))
        continue;
      s->nonempty++;
      s->clocks += is_clock (cell);
      if (!(cell->flags & ROCZNIK_CELL_NUMBER) && rocznik_parse_count (p, len, &n) != ROCZNIK_COUNT_OK &&
          rocznik_import_parse_date (p, len, 0, FALSE, &y, &m, &ampm) == DATE_NONE)
        s->texts++;
      trim (&p, &len);
      if (g_hash_table_add (seen, g_strndup (p, len)))
        s->distinct++;
    }
}

/* The data fit the kind the header names. A duration column is taken on
 * its header alone: a cell that is not a duration refuses the import. */
static gboolean
data_fit (CallColumnKind   kind,
          const CallStats *s)
{
  switch (kind)
    {
    case CALL_COLUMN_CHANNEL:
      return s->nonempty > 0 && s->texts * 10 >= s->nonempty * 6 && s->distinct <= MAX_CHANNELS &&
             !(s->nonempty >= 8 && s->distinct * 10 >= s->nonempty * 9);
    case CALL_COLUMN_TIME:
      return s->nonempty > 0 && s->clocks * 10 >= s->nonempty * 6;
    case CALL_COLUMN_DURATION:
      return TRUE;
    case CALL_COLUMN_NONE:
    default:
      return FALSE;
    }
}

static gboolean
choose_kind (Ctx           *c,
             GPtrArray     *head,
             guint          data_start,
             guint          ncols,
             CallColumnKind kind,
             int           *slot,
             GError       **error)
{
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (int));
  int best_rank = 0;

  for (guint col = 0; col < ncols; col++)
    {
      CallStats s = { 0 };
      int rank;

      if (taken (c, (int) col) || column_kind (g_ptr_array_index (c->imp->column_names, col), &rank) != kind)
        continue;
      call_stats (head, data_start, (int) col, &s);
      if (!data_fit (kind, &s))
        continue;
      rocznik_import_keep_best (best, &best_rank, rank, (int) col);
    }
  if (best->len == 1)
    *slot = g_array_index (best, int, 0);
  else if (best->len > 1)
    {
      g_autofree char *names = rocznik_import_quoted_names (c, best);
      const char *format =
        kind == CALL_COLUMN_CHANNEL ? _("file %s: cannot tell which column holds the channel of the call: %s; choose one with --channel-column")
        : kind == CALL_COLUMN_DURATION ? _("file %s: cannot tell which column holds the handling time of the call: %s; choose one with --duration-column")
        : _("file %s: cannot tell which column holds the time of day of the call: %s; choose one with --time-column");

      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA, format, c->imp->display, names);
      return FALSE;
    }
  return TRUE;
}

/* The date column's own time of day counts when some first row has one
 * other than midnight: "2019-03-04 00:00:00" on every row is a date. */
static gboolean
date_has_time (Ctx       *c,
               GPtrArray *head,
               guint      data_start)
{
  for (guint i = data_start; i < head->len; i++)
    {
      const RocznikCell *cell = cell_at (((HeadRow *) g_ptr_array_index (head, i))->cells, c->date_col);
      RocznikWhen when;
      gboolean ampm;

      if (rocznik_import_parse_when (cell->data, cell->len, cell->flags, c->month_first, &when, &ampm) == DATE_OK &&
          when.hour >= 0 && (when.hour | when.minute | when.second) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Time of day, handling time and channel, for columns the user left to
 * detect (-1); ROCZNIK_IMPORT_NO_COLUMN stays none. */
gboolean
rocznik_import_choose_call_columns (Ctx       *c,
                                    GPtrArray *head,
                                    guint      data_start,
                                    guint      ncols,
                                    GError   **error)
{
  c->date_time = date_has_time (c, head, data_start);
  if (c->duration_col == -1 && !choose_kind (c, head, data_start, ncols, CALL_COLUMN_DURATION, &c->duration_col, error))
    return FALSE;
  if (c->time_col == -1 && !choose_kind (c, head, data_start, ncols, CALL_COLUMN_TIME, &c->time_col, error))
    return FALSE;
  /* a column of its own says the time better than a date's midnight */
  if (c->time_col >= 0)
    c->date_time = FALSE;
  if (c->channel_col == -1 && !choose_kind (c, head, data_start, ncols, CALL_COLUMN_CHANNEL, &c->channel_col, error))
    return FALSE;
  if (c->duration_col >= 0)
    for (guint i = data_start; i < head->len && !c->duration_fraction; i++)
      {
        const RocznikCell *cell = cell_at (((HeadRow *) g_ptr_array_index (head, i))->cells, c->duration_col);
        double v;

        if (!(cell->flags & ROCZNIK_CELL_NUMBER))
          continue;
        v = g_ascii_strtod (cell->data, NULL);
        c->duration_fraction = v > 0 && v < 1 && v != floor (v);
      }
  return TRUE;
}

int
rocznik_import_calls_max_column (Ctx *c)
{
  return MAX (MAX (MAX (c->date_col, c->topic_col), MAX (c->channel_col, c->duration_col)), c->time_col);
}

/* Rows */

/* Weekday and hour (-1: no time of day) and handling time (-1: none) of
 * one call whose date is @when; FALSE and @error for a cell that cannot
 * be read. */
gboolean
rocznik_import_record_extras (Ctx               *c,
                              GArray            *cells,
                              const RocznikWhen *when,
                              const RocznikCell *date_cell,
                              int               *weekday,
                              int               *hour,
                              gint64            *duration,
                              GError           **error)
{
  *weekday = *hour = -1;
  *duration = -1;
  if (c->time_col >= 0)
    {
      const RocznikCell *tc = cell_at (cells, c->time_col);
      int secs;

      if (!rocznik_import_cell_is_blank (tc) &&
          rocznik_import_parse_clock (tc->data, tc->len, tc->flags, hour, &secs) != DATE_OK)
        {
          g_autofree char *text = rocznik_import_cell_text (c, tc, c->time_col, error);

          if (text)
            rocznik_import_fail_at (c, c->time_col, error,
                                    _("„%s” in the column „%s” is not a time of day (expected e.g. 07:45 or 7:45 PM); "
                                      "choose another column with --time-column, or --time-column - for none"),
                                    text, (char *) g_ptr_array_index (c->imp->column_names, c->time_col));
          return FALSE;
        }
    }
  else if (c->date_time)
    {
      *hour = when->hour;
      /* a whole serial number in a column of date-times is midnight */
      if (*hour < 0 && (date_cell->flags & ROCZNIK_CELL_NUMBER))
        *hour = 0;
    }
  if (*hour >= 0 && when->day > 0)
    *weekday = rocznik_import_weekday (when->year, when->month, when->day);
  else
    *hour = -1;
  if (c->duration_col >= 0)
    {
      const RocznikCell *dc = cell_at (cells, c->duration_col);
      DurationResult r = rocznik_import_parse_duration (dc->data, dc->len, dc->flags, c->duration_fraction, duration);

      if (r == DURATION_BAD)
        {
          g_autofree char *text = rocznik_import_cell_text (c, dc, c->duration_col, error);

          if (text)
            rocznik_import_fail_at (c, c->duration_col, error,
                                    _("„%s” in the column „%s” is not a handling time (expected seconds like 95, or 1:35 "
                                      "or 0:01:35); choose another column with --duration-column, or --duration-column - "
                                      "for none"),
                                    text, (char *) g_ptr_array_index (c->imp->column_names, c->duration_col));
          return FALSE;
        }
      if (r == DURATION_EMPTY)
        *duration = -1;
    }
  return TRUE;
}

static CallYear *
call_year (Ctx *c,
           int  year)
{
  CallYear *cy = g_hash_table_lookup (c->call_years, GINT_TO_POINTER (year));

  if (cy == NULL)
    {
      cy = g_new0 (CallYear, 1);
      g_hash_table_insert (c->call_years, GINT_TO_POINTER (year), cy);
    }
  return cy;
}

/* One counted call of @entry's topic: its hour of the week (weekday -1:
 * none), channel (NULL: no channel column; raw bytes, trimmed here) and
 * handling time in seconds (-1: none). */
void
rocznik_import_collect_calls (Ctx         *c,
                              RecordEntry *entry,
                              int          year,
                              int          weekday,
                              int          hour,
                              const char  *channel,
                              guint        channel_len,
                              gint64       duration,
                              guint64      line)
{
  CallYear *cy = call_year (c, year);

  if (weekday >= 0 && hour >= 0)
    {
      cy->hours[weekday][hour]++;
      cy->timed++;
    }
  else
    cy->untimed++;
  if (channel)
    {
      trim (&channel, &channel_len);
      if (channel_len == 0)
        cy->no_channel++;
      else if (c->channels.used <= MAX_CHANNEL_VALUES)
        {
          /* up to one value past the limit: the line that has it is named
           * (refused after the rows) */
          rocznik_record_table_add (&c->channels, channel, channel_len, year, 1, line);
          if (c->channels.used > MAX_CHANNEL_VALUES && c->channel_overflow == 0)
            c->channel_overflow = line;
        }
    }
  if (duration >= 0)
    {
      entry->duration_calls++;
      entry->duration_seconds += duration;
    }
}

/* Calls the fast lane (rocznik-import-scan.c) counted for @year, added as
 * rocznik_import_collect_calls() would have, one by one. */
void
rocznik_import_calls_merge (Ctx          *c,
                            int           year,
                            const gint64 *hours,
                            gint64        timed,
                            gint64        untimed,
                            gint64        no_channel)
{
  CallYear *cy = call_year (c, year);

  for (int i = 0; i < ROCZNIK_WEEKDAYS * ROCZNIK_HOURS; i++)
    cy->hours[i / ROCZNIK_HOURS][i % ROCZNIK_HOURS] += hours[i];
  cy->timed += timed;
  cy->untimed += untimed;
  cy->no_channel += no_channel;
}

/* After the rows */

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  const ChannelGroup *x = *(ChannelGroup **) a, *y = *(ChannelGroup **) b;

  if (x->calls != y->calls)
    return (x->calls < y->calls) - (x->calls > y->calls);
  return g_utf8_collate (x->name, y->name);
}

static void
channel_group_free (gpointer data)
{
  ChannelGroup *g = data;

  g_free (g->name);
  g_free (g);
}

/* Raw channel values → cleaned names, grouped ignoring case and spaces. */
static GHashTable *
group_channels (Ctx     *c,
                GError **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, channel_group_free);
  RecordTable *t = &c->channels;

  if (c->channel_overflow)
    {
      c->src->line = c->channel_overflow;
      rocznik_import_fail_at (c, c->channel_col, error,
                              _("the column „%s” has more than %d different values, too many for channels; choose "
                                "another column with --channel-column, or --channel-column - for none"),
                              (char *) g_ptr_array_index (c->imp->column_names, c->channel_col), MAX_CHANNEL_VALUES);
      return NULL;
    }
  for (gsize i = 0; i < t->size; i++)
    {
      RecordEntry *e = &t->slots[i];
      g_autofree char *text = NULL;
      g_autofree char *clean = NULL;
      g_autofree char *key = NULL;
      g_autofree char *topic_key = NULL;
      g_autoptr(GError) local = NULL;
      ChannelGroup *g;

      if (e->bytes == NULL)
        continue;
      c->src->line = e->line;
      text = rocznik_import_bytes_to_utf8 (c, e->bytes, e->len, c->channel_col, error);
      if (text == NULL)
        return NULL;
      clean = rocznik_topic_name_clean (text, &local);
      if (clean == NULL)
        {
          rocznik_import_fail_at (c, c->channel_col, error, "%s", local->message);
          return NULL;
        }
      /* "formularz  www" is shown as "formularz www" */
      g_free (text);
      text = g_steal_pointer (&clean);
      clean = rocznik_collapse_spaces (text);
      if (clean[0] == '\0')
        {
          /* only invisible characters: no channel, like an empty cell */
          call_year (c, e->year)->no_channel += e->months[0];
          continue;
        }
      topic_key = rocznik_topic_key (clean);
      key = g_strdup_printf ("%d\x1f%s", e->year, topic_key);
      g = g_hash_table_lookup (groups, key);
      if (g == NULL)
        {
          g = g_new0 (ChannelGroup, 1);
          g->year = e->year;
          g_hash_table_insert (groups, g_steal_pointer (&key), g);
        }
      g->calls += e->months[0];
      if (g->name == NULL || e->months[0] > g->name_calls || (e->months[0] == g->name_calls && e->line < g->name_line))
        {
          g_free (g->name);
          g->name = g_steal_pointer (&clean);
          g->name_calls = e->months[0];
          g->name_line = e->line;
        }
    }
  return g_steal_pointer (&groups);
}

static void
note_year_warnings (Ctx            *c,
                    const CallYear *cy,
                    int             year,
                    gboolean        channels)
{
  if (cy->untimed > 0 && cy->timed > 0)
    {
      g_autofree char *n = rocznik_format_count (cy->untimed);

      g_ptr_array_add (c->imp->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%d: %s call has no time of day, so the hours of the week are not kept",
                                                     "%d: %s calls have no time of day, so the hours of the week are not kept",
                                                     cy->untimed), year, n));
    }
  if (channels && cy->no_channel > 0)
    {
      g_autofree char *n = rocznik_format_count (cy->no_channel);

      g_ptr_array_add (c->imp->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d: %s call has no channel; the channels count the others",
                                                     "%d: %s calls have no channel; the channels count the others",
                                                     cy->no_channel), year, n));
    }
}

/* Each year's profile: hours of the week when every call had a time of
 * day, channels by calls descending. */
gboolean
rocznik_import_calls_finish (Ctx     *c,
                             GError **error)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gboolean timed = c->time_col >= 0 || c->date_time;

  if (c->channel_col >= 0 && (groups = group_channels (c, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < c->imp->years->len; i++)
    {
      RocznikYear *year = g_ptr_array_index (c->imp->years, i);
      CallYear *cy = g_hash_table_lookup (c->call_years, GINT_TO_POINTER (year->year));
      g_autoptr(RocznikCallProfile) profile = rocznik_call_profile_new ();
      GHashTableIter iter;
      gpointer value;

      if (cy == NULL)
        continue;
      if (timed)
        {
          profile->has_hours = cy->untimed == 0 && cy->timed > 0;
          if (profile->has_hours)
            memcpy (profile->hours, cy->hours, sizeof profile->hours);
        }
      g_ptr_array_set_size (sorted, 0);
      if (groups)
        {
          g_hash_table_iter_init (&iter, groups);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (((ChannelGroup *) value)->year == year->year)
              g_ptr_array_add (sorted, value);
        }
      g_ptr_array_sort (sorted, compare_channels);
      for (guint j = 0; j < sorted->len; j++)
        {
          ChannelGroup *g = g_ptr_array_index (sorted, j);
          rocznik_call_profile_add_channel (profile, g->name, g->calls);
        }
      note_year_warnings (c, cy, year->year, groups != NULL);
      g_clear_pointer (&year->calls, rocznik_call_profile_free);
      if (!rocznik_call_profile_is_empty (profile))
        year->calls = g_steal_pointer (&profile);
    }
  return TRUE;
}

void
rocznik_import_calls_clear (Ctx *c)
{
  rocznik_record_table_clear (&c->channels);
  g_clear_pointer (&c->call_years, g_hash_table_unref);
}
