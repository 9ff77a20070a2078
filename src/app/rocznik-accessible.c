/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-accessible.c — names a screen reader reads, without doubles
 *
 * GTK 4.8 names a button with a text label twice: by its accessible label,
 * which keeps the mnemonic underscore ("_Save Changes"), and by the label
 * widget it is labelled by ("Save Changes"). Dropdowns put their focus on
 * an inner toggle button that has no name at all, so a screen reader reads
 * its type ("GtkToggleButton").
 */

#include "config.h"

#include "rocznik-accessible.h"

/* Drops the raw label ("_Save Changes") of every button under @root that
 * shows a mnemonic label, so the text it shows is its one name. */
void
rocznik_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if ((GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL
       && gtk_button_get_use_underline (GTK_BUTTON (root)))
      || (GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) != NULL
          && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root))))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    rocznik_accessible_fix_names (child);
}

/* GTK and libadwaita build widgets inside ours (a column view's list, a
 * preferences group's list box, a dropdown's popup list) that a screen
 * reader would read by their type name; every one of @type under @root
 * gets @name. */
void
rocznik_accessible_name_inner (GtkWidget  *root,
                               GType       type,
                               const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      rocznik_accessible_name_inner (child, type, name);
    }
}

/* The dropdown's choice, as its button shows it, is its button's description. */
static void
dropdown_selected_cb (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = "";

  if (item && GTK_IS_STRING_OBJECT (item))
    text = gtk_string_object_get_string (item);
  else if (item && expression && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    text = g_value_get_string (&value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "", -1);
}

/* Names a GtkDropDown and the button inside it that takes the focus; the
 * button's description says what is chosen. */
void
rocznik_accessible_name_dropdown (GtkDropDown *dropdown,
                                  const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The popup's list lives in the dropdown's popover, a child of it. */
  rocznik_accessible_name_inner (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW, name);
  button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  if (!GTK_IS_BUTTON (button))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), NULL);
  dropdown_selected_cb (dropdown);
}
