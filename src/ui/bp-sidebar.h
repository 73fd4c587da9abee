/* bp-sidebar.h: the list of questions, with its search and its study filter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-all-decks-results.h"
#include "bp-deck.h"
#include "bp-settings-enum-types.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_SIDEBAR (bp_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BpSidebar, bp_sidebar, BP, SIDEBAR, GtkWidget)

BpDeck       *bp_sidebar_get_deck                (BpSidebar    *self);
void          bp_sidebar_set_deck                (BpSidebar    *self,
                                                  BpDeck       *deck);
BpStudyStore *bp_sidebar_get_store               (BpSidebar    *self);
void          bp_sidebar_set_store               (BpSidebar    *self,
                                                  BpStudyStore *store);
void          bp_sidebar_set_reviews             (BpSidebar    *self,
                                                  BpReviews    *reviews);
BpQuestion   *bp_sidebar_get_selected_question   (BpSidebar    *self);
void          bp_sidebar_set_selected_question   (BpSidebar    *self,
                                                  BpQuestion   *question);
BpFilter      bp_sidebar_get_filter              (BpSidebar    *self);
void          bp_sidebar_set_filter              (BpSidebar    *self,
                                                  BpFilter      filter);
const char   *bp_sidebar_get_query               (BpSidebar    *self);
GListModel   *bp_sidebar_get_listed              (BpSidebar    *self);
gboolean      bp_sidebar_find_listed             (BpSidebar    *self,
                                                  BpQuestion   *question,
                                                  guint        *position);
gboolean      bp_sidebar_get_can_select_previous (BpSidebar    *self);
gboolean      bp_sidebar_get_can_select_next     (BpSidebar    *self);
void          bp_sidebar_select_relative         (BpSidebar    *self,
                                                  int           offset);
void          bp_sidebar_focus_search            (BpSidebar    *self);
void          bp_sidebar_toggle_search_all_decks (BpSidebar    *self);
void          bp_sidebar_clear_search            (BpSidebar    *self);
BpAllDecksResults *bp_sidebar_get_all_decks_results (BpSidebar *self);
void          bp_sidebar_focus_list              (BpSidebar    *self);

G_END_DECLS
