/* bp-window-private.h: what the window's files and its tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-answer-view.h"
#include "bp-history.h"
#include "bp-notes-pane.h"
#include "bp-search.h"
#include "bp-settings-enum-types.h"
#include "bp-study-store.h"
#include "bp-window.h"

G_BEGIN_DECLS

struct _BpWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkWidget *back_button;
  GtkWidget *weak_button;
  GtkWidget *notes_button;
  GtkSearchEntry *search_entry;
  GtkLabel *search_status;
  GtkDropDown *filter_dropdown;
  GtkStringList *filter_names;
  GtkListView *question_list;
  AdwWindowTitle *page_title;
  GtkPaned *paned;
  BpAnswerView *answer_view;
  BpNotesPane *notes_pane;

  GSettings *settings;
  BpDeck *deck;
  BpStudyStore *store;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  BpFilter filter_mode;
  BpSearchIndex *search_index;
  GListStore *search_results;
  char *search_query;  /* the text the list and the page show the results of */
  GtkWindow *shortcuts_window;  /* built when first shown */

  BpHistory *history;

  guint read_timeout_id;
  guint notes_page_timeout_id;
  gboolean notes_visible;
};

void bp_window_class_add_actions      (GtkWidgetClass *widget_class);
void bp_window_update_actions         (BpWindow       *self);
void bp_window_focus_question_list    (BpWindow       *self);
void bp_window_set_filter             (BpWindow       *self,
                                       BpFilter        filter);
void bp_window_export_notes           (BpWindow       *self,
                                       GFile          *file);
void bp_window_show_toast             (BpWindow       *self,
                                       const char     *title);
void bp_window_go_back                (BpWindow       *self);
void bp_window_go_forward             (BpWindow       *self);
void bp_window_focus_search           (BpWindow       *self);
void bp_window_clear_search           (BpWindow       *self);

G_END_DECLS
