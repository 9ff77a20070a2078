/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-comparison.c — what two years can honestly be compared on */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rocznik-comparison.h"
#include "rocznik-format.h"
#include "rocznik-table.h"

/* The sentences of a note, in the window's language or the report's Polish. */
typedef struct
{
  const char *common;          /* %u, in the plural form of n_topics */
  const char *missing;         /* %d, %s */
  const char *no_topics;       /* %d */
  const char *neither;         /* %d, %d */
  const char *nothing_shared;
  const char *approximate;
  const char *none;            /* %d, %d */
} NoteTexts;

static void
set_change (RocznikComparison *c)
{
  c->change = c->count - c->other_count;
  c->has_change_percent = c->other_count > 0;
  if (c->has_change_percent)
    c->change_percent = 100.0 * (double) c->change / (double) c->other_count;
}

/* Sums @year's counts of the topics @other has; the rest are listed.
 * @other's keys are looked up in a hash: a year of thousands of topics
 * costs their number, not its square. */
static gint64
sum_shared (const RocznikYear *year,
            const RocznikYear *other,
            GPtrArray         *missing,
            guint             *n_shared)
{
  g_autoptr(GHashTable) index = rocznik_year_index_topics (other);
  gint64 sum = 0;

  *n_shared = 0;
  for (guint i = 0; i < year->topics->len; i++)
    {
      const RocznikTopic *t = g_ptr_array_index (year->topics, i);

      if (g_hash_table_contains (index, t->key))
        {
          sum += t->count;
          (*n_shared)++;
        }
      else
        g_ptr_array_add (missing, g_strdup (t->name));
    }
  return sum;
}

/* @year against @other: sums over the topics both have; else the declared
 * totals; else nothing. A year without a figure is never counted as 0. */
RocznikComparison *
rocznik_comparison_new (const RocznikYear *year,
                        const RocznikYear *other)
{
  RocznikComparison *c;
  guint n_here, n_there;
  gint64 here, there;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  c = g_new0 (RocznikComparison, 1);
  c->year = year->year;
  c->other_year = other->year;
  c->only_here = g_ptr_array_new_with_free_func (g_free);
  c->only_there = g_ptr_array_new_with_free_func (g_free);
  c->has_topics = year->topics->len > 0;
  c->other_has_topics = other->topics->len > 0;

  here = sum_shared (year, other, c->only_here, &n_here);
  there = sum_shared (other, year, c->only_there, &n_there);
  g_assert (n_here == n_there);
  if (n_here > 0)
    {
      c->basis = c->only_here->len || c->only_there->len ? ROCZNIK_COMPARISON_COMMON
                                                          : ROCZNIK_COMPARISON_TOPICS;
      c->count = here;
      c->other_count = there;
      c->n_topics = n_here;
      set_change (c);
      return c;
    }
  /* No topic to compare on: the lists would only say "all of them". */
  g_ptr_array_set_size (c->only_here, 0);
  g_ptr_array_set_size (c->only_there, 0);
  if (year->declared_total != ROCZNIK_NO_TOTAL && other->declared_total != ROCZNIK_NO_TOTAL)
    {
      c->basis = ROCZNIK_COMPARISON_DECLARED;
      c->count = year->declared_total;
      c->other_count = other->declared_total;
      c->more_than = year->declared_more_than;
      c->other_more_than = other->declared_more_than;
      set_change (c);
      return c;
    }
  c->basis = ROCZNIK_COMPARISON_NONE;
  return c;
}

void
rocznik_comparison_free (RocznikComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_ptr_array_unref (comparison->only_here);
  g_ptr_array_unref (comparison->only_there);
  g_free (comparison);
}

static void
append_missing (GString         *note,
                const NoteTexts *texts,
                int              year,
                GPtrArray       *names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (names->len == 0)
    return;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *plain = rocznik_collapse_spaces (g_ptr_array_index (names, i));

      if (i > 0)
        g_string_append (list, "; ");
      g_string_append (list, plain);
    }
  g_string_append_c (note, ' ');
  g_string_append_printf (note, texts->missing, year, list->str);
}

static char *
note_build (const RocznikComparison *c,
            const NoteTexts         *texts)
{
  GString *note = g_string_new (NULL);

  switch (c->basis)
    {
    case ROCZNIK_COMPARISON_TOPICS:
      g_string_free (note, TRUE);
      return NULL;
    case ROCZNIK_COMPARISON_COMMON:
      g_string_append_printf (note, texts->common, c->n_topics);
      /* "Missing in 2019": the topics the other year has and this one lacks. */
      append_missing (note, texts, c->year, c->only_there);
      append_missing (note, texts, c->other_year, c->only_here);
      break;
    case ROCZNIK_COMPARISON_DECLARED:
      if (c->has_topics && c->other_has_topics)
        g_string_append (note, texts->nothing_shared);
      else if (!c->has_topics && !c->other_has_topics)
        g_string_append_printf (note, texts->neither, c->year, c->other_year);
      else
        g_string_append_printf (note, texts->no_topics, c->has_topics ? c->other_year : c->year);
      if (c->more_than || c->other_more_than)
        {
          g_string_append_c (note, ' ');
          g_string_append (note, texts->approximate);
        }
      break;
    case ROCZNIK_COMPARISON_NONE:
    default:
      g_string_append_printf (note, texts->none, c->year, c->other_year);
      break;
    }
  return g_string_free (note, FALSE);
}

/* A sentence or two for the window when the comparison is not of the same
 * topics (NULL when it is), in the user's language. */
char *
rocznik_comparison_note (const RocznikComparison *comparison)
{
  NoteTexts texts = {
    NULL,
    /* Translators: "Missing in 2019: topic; topic." */
    _("Missing in %d: %s."),
    _("%d has no topic counts: the declared totals are compared."),
    _("Neither %d nor %d has topic counts: the declared totals are compared."),
    _("The two years have no topic in common: the declared totals are compared."),
    _("A total published as „more than” makes the change approximate."),
    _("%d and %d cannot be compared: they share no topic and do not both have a declared total."),
  };

  g_return_val_if_fail (comparison != NULL, NULL);

  texts.common = g_dngettext (GETTEXT_PACKAGE, "The change is counted over the %u topic both years have.",
                              "The change is counted over the %u topics both years have.",
                              comparison->n_topics);
  return note_build (comparison, &texts);
}

/* The same note in the report's Polish, whatever the process locale: the
 * PDF and the workbook are Polish documents (the window's pl.po says the same). */
char *
rocznik_comparison_note_pl (const RocznikComparison *comparison)
{
  NoteTexts texts = {
    NULL,
    "Brak w %d r.: %s.",
    "Rok %d nie ma liczb dla tematów: porównano liczby rozmów ogółem podane w sprawozdaniach.",
    "Ani rok %d, ani %d nie ma liczb dla tematów: porównano liczby rozmów ogółem podane w sprawozdaniach.",
    "Lata nie mają wspólnych tematów: porównano liczby rozmów ogółem podane w sprawozdaniach.",
    "Liczba podana jako „ponad” sprawia, że zmiana jest przybliżona.",
    "Lat %d i %d nie da się porównać: nie mają wspólnych tematów ani obu liczb rozmów ogółem.",
  };

  g_return_val_if_fail (comparison != NULL, NULL);

  texts.common = rocznik_plural (comparison->n_topics,
                                 "Zmianę policzono dla %u tematu obecnego w obu latach.",
                                 "Zmianę policzono dla %u tematów obecnych w obu latach.",
                                 "Zmianę policzono dla %u tematów obecnych w obu latach.");
  return note_build (comparison, &texts);
}

/* Whether @other has any of the topics in @index: the first shared topic
 * answers, so a scan seldom goes far. */
static gboolean
shares_a_topic (GHashTable        *index,
                const RocznikYear *other)
{
  for (guint i = 0; i < other->topics->len; i++)
    if (g_hash_table_contains (index, ((const RocznikTopic *) g_ptr_array_index (other->topics, i))->key))
      return TRUE;
  return FALSE;
}

/* The years (int, ascending) @year can be compared with: those sharing a
 * topic with it, or a declared total when it has one too (what
 * rocznik_comparison_new() finds comparable, without counting: @year's
 * topics are hashed once). What a comparison menu offers. @years:
 * RocznikYear*, as loaded. */
GArray *
rocznik_comparison_years (GPtrArray *years,
                          int        year)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) index = NULL;
  const RocznikYear *y;

  g_return_val_if_fail (years != NULL, out);

  y = rocznik_years_find (years, year);
  if (y == NULL)
    return out;
  index = rocznik_year_index_topics (y);
  for (guint i = 0; i < years->len; i++)
    {
      const RocznikYear *other = g_ptr_array_index (years, i);

      if (other == y)
        continue;
      if (shares_a_topic (index, other)
          || (y->declared_total != ROCZNIK_NO_TOTAL && other->declared_total != ROCZNIK_NO_TOTAL))
        g_array_append_val (out, other->year);
    }
  return out;
}
