/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-report-text.c — reads the text of a published annual summary
 *
 * The city publishes its figures as prose with bullet lists:
 *   "W 2018 r. … przeprowadzili ponad 586 tys. rozmów z klientami."
 *   " • gospodarka odpadami – 70 055,"
 * Bullets that end in a number are topics; bullets under any other
 * paragraph form that paragraph's named list.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-report-text.h"

typedef struct
{
  GRegex *year;
  GRegex *total;
  GRegex *topic;
  GRegex *bullet;
  GRegex *list_count;
} Patterns;

static const Patterns *
patterns (void)
{
  static gsize once = 0;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_OPTIMIZE | G_REGEX_CASELESS;

      /* "w 2018 r.", "W 2018 roku" */
      p.year = g_regex_new ("\\b(?:w|W)\\s(\\d{4})\\s?(?:r\\.|roku)", f, 0, NULL);
      /* "ponad 586 tys. rozmów", "przeprowadzili 586 123 rozmowy". Linear in
       * the text: a number starts after no digit, and possessive runs never
       * give back what they took (a 100 000-digit line was quadratic). */
      p.total = g_regex_new ("(ponad\\s+)?(?<![\\d,])(\\d{1,3}(?:[\\s\\x{00A0}\\x{202F}]\\d{3})++|\\d++(?:,\\d++)?)"
                             "(?:\\s*+(tys\\.|tysięcy|mln|milion(?:a|ów|y)?)\\s++|\\s++)"
                             "(?:rozmów|rozmowy|rozmowę|połączeń|zapytań)",
                             f, 0, NULL);
      /* bullet, name, dash or colon, number, optional trailing punctuation;
       * the name ends in a non-space, so a run of spaces is crossed once */
      p.topic = g_regex_new ("^\\s*[•·*\\-–—▪◦]?\\s*(.+?)(?<!\\s)\\s*+(?:[–—-]|:)\\s*"
                             "(\\d(?:[\\d\\s\\x{00A0}\\x{202F}.]*\\d)?)\\s*[,.;]?\\s*$", 0, 0, NULL);
      p.bullet = g_regex_new ("^\\s*[•·*\\-–—▪◦]\\s*(.+?)(?<!\\s)\\s*+[,.;]?\\s*$", 0, 0, NULL);
      p.list_count = g_regex_new ("\\b(\\d++)\\s++(?:now\\w*+\\s++)?usług", f, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &p;
}

/* The declared total in calls; FALSE when it is beyond what a count may be. */
static gboolean
total_from_match (GMatchInfo *match,
                  gint64     *total)
{
  g_autofree char *number = g_match_info_fetch (match, 2);
  g_autofree char *unit = g_match_info_fetch (match, 3);
  g_autofree char *folded = unit ? g_utf8_casefold (unit, -1) : NULL;
  gint64 multiplier = 1;
  double value;
  gint64 count;
  RocznikCountResult r;

  if (folded && g_str_has_prefix (folded, "tys"))
    multiplier = 1000;
  else if (folded && (g_str_has_prefix (folded, "mln") || g_str_has_prefix (folded, "milion")))
    multiplier = 1000000;

  r = rocznik_parse_count (number, -1, &count);
  if (r == ROCZNIK_COUNT_OK)
    {
      if (count > ROCZNIK_MAX_COUNT / multiplier)
        return FALSE;
      *total = count * multiplier;
      return TRUE;
    }
  if (r == ROCZNIK_COUNT_TOO_LARGE)
    return FALSE;
  /* "0,5 miliona" */
  g_strdelimit (number, ",", '.');
  value = g_ascii_strtod (number, NULL) * (double) multiplier;
  if (!(value >= 0 && value <= (double) ROCZNIK_MAX_COUNT))
    return FALSE;
  *total = (gint64) (value + 0.5);
  return TRUE;
}

/* 1-based line of a byte offset */
static guint
line_at (const char *text,
         gint        offset)
{
  guint line = 1;

  for (const char *p = text; p < text + offset; p++)
    line += *p == '\n';
  return line;
}

/* Short names for the lists the city's report always has; any other list
 * keeps its heading. */
static char *
list_title (const char *heading)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);
  g_autofree char *clean = NULL;

  if (strstr (folded, "senior"))
    return g_strdup ("usługi dla seniorów");
  if (strstr (folded, "nowe usług") || strstr (folded, "nowych usług"))
    return g_strdup ("nowe usługi informacyjne");
  if (strstr (folded, "wsparci"))
    return g_strdup ("wsparcie informacyjne");

  clean = rocznik_collapse_spaces (heading);
  g_strchomp (clean);
  if (g_str_has_suffix (clean, ":"))
    clean[strlen (clean) - 1] = '\0';
  return g_steal_pointer (&clean);
}

static gboolean
is_bullet (const char *line)
{
  return g_regex_match (patterns ()->bullet, line, 0, NULL);
}

/* What the line-by-line reading carries from one line to the next. */
typedef struct
{
  const Patterns *p;
  RocznikYear *year;
  const char *display;
  GString *notes;
  char *heading;        /* the last paragraph, heading whatever list follows */
  guint heading_line;
  RocznikList *list;    /* the list bullets are going into, or NULL */
  gboolean in_topics;
  gint64 sum;
} Parser;

/* The year ("w 2018 r.") and the declared total ("ponad 586 tys. rozmów"). */
static RocznikYear *
parse_year (const char  *copy,
            const char  *display,
            GError     **error)
{
  const Patterns *p = patterns ();
  g_autoptr(RocznikYear) year = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int number = 0;

  if (g_regex_match (p->year, copy, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      number = (int) g_ascii_strtoll (y, NULL, 10);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (number == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the text does not say which year it describes (expected e.g. „w 2018 r.”)"),
                   display);
      return NULL;
    }
  year = rocznik_year_new (number);

  if (g_regex_match (p->total, copy, 0, &match))
    {
      g_autofree char *ponad = g_match_info_fetch (match, 1);
      g_autofree char *number = g_match_info_fetch (match, 2);
      gint start = 0;

      if (!total_from_match (match, &year->declared_total))
        {
          g_match_info_fetch_pos (match, 2, &start, NULL);
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s, line %u: the total „%s” is more calls than Rocznik can count (2⁵³)"),
                       display, line_at (copy, start), number);
          return NULL;
        }
      year->declared_more_than = ponad != NULL && ponad[0] != '\0';
    }

  return g_steal_pointer (&year);
}

/* A topic line "• name – 70 055," keeps the name as published. Sets *taken
 * when the line was a topic; FALSE on an error. */
static gboolean
parse_topic (Parser      *ps,
             const char  *original,
             guint        line_no,
             gboolean    *taken,
             GError     **error)
{
  g_autoptr(GMatchInfo) tm = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *name = NULL;
  GError *local = NULL;
  RocznikCountResult r;
  gint64 count;

  *taken = FALSE;
  if (!g_regex_match (ps->p->topic, original, 0, &tm))
    return TRUE;

  raw = g_match_info_fetch (tm, 1);
  digits = g_match_info_fetch (tm, 2);
  g_strstrip (digits);
  r = rocznik_parse_count (digits, -1, &count);
  if (r == ROCZNIK_COUNT_TOO_LARGE || (r == ROCZNIK_COUNT_OK && count > ROCZNIK_MAX_COUNT - ps->sum))
    {
      if (r == ROCZNIK_COUNT_OK)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s, line %u: the topics add up to more calls than Rocznik can count (2⁵³)"),
                     ps->display, line_no);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s, line %u: %s is more calls than Rocznik can count (2⁵³)"),
                     ps->display, line_no, digits);
      return FALSE;
    }
  if (r != ROCZNIK_COUNT_OK)
    return TRUE;

  name = rocznik_topic_name_clean (raw, &local);
  if (name == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %u: %s"), ps->display, line_no, local->message);
      g_error_free (local);
      return FALSE;
    }
  if (rocznik_year_find_topic (ps->year, name))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s, line %u: the topic „%s” is listed twice"),
                   ps->display, line_no, name);
      return FALSE;
    }
  rocznik_year_add_topic (ps->year, name, count);
  ps->sum += count;
  ps->in_topics = TRUE;
  ps->list = NULL;
  *taken = TRUE;
  return TRUE;
}

/* A bullet that is not a topic: an item of the list under the last
 * paragraph, which may declare how many items it has ("12 usług"). */
static gboolean
parse_list_item (Parser      *ps,
                 const char  *original,
                 GError     **error)
{
  g_autoptr(GMatchInfo) bm = NULL;

  ps->in_topics = FALSE;
  if (ps->list == NULL)
    {
      g_autofree char *title = list_title (ps->heading ? ps->heading : _("list"));
      g_autoptr(GMatchInfo) cm = NULL;

      ps->list = rocznik_year_add_list (ps->year, title);
      if (ps->heading && g_regex_match (ps->p->list_count, ps->heading, 0, &cm))
        {
          g_autofree char *n = g_match_info_fetch (cm, 1);
          gint64 declared;

          if (rocznik_parse_count (n, -1, &declared) != ROCZNIK_COUNT_OK)
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("file %s, line %u: %s is more than Rocznik can count (2⁵³)"),
                           ps->display, ps->heading_line, n);
              return FALSE;
            }
          ps->list->declared = declared;
        }
    }
  if (g_regex_match (ps->p->bullet, original, 0, &bm))
    g_ptr_array_add (ps->list->items, g_match_info_fetch (bm, 1));
  return TRUE;
}

/* A paragraph: the heading of whatever list follows, and a note. */
static void
parse_paragraph (Parser     *ps,
                 const char *line,
                 const char *original,
                 guint       line_no)
{
  ps->in_topics = FALSE;
  ps->list = NULL;
  g_free (ps->heading);
  ps->heading = g_strdup (line);
  ps->heading_line = line_no;
  if (!g_str_has_suffix (line, ":") && strlen (line) > 40 &&
      !g_regex_match (ps->p->total, line, 0, NULL))
    {
      if (ps->notes->len)
        g_string_append (ps->notes, "\n\n");
      g_string_append (ps->notes, original);
    }
}

static gboolean
parse_line (Parser      *ps,
            const char  *raw_line,
            guint        line_no,
            GError     **error)
{
  g_autofree char *line = rocznik_collapse_spaces (raw_line);
  g_autofree char *original = g_strstrip (g_strdup (raw_line));
  gboolean bullet;

  if (line[0] == '\0')
    return TRUE;

  bullet = is_bullet (line);
  if (bullet || ps->in_topics)
    {
      gboolean taken;

      if (!parse_topic (ps, original, line_no, &taken, error))
        return FALSE;
      if (taken)
        return TRUE;
    }
  if (bullet)
    return parse_list_item (ps, original, error);
  parse_paragraph (ps, line, original, line_no);
  return TRUE;
}

RocznikYear *
rocznik_report_text_parse (const char *text,
                           gssize      length,
                           const char *filename,
                           GError    **error)
{
  g_autoptr(RocznikYear) year = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  Parser ps = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  display = g_path_get_basename (filename ? filename : "-");
  if (length < 0)
    length = strlen (text);
  if (memchr (text, '\0', length) || !g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: this is not text in UTF-8"), display);
      return NULL;
    }
  copy = g_strndup (text, length);

  year = parse_year (copy, display, error);
  if (year == NULL)
    return NULL;

  ps.p = patterns ();
  ps.year = year;
  ps.display = display;
  ps.notes = notes;
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; ok && lines[i]; i++)
    ok = parse_line (&ps, lines[i], i + 1, error);
  g_free (ps.heading);
  if (!ok)
    return NULL;

  if (year->topics->len == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: found no topics with counts (expected lines such as „• gospodarka odpadami – 70 055,”)"),
                   display);
      return NULL;
    }
  if (notes->len)
    year->notes = g_strdup (notes->str);

  return g_steal_pointer (&year);
}
