/* bp-search-filter.h: the sidebar's search, as a list filter and the sorter of its ranking
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-deck.h"

G_BEGIN_DECLS

#define BP_TYPE_SEARCH_FILTER (bp_search_filter_get_type ())
#define BP_TYPE_SEARCH_SORTER (bp_search_sorter_get_type ())

G_DECLARE_FINAL_TYPE (BpSearchFilter, bp_search_filter, BP, SEARCH_FILTER, GtkFilter)
G_DECLARE_FINAL_TYPE (BpSearchSorter, bp_search_sorter, BP, SEARCH_SORTER, GtkSorter)

BpSearchFilter *bp_search_filter_new        (void);
BpDeck         *bp_search_filter_get_deck   (BpSearchFilter *self);
void            bp_search_filter_set_deck   (BpSearchFilter *self,
                                             BpDeck         *deck);
const char     *bp_search_filter_get_query  (BpSearchFilter *self);
void            bp_search_filter_set_query  (BpSearchFilter *self,
                                             const char     *query);
guint           bp_search_filter_get_rank   (BpSearchFilter *self,
                                             BpQuestion     *question);
GPtrArray      *bp_search_filter_get_results (BpSearchFilter *self);
char           *bp_search_filter_dup_snippet_markup (BpSearchFilter *self,
                                                     BpQuestion     *question);

BpSearchSorter *bp_search_sorter_new        (BpSearchFilter *filter);
BpSearchFilter *bp_search_sorter_get_filter (BpSearchSorter *self);
void            bp_search_sorter_set_filter (BpSearchSorter *self,
                                             BpSearchFilter *filter);

G_END_DECLS
