/* bp-sidebar-private.h: what the sidebar's files and its tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-all-decks-results.h"
#include "bp-search-filter.h"
#include "bp-sidebar.h"
#include "bp-study-filter.h"

G_BEGIN_DECLS

struct _BpSidebar
{
  GtkWidget parent_instance;

  /* template children: the entry, the filter, the list and the model chain under it,
   * deck -> search_filtered -> (ranking sorter) -> study_filtered -> slice -> selection.
   * study_filtered is what is listed; the slice, what the list view has grown to. */
  GtkSearchEntry *search_entry;
  GtkToggleButton *all_decks_button;
  GtkWidget *question_scroller;
  BpAllDecksResults *all_decks_results;
  GtkLabel *search_status;
  GtkDropDown *filter_dropdown;
  GtkStringList *filter_names;
  GtkListView *question_list;
  GtkFilterListModel *search_filtered;
  BpSearchFilter *search_filter;
  BpStudyFilter *study_filter;
  GtkFilterListModel *study_filtered;
  GtkSliceListModel *slice;
  GtkSingleSelection *selection;

  BpDeck *deck;
  BpStudyStore *store;
  BpReviews *reviews;
  BpQuestion *selected_question;  /* kept while a filter or the search hides it */
  BpQuestion *pending_question;   /* selected once the growing list reaches its row */
  guint grow_tick_id;
  GPtrArray *retired_rows;        /* rows the list let go, freed a few at a time */
  guint retire_id;
  guint scroll_tick_id;           /* a row to bring into view after the next layout */
  guint scroll_position;
  gint64 scroll_asked_frame;
  gboolean can_select_previous;
  gboolean can_select_next;
};

void _bp_sidebar_class_add_search     (GtkWidgetClass *widget_class);
void _bp_sidebar_init_search          (BpSidebar      *self);
void _bp_sidebar_update_search_status (BpSidebar      *self);
void     _bp_sidebar_select_position    (BpSidebar      *self,
                                         guint           position);
void     _bp_sidebar_start_growing      (BpSidebar      *self,
                                         BpDeck         *deck);
void     _bp_sidebar_stop_growing       (BpSidebar      *self);
void     _bp_sidebar_retire_row         (BpSidebar      *self,
                                         GtkWidget      *row);
void     _bp_sidebar_free_retired_rows  (BpSidebar      *self);
void     _bp_sidebar_show_position      (BpSidebar      *self,
                                         guint           position);
gboolean _bp_sidebar_select_when_listed (BpSidebar      *self,
                                         BpQuestion     *question,
                                         guint           position);
guint    _bp_sidebar_get_position       (BpSidebar      *self);
void     _bp_sidebar_scroll_to_position (BpSidebar      *self,
                                         guint           position);
void     _bp_sidebar_stop_scrolling     (BpSidebar      *self);

G_END_DECLS
