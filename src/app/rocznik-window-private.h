/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-window-private.h — what the window's shell and its actions share */
#pragma once

#include "rocznik-chart-pane.h"
#include "rocznik-topic-table.h"
#include "rocznik-session.h"
#include "rocznik-window.h"
#include "rocznik-year-panel.h"

G_BEGIN_DECLS

#define N_COLUMNS (ROCZNIK_COLUMN_CHANGE_PERCENT + 1)

struct _RocznikWindow
{
  AdwApplicationWindow parent_instance;

  RocznikWorkspace    *workspace;
  GSettings           *settings;
  RocznikSession      *session;
  guint                exporting;
  char                *last_toast;
  gboolean             narrow;
  gboolean             layout_done;
  cairo_surface_t     *frame_pool;     /* see rocznik-frame-pool.c */

  RocznikChartExportOptions export_options;

  GListStore          *year_items;     /* RocznikYearItem*, ascending */
  GtkCustomFilter     *comparable_filter;

  /* template */
  AdwHeaderBar        *header_bar;
  GtkButton           *import_button;
  GtkBox              *year_box;
  GtkBox              *year_bar;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *compare_dropdown;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton       *export_button;
  GtkMenuButton       *primary_menu_button;
  GtkToggleButton     *search_button;
  GtkRevealer         *sample_revealer;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwStatusPage       *error_page;
  AdwViewStack        *view_stack;
  GtkPaned            *paned;
  RocznikYearPanel    *year_panel;
  RocznikChartPane    *chart_pane;
  RocznikTopicTable   *topic_table;
};

/* rocznik-window.c */
void                rocznik_window_toast         (RocznikWindow *self,
                                                  const char    *title,
                                                  const char    *button,
                                                  const char    *action,
                                                  GVariant      *target);
void                rocznik_window_toast_error   (RocznikWindow *self,
                                                  const GError  *error);
RocznikHistory     *rocznik_window_history       (RocznikWindow *self);
void                rocznik_window_show_year     (RocznikWindow *self,
                                                  int            year,
                                                  int            compare_year);

/* rocznik-window-actions.c */
void                rocznik_window_actions_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
