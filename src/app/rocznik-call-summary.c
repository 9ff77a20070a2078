/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-call-summary.c — what a year's per-call records tell, at a glance:
 * the busiest month, the busiest hour of the week, the channels' shares and
 * the topic with the longest handling time
 *
 * Every figure and word comes from the core (rocznik-call-tables.c), so the
 * window says what `rocznik --list --by` prints. A year without per-call
 * records hides the summary; a row without its data is hidden alone.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rocznik-accessible.h"
#include "rocznik-call-summary.h"
#include "rocznik-call-tables.h"

struct _RocznikCallSummary
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  AdwActionRow        *month_row;
  AdwActionRow        *hour_row;
  AdwActionRow        *channels_row;
  AdwActionRow        *handling_row;
};

G_DEFINE_FINAL_TYPE (RocznikCallSummary, rocznik_call_summary, ADW_TYPE_BIN)

/* Shows @text (owned) in @row, or hides the row without it; TRUE if shown. */
static gboolean
show_row (AdwActionRow *row,
          char         *text)
{
  g_autofree char *owned = text;

  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  adw_action_row_set_subtitle (row, text ? text : "");
  return text != NULL;
}

static void
rocznik_call_summary_class_init (RocznikCallSummaryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rocznik/Rocznik/rocznik-call-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, RocznikCallSummary, group);
  gtk_widget_class_bind_template_child (widget_class, RocznikCallSummary, month_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikCallSummary, hour_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikCallSummary, channels_row);
  gtk_widget_class_bind_template_child (widget_class, RocznikCallSummary, handling_row);
}

static void
rocznik_call_summary_init (RocznikCallSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The group's inner list box is what a screen reader reaches. */
  rocznik_accessible_name_inner (GTK_WIDGET (self->group), GTK_TYPE_LIST_BOX,
                                 adw_preferences_group_get_title (self->group));
}

GtkWidget *
rocznik_call_summary_new (void)
{
  return g_object_new (ROCZNIK_TYPE_CALL_SUMMARY, NULL);
}

/* @year may be NULL: nothing to show. */
void
rocznik_call_summary_set_year (RocznikCallSummary *self,
                               const RocznikYear  *year)
{
  gboolean any = FALSE;

  g_return_if_fail (ROCZNIK_IS_CALL_SUMMARY (self));

  if (year != NULL && year->calls != NULL)
    {
      any |= show_row (self->month_row, rocznik_call_tables_describe_busiest_month (year));
      any |= show_row (self->hour_row, rocznik_call_tables_describe_peak_hour (year->calls));
      any |= show_row (self->channels_row, rocznik_call_tables_describe_channels (year->calls));
      any |= show_row (self->handling_row, rocznik_call_tables_describe_longest_handling (year));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}
