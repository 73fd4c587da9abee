/* bp-window-private.h: what the window's files and its tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-answer-view.h"
#include "bp-deck-switcher.h"
#include "bp-history.h"
#include "bp-library.h"
#include "bp-notes-pane.h"
#include "bp-sidebar.h"
#include "bp-status-banner.h"
#include "bp-study-store.h"
#include "bp-study-view.h"
#include "bp-window.h"

G_BEGIN_DECLS

struct _BpWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_page;
  BpDeckSwitcher *deck_switcher;
  BpSidebar *sidebar;
  GtkWidget *content;
  GtkWidget *back_button;
  GtkWidget *weak_button;
  GtkWidget *notes_button;
  AdwWindowTitle *page_title;
  GtkPaned *paned;
  BpAnswerView *answer_view;
  BpNotesPane *notes_pane;
  BpStatusBanner *status_banner;
  GtkStack *content_stack;
  BpStudyView *study_view;
  GtkWidget *study_button;

  GSettings *settings;
  BpDeck *deck;
  BpStudyStore *store;
  BpReviews *reviews;
  /* The question whose answer is open. The window decides it and tells the answer view,
   * the titles and the notes; nothing reads it back from them. */
  BpQuestion *question;
  BpHistory *history;
  GtkWindow *shortcuts_window;  /* built when first shown */

  /* The library's side: the deck's entry, where the reader was in each deck this session,
   * the question to open once the deck being read is there, the files being read. */
  BpLibrary *library;
  BpLibraryEntry *entry;
  GHashTable *positions;
  char *wanted_question;
  char *study_when_read;        /* the id of the deck whose Study button was pressed */
  GCancellable *cancellable;
  guint n_loading;
  char *loading_name;
  guint loading_timeout_id;
  BpDeckProgress *loading_progress;   /* of the file named in the loading bar */
  GCancellable *loading_cancellable;  /* every open under way: the bar's Cancel */

  guint read_timeout_id;
  guint notes_page_timeout_id;
  gboolean notes_visible;
  /* The sidebar is being moved to the session's question: no question to open. */
  gboolean following_session;

  GHashTable *image_hints;  /* ids of the decks whose images' toast was shown */
};

void bp_window_class_add_actions         (GtkWidgetClass *widget_class);
void bp_window_update_study              (BpWindow       *self);
void _bp_window_class_add_library        (GtkWidgetClass *widget_class);
void _bp_window_init_library             (BpWindow       *self);
void _bp_window_dispose_library          (BpWindow       *self);
gboolean _bp_window_is_markdown          (GFile          *file);
void _bp_window_show_entry               (BpWindow       *self,
                                          BpLibraryEntry *entry);
GCancellable *_bp_window_loading_started (BpWindow       *self,
                                         GFile          *file,
                                         BpDeckProgress *progress);
void _bp_window_loading_ended            (BpWindow       *self);
void _bp_window_class_add_folder         (GtkWidgetClass *widget_class);
void _bp_window_init_folder              (BpWindow       *self);
void _bp_window_class_add_progress       (GtkWidgetClass *widget_class);
void _bp_window_init_progress            (BpWindow       *self);
void _bp_window_left_progress            (BpWindow       *self);
void _bp_window_init_study               (BpWindow       *self);
void _bp_window_update_titles            (BpWindow       *self);
void _bp_window_update_progress_titles   (BpWindow       *self);
void bp_window_export_notes              (BpWindow       *self,
                                          GFile          *file);
void bp_window_show_toast                (BpWindow       *self,
                                          const char     *title);

G_END_DECLS
