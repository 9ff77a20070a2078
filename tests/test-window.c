/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window, driven like a user would through its actions, under Xvfb.
 *
 * Each test asserts on the rows the table shows and saves a screenshot of
 * the state into ROCZNIK_SCREENSHOT_DIR (the test's output directory).
 * Waiting is always "iterate the main loop until the state is reached",
 * bounded by a deadline that fails the test, never a sleep.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rocznik-application.h"
#include "rocznik-chart-choice.h"
#include "rocznik-chart-preset.h"
#include "rocznik-chart-view.h"
#include "rocznik-error.h"
#include "rocznik-format.h"
#include "rocznik-print.h"
#include "rocznik-report.h"
#include "rocznik-topic-row.h"
#include "rocznik-window.h"
#include "rocznik-year-item.h"

#define DEADLINE_US (20 * G_USEC_PER_SEC)

static RocznikApplication *app;
static RocznikWindow *window;
static char *tmpdir;
static char *shots;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (Condition   condition,
               gpointer    data,
               const char *what)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;
  /* A periodic wake-up keeps the loop from blocking forever on a state
   * that never comes, so the deadline can fail the test. */
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/* Runs what is pending; a handler that keeps queueing work fails here. */
static void
drain (void)
{
  guint n = 0;

  while (g_main_context_pending (NULL))
    {
      g_assert_cmpuint (++n, <, 10000);
      g_main_context_iteration (NULL, FALSE);
    }
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget);

/* The first widget in @widget's tree that @match accepts. */
static GtkWidget *
find_widget (GtkWidget   *widget,
             WidgetMatch  match)
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  guint frames;
  guint wanted;
} Frames;

static gboolean
enough_frames (gpointer data)
{
  Frames *f = data;
  return f->frames >= f->wanted;
}

/* A tick callback keeps frames coming; after three the layout is done and
 * drawn. Transitions (libadwaita animates by frame clock time) want more. */
static guint frames_wanted = 3;

static void
wait_for_paint (void)
{
  Frames f = { 0, frames_wanted };
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &f.frames, NULL);

  iterate_until (enough_frames, &f, "the window to be drawn");
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
}

static void
screenshot_widget (GtkWidget  *widget,
                   const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  wait_for_paint ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (shots, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
screenshot (const char *name)
{
  screenshot_widget (GTK_WIDGET (window), name);
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (rocznik_window_get_topic_model (window));
}

static RocznikTopicRow *
row_at (guint i)
{
  g_autoptr(RocznikTopicRow) row = g_list_model_get_item (rocznik_window_get_topic_model (window), i);

  g_assert_nonnull (row);
  return row;   /* the model keeps it */
}

static guint
n_topic_rows (void)
{
  guint n = 0;

  for (guint i = 0; i < n_rows (); i++)
    if (rocznik_topic_row_get_kind (row_at (i)) == ROCZNIK_ROW_TOPIC)
      n++;
  return n;
}

static void
activate (const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

static void
assert_footer (gboolean remainder)
{
  guint n = n_rows ();
  RocznikTopicRow *last;

  /* The like-for-like comparison row, when the years' topics differ, comes last. */
  while (n > 0 && (rocznik_topic_row_get_kind (row_at (n - 1)) == ROCZNIK_ROW_COMMON
                   || rocznik_topic_row_get_kind (row_at (n - 1)) == ROCZNIK_ROW_DECLARED))
    n--;
  last = row_at (n - 1);
  if (remainder)
    {
      g_assert_cmpint (rocznik_topic_row_get_kind (row_at (n - 2)), ==, ROCZNIK_ROW_TOTAL);
      g_assert_cmpint (rocznik_topic_row_get_kind (last), ==, ROCZNIK_ROW_REMAINDER);
    }
  else
    g_assert_cmpint (rocznik_topic_row_get_kind (last), ==, ROCZNIK_ROW_TOTAL);
}

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

/* The first start on a new workspace: the 2018 sample. */
static void
test_sample (void)
{
  RocznikTopicRow *first;
  const RocznikTable *table;

  iterate_until (window_ready, NULL, "the window to map");
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2018);
  g_assert_cmpint (rocznik_window_get_compare_year (window), ==, 0);
  g_assert_cmpstr (rocznik_window_get_page (window), ==, "table");
  g_assert_true (rocznik_window_get_sample_shown (window));

  /* 17 topics, then the total and the calls without a topic */
  g_assert_cmpuint (n_rows (), ==, 19);
  g_assert_cmpuint (n_topic_rows (), ==, 17);
  first = row_at (0);
  g_assert_true (g_str_has_prefix (rocznik_topic_row_get_name (first), "sprawy ogólne"));
  g_assert_cmpstr (rocznik_topic_row_get_text (first, ROCZNIK_COLUMN_COUNT), ==, "100" ROCZNIK_NBSP "990");
  g_assert_cmpstr (rocznik_topic_row_get_text (first, ROCZNIK_COLUMN_SHARE), ==, "26,0%");
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (1), ROCZNIK_COLUMN_COUNT), ==, "70" ROCZNIK_NBSP "055");
  assert_footer (TRUE);
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (17), ROCZNIK_COLUMN_COUNT), ==, "388" ROCZNIK_NBSP "468");
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (17), ROCZNIK_COLUMN_SHARE), ==, "100,0%");
  /* at least 586 000 − 388 468, written as the chart's note and the report write it */
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (18), ROCZNIK_COLUMN_COUNT), ==,
                   "ponad 197" ROCZNIK_NBSP "532");

  table = rocznik_window_get_table (window);
  g_assert_cmpint (table->sum, ==, 388468);
  screenshot ("01-sample-2018");
}

static void
assert_sorted (RocznikColumn column,
               gboolean      descending)
{
  guint n = n_topic_rows ();

  g_assert_cmpuint (n, >, 1);
  for (guint i = 1; i < n; i++)
    {
      int r = rocznik_topic_row_compare (row_at (i - 1), row_at (i), column);
      if (descending)
        g_assert_cmpint (r, >=, 0);
      else
        g_assert_cmpint (r, <=, 0);
    }
}

static void
test_sort (void)
{
  const RocznikColumn columns[] = {
    ROCZNIK_COLUMN_NAME, ROCZNIK_COLUMN_COUNT, ROCZNIK_COLUMN_SHARE,
  };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (int descending = 0; descending <= 1; descending++)
      {
        activate ("win.sort", g_variant_new ("(ib)", columns[c], descending));
        assert_sorted (columns[c], descending);
        /* the footer never sorts with the topics */
        assert_footer (TRUE);
      }

  /* names by Polish collation, not by bytes: "Akcja" between "administracja" and "akcje", ł after l */
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_NAME, FALSE));
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (0)), ==, "administracja cmentarzy komunalnych");
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (1)), ==, "Akcja Zima");
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (2)), ==, "akcje prozdrowotne");
  g_assert_true (g_str_has_prefix (rocznik_topic_row_get_name (row_at (16)), "zgłoszenia awarii"));
  screenshot ("02-sorted-by-name");

  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_COUNT, FALSE));
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (0)), ==, "Powstanie Wielkopolskie");
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_COUNT, TRUE));
  g_assert_true (g_str_has_prefix (rocznik_topic_row_get_name (row_at (0)), "sprawy ogólne"));
}

static void
test_filter (void)
{
  /* accent-insensitive: "swiadczenia" finds "świadczenia" */
  activate ("win.filter", g_variant_new_string ("swiadczenia"));
  g_assert_cmpuint (n_topic_rows (), ==, 1);
  g_assert_true (g_str_has_prefix (rocznik_topic_row_get_name (row_at (0)), "świadczenia wychowawcze 500+"));
  assert_footer (TRUE);
  screenshot ("03-filter-swiadczenia");

  /* ł folds to l; case does not matter */
  activate ("win.filter", g_variant_new_string ("ZGLOSZENIA"));
  g_assert_cmpuint (n_topic_rows (), ==, 1);
  activate ("win.filter", g_variant_new_string ("transport"));
  g_assert_cmpuint (n_topic_rows (), ==, 2);

  activate ("win.filter", g_variant_new_string ("nic takiego"));
  g_assert_cmpuint (n_topic_rows (), ==, 0);
  g_assert_cmpstr (rocznik_window_get_page (window), ==, "no-match");
  screenshot ("04-filter-no-match");

  activate ("win.filter", g_variant_new_string (""));
  g_assert_cmpuint (n_topic_rows (), ==, 17);
  g_assert_cmpstr (rocznik_window_get_page (window), ==, "table");
}

static void
test_select_and_copy (void)
{
  GtkSelectionModel *selection = rocznik_window_get_selection (window);
  g_autofree char *tsv = NULL;
  g_autoptr(GtkBitset) set = NULL;

  activate ("win.select-topic", g_variant_new_string ("gospodarka odpadami"));
  set = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (set), ==, 1);
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (gtk_bitset_get_nth (set, 0))), ==, "gospodarka odpadami");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL));
  tsv = rocznik_window_get_selected_tsv (window);
  {
    /* the header is in the interface's language; the figures paste as numbers */
    g_autofree char *expected = g_strdup_printf ("%s\t%s\t%s\r\ngospodarka odpadami\t70055\t18,0%%\r\n",
                                                 _("Topic"), _("Calls"), _("Share"));
    g_assert_cmpstr (tsv, ==, expected);
  }
  screenshot ("05-selected-waste");

  /* the selection follows the topic when the order changes */
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_NAME, FALSE));
  g_clear_pointer (&set, gtk_bitset_unref);
  set = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (set), ==, 1);
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (gtk_bitset_get_nth (set, 0))), ==, "gospodarka odpadami");
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_COUNT, TRUE));
}

static gboolean
has_year_2019 (gpointer data)
{
  return rocznik_window_has_year (window, 2019);
}

/* A second year with topics arrives (as an import would store it) and the
 * two are compared. */
static void
test_compare (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  g_autoptr(RocznikYear) y = rocznik_year_new (2019);
  RocznikTopicRow *waste = NULL;

  g_assert_no_error (error);
  y->organisation = g_strdup ("Biuro Poznań Kontakt");
  rocznik_year_add_topic (y, "gospodarka odpadami", 80000);
  rocznik_year_add_topic (y, "transport miejski i strefa parkowania", 50000);
  rocznik_year_add_topic (y, "oświata", 1389);
  rocznik_year_add_topic (y, "hulajnogi elektryczne", 2500);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  iterate_until (has_year_2019, NULL, "the window to offer 2019");
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2018);
  g_assert_cmpint (rocznik_window_get_chart_type (window), ==, ROCZNIK_CHART_RANKING);
  activate ("win.compare-year", g_variant_new_int32 (2019));
  g_assert_cmpint (rocznik_window_get_compare_year (window), ==, 2019);
  g_assert_true (rocznik_window_get_column_visible (window, ROCZNIK_COLUMN_CHANGE_PERCENT));
  /* until the user picks a chart, it follows the comparison */
  g_assert_cmpint (rocznik_window_get_chart_type (window), ==, ROCZNIK_CHART_YOY);

  for (guint i = 0; i < n_rows (); i++)
    if (g_strcmp0 (rocznik_topic_row_get_key (row_at (i)), "gospodarka odpadami") == 0)
      waste = row_at (i);
  g_assert_nonnull (waste);
  g_assert_cmpstr (rocznik_topic_row_get_text (waste, ROCZNIK_COLUMN_OTHER), ==, "80" ROCZNIK_NBSP "000");
  g_assert_cmpstr (rocznik_topic_row_get_text (waste, ROCZNIK_COLUMN_CHANGE), ==, "\xe2\x88\x92" "9" ROCZNIK_NBSP "945");
  g_assert_cmpstr (rocznik_topic_row_get_text (waste, ROCZNIK_COLUMN_CHANGE_PERCENT), ==, "\xe2\x88\x92" "12,4%");

  for (RocznikColumn c = ROCZNIK_COLUMN_OTHER; c <= ROCZNIK_COLUMN_CHANGE_PERCENT; c++)
    for (int descending = 0; descending <= 1; descending++)
      {
        activate ("win.sort", g_variant_new ("(ib)", c, descending));
        assert_sorted (c, descending);
        assert_footer (TRUE);
      }
  /* by change, descending: transport grew the most (+8 759) */
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_CHANGE, TRUE));
  g_assert_cmpstr (rocznik_topic_row_get_key (row_at (0)), ==, "transport miejski i strefa parkowania");
  activate ("win.sort", g_variant_new ("(ib)", ROCZNIK_COLUMN_COUNT, TRUE));
  screenshot ("06-compare-2018-2019");

  /* 2019 itself, compared with 2018 */
  activate ("win.select-year", g_variant_new_int32 (2019));
  activate ("win.compare-year", g_variant_new_int32 (2018));
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2019);
  g_assert_cmpint (rocznik_window_get_compare_year (window), ==, 2018);
  g_assert_false (rocznik_window_get_sample_shown (window));
  g_assert_cmpuint (n_topic_rows (), ==, 4);
  /* no declared total in 2019: no remainder row */
  assert_footer (FALSE);
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (0)), ==, "gospodarka odpadami");
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (0), ROCZNIK_COLUMN_CHANGE_PERCENT), ==, "+14,2%");
  screenshot ("07-year-2019-vs-2018");

  activate ("win.compare-year", g_variant_new_int32 (0));
  g_assert_false (rocznik_window_get_column_visible (window, ROCZNIK_COLUMN_OTHER));
}

static gboolean
is_dropdown (GtkWidget *widget)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* The header's year menus, chosen as a person chooses them: the dropdown's
 * selection changes, the window follows and stays (no rebuild loop). */
static guint
position_of (GListModel *items,
             int         year)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      int y;

      g_object_get (item, "year", &y, NULL);
      if (y == year)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
test_header_menus (void)
{
  GtkWidget *header = GTK_WIDGET (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  GtkDropDown *years = GTK_DROP_DOWN (find_widget (header, is_dropdown));
  GtkDropDown *compare = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (years)));
  GListModel *year_items = gtk_drop_down_get_model (years);
  GListModel *compare_items = gtk_drop_down_get_model (compare);
  /* the sample's years and the 2019 test_compare stored */
  const int stored[] = { 2015, 2017, 2018, 2019, 2020, 2021 };
  g_autoptr(GObject) y2017 = NULL;
  g_autofree char *description = NULL;

  activate ("win.compare-year", g_variant_new_int32 (0));
  activate ("win.select-year", g_variant_new_int32 (2018));
  g_assert_cmpuint (g_list_model_get_n_items (year_items), ==, G_N_ELEMENTS (stored));
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, 0);

  /* 2017 has only its declared total, and the menu says so; 2018 has one
   * too, so the totals compare: the comparison menu offers it, not 2018 */
  y2017 = g_list_model_get_item (year_items, 1);
  g_object_get (y2017, "description", &description, NULL);
  g_test_message ("2017: %s", description);
  g_assert_true (g_str_has_prefix (description, g_strcmp0 (g_getenv ("LC_ALL"), "pl_PL.UTF-8") == 0
                                                ? "tylko suma: ponad 574" : "only the total: "));
  g_assert_nonnull (strstr (description, "574"));
  g_assert_cmpuint (position_of (compare_items, 2017), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (position_of (compare_items, 2018), ==, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (years, position_of (year_items, 2019));
  drain ();
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2019);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, position_of (year_items, 2019));
  g_assert_cmpuint (g_list_model_get_n_items (year_items), ==, G_N_ELEMENTS (stored));
  /* 2019 declares no total and shares no topic with 2017: not offered;
   * 2018 shares topics with it */
  g_assert_cmpuint (position_of (compare_items, 2017), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (position_of (compare_items, 2019), ==, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (compare, position_of (compare_items, 2018));
  drain ();
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2019);
  g_assert_cmpint (rocznik_window_get_compare_year (window), ==, 2018);
  g_assert_true (rocznik_window_get_column_visible (window, ROCZNIK_COLUMN_CHANGE_PERCENT));
  screenshot ("06b-header-menus-2019-vs-2018");

  /* choosing the compared year as the year shown drops the comparison */
  gtk_drop_down_set_selected (years, position_of (year_items, 2018));
  drain ();
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2018);
  g_assert_cmpint (rocznik_window_get_compare_year (window), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, 0);
}

static void
test_year_without_topics (void)
{
  activate ("win.select-year", g_variant_new_int32 (2017));
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2017);
  g_assert_cmpstr (rocznik_window_get_page (window), ==, "no-topics");
  g_assert_true (rocznik_window_get_sample_shown (window));
  screenshot ("08-year-2017-total-only");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "year");
  screenshot ("09-year-panel-2017");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "topics");
  activate ("win.select-year", g_variant_new_int32 (2018));
}

static void
test_edit_and_undo (void)
{
  g_autoptr(GError) error = NULL;
  const RocznikTable *table;

  activate ("win.select-year", g_variant_new_int32 (2018));
  /* a count as people write it, stored in one transaction */
  g_assert_true (rocznik_window_set_topic_count (window, "gospodarka odpadami", "71 000", &error));
  g_assert_no_error (error);
  table = rocznik_window_get_table (window);
  g_assert_cmpint (table->sum, ==, 388468 - 70055 + 71000);
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (1), ROCZNIK_COLUMN_COUNT), ==, "71" ROCZNIK_NBSP "000");

  /* garbage is refused and changes nothing */
  g_assert_false (rocznik_window_set_topic_count (window, "gospodarka odpadami", "dużo", &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (rocznik_window_set_topic_count (window, "gospodarka odpadami", "-5", &error));
  g_clear_error (&error);
  g_assert_cmpint (rocznik_window_get_table (window)->sum, ==, 388468 - 70055 + 71000);

  g_assert_true (rocznik_window_set_topic_name (window, "oświata", "Oświata i edukacja", &error));
  g_assert_no_error (error);
  activate ("win.filter", g_variant_new_string ("edukacja"));
  g_assert_cmpuint (n_topic_rows (), ==, 1);
  activate ("win.filter", g_variant_new_string (""));

  /* Ctrl+Z twice: the name, then the count */
  activate ("win.undo", NULL);
  activate ("win.filter", g_variant_new_string ("edukacja"));
  g_assert_cmpuint (n_topic_rows (), ==, 0);
  activate ("win.filter", g_variant_new_string (""));
  activate ("win.undo", NULL);
  g_assert_cmpint (rocznik_window_get_table (window)->sum, ==, 388468);
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (1), ROCZNIK_COLUMN_COUNT), ==, "70" ROCZNIK_NBSP "055");
  g_assert_false (rocznik_window_undo (window, &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* renaming across years keeps the old name as an alias */
  g_assert_true (rocznik_window_rename_topic (window, "gospodarka odpadami", "odpady komunalne", &error));
  g_assert_no_error (error);
  activate ("win.filter", g_variant_new_string ("odpady"));
  g_assert_cmpuint (n_topic_rows (), ==, 1);
  g_assert_cmpstr (rocznik_topic_row_get_name (row_at (0)), ==, "odpady komunalne");
  activate ("win.undo", NULL);
  g_assert_cmpuint (n_topic_rows (), ==, 0);
  activate ("win.filter", g_variant_new_string (""));
  activate ("win.select-topic", g_variant_new_string ("gospodarka odpadami"));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (rocznik_window_get_selection (window))), ==, 1);

  /* Ctrl+Shift+Z gives the rename back, Ctrl+Z takes it away again */
  activate ("win.redo", NULL);
  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, _("Redone"));
  activate ("win.filter", g_variant_new_string ("odpady komunalne"));
  g_assert_cmpuint (n_topic_rows (), ==, 1);
  activate ("win.filter", g_variant_new_string (""));
  activate ("win.undo", NULL);

  /* a wrong topic deleted from the year, and back: 388 468 − 70 055 */
  activate ("win.select-topic", g_variant_new_string ("gospodarka odpadami"));
  activate ("win.delete-topic", NULL);
  g_assert_cmpint (rocznik_window_get_table (window)->sum, ==, 318413);
  g_assert_cmpuint (n_topic_rows (), ==, 16);
  activate ("win.undo", NULL);
  g_assert_cmpint (rocznik_window_get_table (window)->sum, ==, 388468);
  g_assert_cmpuint (n_topic_rows (), ==, 17);

  /* a wrong year deleted, and back, topics and total included */
  activate ("win.delete-year", NULL);
  g_assert_false (rocznik_window_has_year (window, 2018));
  g_assert_cmpint (rocznik_window_get_year (window), !=, 2018);
  activate ("win.undo", NULL);
  g_assert_true (rocznik_window_has_year (window, 2018));
  activate ("win.select-year", g_variant_new_int32 (2018));
  g_assert_cmpint (rocznik_window_get_table (window)->sum, ==, 388468);
  g_assert_cmpint (rocznik_window_get_table (window)->declared_total, ==, 586000);
}

static void
test_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RocznikYear) details = NULL;
  g_autoptr(GPtrArray) years = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  const RocznikYear *y;

  activate ("win.select-year", g_variant_new_int32 (2018));
  years = rocznik_workspace_load_all (ws, &error);
  details = rocznik_year_copy (rocznik_years_find (years, 2018));
  g_assert_cmpuint (details->lists->len, ==, 3);
  details->declared_total = 600000;
  details->declared_more_than = FALSE;
  g_assert_true (rocznik_window_save_details (window, details, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rocznik_window_get_table (window)->remainder);
  g_assert_cmpint (rocznik_window_get_table (window)->remainder->count, ==, 600000 - 388468);
  g_assert_cmpstr (rocznik_topic_row_get_text (row_at (18), ROCZNIK_COLUMN_COUNT), ==, "211" ROCZNIK_NBSP "532");

  activate ("win.undo", NULL);
  g_clear_pointer (&years, g_ptr_array_unref);
  years = rocznik_workspace_load_all (ws, &error);
  y = rocznik_years_find (years, 2018);
  g_assert_cmpint (y->declared_total, ==, 586000);
  g_assert_true (y->declared_more_than);
  g_assert_cmpuint (y->lists->len, ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "year");
  screenshot ("10-year-panel-2018");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "topics");
}

static void
test_settings (void)
{
  GSettings *settings = rocznik_application_get_settings (app);

  g_assert_nonnull (settings);
  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.compare-year", g_variant_new_int32 (2019));
  g_assert_cmpint (g_settings_get_int (settings, "last-year"), ==, 2018);
  g_assert_cmpint (g_settings_get_int (settings, "compare-year"), ==, 2019);

  /* the remainder row can be hidden */
  g_settings_set_boolean (settings, "show-remainder", FALSE);
  assert_footer (FALSE);
  g_settings_set_boolean (settings, "show-remainder", TRUE);
  assert_footer (TRUE);
  activate ("win.compare-year", g_variant_new_int32 (0));
}

static void
test_narrow_and_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  g_assert_cmpint (rocznik_window_get_orientation (window), ==, GTK_ORIENTATION_VERTICAL);
  /* as narrow as the window goes, with the chart's widest controls */
  activate ("win.chart-type", g_variant_new_string ("compare"));
  activate ("win.compare-year", g_variant_new_int32 (2019));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  frames_wanted = 40;
  screenshot ("11-narrowest-compare");
  /* the metainfo promises 360 px: the window really is that narrow (the
   * default size counts the frame, the widget's width does not) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
  screenshot ("11-width-600-compare");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 600);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  activate ("win.chart-type", g_variant_new_string ("yoy"));
  screenshot ("11-width-1200-compare");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  activate ("win.compare-year", g_variant_new_int32 (0));
  activate ("win.chart-type", g_variant_new_string ("ranking"));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* the header bar's view switcher gives way to the title: a transition */
  frames_wanted = 40;
  screenshot ("11-narrow-dark");
  frames_wanted = 3;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_assert_cmpint (rocznik_window_get_orientation (window), ==, GTK_ORIENTATION_HORIZONTAL);
}

static gboolean
export_done (gpointer data)
{
  return !rocznik_window_get_busy (window);
}

/* Exports run in a worker thread and end with a toast naming the file. */
static void
test_export (void)
{
  const char *formats[] = { "pdf", "xlsx", "csv", "html", "png", "svg" };

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.compare-year", g_variant_new_int32 (0));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("raport.%s", formats[i]);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autofree char *expected = g_strdup_printf (_("Saved %s"), name);
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* the extension is added when the file chooser's name lacks it */
      g_autofree char *bare = g_build_filename (tmpdir, "raport", NULL);
      rocznik_window_export (window, formats[i], i == 0 ? bare : path);
      g_assert_true (rocznik_window_get_busy (window));
      iterate_until (export_done, NULL, "the export to finish");
      g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, expected);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (g_str_equal (formats[i], "pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
      else if (g_str_equal (formats[i], "xlsx"))
        g_assert_true (g_str_has_prefix (contents, "PK"));
      else if (g_str_equal (formats[i], "csv"))
        g_assert_nonnull (strstr (contents, "gospodarka odpadami"));
      else if (g_str_equal (formats[i], "html"))
        {
          g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>\n<html lang=\"pl\">"));
          g_assert_nonnull (strstr (contents, "<th scope=\"row\">gospodarka odpadami</th>"));
        }
      else if (g_str_equal (formats[i], "svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
      else
        {
          g_autoptr(GdkTexture) png = gdk_texture_new_from_filename (path, NULL);
          /* 1200 × 675 at 192 dpi: sharp enough for print */
          g_assert_nonnull (png);
          g_assert_cmpint (gdk_texture_get_width (png), ==, 2400);
          g_assert_cmpint (gdk_texture_get_height (png), ==, 1350);
        }
      g_unlink (path);
    }

  /* a place that cannot be written: an error toast, nothing crashes */
  rocznik_window_export (window, "pdf", "/nonexistent-dir/raport.pdf");
  iterate_until (export_done, NULL, "the failed export");
  {
    g_autofree char *saved = g_strdup_printf (_("Saved %s"), "raport.pdf");
    g_assert_cmpstr (rocznik_window_get_last_toast (window), !=, saved);
  }
}


/* Selects exactly the topics whose names start with @prefixes. */
static void
select_topics (const char *const *prefixes)
{
  GtkSelectionModel *selection = rocznik_window_get_selection (window);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n_rows ());

  for (guint i = 0; i < n_rows (); i++)
    for (guint p = 0; prefixes[p]; p++)
      if (rocznik_topic_row_get_kind (row_at (i)) == ROCZNIK_ROW_TOPIC
          && g_str_has_prefix (rocznik_topic_row_get_name (row_at (i)), prefixes[p]))
        gtk_bitset_add (wanted, i);
  g_assert_cmpuint (gtk_bitset_get_size (wanted), ==, g_strv_length ((char **) prefixes));
  gtk_selection_model_set_selection (selection, wanted, mask);
}

static gboolean
is_chart_view (GtkWidget *widget)
{
  return ROCZNIK_IS_CHART_VIEW (widget);
}

static gboolean
is_mapped_popover (GtkWidget *widget)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget);
}

/* What a click on bar @index does. */
static void
click_bar (int index)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), is_chart_view);
  RocznikChart *chart = rocznik_chart_view_get_chart (ROCZNIK_CHART_VIEW (view));

  g_signal_emit_by_name (view, "bar-activated", index, rocznik_chart_get_bar_key (chart, index));
}

static const char *
selected_key (void)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (rocznik_window_get_selection (window));

  g_assert_cmpuint (gtk_bitset_get_size (set), ==, 1);
  return rocznik_topic_row_get_key (row_at (gtk_bitset_get_nth (set, 0)));
}

static RocznikChart *
shown_chart (void)
{
  RocznikChart *chart = rocznik_window_get_chart (window);

  g_assert_nonnull (chart);
  return chart;
}

/* Every chart type through the window's actions; "waste or transport?"
 * is two selected rows and the comparison chart. */
static void
test_chart_types (void)
{
  const char *waste_transport[] = { "gospodarka odpadami", "transport miejski", NULL };
  RocznikChart *chart;

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.compare-year", g_variant_new_int32 (0));
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));

  activate ("win.chart-type", g_variant_new_string ("ranking"));
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_chart_type (chart), ==, ROCZNIK_CHART_RANKING);
  g_assert_true (g_str_has_prefix (rocznik_chart_get_bar_key (chart, 0), "sprawy ogólne"));
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "gospodarka odpadami");
  /* a click on a bar selects its row */
  click_bar (1);
  g_assert_cmpstr (selected_key (), ==, "gospodarka odpadami");
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));

  /* nothing selected: the three largest topics */
  activate ("win.chart-type", g_variant_new_string ("compare"));
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_chart_type (chart), ==, ROCZNIK_CHART_COMPARE);
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 3);
  g_assert_true (g_str_has_prefix (rocznik_chart_get_bar_key (chart, 0), "sprawy ogólne"));
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "gospodarka odpadami");
  g_assert_true (g_str_has_prefix (rocznik_chart_get_bar_key (chart, 2), "świadczenia"));

  /* waste or transport? */
  select_topics (waste_transport);
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 2);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 0), ==, "gospodarka odpadami");
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "transport miejski i strefa parkowania");
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Porównanie tematów w" ROCZNIK_NBSP "2018" ROCZNIK_NBSP "r.");
  screenshot ("13-compare-waste-transport");
  /* a click on one of the compared bars keeps the comparison */
  click_bar (0);
  {
    g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (rocznik_window_get_selection (window));
    g_assert_cmpuint (gtk_bitset_get_size (set), ==, 2);
  }

  /* and against 2019: one bar per topic and year, the selection kept */
  activate ("win.compare-year", g_variant_new_int32 (2019));
  g_assert_cmpint (rocznik_window_get_chart_type (window), ==, ROCZNIK_CHART_COMPARE);
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 4);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 0), ==, "gospodarka odpadami");
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "gospodarka odpadami");
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 3), ==, "transport miejski i strefa parkowania");
  screenshot ("14-compare-2018-2019");

  activate ("win.chart-type", g_variant_new_string ("yoy"));
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_chart_type (chart), ==, ROCZNIK_CHART_YOY);
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==,
                   "Tematy rozmów: 2019" ROCZNIK_NBSP "r. wobec 2018" ROCZNIK_NBSP "r.");

  /* totals over time: one slot per year, 2016 a gap */
  activate ("win.chart-type", g_variant_new_string ("trend"));
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_chart_type (chart), ==, ROCZNIK_CHART_TREND);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 0), ==, "2015");
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "2017");
  screenshot ("15-trend");
  /* a year's bar shows that year */
  click_bar (0);
  g_assert_cmpint (rocznik_window_get_year (window), ==, 2015);
  activate ("win.select-year", g_variant_new_int32 (2018));

  /* the trend is there for a year with only a total, too */
  activate ("win.select-year", g_variant_new_int32 (2017));
  g_assert_nonnull (rocznik_window_get_chart (window));
  activate ("win.select-year", g_variant_new_int32 (2018));

  activate ("win.compare-year", g_variant_new_int32 (0));
  activate ("win.chart-type", g_variant_new_string ("ranking"));
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));
}


/* The toast after an export, in the language the test runs in. */
static void
assert_saved (const char *name)
{
  g_autofree char *expected = g_strdup_printf (_("Saved %s"), name);

  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, expected);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* Ctrl+P prints the report's own pages: the printout (exported here, as
 * the dialog's "Print to File" does) has the PDF report's pages and text. */
static void
test_print (void)
{
  g_autofree char *printed = g_build_filename (tmpdir, "wydruk.pdf", NULL);
  g_autofree char *report = g_build_filename (tmpdir, "raport-druk.pdf", NULL);
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  RocznikReportOptions options = { 2018, -1, NULL, NULL };
  g_autoptr(GtkPrintOperation) operation = rocznik_print_operation_new (ws, 2018, 0, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (rocznik_report_write_pdf (ws, &options, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (report));
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "gospodarka odpadami"));
  g_assert_nonnull (strstr (text, "70 055") ? strstr (text, "70 055") : strstr (text, "70\u00a0055"));
  g_unlink (printed);
  g_unlink (report);
}

static gboolean
popover_shown (gpointer data)
{
  return find_widget (GTK_WIDGET (window), is_mapped_popover) != NULL;
}

/* Title, subtitle, source and notes typed in the window are what the
 * chart on screen and every export say. */
static void
test_chart_texts (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "wykres.pdf", NULL);
  g_autofree char *text = NULL;
  RocznikChartExportOptions pdf = { "pdf", 1200, 675, 1, FALSE };
  RocznikChart *chart;

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.chart-type", g_variant_new_string ("ranking"));
  rocznik_window_set_chart_text (window, ROCZNIK_CHART_TEXT_TITLE, "Odpady drugie wśród tematów");
  rocznik_window_set_chart_text (window, ROCZNIK_CHART_TEXT_SOURCE, "Źródło: Urząd Miasta Poznania");
  rocznik_window_set_chart_text (window, ROCZNIK_CHART_TEXT_NOTES, "Dane wstępne.");
  chart = shown_chart ();
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Odpady drugie wśród tematów");
  g_assert_cmpstr (rocznik_chart_get_source (chart), ==, "Źródło: Urząd Miasta Poznania");
  /* an empty field keeps the renderer's text */
  g_assert_cmpstr (rocznik_chart_get_subtitle (chart), ==, "Biuro Poznań Kontakt: liczba rozmów według tematu");
  g_assert_true (g_str_has_suffix (rocznik_chart_get_notes (chart), "Dane wstępne."));

  rocznik_window_export_chart (window, path, &pdf);
  iterate_until (export_done, NULL, "the chart export");
  assert_saved ("wykres.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Odpady drugie wśród tematów"));
  g_assert_nonnull (strstr (text, "Urząd Miasta Poznania"));
  g_assert_nonnull (strstr (text, "Dane wstępne."));
  g_unlink (path);

  activate ("win.chart-texts", NULL);
  iterate_until (popover_shown, NULL, "the chart texts popover");
  frames_wanted = 20;
  screenshot ("16-chart-texts");
  frames_wanted = 3;
  screenshot_widget (find_widget (GTK_WIDGET (window), is_mapped_popover), "16-chart-texts-popover");
  gtk_popover_popdown (GTK_POPOVER (find_widget (GTK_WIDGET (window), is_mapped_popover)));

  /* the texts belong to 2018's ranking: 2019 has its own title and the
   * default subtitle follows the year; back on 2018 they are there again */
  activate ("win.select-year", g_variant_new_int32 (2019));
  g_assert_null (rocznik_window_get_chart_text (window, ROCZNIK_CHART_TEXT_TITLE));
  g_assert_null (rocznik_window_get_chart_text (window, ROCZNIK_CHART_TEXT_SOURCE));
  g_assert_cmpstr (rocznik_chart_get_title (shown_chart ()), ==, "Tematy rozmów w" ROCZNIK_NBSP "2019" ROCZNIK_NBSP "r.");
  activate ("win.select-year", g_variant_new_int32 (2018));
  g_assert_cmpstr (rocznik_chart_get_title (shown_chart ()), ==, "Odpady drugie wśród tematów");
  g_assert_cmpstr (rocznik_window_get_chart_text (window, ROCZNIK_CHART_TEXT_NOTES), ==, "Dane wstępne.");

  activate ("win.reset-chart-texts", NULL);
  g_assert_null (rocznik_window_get_chart_text (window, ROCZNIK_CHART_TEXT_TITLE));
  g_assert_cmpstr (rocznik_chart_get_title (shown_chart ()), ==, "Tematy rozmów w" ROCZNIK_NBSP "2018" ROCZNIK_NBSP "r.");
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), type_name) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
export_dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_toplevel ("RocznikChartExportDialog");
  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* The top left pixel of a PNG: its grey level, 0–255. */
static guint
corner_level (GdkTexture *texture)
{
  gsize stride = 4 * gdk_texture_get_width (texture);
  g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));

  gdk_texture_download (texture, pixels, stride);
  return (pixels[0] + pixels[1] + pixels[2]) / 3;
}

/* The export dialog's presets give images of exactly their size. */
static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static GBytes *
export_chart_bytes (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  RocznikChartExportOptions options = { "png", 600, 400, 1, FALSE };

  rocznik_window_export_chart (window, path, &options);
  iterate_until (export_done, NULL, "the chart export");
  return file_bytes (path);
}

/* "Export chart" writes the chart on screen, highlight included. */
static void
test_export_highlight (void)
{
  const char *waste[] = { "gospodarka odpadami", NULL };
  g_autofree char *screen_path = g_build_filename (tmpdir, "ekran.png", NULL);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) highlighted = NULL;
  g_autoptr(GBytes) screen = NULL;
  g_autoptr(GError) error = NULL;

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.compare-year", g_variant_new_int32 (0));
  activate ("win.chart-type", g_variant_new_string ("ranking"));
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));
  plain = export_chart_bytes ("bez.png");
  select_topics (waste);
  highlighted = export_chart_bytes ("z.png");
  g_assert_true (rocznik_chart_export (rocznik_window_get_chart (window), screen_path, 600, 400, 96, &error));
  g_assert_no_error (error);
  screen = file_bytes (screen_path);
  g_assert_false (g_bytes_equal (highlighted, plain));
  g_assert_true (g_bytes_equal (highlighted, screen));
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));
}

static void
test_chart_export_presets (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "wykres.png", NULL);
  RocznikChartExportDialog *dialog;
  RocznikChartExportOptions options;
  const RocznikChartPreset *presets;
  guint n;

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.export-chart", g_variant_new_string ("png"));
  iterate_until (export_dialog_shown, NULL, "the chart export dialog");
  dialog = ROCZNIK_CHART_EXPORT_DIALOG (find_toplevel ("RocznikChartExportDialog"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  screenshot_widget (GTK_WIDGET (dialog), "17-export-chart-dialog");

  presets = rocznik_chart_presets (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkTexture) png = NULL;

      g_assert_true (rocznik_chart_export_dialog_select_preset (dialog, presets[i].id));
      rocznik_chart_export_dialog_get_options (dialog, &options);
      g_assert_cmpstr (options.format, ==, "png");
      g_assert_cmpint (options.width, ==, presets[i].width);
      g_assert_cmpint (options.height, ==, presets[i].height);
      rocznik_window_export_chart (window, path, &options);
      iterate_until (export_done, NULL, "the chart export");
      assert_saved ("wykres.png");
      png = gdk_texture_new_from_filename (path, NULL);
      g_assert_nonnull (png);
      g_assert_cmpint (gdk_texture_get_width (png), ==, presets[i].width);
      g_assert_cmpint (gdk_texture_get_height (png), ==, presets[i].height);
      /* light unless asked */
      g_assert_cmpuint (corner_level (png), >, 200);
      g_unlink (path);
    }

  /* a custom size, twice the pixels, dark */
  options = (RocznikChartExportOptions) { "png", 800, 600, 2, TRUE };
  rocznik_chart_export_dialog_set_options (dialog, &options);
  g_assert_cmpstr (rocznik_chart_export_dialog_get_preset (dialog), ==, "custom");
  rocznik_chart_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.width, ==, 800);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_true (options.dark);
  rocznik_window_export_chart (window, path, &options);
  iterate_until (export_done, NULL, "the chart export");
  {
    g_autoptr(GdkTexture) png = gdk_texture_new_from_filename (path, NULL);

    g_assert_nonnull (png);
    g_assert_cmpint (gdk_texture_get_width (png), ==, 1600);
    g_assert_cmpint (gdk_texture_get_height (png), ==, 1200);
    g_assert_cmpuint (corner_level (png), <, 80);
  }
  g_unlink (path);

  /* typing a preset's size picks the preset again */
  options = (RocznikChartExportOptions) { "svg", 1080, 1080, 1, FALSE };
  rocznik_chart_export_dialog_set_options (dialog, &options);
  g_assert_cmpstr (rocznik_chart_export_dialog_get_preset (dialog), ==, "square");
  rocznik_chart_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.format, ==, "svg");
  g_assert_cmpint (options.scale, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_copy_chart (void)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  activate ("win.copy-chart", NULL);
  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, _("Chart copied as an image"));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
}

static gboolean
category_count (const char *name)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  g_autoptr(GPtrArray) categories = rocznik_workspace_list_categories (ws);

  for (guint i = 0; categories && i < categories->len; i++)
    {
      RocznikCategory *c = g_ptr_array_index (categories, i);
      if (g_str_equal (c->name, name))
        return c->keys->len;
    }
  return 0;
}

/* Categories: grouped, compared in the chart, removed, and every step
 * undone. */
static void
test_categories (void)
{
  g_autofree char *permits = rocznik_topic_key ("uprawnienia transportowe, sprawy urodzeń, małżeństw, zameldowania i zgonów");
  const char *transport[] = { "transport miejski i strefa parkowania", NULL };
  const char *both[] = { "transport miejski i strefa parkowania", permits, NULL };
  const char *waste[] = { "gospodarka odpadami", NULL };
  g_autoptr(GError) error = NULL;
  RocznikChart *chart;

  activate ("win.select-year", g_variant_new_int32 (2018));
  activate ("win.compare-year", g_variant_new_int32 (0));
  activate ("win.chart-type", g_variant_new_string ("compare"));
  activate ("win.compare-by", g_variant_new_string ("categories"));
  /* no categories yet: the chart says how to make one */
  g_assert_null (rocznik_window_get_chart (window));

  g_assert_true (rocznik_window_add_to_category (window, "Transport", transport, &error));
  g_assert_no_error (error);
  g_assert_true (rocznik_window_add_to_category (window, "Transport", both, &error));
  g_assert_true (rocznik_window_add_to_category (window, "Odpady", waste, &error));
  g_assert_cmpuint (category_count ("Transport"), ==, 2);
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 2);
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 0), ==, "Transport");
  g_assert_cmpstr (rocznik_chart_get_bar_key (chart, 1), ==, "Odpady");
  g_assert_cmpstr (rocznik_chart_get_title (chart), ==, "Porównanie kategorii w" ROCZNIK_NBSP "2018" ROCZNIK_NBSP "r.");
  activate ("win.select-topic", g_variant_new_string ("gospodarka odpadami"));
  screenshot ("18-compare-categories");

  /* undo the last addition: Odpady goes, Transport keeps both topics */
  activate ("win.undo", NULL);
  g_assert_cmpuint (category_count ("Odpady"), ==, 0);
  g_assert_cmpuint (category_count ("Transport"), ==, 2);
  g_assert_cmpint (rocznik_chart_get_n_bars (shown_chart ()), ==, 1);
  /* and the one before: Transport back to one topic */
  activate ("win.undo", NULL);
  g_assert_cmpuint (category_count ("Transport"), ==, 1);
  g_assert_true (rocznik_window_add_to_category (window, "Transport", both, &error));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "year");
  screenshot ("19-year-panel-categories");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "topics");

  activate ("win.delete-category", g_variant_new_string ("Transport"));
  g_assert_cmpuint (category_count ("Transport"), ==, 0);
  {
    g_autofree char *removed = g_strdup_printf (_("Removed the category „%s”"), "Transport");
    g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, removed);
  }
  g_assert_null (rocznik_window_get_chart (window));
  activate ("win.undo", NULL);
  g_assert_cmpuint (category_count ("Transport"), ==, 2);
  g_assert_nonnull (rocznik_window_get_chart (window));

  g_assert_false (rocznik_window_delete_category (window, "Nie ma takiej", &error));
  g_assert_error (error, ROCZNIK_ERROR, ROCZNIK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rocznik_window_delete_category (window, "Transport", &error));
  activate ("win.compare-by", g_variant_new_string ("topics"));
  activate ("win.chart-type", g_variant_new_string ("ranking"));
}

static GtkWindow *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "RocznikImportDialog"))
        return w;
    }
  return NULL;
}

static gboolean
import_dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_import_dialog ();
  return dialog && gtk_widget_get_visible (GTK_WIDGET (dialog));
}

/* A file given on the command line or dropped on the window opens the
 * import preview over the window. */
static void
test_import_opens_dialog (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "2022.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "temat;liczba\ngospodarka odpadami;75 000\n", -1, NULL));
  g_assert_null (find_import_dialog ());
  rocznik_window_import_file (window, file);
  iterate_until (import_dialog_shown, NULL, "the import dialog");
  dialog = find_import_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  g_unlink (path);
}

static gboolean
shows_empty (gpointer data)
{
  return g_strcmp0 (rocznik_window_get_page (window), "empty") == 0;
}

static gboolean
has_year_2022 (gpointer data)
{
  return rocznik_window_has_year (window, 2022);
}

/* Another program stores a year: the window notices, offers to show it,
 * and shows it when asked; an import that replaced a year can be undone. */
static void
test_changed_elsewhere (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  g_autoptr(RocznikWorkspace) other = rocznik_workspace_open (rocznik_workspace_get_path (ws), &error);
  g_autoptr(RocznikYear) y = rocznik_year_new (2022);
  g_autoptr(RocznikYear) again = rocznik_year_new (2022);
  g_autoptr(RocznikYear) restored = NULL;
  g_autofree char *before = g_strdup (rocznik_window_get_last_toast (window));

  g_assert_no_error (error);
  activate ("win.check-workspace", NULL);
  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, before);

  rocznik_year_add_topic (y, "gospodarka odpadami", 1234);
  g_assert_true (rocznik_workspace_store_year (other, y, FALSE, &error));
  g_assert_false (rocznik_window_has_year (window, 2022));
  activate ("win.check-workspace", NULL);
  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, _("Another program changed the workspace"));
  g_assert_false (rocznik_window_has_year (window, 2022));
  activate ("win.reload", NULL);
  iterate_until (has_year_2022, NULL, "the window to offer 2022");

  /* the window's own import replaces 2022: the snapshot brings 1234 back */
  rocznik_year_add_topic (again, "gospodarka odpadami", 99);
  g_assert_true (rocznik_workspace_store_year (ws, again, TRUE, &error));
  g_assert_nonnull (rocznik_workspace_get_last_snapshot (ws));
  activate ("win.restore-snapshot", g_variant_new_string (rocznik_workspace_get_last_snapshot (ws)));
  g_assert_cmpstr (rocznik_window_get_last_toast (window), ==, _("The import was undone"));
  restored = rocznik_workspace_load_year (ws, 2022, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rocznik_year_topic_sum (restored), ==, 1234);
}

static gboolean
has_year_2023 (gpointer data)
{
  return rocznik_window_has_year (window, 2023);
}

static gboolean
is_type_dropdown (GtkWidget *widget)
{
  GListModel *model = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) : NULL;

  return model && g_list_model_get_item_type (model) == ROCZNIK_TYPE_CHART_CHOICE;
}

/* Whether the chart pane's menu offers @type for the year shown. */
static gboolean
offered (RocznikChartType type)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), is_type_dropdown)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RocznikChartChoice) choice = g_list_model_get_item (model, i);

      if (rocznik_chart_choice_get_chart_type (choice) == type)
        return rocznik_chart_choice_get_available (choice);
    }
  g_assert_not_reached ();
}

/* The per-call charts are offered for a year with per-call records only;
 * chosen for a year without, they say so instead of drawing an axis. */
static void
test_per_call_charts (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  g_autoptr(RocznikYear) y = rocznik_year_new (2023);
  RocznikTopic *t = rocznik_year_add_topic (y, "gospodarka odpadami", 300);
  RocznikChart *chart;

  t->has_months = TRUE;
  t->months[0] = 100;
  t->months[1] = 200;
  t->has_duration = TRUE;
  t->duration_calls = 300;
  t->duration_seconds = 300 * 95;
  y->calls = rocznik_call_profile_new ();
  y->calls->has_hours = TRUE;
  y->calls->hours[0][9] = 200;
  y->calls->hours[4][15] = 100;
  rocznik_call_profile_add_channel (y->calls, "telefon", 300);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  activate ("win.reload", NULL);
  iterate_until (has_year_2023, NULL, "the window to offer 2023");

  activate ("win.select-year", g_variant_new_int32 (2023));
  activate ("win.compare-year", g_variant_new_int32 (0));
  g_assert_true (offered (ROCZNIK_CHART_MONTH));
  g_assert_true (offered (ROCZNIK_CHART_HEATMAP));
  g_assert_true (offered (ROCZNIK_CHART_CHANNEL));
  g_assert_true (offered (ROCZNIK_CHART_DURATION));
  activate ("win.chart-type", g_variant_new_string ("heatmap"));
  chart = shown_chart ();
  g_assert_cmpint (rocznik_chart_get_chart_type (chart), ==, ROCZNIK_CHART_HEATMAP);
  g_assert_cmpint (rocznik_chart_get_n_bars (chart), ==, 7 * 24);
  screenshot ("14-heatmap");
  activate ("win.chart-type", g_variant_new_string ("duration"));
  chart = shown_chart ();
  /* a handling-time bar is a topic's: a click selects its row */
  click_bar (0);
  g_assert_cmpstr (selected_key (), ==, "gospodarka odpadami");
  gtk_selection_model_unselect_all (rocznik_window_get_selection (window));

  /* the sample's 2018 has totals only: offered no more, and said so */
  activate ("win.chart-type", g_variant_new_string ("heatmap"));
  activate ("win.select-year", g_variant_new_int32 (2018));
  g_assert_false (offered (ROCZNIK_CHART_HEATMAP));
  g_assert_false (offered (ROCZNIK_CHART_CHANNEL));
  g_assert_false (offered (ROCZNIK_CHART_DURATION));
  g_assert_true (offered (ROCZNIK_CHART_RANKING));
  g_assert_null (rocznik_window_get_chart (window));

  activate ("win.chart-type", g_variant_new_string ("ranking"));
  g_assert_true (rocznik_workspace_delete_year (ws, 2023, &error));
  g_assert_no_error (error);
}

/* Last: a workspace without years invites an import. */
/* The comparison menu: the year menu whose first choice is no year. */
static gboolean
is_compare_menu (GtkWidget *widget)
{
  GListModel *model = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) : NULL;
  g_autoptr(GObject) first = model ? g_list_model_get_item (model, 0) : NULL;

  return ROCZNIK_IS_YEAR_ITEM (first) && rocznik_year_item_get_year (ROCZNIK_YEAR_ITEM (first)) == 0;
}

/* `--year 2019 --compare 2018`: the first reading of the years fills the
 * comparison menu; its filling must not be taken for a choice of none. */
static void
test_compare_at_start (void)
{
  /* Last: a workspace tells one session of its changes, and the new
   * window's takes that over from the first window's. */
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  RocznikWindow *second;
  GtkDropDown *menu;
  RocznikYearItem *shown;

  g_autoptr(RocznikYear) y = rocznik_year_new (2019);

  g_assert_true (rocznik_workspace_add_sample (ws, &error));
  g_assert_no_error (error);
  rocznik_year_add_topic (y, "gospodarka odpadami", 80000);
  g_assert_true (rocznik_workspace_store_year (ws, y, FALSE, &error));
  g_assert_no_error (error);
  second = rocznik_window_new (app, 2019, 2018);
  menu = GTK_DROP_DOWN (find_widget (GTK_WIDGET (second), is_compare_menu));
  g_assert_nonnull (menu);
  drain ();
  g_assert_cmpint (rocznik_window_get_year (second), ==, 2019);
  g_assert_cmpint (rocznik_window_get_compare_year (second), ==, 2018);
  shown = gtk_drop_down_get_selected_item (menu);
  g_assert_nonnull (shown);
  g_assert_cmpint (rocznik_year_item_get_year (shown), ==, 2018);
  g_assert_true (rocznik_window_get_column_visible (second, ROCZNIK_COLUMN_OTHER));
  gtk_window_destroy (GTK_WINDOW (second));
  drain ();
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_application_get_workspace (app, &error);
  g_autoptr(GArray) years = rocznik_workspace_list_years (ws);

  for (guint i = 0; i < years->len; i++)
    {
      g_assert_true (rocznik_workspace_delete_year (ws, g_array_index (years, int, i), &error));
      g_assert_no_error (error);
    }
  iterate_until (shows_empty, NULL, "the empty workspace page");
  g_assert_false (rocznik_window_get_sample_shown (window));
  screenshot ("12-empty-workspace");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  const char *dir = g_getenv ("ROCZNIK_SCREENSHOT_DIR");
  GList *windows;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* tests/make-screenshots.sh runs this under a Polish locale; gtk_test_init()
   * forced the C locale, under which gettext translates nothing */
  if (g_getenv ("ROCZNIK_LOCALEDIR"))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ROCZNIK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();

  tmpdir = g_dir_make_tmp ("rocznik-window-XXXXXX", &error);
  g_assert_no_error (error);
  workspace = g_build_filename (tmpdir, "workspace.db", NULL);
  shots = dir ? g_strdup (dir) : g_build_filename (tmpdir, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);

  app = rocznik_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  rocznik_application_set_workspace_path (app, workspace);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  window = ROCZNIK_WINDOW (windows->data);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);

  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/sort", test_sort);
  g_test_add_func ("/window/filter", test_filter);
  g_test_add_func ("/window/select-and-copy", test_select_and_copy);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/header-menus", test_header_menus);
  g_test_add_func ("/window/year-without-topics", test_year_without_topics);
  g_test_add_func ("/window/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/window/details", test_details);
  g_test_add_func ("/window/settings", test_settings);
  g_test_add_func ("/window/narrow-and-dark", test_narrow_and_dark);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/chart-types", test_chart_types);
  g_test_add_func ("/window/chart-texts", test_chart_texts);
  g_test_add_func ("/window/chart-export-presets", test_chart_export_presets);
  g_test_add_func ("/window/export-highlight", test_export_highlight);
  g_test_add_func ("/window/print", test_print);
  g_test_add_func ("/window/copy-chart", test_copy_chart);
  g_test_add_func ("/window/categories", test_categories);
  g_test_add_func ("/window/import-opens-dialog", test_import_opens_dialog);
  g_test_add_func ("/window/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/window/per-call-charts", test_per_call_charts);
  g_test_add_func ("/window/empty", test_empty);
  g_test_add_func ("/window/compare-at-start", test_compare_at_start);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  /* finalizing the application closes the workspace */
  g_object_unref (app);
  g_unlink (workspace);
  if (dir == NULL)
    {
      g_autoptr(GDir) d = g_dir_open (shots, 0, NULL);
      const char *name;

      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (shots, name, NULL);
          g_unlink (path);
        }
      g_rmdir (shots);
    }
  g_rmdir (tmpdir);
  g_free (shots);
  g_free (tmpdir);
  return status;
}
