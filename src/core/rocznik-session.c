/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-session.c — what the window shows, as properties widgets bind to
 *
 * One object holds the year shown, the comparison year, the chart's type
 * and texts and the selected topics; the window's controls bind to its
 * properties and redraw on their notifications. Each setter applies the
 * rules between them (a year is not compared with itself; the chart type
 * follows the comparison until the user picks one; a chart's texts belong
 * to one year and one chart type), and notifies only on change.
 */

#include "config.h"

#include "rocznik-comparison.h"
#include "rocznik-session.h"
#include "rocznik-table.h"

struct _RocznikSession
{
  GObject           parent_instance;

  RocznikWorkspace *workspace;   /* not owned: the application's */
  RocznikHistory   *history;     /* undo and redo of this session's edits */
  GPtrArray        *years;       /* RocznikYear*, ascending */
  GPtrArray        *categories;  /* RocznikCategory* */
  int               year;
  GArray           *comparable;  /* rocznik_comparison_years() of year, or NULL */
  int               comparison_year;
  RocznikChartType  chart_type;
  gboolean          chart_type_chosen;  /* else it follows the comparison */
  RocznikCompareBy  compare_by;
  GStrv             selected;
  GHashTable       *texts;       /* "year/type/field" → text */
};

G_DEFINE_FINAL_TYPE (RocznikSession, rocznik_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_YEAR,
  PROP_COMPARISON_YEAR,
  PROP_CHART_TYPE,
  PROP_COMPARE_BY,
  PROP_SELECTED_TOPICS,
  N_PROPS
};

enum
{
  YEARS_CHANGED,
  CHART_TEXTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* helpers */

static char *
text_key (RocznikSession   *self,
          RocznikChartText  field)
{
  return g_strdup_printf ("%d/%d/%d", self->year, self->chart_type, field);
}

static void
update_chart_type (RocznikSession *self)
{
  RocznikChartType type;

  if (self->chart_type_chosen)
    return;
  type = self->comparison_year ? ROCZNIK_CHART_YOY : ROCZNIK_CHART_RANKING;
  if (type == self->chart_type)
    return;
  self->chart_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_TYPE]);
  g_signal_emit (self, signals[CHART_TEXTS_CHANGED], 0);
}

/* callbacks */

static gboolean
workspace_changed_idle (gpointer data)
{
  g_autoptr(GError) error = NULL;

  /* A failed reload keeps the years shown; the next edit will say why. */
  if (!rocznik_session_reload (data, &error))
    g_warning ("%s", error->message);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed_cb (RocznikWorkspace *workspace,
                      gpointer          user_data)
{
  /* Runs at once on the main thread; a worker thread's import is handed over. */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, workspace_changed_idle,
                              g_object_ref (user_data), g_object_unref);
}

/* GObject overrides */

static void
rocznik_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RocznikSession *self = ROCZNIK_SESSION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_COMPARISON_YEAR:
      g_value_set_int (value, self->comparison_year);
      break;
    case PROP_CHART_TYPE:
      g_value_set_int (value, self->chart_type);
      break;
    case PROP_COMPARE_BY:
      g_value_set_int (value, self->compare_by);
      break;
    case PROP_SELECTED_TOPICS:
      g_value_set_boxed (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RocznikSession *self = ROCZNIK_SESSION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      rocznik_session_set_year (self, g_value_get_int (value));
      break;
    case PROP_COMPARISON_YEAR:
      rocznik_session_set_comparison_year (self, g_value_get_int (value));
      break;
    case PROP_CHART_TYPE:
      rocznik_session_set_chart_type (self, g_value_get_int (value));
      break;
    case PROP_COMPARE_BY:
      rocznik_session_set_compare_by (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_TOPICS:
      rocznik_session_set_selected_topics (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_session_dispose (GObject *object)
{
  RocznikSession *self = ROCZNIK_SESSION (object);

  if (self->workspace)
    rocznik_workspace_set_changed_func (self->workspace, NULL, NULL);
  self->workspace = NULL;
  g_clear_object (&self->history);
  G_OBJECT_CLASS (rocznik_session_parent_class)->dispose (object);
}

static void
rocznik_session_finalize (GObject *object)
{
  RocznikSession *self = ROCZNIK_SESSION (object);

  g_clear_pointer (&self->years, g_ptr_array_unref);
  g_clear_pointer (&self->comparable, g_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_strfreev);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  G_OBJECT_CLASS (rocznik_session_parent_class)->finalize (object);
}

static void
rocznik_session_class_init (RocznikSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = rocznik_session_get_property;
  object_class->set_property = rocznik_session_set_property;
  object_class->dispose = rocznik_session_dispose;
  object_class->finalize = rocznik_session_finalize;

  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_COMPARISON_YEAR] = g_param_spec_int ("comparison-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_CHART_TYPE] = g_param_spec_int ("chart-type", NULL, NULL, ROCZNIK_CHART_RANKING,
                                                  ROCZNIK_CHART_DURATION, ROCZNIK_CHART_RANKING, flags);
  properties[PROP_COMPARE_BY] = g_param_spec_int ("compare-by", NULL, NULL, ROCZNIK_COMPARE_BY_TOPICS,
                                                  ROCZNIK_COMPARE_BY_CATEGORIES, ROCZNIK_COMPARE_BY_TOPICS, flags);
  properties[PROP_SELECTED_TOPICS] = g_param_spec_boxed ("selected-topics", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The workspace's years were read again (an import, an edit, an undo). */
  signals[YEARS_CHANGED] = g_signal_new ("years-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The texts of the chart shown changed: edited, or another year or type. */
  signals[CHART_TEXTS_CHANGED] = g_signal_new ("chart-texts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rocznik_session_init (RocznikSession *self)
{
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->selected = g_new0 (char *, 1);
}

/* public API */

RocznikSession *
rocznik_session_new (void)
{
  return g_object_new (ROCZNIK_TYPE_SESSION, NULL);
}

/* @workspace must outlive the session; its changes reload the session. */
void
rocznik_session_set_workspace (RocznikSession   *self,
                               RocznikWorkspace *workspace)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));
  g_return_if_fail (self->workspace == NULL);

  self->workspace = workspace;
  if (workspace == NULL)
    return;
  self->history = rocznik_history_new (workspace, ROCZNIK_HISTORY_DEFAULT_LIMIT);
  rocznik_workspace_set_changed_func (workspace, workspace_changed_cb, self);
}

/* The edits made in this session, to undo and redo; NULL without a workspace. */
RocznikHistory *
rocznik_session_get_history (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return self->history;
}

RocznikWorkspace *
rocznik_session_get_workspace (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return self->workspace;
}

/* Reads the years again; the year shown stays when it is still stored,
 * else the default year is shown. */
gboolean
rocznik_session_reload (RocznikSession  *self,
                        GError         **error)
{
  GPtrArray *years;
  int year;

  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), FALSE);

  if (self->workspace == NULL)
    return TRUE;
  years = rocznik_workspace_load_all (self->workspace, error);
  if (years == NULL)
    return FALSE;
  g_clear_pointer (&self->years, g_ptr_array_unref);
  g_clear_pointer (&self->comparable, g_array_unref);
  self->years = years;
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = rocznik_workspace_list_categories (self->workspace);
  /* The year and comparison are right before anyone hears of the new
   * years, so no control ever shows a year that is not there. */
  year = self->year;
  if (year == 0 || rocznik_years_find (years, year) == NULL)
    year = rocznik_years_default (years);
  rocznik_session_set_year (self, year);
  rocznik_session_set_comparison_year (self, self->comparison_year);
  g_signal_emit (self, signals[YEARS_CHANGED], 0);
  return TRUE;
}

/* RocznikYear*, ascending; NULL before the first reload. */
GPtrArray *
rocznik_session_get_years (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return self->years;
}

/* RocznikCategory*, as stored; NULL before the first reload. */
GPtrArray *
rocznik_session_get_categories (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return self->categories;
}

/* The year shown, or NULL. */
const RocznikYear *
rocznik_session_get_current (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return self->years && self->year ? rocznik_years_find (self->years, self->year) : NULL;
}

int
rocznik_session_get_year (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), 0);
  return self->year;
}

/* @year: a stored year; another one shows none (0). The comparison year
 * is dropped when it becomes the year shown. */
void
rocznik_session_set_year (RocznikSession *self,
                          int             year)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));

  if (self->years && rocznik_years_find (self->years, year) == NULL)
    year = 0;
  if (year == self->year)
    return;
  self->year = year;
  g_clear_pointer (&self->comparable, g_array_unref);
  /* The comparison goes when it is this year or does not compare with it. */
  if (self->years && self->comparison_year != 0 && !rocznik_session_can_compare (self, self->comparison_year))
    rocznik_session_set_comparison_year (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_signal_emit (self, signals[CHART_TEXTS_CHANGED], 0);
}

/* 0 when nothing is compared. */
int
rocznik_session_get_comparison_year (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), 0);
  return self->comparison_year;
}

/* @year: 0 for none; a year that cannot be compared (see
 * rocznik_session_can_compare()) is none too. */
void
rocznik_session_set_comparison_year (RocznikSession *self,
                                     int             year)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));

  if (year != 0 && self->years && !rocznik_session_can_compare (self, year))
    year = 0;
  if (year != self->comparison_year)
    {
      self->comparison_year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON_YEAR]);
    }
  update_chart_type (self);
}

/* Whether @year can be compared with the year shown: the core's rule
 * (a topic in common, or a declared total in both). */
gboolean
rocznik_session_can_compare (RocznikSession *self,
                             int             year)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), FALSE);

  if (self->years == NULL || self->year == 0 || year == self->year)
    return FALSE;
  /* asked once per year in the menu: found once per year shown */
  if (self->comparable == NULL)
    self->comparable = rocznik_comparison_years (self->years, self->year);
  for (guint i = 0; i < self->comparable->len; i++)
    if (g_array_index (self->comparable, int, i) == year)
      return TRUE;
  return FALSE;
}

RocznikChartType
rocznik_session_get_chart_type (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), ROCZNIK_CHART_RANKING);
  return self->chart_type;
}

/* A chart type set here stays; until then it follows the comparison. */
void
rocznik_session_set_chart_type (RocznikSession   *self,
                                RocznikChartType  type)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));
  g_return_if_fail (type <= ROCZNIK_CHART_DURATION);

  self->chart_type_chosen = TRUE;
  if (type == self->chart_type)
    return;
  self->chart_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_TYPE]);
  g_signal_emit (self, signals[CHART_TEXTS_CHANGED], 0);
}

RocznikCompareBy
rocznik_session_get_compare_by (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), ROCZNIK_COMPARE_BY_TOPICS);
  return self->compare_by;
}

void
rocznik_session_set_compare_by (RocznikSession   *self,
                                RocznikCompareBy  by)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));
  g_return_if_fail (by <= ROCZNIK_COMPARE_BY_CATEGORIES);

  if (by == self->compare_by)
    return;
  self->compare_by = by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_BY]);
}

/* The keys of the topics selected in the table, in the table's order. */
const char *const *
rocznik_session_get_selected_topics (RocznikSession *self)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  return (const char *const *) self->selected;
}

void
rocznik_session_set_selected_topics (RocznikSession    *self,
                                     const char *const *keys)
{
  const char *const none[] = { NULL };

  g_return_if_fail (ROCZNIK_IS_SESSION (self));

  if (keys == NULL)
    keys = none;
  if (g_strv_equal ((const char *const *) self->selected, keys))
    return;
  g_strfreev (self->selected);
  self->selected = g_strdupv ((char **) keys);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TOPICS]);
}

/* The category named @name, as last read; NULL when there is none. */
const RocznikCategory *
rocznik_session_find_category (RocznikSession *self,
                               const char     *name)
{
  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; self->categories && i < self->categories->len; i++)
    {
      const RocznikCategory *c = g_ptr_array_index (self->categories, i);

      if (g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

/* The text written for the chart shown (this year, this chart type); NULL
 * when the renderer's own is used. */
const char *
rocznik_session_get_chart_text (RocznikSession   *self,
                                RocznikChartText  field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ROCZNIK_IS_SESSION (self), NULL);
  g_return_val_if_fail ((guint) field < ROCZNIK_CHART_N_TEXTS, NULL);

  key = text_key (self, field);
  return g_hash_table_lookup (self->texts, key);
}

/* @text: NULL or "" for the renderer's own; kept for this year and chart
 * type only, so another year never shows this one's title. */
void
rocznik_session_set_chart_text (RocznikSession   *self,
                                RocznikChartText  field,
                                const char       *text)
{
  g_return_if_fail (ROCZNIK_IS_SESSION (self));
  g_return_if_fail ((guint) field < ROCZNIK_CHART_N_TEXTS);

  if (text && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, rocznik_session_get_chart_text (self, field)) == 0)
    return;
  if (text)
    g_hash_table_replace (self->texts, text_key (self, field), g_strdup (text));
  else
    {
      g_autofree char *key = text_key (self, field);
      g_hash_table_remove (self->texts, key);
    }
  g_signal_emit (self, signals[CHART_TEXTS_CHANGED], 0);
}
