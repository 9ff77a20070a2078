/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-import-xlsx.c — XLSX workbooks, streamed
 *
 * libzip opens the package; libxml2's xmlTextReader streams the parts, so a
 * sheet of a million rows is never held in memory. The package is hostile
 * until shown otherwise: sizes and ratios are checked before anything is
 * inflated and counted while it is, DTDs are refused (Excel never writes
 * one: that rules out external entities and billion laughs), and the parser
 * never touches the network or the disk.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "rocznik-error.h"
#include "rocznik-import-private.h"
#include "rocznik-year.h"

#define MAX_TOTAL   (G_GUINT64_CONSTANT (512) * 1024 * 1024)  /* all parts, inflated */
#define MAX_RATIO   200                                         /* inflated / compressed */
#define RATIO_FLOOR (4 * 1024 * 1024)                           /* small parts may be any ratio */

#define SHEET_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* What is kept is bounded, whatever the file claims: at most MAX_STRINGS
 * shared strings, and of any text only its first KEEP_BYTES (more than
 * ROCZNIK_TOPIC_NAME_MAX characters, so a longer name is still refused as
 * too long, never cut to a shorter topic). */
#define MAX_STRINGS (4 * 1024 * 1024)
#define KEEP_BYTES  (4 * ROCZNIK_TOPIC_NAME_MAX + 16)

typedef struct
{
  zip_file_t *file;
  guint64     read;
  guint64     limit;
  gboolean    exceeded;
  gboolean    huge;       /* libxml2 stopped at a text over its 10 MB limit */
} Part;

typedef struct
{
  RocznikRowSource base;
  zip_t            *zip;
  Part              part;
  xmlTextReaderPtr  reader;
  char             *sheet;
  char             *part_name;
  GString          *strings;     /* shared strings, each NUL-terminated */
  GArray           *string_at;   /* guint32 offset of each in strings */
  GHashTable       *shared;      /* shared formula index → TRUE when it totals a column */
  gboolean          date1904;
  GString          *arena;       /* the current row's cell texts */
  GArray           *spans;       /* per cell: offset, length, flags */
  guint64           next_row;
  int               next_col;    /* of a cell without a reference */
  gboolean          root_seen;
  gboolean          done;
  gboolean          dtd;
} Xlsx;

typedef struct
{
  guint offset, len, flags;
} Span;

/* Never load anything from outside the package. */
static xmlParserInputPtr
no_external_entities (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
secure_libxml (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (no_external_entities);
      g_once_init_leave (&once, 1);
    }
}

static int
part_read (void *context,
           char *buffer,
           int   len)
{
  Part *part = context;
  zip_int64_t n = zip_fread (part->file, buffer, len);

  if (n < 0)
    return -1;
  part->read += n;
  if (part->read > part->limit)
    {
      part->exceeded = TRUE;
      return -1;
    }
  return (int) n;
}

static int
part_close (void *context)
{
  return 0;
}

static const int reader_options =
  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

/* Errors are reported by step(); only a text too long to read is told apart. */
static void
silent_errors (void                   *arg,
               const char             *msg,
               xmlParserSeverities     severity,
               xmlTextReaderLocatorPtr locator)
{
  Part *part = arg;

  if (msg && (strstr (msg, "huge") || strstr (msg, "Huge")))
    part->huge = TRUE;
}

/* Opens a part for streaming; NULL with an error when it is missing or
 * bigger than the package allows. */
static xmlTextReaderPtr
open_part (zip_t      *zip,
           const char *name,
           Part       *part,
           guint64    *budget,
           const char *display,
           gboolean    required,
           GError    **error)
{
  zip_int64_t index = zip_name_locate (zip, name, 0);
  zip_stat_t st;
  xmlTextReaderPtr reader;

  if (index < 0)
    {
      if (required)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s: not an Excel workbook (the part %s is missing)"), display, name);
      return NULL;
    }
  zip_stat_init (&st);
  if (zip_stat_index (zip, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > *budget ||
      (st.size > RATIO_FLOOR && (st.valid & ZIP_STAT_COMP_SIZE) && st.size / MAX (st.comp_size, 1) > MAX_RATIO))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the part %s would inflate to more than Rocznik accepts (a zip bomb?)"),
                   display, name);
      return NULL;
    }
  part->file = zip_fopen_index (zip, index, 0);
  if (part->file == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the part %s cannot be read: %s"), display, name, zip_strerror (zip));
      return NULL;
    }
  part->read = 0;
  part->limit = st.size;   /* a part that inflates beyond what it declared is lying */
  part->exceeded = FALSE;
  *budget -= st.size;
  reader = xmlReaderForIO (part_read, part_close, part, name, NULL, reader_options);
  if (reader == NULL)
    {
      zip_fclose (part->file);
      part->file = NULL;
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the part %s cannot be read"), display, name);
      return NULL;
    }
  part->huge = FALSE;
  xmlTextReaderSetErrorHandler (reader, silent_errors, part);
  return reader;
}

static void
close_part (xmlTextReaderPtr reader,
            Part            *part)
{
  if (reader)
    xmlFreeTextReader (reader);
  if (part->file)
    zip_fclose (part->file);
  part->file = NULL;
}

/* One step of a reader; FALSE at the end or on damage (error set). */
static gboolean
step (xmlTextReaderPtr reader,
      Part            *part,
      const char      *display,
      const char      *name,
      gboolean        *failed,
      GError         **error)
{
  int r = xmlTextReaderRead (reader);

  if (r == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the part %s declares a DTD; Excel never writes one, so it is refused"),
                   display, name);
      *failed = TRUE;
      return FALSE;
    }
  if (r == 1)
    return TRUE;
  if (r < 0 || part->exceeded)
    {
      if (part->exceeded)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s: the part %s inflates to more than it declares (a zip bomb?)"), display, name);
      else if (part->huge)
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s: the part %s holds a text of more than 10 MB in one piece; "
                       "no table of calls has one"), display, name);
      else
        g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                     _("file %s: the part %s is damaged (not well-formed XML)"), display, name);
      *failed = TRUE;
    }
  return FALSE;
}

static gboolean
is_element (xmlTextReaderPtr reader,
            const char      *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr reader,
        const char      *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attribute (xmlTextReaderPtr reader,
           const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Appends at most KEEP_BYTES in all, cut at a character boundary. */
static void
append_kept (GString    *out,
             const char *text)
{
  gsize room, len;

  if (out->len >= KEEP_BYTES)
    return;
  room = KEEP_BYTES - out->len;
  len = strlen (text);
  if (len > room)
    {
      len = room;
      while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
        len--;
    }
  g_string_append_len (out, text, len);
}

/* The text of <t> elements up to the end of @until, skipping phonetic runs. */
static gboolean
collect_text (xmlTextReaderPtr reader,
              Part            *part,
              const char      *display,
              const char      *name,
              const char      *until,
              GString         *out,
              GError         **error)
{
  gboolean failed = FALSE;
  int in_t = 0, in_rph = 0;

  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;
  while (step (reader, part, display, name, &failed, error))
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_end (reader, until))
        return TRUE;
      if (is_element (reader, "rPh"))
        in_rph += !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "rPh"))
        in_rph--;
      else if (is_element (reader, "t"))
        in_t += !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t--;
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE) && in_t > 0 && in_rph == 0)
        append_kept (out, (const char *) xmlTextReaderConstValue (reader));
      else if (type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: the part %s uses entities; refused"), display, name);
          return FALSE;
        }
    }
  if (!failed)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("file %s: the part %s is damaged (not well-formed XML)"), display, name);
  return FALSE;
}

static void
add_string (Xlsx       *self,
            const char *text,
            gsize       len)
{
  guint32 at = (guint32) self->strings->len;

  g_array_append_val (self->string_at, at);
  g_string_append_len (self->strings, text, len);
  g_string_append_c (self->strings, '\0');
}

static const char *
get_string (Xlsx    *self,
            guint64  index,
            gsize   *len)
{
  guint32 at, next;

  if (index >= self->string_at->len)
    return NULL;
  at = g_array_index (self->string_at, guint32, index);
  next = index + 1 < self->string_at->len ? g_array_index (self->string_at, guint32, index + 1)
                                          : (guint32) self->strings->len;
  *len = next - at - 1;
  return self->strings->str + at;
}

static gboolean
read_shared_strings (Xlsx     *self,
                     guint64  *budget,
                     GError  **error)
{
  const char *name = "xl/sharedStrings.xml";
  Part part = { 0 };
  xmlTextReaderPtr reader = open_part (self->zip, name, &part, budget, self->base.display, FALSE, error);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean failed = FALSE;

  if (reader == NULL)
    return error == NULL || *error == NULL;
  while (step (reader, &part, self->base.display, name, &failed, error))
    if (is_element (reader, "si"))
      {
        g_string_truncate (text, 0);
        if (!collect_text (reader, &part, self->base.display, name, "si", text, error))
          {
            failed = TRUE;
            break;
          }
        if (self->string_at->len >= MAX_STRINGS)
          {
            g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                         _("file %s: the workbook has more than %d different texts; Rocznik reads at most that many"),
                         self->base.display, MAX_STRINGS);
            failed = TRUE;
            break;
          }
        add_string (self, text->str, text->len);
      }
  close_part (reader, &part);
  return !failed;
}

/* A relationship target → a part name: relative to xl/, or absolute;
 * "." and ".." resolved; NULL when it leaves the package. */
static char *
resolve_target (const char *target)
{
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
  g_auto(GStrv) parts = g_strsplit (joined, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* The sheets in workbook order, and the part of the chosen one. */
static char *
find_sheet (Xlsx        *self,
            const char  *wanted,
            char      ***names_out,
            guint64     *budget,
            GError     **error)
{
  const char *display = self->base.display;
  Part part = { 0 };
  xmlTextReaderPtr reader;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rid = NULL;
  g_autofree char *target = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mode = NULL;
  char *part_name;
  gboolean failed = FALSE;

  reader = open_part (self->zip, "xl/workbook.xml", &part, budget, display, TRUE, error);
  if (reader == NULL)
    return NULL;
  while (step (reader, &part, display, "xl/workbook.xml", &failed, error))
    if (is_element (reader, "workbookPr"))
      {
        /* old Excel for Mac counts days from 1904-01-01 */
        g_autofree char *d1904 = attribute (reader, "date1904");

        self->date1904 = d1904 && (strcmp (d1904, "1") == 0 || g_ascii_strcasecmp (d1904, "true") == 0);
      }
    else if (is_element (reader, "sheet"))
      {
        char *name = attribute (reader, "name");
        xmlChar *id = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id", (const xmlChar *) REL_NS);
        if (name && id)
          {
            g_ptr_array_add (names, name);
            g_ptr_array_add (ids, g_strdup ((const char *) id));
          }
        else
          g_free (name);
        xmlFree (id);
      }
  close_part (reader, &part);
  if (failed)
    return NULL;
  if (names->len == 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the workbook has no sheets"), display);
      return NULL;
    }
  for (guint i = 0; i < names->len && rid == NULL; i++)
    if (wanted == NULL || strcmp (wanted, g_ptr_array_index (names, i)) == 0)
      {
        rid = g_strdup (g_ptr_array_index (ids, i));
        self->sheet = g_strdup (g_ptr_array_index (names, i));
      }
  g_ptr_array_add (names, NULL);
  if (rid == NULL)
    {
      g_autofree char *list = g_strjoinv ("”, „", (char **) names->pdata);
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: there is no sheet „%s” (the sheets are „%s”)"), display, wanted, list);
      return NULL;
    }
  *names_out = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  reader = open_part (self->zip, "xl/_rels/workbook.xml.rels", &part, budget, display, TRUE, error);
  if (reader == NULL)
    return NULL;
  while (step (reader, &part, display, "xl/_rels/workbook.xml.rels", &failed, error))
    if (is_element (reader, "Relationship") && target == NULL)
      {
        g_autofree char *id = attribute (reader, "Id");
        if (id && strcmp (id, rid) == 0)
          {
            target = attribute (reader, "Target");
            type = attribute (reader, "Type");
            mode = attribute (reader, "TargetMode");
          }
      }
  close_part (reader, &part);
  if (failed)
    return NULL;
  if (target == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: not an Excel workbook (the sheet „%s” has no part)"), display, self->sheet);
      return NULL;
    }
  if ((mode && g_ascii_strcasecmp (mode, "External") == 0) || type == NULL ||
      !g_str_has_suffix (type, "/worksheet"))
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the sheet „%s” is not a table of cells (it points to %s); choose another sheet"),
                   display, self->sheet, target);
      return NULL;
    }
  part_name = resolve_target (target);
  if (part_name == NULL || zip_name_locate (self->zip, part_name, 0) < 0)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the sheet „%s” points to the part %s, which the file does not contain; "
                     "the workbook is damaged"), display, self->sheet, part_name ? part_name : target);
      g_free (part_name);
      return NULL;
    }
  return part_name;
}

/* Stores a cell of the current row; blank cells (Excel writes styled ones
 * as far right as column XFD) take no room. */
static void
put_cell (Xlsx       *self,
          int         column,
          const char *text,
          gsize       len,
          guint       flags)
{
  Span span = { (guint) self->arena->len, (guint) len, flags };
  Span empty = { 0, 0, 0 };

  if (column < 0)
    column = self->next_col;
  self->next_col = column + 1;
  if ((guint) column < self->spans->len)
    return;   /* out of order: keep the first */
  if (len == 0 && flags == 0)
    return;
  while (self->spans->len < (guint) column)
    g_array_append_val (self->spans, empty);
  g_string_append_len (self->arena, text, len);
  g_array_append_val (self->spans, span);
}

/* Numbers as Excel stores them ("70055", "1.5E6", "70055.000000001") →
 * plain integers when they are whole counts; anything else (negative,
 * fractional, 1E+19, NaN, INF) keeps its text, so that it is refused,
 * naming the cell, if it is ever read as a count. No cast before the range
 * is known. */
static void
put_number (Xlsx       *self,
            int         column,
            const char *value,
            guint       flags)
{
  char *end = NULL;
  double v = g_ascii_strtod (value, &end);
  char buf[64];

  flags |= ROCZNIK_CELL_NUMBER | (self->date1904 ? ROCZNIK_CELL_DATE1904 : 0);
  if (end != value && *end == '\0' && v >= 0 && v <= (double) ROCZNIK_MAX_COUNT &&
      v == (double) (gint64) v)
    {
      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, (gint64) v);
      put_cell (self, column, buf, strlen (buf), flags);
    }
  else if (end != value && *end == '\0' && v > (double) ROCZNIK_MAX_COUNT && v < 1e30)
    {
      /* beyond any count: say so in digits */
      g_snprintf (buf, sizeof buf, "%.0f", v);
      put_cell (self, column, buf, strlen (buf), flags);
    }
  else
    put_cell (self, column, value, strlen (value), flags);
}

/* Whether a formula totals its column; a shared formula's followers
 * (<f t="shared" si="0"/>) are copies of the first, shifted. */
static gboolean
formula_totals (Xlsx       *self,
                const char *text,
                const char *shared,
                int         column,
                guint64     row)
{
  gboolean totals;
  guint64 si;

  if (shared == NULL)
    return rocznik_xlsx_totals_column (text, column, row);
  si = g_ascii_strtoull (shared, NULL, 10);
  if (text[0] == '\0')
    return GPOINTER_TO_INT (g_hash_table_lookup (self->shared, GSIZE_TO_POINTER (si)));
  totals = rocznik_xlsx_totals_column (text, column, row);
  if (g_hash_table_size (self->shared) < MAX_STRINGS)
    g_hash_table_insert (self->shared, GSIZE_TO_POINTER (si), GINT_TO_POINTER (totals));
  return totals;
}

/* The inside of a <c>: its value, formula and inline string. */
static gboolean
read_cell_content (Xlsx     *self,
                   GString  *value,
                   GString  *formula,
                   char    **shared,
                   gboolean *has_formula,
                   gboolean *has_value,
                   GError  **error)
{
  const char *display = self->base.display;
  gboolean failed = FALSE;
  GString *into = NULL;

  if (xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;
  while (step (self->reader, &self->part, display, self->part_name, &failed, error))
    {
      int node = xmlTextReaderNodeType (self->reader);

      if (is_end (self->reader, "c"))
        return TRUE;
      if (is_element (self->reader, "v"))
        {
          into = value;
          *has_value = TRUE;
        }
      else if (is_element (self->reader, "f"))
        {
          g_autofree char *t = attribute (self->reader, "t");

          into = formula;
          *has_formula = TRUE;
          if (t && strcmp (t, "shared") == 0 && *shared == NULL)
            *shared = attribute (self->reader, "si");
        }
      else if (is_element (self->reader, "is"))
        {
          *has_value = TRUE;
          if (!collect_text (self->reader, &self->part, display, self->part_name, "is", value, error))
            return FALSE;
        }
      else if (node == XML_READER_TYPE_END_ELEMENT)
        into = NULL;
      else if ((node == XML_READER_TYPE_TEXT || node == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && into)
        append_kept (into, (const char *) xmlTextReaderConstValue (self->reader));
      else if (node == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s: the part %s uses entities; refused"), display, self->part_name);
          return FALSE;
        }
    }
  if (!failed)
    g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                 _("file %s: the part %s is damaged (not well-formed XML)"), display, self->part_name);
  return FALSE;
}

/* One <c>: its type, formula, value or inline string. */
static gboolean
read_cell (Xlsx     *self,
           GError  **error)
{
  g_autofree char *type = attribute (self->reader, "t");
  g_autofree char *ref = attribute (self->reader, "r");
  g_autofree char *shared = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) formula = g_string_new (NULL);
  guint64 row = self->base.line;
  int column = rocznik_xlsx_column_of (ref, &row);
  gboolean has_formula = FALSE, has_value = FALSE;
  guint flags = 0;

  if (!read_cell_content (self, value, formula, &shared, &has_formula, &has_value, error))
    return FALSE;
  if (column < 0)
    column = self->next_col;
  if (has_formula && formula_totals (self, formula->str, shared, column, row))
    flags |= ROCZNIK_CELL_SUM;
  if (!has_value)
    {
      /* a formula saved without its value (openpyxl does so) is no count */
      put_cell (self, column, "", 0, flags | (has_formula ? ROCZNIK_CELL_UNCACHED : 0));
      return TRUE;
    }

  if (type && strcmp (type, "s") == 0)
    {
      gsize len = 0;
      const char *end = NULL;
      guint64 index = g_ascii_strtoull (value->str, (char **) &end, 10);
      const char *s = (end != value->str && *end == '\0') ? get_string (self, index, &len) : NULL;

      if (s == NULL)
        {
          g_autofree char *letters = rocznik_column_letters (column);
          g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                       _("file %s, sheet %s, cell %s%" PRIu64 ": refers to a missing shared string"),
                       self->base.display, self->sheet, letters, self->base.line);
          return FALSE;
        }
      put_cell (self, column, s, len, flags);
    }
  else if (type == NULL || strcmp (type, "n") == 0)
    put_number (self, column, value->str, flags);
  else
    put_cell (self, column, value->str, value->len, flags);   /* str, inlineStr, b, e */
  return TRUE;
}

static gboolean
xlsx_next (RocznikRowSource *source,
           GError          **error)
{
  Xlsx *self = (Xlsx *) source;
  gboolean failed = FALSE;

  g_array_set_size (source->cells, 0);
  if (self->done)
    return FALSE;
  while (step (self->reader, &self->part, source->display, self->part_name, &failed, error))
    {
      g_autofree char *r = NULL;

      if (!self->root_seen && xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT)
        {
          self->root_seen = TRUE;
          if (!is_element (self->reader, "worksheet"))
            {
              g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                           _("file %s: the sheet „%s” points to the part %s, which is not a worksheet; "
                             "the workbook is damaged"), source->display, self->sheet, self->part_name);
              self->done = TRUE;
              return FALSE;
            }
        }
      if (!is_element (self->reader, "row"))
        continue;
      r = attribute (self->reader, "r");
      source->line = r ? g_ascii_strtoull (r, NULL, 10) : self->next_row;
      if (source->line < self->next_row)
        source->line = self->next_row;
      self->next_row = source->line + 1;
      g_string_truncate (self->arena, 0);
      g_array_set_size (self->spans, 0);
      self->next_col = 0;
      if (!xmlTextReaderIsEmptyElement (self->reader))
        while (step (self->reader, &self->part, source->display, self->part_name, &failed, error))
          {
            if (is_end (self->reader, "row"))
              break;
            if (is_element (self->reader, "c") && !read_cell (self, error))
              {
                self->done = TRUE;
                return FALSE;
              }
          }
      if (failed)
        break;
      for (guint i = 0; i < self->spans->len && (source->max_cells == 0 || i < source->max_cells); i++)
        {
          Span *span = &g_array_index (self->spans, Span, i);
          RocznikCell cell = { self->arena->str + span->offset, span->len, span->flags };

          g_array_append_val (source->cells, cell);
        }
      source->bytes_done = self->part.read;
      return TRUE;
    }
  self->done = TRUE;
  return FALSE;
}

static char *
xlsx_where (RocznikRowSource *source,
            int               column)
{
  Xlsx *self = (Xlsx *) source;
  g_autofree char *letters = NULL;

  if (column < 0)
    return g_strdup_printf (_("file %s, sheet %s, row %" PRIu64), source->display, self->sheet, source->line);
  letters = rocznik_column_letters (column);
  return g_strdup_printf (_("file %s, sheet %s, cell %s%" PRIu64), source->display, self->sheet,
                          letters, source->line);
}

static void
xlsx_free (RocznikRowSource *source)
{
  Xlsx *self = (Xlsx *) source;

  close_part (self->reader, &self->part);
  if (self->zip)
    zip_discard (self->zip);
  g_free (self->sheet);
  g_free (self->part_name);
  g_string_free (self->strings, TRUE);
  g_array_unref (self->string_at);
  g_hash_table_unref (self->shared);
  g_string_free (self->arena, TRUE);
  g_array_unref (self->spans);
  rocznik_row_source_clear (source);
  g_free (self);
}

RocznikRowSource *
rocznik_xlsx_source_new (const char  *path,
                         const char  *sheet,
                         char      ***sheets,
                         char       **chosen,
                         GError     **error)
{
  Xlsx *self = g_new0 (Xlsx, 1);
  RocznikRowSource *source = &self->base;
  char *part_name;
  guint64 budget = MAX_TOTAL;
  int zerr = 0;

  secure_libxml ();
  rocznik_row_source_init (source, path);
  source->next = xlsx_next;
  source->where = xlsx_where;
  source->free = xlsx_free;
  self->strings = g_string_new (NULL);
  self->string_at = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->shared = g_hash_table_new (NULL, NULL);
  self->arena = g_string_sized_new (256);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->next_row = 1;

  self->zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (self->zip == NULL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: not an XLSX workbook (not a readable zip archive)"), source->display);
      xlsx_free (source);
      return NULL;
    }
  for (zip_int64_t i = 0, n = zip_get_num_entries (self->zip, 0); i < n; i++)
    {
      zip_stat_t st;

      zip_stat_init (&st);
      if (zip_stat_index (self->zip, i, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
        source->bytes_total += st.size;
    }
  if (source->bytes_total > MAX_TOTAL)
    {
      g_set_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA,
                   _("file %s: the workbook would inflate to more than 512 MB (a zip bomb?)"), source->display);
      xlsx_free (source);
      return NULL;
    }

  part_name = self->part_name = find_sheet (self, sheet, sheets, &budget, error);
  if (part_name == NULL || !read_shared_strings (self, &budget, error))
    {
      xlsx_free (source);
      return NULL;
    }
  self->reader = open_part (self->zip, part_name, &self->part, &budget, source->display, TRUE, error);
  if (self->reader == NULL)
    {
      xlsx_free (source);
      return NULL;
    }
  source->bytes_total = self->part.limit;
  *chosen = g_strdup (self->sheet);
  return source;
}
