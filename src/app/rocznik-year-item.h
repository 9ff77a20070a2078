/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-year-item.h — one stored year as the header's year menus list it */
#pragma once

#include <gtk/gtk.h>

#include "rocznik-year.h"

G_BEGIN_DECLS

#define ROCZNIK_TYPE_YEAR_ITEM (rocznik_year_item_get_type ())
G_DECLARE_FINAL_TYPE (RocznikYearItem, rocznik_year_item, ROCZNIK, YEAR_ITEM, GObject)

RocznikYearItem *rocznik_year_item_new            (int                year);
int              rocznik_year_item_get_year       (RocznikYearItem   *self);
void             rocznik_year_item_update         (RocznikYearItem   *self,
                                                   const RocznikYear *year);
void             rocznik_year_item_set_comparable (RocznikYearItem   *self,
                                                   gboolean           comparable);
guint            rocznik_year_items_find          (GListModel        *items,
                                                   int                year);
void             rocznik_year_items_add           (GListStore        *items,
                                                   GPtrArray         *years,
                                                   int                first);
void             rocznik_year_items_prune         (GListStore        *items,
                                                   GPtrArray         *years);
GtkListItemFactory *rocznik_year_item_factory_new (gboolean           compare);

G_END_DECLS
