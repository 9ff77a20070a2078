/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year-item.c — one stored year as the header's year menus list it
 *
 * The menus' models change in place (a year added or removed, a label
 * updated), never rebuilt, so a dropdown keeps its selection through an
 * import or an edit.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rocznik-format.h"
#include "rocznik-table.h"
#include "rocznik-year-item.h"

struct _RocznikYearItem
{
  GObject   parent_instance;

  int       year;
  char     *label;          /* "2018" */
  char     *compare_label;  /* "vs 2018", or "No Comparison" for year 0 */
  char     *description;    /* "17 topics", "only the total: ponad 586 tys." */
  gboolean  comparable;
};

G_DEFINE_FINAL_TYPE (RocznikYearItem, rocznik_year_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_YEAR,
  PROP_LABEL,
  PROP_COMPARE_LABEL,
  PROP_DESCRIPTION,
  PROP_COMPARABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rocznik_year_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RocznikYearItem *self = ROCZNIK_YEAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COMPARE_LABEL:
      g_value_set_string (value, self->compare_label);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COMPARABLE:
      g_value_set_boolean (value, self->comparable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rocznik_year_item_finalize (GObject *object)
{
  RocznikYearItem *self = ROCZNIK_YEAR_ITEM (object);

  g_free (self->label);
  g_free (self->compare_label);
  g_free (self->description);
  G_OBJECT_CLASS (rocznik_year_item_parent_class)->finalize (object);
}

static void
rocznik_year_item_class_init (RocznikYearItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = rocznik_year_item_get_property;
  object_class->finalize = rocznik_year_item_finalize;

  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_COMPARE_LABEL] = g_param_spec_string ("compare-label", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_COMPARABLE] = g_param_spec_boolean ("comparable", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rocznik_year_item_init (RocznikYearItem *self)
{
  self->comparable = TRUE;
}

static void
set_string (RocznikYearItem *self,
            char           **field,
            char            *value,
            guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* @year: 0 for the "no comparison" entry. */
RocznikYearItem *
rocznik_year_item_new (int year)
{
  RocznikYearItem *self = g_object_new (ROCZNIK_TYPE_YEAR_ITEM, NULL);

  self->year = year;
  if (year == 0)
    {
      self->label = g_strdup (_("No Comparison"));
      self->compare_label = g_strdup (_("No Comparison"));
      self->description = g_strdup (_("Show one year only"));
    }
  else
    {
      self->label = g_strdup_printf ("%d", year);
      /* Translators: the comparison year in the header bar, "vs 2017" */
      self->compare_label = g_strdup_printf (_("vs %d"), year);
    }
  return self;
}

int
rocznik_year_item_get_year (RocznikYearItem *self)
{
  g_return_val_if_fail (ROCZNIK_IS_YEAR_ITEM (self), 0);
  return self->year;
}

/* Says what the year holds: its topics, or only its declared total. */
void
rocznik_year_item_update (RocznikYearItem   *self,
                          const RocznikYear *year)
{
  char *description;

  g_return_if_fail (ROCZNIK_IS_YEAR_ITEM (self));
  g_return_if_fail (year != NULL);

  if (year->topics->len > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", year->topics->len),
                                   year->topics->len);
  else if (year->declared_total != ROCZNIK_NO_TOTAL)
    {
      g_autofree char *total = rocznik_format_short (year->declared_total, year->declared_more_than);
      /* Translators: a year in the year menu that has no topics, "only the total: ponad 586 tys." */
      description = g_strdup_printf (_("only the total: %s"), total);
    }
  else
    description = g_strdup (_("no topics"));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

void
rocznik_year_item_set_comparable (RocznikYearItem *self,
                                  gboolean         comparable)
{
  g_return_if_fail (ROCZNIK_IS_YEAR_ITEM (self));

  comparable = !!comparable;
  if (comparable == self->comparable)
    return;
  self->comparable = comparable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARABLE]);
}

/* The position of @year among @items, or GTK_INVALID_LIST_POSITION. */
guint
rocznik_year_items_find (GListModel *items,
                         int         year)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RocznikYearItem) item = g_list_model_get_item (items, i);
      if (item->year == year)
        return i;
    }
  return G_MAXUINT;
}

static void
insert_year (GListStore        *items,
             const RocznikYear *year)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));
  guint i = 0;
  g_autoptr(RocznikYearItem) added = NULL;

  for (; i < n; i++)
    {
      g_autoptr(RocznikYearItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (item->year == year->year)
        {
          rocznik_year_item_update (item, year);
          return;
        }
      if (item->year > year->year)
        break;
    }
  added = rocznik_year_item_new (year->year);
  rocznik_year_item_update (added, year);
  g_list_store_insert (items, i, added);
}

/* Adds the years of @years (ascending) that @items lacks and updates the
 * others, @first first: a dropdown selects the first item of an empty
 * list, and that must be the year shown. Nothing is removed, so a
 * dropdown's selection stays; see rocznik_year_items_prune(). */
void
rocznik_year_items_add (GListStore *items,
                        GPtrArray  *years,
                        int         first)
{
  const RocznikYear *y = years ? rocznik_years_find (years, first) : NULL;

  if (y)
    insert_year (items, y);
  for (guint i = 0; years && i < years->len; i++)
    insert_year (items, g_ptr_array_index (years, i));
}

/* Removes the items of years no longer in @years. */
void
rocznik_year_items_prune (GListStore *items,
                          GPtrArray  *years)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (items)); i-- > 0;)
    {
      g_autoptr(RocznikYearItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (years == NULL || rocznik_years_find (years, item->year) == NULL)
        g_list_store_remove (items, i);
    }
}

/* A menu row: the year, what it holds underneath; in the comparison menu a
 * year that cannot be compared is shown but cannot be chosen. */
static void
row_refresh (GtkListItem *list_item,
             gboolean     compare)
{
  RocznikYearItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean choosable = !compare || item->comparable;

  GtkWidget *row = gtk_widget_get_parent (box);
  g_autofree char *name = g_strdup_printf ("%s, %s", item->label, item->description ? item->description : "");

  gtk_label_set_text (GTK_LABEL (title), item->label);
  gtk_label_set_text (GTK_LABEL (subtitle), item->description ? item->description : "");
  /* The popup's row is read as the year and what it holds, not its type. */
  if (row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (box, choosable);
  gtk_list_item_set_activatable (list_item, choosable);
  gtk_list_item_set_selectable (list_item, choosable);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
year_row_changed_cb (GtkListItem *list_item)
{
  row_refresh (list_item, FALSE);
}

static void
compare_row_changed_cb (GtkListItem *list_item)
{
  row_refresh (list_item, TRUE);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  compare)
{
  GCallback changed = compare ? G_CALLBACK (compare_row_changed_cb) : G_CALLBACK (year_row_changed_cb);

  row_refresh (list_item, GPOINTER_TO_INT (compare));
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify", changed, list_item, G_CONNECT_SWAPPED);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  compare)
{
  GCallback changed = compare ? G_CALLBACK (compare_row_changed_cb) : G_CALLBACK (year_row_changed_cb);

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), changed, list_item);
}

/* The rows of a year menu; @compare: the comparison menu's. */
GtkListItemFactory *
rocznik_year_item_factory_new (gboolean compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), GINT_TO_POINTER (compare));
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), GINT_TO_POINTER (compare));
  return factory;
}
