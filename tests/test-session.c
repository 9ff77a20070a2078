/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c — the rules between what the window shows, without a display */

#include "config.h"

#include <glib/gstdio.h>

#include "rocznik-session.h"
#include "rocznik-table.h"

static int notified;

static void
count_cb (void)
{
  notified++;
}

static void
store (RocznikWorkspace *ws,
       int               year,
       guint             n_topics,
       gint64            declared)
{
  g_autoptr(RocznikYear) y = rocznik_year_new (year);
  g_autoptr(GError) error = NULL;

  y->organisation = g_strdup ("Biuro Poznań Kontakt");
  y->declared_total = declared;
  for (guint i = 0; i < n_topics; i++)
    {
      g_autofree char *name = g_strdup_printf ("temat %u", i + 1);
      rocznik_year_add_topic (y, name, 1000 * (i + 1));
    }
  rocznik_workspace_store_year (ws, y, FALSE, &error);
  g_assert_no_error (error);
}

static void
test_rules (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rocznik-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  RocznikWorkspace *ws = rocznik_workspace_open (path, &error);
  RocznikSession *session = rocznik_session_new ();
  const char *const keys[] = { "temat 1", NULL };

  g_assert_no_error (error);
  store (ws, 2031, 0, 574000);
  store (ws, 2032, 3, ROCZNIK_NO_TOTAL);
  store (ws, 2033, 2, ROCZNIK_NO_TOTAL);
  rocznik_session_set_workspace (session, ws);
  g_signal_connect_swapped (session, "notify::year", G_CALLBACK (count_cb), NULL);

  /* no year asked for: the latest with topics (a new workspace holds the
   * sample, 2015–2021, too) */
  g_assert_true (rocznik_session_reload (session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rocznik_session_get_year (session), ==, 2033);
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpint (rocznik_session_get_chart_type (session), ==, ROCZNIK_CHART_RANKING);

  /* a year shares a topic with the one shown, or both declare a total */
  g_assert_false (rocznik_session_can_compare (session, 2031));
  g_assert_false (rocznik_session_can_compare (session, 2033));
  g_assert_false (rocznik_session_can_compare (session, 2030));
  g_assert_true (rocznik_session_can_compare (session, 2032));
  rocznik_session_set_comparison_year (session, 2031);
  g_assert_cmpint (rocznik_session_get_comparison_year (session), ==, 0);
  rocznik_session_set_comparison_year (session, 2032);
  g_assert_cmpint (rocznik_session_get_comparison_year (session), ==, 2032);
  /* the chart follows the comparison until one is chosen */
  g_assert_cmpint (rocznik_session_get_chart_type (session), ==, ROCZNIK_CHART_YOY);

  /* the same year again notifies nothing; the compared year shown drops it */
  rocznik_session_set_year (session, 2033);
  g_assert_cmpint (notified, ==, 1);
  rocznik_session_set_year (session, 2032);
  g_assert_cmpint (notified, ==, 2);
  g_assert_cmpint (rocznik_session_get_comparison_year (session), ==, 0);
  g_assert_cmpint (rocznik_session_get_chart_type (session), ==, ROCZNIK_CHART_RANKING);
  rocznik_session_set_year (session, 2030);
  g_assert_cmpint (rocznik_session_get_year (session), ==, 0);
  rocznik_session_set_year (session, 2032);

  /* a chosen type stays through another comparison */
  rocznik_session_set_chart_type (session, ROCZNIK_CHART_TREND);
  rocznik_session_set_comparison_year (session, 2033);
  g_assert_cmpint (rocznik_session_get_chart_type (session), ==, ROCZNIK_CHART_TREND);

  /* texts belong to one year and one chart type */
  rocznik_session_set_chart_text (session, ROCZNIK_CHART_TEXT_TITLE, "Tytuł 2032");
  g_assert_cmpstr (rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE), ==, "Tytuł 2032");
  rocznik_session_set_chart_type (session, ROCZNIK_CHART_RANKING);
  g_assert_null (rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE));
  rocznik_session_set_chart_type (session, ROCZNIK_CHART_TREND);
  rocznik_session_set_year (session, 2033);
  g_assert_null (rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE));
  rocznik_session_set_year (session, 2032);
  g_assert_cmpstr (rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE), ==, "Tytuł 2032");
  rocznik_session_set_chart_text (session, ROCZNIK_CHART_TEXT_TITLE, "");
  g_assert_null (rocznik_session_get_chart_text (session, ROCZNIK_CHART_TEXT_TITLE));

  rocznik_session_set_selected_topics (session, keys);
  g_assert_cmpstr (rocznik_session_get_selected_topics (session)[0], ==, "temat 1");

  /* what compares follows the year shown (it is kept between questions) */
  g_assert_true (rocznik_session_can_compare (session, 2033));
  g_assert_false (rocznik_session_can_compare (session, 2031));

  /* a category is found by its exact name once the workspace is read again */
  {
    const char *const transport[] = { "temat 1", "temat 2", NULL };
    const RocznikCategory *found;

    g_assert_null (rocznik_session_find_category (session, "Transport"));
    g_assert_true (rocznik_workspace_set_category (ws, "Transport", transport, &error));
    g_assert_no_error (error);
    g_assert_true (rocznik_session_reload (session, &error));
    found = rocznik_session_find_category (session, "Transport");
    g_assert_nonnull (found);
    g_assert_cmpstr (found->name, ==, "Transport");
    g_assert_cmpuint (found->keys->len, ==, 2);
    g_assert_null (rocznik_session_find_category (session, "transport "));
  }

  /* the year shown deleted: the default year follows on reload */
  g_assert_true (rocznik_workspace_delete_year (ws, 2032, &error));
  g_assert_true (rocznik_session_reload (session, &error));
  g_assert_cmpint (rocznik_session_get_year (session), ==, 2033);
  g_assert_false (rocznik_session_can_compare (session, 2032));
  g_assert_false (rocznik_session_can_compare (session, 2034));
  /* and the years read again, the year shown staying */
  store (ws, 2034, 1, ROCZNIK_NO_TOTAL);
  g_assert_true (rocznik_session_reload (session, &error));
  g_assert_cmpint (rocznik_session_get_year (session), ==, 2033);
  g_assert_true (rocznik_session_can_compare (session, 2034));

  g_object_unref (session);
  rocznik_workspace_free (ws);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/rules", test_rules);
  return g_test_run ();
}
